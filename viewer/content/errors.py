"""Problems found in content, each pointing at a file and a line a person can open."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentProblem:
    """One thing to fix. ``line`` 0 means the problem is the file or folder as a whole."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[ContentProblem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path) -> str:
    """A short path for messages: relative to the working folder when it is inside it."""
    try:  # the file itself is not resolved: it may be a symlink loop or point nowhere
        return str(path.parent.resolve().relative_to(Path.cwd().resolve()) / path.name)
    except (ValueError, OSError, RuntimeError):
        return str(path)
