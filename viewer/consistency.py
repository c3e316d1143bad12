"""Cross-check the drawing against the content: every SVG id must name a record, every region,
root and nerve must be drawn somewhere, and every root needs its key sensory point."""

from __future__ import annotations

from pathlib import Path

from viewer.content.atlas import Atlas
from viewer.content.errors import ContentProblem, display_path
from viewer.geometry import View

DRAWN_KINDS = ("regions", "roots", "nerves")


def check_geometry(atlas: Atlas, views: list[tuple[str, View]]) -> list[ContentProblem]:
    problems: list[ContentProblem] = []
    drawn: set[tuple[str, str]] = set()
    for path, view in views:
        name = display_path(Path(path))
        for bad_id, line in view.bad_ids:
            problems.append(
                ContentProblem(
                    name,
                    line,
                    f"id {bad_id!r} is not of the form kind:id@side (kind: region, root, nerve, point)",
                )
            )
        for shape in view.clickable():
            key = (shape.kind or "", shape.content_id or "")
            drawn.add(key)
            if shape.content_id not in getattr(atlas, key[0]):
                problems.append(
                    ContentProblem(
                        name,
                        shape.line,
                        f"{shape.svg_id!r} has no {key[0][:-1]} {shape.content_id!r} in the content",
                    )
                )
        for shape in view.key_points():
            drawn.add(("points", shape.content_id or ""))
            if shape.content_id not in atlas.roots:
                problems.append(
                    ContentProblem(
                        name,
                        shape.line,
                        f"{shape.svg_id!r} is a key sensory point of {shape.content_id!r}, "
                        "which is not a root in the content",
                    )
                )
    for rid in atlas.roots:
        if ("points", rid) not in drawn:
            problems.append(
                ContentProblem(
                    "assets", 0, f"root {rid!r} has no key sensory point in any SVG view"
                )
            )
    for kind in DRAWN_KINDS:
        for rid in getattr(atlas, kind):
            if (kind, rid) not in drawn:
                problems.append(
                    ContentProblem("assets", 0, f"{kind[:-1]} {rid!r} has no shape in any SVG view")
                )
    return sorted(set(problems))
