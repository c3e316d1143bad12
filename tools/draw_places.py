"""The fine places ("cells") a patient can point at: each coarse skin region cut into one to
four cells, written as ``place:ID@side`` paths in their own group, after the regions.

The cells are cut out of the region shapes the view has just written (so they tile each
region exactly and follow its curved outline, whatever the view draws), by rules in
*region coordinates*:

``y``      drawing height (the same on every view: 12 units per cm, the knee at the same y);
``t``      across the region at that height, from its inner edge (towards the midline, 0) to
           its outer edge (1), measured on the region's own outline (for the limb's regions,
           whose top and bottom run straight across);
``x``      across the region's bounding box, inner side 0 to outer side 1: a straight cut, for
           the trunk's and the foot's regions, whose slanted edges make ``t`` ill-defined;
``piece``  which subpath of the region (the sole is the sole patch, then the toes under it).

A rule list can be limited to one view, so the outer strip of the leg seen from behind and the
front of the shin seen from the front can be different cells of one region. Each place id is
a record of ``data/places.yaml`` (name in patient words, aliases, its region); ``check``
proves that every record has a shape on both sides and every shape a record.

Only the generators import this (``draw_posterior.main`` and ``draw_anterior.main`` call
``draw`` once, after ``draw_layers.draw``).
"""

from __future__ import annotations

import re

Point = tuple[float, float]
#: (variable, ">=" or "<", value)
Cut = tuple[str, str, float]
#: (place id, view name or None for every view, cuts that all hold)
Cell = tuple[str, str | None, list[Cut]]

MID = 500.0
#: longest straight step of a region outline before cutting, in drawing units
STEP = 3.0
#: pieces smaller than this (square drawing units) are slivers and are dropped
MIN_AREA = 60.0
#: the across scale at a height uses the region's widest extent this far above and below it
WINDOW = 24.0
PROFILE_STEP = 2.0
#: how far a simplified outline may stray from the exact one, in drawing units
TOLERANCE = 0.35

CELLS: dict[str, list[Cell]] = {
    "low-back": [
        ("low-back-centre", None, [("x", "<", 0.45)]),
        ("low-back-side", None, [("x", ">=", 0.45)]),
    ],
    "buttock": [
        ("buttock-upper", None, [("y", "<", 380)]),
        ("sitting-bone", None, [("y", ">=", 380), ("x", "<", 0.42)]),
        ("buttock-lower-outer", None, [("y", ">=", 380), ("x", ">=", 0.42)]),
    ],
    "saddle": [
        ("saddle-back", "posterior", []),
        ("saddle-front", "anterior", []),
    ],
    "thigh-posterior": [
        ("thigh-back-upper", None, [("y", "<", 700)]),
        ("thigh-back-lower", None, [("y", ">=", 700)]),
    ],
    "thigh-lateral": [
        ("hip-side", None, [("y", "<", 640)]),
        ("thigh-outer", None, [("y", ">=", 640)]),
    ],
    "thigh-medial": [
        ("thigh-inner-upper", None, [("y", "<", 700)]),
        ("thigh-inner-lower", None, [("y", ">=", 700)]),
    ],
    "knee-posterior": [("knee-back", None, [])],
    "calf-posterior": [
        ("calf-upper-inner", None, [("y", "<", 1180), ("t", "<", 0.5)]),
        ("calf-upper-outer", None, [("y", "<", 1180), ("t", ">=", 0.5)]),
        ("calf-lower", None, [("y", ">=", 1180), ("y", "<", 1300)]),
        ("achilles", None, [("y", ">=", 1300)]),
    ],
    "leg-lateral": [
        ("shin-front", "anterior", [("y", "<", 1310), ("t", "<", 0.5)]),
        ("leg-outer", "anterior", [("y", "<", 1310), ("t", ">=", 0.5)]),
        ("leg-outer", "posterior", [("y", "<", 1310)]),
        ("ankle-outer", None, [("y", ">=", 1310)]),
    ],
    "leg-medial": [
        ("shin-inner", None, [("y", "<", 1310)]),
        ("ankle-inner", None, [("y", ">=", 1310)]),
    ],
    "heel": [("heel-pad", None, [])],
    "sole": [
        ("arch", None, [("piece", "<", 1), ("y", "<", 1515)]),
        ("ball-of-foot", None, [("piece", "<", 1), ("y", ">=", 1515)]),
        ("middle-toes-under", None, [("piece", ">=", 1)]),
    ],
    "foot-lateral-edge": [("foot-outer-edge", None, [])],
    "little-toe": [("toe-little", None, [])],
    "big-toe": [("toe-big", None, [])],
    "first-web-space": [("toe-web", None, [])],
    "foot-dorsum": [
        ("foot-top-inner", None, [("x", "<", 0.5)]),
        ("foot-top-outer", None, [("x", ">=", 0.5)]),
    ],
    "groin": [
        ("groin-inner", None, [("x", "<", 0.5)]),
        ("hip-front", None, [("x", ">=", 0.5)]),
    ],
    "thigh-anterior-upper": [
        ("thigh-front-top", None, [("y", "<", 560)]),
        ("thigh-front-middle", None, [("y", ">=", 560)]),
    ],
    "thigh-anterior-lower": [
        ("thigh-front-lower", None, [("y", "<", 800)]),
        ("above-kneecap", None, [("y", ">=", 800)]),
    ],
    "knee-anterior": [
        ("knee-inner", None, [("t", "<", 0.35)]),
        ("kneecap", None, [("t", ">=", 0.35)]),
    ],
}

REGION_PATH = re.compile(r'id="region:(?P<id>[a-z0-9-]+)@(?P<side>left|right)(?:#\d+)?"[^>]*d="(?P<d>[^"]*)"')


def region_pieces(items: list[str]) -> dict[tuple[str, str], list[list[Point]]]:
    """Every region's subpaths as polygons, per (region id, side), in drawing order."""
    out: dict[tuple[str, str], list[list[Point]]] = {}
    for item in items:
        match = REGION_PATH.search(item)
        if not match:
            continue
        polys = out.setdefault((match["id"], match["side"]), [])
        for sub in match["d"].split("M")[1:]:
            pts = [
                (float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", sub)
            ]
            if len(pts) > 2:
                polys.append(pts)
    return out


def _densify(poly: list[Point]) -> list[Point]:
    out: list[Point] = []
    for p, q in zip(poly, [*poly[1:], poly[0]]):
        n = max(1, int(((q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2) ** 0.5 / STEP))
        out += [(p[0] + (q[0] - p[0]) * i / n, p[1] + (q[1] - p[1]) * i / n) for i in range(n)]
    return out


def _extent(polys: list[list[Point]], y: float) -> tuple[float, float] | None:
    """Leftmost and rightmost x where the region's outline crosses height y."""
    xs = []
    for poly in polys:
        for (x0, y0), (x1, y1) in zip(poly, [*poly[1:], poly[0]]):
            if (y0 <= y < y1) or (y1 <= y < y0):
                xs.append(x0 + (x1 - x0) * (y - y0) / (y1 - y0))
    return (min(xs), max(xs)) if len(xs) >= 2 else None


def _across(polys: list[list[Point]]):  # type: ignore[no-untyped-def]
    """t(x, y): 0 at the region's inner edge (towards the midline), 1 at its outer edge. The
    edges at height y are the region's widest extent within ``WINDOW`` above and below, so a
    slanted top or bottom edge (the iliac crest) does not squeeze the scale to nothing."""
    xs = [x for poly in polys for x, _ in poly]
    ys = [y for poly in polys for _, y in poly]
    inner_is_right = (min(xs) + max(xs)) / 2 < MID
    y0, y1 = min(ys), max(ys)
    n = max(1, int((y1 - y0) / PROFILE_STEP))
    rows = [_extent(polys, y0 + (y1 - y0) * (k + 0.5) / n) for k in range(n)]
    reach = max(1, int(WINDOW / ((y1 - y0) / n)))

    def t(p: Point) -> float:
        k = min(max(int((p[1] - y0) / (y1 - y0) * n), 0), n - 1)
        near = [r for r in rows[max(0, k - reach) : k + reach + 1] if r is not None]
        if not near:
            return 0.5
        left, right = min(r[0] for r in near), max(r[1] for r in near)
        f = (p[0] - left) / max(right - left, 1e-9)
        return 1 - f if inner_is_right else f

    return t


def _clip(poly: list[Point], g) -> list[Point]:  # type: ignore[no-untyped-def]
    """Sutherland–Hodgman against the field g: keep where g(p) <= 0. The outline is dense, so
    the crossing is found by linear interpolation of g between neighbours."""
    out: list[Point] = []
    if not poly:
        return out
    values = [g(p) for p in poly]
    for i, p in enumerate(poly):
        j = (i + 1) % len(poly)
        q, gp, gq = poly[j], values[i], values[j]
        if gp <= 0:
            out.append(p)
        if (gp <= 0) != (gq <= 0):
            f = gp / (gp - gq)
            out.append((p[0] + (q[0] - p[0]) * f, p[1] + (q[1] - p[1]) * f))
    return out


def _area(poly: list[Point]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(poly, [*poly[1:], poly[0]]))) / 2


def _simplify(pts: list[Point]) -> list[Point]:
    """Douglas–Peucker on an open run of points (the ends are kept)."""
    if len(pts) < 3:
        return pts
    (ax, ay), (bx, by) = pts[0], pts[-1]
    dx, dy = bx - ax, by - ay
    norm = (dx * dx + dy * dy) ** 0.5 or 1e-9
    far, worst = 0, 0.0
    for i, (x, y) in enumerate(pts[1:-1], 1):
        d = abs(dy * (x - ax) - dx * (y - ay)) / norm
        if d > worst:
            far, worst = i, d
    if worst <= TOLERANCE:
        return [pts[0], pts[-1]]
    return _simplify(pts[: far + 1])[:-1] + _simplify(pts[far:])


def _box(polys: list[list[Point]]):  # type: ignore[no-untyped-def]
    """x(p): 0 at the inner side of the region's bounding box, 1 at its outer side."""
    xs = [x for poly in polys for x, _ in poly]
    left, right = min(xs), max(xs)
    inner_is_right = (left + right) / 2 < MID
    return lambda p: (right - p[0] if inner_is_right else p[0] - left) / max(right - left, 1e-9)


def _field(var: str, op: str, value: float, scales):  # type: ignore[no-untyped-def]
    sign = 1.0 if op == "<" else -1.0
    if var == "y":
        return lambda p: sign * (p[1] - value)
    scale = scales[var]
    return lambda p: sign * (scale(p) - value)


def cell_polygons(polys: list[list[Point]], cuts: list[Cut]) -> list[list[Point]]:
    """The part of a region (its subpaths) where every cut holds."""
    scales = {"t": _across(polys), "x": _box(polys)}
    out = []
    for index, poly in enumerate(polys):
        if any(var == "piece" and not (index < v if op == "<" else index >= v) for var, op, v in cuts):
            continue
        piece = _densify(poly)
        for var, op, value in cuts:
            if var != "piece":
                piece = _clip(piece, _field(var, op, value, scales))
        if len(piece) > 2 and _area(piece) >= MIN_AREA:
            # a closed outline: simplify the two runs between its first point and the point
            # farthest from it
            far = max(range(len(piece)), key=lambda i: (piece[i][0] - piece[0][0]) ** 2 + (piece[i][1] - piece[0][1]) ** 2)
            out.append(_simplify(piece[: far + 1])[:-1] + _simplify([*piece[far:], piece[0]])[:-1])
    return out


def _fmt(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def draw(svg: object, view: str) -> None:
    """Write every cell of every region this view has drawn (call after the regions)."""
    items: list[str] = svg.items  # type: ignore[attr-defined]
    regions = region_pieces(items)
    svg.comment(  # type: ignore[attr-defined]
        "fine places a patient can point at (place:ID@side), cut out of the regions; "
        "see tools/draw_places.py and data/places.yaml"
    )
    for side in ("left", "right"):
        for region, cells in CELLS.items():
            polys = regions.get((region, side))
            if not polys:
                continue
            shapes: dict[str, list[list[Point]]] = {}
            for place, only_in, cuts in cells:
                if only_in in (None, view):
                    shapes.setdefault(place, []).extend(cell_polygons(polys, cuts))
            for place, pieces in shapes.items():
                if pieces:
                    d = " ".join(
                        "M" + " L".join(f"{_fmt(x)},{_fmt(y)}" for x, y in p) + " Z" for p in pieces
                    )
                    svg.path(d, "place", f"place:{place}@{side}")  # type: ignore[attr-defined]
