"""The two switchable layers drawn over the skin of both views: each root's dermatome as each
named map draws it, and each cutaneous nerve's territory.

The shapes are the atlas's own schematic redrawing from the published descriptions (see
``data/maps.yaml`` and the sources it cites), not tracings of the copyrighted figures. They are
written in *surface coordinates* that each view maps onto its own outline, so the same
description lands on the back view, the front view, the sole and the top of the foot:

``back`` / ``front``  (t, y): t runs across the limb from its inner edge (0) to its outer edge
                      (1) at drawing height y; above the legs the inner edge is the midline.
``groin``             (s, d): s along the groin ligament from the hip bone (0) to the pubis
                      (1), d units below it (negative: above it). Front view only.
``sole``              (a, b): the sole seen from behind, a inner (0) to outer (1) edge, b from
                      the top of the heel (0) to the base of the toes (1). Back view only.
``top``               (a, b): the top of the foot, a inner to outer edge, b ankle (0) to the
                      base of the toes (1). Front view, and the foot insets of the back view.
``toes-top`` / ``toes-sole``: whole toes by number, 0 the big toe to 4 the little toe.
``saddle-back`` / ``saddle-front``: the skin round the anus / the perineum.

Ids: ``dermatome:ROOT@side#MAP`` (``#MAP.2`` and on for more pieces), ``territory:NERVE@side``
(``#2`` and on). A trunk nerve's territory (sciatic, tibial, common fibular, femoral) is drawn as
the skin of its branches together, so selecting it shows everything it ends up supplying.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

Point = tuple[float, float]
Piece = tuple[str, object]  # (surface, polygon points or toe numbers)


def R(t0: float, y0: float, t1: float, y1: float) -> list[Point]:
    """A patch between two heights and two fractions across (follows the curved outline)."""
    return [(t0, y0), (t1, y0), (t1, y1), (t0, y1)]


# -- dermatomes, per map ---------------------------------------------------------------------
# Lee, McPhee & Stringer 2008: the most consistent patch for each root; gaps are left where
# people vary or neighbours overlap too much to name one root. S3-S5 are not shown by the map.
LEE: dict[str, list[Piece]] = {
    "L1": [
        ("groin", R(0.1, -4, 0.95, 34)),
        ("back", [(0.35, 262), (0.8, 246), (0.8, 288), (0.38, 300)]),
    ],
    "L2": [
        ("front", [(0.2, 530), (0.68, 476), (0.86, 530), (0.72, 640), (0.3, 680)]),
        ("back", [(0.55, 312), (0.95, 300), (0.95, 368), (0.6, 372)]),
    ],
    "L3": [
        ("front", [(0.08, 770), (0.55, 724), (0.62, 800), (0.42, 900), (0.05, 930)]),
        ("back", [(0.62, 392), (0.95, 386), (0.95, 440), (0.66, 446)]),
    ],
    "L4": [
        ("front", [(0.0, 1010), (0.3, 1012), (0.36, 1250), (0.3, 1386), (0.0, 1386)]),
        ("top", R(0.0, 0.0, 0.16, 0.42)),
        ("back", R(0.0, 1040, 0.14, 1370)),
    ],
    "L5": [
        ("front", [(0.55, 1120), (0.9, 1100), (0.96, 1300), (0.78, 1386), (0.5, 1386)]),
        ("top", [(0.22, 0.12), (0.72, 0.12), (0.76, 1.0), (0.2, 1.0)]),
        ("toes-top", [0, 1, 2]),
        ("back", [(0.86, 1060), (1.0, 1040), (1.0, 1370), (0.9, 1370)]),
    ],
    "S1": [
        ("back", [(0.5, 1150), (0.78, 1150), (0.84, 1386), (0.5, 1386)]),
        ("sole", R(0.4, 0.0, 1.0, 0.42)),
        ("sole", [(0.66, 0.42), (1.0, 0.42), (1.0, 1.0), (0.72, 1.0)]),
        ("toes-sole", [4]),
        ("top", R(0.86, 0.12, 1.0, 1.0)),
        ("toes-top", [4]),
    ],
    "S2": [("back", [(0.3, 540), (0.6, 540), (0.58, 900), (0.55, 1100), (0.4, 1100), (0.32, 900)])],
}

# Keegan & Garrett 1948: long continuous bands from the spine down the limb, no gaps.
KEEGAN: dict[str, list[Piece]] = {
    "L1": [
        ("back", [(0, 64), (0.5, 140), (1, 215), (1, 262), (0.5, 190), (0, 109)]),
        ("groin", R(0.0, -12, 1.0, 40)),
    ],
    "L2": [
        ("back", [(0, 109), (0.5, 190), (1, 262), (1, 345), (0.6, 282), (0, 154)]),
        ("front", [(1, 368), (0.5, 470), (0.03, 530), (0.0, 700), (0.5, 600), (1, 470)]),
    ],
    "L3": [
        ("back", [(0, 154), (0.6, 282), (1, 345), (1, 560), (0.9, 472), (0.6, 352), (0, 199)]),
        (
            "front",
            [
                (1, 470),
                (0.5, 600),
                (0.0, 700),
                (0.0, 1080),
                (0.25, 1080),
                (0.3, 940),
                (0.5, 800),
                (1, 600),
            ],
        ),
    ],
    "L4": [
        (
            "back",
            [
                (0, 199),
                (0.6, 352),
                (0.9, 472),
                (1, 560),
                (1, 880),
                (0.86, 880),
                (0.8, 562),
                (0.55, 422),
                (0, 244),
            ],
        ),
        (
            "front",
            [
                (1, 600),
                (0.5, 800),
                (0.3, 940),
                (0.25, 1080),
                (0.0, 1080),  # the inner side of the shin from the knee down: no gap under L3
                (0.0, 1386),
                (0.45, 1386),
                (0.5, 1080),
                (0.65, 940),
                (1, 800),
            ],
        ),
        # the band continues from the shin onto the foot without a step: the inner ankle (L4's
        # key sensory point, the medial malleolus) and the inner side of the foot to the big toe
        ("top", [(0.0, 0.0), (0.45, 0.0), (0.3, 1.0), (0.0, 1.0)]),
        ("toes-top", [0]),
    ],
    "L5": [
        (
            "back",
            [
                (0, 244),
                (0.55, 422),
                (0.8, 562),
                (0.86, 880),
                (1, 960),
                (1, 1386),
                (0.8, 1386),
                (0.75, 1000),
                (0.6, 880),
                (0.55, 562),
                (0.4, 472),
                (0, 290),
            ],
        ),
        ("front", [(1, 800), (0.65, 940), (0.5, 1080), (0.45, 1386), (1, 1386)]),
        ("top", [(0.45, 0.0), (0.86, 0.0), (0.86, 1.0), (0.3, 1.0)]),
        ("toes-top", [1, 2, 3]),
        ("sole", R(0.0, 0.42, 0.3, 1.0)),
        ("toes-sole", [0, 1]),
    ],
    "S1": [
        (
            "back",
            [
                (0, 290),
                (0.4, 472),
                (0.55, 562),
                (0.6, 880),
                (0.75, 1000),
                (0.8, 1386),
                (0.3, 1386),
                (0.3, 1150),
                (0.35, 880),
                (0.35, 562),
                (0.2, 472),
                (0, 350),
            ],
        ),
        ("sole", R(0.0, 0.0, 1.0, 0.42)),
        ("sole", R(0.3, 0.42, 1.0, 1.0)),
        ("toes-sole", [2, 3, 4]),
        ("top", R(0.86, 0.0, 1.0, 1.0)),
        ("toes-top", [4]),
    ],
    "S2": [
        (
            "back",
            [
                (0, 350),
                (0.2, 472),
                (0.35, 562),
                (0.35, 880),
                (0.3, 1150),
                (0.3, 1250),
                (0.08, 1250),
                (0.05, 900),
                (0.14, 562),
                (0.13, 520),
                (0.02, 420),
            ],
        )
    ],
    "S3": [("back", [(0.0, 405), (0.02, 420), (0.13, 520), (0.14, 562), (0.1, 660), (0.0, 650)])],
    "S4-5": [("saddle-back", None), ("saddle-front", None)],
}

# Foerster 1933: shorter zones that overlap at their borders; S2 runs down the back of the limb.
FOERSTER: dict[str, list[Piece]] = {
    "L1": [("groin", R(0.0, -8, 1.0, 44)), ("back", [(0.2, 262), (1, 240), (1, 306), (0.25, 320)])],
    "L2": [
        ("front", [(0.05, 520), (0.35, 470), (1, 396), (1, 570), (0.5, 645), (0.05, 705)]),
        ("back", [(0.45, 298), (1, 288), (1, 640), (0.82, 600), (0.62, 384)]),
    ],
    "L3": [
        (
            "front",
            [(0.0, 680), (0.5, 625), (1, 545), (1, 730), (0.6, 810), (0.32, 905), (0.0, 985)],
        ),
        ("back", [(0.6, 378), (1, 366), (1, 432), (0.74, 442)]),
        ("back", [(0.0, 690), (0.24, 700), (0.26, 900), (0.0, 960)]),
    ],
    "L4": [
        ("front", [(0.0, 950), (0.3, 960), (0.44, 1010), (0.42, 1386), (0.0, 1386)]),
        ("top", [(0.0, 0.0), (0.22, 0.0), (0.24, 0.85), (0.0, 0.9)]),
        ("back", [(0.0, 960), (0.22, 980), (0.2, 1386), (0.0, 1386)]),
    ],
    "L5": [
        ("front", [(0.38, 1005), (1, 990), (1, 1386), (0.38, 1386)]),
        ("top", [(0.18, 0.0), (0.88, 0.0), (0.88, 1.0), (0.18, 1.0)]),
        ("toes-top", [0, 1, 2, 3]),
        ("back", [(0.8, 1000), (1, 990), (1, 1386), (0.86, 1386)]),
        ("sole", R(0.0, 0.42, 0.5, 1.0)),
        ("toes-sole", [0, 1, 2]),
    ],
    "S1": [
        ("back", [(0.48, 1000), (0.84, 1000), (0.9, 1386), (0.44, 1386)]),
        ("sole", R(0.0, 0.0, 1.0, 0.45)),
        ("sole", R(0.46, 0.42, 1.0, 1.0)),
        ("toes-sole", [3, 4]),
        ("top", R(0.84, 0.0, 1.0, 1.0)),
        ("toes-top", [4]),
        ("front", [(0.9, 1290), (1, 1290), (1, 1386), (0.92, 1386)]),
    ],
    "S2": [
        (
            "back",
            [
                (0.24, 520),
                (0.56, 526),
                (0.52, 900),
                (0.5, 1000),
                (0.46, 1300),
                (0.34, 1300),
                (0.3, 1000),
                (0.27, 900),
            ],
        )
    ],
    "S3": [
        (
            "back",
            [
                (0.0, 380),
                (0.3, 392),
                (0.36, 470),
                (0.26, 540),
                (0.14, 540),
                (0.13, 445),
                (0.0, 440),
            ],
        )
    ],
    "S4-5": [("saddle-back", None), ("saddle-front", None)],
}

MAPS: dict[str, dict[str, list[Piece]]] = {"lee": LEE, "keegan": KEEGAN, "foerster": FOERSTER}

# -- cutaneous nerve territories ----------------------------------------------------------------
TERRITORIES: dict[str, list[Piece]] = {
    "lumbar-dorsal-rami": [("back", [(0, 60), (0.42, 60), (0.48, 236), (0.2, 286), (0, 296)])],
    "superior-cluneal": [("back", [(0.32, 258), (0.86, 240), (0.92, 330), (0.45, 352)])],
    "middle-cluneal": [("back", [(0.02, 320), (0.3, 330), (0.3, 430), (0.14, 442), (0.02, 436)])],
    "iliohypogastric": [
        ("back", [(0.86, 244), (1, 236), (1, 330), (0.9, 330)]),
        ("groin", R(0.3, -46, 1.0, -6)),
    ],
    "ilioinguinal": [("groin", R(0.58, 2, 1.0, 56))],
    "genitofemoral": [("groin", R(0.3, 4, 0.58, 72))],
    "lateral-femoral-cutaneous": [
        ("front", [(0.7, 384), (1, 364), (1, 820), (0.82, 800), (0.66, 600)]),
        ("back", [(0.86, 520), (1, 500), (1, 700), (0.9, 700)]),
    ],
    "posterior-femoral-cutaneous": [
        (
            "back",
            [
                (0.15, 446),
                (0.88, 436),
                (0.86, 520),
                (0.84, 900),
                (0.74, 1080),
                (0.3, 1080),
                (0.12, 900),
                (0.12, 520),
            ],
        )
    ],
    "pudendal": [("saddle-back", None), ("saddle-front", None)],
    "obturator": [
        ("front", [(0.0, 520), (0.18, 512), (0.2, 700), (0.12, 820), (0.0, 840)]),
        ("back", [(0.0, 560), (0.12, 560), (0.12, 800), (0.0, 820)]),
    ],
    "femoral": [
        (
            "front",
            [
                (0.2, 500),
                (0.68, 432),
                (0.72, 600),
                (0.78, 800),
                (0.7, 880),
                (0.25, 880),
                (0.16, 700),
            ],
        )
    ],
    "saphenous": [
        ("front", [(0.0, 880), (0.25, 900), (0.42, 1005), (0.42, 1386), (0.0, 1386)]),
        ("top", [(0.0, 0.0), (0.18, 0.0), (0.15, 0.55), (0.0, 0.6)]),
        ("back", R(0.0, 1010, 0.12, 1386)),
    ],
    "lateral-sural-cutaneous": [
        ("front", [(0.8, 1000), (1, 990), (1, 1180), (0.86, 1180)]),
        ("back", [(0.76, 1000), (1, 990), (1, 1200), (0.8, 1200)]),
    ],
    "superficial-fibular": [
        ("front", [(0.45, 1150), (0.85, 1180), (1, 1200), (1, 1386), (0.42, 1386)]),
        ("top", [(0.16, 0.0), (0.86, 0.0), (0.86, 1.0), (0.42, 1.0), (0.42, 0.8), (0.16, 0.8)]),
        ("toes-top", [2, 3]),
    ],
    "deep-fibular": [("top", R(0.2, 0.8, 0.42, 1.04))],
    "sural": [
        ("back", [(0.46, 1150), (0.8, 1200), (0.96, 1386), (0.56, 1386)]),
        ("sole", R(0.86, 0.3, 1.0, 1.0)),
        ("toes-sole", [4]),
        ("top", R(0.88, 0.0, 1.0, 1.0)),
        ("toes-top", [4]),
    ],
    "medial-calcaneal": [("sole", R(0.0, 0.04, 1.0, 0.42))],
    "medial-plantar": [("sole", R(0.0, 0.42, 0.6, 1.0)), ("toes-sole", [0, 1, 2])],
    "lateral-plantar": [("sole", R(0.6, 0.42, 0.86, 1.0)), ("toes-sole", [3, 4])],
}
#: trunk nerves: their territory is their branches' skin together
UNIONS = {
    "tibial": ["medial-calcaneal", "medial-plantar", "lateral-plantar"],
    "common-fibular": ["lateral-sural-cutaneous", "superficial-fibular", "deep-fibular"],
    "sciatic": [
        "medial-calcaneal",
        "medial-plantar",
        "lateral-plantar",
        "lateral-sural-cutaneous",
        "superficial-fibular",
        "deep-fibular",
        "sural",
    ],
}
TERRITORIES["femoral"] = TERRITORIES["femoral"] + TERRITORIES["saphenous"]
for _trunk, _branches in UNIONS.items():
    TERRITORIES[_trunk] = [p for b in _branches for p in TERRITORIES[b]]


# -- putting them on a view -------------------------------------------------------------------
class Mapper(Protocol):
    """What a view tells this module: where surface coordinates land (absolute drawing units),
    or None when the surface is not seen in that view."""

    def polygon(self, surface: str, pts: list[Point], side: int) -> list[Point] | None: ...

    def toes(self, surface: str, which: list[int], side: int) -> list[list[Point]]: ...

    def saddle(self, surface: str, side: int) -> list[Point] | None: ...


def densify(pts: list[Point], steps: Callable[[Point, Point], int]) -> list[Point]:
    out: list[Point] = []
    for p, q in zip(pts, [*pts[1:], pts[0]]):
        n = max(1, steps(p, q))
        out += [(p[0] + (q[0] - p[0]) * i / n, p[1] + (q[1] - p[1]) * i / n) for i in range(n)]
    return out


def chaikin(pts: list[Point], rounds: int = 1) -> list[Point]:
    """Round the corners of a closed polygon (each round cuts every corner a quarter in)."""
    for _ in range(rounds):
        nxt: list[Point] = []
        for p, q in zip(pts, [*pts[1:], pts[0]]):
            nxt += [(0.75 * p[0] + 0.25 * q[0], 0.75 * p[1] + 0.25 * q[1])]
            nxt += [(0.25 * p[0] + 0.75 * q[0], 0.25 * p[1] + 0.75 * q[1])]
        pts = nxt
    return pts


def smooth(
    pts: list[Point], radius: float, spacing: float = 4.0, pinned: Callable[[Point], bool] | None = None
) -> list[Point]:
    """Round a closed outline by about ``radius`` drawing units, the same amount on a wide patch
    as on a narrow strip: resample it evenly, then average each point with its neighbours
    (twice, a box filter ``radius`` wide). Straight and gently curved edges stay where they are;
    corners become curves, so a patch reads as a drawn strip of skin, not a box. Points along a
    boundary two patches share move the same way in both, so abutting patches still meet.
    Points for which ``pinned`` is true stay put: a seam where one piece of a strip hands over to
    the next (the ankle, from calf to heel) keeps its corners, so the pieces join without a
    waist."""
    closed = [*pts, pts[0]]
    lengths = [0.0]
    for (x0, y0), (x1, y1) in zip(closed, closed[1:]):
        lengths.append(lengths[-1] + ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5)
    total = lengths[-1]
    n = max(8, int(total / spacing))
    even: list[Point] = []
    j = 0
    for i in range(n):
        target = total * i / n
        while lengths[j + 1] < target:
            j += 1
        seg = max(lengths[j + 1] - lengths[j], 1e-9)
        f = (target - lengths[j]) / seg
        (x0, y0), (x1, y1) = closed[j], closed[j + 1]
        even.append((x0 + (x1 - x0) * f, y0 + (y1 - y0) * f))
    w = max(1, min(int(radius / (total / n)), n // 4))
    fixed = {i: p for i, p in enumerate(even) if pinned is not None and pinned(p)}
    for _ in range(2):
        even = [
            fixed.get(i)
            or (
                sum(even[(i + k) % n][0] for k in range(-w, w + 1)) / (2 * w + 1),
                sum(even[(i + k) % n][1] for k in range(-w, w + 1)) / (2 * w + 1),
            )
            for i in range(n)
        ]
    # every other point is close enough once the outline is smooth (pinned ones all kept)
    return [p for i, p in enumerate(even) if i % 2 == 0 or i in fixed]


def oriented(pts: list[Point]) -> list[Point]:
    """The same polygon, always wound the same way, so pieces of one shape fill as a union."""
    area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, [*pts[1:], pts[0]]))
    return pts if area > 0 else pts[::-1]


def pieces(mapper: Mapper, spec: list[Piece], side: int) -> list[list[Point]]:
    out: list[list[Point]] = []
    for surface, data in spec:
        if surface.startswith("toes-"):
            out += mapper.toes(surface, list(data), side)  # type: ignore[call-overload]
        elif surface.startswith("saddle-"):
            poly = mapper.saddle(surface, side)
            if poly:
                out.append(poly)
        else:
            poly = mapper.polygon(surface, list(data), side)  # type: ignore[call-overload]
            if poly:
                out.append(poly)
    return [oriented(p) for p in out]


def fmt(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def path_d(polys: Iterable[list[Point]]) -> str:
    return " ".join("M" + " L".join(f"{fmt(x)},{fmt(y)}" for x, y in poly) + " Z" for poly in polys)


def draw(svg: object, mapper: Mapper, sides: Iterable[tuple[int, str]]) -> None:
    """Write every dermatome (per map) and nerve territory seen in this view."""
    sides = list(sides)
    add = svg.path  # type: ignore[attr-defined]
    svg.comment(  # type: ignore[attr-defined]
        "dermatomes (dermatome:ROOT@side#MAP): the atlas's own schematic redrawing of each map "
        "from its published description; see data/maps.yaml"
    )
    for map_id, roots in MAPS.items():
        for side, name in sides:
            for root, spec in roots.items():
                polys = pieces(mapper, spec, side)
                if polys:
                    add(path_d(polys), "dermatome", f"dermatome:{root}@{name}#{map_id}")
    svg.comment("skin territories of the cutaneous nerves (territory:NERVE@side)")  # type: ignore[attr-defined]
    for side, name in sides:
        for nerve_id, spec in TERRITORIES.items():
            polys = pieces(mapper, spec, side)
            if polys:
                add(path_d(polys), "territory", f"territory:{nerve_id}@{name}")
