"""The shape of every content record, checked by pydantic when the YAML is read.

Each kind of record lives under a top-level key of the same name in any ``data/*.yaml`` file.
Every record cites at least one source id; cross-references are checked after all files load.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2)]
SourceIds = Annotated[list[Id], Field(min_length=1)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Id
    sources: SourceIds
    aliases: list[Text] = []  # other names people search for ("spinal stenosis")


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Id
    citation: Text
    kind: Literal[
        "guideline",
        "textbook",
        "review",
        "study",
        "clinical-reference",
        "website",
        "popular-article",
    ]
    url: str | None = None


class SourcedText(BaseModel):
    """One statement with the sources that make it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: Text
    sources: SourceIds


class Root(Record):
    name: Text
    dermatome: Text
    key_sensory_point: Text
    key_muscle: Text
    bedside_test: Text
    reflex: Text
    pain_pattern: Text
    nerves: list[Id] = []
    myotomes: list[SourcedText] = []  # other muscles it drives, e.g. those that separate look-alikes


class Nerve(Record):
    name: Text
    roots: list[Id]
    branch_of: Id | None = None
    course: Text
    supplies: Text


class Link(BaseModel):
    """Why a region is linked to a root or a nerve, in one sentence with its own sources."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    why: Text
    sources: SourceIds


class RootLink(Link):
    root: Id


class NerveLink(Link):
    nerve: Id


class Region(Record):
    name: Text
    description: Text
    roots: list[RootLink] = []
    nerves: list[NerveLink] = []


class Claim(SourcedText):
    """A statement from a popular article that the evidence does not establish."""


#: Steps of the treatment ladder, from the first thing to try to the last resort.
TREATMENT_STEPS = (
    "self-care",
    "physiotherapy",
    "medicines",
    "injections",
    "surgery",
    "imaging",
    "urgent",
)


class TreatmentStep(BaseModel):
    """One rung of a condition's treatment ladder: what, when it applies, and who says so."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    step: Literal[
        "self-care", "physiotherapy", "medicines", "injections", "surgery", "imaging", "urgent"
    ]
    what: Text
    when: Text
    sources: SourceIds


class Condition(Record):
    name: Text
    kind: Literal[
        "radicular",
        "referred",
        "entrapment",
        "joint",
        "vascular",
        "neuropathy",
        "serious",
        "opinion",
    ]
    mechanism: Text
    summary: Text
    roots: list[Id] = []
    nerves: list[Id] = []
    regions: Annotated[list[Id], Field(min_length=1)]
    worse: list[Text] = []
    better: list[Text] = []
    features: list[Text] = []
    exercises: list[Id] = []
    claims: list[Claim] = []
    red_flags: list[Id] = []  # warning signs that belong with this condition in particular
    treatment: list[TreatmentStep] = []  # the ladder, first step first
    natural_history: list[SourcedText] = []  # how it tends to go, with numbers where known


class Evidence(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    strength: Literal["moderate", "low", "very low", "mixed", "not established"]
    summary: Text
    sources: SourceIds


class Exercise(Record):
    name: Text
    purpose: Text
    steps: Annotated[list[Text], Field(min_length=1)]
    dose: Text
    cautions: Annotated[list[Text], Field(min_length=1)]
    evidence: Evidence


class RedFlag(Record):
    name: Text
    signs: Annotated[list[Text], Field(min_length=1)]
    action: Text


class Position(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    view: Text
    sources: SourceIds


class Dispute(Record):
    topic: Text
    about: Annotated[list[Id], Field(min_length=1)]
    positions: Annotated[list[Position], Field(min_length=2)]


class Advice(Record):
    """General guidance shown with every exercise list, such as what guidelines advise against."""

    title: Text
    points: Annotated[list[Text], Field(min_length=1)]


Strength = Literal["strong", "moderate", "weak"]


class Effect(BaseModel):
    """What one finding says about one root or condition, and how strongly.

    Give a number where the literature has one: a likelihood ratio for the finding being present
    (``lr_present``) and absent (``lr_absent``), or ``sensitivity`` with ``specificity``, from
    which both follow. Without a number, ``strength`` names a step on the atlas's own scale (see
    ``ranking_method``); ``supports: false`` turns it into evidence against. ``when_absent``
    optionally gives the strength of the opposite evidence when the finding was looked for and
    not found.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    target: Id  # a root or a condition
    supports: bool = True
    lr_present: Annotated[float, Field(gt=0, le=100)] | None = None
    lr_absent: Annotated[float, Field(gt=0, le=100)] | None = None
    sensitivity: Annotated[float, Field(gt=0, lt=1)] | None = None
    specificity: Annotated[float, Field(gt=0, lt=1)] | None = None
    strength: Strength | None = None
    when_absent: Strength | None = None
    why: Text
    sources: SourceIds

    @model_validator(mode="after")
    def _one_measure(self) -> Effect:
        numeric = self.lr_present is not None or self.sensitivity is not None
        if (self.sensitivity is None) != (self.specificity is None):
            raise ValueError("sensitivity and specificity go together")
        if numeric and self.strength is not None:
            raise ValueError("give either a number (lr_present or sensitivity) or a strength")
        if not numeric and self.strength is None:
            raise ValueError("needs a number (lr_present, or sensitivity and specificity) or a strength")
        return self


class Finding(Record):
    """Something a patient reports or an examiner finds, and what it means for roots and
    conditions. The pattern explorer, the examination pages and the text reader share these."""

    name: Text
    group: Literal["quality", "worse", "better", "exam", "history", "pattern"]
    description: Text
    sided: bool = False  # recorded per leg
    #: names a lost function ("reduced ankle jerk"): in a description, "absent" or "reduced"
    #: next to one of ``function_words`` ("ankle jerk absent") means the finding is present
    loss: bool = False
    function_words: list[Text] = []
    red_flag: Id | None = None  # when present, this red flag leads the answer
    effects: list[Effect] = []


class RankingMethod(Record):
    """The numbers the pattern explorer uses where a finding has no published likelihood
    ratio, and the plain explanation the panel shows under "How this ranking works"."""

    strong: Annotated[float, Field(gt=1, le=20)]
    moderate: Annotated[float, Field(gt=1, le=20)]
    weak: Annotated[float, Field(gt=1, le=20)]
    place_inside: Annotated[float, Field(ge=1, le=5)]  # a marked place inside the territory
    place_outside: Annotated[float, Field(gt=0, le=1)]  # a marked place outside it
    close_margin: Annotated[float, Field(gt=0, le=5)]  # natural-log points that count as close
    explanation: Annotated[list[Text], Field(min_length=1)]


class DermatomeMap(Record):
    """A published dermatome map the drawing redraws (``dermatome:ROOT@side#MAP`` in the SVG
    views). ``not_drawn`` names roots the map itself leaves out, so the check does not ask for
    them; ``disputes`` names the disputes about how the maps disagree, shown with the hatching."""

    name: Text
    year: Annotated[int, Field(ge=1800, le=2100)]
    method: Text
    notes: Text
    not_drawn: list[Id] = []
    disputes: list[Id] = []


#: The top-level keys a content file may use, in the order they are loaded.
KINDS: dict[str, type[BaseModel]] = {
    "sources": Source,
    "roots": Root,
    "nerves": Nerve,
    "regions": Region,
    "conditions": Condition,
    "exercises": Exercise,
    "red_flags": RedFlag,
    "disputes": Dispute,
    "advice": Advice,
    "findings": Finding,
    "ranking_method": RankingMethod,
    "maps": DermatomeMap,
}
