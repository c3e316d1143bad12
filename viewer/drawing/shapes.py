"""The plain shapes and labels a drawing is made of (no Qt, no SVG parsing here).

Element ids follow ``kind:content-id@side#part``: ``region:calf-posterior@left``,
``nerve:sural@right#2``, ``point:L5@left`` (a root's key sensory point, shown when the root is
selected). The side is always the patient's side, whichever way the view faces.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from viewer.drawing.path_stream import pack

#: kinds of drawn shapes a click selects, and kinds drawn as switchable layers over the skin
CLICKABLE_KINDS = ("regions", "places", "roots", "nerves")
LAYER_KINDS = ("dermatomes", "territories")

Op = tuple  # ("M", x, y) | ("L", x, y) | ("C", x1, y1, x2, y2, x, y) | ("Q", ...) | ("Z",)


class PathOps(tuple):  # type: ignore[type-arg]
    """A shape's path steps: a tuple of ``Op`` (equal to, and hashed like, the plain tuple of
    the same steps), with what start-up would otherwise work out from every step again, worked
    out once when the drawing is read and kept with it in the geometry cache:

    - ``stream``: the path as Qt reads it in one call (see ``viewer.drawing.path_stream``), or
      None where Qt has to build it step by step;
    - ``x_range``: the leftmost and rightmost x the steps end at, or None if none does.
    """

    stream: bytes | None
    x_range: tuple[float, float] | None

    def __new__(cls, ops: Iterable[Op] = ()) -> PathOps:
        self = super().__new__(cls, ops)
        self.stream = pack(self)
        xs = [op[-2] for op in self if len(op) >= 3]
        self.x_range = (min(xs), max(xs)) if xs else None
        return self

    def with_steps(self, steps: Iterable[Op]) -> PathOps:
        """These steps, equal to this path's own (say, objects shared with other shapes),
        keeping what was worked out from them."""
        return _restored(tuple(steps), self.stream, self.x_range)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # unpickled as kept, not worked out again (that would undo the cache's point)
        return _restored, (tuple(self), self.stream, self.x_range)


def _restored(
    ops: tuple[Op, ...], stream: bytes | None, x_range: tuple[float, float] | None
) -> PathOps:
    self = tuple.__new__(PathOps, ops)
    self.stream = stream
    self.x_range = x_range
    return self


@dataclass(frozen=True)
class Shape:
    cls: str
    ops: tuple[Op, ...]
    kind: str | None = None  # "regions" / "roots" / "nerves" for clickable shapes
    content_id: str | None = None
    side: str | None = None
    stroke_width: float = 1.0
    svg_id: str | None = None
    line: int = 0
    #: the map a dermatome shape belongs to (``keegan`` in ``dermatome:S1@left#keegan``)
    map_id: str | None = None


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    size: float
    anchor: str
    bold: bool


@dataclass
class View:
    name: str
    width: float
    height: float
    shapes: list[Shape] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    bad_ids: list[tuple[str, int]] = field(default_factory=list)
    title: str = ""
    #: a hash of the SVG text the view was read from ("" if unknown): keys caches of
    #: measurements made on the drawing
    digest: str = ""

    def clickable(self) -> list[Shape]:
        return [s for s in self.shapes if s.kind in CLICKABLE_KINDS]

    def layer_shapes(self) -> list[Shape]:
        """Dermatomes and nerve territories: shown over the skin, never clicked."""
        return [s for s in self.shapes if s.kind in LAYER_KINDS]

    def key_points(self) -> list[Shape]:
        return [s for s in self.shapes if s.kind == "points"]

    def x_extent(self) -> tuple[float, float]:
        """Leftmost and rightmost x of the drawing (labels estimated from their length), so
        views can sit side by side without wasted margins."""
        xs: list[float] = []
        for s in self.shapes:
            ops = s.ops if isinstance(s.ops, PathOps) else PathOps(s.ops)
            if ops.x_range is not None:
                xs += ops.x_range
        for lb in self.labels:
            w = len(lb.text) * lb.size * 0.56
            left = lb.x - {"middle": w / 2, "end": w}.get(lb.anchor, 0.0)
            xs += [left, left + w]
        return (min(xs), max(xs)) if xs else (0.0, self.width)
