"""Cross-check the drawing against the content: every SVG id must name a record, every region,
root and nerve must be drawn somewhere, and every root needs its key sensory point."""

from __future__ import annotations

from pathlib import Path

from viewer.content.atlas import Atlas
from viewer.content.errors import ContentError, ContentProblem, display_path
from viewer.drawing.shapes import View
from viewer.drawing.svg_reader import read_views

#: drawn kind -> the content table whose every record needs one, and what is missing if not
REQUIRED = {
    "regions": ("regions", "has no shape in any SVG view"),
    "roots": ("roots", "has no shape in any SVG view"),
    "nerves": ("nerves", "has no shape in any SVG view"),
    "points": ("roots", "has no key sensory point in any SVG view"),
}


def _unknown(svg_id: str | None, kind: str, content_id: str | None) -> str:
    if kind == "points":
        return (
            f"{svg_id!r} is a key sensory point of {content_id!r}, "
            "which is not a root in the content"
        )
    return f"{svg_id!r} has no {kind[:-1]} {content_id!r} in the content"


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
        for shape in view.shapes:
            if not shape.kind:
                continue
            drawn.add((shape.kind, shape.content_id or ""))
            table = REQUIRED[shape.kind][0]
            if shape.content_id not in getattr(atlas, table):
                problems.append(
                    ContentProblem(
                        name, shape.line, _unknown(shape.svg_id, shape.kind, shape.content_id)
                    )
                )
    for kind, (table, missing) in REQUIRED.items():
        for rid in getattr(atlas, table):
            if (kind, rid) not in drawn:
                problems.append(ContentProblem("assets", 0, f"{table[:-1]} {rid!r} {missing}"))
    return sorted(set(problems))


def read_checked_views(folder: Path) -> tuple[list[tuple[str, View]], list[ContentProblem]]:
    """The views of a folder with their file names, and every problem reading them (damaged or
    missing SVG files) as content problems, so ``check`` and the window say the same thing."""
    views, errors = read_views(folder)
    problems = [ContentProblem(display_path(e.path), e.line, e.message) for e in errors]
    return [(str(path), view) for path, view in views], problems


def load_checked_views(atlas: Atlas, folder: Path) -> list[View]:
    """The views the window draws, refused with every problem (``ContentError``) if a view is
    damaged or missing, or if the drawing and the content do not match."""
    views, problems = read_checked_views(folder)
    if not problems:
        problems = check_geometry(atlas, views)
    if problems:
        raise ContentError(problems)
    return [view for _, view in views]
