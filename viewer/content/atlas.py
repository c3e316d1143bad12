"""The loaded content and the questions the atlas answers about it.

Links are stored one way in the YAML (a region names its roots and nerves, a condition names its
regions and exercises); the reverse directions are worked out here once, at load.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from viewer.drawing.coverage import Cover, Coverage
    from viewer.drawing.shapes import View
if TYPE_CHECKING:  # the schema types; at run time records are plain (viewer.content.records)
    from viewer.content.schema import (
        Advice,
        Condition,
        DermatomeMap,
        Dispute,
        Exercise,
        Finding,
        Nerve,
        Place,
        RankingMethod,
        RedFlag,
        Region,
        Root,
        Source,
    )

#: Kinds a person can select, with the singular used in scene keys such as ``root:L5``.
SELECTABLE = {
    "regions": "region",
    "places": "place",
    "roots": "root",
    "nerves": "nerve",
    "conditions": "condition",
    "exercises": "exercise",
    "findings": "finding",
}


#: How close a term must be to be offered as "did you mean" (see ``viewer.content.fuzzy``).
NEAR_SCORE = 60.0


class UnknownIdError(LookupError):
    """Raised when a name or id matches nothing; the message suggests near matches."""


@dataclass(frozen=True)
class Highlight:
    """What the drawing should emphasise for one selection, as content ids per kind."""

    kind: str
    id: str
    regions: frozenset[str]
    roots: frozenset[str]
    nerves: frozenset[str]


class Atlas:
    def __init__(
        self,
        sources: list[Source],
        roots: list[Root],
        nerves: list[Nerve],
        regions: list[Region],
        conditions: list[Condition],
        exercises: list[Exercise],
        red_flags: list[RedFlag],
        disputes: list[Dispute],
        advice: list[Advice],
        findings: list[Finding] | None = None,
        ranking_method: list[RankingMethod] | None = None,
        maps: list[DermatomeMap] | None = None,
        places: list[Place] | None = None,
    ):
        self.sources = {s.id: s for s in sources}
        self.roots = {r.id: r for r in roots}
        self.nerves = {n.id: n for n in nerves}
        self.regions = {r.id: r for r in regions}
        self.conditions = {c.id: c for c in conditions}
        self.exercises = {e.id: e for e in exercises}
        self.red_flags = {f.id: f for f in red_flags}
        self.disputes = {d.id: d for d in disputes}
        self.advice = {a.id: a for a in advice}
        self.findings = {f.id: f for f in findings or []}
        self.ranking_methods = {m.id: m for m in ranking_method or []}
        #: dermatome maps the drawing redraws, in file order (the first is the default)
        self.maps = {m.id: m for m in maps or []}
        #: fine places (cells of the regions), in file order
        self.places = {p.id: p for p in places or []}
        #: the drawn views, once loaded (``attach_views``): places' roots and nerves, and the
        #: explorer's location evidence, are worked out from them (see ``coverage``)
        self._views: list[View] | None = None
        self._coverage: Coverage | None = None
        self._index_links()

    def attach_views(self, views: list[View]) -> None:
        """Give the atlas its drawing, so places' roots and nerves can be measured on it."""
        if self._views is not views:
            self._views = views
            self._coverage = None

    @property
    def coverage(self) -> Coverage | None:
        """What measures places against the attached drawing (None before ``attach_views``),
        made when first asked for: the window's first frame measures nothing, so start-up does
        not import it."""
        if self._coverage is None and self._views is not None:
            from viewer.drawing.coverage import Coverage

            self._coverage = Coverage(self._views)
        return self._coverage

    def places_in_region(self, region_id: str) -> list[str]:
        return [pid for pid, p in self.places.items() if p.region == region_id]

    def region_of(self, place_or_region: str) -> str:
        """The coarse region of a fine place (a region is its own)."""
        place = self.places.get(place_or_region)
        return place.region if place is not None else place_or_region

    def place_cover(self, place_id: str, side: str = "left") -> Cover | None:
        """How much of the place each dermatome (per map) and territory covers, measured on the
        drawing; None before ``attach_views``. Sides are drawn as mirror images."""
        if self.coverage is None:
            return None
        return self.coverage.cover([("places", place_id, side)])

    def place_roots(self, place_id: str, map_id: str | None = None) -> list[tuple[str, float]]:
        """The roots whose dermatome covers a real part of the place in the map (the first
        map by default), largest share first."""
        from viewer.drawing.coverage import NAMED_SHARE

        cover = self.place_cover(place_id)
        map_id = map_id or next(iter(self.maps), "")
        return cover.roots(map_id, NAMED_SHARE) if cover else []

    def place_nerves(self, place_id: str) -> list[tuple[str, float]]:
        from viewer.drawing.coverage import NAMED_SHARE

        cover = self.place_cover(place_id)
        return cover.nerves(NAMED_SHARE) if cover else []

    # -- building the reverse links -------------------------------------------------------
    def _index_links(self) -> None:
        self._children: dict[str, list[str]] = defaultdict(list)
        for nerve in self.nerves.values():
            if nerve.branch_of:
                self._children[nerve.branch_of].append(nerve.id)
        self._regions_of_root: dict[str, list[str]] = defaultdict(list)
        self._regions_of_nerve: dict[str, list[str]] = defaultdict(list)
        for region in self.regions.values():
            for link in region.roots:
                self._regions_of_root[link.root].append(region.id)
            for nlink in region.nerves:
                for nerve_id in self.nerve_path(nlink.nerve):
                    if region.id not in self._regions_of_nerve[nerve_id]:
                        self._regions_of_nerve[nerve_id].append(region.id)
        self._nerves_of_root: dict[str, list[str]] = defaultdict(list)
        for nerve in self.nerves.values():
            for root in nerve.roots:
                self._nerves_of_root[root].append(nerve.id)
        self._conditions_of_region: dict[str, list[str]] = defaultdict(list)
        self._conditions_of_root: dict[str, list[str]] = defaultdict(list)
        self._conditions_of_exercise: dict[str, list[str]] = defaultdict(list)
        for cond in self.conditions.values():
            for rid in cond.regions:
                self._conditions_of_region[rid].append(cond.id)
            for root in cond.roots:
                self._conditions_of_root[root].append(cond.id)
            for ex in cond.exercises:
                self._conditions_of_exercise[ex].append(cond.id)
        self._disputes_about: dict[str, list[str]] = defaultdict(list)
        for dispute in self.disputes.values():
            for ref in dispute.about:
                self._disputes_about[ref].append(dispute.id)
        self._names = self._build_name_index()
        self._highlights: dict[tuple[str, str], Highlight] = {}

    def _build_name_index(self) -> dict[str, tuple[str, str]]:
        index: dict[str, tuple[str, str]] = {}
        for term, kind, rid in self._terms():
            index.setdefault(term.casefold(), (kind, rid))
        return index

    def _terms(self) -> Iterator[tuple[str, str, str]]:
        for kind in SELECTABLE:
            for rid, record in getattr(self, kind).items():
                for term in (rid, record.name, *record.aliases):
                    yield term, kind, rid

    def search_terms(self) -> list[str]:
        """Every id, name and alias that ``resolve`` accepts, as written, for a search box."""
        return sorted({term for term, _, _ in self._terms()}, key=str.casefold)

    # -- looking things up ----------------------------------------------------------------
    def kind_of(self, rid: str) -> str | None:
        for kind in SELECTABLE:
            if rid in getattr(self, kind):
                return kind
        return None

    def resolve(self, text: str) -> tuple[str, str]:
        """Find a record by id, ``kind:id`` or name (any case); returns (kind, id)."""
        query = text.strip()
        if ":" in query:
            prefix, _, rest = query.partition(":")
            for kind, singular in SELECTABLE.items():
                if prefix == singular and rest in getattr(self, kind):
                    return kind, rest
        found = self._names.get(query.casefold())
        if found:
            return found
        near = self.near_ids(query)
        hint = f"; did you mean: {', '.join(near)}?" if near else ""
        raise UnknownIdError(f"unknown id or name {text!r}{hint}")

    def near_ids(self, text: str, limit: int = 6) -> list[str]:
        """Ids whose id, name or alias is close to ``text`` (typos forgiven, as in the search
        box), best first: the "did you mean" list of an unknown name."""
        from viewer.content.fuzzy import closeness  # only for an unknown name, not at start-up

        best: dict[str, float] = {}
        for term, (_, rid) in self._names.items():
            score = closeness(text, term).score
            if score >= NEAR_SCORE and score > best.get(rid, 0.0):
                best[rid] = score
        return sorted(best, key=lambda rid: (-best[rid], rid))[:limit]

    def record(self, kind: str, rid: str) -> Any:
        return getattr(self, kind)[rid]

    def nerve_path(self, nerve_id: str) -> list[str]:
        """The nerve and every nerve it branches from, nearest first (sural ... sciatic)."""
        path = []
        current: str | None = nerve_id
        while current and current not in path:
            path.append(current)
            current = self.nerves[current].branch_of
        return path

    def nerve_descendants(self, nerve_id: str) -> list[str]:
        out: list[str] = []
        stack = list(self._children.get(nerve_id, []))
        while stack:
            child = stack.pop(0)
            out.append(child)
            stack.extend(self._children.get(child, []))
        return out

    # -- the questions ---------------------------------------------------------------------
    def roots_for_region(self, region_id: str) -> list[str]:
        return [link.root for link in self.regions[region_id].roots]

    def nerves_for_region(self, region_id: str) -> list[str]:
        return [link.nerve for link in self.regions[region_id].nerves]

    def conditions_for_region(self, region_id: str) -> list[str]:
        return list(self._conditions_of_region.get(region_id, []))

    def regions_for_root(self, root_id: str) -> list[str]:
        return list(self._regions_of_root.get(root_id, []))

    def nerves_for_root(self, root_id: str) -> list[str]:
        return self._ordered_unique([*self.roots[root_id].nerves, *self._nerves_of_root[root_id]])

    def conditions_for_root(self, root_id: str) -> list[str]:
        return list(self._conditions_of_root.get(root_id, []))

    def regions_for_nerve(self, nerve_id: str) -> list[str]:
        return list(self._regions_of_nerve.get(nerve_id, []))

    def conditions_for_exercise(self, exercise_id: str) -> list[str]:
        return list(self._conditions_of_exercise.get(exercise_id, []))

    def disputes_about(self, *ids: str) -> list[str]:
        return self._ordered_unique(d for rid in ids for d in self._disputes_about.get(rid, []))

    def highlight(self, kind: str, rid: str) -> Highlight:
        """What to emphasise on the drawing for a selection; cached, since clicks must be fast."""
        key = (kind, rid)
        if key not in self._highlights:
            self._highlights[key] = self._compute_highlight(kind, rid)
        return self._highlights[key]

    def _compute_highlight(self, kind: str, rid: str) -> Highlight:
        regions: set[str] = set()
        roots: set[str] = set()
        nerves: set[str] = set()
        if kind == "regions":
            regions.add(rid)
            roots.update(self.roots_for_region(rid))
            for nerve in self.nerves_for_region(rid):
                nerves.update(self.nerve_path(nerve))
        elif kind == "places":
            for root, _share in self.place_roots(rid):
                roots.add(root)
            for nerve, _share in self.place_nerves(rid):
                nerves.update(self.nerve_path(nerve))
        elif kind == "roots":
            roots.add(rid)
            regions.update(self.regions_for_root(rid))
            nerves.update(self.nerves_for_root(rid))
        elif kind == "nerves":
            nerves.update(self.nerve_path(rid))
            roots.update(self.nerves[rid].roots)
            regions.update(self.regions_for_nerve(rid))
        elif kind == "conditions":
            cond = self.conditions[rid]
            regions.update(cond.regions)
            roots.update(cond.roots)
            for nerve in cond.nerves:
                nerves.update(self.nerve_path(nerve))
        elif kind == "findings":
            for effect in self.findings[rid].effects:
                if effect.supports and effect.target in self.roots:
                    roots.add(effect.target)
                elif effect.supports and effect.target in self.conditions:
                    regions.update(self.conditions[effect.target].regions)
        elif kind == "exercises":
            for cid in self.conditions_for_exercise(rid):
                regions.update(self.conditions[cid].regions)
        return Highlight(kind, rid, frozenset(regions), frozenset(roots), frozenset(nerves))

    @staticmethod
    def _ordered_unique(items: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(items))
