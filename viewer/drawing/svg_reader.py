"""Read the schematic's SVG files into plain shapes and labels (no Qt here).

Element ids follow ``kind:content-id@side#part``: ``region:calf-posterior@left``,
``nerve:sural@right#2``, ``point:L5@left`` (a root's key sensory point, shown when the root is
selected). The side and part are optional; the kind and content id are what the YAML uses.

Two layers name a map or a nerve's skin: ``dermatome:S1@left#keegan`` is the S1 dermatome on the
left as the map ``keegan`` (data/maps.yaml) draws it, ``dermatome:S1@left#keegan.2`` a second piece
of it; ``territory:sural@left`` is the skin the sural nerve supplies (``#2`` for more pieces).
Elements without an id are drawing only (bones, skin, muscle), styled by ``class``. The side is
always the patient's side, whichever way the view faces.

A damaged drawing (cut off, empty, not UTF-8, no viewBox, numbers that are not numbers) raises
``ViewError`` with the file and line, never a traceback from deep inside the SVG library, which
is imported only when a view is not in the geometry cache.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from viewer.drawing import geometry_cache
from viewer.drawing.shapes import Label, Op, PathOps, Shape, View
from viewer.files import UnreadableFile, read_regular_file

if TYPE_CHECKING:
    import svgelements as se

ID_PATTERN = re.compile(
    r"^(?P<kind>region|place|root|nerve|point|dermatome|territory):(?P<id>[A-Za-z0-9-]+)"
    r"(?:@(?P<side>left|right))?"
    r"(?:#(?:(?P<map>[a-z][a-z0-9-]*)(?:\.(?P<piece>\d+))?|(?P<part>\d+)))?$"
)
#: SVG id prefix -> content kind (the YAML section name, or the drawn layer's name).
KIND_OF_PREFIX = {
    "region": "regions",
    "place": "places",  # a fine place, one cell of a region
    "root": "roots",
    "nerve": "nerves",
    "point": "points",
    "dermatome": "dermatomes",  # content id: a root; the part names the map
    "territory": "territories",  # content id: a nerve
}
#: Views in the order the canvas lays them out, left to right; others follow by name. The
#: window needs both, so a folder of views without one of them is reported.
VIEW_ORDER = ("posterior", "anterior")
REQUIRED_VIEWS = VIEW_ORDER
TITLE_PATTERN = re.compile(r"<title>([^<]*)</title>")
#: Largest SVG read (the shipped ones are about 100 kB).
MAX_SVG_BYTES = 20_000_000


class ViewError(Exception):
    """A view that cannot be drawn: where, and what is wrong, in words a person can act on."""

    def __init__(self, path: Path, line: int, message: str):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}" if line > 0 else f"{path}: {message}")


def _finite(*values: float) -> tuple[float, ...]:
    for v in values:
        if not math.isfinite(v):
            raise ValueError(f"a coordinate is not a finite number ({v})")
    return values


def _ops(path: se.Path) -> PathOps:
    import svgelements as se

    ops: list[Op] = []
    path.approximate_arcs_with_cubics()
    for seg in path.segments():
        if isinstance(seg, se.Move):
            ops.append(("M", *_finite(seg.end.x, seg.end.y)))
        elif isinstance(seg, se.Close):
            ops.append(("Z",))
        elif isinstance(seg, se.Line):
            ops.append(("L", *_finite(seg.end.x, seg.end.y)))
        elif isinstance(seg, se.CubicBezier):
            ops.append(
                (
                    "C",
                    *_finite(
                        seg.control1.x,
                        seg.control1.y,
                        seg.control2.x,
                        seg.control2.y,
                        seg.end.x,
                        seg.end.y,
                    ),
                )
            )
        elif isinstance(seg, se.QuadraticBezier):
            ops.append(("Q", *_finite(seg.control.x, seg.control.y, seg.end.x, seg.end.y)))
    return PathOps(ops)


def _id_lines(text: str) -> dict[str, int]:
    return {
        m.group(1): text.count("\n", 0, m.start()) + 1 for m in re.finditer(r'\bid="([^"]+)"', text)
    }


def _read_text(path: Path) -> str:
    try:
        raw = read_regular_file(path, MAX_SVG_BYTES)
    except UnreadableFile as exc:
        raise ViewError(path, 0, str(exc)) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ViewError(path, line, f"not UTF-8 text ({exc.reason})") from None


@cache
def load_view(path: Path) -> View:
    """The view drawn in one SVG file (from the geometry cache when the text is unchanged);
    raises ``ViewError`` if the file cannot be drawn."""
    text = _read_text(path)
    view = geometry_cache.load(path.stem, text)
    if view is None:
        view = _parse(path, text)
        geometry_cache.store(text, view)
    view.digest = hashlib.sha256(text.encode()).hexdigest()[:24]
    return view


def _parse(path: Path, text: str) -> View:
    import xml.etree.ElementTree as ET

    import svgelements as se

    if not text.strip():
        raise ViewError(path, 0, "is empty; expected an SVG drawing")
    try:
        svg = se.SVG.parse(io.BytesIO(text.encode("utf-8")))
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else 1
        raise ViewError(path, line, f"not well-formed SVG ({exc.msg})") from None  # type: ignore[attr-defined]
    except Exception as exc:  # svgelements raises many kinds on odd input
        raise ViewError(path, 1, f"cannot be read as SVG ({type(exc).__name__}: {exc})") from None
    if not isinstance(svg, se.SVG) or svg.viewbox is None:
        raise ViewError(path, 1, "the <svg> element has no viewBox (expected e.g. 0 0 1000 1600)")
    width, height = float(svg.viewbox.width), float(svg.viewbox.height)
    if not (math.isfinite(width) and math.isfinite(height) and width > 0 and height > 0):
        raise ViewError(path, 1, f"the viewBox is empty or not numbers ({svg.viewbox})")
    lines = _id_lines(text)
    view = View(path.stem, width, height)
    title = TITLE_PATTERN.search(text)
    view.title = title.group(1).strip() if title else path.stem.capitalize()
    for el in svg.elements():
        try:
            _add_element(view, el, lines)
        except (ValueError, TypeError, ArithmeticError, AttributeError) as exc:
            el_id = getattr(el, "id", None)
            where = f"element {el_id!r}" if el_id else f"a <{type(el).__name__.lower()}> element"
            raise ViewError(
                path, lines.get(el_id or "", 1), f"{where} cannot be drawn: {exc}"
            ) from None
    return view


def _add_element(view: View, el: Any, lines: dict[str, int]) -> None:
    import svgelements as se

    if isinstance(el, se.Text):
        x, y, size = _finite(float(el.x), float(el.y), float(el.values.get("font-size", 18)))
        view.labels.append(
            Label(
                x,
                y,
                el.text or "",
                size,
                el.values.get("text-anchor", "start"),
                el.values.get("font-weight", "normal") == "bold",
            )
        )
        return
    if isinstance(el, se.Shape) and not isinstance(el, se.Path):
        el = se.Path(el)
    if not isinstance(el, se.Path):
        return
    cls = str(el.values.get("class", "skin"))
    (width,) = _finite(float(el.values.get("stroke-width", 1) or 1))
    el_id = el.id
    if el_id:
        match = ID_PATTERN.match(el_id)
        if not match:
            view.bad_ids.append((el_id, lines.get(el_id, 0)))
            return
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
                match["map"],
            )
        )
    else:
        view.shapes.append(Shape(cls, _ops(el), stroke_width=width))


def view_files(folder: Path) -> list[Path]:
    def order(path: Path) -> tuple[int, str]:
        rank = VIEW_ORDER.index(path.stem) if path.stem in VIEW_ORDER else len(VIEW_ORDER)
        return rank, path.stem

    return sorted(folder.glob("*.svg"), key=order)


def read_views(folder: Path) -> tuple[list[tuple[Path, View]], list[ViewError]]:
    """Every view in a folder and every problem with them, all at once: damaged files, and
    views the window needs that are missing."""
    views: list[tuple[Path, View]] = []
    problems: list[ViewError] = []
    try:
        files = view_files(folder) if folder.is_dir() else []
    except OSError as exc:
        return [], [ViewError(folder, 0, f"cannot be listed ({exc.strerror or exc})")]
    if not folder.is_dir():
        problems.append(ViewError(folder, 0, "no such folder of SVG views"))
    for path in files:
        try:
            views.append((path, load_view(path)))
        except ViewError as exc:
            problems.append(exc)
    if folder.is_dir():
        names = {path.stem for path in files}
        for needed in REQUIRED_VIEWS:
            if needed not in names:
                problems.append(
                    ViewError(folder / f"{needed}.svg", 0, f"the {needed} view is missing")
                )
    return views, problems


def load_views(folder: Path) -> list[View]:
    """The views of a folder; raises the first ``ViewError`` (``read_views`` gives them all)."""
    views, problems = read_views(folder)
    if problems:
        raise problems[0]
    return [view for _, view in views]
