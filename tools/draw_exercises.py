"""Draw the exercise step pictures: one small SVG per plain step in data/exercises.yaml.

Run from the repository root:  python tools/draw_exercises.py
It writes assets/exercises/<drawing>.svg for every ``plain_steps[].drawing`` and fails when a step
names a drawing this script has no pose for.

Style (the atlas's calm look): a simple side-view figure made of rounded limbs, flat fills and a
thin darker outline; the far arm and leg a shade darker so the near ones read in front; a mat or
the floor; movement shown by one orange arrow (Okabe–Ito #E69F00), where the stretch is felt by a
dashed vermillion ring. Poses are written as joint positions; two-bone limbs are solved from the
joint at the root (hip, shoulder) to the end point (ankle, wrist), so a pose reads like a sketch:
"hip here, foot there, knee bends up".
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "exercises"

W, H = 320, 190
TOP = 24  # headroom above a standing figure
FLOOR = 168.0

# lengths in drawing units
TRUNK_LOW, TRUNK_HIGH, NECK = 26.0, 38.0, 22.0
UPPER_ARM, FOREARM = 34.0, 32.0
THIGH, SHIN, FOOT = 44.0, 42.0, 15.0
HEAD_R = 12.0

OUTLINE = "#4a5560"
SKIN = "#f2dcc9"
SKIN_FAR = "#dcc1ab"
SHIRT = "#b7d3e6"
SHIRT_FAR = "#97b8cf"
TROUSERS = "#7f9bb3"
TROUSERS_FAR = "#66829a"
SHOE = "#5d6b78"
HAIR = "#6b5a4e"
MAT = "#ece7dc"
MAT_EDGE = "#b9b2a3"
PROP = "#d9d4ca"
ARROW = "#E69F00"
FEEL = "#D55E00"

P = tuple[float, float]


def polar(p: P, angle: float, length: float) -> P:
    """The point ``length`` away from ``p`` at ``angle`` degrees (0 = right, 90 = up)."""
    a = math.radians(angle)
    return (p[0] + length * math.cos(a), p[1] - length * math.sin(a))


def solve(root: P, end: P, l1: float, l2: float, bend: int) -> tuple[P, P]:
    """The middle joint of a two-bone limb from ``root`` towards ``end``; ``bend`` +1 or -1 picks
    the side the joint points to. An end out of reach is pulled in along the line."""
    dx, dy = end[0] - root[0], end[1] - root[1]
    d = math.hypot(dx, dy) or 1e-6
    reach = min(d, l1 + l2 - 0.01)
    end = (root[0] + dx / d * reach, root[1] + dy / d * reach)
    a = (l1 * l1 - l2 * l2 + reach * reach) / (2 * reach)
    h = math.sqrt(max(l1 * l1 - a * a, 0.0))
    mx, my = root[0] + dx / d * a, root[1] + dy / d * a
    return (mx - bend * h * dy / d, my + bend * h * dx / d), end


@dataclass
class Pose:
    hip: P
    waist_angle: float  # hip → waist
    chest_angle: float  # waist → shoulders
    neck_angle: float  # shoulders → head centre
    face: float  # the way the nose points
    hands: tuple[P, P]  # near, far wrist targets
    elbows: tuple[int, int] = (1, 1)
    ankles: tuple[P, P] = ((0, 0), (0, 0))
    knees: tuple[int, int] = (1, 1)
    toes: tuple[float, float] = (0.0, 0.0)  # foot angle, near and far
    props: list[str] = field(default_factory=list)  # SVG drawn behind the figure
    marks: list[str] = field(default_factory=list)  # arrows and rings drawn in front

    def shoulder(self) -> P:
        return polar(self.waist(), self.chest_angle, TRUNK_HIGH)

    def waist(self) -> P:
        return polar(self.hip, self.waist_angle, TRUNK_LOW)

    def head(self) -> P:
        return polar(self.shoulder(), self.neck_angle, NECK)


def _capsules(points: list[P], widths: list[float], fills: list[str]) -> str:
    """A limb as round-capped thick strokes: all outlines first, then all fills, so joints merge."""
    out = []
    segs = list(zip(points[:-1], points[1:], widths, fills))
    for a, b, w, _ in segs:
        out.append(_line(a, b, OUTLINE, w + 2.4))
    for a, b, w, fill in segs:
        out.append(_line(a, b, fill, w))
    return "".join(out)


def _line(a: P, b: P, colour: str, width: float) -> str:
    return (
        f'<line x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0]:.1f}" y2="{b[1]:.1f}" '
        f'stroke="{colour}" stroke-width="{width:.1f}" stroke-linecap="round"/>'
    )


def _arm(pose: Pose, i: int, far: bool) -> str:
    s = pose.shoulder()
    elbow, wrist = solve(s, pose.hands[i], UPPER_ARM, FOREARM, pose.elbows[i])
    shirt, skin = (SHIRT_FAR, SKIN_FAR) if far else (SHIRT, SKIN)
    return _capsules([s, elbow, wrist], [10, 8], [shirt, skin])


def _leg(pose: Pose, i: int, far: bool) -> str:
    knee, ankle = solve(pose.hip, pose.ankles[i], THIGH, SHIN, pose.knees[i])
    toe = polar(ankle, pose.toes[i], FOOT)
    cloth = TROUSERS_FAR if far else TROUSERS
    return _capsules([pose.hip, knee, ankle], [14, 11], [cloth, cloth]) + _capsules(
        [ankle, toe], [8], [SHOE]
    )


def _figure(pose: Pose) -> str:
    hip, waist, shoulder, head = pose.hip, pose.waist(), pose.shoulder(), pose.head()
    parts = [_arm(pose, 1, True), _leg(pose, 1, True)]
    parts.append(_capsules([hip, waist, shoulder], [24, 24], [SHIRT, SHIRT]))
    neck_base = polar(shoulder, pose.neck_angle, 6)
    parts.append(_capsules([shoulder, neck_base], [9], [SKIN]))
    nose = polar(head, pose.face, HEAD_R)
    back = pose.face + 180
    arc = [polar(head, back + a, HEAD_R) for a in range(-100, 101, 10)]
    hair = "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in arc) + " Z"
    parts.append(
        f'<circle cx="{nose[0]:.1f}" cy="{nose[1]:.1f}" r="2.4" fill="{SKIN}" '
        f'stroke="{OUTLINE}" stroke-width="1"/>'
        f'<circle cx="{head[0]:.1f}" cy="{head[1]:.1f}" r="{HEAD_R}" fill="{SKIN}" '
        f'stroke="{OUTLINE}" stroke-width="1.2"/>'
        f'<path d="{hair}" fill="{HAIR}" stroke="{OUTLINE}" stroke-width="1.2" stroke-linejoin="round"/>'
    )
    parts += [_leg(pose, 0, False), _arm(pose, 0, False)]
    return "".join(parts)


def arrow(a: P, c: P, b: P, both: bool = False) -> str:
    """A curved arrow from ``a`` through the pull of ``c`` to ``b`` (quadratic Bézier)."""

    def head(tip: P, frm: P) -> str:
        ang = math.degrees(math.atan2(-(tip[1] - frm[1]), tip[0] - frm[0]))
        left, right = polar(tip, ang + 150, 8), polar(tip, ang - 150, 8)
        return (
            f'<path d="M{left[0]:.1f},{left[1]:.1f} L{tip[0]:.1f},{tip[1]:.1f} '
            f'L{right[0]:.1f},{right[1]:.1f} Z" fill="{ARROW}" stroke="{ARROW}" '
            f'stroke-width="1.5" stroke-linejoin="round"/>'
        )

    path = (
        f'<path d="M{a[0]:.1f},{a[1]:.1f} Q{c[0]:.1f},{c[1]:.1f} {b[0]:.1f},{b[1]:.1f}" '
        f'fill="none" stroke="{ARROW}" stroke-width="3" stroke-linecap="round"/>'
    )
    return path + head(b, c) + (head(a, c) if both else "")


def ring(p: P, rx: float = 14, ry: float = 10) -> str:
    """Where the stretch or the effort is felt."""
    return (
        f'<ellipse cx="{p[0]:.1f}" cy="{p[1]:.1f}" rx="{rx}" ry="{ry}" fill="none" '
        f'stroke="{FEEL}" stroke-width="2" stroke-dasharray="4 3"/>'
    )


def mat() -> str:
    return (
        f'<rect x="40" y="{FLOOR - 2}" width="260" height="7" rx="3" fill="{MAT}" '
        f'stroke="{MAT_EDGE}" stroke-width="1"/>'
    )


def floor() -> str:
    return f'<line x1="14" y1="{FLOOR + 1}" x2="306" y2="{FLOOR + 1}" stroke="{MAT_EDGE}" stroke-width="1.5"/>'


def breath(p: P) -> str:
    return "".join(
        f'<path d="M{p[0] - 4 * k:.1f},{p[1] - 6 * k:.1f} q-6,-4 -12,0" fill="none" '
        f'stroke="#56B4E9" stroke-width="2" stroke-linecap="round"/>'
        for k in range(3)
    )


def clock(p: P, hour: float) -> str:
    hand = polar(p, 90 - hour * 30, 8)
    return (
        f'<circle cx="{p[0]}" cy="{p[1]}" r="13" fill="white" stroke="{OUTLINE}" stroke-width="1.5"/>'
        f'<line x1="{p[0]}" y1="{p[1]}" x2="{p[0]}" y2="{p[1] - 10}" stroke="{OUTLINE}" stroke-width="1.5"/>'
        f'<line x1="{p[0]}" y1="{p[1]}" x2="{hand[0]:.1f}" y2="{hand[1]:.1f}" stroke="{OUTLINE}" '
        f'stroke-width="2" stroke-linecap="round"/>'
    )


def plus(p: P) -> str:
    x, y = p
    return (
        f'<path d="M{x - 8},{y} H{x + 8} M{x},{y - 8} V{y + 8}" stroke="{ARROW}" '
        f'stroke-width="4" stroke-linecap="round"/>'
    )


# -- the base positions -------------------------------------------------------------------
ANKLE_Y = FLOOR - 8


def lying_on_back(**kw: object) -> Pose:
    """On the back on a mat, head to the left, knees bent and feet flat."""
    base = Pose(
        hip=(170, 154),
        waist_angle=180,
        chest_angle=180,
        neck_angle=180,
        face=90,
        hands=((168, 158), (170, 158)),
        elbows=(-1, -1),
        ankles=((220, ANKLE_Y), (214, ANKLE_Y)),
        knees=(-1, -1),
        toes=(10, 10),
        props=[mat()],
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def lying_face_down(**kw: object) -> Pose:
    base = Pose(
        hip=(190, 155),
        waist_angle=180,
        chest_angle=180,
        neck_angle=186,
        face=-100,
        hands=((140, 163), (143, 163)),
        elbows=(-1, -1),
        ankles=((278, 157), (276, 157)),
        knees=(1, 1),
        toes=(-70, -70),
        props=[mat()],
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def standing(**kw: object) -> Pose:
    base = Pose(
        hip=(150, 80),
        waist_angle=88,
        chest_angle=86,
        neck_angle=84,
        face=0,
        hands=((164, 122), (138, 122)),
        elbows=(1, 1),
        ankles=((166, ANKLE_Y), (134, ANKLE_Y)),
        knees=(-1, -1),
        toes=(0, 0),
        props=[floor()],
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def cart() -> str:
    return (
        f'<path d="M214,86 L232,86 L240,136 L290,136 L298,96 L232,96" fill="{PROP}" '
        f'stroke="{OUTLINE}" stroke-width="1.4" stroke-linejoin="round"/>'
        f'<line x1="240" y1="136" x2="246" y2="158" stroke="{OUTLINE}" stroke-width="1.4"/>'
        f'<line x1="290" y1="136" x2="286" y2="158" stroke="{OUTLINE}" stroke-width="1.4"/>'
        f'<circle cx="246" cy="162" r="6" fill="{SHOE}"/><circle cx="286" cy="162" r="6" fill="{SHOE}"/>'
    )


def bench() -> str:
    return (
        f'<rect x="110" y="110" width="70" height="14" rx="3" fill="{PROP}" stroke="{OUTLINE}" stroke-width="1.4"/>'
        f'<line x1="120" y1="124" x2="120" y2="{FLOOR}" stroke="{OUTLINE}" stroke-width="3"/>'
        f'<line x1="170" y1="124" x2="170" y2="{FLOOR}" stroke="{OUTLINE}" stroke-width="3"/>'
    )


def towel(hand: P, foot: P) -> str:
    return (
        f'<path d="M{hand[0]:.1f},{hand[1]:.1f} L{foot[0] + 3:.1f},{foot[1] - 3:.1f} '
        f'M{hand[0] + 3:.1f},{hand[1] + 4:.1f} L{foot[0] + 6:.1f},{foot[1] + 3:.1f}" '
        f'stroke="#56B4E9" stroke-width="3" stroke-linecap="round" fill="none"/>'
    )


def walking(**kw: object) -> Pose:
    return standing(
        hands=((176, 118), (128, 116)),
        ankles=((184, ANKLE_Y), (118, ANKLE_Y - 4)),
        toes=(8, -30),
        **kw,
    )


# -- every step ---------------------------------------------------------------------------
KNEE_TO_CHEST = (190, 112)  # ankle when a knee is pulled to the chest
HOLD_THIGH = (160, 120)


def _poses() -> dict[str, Pose]:
    hook = lying_on_back()
    prone = lying_face_down()
    half = lying_face_down(
        waist_angle=170, chest_angle=150, neck_angle=140, face=170, hands=((132, 164), (136, 164))
    )
    full = lying_face_down(
        waist_angle=160, chest_angle=122, neck_angle=112, face=160, hands=((136, 164), (140, 164))
    )
    slider_start = lying_on_back(
        ankles=((214, 112), (214, ANKLE_Y)), toes=(80, 10), hands=((166, 124), (168, 124)),
        elbows=(1, 1),
    )
    slider_straight = replace(
        slider_start, ankles=((196, 72), (214, ANKLE_Y)), toes=(150, 10), neck_angle=186, face=120
    )
    slider_bent = replace(
        slider_start, ankles=((208, 140), (214, ANKLE_Y)), toes=(40, 10), neck_angle=158, face=40
    )
    one_knee = lying_on_back(ankles=(KNEE_TO_CHEST, (214, ANKLE_Y)), toes=(40, 10), hands=(HOLD_THIGH, (162, 122)), elbows=(1, 1))
    both_knees = lying_on_back(
        ankles=(KNEE_TO_CHEST, (186, 114)), toes=(40, 40), hands=(HOLD_THIGH, (158, 122)),
        elbows=(1, 1), waist_angle=186,
    )
    lower_one = replace(both_knees, ankles=((222, 148), (186, 114)), toes=(10, 40))
    cross = lying_on_back(ankles=((226, 142), (214, ANKLE_Y)), toes=(-20, 10), hip=(170, 154))
    pull = lying_on_back(
        ankles=((206, 128), (214, ANKLE_Y)), toes=(10, 10), hands=((176, 112), (178, 114)), elbows=(1, 1)
    )
    heel = lying_on_back(ankles=((252, ANKLE_Y), (214, ANKLE_Y)), toes=(60, 10))
    quad = Pose(
        hip=(200, 104), waist_angle=180, chest_angle=182, neck_angle=196, face=-120,
        hands=((140, FLOOR - 2), (144, FLOOR - 2)), elbows=(1, 1),
        ankles=((290, 102), (246, FLOOR - 6)), knees=(-1, 1), toes=(-80, -10), props=[mat()],
    )
    straight_leg = lying_on_back(ankles=((258, ANKLE_Y), (214, ANKLE_Y)), toes=(70, 10))
    raise_leg = lying_on_back(
        ankles=((224, 82), (214, ANKLE_Y)), toes=(140, 10), hands=((152, 108), (154, 110)),
        elbows=(-1, -1),
    )
    raise_leg.props = [mat()]
    lowered = replace(raise_leg, ankles=((250, 128), (214, ANKLE_Y)), toes=(110, 10), hands=((160, 122), (162, 124)))
    sit = standing(
        hip=(150, 108), waist_angle=80, chest_angle=52, neck_angle=46, face=-20,
        hands=((196, 118), (192, 120)), elbows=(1, 1),
        ankles=((196, ANKLE_Y), (192, ANKLE_Y)), props=[floor(), bench()],
    )
    lean = standing(
        hip=(160, 80), waist_angle=80, chest_angle=62, neck_angle=56, face=-10,
        hands=((214, 88), (212, 90)), elbows=(1, 1),
        ankles=((180, ANKLE_Y), (140, ANKLE_Y - 3)), toes=(6, -20), props=[floor(), cart()],
    )
    belly = arrow((150, 106), (146, 116), (150, 132))
    return {
        "directional-preference-1-lie-face-down": prone,
        "directional-preference-2-half-up": replace(half, marks=[arrow((108, 150), (100, 130), (112, 108))]),
        "directional-preference-3-full-up": replace(full, marks=[ring((170, 140), 16, 9)]),
        "directional-preference-4-lie-face-down-rest": replace(
            prone, marks=[arrow((262, 138), (232, 126), (200, 136))]
        ),
        "nerve-slider-1-hold-thigh": slider_start,
        "nerve-slider-2-knee-straight-head-back": replace(
            slider_straight, marks=[arrow((226, 108), (228, 82), (210, 64)), arrow((70, 140), (60, 150), (66, 164))]
        ),
        "nerve-slider-3-knee-bent-chin-up": replace(
            slider_bent, marks=[arrow((218, 96), (236, 116), (228, 140)), arrow((66, 150), (60, 134), (76, 124))]
        ),
        "nerve-slider-4-see-saw": replace(
            slider_start, marks=[arrow((226, 74), (250, 100), (232, 138), both=True), arrow((70, 132), (56, 150), (70, 166), both=True)]
        ),
        "flexion-bias-1-start": hook,
        "flexion-bias-2-one-knee": replace(one_knee, marks=[arrow((236, 120), (232, 96), (208, 92))]),
        "flexion-bias-3-both-knees": replace(both_knees, marks=[ring((160, 150), 18, 9)]),
        "flexion-bias-4-lower-one": replace(lower_one, marks=[arrow((236, 112), (250, 128), (244, 150))]),
        "flexion-bias-5-lean-on-cart": lean,
        "stabilisation-1-start": hook,
        "stabilisation-2-draw-in": replace(hook, marks=[belly]),
        "stabilisation-3-hold": replace(hook, marks=[belly, breath((78, 128))]),
        "stabilisation-4-heel-slide": replace(heel, marks=[arrow((214, 180), (240, 184), (270, 180), both=True)]),
        "stabilisation-5-hands-knees-leg": replace(quad, marks=[arrow((262, 136), (290, 130), (300, 112))]),
        "piriformis-stretch-1-start": hook,
        "piriformis-stretch-2-cross": cross,
        "piriformis-stretch-3-pull": replace(pull, marks=[arrow((206, 96), (192, 84), (170, 92)), ring((180, 158), 16, 9)]),
        "piriformis-stretch-4-return": replace(cross, marks=[arrow((240, 118), (252, 130), (246, 150))]),
        "walking-program-1-walk": walking(),
        "walking-program-2-walk-again": replace(walking(), marks=[clock((270, 40), 4)]),
        "walking-program-3-walk-longer": replace(
            walking(), marks=[arrow((196, 182), (246, 186), (296, 182)), plus((266, 40))]
        ),
        "walking-program-4-sit-forward": sit,
        "hamstring-stretch-1-start": straight_leg,
        "hamstring-stretch-2-raise": replace(
            raise_leg, props=[mat()], marks=[ring((200, 128), 16, 10)]
        ),
        "hamstring-stretch-3-ankle-loose": replace(raise_leg, marks=[arrow((250, 70), (262, 80), (258, 96))]),
        "hamstring-stretch-4-lower": replace(lowered, marks=[arrow((262, 96), (276, 110), (274, 132))]),
    }


def _extras(name: str, pose: Pose) -> str:
    """Props drawn in front of the far limbs but needing the solved joints (the towel)."""
    if not name.startswith("hamstring-stretch-") or name.endswith("-1-start"):
        return ""
    _, ankle = solve(pose.hip, pose.ankles[0], THIGH, SHIN, pose.knees[0])
    sole = polar(ankle, pose.toes[0], FOOT * 0.6)
    return towel(pose.hands[0], sole)


def svg(name: str, pose: Pose, title: str) -> str:
    body = "".join(pose.props) + _figure(pose) + _extras(name, pose) + "".join(pose.marks)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H + TOP}" width="{W}" '
        f'height="{H + TOP}"><title>{_escape(title)}</title>'
        f'<rect width="{W}" height="{H + TOP}" fill="white"/>'
        f'<g transform="translate(0,{TOP})">{body}</g></svg>\n'
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def drawings_named(data: Path) -> dict[str, str]:
    """Every drawing the content names, with its step text (used as the SVG's title)."""
    records = yaml.safe_load((data / "exercises.yaml").read_text(encoding="utf-8"))["exercises"]
    return {
        step["drawing"].removesuffix(".svg"): step["text"]
        for record in records
        for step in record.get("plain_steps", [])
    }


def main(argv: list[str] | None = None, write: Callable[[Path, str], object] | None = None) -> int:
    poses = _poses()
    wanted = drawings_named(ROOT / "data")
    missing = sorted(set(wanted) - set(poses))
    if missing:
        print("no pose for: " + ", ".join(missing), file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    for name, title in wanted.items():
        (OUT / f"{name}.svg").write_text(svg(name, poses[name], title), encoding="utf-8")
    print(f"wrote {len(wanted)} drawings to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
