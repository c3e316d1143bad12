"""Plain-text renderings of the typed answers for the command line. Reads only the answer
objects, never the Atlas, so the text says exactly what the panel says."""

from __future__ import annotations

from collections.abc import Iterable

from viewer.content.answers import Explanation, Fact, Ref
from viewer.content.explore import Exploration, Ranked
from viewer.i18n import tr
from viewer.present.panel_html import DISCLAIMER, KIND_LABEL, STEP_LABEL, TYPE_LABEL


def _names(refs: Iterable[Ref]) -> str:
    return ", ".join(r.name for r in refs)


def _fact(f: Fact) -> str:
    value = " ".join(part for part in (f.text, _names(f.refs)) if part)
    return f"  {tr(f.label)}: {value}" if value else ""


def explanation_text(a: Explanation) -> str:
    kind_name = tr(TYPE_LABEL.get(a.type, a.type)).lower()
    lines = [a.name + " " + tr("({kind}, id {id})").format(kind=kind_name, id=a.id)]
    if a.condition_kind:
        lines.append(f"  {tr('Kind:')} {tr(KIND_LABEL.get(a.condition_kind, a.condition_kind))}")
    if a.summary:
        lines.append(f"  {a.summary}")
    if a.mechanism:
        lines.append(f"  {tr('What happens:')} {a.mechanism}")
    lines += [line for line in map(_fact, a.facts) if line]
    for link in a.root_links:
        lines.append("  " + tr("Root {name}:").format(name=link.target.name) + f" {link.why}")
    for link in a.nerve_links:
        lines.append("  " + tr("Nerve {name}:").format(name=link.target.name) + f" {link.why}")
    for feature in a.features:
        lines.append(f"  - {feature}")
    for eff in a.effects:
        word = tr("for") if eff.supports else tr("against")
        lines.append(f"  {word} {eff.target.name}: {eff.why} ({eff.measure})")
    for note in a.natural_history:
        lines.append(f"  {tr('Course:')} {note.text}")
    for step in a.treatment:
        lines.append(f"  {tr(STEP_LABEL.get(step.step, step.step))}: {step.what} {tr('When:')} {step.when}")
    for claim in a.claims:
        lines.append(f"  {tr('Opinion, not established: ')}{claim.text}")
    if a.conditions:
        lines.append(f"  {tr('Conditions:')} " + " | ".join(f"{c.ref.name} ({tr(c.kind)})" for c in a.conditions))
    if a.exercises:
        lines.append(f"  {tr('Exercises:')} " + ", ".join(x.ref.name for x in a.exercises))
    for d in a.disputes:
        lines.append(f"  {tr('Sources disagree:')} {d.topic}")
        lines += [f"    - {p.view}" for p in d.positions]
    if a.red_flags:
        lines.append(f"  {tr('Red flags (urgent care):')} " + " | ".join(f.name for f in a.red_flags))
    lines.append(f"  {tr('Sources:')}")
    lines += [f"    [{r.id}] {r.citation}" for r in a.references]
    lines.append(tr(DISCLAIMER))
    return "\n".join(lines)


def _ranked_lines(title: str, items: tuple[Ranked, ...], limit: int = 6) -> list[str]:
    lines = [f"{tr(title)}:"]
    if not items:
        return [*lines, f"  {tr('nothing fits')}"]
    for i, item in enumerate(items[:limit], 1):
        kind = f" [{tr(item.kind)}]" if item.kind else ""
        close = f"  {tr('(too close to call against the first)')}" if item.close else ""
        score = tr("score {score} (range {low} to {high})").format(
            score=f"{item.score:+.2f}", low=f"{item.low:+.2f}", high=f"{item.high:+.2f}"
        )
        lines.append(f"  {i}. {item.ref.name}{kind}  {score}{close}")
        for r in item.reasons:
            sign = "+" if r.factor > 1 else ("-" if r.factor < 1 else "=")
            lines.append(f"       {sign} {r.text} [{', '.join(r.sources)}]")
    return lines


def exploration_text(x: Exploration) -> str:
    lines = []
    if x.red_flags:
        lines.append(tr("RED FLAGS — get urgent care first:"))
        lines += [f"  ! {f.name}: {f.why} {f.action}" for f in x.red_flags]
    places = ", ".join(f"{p.ref.name}{' (' + tr(p.side) + ')' if p.side else ''}" for p in x.places)
    lines.append(f"{tr('Places:')} {places or tr('none')}")
    if x.findings:
        lines.append(
            f"{tr('Recorded:')} "
            + "; ".join(f"{f.ref.name}: {tr('present' if f.present else 'absent')}" for f in x.findings)
        )
    lines.append(f"{tr('How sure:')} {x.certainty}")
    lines += _ranked_lines("Roots", x.roots)
    lines += _ranked_lines("Conditions", x.conditions)
    if not x.red_flags:
        lines.append(f"{tr('Warning signs to ask about:')} " + " | ".join(f.name for f in x.warning_signs))
    lines.append(tr(DISCLAIMER))
    return "\n".join(lines)
