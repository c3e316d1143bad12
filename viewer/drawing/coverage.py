"""Which places (skin regions) a drawn layer shape covers, worked out from the geometry alone
(no Qt): the dermatome a map draws for a root, or a nerve's territory, sampled on a grid and each
sample given to the region drawn under it. ``explain`` uses it to name, per map, the places a
root's dermatome covers, so the words always follow the drawing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from viewer.drawing.shapes import Op, Shape, View

Polygon = list[tuple[float, float]]
#: grid spacing of the samples, in drawing units (12 per cm)
STEP = 8.0
#: a region is named when it holds at least this share of the samples
MIN_SHARE = 0.04


def polygons(ops: Iterable[Op], samples: int = 6) -> list[Polygon]:
    """The closed outlines of a path, curves flattened to short lines."""
    out: list[Polygon] = []
    current: Polygon = []
    x = y = 0.0
    for op in ops:
        code = op[0]
        if code == "M":
            if len(current) > 2:
                out.append(current)
            x, y = op[1], op[2]
            current = [(x, y)]
        elif code == "L":
            x, y = op[1], op[2]
            current.append((x, y))
        elif code in ("C", "Q"):
            pts = [(x, y), *zip(op[1::2], op[2::2])]
            for i in range(1, samples + 1):
                t = i / samples
                current.append(_bezier(pts, t))
            x, y = pts[-1]
        elif code == "Z":
            if len(current) > 2:
                out.append(current)
            current = []
    if len(current) > 2:
        out.append(current)
    return out


def _bezier(pts: list[tuple[float, float]], t: float) -> tuple[float, float]:
    while len(pts) > 1:
        pts = [
            (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) for a, b in zip(pts, pts[1:])
        ]
    return pts[0]


def inside(polys: list[Polygon], px: float, py: float) -> bool:
    """Even-odd rule over every outline (the SVG reader's fill rule for regions)."""
    hit = False
    for poly in polys:
        j = len(poly) - 1
        for i in range(len(poly)):
            xi, yi = poly[i]
            xj, yj = poly[j]
            if (yi > py) != (yj > py) and px < (xj - xi) * (py - yi) / (yj - yi) + xi:
                hit = not hit
            j = i
    return hit


def _bounds(polys: list[Polygon]) -> tuple[float, float, float, float]:
    xs = [p[0] for poly in polys for p in poly]
    ys = [p[1] for poly in polys for p in poly]
    return min(xs), min(ys), max(xs), max(ys)


def places_covered(drawn: Iterable[tuple[View, Shape]]) -> list[tuple[str, float]]:
    """The regions under the given layer shapes (each with the view it is drawn in), with the
    share of the shapes' area each holds, largest first; regions under less than ``MIN_SHARE``
    are left out."""
    counts: Counter[str] = Counter()
    total = 0
    for view, shape in drawn:
        regions = [
            (s.content_id or "", polys, _bounds(polys))
            for s in view.shapes
            if s.kind == "regions" and s.side == shape.side
            for polys in [polygons(s.ops)]
            if polys
        ]
        # each piece of the layer shape on its own: pieces are a union, not even-odd
        for piece in polygons(shape.ops):
            x0, y0, x1, y1 = _bounds([piece])
            y = y0 + STEP / 2
            while y < y1:
                x = x0 + STEP / 2
                while x < x1:
                    if inside([piece], x, y):
                        total += 1
                        for rid, polys, (rx0, ry0, rx1, ry1) in regions:
                            if rx0 <= x <= rx1 and ry0 <= y <= ry1 and inside(polys, x, y):
                                counts[rid] += 1
                                break
                    x += STEP
                y += STEP
    if not total:
        return []
    shares = [(rid, n / total) for rid, n in counts.most_common()]
    return [(rid, round(share, 3)) for rid, share in shares if share >= MIN_SHARE]


def dermatome_places(views: list[View], root: str, map_id: str, side: str = "left") -> list[tuple[str, float]]:
    """The places the map's dermatome for this root covers on one side, largest share first."""
    return places_covered(
        (view, s)
        for view in views
        for s in view.shapes
        if s.kind == "dermatomes" and s.content_id == root and s.map_id == map_id and s.side == side
    )
