"""Draw the first version of ``assets/anterior.svg``: the body seen from the front.

Same body and scale as ``draw_posterior.py`` (its outline contours are reused, so the two views
match): a 1000 x 1600 viewBox, 12 units per centimetre, midline at x = 500. Seen from the front,
the patient's right is on the viewer's left, so ``side=-1`` (viewer-left) is the *right* leg.

Run:  python tools/draw_anterior.py
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from draw_posterior import (  # noqa: E402
    ANKLE,
    BODY_H,
    INNER,
    KNEE_BOTTOM,
    KNEE_TOP,
    MID,
    OUTER,
    VERTEBRAE,
    Point,
    Svg,
    abs_d,
    catmull,
    crease,
    ellipse_pts,
    multi_d,
    on_crease,
    poly_d,
    rounded_rect,
    slice_down,
    toe_outline,
    x_at,
)

OUT = Path(__file__).resolve().parent.parent / "assets" / "anterior.svg"
#: viewer side -> patient side (front view mirrors them)
SIDES = ((-1, "right"), (1, "left"))

ASIS = (150.0, 318.0)  # bony point at the front of the hip
PUBIC = (16.0, 452.0)  # pubic tubercle, inner end of the groin ligament
GROIN_DROP = 52.0  # depth of the groin band below the ligament
MID_THIGH = 690.0
SIDE_STRIP = 28.0  # width of the outer-thigh strip (side of the hip and thigh)
INNER_STRIP = 26.0  # width of the inner-thigh strip (obturator skin)
SADDLE_FRONT = [(0, 474), (9, 474), (11, 492), (9, 508), (0, 510)]  # perineum between the legs
#: the creases above and below the knee: above it arching up round the kneecap, below it down
KNEE_TOP_BOW, KNEE_BOTTOM_BOW = -12.0, 8.0
#: the inner ankle bone (medial malleolus, L4's key sensory point): a small bump on the leg's inner
#: edge, mostly inside it, so a dermatome or territory drawn up to that edge covers it (a bigger
#: bump standing out of the outline stayed blank with L4's dot on it)
MALLEOLUS = (x_at(INNER, ANKLE) + 3, ANKLE - 10)
SHIN_SPLIT = 0.42  # fraction of the leg width, from the inner edge, where the shin crest runs


#: the line between the upper and the lower front of the thigh: a little higher at the outer
#: edge than at the inner (dermatomes run down and inwards), sagging gently between
THIGH_SPLIT_TILT, THIGH_SPLIT_SAG = 10.0, 6.0


def thigh_split(side_line: list[Point], inner_line: list[Point], n: int = 12) -> list[Point]:
    """The upper and lower front of the thigh both take this one curve as their shared edge,
    from the outer-thigh strip's line to the inner-thigh strip's, its ends on those lines."""
    y_out, y_in = MID_THIGH - THIGH_SPLIT_TILT, MID_THIGH + THIGH_SPLIT_TILT
    x_out, x_in = x_at(side_line, y_out), x_at(inner_line, y_in)
    return [
        (
            x_out + (x_in - x_out) * t,
            y_out + (y_in - y_out) * t + THIGH_SPLIT_SAG * math.sin(math.pi * t),
        )
        for t in (i / n for i in range(n + 1))
    ]


def groin_line() -> list[Point]:
    return catmull([ASIS, (110, 370), (60, 420), PUBIC], 8)


def groin_lower() -> list[Point]:
    """The lower edge of the groin band: the ligament line moved down, ending on the contours."""
    y_out = ASIS[1] + GROIN_DROP + 40
    return catmull([(x_at(OUTER, y_out), y_out), (120, 430), (70, 476), (12, 510)], 8)


def crest_line() -> list[Point]:
    """The front edge of the shin bone, splitting the inner leg from the front-outer leg."""
    pts = []
    for x_in, y in slice_down(INNER, KNEE_BOTTOM, ANKLE):
        x_out = x_at(OUTER, y)
        pts.append((x_in + (x_out - x_in) * SHIN_SPLIT, y))
    return pts


#: the foot starts where the leg ends (a gap here showed as a white band across a highlighted
#: dermatome running from the shin onto the foot)
FOOT_TOP = ANKLE
#: how far forward the toes start, at v = 118 behind the big toe
FOOT_LENGTH = 118.0


def foot_front(u: float) -> float:
    """Where the toes begin (v) at u across: a curve, furthest forward behind the big toe and
    falling back towards the little toe (the metatarsal heads), so the toes do not sprout from a
    straight line."""
    return FOOT_LENGTH - 0.0025 * u * u


def foot_point(u: float, v: float) -> Point:
    """Foot coordinates: u across (0 = inner edge of the ankle), v down from the ankle; the foot
    fans a little outwards as it runs towards the toes."""
    x0 = x_at(INNER, ANKLE) - 6
    return (x0 + u + v * 0.18, FOOT_TOP + v)


#: the foot's axis (foot coordinates fan outwards a little towards the toes), as a unit vector
AXIS = (0.18 / (1 + 0.18**2) ** 0.5, 1 / (1 + 0.18**2) ** 0.5)
#: where each toe meets the front edge of the foot (v = 118): (inner u, outer u, length), big
#: toe first; the first web space sits between the big and the second toe
TOE_SPANS = [(-14.0, 14.0, 34.0), (22.0, 38.0, 26.0), (40.0, 56.0, 23.0), (58.0, 74.0, 20.0), (76.0, 90.0, 16.0)]
TOES = [
    toe_outline(
        [foot_point(u, foot_front(u)) for u in (u0 + (u1 - u0) * i / 4 for i in range(5))], length, AXIS
    )
    for u0, u1, length in TOE_SPANS
]
#: the foot's inner and outer edges, from the leg's edges at the ankle (u = 6 and 84) to the
#: toes: the inner edge a little hollow at the arch, the outer edge full over the fifth
#: metatarsal
FOOT_INNER_CURVE = catmull([(6.0, 0.0), (-1.0, 34.0), (-9.0, 76.0), (-14.0, foot_front(-14.0))], 6)
FOOT_OUTER_CURVE = catmull([(90.0, foot_front(90.0)), (92.0, 74.0), (89.0, 40.0), (84.0, 0.0)], 6)


def draw_skin(svg: Svg) -> None:
    svg.comment("skin outline seen from the front: lower trunk and both legs, then the feet")
    ankle_out = (x_at(OUTER, ANKLE), ANKLE)
    left_half = [*OUTER, ankle_out, *INNER[::-1]]  # down the outer edge, up the inner edge
    body = [(MID - x, y) for x, y in left_half] + [(MID + x, y) for x, y in left_half[::-1]]
    svg.path(abs_d(body), "skin")
    # the foot with its toes in one outline: down the inner edge, round each toe from the big
    # toe to the little toe, up the outer edge
    toes = [p for toe in TOES for p in toe[5:][::-1]]
    foot = [
        *[foot_point(u, v) for u, v in FOOT_INNER_CURVE],
        *toes,
        *[foot_point(u, v) for u, v in FOOT_OUTER_CURVE],
    ]
    for side in (-1, 1):
        svg.path(poly_d(foot, side), "skin")


def draw_regions(svg: Svg) -> None:
    ligament, lower = groin_line(), groin_lower()
    for side, name in SIDES:
        svg.comment(f"skin regions, {name} leg (viewer {'left' if side < 0 else 'right'})")
        y_low_out = lower[0][1]
        groin = [
            *ligament,
            (12, 470),
            *lower[::-1][1:],
            *slice_down(OUTER, ASIS[1] + 6, y_low_out)[::-1],
        ]
        svg.path(poly_d(groin, side), "region", f"region:groin@{name}")
        knee_top = KNEE_TOP - 20
        outer_edge = slice_down(OUTER, y_low_out, knee_top)
        side_line = on_crease([(x - SIDE_STRIP, y) for x, y in outer_edge], knee_top, KNEE_TOP_BOW, -1)
        inner_edge = slice_down(INNER, 512, knee_top)
        inner_line = on_crease([(x + INNER_STRIP, y) for x, y in inner_edge], knee_top, KNEE_TOP_BOW, -1)
        x_in_top, x_out_top = inner_edge[-1][0], outer_edge[-1][0]

        split = thigh_split(side_line, inner_line)  # outer end to inner end
        (_, y_out), (_, y_in) = split[0], split[-1]
        upper = [
            *[(x, y) for x, y in lower if x >= inner_line[0][0] and x <= side_line[0][0]],
            *[p for p in inner_line if p[1] < y_in],
            *split[::-1],
            *[p for p in side_line if p[1] < y_out][::-1],
        ]
        svg.path(poly_d(upper, side), "region", f"region:thigh-anterior-upper@{name}")
        lower_thigh = [
            *split,
            *[p for p in inner_line if p[1] > y_in],
            *crease(knee_top, KNEE_TOP_BOW, inner_line[-1][0], side_line[-1][0])[1:-1],
            *[p for p in side_line if p[1] > y_out][::-1],
        ]
        svg.path(poly_d(lower_thigh, side), "region", f"region:thigh-anterior-lower@{name}")
        lateral_thigh = [
            *outer_edge,
            *crease(knee_top, KNEE_TOP_BOW, x_out_top, side_line[-1][0], 3)[1:-1],
            *side_line[::-1],
        ]
        svg.path(poly_d(lateral_thigh, side), "region", f"region:thigh-lateral@{name}")
        medial_thigh = [
            *inner_edge,
            *crease(knee_top, KNEE_TOP_BOW, x_in_top, inner_line[-1][0], 3)[1:-1],
            *inner_line[::-1],
        ]
        svg.path(poly_d(medial_thigh, side), "region", f"region:thigh-medial@{name}")
        svg.path(poly_d(SADDLE_FRONT, side), "region", f"region:saddle@{name}")
        x_in_bottom, x_out_bottom = x_at(INNER, KNEE_BOTTOM), x_at(OUTER, KNEE_BOTTOM)
        knee = [
            *slice_down(OUTER, knee_top, KNEE_BOTTOM),
            *crease(KNEE_BOTTOM, KNEE_BOTTOM_BOW, x_out_bottom, x_in_bottom, 16)[1:-1],
            *slice_down(INNER, knee_top, KNEE_BOTTOM)[::-1],
            *crease(knee_top, KNEE_TOP_BOW, x_in_top, x_out_top, 16)[1:-1],
        ]
        svg.path(poly_d(knee, side), "region", f"region:knee-anterior@{name}")
        crest = on_crease(crest_line(), KNEE_BOTTOM, KNEE_BOTTOM_BOW, 0)
        medial = [
            *slice_down(INNER, KNEE_BOTTOM, ANKLE),
            *crest[::-1],
            *crease(KNEE_BOTTOM, KNEE_BOTTOM_BOW, crest[0][0], x_in_bottom, 4)[1:-1],
        ]
        ankle_bump = ellipse_pts(*MALLEOLUS, 10, 13, 24)
        svg.path(multi_d([medial, ankle_bump], side), "region", f"region:leg-medial@{name}")
        lateral = [
            *crest,
            *slice_down(OUTER, KNEE_BOTTOM, ANKLE)[::-1],
            *crease(KNEE_BOTTOM, KNEE_BOTTOM_BOW, x_out_bottom, crest[0][0], 4)[1:-1],
        ]
        svg.path(poly_d(lateral, side), "region", f"region:leg-lateral@{name}")
        # foot: dorsum, first web space and big toe
        dorsum = [
            foot_point(u, v)
            for u, v in (
                *FOOT_INNER_CURVE,
                (14, foot_front(14)),
                (14, foot_front(14) + 4),
                (18, foot_front(18) + 16),
                (22, foot_front(22) + 4),
                (22, foot_front(22)),
                *FOOT_OUTER_CURVE,
            )
        ]
        svg.path(poly_d(dorsum, side), "region", f"region:foot-dorsum@{name}")
        web = [
            foot_point(14, foot_front(14) + 4),
            foot_point(18, foot_front(18) + 16),
            foot_point(22, foot_front(22) + 4),
            foot_point(18, foot_front(18) - 6),
        ]
        svg.path(poly_d(web, side), "region", f"region:first-web-space@{name}")
        svg.path(poly_d(TOES[0], side), "region", f"region:big-toe@{name}")
        svg.path(multi_d(TOES[1:4], side), "skin")
        svg.path(poly_d(TOES[4], side), "region", f"region:little-toe@{name}")


def draw_bones(svg: Svg) -> None:
    svg.comment("bones seen from the front (decorative)")
    ilium = catmull(
        [
            (40, 300),
            (62, 236),
            (112, 206),
            (160, 222),
            (158, 300),
            (132, 360),
            (104, 404),
            (82, 440),
            (40, 452),
            (14, 440),
            (16, 404),
            (40, 380),
            (40, 300),
        ],
        8,
    )
    obturator = ellipse_pts(52, 426, 20, 14, 20)
    femur = catmull(
        [
            (96, 404),
            (118, 390),
            (140, 402),
            (170, 408),
            (178, 434),
            (160, 456),
            (150, 520),
            (134, 700),
            (122, 870),
            (128, 906),
            (120, 940),
            (84, 944),
            (52, 938),
            (50, 906),
            (72, 880),
            (92, 700),
            (114, 520),
            (124, 454),
            (106, 432),
            (96, 404),
        ],
        6,
    )
    patella = ellipse_pts(92, 912, 20, 24, 24)
    tibia = catmull(
        [
            (48, 960),
            (86, 954),
            (124, 962),
            (120, 990),
            (104, 1030),
            (98, 1200),
            (96, 1360),
            (92, 1386),
            (62, 1392),
            (56, 1376),
            (68, 1350),
            (72, 1200),
            (70, 1030),
            (52, 990),
            (48, 960),
        ],
        6,
    )
    fibula = catmull(
        [
            (130, 972),
            (146, 978),
            (144, 1000),
            (138, 1100),
            (136, 1300),
            (142, 1378),
            (128, 1396),
            (122, 1370),
            (124, 1300),
            (126, 1100),
            (128, 1000),
            (130, 972),
        ],
        6,
    )
    for shape in (femur, tibia, fibula):
        svg.path(multi_d([shape], -1) + " " + multi_d([shape], 1), "bone")
    for side in (-1, 1):
        svg.path(poly_d(ilium, side) + " " + poly_d(obturator, side), "bone")
        svg.path(poly_d(patella, side), "bone")
        # hip joint: the femoral head seated in the socket (acetabulum) of the hip bone
        svg.path(poly_d(ellipse_pts(106, 412, 24, 24, 32), side), "bone")
        svg.path(poly_d(ellipse_pts(108, 410, 17, 17, 28), side), "bone")
    svg.comment("pubic symphysis: the two hip bones meet at the front, closing the pelvic ring")
    svg.path(abs_d(rounded_rect(MID - 16, 412, MID + 16, 456, 6)), "bone")
    for _name, top, half in VERTEBRAE:
        body = rounded_rect(MID - half, top, MID + half, top + BODY_H, 6)
        svg.path(abs_d(body), "bone")
        disc = rounded_rect(MID - half + 2, top + BODY_H + 1, MID + half - 2, top + BODY_H + 10, 4)
        svg.path(abs_d(disc), "disc")
    sacrum = catmull(
        [(-60, 290), (60, 290), (40, 360), (14, 410), (-14, 410), (-40, 360), (-60, 290)], 6
    )
    svg.path(abs_d([(MID + x, y) for x, y in sacrum]), "bone")


def exit_point(level: int) -> Point:
    _name, top, half = VERTEBRAE[level]
    return (half + 6, top + BODY_H - 2)


PLEXUS = {  # where each lumbar root meets its neighbours in the plexus (inside the psoas)
    "L1": (62.0, 114.0),
    "L2": (72.0, 166.0),
    "L3": (80.0, 214.0),
    "L4": (70.0, 258.0),
}
FEMORAL_TOP = (88.0, 266.0)
OBTURATOR_TOP = (62.0, 288.0)


def nerve(svg: Svg, pts: list[Point], side: int, el_id: str, width: float, k: int = 10) -> None:
    svg.path(poly_d(catmull(pts, k), side, False), "nerve", el_id, width)


def root(svg: Svg, pts: list[Point], side: int, el_id: str, width: float, k: int = 8) -> None:
    svg.path(poly_d(catmull(pts, k), side, False), "root", el_id, width)


def draw_nerves(svg: Svg) -> None:
    """The lumbar plexus as a few calm lines: the roots meet in a small triangle in the psoas
    (L2 and L3 to the femoral nerve, L3 and L4 to the obturator), L5 runs straight down into the
    pelvis, the iliohypogastric and ilioinguinal travel as one pair round the hip bone, and the
    genitofemoral crosses the femoral nerve once, at the groin. Cutaneous nerves are thin, the
    roots a little thicker, the femoral trunk thickest."""
    for side, name in SIDES:
        svg.comment(f"nerves, {name} side")
        # upper lumbar skin nerves: one calm pair, down and out across the hip bone's wing to
        # just inside its front point, then in along the groin ligament
        nerve(
            svg,
            [PLEXUS["L1"], (88, 160), (112, 212), (132, 262), (142, 298), (136, 326), (110, 350), (78, 374), (50, 394)],
            side,
            f"nerve:iliohypogastric@{name}",
            2,
        )
        nerve(
            svg,
            [PLEXUS["L1"], (83, 167), (105, 219), (123, 267), (132, 298), (126, 323), (104, 345), (80, 370), (66, 410), (60, 452)],
            side,
            f"nerve:ilioinguinal@{name}",
            2,
        )
        nerve(
            svg,
            [PLEXUS["L2"], (86, 214), (98, 270), (104, 330), (100, 400), (90, 460), (86, 520)],
            side,
            f"nerve:genitofemoral@{name}",
            2,
        )
        nerve(
            svg,
            [
                PLEXUS["L2"],
                (96, 220),
                (122, 282),
                (143, 330),
                (160, 420),
                (172, 560),
                (176, 700),
                (170, 820),
            ],
            side,
            f"nerve:lateral-femoral-cutaneous@{name}",
            2.2,
        )
        # femoral nerve and its saphenous branch
        nerve(
            svg,
            [FEMORAL_TOP, (92, 330), (102, 400), (108, 450), (110, 500), (118, 560)],
            side,
            f"nerve:femoral@{name}",
            6,
        )
        for i, (x1, y1) in enumerate([(132, 650), (110, 760), (100, 850)]):
            nerve(
                svg,
                [(110, 500), ((110 + x1) / 2, (500 + y1) / 2 - 20), (x1, y1)],
                side,
                f"nerve:femoral@{name}#{i + 2}",
                2,
            )
        nerve(
            svg,
            [
                (108, 470),
                (90, 560),
                (66, 680),
                (46, 800),
                (34, 880),
                (34, 960),
                (44, 1100),
                (50, 1250),
                (54, 1372),
                (60, 1400),
            ],
            side,
            f"nerve:saphenous@{name}",
            2.6,
        )
        nerve(
            svg,
            [(60, 1400), foot_point(0, 40), foot_point(2, 100)],
            side,
            f"nerve:saphenous@{name}#2",
            2,
        )
        # obturator nerve through the obturator foramen into the inner thigh
        nerve(
            svg,
            [OBTURATOR_TOP, (54, 340), (50, 400), (52, 430), (48, 500), (34, 620), (26, 720)],
            side,
            f"nerve:obturator@{name}",
            3.5,
        )
        # fibular nerves on the front of the leg
        nerve(svg, [(150, 960), (156, 990), (146, 1014)], side, f"nerve:common-fibular@{name}", 4)
        nerve(
            svg,
            [
                (146, 1014),
                (150, 1120),
                (144, 1250),
                (128, 1330),
                (106, 1390),
                foot_point(60, 30),
                foot_point(70, 100),
            ],
            side,
            f"nerve:superficial-fibular@{name}",
            2.4,
        )
        nerve(
            svg,
            [foot_point(60, 30), foot_point(30, 80), foot_point(24, 108)],
            side,
            f"nerve:superficial-fibular@{name}#2",
            2,
        )
        nerve(
            svg,
            [
                (146, 1014),
                (124, 1060),
                (106, 1200),
                (96, 1330),
                (90, 1394),
                foot_point(20, 60),
                foot_point(18, 122),
            ],
            side,
            f"nerve:deep-fibular@{name}",
            2.4,
        )
        # roots last, on top
        svg.comment(f"nerve roots, {name} side")

        def spine(level: int) -> list[Point]:
            ex = exit_point(level)
            return [(6, ex[1] - 18), ex]

        root(svg, [*spine(0), PLEXUS["L1"]], side, f"root:L1@{name}", 3.5)
        root(svg, [*spine(1), PLEXUS["L2"]], side, f"root:L2@{name}", 3.5)
        root(svg, [PLEXUS["L2"], PLEXUS["L3"]], side, f"root:L2@{name}#2", 3, 4)
        root(svg, [*spine(2), PLEXUS["L3"], FEMORAL_TOP], side, f"root:L3@{name}", 3.5)
        root(svg, [PLEXUS["L3"], PLEXUS["L4"]], side, f"root:L3@{name}#2", 3, 4)
        root(svg, [*spine(3), PLEXUS["L4"], FEMORAL_TOP], side, f"root:L4@{name}", 4)
        root(svg, [PLEXUS["L4"], OBTURATOR_TOP], side, f"root:L4@{name}#2", 3, 4)
        root(svg, [*spine(4), (44, 312), (42, 352)], side, f"root:L5@{name}", 4)


KEY_POINTS = {  # ISNCSCI key sensory points on the front (offsets from the midline)
    "L1": (84.0, 515.0),
    "L2": (112.0, 640.0),
    "L3": (40.0, 880.0),
    "L4": MALLEOLUS,
}


def draw_points(svg: Svg) -> None:
    svg.comment("key sensory points, shown only when their root is selected")
    for side, name in SIDES:
        for root, (x, y) in KEY_POINTS.items():
            svg.path(poly_d(ellipse_pts(x, y, 11, 11, 20), side), "point", f"point:{root}@{name}")
        svg.path(
            poly_d(ellipse_pts(*foot_point(50, 106), 11, 11, 20), side), "point", f"point:L5@{name}"
        )


def draw_labels(svg: Svg) -> None:
    svg.comment("labels")
    svg.text(250, 130, "RIGHT", 24, weight="bold")
    svg.text(750, 130, "LEFT", 24, weight="bold")
    # labels sit outside the body outline, never across it; a leader line reaches in
    leaders = [
        ((276, 372), (MID - 118, 360), "Groin ligament", "end"),
        ((276, 560), (MID - 116, 560), "Femoral n.", "end"),
        ((280, 760), (MID - 54, 760), "Saphenous n.", "end"),
        ((276, 470), (MID - 163, 470), "Lat. femoral cut. n.", "end"),
        ((724, 640), (MID + 30, 640), "Obturator n.", "start"),
        ((720, 1200), (MID + 106, 1200), "Deep fibular n.", "start"),
        ((720, 1290), (MID + 136, 1290), "Superficial fibular n.", "start"),
        ((728, 470), (MID + 86, 478), "Genitofemoral n.", "start"),
        ((728, 330), (MID + 122, 330), "Ilioinguinal n.", "start"),
    ]
    for (tx, ty), (px, py), label, anchor in leaders:
        svg.path(abs_d([(tx + (6 if anchor == "end" else -6), ty - 6), (px, py)], False), "leader")
        svg.text(tx, ty, label, 18, anchor=anchor)
    for name, top, _ in VERTEBRAE:
        svg.text(MID, top + 24, name, 17, weight="bold")


# -- where the layers' surface coordinates land on this view (see draw_layers.py) ------------
def _lerp_edge(edge: list[Point], v: float) -> float:
    for (u0, v0), (u1, v1) in zip(edge, edge[1:]):
        if v0 <= v <= v1:
            return u0 + (u1 - u0) * (v - v0) / (v1 - v0)
    return edge[0][0] if v < edge[0][1] else edge[-1][0]


#: the foot's edges as (u, v) going down the foot, for surface coordinates
FOOT_IN_EDGE = FOOT_INNER_CURVE
FOOT_OUT_EDGE = FOOT_OUTER_CURVE[::-1]


class AnteriorMapper:
    def polygon(self, surface: str, pts: list[Point], side: int) -> list[Point] | None:
        from draw_layers import densify, smooth
        from draw_posterior import FOOT_ROUNDING, leg_polygon

        if surface == "front":
            return leg_polygon(pts, side)
        if surface == "groin":
            line = groin_line()
            # arc length along the ligament, so s is spread evenly
            lengths = [0.0]
            for (x0, y0), (x1, y1) in zip(line, line[1:]):
                lengths.append(lengths[-1] + ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5)

            def at(s: float) -> Point:
                target = min(max(s, 0.0), 1.0) * lengths[-1]
                for i in range(1, len(line)):
                    if lengths[i] >= target:
                        f = (target - lengths[i - 1]) / max(lengths[i] - lengths[i - 1], 1e-9)
                        (x0, y0), (x1, y1) = line[i - 1], line[i]
                        return (x0 + (x1 - x0) * f, y0 + (y1 - y0) * f)
                return line[-1]

            dense = densify(pts, lambda p, q: int(max(abs(q[0] - p[0]) * 14, abs(q[1] - p[1]) / 12)))
            out = []
            for s_, d in dense:
                x, y = at(s_)
                out.append((MID + side * x, y + d))
            return smooth(out, 10.0)
        if surface == "top":
            dense = densify(pts, lambda p, q: int(max(abs(q[0] - p[0]), abs(q[1] - p[1])) * 10))
            out = []
            for a, b in dense:
                # b = 1 is the curved front edge where the toes begin, on both edges too
                u_in = _lerp_edge(FOOT_IN_EDGE, b * FOOT_IN_EDGE[-1][1])
                u_out = _lerp_edge(FOOT_OUT_EDGE, b * FOOT_OUT_EDGE[-1][1])
                u = u_in + (u_out - u_in) * a
                x, y = foot_point(u, b * foot_front(u))
                out.append((MID + side * x, y))
            # the edge on the ankle stays square, meeting a strip coming down the shin
            return smooth(out, FOOT_ROUNDING, pinned=lambda q: abs(q[1] - FOOT_TOP) < 0.01)
        return None

    def toes(self, surface: str, which: list[int], side: int) -> list[list[Point]]:
        if surface != "toes-top":
            return []
        return [[(MID + side * x, y) for x, y in TOES[i]] for i in which]

    def saddle(self, surface: str, side: int) -> list[Point] | None:
        return [(MID + side * x, y) for x, y in SADDLE_FRONT] if surface == "saddle-front" else None


def main() -> None:
    import draw_layers
    import draw_places

    svg = Svg()
    draw_skin(svg)
    draw_regions(svg)
    draw_layers.draw(svg, AnteriorMapper(), SIDES)
    draw_bones(svg)
    draw_nerves(svg)
    draw_points(svg)
    draw_labels(svg)
    draw_places.draw(svg, "anterior")
    svg.write(OUT, "Front view")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
