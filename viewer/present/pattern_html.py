"""Render a pattern's ranking (``Exploration``) as panel HTML: red flags first, then how sure the
ranking is, the roots and the conditions with their reasons and ranges, and how the ranking works.
Qt-free; reads only the typed answer."""

from __future__ import annotations

from collections.abc import Iterable

from viewer.content.explore import Exploration, Ranked, Reason
from viewer.i18n import tr
from viewer.present.panel_html import (
    DISCLAIMER,
    STYLE,
    Citations,
    bullet_list,
    condition_tag,
    e,
    link,
    red_flags_html,
)

#: How many of each list the panel shows before "and N more".
SHOWN = 6
BAR_PX = 120  # width of a score bar at the top score


def _factor(reason: Reason) -> str:
    value = reason.factor if reason.factor >= 1 else 1 / reason.factor
    sign = "×" if reason.factor >= 1 else "÷"
    how = tr("measured") if reason.measured else tr("atlas scale")
    return f"{sign}{value:.2g}, {how}"


def _reasons(reasons: Iterable[Reason], cite: Citations) -> str:
    items = []
    for r in reasons:
        if abs(r.factor - 1) < 1e-9:
            cls, word = "why", "neutral"
        elif r.supports:
            cls, word = "for", "for"
        else:
            cls, word = "against", "against"
        items.append(
            f'<span class="{cls}"><b>{e(tr(word))}</b></span> {e(r.text)} '
            f'<span class="src">({e(_factor(r))})</span> {cite(r.sources)}'
        )
    return bullet_list(items)


def _bar(item: Ranked, top: float) -> str:
    """A score bar scaled to the leader, with the range as text; text, not colour alone."""
    width = 4 if top <= 0 else max(4, int(BAR_PX * max(item.score, 0) / top))
    return (
        f'<span style="background:#0072B2">{"&nbsp;" * max(1, width // 6)}</span> '
        '<span class="src">'
        + e(tr("score {score} (range {low} to {high})").format(
            score=f"{item.score:+.1f}", low=f"{item.low:+.1f}", high=f"{item.high:+.1f}"))
        + "</span>"
    )


def _ranked(title: str, items: tuple[Ranked, ...], cite: Citations) -> str:
    if not items:
        return f"<h2>{e(tr(title))}</h2><p>{e(tr('Nothing in this list fits the marks.'))}</p>"
    top = items[0].score
    parts = [f"<h2>{e(tr(title))}</h2>"]
    for i, item in enumerate(items[:SHOWN], 1):
        tag = f" {condition_tag(item.kind)}" if item.kind else ""
        close = f" <i>{e(tr('— too close to call against the first'))}</i>" if item.close else ""
        parts.append(
            f"<h3>{i}. {link(item.ref)}{tag}{close}</h3><p>{_bar(item, top)}</p>"
            f"{_reasons(item.reasons, cite)}"
        )
    rest = items[SHOWN:]
    if rest:
        parts.append(f"<p>{e(tr('Also fits a little:'))} " + ", ".join(link(r.ref) for r in rest) + ".</p>")
    return "".join(parts)


def render_exploration(result: Exploration) -> str:
    cite = Citations(result.references)
    n = len(result.places)
    places = ", ".join(
        f"{link(p.ref)}{' (' + e(tr(p.side)) + ')' if p.side else ''}" for p in result.places
    )
    heading = tr("1 marked place") if n == 1 else tr("{n} marked places").format(n=n)
    body = [STYLE, f'<p class="type">{e(tr("Pain pattern"))}</p>', f"<h1>{e(heading)}</h1>"]
    if places:
        body.append(f"<p>{places}</p>")
    if not result.places and not result.findings:
        body.append(
            f"<p>{e(tr('Click every place that hurts on the drawing, answer what you know with Yes or No, or describe it in words. The explanations that fit appear here, with how sure they are and why.'))}</p>"
        )
        body.append(red_flags_html(result.warning_signs, cite, tr("⚠ Warning signs to ask about — get urgent care if present")))
        body.append(f'<p class="disclaimer">{e(tr(DISCLAIMER))}</p>')
        return "".join(body)
    if result.red_flags:
        flags = "".join(
            f"<p><b>{e(f.name)}</b> — {e(f.why)} {e(tr('Other signs:'))} {e('; '.join(f.signs))}. "
            f"<b>{e(f.action)}</b> {cite(f.sources)}</p>"
            for f in result.red_flags
        )
        heading = tr("⚠ Red flags in this pattern — get urgent care first")
        body.append(f'<div class="flags"><h2>{e(heading)}</h2>{flags}</div>')
    body.append(f'<h2>{e(tr("How sure is this?"))}</h2><p><b>{e(result.certainty)}</b></p>')
    marks = [
        f"{link(f.ref)}: {e(tr('present' if f.present else 'absent'))}"
        + (f" ({e(tr(f.side))})" if f.side else "")
        + (f" <i>{e(tr('(from the marked places)'))}</i>" if f.automatic else "")
        for f in result.findings
    ]
    if marks:
        body.append(f"<h2>{e(tr('Recorded'))}</h2>" + bullet_list(marks))
    body.append(_ranked("Nerve roots that fit", result.roots, cite))
    body.append(_ranked("Conditions that fit", result.conditions, cite))
    if not result.red_flags:
        heading = tr("⚠ Warning signs to ask about — get urgent care if present")
        body.append(red_flags_html(result.warning_signs, cite, heading))
    body.append(f"<h2>{e(tr('How this ranking works'))}</h2>" + bullet_list([e(line) for line in result.method]))
    body.append(f'<p class="disclaimer">{e(tr(DISCLAIMER))}</p>')
    body.append(cite.section())
    return "".join(body)
