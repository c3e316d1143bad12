"""Case files: a pain pattern an instructor saves with the expected answer hidden, for a student
to open, commit to roots and conditions, and then reveal.

A small YAML file with a format name and version, written atomically (a temporary file beside
it, then a rename), and read back with a ``file:line`` message for anything wrong. The answer is
stored encoded (base64) so that opening the file in an editor does not give it away at a
glance; it is hidden, not secret.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from viewer.content.atlas import Atlas
from viewer.content.pattern import Pattern
from viewer.content.quiz import CaseResult, grade_case
from viewer.state.documents import atomic_write, pattern_to_data, read_document, read_pattern

FORMAT = "sciatica-atlas-case"
VERSION = 1


class CaseFileError(Exception):
    """A case file that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class CaseFile:
    title: str
    pattern: Pattern
    expected_roots: tuple[str, ...]
    expected_conditions: tuple[str, ...]
    note: str = ""  # what the instructor tells the student (never the answer)


def _encode(data: dict[str, Any]) -> str:
    return base64.b64encode(json.dumps(data, sort_keys=True).encode("utf-8")).decode("ascii")


def save_case(path: Path, case: CaseFile) -> None:
    pattern = pattern_to_data(case.pattern)
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "title": case.title,
        "note": case.note,
        "places": pattern["places"],
        "findings": pattern["findings"],
        "hidden_answer": _encode(
            {"roots": list(case.expected_roots), "conditions": list(case.expected_conditions)}
        ),
    }
    text = (
        "# A case for students, saved by Sciatica Atlas (educational, not a diagnosis).\n"
        "# The expected answer is encoded in hidden_answer so it is not read by accident.\n"
    )
    text += yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    atomic_write(path, text)


def load_case(path: Path, atlas: Atlas) -> CaseFile:
    """Read and check a case file; raises ``CaseFileError``."""
    data = read_document(path, FORMAT, VERSION, "case file", CaseFileError)
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise CaseFileError(f"{path}:{data.key_lines.get('title', 1)}: a case needs a title")
    note = data.get("note") or ""
    pattern = read_pattern(path, data, atlas, CaseFileError)
    if pattern.empty:
        raise CaseFileError(f"{path}:1: the case marks no place and no finding")
    line = data.key_lines.get("hidden_answer", 1)
    try:
        answer = json.loads(base64.b64decode(str(data.get("hidden_answer", "")), validate=True))
        roots = tuple(answer["roots"])
        conditions = tuple(answer["conditions"])
    except (binascii.Error, ValueError, KeyError, TypeError):
        raise CaseFileError(f"{path}:{line}: the hidden answer is damaged") from None
    for rid in roots:
        if rid not in atlas.roots:
            raise CaseFileError(f"{path}:{line}: the answer names unknown root {rid!r}")
    for cid in conditions:
        if cid not in atlas.conditions:
            raise CaseFileError(f"{path}:{line}: the answer names unknown condition {cid!r}")
    if not roots and not conditions:
        raise CaseFileError(f"{path}:{line}: the answer expects no root and no condition")
    return CaseFile(str(title).strip(), pattern, roots, conditions, str(note))


# -- the student's side -------------------------------------------------------------------------
@dataclass
class CaseAttempt:
    """A student working through a case: choose roots and conditions, commit, then reveal.
    Choices are locked once committed, so the reveal cannot be gamed."""

    atlas: Atlas
    case: CaseFile
    roots: list[str] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)
    committed: bool = False

    def choose(self, rid: str, chosen: bool = True) -> None:
        if self.committed:
            raise RuntimeError("the answer is committed; it can no longer change")
        if rid in self.atlas.roots:
            target = self.roots
        elif rid in self.atlas.conditions:
            target = self.conditions
        else:
            raise KeyError(f"{rid!r} is neither a root nor a condition")
        if chosen and rid not in target:
            target.append(rid)
        elif not chosen and rid in target:
            target.remove(rid)

    def commit(self) -> None:
        if not self.roots and not self.conditions:
            raise ValueError("choose at least one root or condition first")
        self.committed = True

    def reveal(self) -> CaseResult:
        if not self.committed:
            raise RuntimeError("commit to an answer before revealing the atlas's")
        return grade_case(
            self.atlas,
            self.case.pattern,
            self.case.expected_roots,
            self.case.expected_conditions,
            tuple(self.roots),
            tuple(self.conditions),
        )
