"""Draw the first version of ``assets/posterior.svg`` from measured proportions.

The SVG it writes is the art the atlas reads; edit either this script (and rerun it) or the SVG
itself in Inkscape. Coordinates: a 1000 x 1600 viewBox, y down, 12 units per centimetre, the
body's midline at x = 500. Seen from behind, the patient's left is on the viewer's left.

Run:  python tools/draw_posterior.py
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

MID = 500.0
OUT = Path(__file__).resolve().parent.parent / "assets" / "posterior.svg"

Point = tuple[float, float]


# -- curve helpers ---------------------------------------------------------------------------
def catmull(points: list[Point], samples: int = 10) -> list[Point]:
    """A dense polyline through the points (Catmull-Rom), so outlines look drawn, not plotted."""
    out: list[Point] = []
    pts = [points[0], *points, points[-1]]
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for s in range(samples):
            t = s / samples
            t2, t3 = t * t, t * t * t
            out.append(
                tuple(  # type: ignore[arg-type]
                    0.5
                    * (
                        2 * p1[k]
                        + (-p0[k] + p2[k]) * t
                        + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2
                        + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t3
                    )
                    for k in (0, 1)
                )
            )
    out.append(points[-1])
    return out


def closed_catmull(points: list[Point], samples: int = 8) -> list[Point]:
    """A closed smooth outline through the points (given once each, not repeating the first):
    round at every point, the join included."""
    n = len(points)
    dense = catmull([points[-1], *points, points[0], points[1]], samples)
    return dense[samples : samples * (n + 1) + 1]


def x_at(line: list[Point], y: float) -> float:
    """Offset of a contour (a polyline going down the page) at height y."""
    for (x0, y0), (x1, y1) in zip(line, line[1:]):
        if y0 <= y <= y1 and y1 > y0:
            return x0 + (x1 - x0) * (y - y0) / (y1 - y0)
    return line[0][0] if y < line[0][1] else line[-1][0]


def slice_down(line: list[Point], y0: float, y1: float, step: float = 6.0) -> list[Point]:
    ys = [y0 + i * step for i in range(int((y1 - y0) / step))] + [y1]
    return [(x_at(line, y), y) for y in ys]


def ellipse_pts(cx: float, cy: float, rx: float, ry: float, n: int = 36) -> list[Point]:
    return [
        (cx + rx * math.cos(2 * math.pi * i / n), cy + ry * math.sin(2 * math.pi * i / n))
        for i in range(n)
    ]


def toe_outline(base: list[Point], length: float, direction: Point, taper: float = 0.86) -> list[Point]:
    """A toe attached to the foot: its base runs along ``base`` (points on the edge of the ball
    of the foot, so toe and foot share that edge), its sides run ``length`` units in
    ``direction`` (a unit vector pointing away from the foot), narrowing a little, and its tip is
    round. The outline starts with the base, in the order given."""
    (x0, y0), (x1, y1) = base[0], base[-1]
    dx, dy = direction
    width = math.hypot(x1 - x0, y1 - y0)
    ax, ay = (x1 - x0) / width, (y1 - y0) / width  # across the toe, from base[0] to base[-1]
    r = width * taper / 2
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    cx, cy = mx + dx * (length - r), my + dy * (length - r)

    def at(along: float, across: float) -> Point:
        return (mx + dx * along + ax * across, my + dy * along + ay * across)

    # a slight waist at the joint, then the pad and the round tip
    tip = [
        (
            cx + r * (math.cos(t) * ax + math.sin(t) * dx),
            cy + r * (math.cos(t) * ay + math.sin(t) * dy),
        )
        for t in (math.pi * k / 12 for k in range(13))
    ]
    return [*base, at(length * 0.3, width * 0.46), *tip, at(length * 0.3, -width * 0.46)]


def fmt(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def poly_d(points: list[Point], side: int, closed: bool = True) -> str:
    """Path data for offsets mirrored to one side (side=+1 right, -1 left)."""
    parts = [f"{fmt(MID + side * x)},{fmt(y)}" for x, y in points]
    return "M" + " L".join(parts) + (" Z" if closed else "")


def multi_d(polys: list[list[Point]], side: int, closed: bool = True) -> str:
    return " ".join(poly_d(p, side, closed) for p in polys)


def abs_d(points: list[Point], closed: bool = True) -> str:
    parts = [f"{fmt(x)},{fmt(y)}" for x, y in points]
    return "M" + " L".join(parts) + (" Z" if closed else "")


# -- styles (only for viewing the SVG elsewhere; the atlas applies its own palette by class) ----
STYLE = """
  .skin { fill: #f6ece4; stroke: #b59c8a; stroke-width: 2; }
  .region { fill: #f8efe8; stroke: #c9b3a3; stroke-width: 1.2; }
  .bone { fill: #e4dfd8; stroke: #8f877c; stroke-width: 1.6; opacity: 0.75; }
  .disc { fill: #cfe0ea; stroke: #7e98a8; stroke-width: 1.2; }
  .muscle { fill: #c98b84; stroke: #8c4f48; stroke-width: 1.4; opacity: 0.85; }
  .dura { fill: #f7e7a1; stroke: #b8a04a; stroke-width: 1; }
  .nerve, .root { fill: none; stroke: #e8c547; stroke-linecap: round; stroke-linejoin: round; }
  .inset-frame { fill: #ffffff; stroke: #c8c2ba; stroke-width: 1.5; }
  .leader { fill: none; stroke: #8a8a8a; stroke-width: 1; }
  .label { font-family: sans-serif; fill: #333; }
  .point { fill: #D55E00; stroke: #ffffff; stroke-width: 2; }
  .dermatome, .territory { fill: none; stroke: #7a7a7a; stroke-width: 0.8; stroke-dasharray: 4 3; }
"""


class Svg:
    def __init__(self) -> None:
        self.items: list[str] = []

    def path(self, d: str, cls: str, el_id: str | None = None, width: float | None = None) -> None:
        attrs = [f'class="{cls}"']
        if el_id:
            attrs.insert(0, f'id="{el_id}"')
        if width is not None:
            attrs.append(f'stroke-width="{fmt(width)}"')
        self.items.append(f'  <path {" ".join(attrs)} d="{d}"/>')

    def text(
        self,
        x: float,
        y: float,
        label: str,
        size: float = 19,
        anchor: str = "middle",
        weight: str = "normal",
    ) -> None:
        self.items.append(
            f'  <text class="label" x="{fmt(x)}" y="{fmt(y)}" font-size="{fmt(size)}" '
            f'text-anchor="{anchor}" font-weight="{weight}">{label}</text>'
        )

    def comment(self, text: str) -> None:
        self.items.append(f"  <!-- {text} -->")

    def write(self, path: Path, title: str = "Back view") -> None:
        body = "\n".join(self.items)
        path.write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 1600" '
            'width="1000" height="1600">\n'
            f"  <title>{title}</title>\n"
            f"  <!-- Sciatica Atlas, {title.lower()}. Element ids match data/*.yaml: "
            "region:ID@side, root:ID@side, nerve:ID@side, point:ROOT@side (key sensory point); "
            "'#n' numbers extra parts. -->\n"
            f"  <style>{STYLE}  </style>\n{body}\n</svg>\n",
            encoding="utf-8",
        )


# -- measured outline of the right half (offsets from the midline) ----------------------------
OUTER = catmull(
    [
        (160, 40),
        (166, 150),
        (184, 250),
        (206, 350),
        (214, 430),
        (208, 520),
        (196, 660),
        (182, 800),
        (166, 900),
        (152, 946),
        (156, 1000),
        (160, 1080),
        (156, 1160),
        (146, 1260),
        (136, 1340),
        (132, 1388),
    ]
)
INNER = catmull(
    [
        (10, 508),
        (13, 600),
        (17, 700),
        (21, 820),
        (25, 900),
        (24, 946),
        (22, 1000),
        (24, 1080),
        (33, 1180),
        (45, 1280),
        (51, 1340),
        (54, 1388),
    ]
)
#: the iliac crest line, a smooth curve through these points (drawn as straight steps it read as a
#: polygon on the edge of the low back and the buttock when either is highlighted)
CREST = catmull([(3, 300), (50, 290), (80, 250), (120, 228), (160, 236), (184, 250)], 6)
FOLD_Y = 522  # gluteal fold height at the outer edge
KNEE_TOP, KNEE_BOTTOM, ANKLE = 885.0, 1005.0, 1388.0


def fold_line() -> list[Point]:
    outer_x = x_at(OUTER, FOLD_Y)
    return catmull([(10, 508), (40, 516), (90, 524), (150, 528), (outer_x, FOLD_Y)], 6)


def crease_y(y: float, bow: float, x: float) -> float:
    """Height of a skin crease across the leg at offset x: level at both edges of the leg, ``bow``
    units lower (negative: higher) in the middle, like the fold at the back of the knee."""
    x_in, x_out = x_at(INNER, y), x_at(OUTER, y)
    t = min(max((x - x_in) / (x_out - x_in), 0.0), 1.0)
    return y + bow * math.sin(math.pi * t)


def crease(y: float, bow: float, x0: float, x1: float, n: int = 10) -> list[Point]:
    """The crease from offset x0 to x1 (both ends included)."""
    xs = [x0 + (x1 - x0) * i / n for i in range(n + 1)]
    return [(x, crease_y(y, bow, x)) for x in xs]


def on_crease(line: list[Point], y: float, bow: float, end: int) -> list[Point]:
    """A line down the leg with its first (end=0) or last (end=-1) point moved onto a crease."""
    out = list(line)
    x = out[end][0]
    out[end] = (x, crease_y(y, bow, x))
    return out


#: the creases that bound the back of the knee: above it arching up, below it arching down
KNEE_TOP_BOW, KNEE_BOTTOM_BOW = -10.0, 8.0


# the foot seen from behind with the sole turned to the viewer: heel pad, arch, ball, toes,
# one outline continuing the leg's (surface coordinates (a, b): a across, b heel to toes)
# a rounded heel pad, the waist of the arch (deeper on the inner edge), the ball widest just
# behind the toes
SOLE_IN = catmull(
    [(54, 1388), (46, 1408), (43, 1432), (49, 1458), (58, 1482), (56, 1504), (46, 1528), (39, 1548), (40, 1562)],
    8,
)
SOLE_OUT = catmull(
    [(132, 1388), (140, 1408), (143, 1432), (139, 1458), (136, 1482), (140, 1506), (148, 1530), (153, 1548), (150, 1562)],
    8,
)
SOLE_LEN = 174.0  # ankle to the base of the toes
HEEL_B = 0.42  # where the heel pad ends and the sole begins


def sole_point(a: float, b: float) -> Point:
    y0 = ANKLE + b * SOLE_LEN
    x_in, x_out = x_at(SOLE_IN, y0), x_at(SOLE_OUT, y0)
    return (x_in + (x_out - x_in) * a, y0 + b * 10 * math.sin(math.pi * min(max(a, 0), 1)))


def sole_patch(a0: float, b0: float, a1: float, b1: float) -> list[Point]:
    n = 24
    edge = lambda a, bs: [sole_point(a, b0 + (b1 - b0) * i / n) for i in bs]  # noqa: E731
    top = [sole_point(a0 + (a1 - a0) * i / n, b0) for i in range(n + 1)]
    bottom = [sole_point(a1 - (a1 - a0) * i / n, b1) for i in range(n + 1)]
    return [*top, *edge(a1, range(1, n)), *bottom, *edge(a0, range(n - 1, 0, -1))]


def heel_outline() -> list[Point]:
    return sole_patch(0, 0, 1, HEEL_B)


EDGE_WIDTH = 20.0
SIDE_STRIP = 30.0  # width of the outer-thigh strip (side of the hip and thigh)
INNER_STRIP = 20.0  # width of the inner-thigh strip seen from behind
#: the skin round the anus, a smooth curve from the midline back to it; the buttock's inner edge
#: follows it from the thigh, (10, 508), up to (22, 446)
SADDLE = catmull([(3, 440), (22, 446), (28, 470), (24, 498), (10, 508), (3, 505)], 6)
SADDLE_BUTTOCK_EDGE = SADDLE[6:25][::-1]


EDGE_A = 0.74  # the outer edge of the foot: the last part of the sole across


def draw_skin(svg: Svg) -> None:
    svg.comment("skin outline: trunk and both legs, the toes part of each foot's outline")
    # left half goes down the outer edge, up the inner; right half mirrors it.
    # down the outer edge of the leg and foot, round each toe from the little toe to the big
    # toe (between toes, back up to the ball of the foot), up the inner edge
    toes = [TOES[i][len(TOE_BASES[i]) :] for i in range(4, -1, -1)]
    foot = [
        *[p for p in SOLE_OUT if p[1] > ANKLE],
        *[p for toe in toes for p in toe],
        *[p for p in SOLE_IN[::-1] if p[1] > ANKLE],
    ]
    left = [*OUTER, *foot, *INNER[::-1]]
    pts = [(MID - x, y) for x, y in left] + [(MID + x, y) for x, y in left[::-1]]
    svg.path(abs_d(pts), "skin")


#: where each toe meets the ball of the foot (fractions across the sole, inner to outer) and
#: how long it is: the big toe widest and longest, the little toe short
TOE_SPANS = [(0.02, 0.3, 32.0), (0.33, 0.49, 26.0), (0.51, 0.66, 23.0), (0.68, 0.81, 20.0), (0.83, 0.97, 17.0)]
TOE_BASES = [[sole_point(a0 + (a1 - a0) * i / 6, 1) for i in range(7)] for a0, a1, _ in TOE_SPANS]
TOES = [toe_outline(base, length, (0.0, 1.0)) for base, (_, _, length) in zip(TOE_BASES, TOE_SPANS)]


def draw_regions(svg: Svg) -> None:
    fold = fold_line()
    crest_outer_y = CREST[-1][1]
    for side, name in ((-1, "left"), (1, "right")):
        svg.comment(f"skin regions, {name} side")
        low_back = [(3, 40), *slice_down(OUTER, 40, crest_outer_y)[1:], *CREST[::-1][1:]]
        svg.path(poly_d(low_back, side), "region", f"region:low-back@{name}")
        buttock = [
            *CREST,
            *slice_down(OUTER, crest_outer_y, FOLD_Y)[1:],
            *fold[::-1][1:],
            *SADDLE_BUTTOCK_EDGE,
        ]
        svg.path(poly_d(buttock, side), "region", f"region:buttock@{name}")
        svg.path(poly_d(SADDLE, side), "region", f"region:saddle@{name}")
        outer_edge = slice_down(OUTER, FOLD_Y, KNEE_TOP)
        side_line = on_crease([(x - SIDE_STRIP, y) for x, y in outer_edge], KNEE_TOP, KNEE_TOP_BOW, -1)
        inner_edge = slice_down(INNER, 508, KNEE_TOP)
        inner_line = on_crease([(x + INNER_STRIP, y) for x, y in inner_edge], KNEE_TOP, KNEE_TOP_BOW, -1)
        x_in_top, x_out_top = inner_edge[-1][0], outer_edge[-1][0]
        thigh = [
            *[(x, y) for x, y in fold if x_at(INNER, y) + INNER_STRIP <= x <= side_line[0][0]],
            *side_line,
            *crease(KNEE_TOP, KNEE_TOP_BOW, side_line[-1][0], inner_line[-1][0])[1:-1],
            *inner_line[::-1],
        ]
        svg.path(poly_d(thigh, side), "region", f"region:thigh-posterior@{name}")
        lateral_thigh = [
            *outer_edge,
            *crease(KNEE_TOP, KNEE_TOP_BOW, x_out_top, side_line[-1][0], 3)[1:-1],
            *side_line[::-1],
        ]
        svg.path(poly_d(lateral_thigh, side), "region", f"region:thigh-lateral@{name}")
        medial_thigh = [
            *inner_edge,
            *crease(KNEE_TOP, KNEE_TOP_BOW, x_in_top, inner_line[-1][0], 3)[1:-1],
            *inner_line[::-1],
        ]
        svg.path(poly_d(medial_thigh, side), "region", f"region:thigh-medial@{name}")
        x_in_bottom, x_out_bottom = x_at(INNER, KNEE_BOTTOM), x_at(OUTER, KNEE_BOTTOM)
        knee = [
            *slice_down(OUTER, KNEE_TOP, KNEE_BOTTOM),
            *crease(KNEE_BOTTOM, KNEE_BOTTOM_BOW, x_out_bottom, x_in_bottom, 16)[1:-1],
            *slice_down(INNER, KNEE_TOP, KNEE_BOTTOM)[::-1],
            *crease(KNEE_TOP, KNEE_TOP_BOW, x_in_top, x_out_top, 16)[1:-1],
        ]
        svg.path(poly_d(knee, side), "region", f"region:knee-posterior@{name}")
        boundary = on_crease(
            [
                (x - 30 + 10 * (y - KNEE_BOTTOM) / (ANKLE - KNEE_BOTTOM), y)
                for x, y in slice_down(OUTER, KNEE_BOTTOM, ANKLE)
            ],
            KNEE_BOTTOM,
            KNEE_BOTTOM_BOW,
            0,
        )
        calf = [
            *boundary,
            *slice_down(INNER, KNEE_BOTTOM, ANKLE)[::-1],
            *crease(KNEE_BOTTOM, KNEE_BOTTOM_BOW, x_in_bottom, boundary[0][0])[1:-1],
        ]
        svg.path(poly_d(calf, side), "region", f"region:calf-posterior@{name}")
        lateral = [
            *slice_down(OUTER, KNEE_BOTTOM, ANKLE),
            *boundary[::-1],
            *crease(KNEE_BOTTOM, KNEE_BOTTOM_BOW, boundary[0][0], x_out_bottom, 3)[1:-1],
        ]
        svg.path(poly_d(lateral, side), "region", f"region:leg-lateral@{name}")
        svg.path(poly_d(heel_outline(), side), "region", f"region:heel@{name}")
        sole = sole_patch(0, HEEL_B, EDGE_A, 1)
        svg.path(multi_d([sole, *TOES[1:4]], side), "region", f"region:sole@{name}")
        edge = sole_patch(EDGE_A, HEEL_B, 1, 1)
        svg.path(poly_d(edge, side), "region", f"region:foot-lateral-edge@{name}")
        svg.path(poly_d(TOES[4], side), "region", f"region:little-toe@{name}#2")
        svg.path(poly_d(TOES[0], side), "region", f"region:big-toe@{name}#2")


# -- bones ----------------------------------------------------------------------------------
VERTEBRAE = [("L1", 64, 28), ("L2", 109, 30), ("L3", 154, 32), ("L4", 199, 34), ("L5", 244, 36)]
BODY_H, DISC_H = 34.0, 11.0


def rounded_rect(x0: float, y0: float, x1: float, y1: float, r: float) -> list[Point]:
    pts: list[Point] = []
    corners = [
        (x1 - r, y0 + r, -90),
        (x1 - r, y1 - r, 0),
        (x0 + r, y1 - r, 90),
        (x0 + r, y0 + r, 180),
    ]
    for cx, cy, start in corners:
        for i in range(7):
            a = math.radians(start + 15 * i)
            pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def draw_bones(svg: Svg) -> None:
    svg.comment("pelvis and leg bones (decorative)")
    ilium = catmull(
        [
            (52, 300),
            (66, 245),
            (112, 214),
            (158, 230),
            (176, 270),
            (160, 330),
            (132, 378),
            (128, 410),
            (112, 440),
            (88, 470),
            (66, 486),
            (46, 476),
            (48, 430),
            (46, 392),
            (52, 300),
        ],
        8,
    )
    femur = catmull(
        [
            (86, 398),
            (104, 384),
            (124, 396),
            (150, 400),
            (176, 408),
            (182, 432),
            (166, 456),
            (156, 520),
            (140, 700),
            (124, 880),
            (132, 912),
            (128, 944),
            (92, 948),
            (56, 944),
            (54, 912),
            (76, 890),
            (98, 700),
            (120, 520),
            (130, 452),
            (110, 432),
            (90, 424),
            (86, 398),
        ],
        6,
    )
    tibia = catmull(
        [
            (48, 960),
            (86, 954),
            (122, 962),
            (120, 990),
            (104, 1030),
            (100, 1200),
            (100, 1360),
            (98, 1384),
            (70, 1392),
            (60, 1380),
            (72, 1350),
            (74, 1200),
            (70, 1030),
            (52, 990),
            (48, 960),
        ],
        6,
    )
    fibula = catmull(
        [
            (126, 972),
            (142, 978),
            (140, 1000),
            (134, 1100),
            (132, 1300),
            (138, 1378),
            (124, 1396),
            (118, 1370),
            (120, 1300),
            (122, 1100),
            (124, 1000),
            (126, 972),
        ],
        6,
    )
    calcaneus = catmull(
        [(72, 1398), (114, 1398), (122, 1424), (110, 1450), (80, 1450), (66, 1424), (72, 1398)], 6
    )
    for shape in (ilium, femur, tibia, fibula, calcaneus):
        svg.path(multi_d([shape], -1) + " " + multi_d([shape], 1), "bone")
    svg.comment("pubic arch: the two hip bones meet below the sacrum, closing the pelvic ring")
    arch = catmull([(0, 456), (28, 458), (50, 464), (60, 478), (54, 490), (28, 480), (0, 476)], 6)
    svg.path(abs_d([(MID + x, y) for x, y in arch] + [(MID - x, y) for x, y in arch[::-1]]), "bone")
    svg.comment("hip joints: each femoral head in the socket of its hip bone")
    for side in (-1, 1):
        svg.path(poly_d(ellipse_pts(100, 404, 23, 23, 32), side), "bone")
        svg.path(poly_d(ellipse_pts(102, 402, 16, 16, 28), side), "bone")
    svg.comment("lumbar vertebrae, discs, sacrum")
    for name, top, half in VERTEBRAE:
        body = rounded_rect(MID - half, top, MID + half, top + BODY_H, 6)
        tp = [
            rounded_rect(MID - half - 24, top + 10, MID - half + 4, top + 20, 4),
            rounded_rect(MID + half - 4, top + 10, MID + half + 24, top + 20, 4),
        ]
        svg.path(" ".join(abs_d(p) for p in (body, *tp)), "bone")
        disc = rounded_rect(
            MID - half + 2, top + BODY_H + 1, MID + half - 2, top + BODY_H + DISC_H - 1, 4
        )
        svg.path(abs_d(disc), "disc")
    sacrum = catmull(
        [
            (-64, 290),
            (64, 290),
            (58, 330),
            (44, 372),
            (26, 410),
            (12, 432),
            (4, 458),
            (-4, 458),
            (-12, 432),
            (-26, 410),
            (-44, 372),
            (-58, 330),
            (-64, 290),
        ],
        6,
    )
    foramina = [ellipse_pts(MID + s * 30, y, 6, 5, 16) for y in SACRAL_Y for s in (-1, 1)]
    svg.path(" ".join([abs_d([(MID + x, y) for x, y in sacrum]), *map(abs_d, foramina)]), "bone")


SACRAL_Y = [312, 340, 366, 390]


def draw_muscles(svg: Svg) -> None:
    svg.comment("piriformis (decorative): a pear-shaped belly from the sacrum, narrowing to its")
    svg.comment("tendon on the top of the greater trochanter; the sciatic nerve leaves below it")
    shape = closed_catmull(
        [
            (44, 330),
            (72, 331),
            (104, 346),
            (138, 369),
            (164, 391),
            (177, 403),
            (171, 412),
            (150, 408),
            (122, 400),
            (94, 391),
            (66, 383),
            (48, 373),
            (39, 352),
        ],
        6,
    )
    svg.path(multi_d([shape], -1) + " " + multi_d([shape], 1), "muscle")


# -- nerves ---------------------------------------------------------------------------------
SCIATIC_START = (100.0, 404.0)
APEX = (92.0, 862.0)


def root_path(level: int) -> list[Point]:
    """The route of a lumbar root from the dural sac to its end point."""
    name, top, half = VERTEBRAE[level]
    exit_y = top + BODY_H - 4
    return [(6, exit_y - 20), (half - 4, exit_y - 2), (half + 14, exit_y + 10)]


def draw_nerves(svg: Svg) -> None:
    """The nerves, drawn so the plexus reads as a few calm lines: the cutaneous twigs thin, the
    roots a little thicker, the sciatic trunk thickest, and routes chosen so that lines meet
    where nerves join instead of crossing on the way (the dorsal rami leave each root above it,
    the cluneal nerves fan out medial to the iliohypogastric, the femoral and obturator stubs
    stop before the L4 and L5 roots)."""
    svg.comment("dural sac with the cauda equina (decorative)")
    dura = catmull(
        [(-8, 74), (0, 66), (8, 74), (11, 300), (6, 330), (0, 336), (-6, 330), (-11, 300), (-8, 74)], 6
    )
    svg.path(abs_d([(MID + x, y) for x, y in dura]), "dura")
    for side, name in ((-1, "left"), (1, "right")):
        svg.comment(f"nerves, {name} side")

        def line(pts: list[Point], el_id: str, width: float, cls: str = "nerve", k: int = 10) -> None:
            svg.path(poly_d(catmull(pts, k), side, False), cls, el_id, width)

        # skin nerves first so the big trunks draw over them
        line([(84, 470), (80, 560), (76, 700), (80, 860), (88, 930)], f"nerve:posterior-femoral-cutaneous@{name}", 2.4)
        line([(98, 418), (90, 444), (84, 470)], f"nerve:posterior-femoral-cutaneous@{name}#2", 2.4)
        line([(84, 470), (116, 492), (150, 494)], f"nerve:posterior-femoral-cutaneous@{name}#3", 1.8)
        for i, (_, top, half) in enumerate(VERTEBRAE):
            y = top + BODY_H - 4
            # a short twig leaving the root at the foramen, upwards and outwards, above the root
            line(
                [(half - 4, y - 2), (half + 6, y - 9), (half + 18, y - 11)],
                f"nerve:lumbar-dorsal-rami@{name}#{i + 1}",
                1.6,
            )
        # the upper cluneal nerves continue the L1 and L2 twigs over the iliac crest
        line([(48, 128), (76, 160), (104, 214), (120, 262), (126, 300)], f"nerve:superior-cluneal@{name}", 1.8)
        line([(76, 160), (116, 198), (146, 246), (160, 296)], f"nerve:superior-cluneal@{name}#2", 1.8)
        # the middle cluneal nerves (S1-S3 dorsal rami) leave below the sacral roots for the
        # inner buttock
        line([(50, 377), (58, 402), (62, 428)], f"nerve:middle-cluneal@{name}", 1.6)
        line([(58, 402), (72, 420), (76, 446)], f"nerve:middle-cluneal@{name}#2", 1.6)
        line(
            [(62, 112), (110, 146), (150, 194), (174, 246), (188, 300)],
            f"nerve:iliohypogastric@{name}",
            2,
        )
        line([(64, 186), (74, 226), (82, 262)], f"nerve:femoral@{name}", 3)
        line([(58, 218), (64, 240), (68, 258)], f"nerve:obturator@{name}", 2.4)
        line([(34, 428), (42, 448), (36, 472), (22, 494)], f"nerve:pudendal@{name}", 2)
        # sciatic and its divisions
        line([SCIATIC_START, (116, 440), (118, 490), (112, 600), (102, 760), APEX], f"nerve:sciatic@{name}", 9)
        line([APEX, (90, 960), (88, 1100), (80, 1300), (70, 1386), (72, 1420)], f"nerve:tibial@{name}", 6)
        line([APEX, (118, 920), (138, 972), (144, 1002)], f"nerve:common-fibular@{name}", 5)
        line([(126, 936), (142, 1010), (150, 1110)], f"nerve:lateral-sural-cutaneous@{name}", 2)
        line([(144, 1002), (150, 1150), (140, 1330)], f"nerve:superficial-fibular@{name}", 2.4)
        line([(89, 1000), (96, 1150), (112, 1300), (128, 1392), (134, 1440)], f"nerve:sural@{name}", 2.4)
        line([(128, 1470), (140, 1520), (140, 1560)], f"nerve:sural@{name}#2", 2)
        line([(72, 1400), (82, 1430), (92, 1452)], f"nerve:medial-calcaneal@{name}", 2)
        line([(74, 1470), (62, 1510), (54, 1556)], f"nerve:medial-plantar@{name}", 2.4)
        line([(80, 1470), (100, 1510), (118, 1552)], f"nerve:lateral-plantar@{name}", 2)
        # roots last, on top
        svg.comment(f"nerve roots, {name} side")
        line([*root_path(0), (62, 112)], f"root:L1@{name}", 3.5, "root", 8)
        line([*root_path(1), (64, 186)], f"root:L2@{name}", 3.5, "root", 8)
        line([*root_path(2), (58, 218)], f"root:L3@{name}", 3.5, "root", 8)
        line([*root_path(3), (74, 300), SCIATIC_START], f"root:L4@{name}", 4, "root", 8)
        line([*root_path(4), (84, 330), SCIATIC_START], f"root:L5@{name}", 4, "root", 8)
        for label, y in zip(("S1", "S2", "S3"), SACRAL_Y):
            line([(6, y - 14), (30, y), (60, y + 18), SCIATIC_START], f"root:{label}@{name}", 3.5, "root", 8)
        line([(4, SACRAL_Y[3] - 10), (30, SACRAL_Y[3]), (34, 428)], f"root:S4-5@{name}", 3, "root", 8)


# -- inset: the top of each foot ---------------------------------------------------------------
INSET_Y0 = 1568.0  # the ankle's edge, where the leg is cut off (v = 0 in the inset's coordinates)
INSET_FRAME = (1238.0, 1588.0)  # top and bottom of the inset's frame


def draw_inset(svg: Svg) -> None:
    svg.comment("inset: the top of each foot, seen from above, toes up")
    for side, name, cx in ((-1, "left", 140.0), (1, "right", 860.0)):
        frame = rounded_rect(cx - 100, INSET_FRAME[0], cx + 100, INSET_FRAME[1], 10)
        svg.path(abs_d(frame), "inset-frame")

        # u > 0 is lateral (little-toe side); for the right foot that is image-right.
        def q(u: float, v: float) -> Point:
            return (cx + (u if side > 0 else -u), INSET_Y0 + v)

        # the dorsum: along the toes' line to the first web space, round its back edge, on along
        # the toes' line to the outer corner, then down the outer side, round the ankle and up
        # the inner side (INSET_SIDES, walked backwards)
        dorsum = [
            *front_edge(-52, WEB_SPAN[0], 6),
            *INSET_WEB_BACK[::-1][1:-1],
            *front_edge(WEB_SPAN[1], 54, 16),
            *INSET_SIDES[::-1][1:-1],
        ]
        svg.path(abs_d([q(u, v) for u, v in dorsum]), "region", f"region:foot-dorsum@{name}")
        # the first web space: the skin between the big and the second toe, from a round point
        # between the first two long bones of the foot to the web's U-shaped edge between the toes
        web = [(WEB_SPAN[0], inset_front(WEB_SPAN[0])), *INSET_WEB_EDGE, *INSET_WEB_BACK[1:-1]]
        svg.path(abs_d([q(u, v) for u, v in web]), "region", f"region:first-web-space@{name}")
        big, *lesser, little = INSET_TOES
        svg.path(abs_d([q(u, v) for u, v in big]), "region", f"region:big-toe@{name}")
        svg.path(" ".join(abs_d([q(u, v) for u, v in t]) for t in lesser), "skin")
        svg.path(abs_d([q(u, v) for u, v in little]), "region", f"region:little-toe@{name}")
        sfn = catmull([(12, -4), (8, -90), (-10, -150), (-36, -186)], 8)
        sfn2 = catmull([(8, -90), (22, -150), (30, -190)], 8)
        svg.path(
            abs_d([q(u, v) for u, v in sfn], False),
            "nerve",
            f"nerve:superficial-fibular@{name}#2",
            2.2,
        )
        svg.path(
            abs_d([q(u, v) for u, v in sfn2], False),
            "nerve",
            f"nerve:superficial-fibular@{name}#3",
            2.2,
        )
        dfn = catmull([(-8, -4), (-14, -100), (-19, -176)], 8)
        svg.path(abs_d([q(u, v) for u, v in dfn], False), "nerve", f"nerve:deep-fibular@{name}", 2.2)
        svg.text(cx, 1264, f"Top of {name} foot", 17)


POSTERIOR_POINTS = {  # ISNCSCI key sensory points on the back (offsets from the midline)
    "S1": (126.0, 1434.0),  # outer side of the heel
    "S2": (88.0, 944.0),  # middle of the back of the knee
    "S3": (58.0, 494.0),  # sitting bone (ischial tuberosity)
    "S4-5": (13.0, 482.0),  # beside the anus
}


def draw_points(svg: Svg) -> None:
    svg.comment("key sensory points, shown only when their root is selected")
    for side, name in ((-1, "left"), (1, "right")):
        for root, (x, y) in POSTERIOR_POINTS.items():
            svg.path(poly_d(ellipse_pts(x, y, 11, 11, 20), side), "point", f"point:{root}@{name}")
    for name, cx, sign in (("left", 140.0, -1), ("right", 860.0, 1)):
        # L5: the top of the foot over the base of the third toe, in the foot inset
        svg.path(
            abs_d(ellipse_pts(cx + sign * 11.5, INSET_Y0 - 190, 10, 10, 20)),
            "point",
            f"point:L5@{name}#2",
        )


def draw_labels(svg: Svg) -> None:
    svg.comment("labels")
    for name, top, _ in VERTEBRAE:
        svg.text(MID, top + 24, name, 17, weight="bold")
    for label, y in zip(("S1", "S2", "S3", "S4"), SACRAL_Y):
        svg.text(MID, y + 6, label, 14, weight="bold")
    svg.text(250, 130, "LEFT", 24, weight="bold")
    svg.text(750, 130, "RIGHT", 24, weight="bold")
    # labels sit outside the body outline, never across it; a leader line reaches in
    leaders = [
        ((268, 440), (MID - 12, 424), "Sacrum", "end"),
        ((268, 384), (392, 372), "Piriformis", "end"),
        ((290, 230), (372, 232), "Iliac crest", "end"),
        ((728, 580), (614, 580), "Sciatic nerve", "start"),
        ((718, 930), (621, 935), "Common fibular n.", "start"),
        ((722, 1090), (588, 1090), "Tibial n.", "start"),
        ((718, 1160), (597, 1160), "Sural n.", "start"),
        ((728, 300), (MID + 80, 252), "Femoral n. (to front)", "start"),
    ]
    for (tx, ty), (px, py), label, anchor in leaders:
        svg.path(
            abs_d([(tx + (6 if anchor == "start" else -6) * -1, ty - 6), (px, py)], False), "leader"
        )
        svg.text(tx, ty, label, 18, anchor=anchor)


# -- where the layers' surface coordinates land on this view (see draw_layers.py) ------------
INSET_CX = {-1: 140.0, 1: 860.0}
def inset_front(u: float) -> float:
    """The front edge of the inset's foot, where the toes begin: a gentle curve, furthest forward
    behind the second toe and falling back towards the little toe (the metatarsal heads)."""
    return -202.0 + 0.0045 * (u + 8.0) ** 2


def front_edge(u0: float, u1: float, n: int) -> list[Point]:
    return [(u, inset_front(u)) for u in (u0 + (u1 - u0) * i / n for i in range(n + 1))]


#: the inset's foot from the inner front corner down the inner side, round the ankle (a rounded
#: edge across the instep where the leg is cut off, like the leg's cross-section seen from above)
#: and up the outer side to the outer front corner; the outer side bulges a little more
INSET_SIDES = catmull(
    [
        (-52.0, inset_front(-52.0)),
        (-47.0, -140.0),
        (-37.0, -58.0),
        (-30.0, -16.0),
        (-17.0, 1.0),
        (0.0, 5.0),
        (17.0, 1.0),
        (30.0, -16.0),
        (41.0, -58.0),
        (53.5, -140.0),
        (54.0, inset_front(54.0)),
    ],
    8,
)
_BOTTOM = max(range(len(INSET_SIDES)), key=lambda i: INSET_SIDES[i][1])
INSET_IN = INSET_SIDES[_BOTTOM::-1]  # (u, v) up the inner side, from the ankle's lowest point
INSET_OUT = INSET_SIDES[_BOTTOM:]
#: the toes of the inset, attached along the front edge of the foot (``inset_front``): (inner u,
#: outer u, length), big toe first; the first web space sits between the big and the second toe
INSET_TOE_SPANS = [(-52.0, -24.0, 42.0), (-14.0, 2.0, 33.0), (4.0, 19.0, 29.0), (21.0, 36.0, 25.0), (38.0, 54.0, 20.0)]
INSET_TOES = [
    toe_outline(front_edge(u0, u1, 6), length, (0.0, -1.0)) for u0, u1, length in INSET_TOE_SPANS
]
#: the first web space along the toes' line, its back edge over the dorsum (from its outer end
#: to its inner end, round like the skin between the first two long bones of the foot) and its
#: front edge: up the big toe's outer side, the web's U-shaped margin, down the second toe's
#: inner side (the points of the toes' own outlines, so the web meets them exactly)
WEB_SPAN = (-24.0, -14.0)
INSET_WEB_BACK = catmull(
    [(-14.0, inset_front(-14.0)), (-11.5, -186.0), (-19.0, -164.0), (-26.5, -186.0), (-24.0, inset_front(-24.0))], 6
)
_BIG_OUT, _SECOND_IN = INSET_TOES[0][7], INSET_TOES[1][-1]  # the toes' sides at their joints
INSET_WEB_EDGE = [*catmull([_BIG_OUT, (-19.0, inset_front(-19.0) - 6), _SECOND_IN], 6), (-14.0, inset_front(-14.0))]


def inset_ankle(u: float) -> float:
    """The ankle's edge of the inset's foot at u: where a patch's b = 0 lies."""
    for (u0, v0), (u1, v1) in zip(INSET_SIDES[:-1], INSET_SIDES[1:]):
        if min(u0, u1) <= u <= max(u0, u1) and max(v0, v1) > -20 and u1 != u0:
            return v0 + (v1 - v0) * (u - u0) / (u1 - u0)
    return -20.0


def _u_at(edge: list[Point], v: float) -> float:
    for (u0, v0), (u1, v1) in zip(edge, edge[1:]):
        if v1 <= v <= v0:
            return u0 + (u1 - u0) * (v - v0) / (v1 - v0)
    return edge[-1][0] if v < edge[-1][1] else edge[0][0]


def inner_edge(y: float) -> float:
    """The limb's inner edge: the midline above the buttock crease, then the inner thigh."""
    if y >= 508:
        return x_at(INNER, y)
    return 10.0 * max(0.0, (y - 430.0) / 78.0)


#: how far (drawing units) the corners of a dermatome or territory patch are rounded
LEG_ROUNDING, FOOT_ROUNDING = 16.0, 10.0


def on_ankle(p: Point) -> bool:
    """On the line where the leg's strips hand over to the heel's: kept sharp when rounding, so
    a strip running from calf to heel has no waist at the ankle."""
    return abs(p[1] - ANKLE) < 0.01


def leg_polygon(pts: list[Point], side: int) -> list[Point]:
    from draw_layers import densify, smooth

    def steps(p: Point, q: Point) -> int:
        return int(max(abs(q[1] - p[1]) / 18, abs(q[0] - p[0]) * 12))

    out = []
    for t, y in densify(pts, steps):
        y = ANKLE if y > ANKLE - 4 else max(y, 40.0)  # the maps end strips at 1386: the ankle
        x_in, x_out = inner_edge(y), x_at(OUTER, y)
        out.append((MID + side * (x_in + (x_out - x_in) * t), y))
    return smooth(out, LEG_ROUNDING, pinned=on_ankle)


class PosteriorMapper:
    def polygon(self, surface: str, pts: list[Point], side: int) -> list[Point] | None:
        from draw_layers import densify, smooth

        if surface == "back":
            return leg_polygon(pts, side)
        if surface == "sole":
            dense = densify(pts, lambda p, q: int(max(abs(q[0] - p[0]), abs(q[1] - p[1])) * 10))
            sole = [(MID + side * x, y) for x, y in (sole_point(a, b) for a, b in dense)]
            return smooth(sole, FOOT_ROUNDING, pinned=on_ankle)
        if surface == "top":
            cx = INSET_CX[side]
            dense = densify(pts, lambda p, q: int(max(abs(q[0] - p[0]), abs(q[1] - p[1])) * 10))
            out = []
            for a, b in dense:
                u_in, u_out = _u_at(INSET_IN, -b * 198.0), _u_at(INSET_OUT, -b * 198.0)
                u = u_in + (u_out - u_in) * a
                # b = 0 is the rounded ankle edge, b = 1 the curved front edge where the toes begin
                v = (1 - b) * inset_ankle(u) + b * inset_front(u)
                out.append((cx + (u if side > 0 else -u), INSET_Y0 + v))
            return smooth(out, FOOT_ROUNDING)
        return None

    def toes(self, surface: str, which: list[int], side: int) -> list[list[Point]]:
        if surface == "toes-sole":
            return [[(MID + side * x, y) for x, y in TOES[i]] for i in which]
        cx = INSET_CX[side]
        return [[(cx + (x if side > 0 else -x), INSET_Y0 + y) for x, y in INSET_TOES[i]] for i in which]

    def saddle(self, surface: str, side: int) -> list[Point] | None:
        return [(MID + side * x, y) for x, y in SADDLE] if surface == "saddle-back" else None


def main() -> None:
    import draw_layers
    import draw_places

    svg = Svg()
    draw_skin(svg)
    draw_regions(svg)
    draw_layers.draw(svg, PosteriorMapper(), ((-1, "left"), (1, "right")))
    draw_bones(svg)
    draw_muscles(svg)
    draw_nerves(svg)
    draw_inset(svg)
    draw_points(svg)
    draw_labels(svg)
    draw_places.draw(svg, "posterior")
    svg.write(OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
