"""A pain pattern: the places that hurt (each on a leg) and the findings recorded as present or
absent. A plain value, so the state can keep it in its history, files can save it and the
explorer can rank it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

Side = Literal["left", "right", "both"]
SIDES: tuple[str, ...] = ("left", "right", "both")


@dataclass(frozen=True)
class Place:
    """One marked area: ``region`` names a fine place (``ankle-outer``) or, as in patterns
    saved before the places existed, a whole region (``calf-posterior``)."""

    region: str
    side: Side | None = None
    kind: str = "regions"  # "places" for a fine place


@dataclass(frozen=True)
class Mark:
    """A finding that was looked for: ``present`` False records it as absent ("no weakness")."""

    finding: str
    present: bool = True
    side: Side | None = None


@dataclass(frozen=True)
class Pattern:
    places: tuple[Place, ...] = ()
    marks: tuple[Mark, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.places and not self.marks

    def has_place(self, region: str, side: str | None) -> bool:
        return any(p.region == region and p.side == side for p in self.places)

    def toggle_place(self, region: str, side: Side | None, kind: str = "regions") -> Pattern:
        """Add the place (a fine place or a region), or remove it if it is already marked."""
        if self.has_place(region, side):
            kept = tuple(p for p in self.places if (p.region, p.side) != (region, side))
            return replace(self, places=kept)
        return replace(self, places=(*self.places, Place(region, side, kind)))

    def mark(self, finding: str) -> Mark | None:
        return next((m for m in self.marks if m.finding == finding), None)

    def with_mark(self, finding: str, present: bool | None, side: Side | None = None) -> Pattern:
        """Record a finding as present or absent, or forget it (``present`` None)."""
        kept = tuple(m for m in self.marks if m.finding != finding)
        if present is None:
            return replace(self, marks=kept)
        return replace(self, marks=(*kept, Mark(finding, present, side)))

    def sides(self) -> set[str]:
        """The legs the marked places are on ("both" counts as left and right)."""
        out: set[str] = set()
        for p in self.places:
            if p.side == "both":
                out.update(("left", "right"))
            elif p.side:
                out.add(p.side)
        return out

    @property
    def both_legs(self) -> bool:
        return {"left", "right"} <= self.sides()


def merge_patterns(base: Pattern, extra: Pattern) -> Pattern:
    """``base`` with the places of ``extra`` added and its findings overriding: what reading a
    description does to a pattern that is already marked."""
    merged = base
    for place in extra.places:
        if not merged.has_place(place.region, place.side):
            merged = merged.toggle_place(place.region, place.side, place.kind)
    for mark in extra.marks:
        merged = merged.with_mark(mark.finding, mark.present, mark.side)
    return merged
