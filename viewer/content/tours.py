"""Guided tours: the steps of a tour as plain values the state can apply.

A tour is content (``data/tours/*.yaml``, read by the loader with everything else); this module
turns a step into what the app state needs (a selection or a ``Pattern``, a view, a zoom) without
knowing anything about widgets, so the tour bar, tests and exports share one reading of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.content.answers import Reference
from viewer.content.atlas import Atlas
from viewer.content.explain import references
from viewer.content.pattern import Mark, Pattern, Place
from viewer.content.schema import ShownPattern, Tour, TourStep


def to_pattern(shown: ShownPattern) -> Pattern:
    """The pain pattern a tour step or a question writes out."""
    return Pattern(
        tuple(Place(p.region, p.side) for p in shown.places),
        tuple(Mark(f.finding, f.present, f.side) for f in shown.findings),
    )


@dataclass(frozen=True)
class StepView:
    """What one step puts on screen: either ``select`` (kind, id, side) or ``pattern``."""

    index: int  # 0-based
    total: int
    select: tuple[str, str, str | None] | None
    pattern: Pattern | None
    view: str
    zoom: float
    caption: str
    sources: tuple[Reference, ...]

    @property
    def progress(self) -> str:
        return f"{self.index + 1} / {self.total}"


def step_view(atlas: Atlas, tour: Tour, index: int) -> StepView:
    step: TourStep = tour.steps[index]
    select = None
    if step.select is not None:
        kind = atlas.kind_of(step.select.target)
        if kind is None:
            raise LookupError(f"tour {tour.id!r} step {index + 1}: unknown {step.select.target!r}")
        select = (kind, step.select.target, step.select.side)
    return StepView(
        index=index,
        total=len(tour.steps),
        select=select,
        pattern=to_pattern(step.pattern) if step.pattern is not None else None,
        view=step.view,
        zoom=step.zoom,
        caption=step.caption,
        sources=references(atlas, step.sources),
    )
