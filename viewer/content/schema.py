"""The shape of every content record, checked by pydantic when the YAML is read.

Each kind of record lives under a top-level key of the same name in any ``data/*.yaml`` file.
Every record cites at least one source id; cross-references are checked after all files load.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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


class Root(Record):
    name: Text
    dermatome: Text
    key_sensory_point: Text
    key_muscle: Text
    bedside_test: Text
    reflex: Text
    pain_pattern: Text
    nerves: list[Id] = []


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


class Claim(BaseModel):
    """A statement from a popular article that the evidence does not establish."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: Text
    sources: SourceIds


class Condition(Record):
    name: Text
    kind: Literal["radicular", "referred", "entrapment", "opinion"]
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
}
