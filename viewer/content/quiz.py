"""Grading quiz answers and case files against the atlas: pure functions, typed results.

A click question is graded by the shape the click lands on, using the same links the atlas
shows when that root or nerve is selected (``regions_for_root``, ``regions_for_nerve``). A
multiple-choice question is graded against its stored answer, and ``answer_problem`` proves
that stored answer is what the atlas itself says (the links of the shown areas, or the
explorer's ranking of the shown pattern), so a question cannot drift from the content.
"""

from __future__ import annotations

import math
import random
from dataclasses import asdict, dataclass
from typing import Any

from viewer.content.answers import Ref, Reference
from viewer.content.atlas import Atlas
from viewer.content.explain import ref, references
from viewer.content.explore import Exploration, explore
from viewer.content.schema import ChoiceQuestion, ClickQuestion, QuizBank
from viewer.content.tours import to_pattern

Question = ClickQuestion | ChoiceQuestion


class QuizError(ValueError):
    """An answer that cannot be graded (unknown question, not an option); one line."""


@dataclass(frozen=True)
class Grade:
    """The verdict on one answer, with everything feedback needs and nothing to look up."""

    question: str
    prompt: str
    correct: bool
    given: Ref | None  # what was clicked or chosen; None when the click hit nothing gradable
    given_side: str | None
    answer: tuple[Ref, ...]  # every accepted answer
    show: tuple[str, str, str | None] | None  # what to select to show the right answer
    explanation: str
    sources: tuple[Reference, ...]

    @property
    def answer_text(self) -> str:
        return ", ".join(r.name for r in self.answer)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["show"] = (
            None
            if self.show is None
            else {"kind": self.show[0], "id": self.show[1], "side": self.show[2]}
        )
        return data


@dataclass(frozen=True)
class Score:
    right: int
    total: int
    grades: tuple[Grade, ...]

    @property
    def text(self) -> str:
        return f"{self.right} / {self.total}"

    def to_json(self) -> dict[str, Any]:
        return {
            "right": self.right,
            "total": self.total,
            "grades": [g.to_json() for g in self.grades],
        }


def score(grades: list[Grade] | tuple[Grade, ...]) -> Score:
    return Score(sum(g.correct for g in grades), len(grades), tuple(grades))


def question(bank: QuizBank, qid: str) -> Question:
    for q in bank.questions:
        if q.id == qid:
            return q
    known = ", ".join(q.id for q in bank.questions[:8])
    raise QuizError(f"bank {bank.id!r} has no question {qid!r} (it has: {known}…)")


def ordered(bank: QuizBank, seed: int | None = None) -> list[Question]:
    """The questions in a random order; the same seed gives the same order."""
    questions = list(bank.questions)
    random.Random(seed).shuffle(questions)
    return questions


# -- click questions ------------------------------------------------------------------------
def accepted(atlas: Atlas, q: ClickQuestion) -> tuple[str, frozenset[str]]:
    """The kind of drawn shape and the ids a click may land on to be right."""
    kind = atlas.kind_of(q.target) or ""
    if q.find == "itself":
        return kind, frozenset({q.target})
    if kind == "roots":
        return "regions", frozenset(atlas.regions_for_root(q.target))
    if kind == "nerves":
        return "regions", frozenset(atlas.regions_for_nerve(q.target))
    if kind == "regions":
        return "regions", frozenset({q.target})
    return "regions", frozenset()


def _side_fits(wanted: str | None, clicked: str | None) -> bool:
    return wanted in (None, "both") or clicked is None or clicked == wanted


def grade_click(
    atlas: Atlas, q: ClickQuestion, kind: str, content_id: str, side: str | None = None
) -> Grade:
    """Grade a click on the drawn shape ``kind``/``content_id`` (its side, if drawn per leg)."""
    want_kind, ids = accepted(atlas, q)
    if kind == "places" and want_kind == "regions" and content_id in atlas.places:
        kind, content_id = "regions", atlas.places[content_id].region  # a cell answers for its region
    correct = kind == want_kind and content_id in ids and _side_fits(q.side, side)
    given = ref(atlas, kind, content_id) if kind and content_id in getattr(atlas, kind, {}) else None
    target_kind = atlas.kind_of(q.target) or want_kind
    return Grade(
        question=q.id,
        prompt=q.prompt,
        correct=correct,
        given=given,
        given_side=side,
        answer=tuple(ref(atlas, want_kind, rid) for rid in _in_atlas_order(atlas, want_kind, ids)),
        show=(target_kind, q.target, q.side),
        explanation=q.explanation,
        sources=references(atlas, q.sources),
    )


def _in_atlas_order(atlas: Atlas, kind: str, ids: frozenset[str]) -> list[str]:
    return [rid for rid in getattr(atlas, kind, {}) if rid in ids]


# -- multiple choice ------------------------------------------------------------------------
def option_ref(atlas: Atlas, rid: str) -> Ref:
    kind = atlas.kind_of(rid) or ("red_flags" if rid in atlas.red_flags else "")
    return ref(atlas, kind, rid) if kind else Ref("", rid, rid)


def grade_choice(atlas: Atlas, q: ChoiceQuestion, option: str) -> Grade:
    if option not in q.options:
        raise QuizError(f"{option!r} is not an option of {q.id!r} (options: {', '.join(q.options)})")
    show_kind = atlas.kind_of(q.answer)
    return Grade(
        question=q.id,
        prompt=q.prompt,
        correct=option == q.answer,
        given=option_ref(atlas, option),
        given_side=None,
        answer=(option_ref(atlas, q.answer),),
        show=(show_kind, q.answer, None) if show_kind else None,
        explanation=q.explanation,
        sources=references(atlas, q.sources),
    )


def grade_text(atlas: Atlas, q: Question, text: str) -> Grade:
    """Grade a typed answer: a region id (``heel`` or ``heel@left``) or, for ``itself``
    questions, a root or nerve id; for a choice, an option id, its number (1 = first) or name."""
    text = text.strip()
    if isinstance(q, ClickQuestion):
        rid, _, side = text.partition("@")
        if side and side not in ("left", "right"):
            raise QuizError(f"{text!r}: the side after @ is left or right")
        kind = atlas.kind_of(rid)
        if kind is None:
            raise QuizError(f"{rid!r} is not a part of the drawing (see 'list regions')")
        return grade_click(atlas, q, kind, rid, side or None)
    if text.isdigit() and 1 <= int(text) <= len(q.options):
        return grade_choice(atlas, q, q.options[int(text) - 1])
    for option in q.options:
        if text.casefold() in (option.casefold(), option_ref(atlas, option).name.casefold()):
            return grade_choice(atlas, q, option)
    return grade_choice(atlas, q, text)


# -- is the stored answer what the atlas says? ----------------------------------------------
def answer_problem(atlas: Atlas, q: Question) -> str | None:
    """Why the question disagrees with the atlas, or None when its answer is the atlas's."""
    if isinstance(q, ClickQuestion):
        kind = atlas.kind_of(q.target)
        if q.find == "itself" and kind not in ("roots", "nerves", "regions"):
            return f"target {q.target!r} is not drawn (a root, a nerve or a region)"
        if q.find == "skin" and kind not in ("roots", "nerves", "regions"):
            return f"target {q.target!r} has no skin area (give a root, a nerve or a region)"
        if not accepted(atlas, q)[1]:
            return f"the atlas links no skin area to {q.target!r}"
        return None
    pattern = to_pattern(q.show)
    for rid in q.options:
        if option_ref(atlas, rid).kind == "":
            return f"option {rid!r} is not a record of the atlas"
    if q.asks in ("root-of-area", "nerve-of-area"):
        if q.show.findings:
            return f"{q.asks} questions show places only"
        kind = "roots" if q.asks == "root-of-area" else "nerves"
        wrong = [rid for rid in q.options if atlas.kind_of(rid) != kind]
        if wrong:
            return f"options must be {kind}: {', '.join(wrong)}"
        shown = {p.region for p in q.show.places}
        covers = [rid for rid in q.options if shown <= _territory(atlas, kind, rid)]
        if covers != [q.answer]:
            return (
                f"the atlas links the shown area to {', '.join(covers) or 'none of the options'}, "
                f"not to {q.answer!r} alone"
            )
        return None
    result = explore(atlas, pattern)
    if q.asks == "red-flag":
        raised = {f.id for f in result.red_flags}
        hits = [rid for rid in q.options if rid in raised]
        if hits != [q.answer]:
            return f"the pattern raises {', '.join(hits) or 'no listed red flag'}, not {q.answer!r} alone"
        return None
    ranked = result.roots if q.asks == "root-of-pattern" else result.conditions
    return _leads(atlas, ranked, q, result)


def _territory(atlas: Atlas, kind: str, rid: str) -> set[str]:
    if kind == "roots":
        return set(atlas.regions_for_root(rid))
    return set(atlas.regions_for_nerve(rid))


def _leads(atlas: Atlas, ranked: Any, q: ChoiceQuestion, result: Exploration) -> str | None:
    """The answer must rank first among the options, clearly ahead (by the explorer's own
    "close" margin) of every other option."""
    scores = {r.ref.id: r.score for r in ranked}
    if q.answer not in scores:
        return f"the explorer does not rank {q.answer!r} for this pattern"
    scores = {rid: scores.get(rid, -math.inf) for rid in q.options}  # unranked: nothing for it
    margin = next(iter(atlas.ranking_methods.values())).close_margin
    best = scores[q.answer]
    rivals = [rid for rid in q.options if rid != q.answer and scores[rid] > best - margin]
    if rivals:
        return (
            f"the explorer does not put {q.answer!r} clearly ahead of {', '.join(rivals)} "
            f"({best:.2f} against {', '.join(f'{scores[r]:.2f}' for r in rivals)})"
        )
    return None


# -- case files -----------------------------------------------------------------------------
@dataclass(frozen=True)
class CaseMark:
    """One root or condition the student chose or the instructor expected."""

    ref: Ref
    chosen: bool
    expected: bool

    @property
    def right(self) -> bool:
        return self.chosen == self.expected


@dataclass(frozen=True)
class CaseResult:
    roots: tuple[CaseMark, ...]
    conditions: tuple[CaseMark, ...]
    exploration: Exploration  # the atlas's ranking and its reasons

    @property
    def correct(self) -> bool:
        return all(m.right for m in (*self.roots, *self.conditions))

    def to_json(self) -> dict[str, Any]:
        def marks(items: tuple[CaseMark, ...]) -> list[dict[str, Any]]:
            return [
                {"id": m.ref.id, "name": m.ref.name, "chosen": m.chosen, "expected": m.expected, "right": m.right}
                for m in items
            ]

        return {
            "correct": self.correct,
            "roots": marks(self.roots),
            "conditions": marks(self.conditions),
            "exploration": self.exploration.to_json(),
        }


def grade_case(
    atlas: Atlas,
    pattern: Any,
    expected_roots: tuple[str, ...],
    expected_conditions: tuple[str, ...],
    chosen_roots: tuple[str, ...],
    chosen_conditions: tuple[str, ...],
) -> CaseResult:
    """Mark a student's committed roots and conditions against the instructor's, and give the
    atlas's own ranking of the case beside them."""

    def marks(kind: str, expected: tuple[str, ...], chosen: tuple[str, ...]) -> tuple[CaseMark, ...]:
        ids = list(dict.fromkeys((*chosen, *expected)))
        return tuple(CaseMark(ref(atlas, kind, rid), rid in chosen, rid in expected) for rid in ids)

    return CaseResult(
        marks("roots", expected_roots, chosen_roots),
        marks("conditions", expected_conditions, chosen_conditions),
        explore(atlas, pattern),
    )


__all__ = [
    "CaseMark",
    "CaseResult",
    "Grade",
    "QuizError",
    "Score",
    "accepted",
    "answer_problem",
    "grade_case",
    "grade_choice",
    "grade_click",
    "grade_text",
    "ordered",
    "question",
    "score",
]
