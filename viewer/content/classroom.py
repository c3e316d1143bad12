"""The tours and quiz banks of a content folder, loaded beside its Atlas.

They are read and checked by the same loader as the rest of the content (``data/tours/*.yaml``
and ``data/quiz/*.yaml``), but kept out of the Atlas: the atlas answers questions about anatomy;
tours and quizzes are ways of teaching it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from viewer.content.atlas import Atlas
from viewer.content.classroom_check import classroom_problems
from viewer.content.errors import ContentError, ContentProblem, display_path
from viewer.content.loader import build_atlas, check_content, check_file
from viewer.content.schema import QuizBank, Tour


@dataclass(frozen=True)
class Classroom:
    atlas: Atlas
    tours: dict[str, Tour]
    banks: dict[str, QuizBank]


def load_classroom(folder: Path | None = None) -> Classroom:
    """The atlas, tours and quiz banks of a content folder (the shipped one by default);
    raises ``ContentError`` with every problem found."""
    if folder is None:
        from viewer.paths import data_dir

        folder = data_dir()
    problems, entries = check_content(folder)
    if problems:
        raise ContentError(problems)
    return Classroom(
        build_atlas(entries),
        {e.record.id: e.record for e in entries if isinstance(e.record, Tour)},
        {e.record.id: e.record for e in entries if isinstance(e.record, QuizBank)},
    )


def read_bank(path: Path, atlas: Atlas) -> QuizBank:
    """One quiz bank file (the first bank in it), checked against ``atlas``; raises
    ``ContentError``. For authors grading a bank that is not yet in a content folder."""
    problems, entries = check_file(path)
    banks = [e for e in entries if isinstance(e.record, QuizBank)]
    if not problems and not banks:
        problems = [ContentProblem(display_path(path), 0, "holds no quiz bank ('quizzes:')")]
    if not problems:
        problems = classroom_problems(atlas, [(e.record, e.raw, e.file) for e in banks])
        for entry in banks:
            for sid in _cited(entry.record):
                if sid not in atlas.sources:
                    problems.append(
                        ContentProblem(entry.file, 0, f"quizzes {bank_id(entry.record)!r}: unknown source {sid!r}")
                    )
            for q in entry.record.questions:  # type: ignore[attr-defined]
                if hasattr(q, "target") and atlas.kind_of(q.target) is None:
                    problems.append(
                        ContentProblem(entry.file, 0, f"question {q.id!r}: unknown target {q.target!r}")
                    )
    if problems:
        raise ContentError(problems)
    return banks[0].record  # type: ignore[return-value]


def bank_id(bank: object) -> str:
    return bank.id if isinstance(bank, QuizBank) else ""


def _cited(bank: object) -> set[str]:
    assert isinstance(bank, QuizBank)
    found = set(bank.sources)
    for q in bank.questions:
        found.update(q.sources)
    return found
