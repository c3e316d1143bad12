"""What ``check`` says about tours and quiz banks beyond their shape: every id they name is one
the atlas knows and can show, and every quiz answer is the one the atlas itself gives. Run by
the loader once the rest of the content is sound, so problems point at a file and a line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from viewer.content.atlas import Atlas
from viewer.content.errors import ContentProblem
from viewer.content.quiz import answer_problem
from viewer.content.schema import ChoiceQuestion, QuizBank, ShownPattern, Tour
from viewer.content.yaml_lines import line_of


def _pattern_problems(atlas: Atlas, shown: ShownPattern) -> Iterable[tuple[tuple[Any, ...], str]]:
    for i, place in enumerate(shown.places):
        if place.region not in atlas.regions:
            yield ("places", i, "region"), f"names unknown region {place.region!r}"
    for i, mark in enumerate(shown.findings):
        if mark.finding not in atlas.findings:
            yield ("findings", i, "finding"), f"names unknown finding {mark.finding!r}"


def _tour_problems(atlas: Atlas, tour: Tour) -> Iterable[tuple[tuple[Any, ...], str]]:
    for i, step in enumerate(tour.steps):
        where = ("steps", i)
        if step.select is not None and atlas.kind_of(step.select.target) is None:
            # unknown ids are reported by the loader's cross-check; this is a known id that
            # cannot be selected (a source, a red flag, a dispute)
            if any(step.select.target in getattr(atlas, k) for k in ("red_flags", "disputes", "advice")):
                yield (*where, "select", "target"), f"{step.select.target!r} cannot be selected"
        if step.pattern is not None:
            for path, message in _pattern_problems(atlas, step.pattern):
                yield (*where, "pattern", *path), message


def _bank_problems(atlas: Atlas, bank: QuizBank) -> Iterable[tuple[tuple[Any, ...], str]]:
    for i, q in enumerate(bank.questions):
        where = ("questions", i)
        if isinstance(q, ChoiceQuestion):
            broken = list(_pattern_problems(atlas, q.show))
            for path, message in broken:
                yield (*where, "show", *path), message
            if broken:
                continue
        elif atlas.kind_of(q.target) is None:
            continue  # an unknown target is reported by the loader's cross-check
        try:
            problem = answer_problem(atlas, q)
        except (LookupError, StopIteration, ValueError, ZeroDivisionError) as exc:
            # the rest of the content is too incomplete to rank anything (no ranking method...)
            problem = f"cannot be checked against this content ({type(exc).__name__}: {exc})"
        if problem:
            yield (*where, "answer" if isinstance(q, ChoiceQuestion) else "target"), (
                f"question {q.id!r}: {problem}"
            )


def classroom_problems(atlas: Atlas, items: list[tuple[BaseModel, Any, str]]) -> list[ContentProblem]:
    """Problems of the tours and quiz banks ``items`` (record, raw YAML, file name)."""
    problems = []
    for record, raw, file in items:
        if isinstance(record, Tour):
            found = _tour_problems(atlas, record)
            label = f"tours {record.id!r}"
        elif isinstance(record, QuizBank):
            found = _bank_problems(atlas, record)
            label = f"quizzes {record.id!r}"
        else:
            continue
        for path, message in found:
            problems.append(ContentProblem(file, line_of(raw, path), f"{label}: {message}"))
    return problems
