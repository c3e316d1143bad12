"""The answer types the welcome page is made of: a link to a record (``Ref``), a full citation
(``Reference``), a red flag (``RedFlagInfo``) and the ``Overview`` that lists them.

They sit apart from the other answer types (``viewer.content.answers``, which re-exports them)
because the window shows the welcome page in its first frame: on Python 3.11 each dataclass
compiles its generated methods one by one, and making all seventeen answer classes at start-up
took some 13 ms; the rest are made on the first click instead.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Ref:
    """A link to another record: its table (``roots``), id and display name."""

    kind: str
    id: str
    name: str


@dataclass(frozen=True)
class Reference:
    """A full citation, listed once at the end of an answer."""

    id: str
    citation: str
    kind: str
    url: str | None = None


@dataclass(frozen=True)
class RedFlagInfo:
    id: str
    name: str
    signs: tuple[str, ...]
    action: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Overview:
    """What the welcome page lists: every region, root and condition, and the red flags."""

    regions: tuple[Ref, ...]
    roots: tuple[Ref, ...]
    conditions: tuple[Ref, ...]
    red_flags: tuple[RedFlagInfo, ...]
    references: tuple[Reference, ...]
