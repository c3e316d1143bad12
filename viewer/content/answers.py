"""The typed answers the core gives: what ``explain`` says about one record and the pieces that
``explore`` reuses. Every reference to another record carries its name, so the renderers (panel
HTML, command-line text and JSON, handouts) never look anything up in the Atlas again and
cannot disagree with each other.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# the welcome page's types live apart (made at start-up); every answer type is importable here
from viewer.content.welcome_answers import RedFlagInfo as RedFlagInfo
from viewer.content.welcome_answers import Ref as Ref
from viewer.content.welcome_answers import Reference as Reference


@dataclass(frozen=True)
class Link:
    """Why this record is linked to another, with its own sources; ``route`` lists the nerves
    from the trunk down to the linked nerve, for nerve links."""

    target: Ref
    why: str
    sources: tuple[str, ...]
    route: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class Fact:
    """One row of a facts table: a label with plain text, links, or both."""

    label: str
    text: str = ""
    refs: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class SourcedNote:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ConditionBrief:
    ref: Ref
    kind: str  # radicular, referred, entrapment, joint, vascular, neuropathy, serious, opinion
    summary: str
    roots: tuple[Ref, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Evidence:
    strength: str
    summary: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class StepInfo:
    """One plain-language exercise step and the file name of its drawing (assets/exercises/)."""

    text: str
    drawing: str


@dataclass(frozen=True)
class ExerciseInfo:
    ref: Ref
    purpose: str
    steps: tuple[str, ...]
    dose: str
    cautions: tuple[str, ...]
    evidence: Evidence
    suits: tuple[Ref, ...]
    sources: tuple[str, ...]
    # the patient's version, for handouts; empty when the content has none
    plain_name: str = ""
    plain_summary: str = ""
    plain_steps: tuple[StepInfo, ...] = ()
    plain_dose: str = ""
    stop_if: tuple[str, ...] = ()


@dataclass(frozen=True)
class AdviceInfo:
    title: str
    points: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Position:
    view: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class DisputeInfo:
    id: str
    topic: str
    positions: tuple[Position, ...]


@dataclass(frozen=True)
class TreatmentInfo:
    step: str
    what: str
    when: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class EffectInfo:
    """What a finding means for one root or condition, with its measure spelled out."""

    target: Ref
    supports: bool
    measure: str  # "LR+ 2.8, LR− 0.80 (measured)" or "moderate, ×2 (atlas scale)"
    why: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class MapPlaces:
    """Where one dermatome map draws a root: the places (regions) its shape covers, with the
    share of the shape in each (largest first), worked out from the drawing. ``drawn`` is False
    when the map itself leaves the root out."""

    map: Ref
    places: tuple[Ref, ...] = ()
    shares: tuple[float, ...] = ()
    drawn: bool = True
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Explanation:
    """Everything the panel shows about one record. Sections that do not apply stay empty."""

    type: str  # region, root, nerve, condition, exercise, finding
    id: str
    name: str
    summary: str = ""
    condition_kind: str | None = None
    mechanism: str = ""
    facts: tuple[Fact, ...] = ()
    root_links: tuple[Link, ...] = ()
    nerve_links: tuple[Link, ...] = ()
    features: tuple[str, ...] = ()
    claims: tuple[SourcedNote, ...] = ()
    natural_history: tuple[SourcedNote, ...] = ()
    treatment: tuple[TreatmentInfo, ...] = ()
    effects: tuple[EffectInfo, ...] = ()
    conditions: tuple[ConditionBrief, ...] = ()
    exercises: tuple[ExerciseInfo, ...] = ()
    advice: tuple[AdviceInfo, ...] = ()
    red_flags: tuple[RedFlagInfo, ...] = ()
    disputes: tuple[DisputeInfo, ...] = ()
    sources: tuple[str, ...] = ()
    references: tuple[Reference, ...] = field(default=())
    #: for a root, when the drawing is at hand: per dermatome map, the places its shape covers
    dermatome_maps: tuple[MapPlaces, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
