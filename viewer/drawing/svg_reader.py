"""Read the schematic's SVG files into plain shapes and labels (no Qt here).

Element ids follow ``kind:content-id@side#part``: ``region:calf-posterior@left``,
``nerve:sural@right#2``, ``point:L5@left`` (a root's key sensory point, shown when the root is
selected). The side and part are optional; the kind and content id are what the YAML uses.
Elements without an id are drawing only (bones, skin, muscle), styled by ``class``. The side is
always the patient's side, whichever way the view faces.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import svgelements as se

from viewer.drawing import geometry_cache
from viewer.drawing.shapes import Label, Op, Shape, View

ID_PATTERN = re.compile(
    r"^(?P<kind>region|root|nerve|point):(?P<id>[A-Za-z0-9-]+)"
    r"(?:@(?P<side>left|right))?(?:#(?P<part>\d+))?$"
)
#: SVG id prefix -> content kind (the YAML section name).
KIND_OF_PREFIX = {"region": "regions", "root": "roots", "nerve": "nerves", "point": "points"}
#: Views in the order the canvas lays them out, left to right; others follow by name.
VIEW_ORDER = ("posterior", "anterior")
TITLE_PATTERN = re.compile(r"<title>([^<]*)</title>")

def _ops(path: se.Path) -> tuple[Op, ...]:
    ops: list[Op] = []
    path.approximate_arcs_with_cubics()
    for seg in path.segments():
        if isinstance(seg, se.Move):
            ops.append(("M", seg.end.x, seg.end.y))
        elif isinstance(seg, se.Close):
            ops.append(("Z",))
        elif isinstance(seg, se.Line):
            ops.append(("L", seg.end.x, seg.end.y))
        elif isinstance(seg, se.CubicBezier):
            ops.append(
                (
                    "C",
                    seg.control1.x,
                    seg.control1.y,
                    seg.control2.x,
                    seg.control2.y,
                    seg.end.x,
                    seg.end.y,
                )
            )
        elif isinstance(seg, se.QuadraticBezier):
            ops.append(("Q", seg.control.x, seg.control.y, seg.end.x, seg.end.y))
    return tuple(ops)


def _id_lines(text: str) -> dict[str, int]:
    return {
        m.group(1): text.count("\n", 0, m.start()) + 1 for m in re.finditer(r'\bid="([^"]+)"', text)
    }


@cache
def load_view(path: Path) -> View:
    text = path.read_text(encoding="utf-8")
    cached = geometry_cache.load(path.stem, text)
    if cached is not None:
        return cached
    view = _parse(path, text)
    geometry_cache.store(text, view)
    return view


def _parse(path: Path, text: str) -> View:
    lines = _id_lines(text)
    svg = se.SVG.parse(str(path))
    view = View(path.stem, float(svg.viewbox.width), float(svg.viewbox.height))
    title = TITLE_PATTERN.search(text)
    view.title = title.group(1).strip() if title else path.stem.capitalize()
    for el in svg.elements():
        if isinstance(el, se.Text):
            view.labels.append(
                Label(
                    float(el.x),
                    float(el.y),
                    el.text or "",
                    float(el.values.get("font-size", 18)),
                    el.values.get("text-anchor", "start"),
                    el.values.get("font-weight", "normal") == "bold",
                )
            )
            continue
        if isinstance(el, se.Shape) and not isinstance(el, se.Path):
            el = se.Path(el)
        if not isinstance(el, se.Path):
            continue
        cls = str(el.values.get("class", "skin"))
        width = float(el.values.get("stroke-width", 1) or 1)
        el_id = el.id
        if el_id:
            match = ID_PATTERN.match(el_id)
            if not match:
                view.bad_ids.append((el_id, lines.get(el_id, 0)))
                continue
            view.shapes.append(
                Shape(
                    cls,
                    _ops(el),
                    KIND_OF_PREFIX[match["kind"]],
                    match["id"],
                    match["side"],
                    width,
                    el_id,
                    lines.get(el_id, 0),
                )
            )
        else:
            view.shapes.append(Shape(cls, _ops(el), stroke_width=width))
    return view


def view_files(folder: Path) -> list[Path]:
    def order(path: Path) -> tuple[int, str]:
        rank = VIEW_ORDER.index(path.stem) if path.stem in VIEW_ORDER else len(VIEW_ORDER)
        return rank, path.stem

    return sorted(folder.glob("*.svg"), key=order)


def load_views(folder: Path) -> list[View]:
    return [load_view(p) for p in view_files(folder)]
