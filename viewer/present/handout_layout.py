"""The patient handout as a typed value, and its HTML for ``QTextDocument``.

``build_handout`` turns a typed answer (an ``Explanation`` for one selection, or an
``Exploration`` for a pain pattern) plus the chosen exercises, a note, the date and the paper size
into a ``Handout``; ``handout_html`` lays it out. Nothing here looks anything up in the Atlas or
imports Qt: the answer already carries every name and sentence, and ``viewer.ui.export`` draws the
pictures (the atlas drawing and the step drawings, as vectors) where the HTML names them.

Everything a patient reads is kept apart from labels and citations (``patient_texts``) so a test
can hold it to a reading level of about US grade 6-8. Layout for ``QTextDocument``'s HTML subset:
boxes are one-cell tables (it draws no borders round ``div``), new pages are
``page-break-before``, image sizes are given in pixels at 96 per inch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from viewer.content.answers import (
    ConditionBrief,
    ExerciseInfo,
    Explanation,
    RedFlagInfo,
    Reference,
    StepInfo,
)
from viewer.content.explore import Exploration
from viewer.present.panel_html import e

Paper = Literal["a4", "letter"]
#: paper width and height in millimetres
PAPER_MM: dict[str, tuple[float, float]] = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
MARGIN_MM = 15.0
PX_PER_MM = 96 / 25.4
#: the name the HTML gives the atlas drawing; the exporter paints the canvas there
DRAWING_SRC = "atlas:drawing"
#: prefix of a step drawing's name in the HTML (``exercise:<file>.svg``)
STEP_SRC = "exercise:"
STEP_SIZE = (200, 134)  # a step drawing in the grid, pixels (320 × 214 drawings, scaled)
STEPS_PER_ROW = 3
DAYS = 7
HOW_MANY_CAUSES = 3
FLAG_COLUMNS = 3

DISCLAIMER = (
    "Educational, not a diagnosis. This sheet helps you learn about your pain. "
    "Only a clinician who examines you can say what is wrong."
)
RED_FLAG_TITLE = "Get urgent help now if…"
RED_FLAG_INTRO = "These signs are rare, but they need a doctor fast. Do not wait to see if they pass."
LOCATION_NOTE = (
    "Where it hurts gives a clue. It cannot show for sure which nerve is the cause. "
    "Your clinician will look at more than this."
)


@dataclass(frozen=True)
class Cause:
    """One thing that may cause the pain, with a short plain reason."""

    name: str
    why: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class WarningSign:
    name: str
    signs: tuple[str, ...]
    action: str
    sources: tuple[str, ...]
    marked: bool = False  # recorded in this pattern, so listed first and said so


@dataclass(frozen=True)
class HandoutExercise:
    id: str
    name: str  # the patient's name for it
    full_name: str  # the atlas name, for the clinician
    summary: str
    steps: tuple[StepInfo, ...]
    dose: str
    stop_if: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Handout:
    title: str
    places: tuple[str, ...]  # where it hurts, or what was chosen
    intro: tuple[str, ...]  # plain sentences: what may be causing it
    causes: tuple[Cause, ...]
    warning_signs: tuple[WarningSign, ...]
    disclaimer: str
    date: date
    note: str
    paper: Paper
    exercises: tuple[HandoutExercise, ...]
    references: tuple[Reference, ...]

    def patient_texts(self) -> list[tuple[str, str]]:
        """Every passage meant for the patient to read, labelled: what the reading-level test
        measures. Names, headings and citations are left out (names are terms, not prose)."""
        out = [(f"intro {i + 1}", text) for i, text in enumerate(self.intro)]
        out += [(f"cause {c.name}", c.why) for c in self.causes]
        out.append(("red flags intro", RED_FLAG_INTRO))
        for w in self.warning_signs:
            out.append((f"red flag {w.name}", ". ".join(w.signs) + ". " + w.action))
        out.append(("disclaimer", self.disclaimer))
        for ex in self.exercises:
            out.append((f"{ex.id} summary", ex.summary))
            out += [(f"{ex.id} step {i + 1}", s.text) for i, s in enumerate(ex.steps)]
            out.append((f"{ex.id} dose", ex.dose))
            out += [(f"{ex.id} stop {i + 1}", s) for i, s in enumerate(ex.stop_if)]
        return out


# -- building -----------------------------------------------------------------------------
def handout_exercise(info: ExerciseInfo) -> HandoutExercise:
    """The patient's version of an exercise; an exercise without plain fields falls back to the
    clinician text (and the reading-level test will say so)."""
    steps = info.plain_steps or tuple(StepInfo(s, "") for s in info.steps)
    return HandoutExercise(
        info.ref.id,
        info.plain_name or info.ref.name,
        info.ref.name,
        info.plain_summary or info.purpose,
        steps,
        info.plain_dose or info.dose,
        info.stop_if or info.cautions,
        info.sources,
    )


def _names(names: Sequence[str]) -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _explanation_intro(answer: Explanation) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Title, places and plain sentences for one selected record."""
    roots = _names([link.target.name for link in answer.root_links])
    if answer.type == "region":
        intro = [
            "Pain here can come from a nerve in your low back. Nerves leave the spine between "
            "the bones of your back. Each one carries feeling to a patch of skin.",
        ]
        if roots:
            intro.append(f"The nerve roots that reach this spot are {roots}.")
        intro.append(LOCATION_NOTE)
        return f"Pain in the {answer.name.lower()}", (answer.name,), tuple(intro)
    if answer.type == "root":
        skin = next((f.text for f in answer.facts if f.text and "dermatome" in f.label.lower()), "")
        intro = [f"The {answer.name} nerve root leaves your spine in the low back."]
        if skin:
            intro.append(f"It carries feeling from this skin: {skin}")
        intro.append("If the root is pressed or sore, you may feel pain, pins and needles or numbness there.")
        return f"The {answer.name} nerve root", (answer.name,), tuple(intro)
    if answer.type == "exercise":
        ex = answer.exercises[0] if answer.exercises else None
        summary = (ex.plain_summary if ex else "") or answer.summary
        return answer.name, (answer.name,), (summary,) if summary else ()
    return answer.name, (answer.name,), (answer.summary,) if answer.summary else ()


def _briefs(briefs: Iterable[ConditionBrief]) -> tuple[Cause, ...]:
    """Causes with their whole plain summary (held to grade 8 by the content's own test); a
    first sentence alone can read harder than the paragraph it opens."""
    return tuple(Cause(c.ref.name, c.summary, c.sources) for c in briefs if c.kind != "serious")


def _signs(flags: Iterable[RedFlagInfo], marked: Iterable[str] = ()) -> tuple[WarningSign, ...]:
    hit = set(marked)
    signs = [WarningSign(f.name, f.signs, f.action, f.sources, f.id in hit) for f in flags]
    return tuple(sorted(signs, key=lambda w: not w.marked))


def build_handout(
    subject: Explanation | Exploration,
    exercises: Sequence[ExerciseInfo],
    *,
    note: str = "",
    when: date,
    paper: Paper = "a4",
    causes: Sequence[ConditionBrief] = (),
    warning_signs: Sequence[RedFlagInfo] = (),
    references: Sequence[Reference] = (),
) -> Handout:
    """The handout for a selection (``Explanation``) or a pattern (``Exploration``).

    ``causes`` are condition briefs in the order to show (a pattern's leading conditions, which
    the ranking does not summarise); by default a selection's own conditions. ``warning_signs``
    default to the answer's red flags. ``references`` add full citations the answer lacks (for
    the exercises and causes passed in); only cited ones are listed.
    """
    if paper not in PAPER_MM:
        raise ValueError(f"paper must be a4 or letter, not {paper!r}")
    marked: tuple[str, ...] = ()
    if isinstance(subject, Exploration):
        places = tuple(
            p.ref.name + (f" ({p.side})" if p.side else "") for p in subject.places
        )
        n = len(places)
        intro = [f"You marked {n} place{'s' if n != 1 else ''} where it hurts."] if n else []
        lead = [r.ref.name for r in subject.roots[:1]] + [
            r.ref.name for r in subject.roots[1:3] if r.close
        ]
        if lead:
            word = "root that fits" if len(lead) == 1 else "roots that fit"
            intro.append(f"The nerve {word} best: {_names(lead)}. A nerve root is where a nerve leaves your low back.")
        intro.append(LOCATION_NOTE)
        title = "Your pain pattern"
        flags = warning_signs or subject.warning_signs
        marked = tuple(f.id for f in subject.red_flags)
        own_refs: tuple[Reference, ...] = subject.references
        own_causes: tuple[Cause, ...] = ()
    else:
        title, places, intro_t = _explanation_intro(subject)
        intro = list(intro_t)
        flags = warning_signs or subject.red_flags
        own_refs = subject.references
        own_causes = _briefs(subject.conditions)
    chosen = _briefs(causes) if causes else own_causes
    chosen = chosen[:HOW_MANY_CAUSES]
    hexes = tuple(handout_exercise(x) for x in exercises)
    signs = _signs(flags, marked)
    cited = dict.fromkeys(
        [s for c in chosen for s in c.sources]
        + [s for w in signs for s in w.sources]
        + [s for x in hexes for s in x.sources]
    )
    pool = {r.id: r for r in (*own_refs, *references)}
    return Handout(
        title=title,
        places=places,
        intro=tuple(intro),
        causes=chosen,
        warning_signs=signs,
        disclaimer=DISCLAIMER,
        date=when,
        note=note.strip(),
        paper=paper,
        exercises=hexes,
        references=tuple(pool[s] for s in cited if s in pool),
    )


# -- citations ------------------------------------------------------------------------------
_YEAR = re.compile(r"\b(19|20)\d\d\b")


def short_citation(ref: Reference) -> str:
    """"First author and others (year). Title." from a Vancouver-style citation; websites keep
    their name. Falls back to the citation itself when it does not split that way."""
    parts = [p.strip() for p in ref.citation.split(". ") if p.strip()]
    year = _YEAR.search(ref.citation)
    if len(parts) < 2:
        return ref.citation
    authors, title = parts[0], parts[1].rstrip(".")
    first = authors.split(",")[0].strip()
    more = " and others" if "," in authors or "et al" in authors else ""
    when = f" ({year.group(0)})" if year else ""
    return f"{first}{more}{when}. {title}."


# -- HTML -----------------------------------------------------------------------------------
STYLE = """
<style>
 body { font-family: 'DejaVu Sans', sans-serif; color: #222; }
 h1 { font-size: 18pt; margin: 0; color: #1d1d1d; }
 h2 { font-size: 13pt; margin-top: 10px; margin-bottom: 4px; color: #0b4f7a; }
 h3 { font-size: 11pt; margin-top: 6px; margin-bottom: 2px; }
 p, li, td { font-size: 10.5pt; }
 .date { color: #444; font-size: 10pt; }
 .small { color: #555; font-size: 8.5pt; }
 .flags p { color: #3a1400; font-size: 9pt; margin-top: 1px; margin-bottom: 1px; }
 .disclaimer { color: #5a2500; font-size: 10pt; font-weight: bold; }
 .step { font-size: 10pt; }
 .src { color: #555; font-size: 8.5pt; }
 .causes p { font-size: 9pt; margin: 0; }
</style>
"""


def text_width_px(paper: Paper) -> int:
    return int((PAPER_MM[paper][0] - 2 * MARGIN_MM) * PX_PER_MM)


def drawing_size(paper: Paper) -> tuple[int, int]:
    """The atlas drawing on page 1: the left half of the page, a little taller than wide."""
    w = int(text_width_px(paper) * 0.46)
    return w, int(w * 0.7)


def _citation_numbers(handout: Handout) -> dict[str, int]:
    return {r.id: i + 1 for i, r in enumerate(handout.references)}


def _cite(numbers: dict[str, int], ids: Iterable[str]) -> str:
    nums = sorted({numbers[i] for i in ids if i in numbers})
    return f' <span class="src">[{", ".join(map(str, nums))}]</span>' if nums else ""


def balanced(items: Sequence[str], n: int) -> list[list[str]]:
    """Split ``items`` in order into at most ``n`` columns of about equal length (columns keep
    page 1 to one page)."""
    total = sum(len(i) for i in items)
    cols: list[list[str]] = [[]]
    filled = 0
    for item in items:
        if cols[-1] and filled + len(item) / 2 > total * len(cols) / n and len(cols) < n:
            cols.append([])
        cols[-1].append(item)
        filled += len(item)
    return cols


def _page_one(h: Handout, numbers: dict[str, int]) -> str:
    dw, dh = drawing_size(h.paper)
    places = f"<p><b>Where:</b> {e(', '.join(h.places))}</p>" if h.places else ""
    causes = ""
    if h.causes:
        cells = "".join(
            f'<td valign="top" width="{100 // len(h.causes)}%" class="causes"><p><b>{e(c.name)}.</b> '
            f"{e(c.why)}{_cite(numbers, c.sources)}</p></td>"
            for c in h.causes
        )
        causes = (
            "<h3>Things that can cause pain like this</h3>"
            f'<table width="100%" cellspacing="0" cellpadding="3"><tr>{cells}</tr></table>'
        )
    intro = "".join(f"<p>{e(t)}</p>" for t in h.intro)
    flag_items = [
        f"<p><b>{e(w.name)}{' (you marked this)' if w.marked else ''}:</b> "
        f"{e('; '.join(w.signs))}. <b>{e(w.action)}</b>{_cite(numbers, w.sources)}</p>"
        for w in h.warning_signs
    ]
    columns = (
        '<table width="100%" cellspacing="0" cellpadding="2"><tr>'
        + "".join(
            f'<td width="{100 // FLAG_COLUMNS}%" valign="top" class="flags">{"".join(col)}</td>'
            for col in balanced(flag_items, FLAG_COLUMNS)
        )
        + "</tr></table>"
    )
    flags = (
        '<table width="100%" cellpadding="6" cellspacing="0" border="2" '
        'style="border-color: #D55E00; border-style: solid; margin-top: 8px" bgcolor="#fde8e1">'
        f'<tr><td><p style="margin: 0"><span style="color: #8a2f00; font-size: 13pt; font-weight: bold">'
        f"⚠ {e(RED_FLAG_TITLE)}</span> &nbsp; {e(RED_FLAG_INTRO)}</p>{columns}</td></tr></table>"
    )
    if h.note:
        note_body = "".join(f"<p>{e(line)}</p>" for line in h.note.splitlines() if line.strip())
    else:
        note_body = "<p>&nbsp;</p>" * 2
    note = (
        '<table width="100%" cellpadding="8" cellspacing="0" border="1" '
        'style="border-color: #7a8a99; border-style: solid; margin-top: 8px">'
        f"<tr><td><p><b>Your clinician's advice</b></p>{note_body}</td></tr></table>"
    )
    return (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f"<td><h1>{e(h.title)}</h1></td>"
        f'<td align="right"><p class="date">{e(h.date.strftime("%d %B %Y").lstrip("0"))}</p></td>'
        "</tr></table>"
        '<table width="100%" cellspacing="0" cellpadding="4"><tr>'
        f'<td width="{dw + 8}" valign="top"><img src="{DRAWING_SRC}" width="{dw}" height="{dh}"></td>'
        f'<td valign="top"><h2>What may be causing it</h2>{places}{intro}</td>'
        "</tr></table>"
        f"{causes}"
        f"{flags}"
        f'<p class="disclaimer">{e(h.disclaimer)}</p>'
        f"{note}"
    )


def _tick_table() -> str:
    head = "".join(f'<td align="center"><b>Day {d}</b></td>' for d in range(1, DAYS + 1))
    rows = "".join(
        f"<tr><td><b>Week {w}</b></td>" + '<td align="center">☐</td>' * DAYS + "</tr>"
        for w in (1, 2)
    )
    return (
        "<h3>Tick each day you do it (first two weeks)</h3>"
        '<table width="100%" cellpadding="5" cellspacing="0" border="1" '
        f'style="border-color: #9aa7b3; border-style: solid"><tr><td></td>{head}</tr>{rows}</table>'
    )


def _exercise(x: HandoutExercise, n: int, numbers: dict[str, int]) -> str:
    sw, sh = STEP_SIZE
    cells = []
    for i, step in enumerate(x.steps, 1):
        img = (
            f'<img src="{STEP_SRC}{e(step.drawing)}" width="{sw}" height="{sh}"><br>'
            if step.drawing
            else ""
        )
        cells.append(f'<td valign="top" width="33%">{img}<p class="step"><b>{i}.</b> {e(step.text)}</p></td>')
    rows = "".join(
        "<tr>" + "".join(cells[i : i + STEPS_PER_ROW]) + "</tr>"
        for i in range(0, len(cells), STEPS_PER_ROW)
    )
    stops = "".join(f"<li>{e(s)}</li>" for s in x.stop_if)
    return (
        '<h2 style="page-break-before: always">'
        f"Exercise {n}: {e(x.name)}</h2>"
        f'<p class="small">In the atlas: {e(x.full_name)}{_cite(numbers, x.sources)}</p>'
        f"<p>{e(x.summary)}</p>"
        f'<table width="100%" cellpadding="4" cellspacing="0">{rows}</table>'
        f"<p><b>How much:</b> {e(x.dose)}</p>"
        f"<p><b>Stop and ask for advice if:</b></p><ul>{stops}</ul>"
        f"{_tick_table()}"
    )


def _sources(h: Handout) -> str:
    if not h.references:
        return ""
    items = "".join(
        f'<p class="src">{i}. {e(short_citation(r))}</p>' for i, r in enumerate(h.references, 1)
    )
    return f'<h2 style="margin-top: 18px">Where this comes from</h2>{items}'


def handout_html(handout: Handout) -> str:
    """The whole handout as one HTML document: page 1, one page per exercise, then sources."""
    numbers = _citation_numbers(handout)
    body = [STYLE, _page_one(handout, numbers)]
    body += [_exercise(x, i, numbers) for i, x in enumerate(handout.exercises, 1)]
    body.append(_sources(handout))
    return "<html><body>" + "".join(body) + "</body></html>"
