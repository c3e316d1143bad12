"""Turn a typed answer (``Explanation``, ``Overview``) into the side panel's HTML.

Qt-free on purpose: the same HTML can be tested without a display and reused for handouts.
Every string from the content is escaped, and nothing here looks anything up in the Atlas: the
answer already carries every name it needs. Links use ``atlas:kind/id`` so the panel can route a
click back into the one app state; citations are numbered against the answer's source list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING, Any

from viewer.i18n import tr

if TYPE_CHECKING:  # the answer types are only named here (see viewer.content.welcome_answers)
    from viewer.content.answers import (
        AdviceInfo,
        ConditionBrief,
        DisputeInfo,
        EffectInfo,
        ExerciseInfo,
        Explanation,
        Fact,
        Link,
        RedFlagInfo,
        Ref,
        Reference,
        SourcedNote,
        TreatmentInfo,
    )
    from viewer.content.welcome_answers import Overview

KIND_LABEL = {
    "radicular": "radicular — a nerve root is irritated",
    "referred": "referred — no nerve pinched",
    "entrapment": "entrapment — a nerve squeezed outside the spine",
    "joint": "joint — pain from a joint, not a nerve",
    "vascular": "vascular — too little blood flow, not a nerve",
    "neuropathy": "neuropathy — the nerves themselves are damaged",
    "serious": "serious — needs prompt medical care",
    "opinion": "opinion — not an established diagnosis",
}
TYPE_LABEL = {
    "region": "Body region",
    "place": "Place on the skin",
    "root": "Nerve root",
    "nerve": "Nerve",
    "condition": "Condition",
    "exercise": "Exercise",
    "finding": "Symptom or examination finding",
}
STEP_LABEL = {
    "self-care": "Self-care and staying active",
    "physiotherapy": "Physiotherapy and exercise",
    "medicines": "Medicines",
    "injections": "Injections",
    "surgery": "Surgery",
    "imaging": "Scans",
    "urgent": "Urgent care",
}
DISCLAIMER = (
    "Educational, not a diagnosis: this atlas explains anatomy and published evidence. "
    "It cannot examine anyone. Red flags need urgent medical care."
)
#: The welcome page's two paragraphs (HTML; translated whole, so word order can change).
WELCOME = (
    "Click a part of the body where it hurts to see which nerve roots and nerves serve it, "
    "which conditions can cause pain there, exercises, and warning signs. Or choose a root or "
    "a condition to see where it can hurt. Choosing a root also shows its key sensory "
    "point as a dot. Ctrl-click the same part on the other leg (or press <b>B</b>) to mark "
    "both sides. Press <b>Esc</b> to clear."
)
WELCOME_PATTERN = (
    "<b>Pain pattern</b> (press <b>P</b>): click every place that hurts, tick how it feels "
    "and what was found, or describe it in words, and see which roots and conditions fit "
    "best, how sure that is, and why."
)
#: Sizes and spacing only; colours come from the theme (``viewer.present.theme.panel_css``),
#: which the panel applies as its document's default style sheet.
STYLE = """
<style>
 body { font-family: sans-serif; }
 h1 { font-size: 17pt; margin: 0 0 4px 0; }
 h2 { font-size: 12.5pt; margin: 14px 0 4px 0; }
 h3 { font-size: 11pt; margin: 8px 0 2px 0; }
 p, li, td { font-size: 10.5pt; }
 .type { font-size: 9.5pt; letter-spacing: 1px; }
 .tag { padding: 1px 4px; font-size: 9pt; font-weight: bold; }
 .flags { padding: 6px; }
 .flags h2 { border: none; margin-top: 0; }
 .disclaimer { font-size: 9.5pt; }
 .src { font-size: 9pt; }
 a { text-decoration: none; }
 table.facts td { padding: 2px 8px 2px 0; vertical-align: top; }
</style>
"""


def e(value: Any) -> str:
    return escape(str(value), quote=True)


def link(r: Ref) -> str:
    return f'<a href="atlas:{e(r.kind)}/{e(r.id)}">{e(r.name)}</a>'


def links(refs: Iterable[Ref], sep: str = ", ") -> str:
    return sep.join(link(r) for r in refs)


def bullet_list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>" if items else ""


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_INITIALS = re.compile(r"\s+[A-Z]{1,3}$")
#: In-text citations name at most this many sources, then "+N"; the list below has them all.
CITED_INLINE = 2


def author_year(ref: Reference) -> str:
    """A short, readable name for a source: "Suri 2010", "van der Windt 2010", or for a body
    without authors its first words ("NICE NG59 2016")."""
    head = ref.citation.split(". ")[0].split(",")[0].strip()
    head = _INITIALS.sub("", head)
    head = head.replace("National Institute for Health and Care Excellence", "NICE")
    if len(head) > 28:
        words = head.split()[:3]
        while len(words) > 1 and words[-1].lower() in ("of", "for", "and", "the", "in", "on"):
            words.pop()
        head = " ".join(words)
    year = _YEAR.search(ref.citation)
    return f"{head} {year.group(0)}" if year and year.group(0) not in head else head


class Citations:
    """In-text citations as short author–year names ("[Suri 2010; Laslett 2005 +1]"), each a
    link whose hover shows the full citation; the full list closes the page, numbered."""

    def __init__(self, references: Iterable[Reference]):
        self.refs = list(references)
        self.number = {r.id: i + 1 for i, r in enumerate(self.refs)}
        self.by_id = {r.id: r for r in self.refs}

    def __call__(self, ids: Iterable[str]) -> str:
        known = sorted({i for i in ids if i in self.by_id}, key=lambda i: self.number[i])
        if not known:
            return ""
        shown = [
            f'<a href="cite:{e(i)}">{e(author_year(self.by_id[i]))}</a>' for i in known[:CITED_INLINE]
        ]
        more = f" +{len(known) - CITED_INLINE}" if len(known) > CITED_INLINE else ""
        return f'<span class="src">[{"; ".join(shown)}{more}]</span>'


    def section(self) -> str:
        if not self.refs:
            return ""
        items = []
        for i, r in enumerate(self.refs, 1):
            note = tr(" — popular article; its opinions are labelled as such") if r.kind == "popular-article" else ""
            items.append(
                f'<li><a name="source-{e(r.id)}"></a>'
                f'<span class="src">{i}. {e(r.citation)}{e(note)}</span></li>'
            )
        return f'<h2>{e(tr("Sources"))}</h2><ul style="list-style: none; margin-left: -20px">' + "".join(items) + "</ul>"


def condition_tag(kind: str) -> str:
    return f'<span class="tag tag-{e(kind)}">&nbsp;{e(tr(KIND_LABEL.get(kind, kind)))}&nbsp;</span>'


def red_flags_html(flags: Iterable[RedFlagInfo], cite: Citations, title: str = "") -> str:
    flags = list(flags)
    if not flags:
        return ""
    body = "".join(
        f"<p><b>{e(f.name)}</b>: {e('; '.join(f.signs))}. <b>{e(f.action)}</b> {cite(f.sources)}</p>"
        for f in flags
    )
    heading = title or tr("⚠ Red flags — get urgent care, not exercise")
    return f'<div class="flags"><h2>{e(heading)}</h2>{body}</div>'


def both_sides_html(flag: RedFlagInfo, cite: Citations) -> str:
    """Shown when a part is marked on both sides: symptoms in both legs at once can be a sign of
    cauda equina syndrome."""
    signs = bullet_list([e(sign) for sign in flag.signs])
    return (
        f'<div class="flags"><h2>{e(tr("⚠ Marked on both sides"))}</h2><p>'
        + tr("Leg symptoms on <b>both sides</b> at once can be a sign of <b>{name}</b>. "
             "Watch for any of these:").format(name=e(flag.name))
        + f"</p>{signs}"
        f"<p><b>{e(flag.action)}</b> {cite(flag.sources)}</p></div>"
    )


def _facts(rows: Iterable[Fact]) -> str:
    body = []
    for f in rows:
        value = e(f.text) if f.text else ""
        if f.refs:
            value = (value + " " if value else "") + links(f.refs)
        if not value:
            continue
        body.append(f"<tr><td><b>{e(tr(f.label))}</b></td><td>{value}</td></tr>")
    return f'<table class="facts">{"".join(body)}</table>' if body else ""


def _route(link_: Link) -> str:
    upstream = link_.route[:-1]
    return " " + tr("(branch of {route})").format(route=links(upstream, " → ")) if upstream else ""


def _conditions(conds: Iterable[ConditionBrief], cite: Citations) -> str:
    rows = []
    for c in conds:
        roots = f" {e(tr('Roots:'))} {links(c.roots)}." if c.roots else ""
        rows.append(
            f"<h3>{link(c.ref)} {condition_tag(c.kind)}</h3>"
            f"<p>{e(c.summary)}{roots} {cite(c.sources)}</p>"
        )
    return f"<h2>{e(tr('Conditions that can cause pain here'))}</h2>" + "".join(rows) if rows else ""


def exercises_brief(ex_list: Iterable[ExerciseInfo], cite: Citations) -> str:
    """Exercises as one line each (what it is for, how strong the evidence is); the steps, dose
    and cautions are one click away on the exercise's own page."""
    items = [
        f"{link(ex.ref)}: {e(ex.purpose)} <i>{e(tr('Evidence:'))} {e(tr(ex.evidence.strength))}.</i> {cite(ex.evidence.sources)}"
        for ex in ex_list
    ]
    return f"<h2>{e(tr('Exercises used'))}</h2>" + bullet_list(items) if items else ""


def exercises_html(ex_list: Iterable[ExerciseInfo], advice: Iterable[AdviceInfo], cite: Citations) -> str:
    parts = []
    for ex in ex_list:
        steps = "".join(f"<li>{e(s)}</li>" for s in ex.steps)
        cautions = bullet_list([e(c) for c in ex.cautions])
        ev = ex.evidence
        parts.append(
            f"<h3>{link(ex.ref)}</h3>"
            f"<p>{e(ex.purpose)}</p><ol>{steps}</ol>"
            f"<p><b>{e(tr('Dose:'))}</b> {e(ex.dose)}</p><p><b>{e(tr('Stop or take care:'))}</b></p>{cautions}"
            f"<p><b>{e(tr('Evidence ({strength}):').format(strength=tr(ev.strength)))}</b> {e(ev.summary)} {cite(ev.sources)}</p>"
        )
    if not parts:
        return ""
    for item in advice:
        parts.append(f"<h3>{e(item.title)}</h3>{bullet_list([e(p) for p in item.points])}<p>{cite(item.sources)}</p>")
    return f"<h2>{e(tr('Exercises'))}</h2>" + "".join(parts)


def _disputes(disputes: Iterable[DisputeInfo], cite: Citations) -> str:
    parts = []
    for d in disputes:
        views = [f"{e(p.view)} {cite(p.sources)}" for p in d.positions]
        parts.append(f"<h3>{e(d.topic)}</h3>{bullet_list(views)}")
    return f"<h2>{e(tr('Where sources disagree'))}</h2>" + "".join(parts) if parts else ""


def _notes(title: str, notes: Iterable[SourcedNote], cite: Citations, cls: str = "", prefix: str = "") -> str:
    items = [f'<span class="{cls}">{e(tr(prefix) if prefix else "")}{e(n.text)}</span> {cite(n.sources)}' for n in notes]
    return f"<h2>{e(tr(title))}</h2>" + bullet_list(items) if items else ""


def _treatment(steps: Iterable[TreatmentInfo], cite: Citations) -> str:
    items = [
        f"<b>{e(tr(STEP_LABEL.get(t.step, t.step)))}</b>: {e(t.what)} <i>{e(tr('When:'))}</i> {e(t.when)} {cite(t.sources)}"
        for t in steps
    ]
    return f"<h2>{e(tr('What can be done, step by step'))}</h2>" + "<ol>" + "".join(f"<li>{i}</li>" for i in items) + "</ol>" if items else ""


def _effects(effects: Iterable[EffectInfo], cite: Citations) -> str:
    items = []
    for f in effects:
        cls, word = ("for", "for") if f.supports else ("against", "against")
        items.append(
            f'<span class="{cls}"><b>{e(tr(word))}</b></span> {link(f.target)} — {e(f.why)} '
            f'<span class="src">({e(f.measure)})</span> {cite(f.sources)}'
        )
    return f"<h2>{e(tr('What it means'))}</h2>" + bullet_list(items) if items else ""


def render(
    answer: Explanation,
    side: str | None = None,
    both_sides_flag: RedFlagInfo | None = None,
    pictures: str = "",
) -> str:
    """The panel page for one answer; ``pictures`` (already escaped HTML, e.g. an exercise's
    step drawings) goes right under the summary."""
    cite = Citations(answer.references)
    side_text = "" if side is None else " · " + (
        tr("both sides") if side == "both" else tr("{side} side").format(side=tr(side))
    )
    head = f'<p class="type">{e(tr(TYPE_LABEL.get(answer.type, answer.type)))}{e(side_text)}</p><h1>{e(answer.name)}</h1>'
    body: list[str] = [STYLE, head]
    if both_sides_flag is not None and side == "both":
        body.append(both_sides_html(both_sides_flag, cite))
    if answer.condition_kind:
        body.append(f"<p>{condition_tag(answer.condition_kind)}</p>")
    if answer.summary:
        body.append(f"<p>{e(answer.summary)}</p>")
    if pictures:
        body.append(pictures)
    if answer.mechanism:
        body.append(f"<h2>{e(tr('What happens'))}</h2><p>{e(answer.mechanism)}</p>")
    body.append(_facts(answer.facts))
    if answer.root_links:
        roots = [f"{link(x.target)}: <span class='why'>{e(x.why)}</span> {cite(x.sources)}" for x in answer.root_links]
        body += [f"<h2>{e(tr('Nerve roots that supply this skin'))}</h2>", bullet_list(roots)]
    if answer.nerve_links:
        nerves = [
            f"{link(x.target)}{_route(x)}: <span class='why'>{e(x.why)}</span> {cite(x.sources)}"
            for x in answer.nerve_links
        ]
        body += [f"<h2>{e(tr('Nerves that carry them'))}</h2>", bullet_list(nerves)]
    if answer.features:
        title = "Other muscles it drives" if answer.type == "root" else "Telling it apart"
        body += [f"<h2>{e(tr(title))}</h2>", bullet_list([e(f) for f in answer.features])]
    body += [
        _effects(answer.effects, cite),
        _notes("How it tends to go", answer.natural_history, cite),
        _treatment(answer.treatment, cite),
        _notes("Claims from popular articles", answer.claims, cite, "claim", "Opinion, not established: "),
        _conditions(answer.conditions, cite),
        red_flags_html(answer.red_flags, cite),
        exercises_html(answer.exercises, answer.advice, cite)
        if answer.type in ("exercise", "condition")
        else exercises_brief(answer.exercises, cite),
        _disputes(answer.disputes, cite),
        f'<p class="disclaimer">{e(tr(DISCLAIMER))}</p>',
        cite.section(),
    ]
    return "".join(body)


def welcome_html(overview: Overview) -> str:
    cite = Citations(overview.references)
    return (
        f"{STYLE}<h1>{e(tr('Sciatica Atlas'))}</h1>"
        f"<p>{tr(WELCOME)}</p><p>{tr(WELCOME_PATTERN)}</p>"
        f"<h2>{e(tr('Regions'))}</h2><p>{links(overview.regions)}</p>"
        f"<h2>{e(tr('Nerve roots'))}</h2><p>{links(overview.roots)}</p>"
        f"<h2>{e(tr('Conditions'))}</h2><p>{links(overview.conditions)}</p>"
        f"{red_flags_html(overview.red_flags, cite)}"
        f'<p class="disclaimer">{e(tr(DISCLAIMER))}</p>{cite.section()}'
    )
