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


class Place(Record):
    """A fine place of skin a patient can point at ("outer ankle", "little toe"): one cell of a
    coarse region, drawn as ``place:ID@side``. Its roots and nerves are worked out from the
    drawing (how much of the cell each dermatome and territory covers); conditions stay on the
    region it lies in."""

    name: Text
    region: Id


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


class PlainStep(BaseModel):
    """One step of an exercise in plain words (US grade 6–8), with its line drawing: a file
    name in ``assets/exercises/``. The handout and the side panel show one drawing per step."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: Text
    drawing: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*\.svg$", max_length=80)]


class Exercise(Record):
    name: Text
    purpose: Text
    steps: Annotated[list[Text], Field(min_length=1)]
    dose: Text
    cautions: Annotated[list[Text], Field(min_length=1)]
    evidence: Evidence
    # Plain-language versions for the patient handout (optional; the clinician text stays above).
    plain_name: Text | None = None  # what a patient calls it ("Press-ups lying face down")
    plain_summary: Text | None = None  # why to do it, in a sentence or two
    plain_steps: list[PlainStep] = []  # short steps, each with its own drawing
    plain_dose: Text | None = None  # holds, repetitions, how often
    stop_if: list[Text] = []  # when to stop, one sign per line


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
    #: a dermatome or territory covering less of the marked area than this counts as outside
    place_least_share: Annotated[float, Field(gt=0, lt=0.5)] = 0.1
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
    "places": Place,
    "conditions": Condition,
    "exercises": Exercise,
    "red_flags": RedFlag,
    "disputes": Dispute,
    "advice": Advice,
    "findings": Finding,
    "ranking_method": RankingMethod,
    "maps": DermatomeMap,
}


# -- the classroom: guided tours and quiz banks (data/tours/*.yaml, data/quiz/*.yaml) ---------

SideName = Literal["left", "right", "both"]
#: The drawn views a tour step or a question can show ("both" = side by side).
ViewName = Literal["both", "posterior", "anterior"]


class ShownPlace(BaseModel):
    """A place marked on the drawing, as in a saved pain pattern."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    region: Id
    side: SideName | None = None


class ShownFinding(BaseModel):
    """A symptom or examination finding recorded as present (or, ``present: false``, absent)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    finding: Id
    present: bool = True
    side: SideName | None = None


class ShownPattern(BaseModel):
    """A pain pattern written into a tour step or a question: places and findings."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    places: list[ShownPlace] = []
    findings: list[ShownFinding] = []

    @model_validator(mode="after")
    def _not_empty(self) -> ShownPattern:
        if not self.places and not self.findings:
            raise ValueError("a pattern needs at least one place or finding")
        return self


class ShownSelection(BaseModel):
    """One selected record (any kind the drawing can highlight) and optionally its side."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    target: Id
    side: SideName | None = None


class TourStep(BaseModel):
    """One step of a tour: what the drawing shows (a selection or a pattern), which view at
    what zoom (1 = the whole view fits), and a caption with its sources."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    select: ShownSelection | None = None
    pattern: ShownPattern | None = None
    view: ViewName = "both"
    zoom: Annotated[float, Field(ge=0.5, le=8)] = 1.0
    caption: Text
    sources: SourceIds

    @model_validator(mode="after")
    def _one_thing_shown(self) -> TourStep:
        if (self.select is None) == (self.pattern is None):
            raise ValueError("a step sets either 'select' or 'pattern' (exactly one)")
        return self


class Tour(Record):
    title: Text
    summary: Text
    steps: Annotated[list[TourStep], Field(min_length=1)]


class ClickQuestion(BaseModel):
    """"Click the L5 dermatome": graded by the shape the click lands on. ``find: skin`` accepts
    the skin areas the atlas links to ``target`` (a root's dermatome, a nerve's skin territory,
    or a region itself); ``find: itself`` accepts only the drawn root or nerve."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: Literal["click"]
    id: Id
    prompt: Text
    target: Id
    find: Literal["skin", "itself"] = "skin"
    side: SideName | None = None
    view: ViewName = "both"
    explanation: Text
    sources: SourceIds


#: What a multiple-choice question asks, which also says how its answer is checked against the
#: atlas: ``root-of-area`` / ``nerve-of-area`` by the links the skin areas have,
#: ``root-of-pattern`` / ``condition-of-pattern`` by the explorer's ranking of the pattern,
#: ``red-flag`` by the warning signs the explorer raises for it.
ChoiceAsks = Literal["root-of-area", "nerve-of-area", "root-of-pattern", "condition-of-pattern", "red-flag"]


class ChoiceQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    type: Literal["choice"]
    id: Id
    prompt: Text
    asks: ChoiceAsks
    show: ShownPattern
    view: ViewName = "both"
    options: Annotated[list[Id], Field(min_length=2, max_length=9)]
    answer: Id
    explanation: Text
    sources: SourceIds

    @model_validator(mode="after")
    def _answer_is_an_option(self) -> ChoiceQuestion:
        if len(set(self.options)) != len(self.options):
            raise ValueError("options repeat")
        if self.answer not in self.options:
            raise ValueError(f"the answer {self.answer!r} is not one of the options")
        return self


Question = Annotated[ClickQuestion | ChoiceQuestion, Field(discriminator="type")]


class QuizBank(Record):
    title: Text
    summary: Text
    questions: Annotated[list[Question], Field(min_length=1)]

    @model_validator(mode="after")
    def _unique_question_ids(self) -> QuizBank:
        seen: set[str] = set()
        for q in self.questions:
            if q.id in seen:
                raise ValueError(f"question id {q.id!r} is used twice")
            seen.add(q.id)
        return self


KINDS["tours"] = Tour
KINDS["quizzes"] = QuizBank
#: Kinds read from a content folder's subfolders, kept beside the Atlas rather than in it.
CLASSROOM_KINDS = {"tours": "tours", "quizzes": "quiz"}
