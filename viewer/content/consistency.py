"""Cross-check the drawing against the content: every SVG id must name a record, every region,
root and nerve must be drawn somewhere, and every root needs its key sensory point. The layers
are checked too: each root has a dermatome shape in each map on both sides (unless the map
itself leaves that root out), and each nerve its skin territory on both sides."""

from __future__ import annotations

from pathlib import Path

from viewer.content.atlas import Atlas
from viewer.content.errors import ContentError, ContentProblem, display_path
from viewer.drawing.shapes import Shape, View
from viewer.drawing.svg_reader import read_views

#: drawn kind -> the content table whose every record needs one, and what is missing if not
REQUIRED = {
    "regions": ("regions", "has no shape in any SVG view"),
    "places": ("places", "has no shape in any SVG view (expected id place:ID@left and @right)"),
    "roots": ("roots", "has no shape in any SVG view"),
    "nerves": ("nerves", "has no shape in any SVG view"),
    "points": ("roots", "has no key sensory point in any SVG view"),
}
#: drawn layer kind -> the content table its ids name
LAYER_TABLE = {"dermatomes": "roots", "territories": "nerves"}
SIDES = ("left", "right")


def _unknown(svg_id: str | None, kind: str, content_id: str | None) -> str:
    if kind == "points":
        return (
            f"{svg_id!r} is a key sensory point of {content_id!r}, "
            "which is not a root in the content"
        )
    return f"{svg_id!r} has no {kind[:-1]} {content_id!r} in the content"


def _check_layer_shape(atlas: Atlas, name: str, shape: Shape) -> ContentProblem | None:
    table = LAYER_TABLE[shape.kind or ""]
    what = "root" if table == "roots" else "nerve"
    if shape.content_id not in getattr(atlas, table):
        return ContentProblem(
            name,
            shape.line,
            f"{shape.svg_id!r} names no {what} {shape.content_id!r} in the content",
        )
    if shape.side not in SIDES:
        return ContentProblem(name, shape.line, f"{shape.svg_id!r} needs a side (@left or @right)")
    if shape.kind == "dermatomes" and shape.map_id not in atlas.maps:
        known = ", ".join(atlas.maps) or "none"
        return ContentProblem(
            name,
            shape.line,
            f"{shape.svg_id!r} must name its map after '#' (one of: {known}), "
            "e.g. dermatome:S1@left#keegan",
        )
    if shape.kind == "territories" and shape.map_id is not None:
        return ContentProblem(name, shape.line, f"{shape.svg_id!r}: a territory names no map")
    return None


def check_layers(
    atlas: Atlas, layered: set[tuple[str, str, str | None, str | None]]
) -> list[ContentProblem]:
    """What the layers are missing: a dermatome per root, map and side; a territory per nerve
    and side; and maps whose ``not_drawn`` or ``disputes`` name nothing."""
    problems: list[ContentProblem] = []
    for map_id, record in atlas.maps.items():
        for ref in record.not_drawn:
            if ref not in atlas.roots:
                problems.append(
                    ContentProblem(
                        "maps", 0, f"map {map_id!r}: not_drawn names unknown root {ref!r}"
                    )
                )
        for ref in record.disputes:
            if ref not in atlas.disputes:
                problems.append(
                    ContentProblem(
                        "maps", 0, f"map {map_id!r}: disputes names unknown dispute {ref!r}"
                    )
                )
        for root in atlas.roots:
            if root in record.not_drawn:
                continue
            for side in SIDES:
                if ("dermatomes", root, side, map_id) not in layered:
                    problems.append(
                        ContentProblem(
                            "assets",
                            0,
                            f"root {root!r} has no dermatome shape for map {map_id!r} on the {side} "
                            f"(expected id dermatome:{root}@{side}#{map_id}, or list the root in "
                            "the map's not_drawn)",
                        )
                    )
    for nerve in atlas.nerves:
        for side in SIDES:
            if ("territories", nerve, side, None) not in layered:
                problems.append(
                    ContentProblem(
                        "assets",
                        0,
                        f"nerve {nerve!r} has no skin territory on the {side} "
                        f"(expected id territory:{nerve}@{side})",
                    )
                )
    return problems


def check_places(views: list[tuple[str, View]]) -> list[ContentProblem]:
    """A place drawn on one side of a view must be drawn on the other side of that view too."""
    problems: list[ContentProblem] = []
    for path, view in views:
        name = display_path(Path(path))
        drawn: dict[str, dict[str | None, Shape]] = {}
        for shape in view.shapes:
            if shape.kind == "places":
                drawn.setdefault(shape.content_id or "", {})[shape.side] = shape
        for pid, by_side in drawn.items():
            for side in SIDES:
                if side not in by_side:
                    first = next(iter(by_side.values()))
                    problems.append(
                        ContentProblem(
                            name,
                            first.line,
                            f"place {pid!r} is drawn here but not on the {side} "
                            f"(expected id place:{pid}@{side})",
                        )
                    )
    return problems


def check_geometry(
    atlas: Atlas,
    views: list[tuple[str, View]],
    where: dict[tuple[str, str], tuple[str, int]] | None = None,
) -> list[ContentProblem]:
    """Every problem between the drawing and the content. ``where`` gives the file and line of
    each record (kind, id), so a record that is not drawn is reported where it is written."""
    where = where or {}
    problems: list[ContentProblem] = check_places(views) if atlas.places else []
    drawn: set[tuple[str, str]] = set()
    layered: set[tuple[str, str, str | None, str | None]] = set()
    for path, view in views:
        name = display_path(Path(path))
        for bad_id, line in view.bad_ids:
            problems.append(
                ContentProblem(
                    name,
                    line,
                    f"id {bad_id!r} is not of the form kind:id@side (kind: region, place, root, "
                    "nerve, point, dermatome, territory)",
                )
            )
        for shape in view.shapes:
            if not shape.kind or (shape.kind == "places" and not atlas.places):
                continue  # a content folder from before the fine places: its regions are the skin
            if shape.kind in LAYER_TABLE:
                problem = _check_layer_shape(atlas, name, shape)
                if problem:
                    problems.append(problem)
                else:
                    layered.add((shape.kind, shape.content_id or "", shape.side, shape.map_id))
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
                file, line = where.get((table, rid), ("assets", 0))
                problems.append(ContentProblem(file, line, f"{table[:-1]} {rid!r} {missing}"))
    if any(view.layer_shapes() for _, view in views) or atlas.maps:
        problems += check_layers(atlas, layered)
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
