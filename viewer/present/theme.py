"""Colours of the panel text in each theme, as a style sheet the panel applies to its document,
and the contrast check that keeps the safety text readable (WCAG 2 contrast ratio; at least 4.5:1
for normal text). Qt-free so the ratios are tested without a display."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    text: str
    muted: str
    heading: str
    rule: str
    link: str
    flag_background: str
    flag_border: str
    flag_text: str
    flag_heading: str
    disclaimer: str
    claim: str
    supports: str
    against: str
    tag_text: str
    tag_radicular: str
    tag_referred: str
    tag_entrapment: str
    tag_joint: str
    tag_vascular: str
    tag_neuropathy: str
    tag_serious: str
    tag_opinion: str


#: Condition tags: white on a saturated colour, the same in both themes (each checked for contrast).
TAGS = dict(
    tag_text="#ffffff",
    tag_radicular="#0067a0",
    tag_referred="#00745a",
    tag_entrapment="#6a3d9a",
    tag_joint="#555555",
    tag_vascular="#9b1c31",
    tag_neuropathy="#3d6b35",
    tag_serious="#a33a00",
    tag_opinion="#7a5f00",
)

LIGHT = Theme(
    name="light",
    background="#ffffff",
    text="#1f1f1f",
    muted="#555555",
    heading="#0b4f7a",
    rule="#d9e3ea",
    link="#005a96",
    flag_background="#fde8e1",
    flag_border="#D55E00",
    flag_text="#3a1400",
    flag_heading="#8a2f00",
    disclaimer="#6b2a00",
    claim="#5a3e00",
    supports="#00603f",
    against="#9b1c31",
    **TAGS,
)

DARK = Theme(
    name="dark",
    background="#1e1f22",
    text="#e8e8e8",
    muted="#b4b4b4",
    heading="#8cc8f0",
    rule="#3b4a55",
    link="#7cc4ff",
    flag_background="#3d1d12",
    flag_border="#ff8a4c",
    flag_text="#ffe3d6",
    flag_heading="#ffb38a",
    disclaimer="#ffc9a8",
    claim="#f0d58a",
    supports="#6fdcaa",
    against="#ff9aa8",
    **TAGS,
)

THEMES = {LIGHT.name: LIGHT, DARK.name: DARK}
#: Text that must stay readable in every theme: (what, foreground field, background field).
SAFETY_PAIRS = (
    ("body text", "text", "background"),
    ("red-flag text", "flag_text", "flag_background"),
    ("red-flag heading", "flag_heading", "flag_background"),
    ("disclaimer", "disclaimer", "background"),
    ("links", "link", "background"),
    ("evidence against", "against", "background"),
    ("evidence for", "supports", "background"),
    *(
        (f.name, "tag_text", f.name)
        for f in fields(Theme)
        if f.name.startswith("tag_") and f.name != "tag_text"
    ),
)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    r, g, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def panel_css(theme: Theme) -> str:
    """The colour rules of the panel; the panel HTML itself carries only sizes and spacing."""
    t = theme
    tags = "".join(
        f" .tag-{f.name[4:]} {{ background: {getattr(t, f.name)}; }}\n"
        for f in fields(Theme)
        if f.name.startswith("tag_") and f.name != "tag_text"
    )
    return (
        f"body {{ color: {t.text}; background: {t.background}; }}\n"
        f" h1 {{ color: {t.text}; }}\n"
        f" h2 {{ color: {t.heading}; border-bottom: 1px solid {t.rule}; }}\n"
        f" .type, .src, .why {{ color: {t.muted}; }}\n"
        f" .tag {{ color: {t.tag_text}; }}\n{tags}"
        f" .claim {{ color: {t.claim}; }}\n"
        f" .flags {{ background: {t.flag_background}; border: 2px solid {t.flag_border}; color: {t.flag_text}; }}\n"
        f" .flags h2 {{ color: {t.flag_heading}; }}\n"
        f" .disclaimer {{ color: {t.disclaimer}; }}\n"
        f" .for {{ color: {t.supports}; }}\n"
        f" .against {{ color: {t.against}; }}\n"
        f" a {{ color: {t.link}; }}\n"
    )
