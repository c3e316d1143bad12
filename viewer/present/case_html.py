"""Render a revealed case (``CaseResult``) as panel HTML: the student's answer marked right or
wrong, what they missed, then the atlas's own ranking with its reasons. Qt-free; reads only the
typed result."""

from __future__ import annotations

from viewer.content.quiz import CaseMark, CaseResult
from viewer.present.panel_html import e
from viewer.present.pattern_html import render_exploration


def _mark(m: CaseMark) -> str:
    if m.chosen and m.expected:
        return f"<li><b>✔ {e(m.ref.name)}</b>: right</li>"
    if m.chosen:
        return f"<li><b>✘ {e(m.ref.name)}</b>: not what the instructor expected</li>"
    return f"<li><b>○ {e(m.ref.name)}</b>: expected, but not chosen</li>"


def render_case_result(result: CaseResult) -> str:
    verdict = "Your answer is right." if result.correct else "Your answer is not quite right."
    parts = [f"<h1>{e(verdict)}</h1>"]
    for title, marks in (("Roots", result.roots), ("Conditions", result.conditions)):
        if marks:
            parts.append(f"<h2>{title}</h2><ul>{''.join(_mark(m) for m in marks)}</ul>")
    parts.append("<h2>What the atlas makes of this pattern</h2>")
    body = render_exploration(result.exploration)
    return "\n".join(parts) + body
