"""Rank the roots and conditions that could explain a pain pattern, with reasons and honest
uncertainty.

The method is deliberately simple so a clinician can check it (``data/method.yaml`` explains it
in plain words and holds its numbers): every explanation starts level; the marked places, taken
together as one pain drawing, and each recorded finding multiply its odds by a likelihood ratio.
Measured ratios come from the finding's sources; unmeasured ones use the atlas's own
strong / moderate / weak scale. Scores are sums of natural logarithms. Each score carries a range:
what it would be if every unmeasured factor were half or twice as strong (in log terms), so
explanations whose ranges or scores are close are shown as close rather than ordered with false
confidence. Red flags are not scored; they lead.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from viewer.content.answers import RedFlagInfo, Ref, Reference
from viewer.content.atlas import Atlas
from viewer.content.explain import likelihood_ratios, method, red_flags, ref, references
from viewer.content.pattern import Mark, Pattern, Place

if TYPE_CHECKING:  # the schema types; at run time records are plain (viewer.content.records)
    from viewer.content.schema import Effect, RankingMethod

#: The findings set automatically from the marked places: on both legs, or on one leg only.
BOTH_LEGS = "both-legs"
ONE_LEG = "one-leg"
#: Sources for "where it hurts is weak evidence", cited by every location reason.
LOCATION_SOURCES = ("albert-2019-drawings", "murphy-2009")


@dataclass(frozen=True)
class Reason:
    text: str
    supports: bool
    factor: float  # the likelihood ratio applied
    measured: bool  # a published number (True) or the atlas's scale (False)
    sources: tuple[str, ...]
    place: bool = False  # from where it hurts (the pain drawing), not from a finding


@dataclass(frozen=True)
class Ranked:
    ref: Ref
    kind: str | None  # condition kind; None for roots
    score: float  # sum of natural-log likelihood ratios
    low: float
    high: float
    close: bool  # too close to the leader to put behind it with confidence
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class FlagHit:
    id: str
    name: str
    why: str
    action: str
    signs: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class MarkedPlace:
    ref: Ref
    side: str | None


@dataclass(frozen=True)
class MarkedFinding:
    ref: Ref
    group: str
    present: bool
    side: str | None
    automatic: bool  # worked out from the places (both legs), not chosen


@dataclass(frozen=True)
class Exploration:
    places: tuple[MarkedPlace, ...]
    findings: tuple[MarkedFinding, ...]
    roots: tuple[Ranked, ...]
    conditions: tuple[Ranked, ...]
    red_flags: tuple[FlagHit, ...]
    certainty: str
    location_only: bool
    method: tuple[str, ...]
    warning_signs: tuple[RedFlagInfo, ...]  # every red flag, shown wherever conditions are
    references: tuple[Reference, ...]

    def to_json(self) -> dict[str, Any]:
        raw = asdict(self)
        return {
            "pattern": {
                "regions": [
                    {"id": p["ref"]["id"], "name": p["ref"]["name"], "side": p["side"]}
                    for p in raw["places"]
                ],
                "symptoms": [_finding_json(f) for f in raw["findings"] if f["group"] != "exam"],
                "findings": [_finding_json(f) for f in raw["findings"] if f["group"] == "exam"],
            },
            "roots": [_ranked_json(r) for r in raw["roots"]],
            "conditions": [_ranked_json(c) for c in raw["conditions"]],
            "red_flags": [{"id": f["id"], "name": f["name"], "why": f["why"]} for f in raw["red_flags"]],
            "certainty": self.certainty,
            "location_only": self.location_only,
            "method": list(self.method),
            "warning_signs": [{"id": f["id"], "name": f["name"]} for f in raw["warning_signs"]],
            "references": raw["references"],
        }


def _finding_json(f: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f["ref"]["id"],
        "name": f["ref"]["name"],
        "group": f["group"],
        "present": f["present"],
        "side": f["side"],
        "automatic": f["automatic"],
    }


def _ranked_json(r: dict[str, Any]) -> dict[str, Any]:
    out = {"id": r["ref"]["id"], "name": r["ref"]["name"]}
    if r["kind"] is not None:
        out["kind"] = r["kind"]
    out.update(
        score=round(r["score"], 2),
        range=[round(r["low"], 2), round(r["high"], 2)],
        close_to_leader=r["close"],
        reasons=[
            {
                "text": x["text"],
                "supports": x["supports"],
                "factor": round(x["factor"], 2),
                "measured": x["measured"],
                "sources": x["sources"],
            }
            for x in r["reasons"]
        ],
    )
    return out


def effective_marks(pattern: Pattern, known: Iterable[str] = (BOTH_LEGS, ONE_LEG)) -> tuple[tuple[Mark, bool], ...]:
    """The recorded marks, plus "both legs" or "one leg only" worked out from the places
    (unless recorded by hand); each with whether it was worked out automatically."""
    automatic = (BOTH_LEGS, ONE_LEG)
    marks = [(m, False) for m in pattern.marks if m.finding not in automatic]
    chosen = [m for f in automatic if (m := pattern.mark(f)) is not None]
    marks += [(m, False) for m in chosen]
    if not chosen:
        sides = pattern.sides()
        if pattern.both_legs and BOTH_LEGS in known:
            marks.append((Mark(BOTH_LEGS, True, "both"), True))
        elif len(sides) == 1 and ONE_LEG in known:
            marks.append((Mark(ONE_LEG, True, next(iter(sides))), True))  # type: ignore[arg-type]
    return tuple(marks)


def _effect_reason(m: RankingMethod, effect: Effect, mark: Mark, name: str) -> Reason | None:
    present_lr, absent_lr = likelihood_ratios(effect)
    if present_lr is not None:
        factor = present_lr if mark.present else absent_lr
        if factor is None:
            return None
        measured = True
    else:
        strength = effect.strength if mark.present else effect.when_absent
        if strength is None:
            return None
        scale = float(getattr(m, strength))
        # present and supporting, or absent and arguing against: up; otherwise down
        factor = scale if effect.supports == mark.present else 1 / scale
        measured = False
    state = "present" if mark.present else "absent"
    text = f"{name} ({state}): {effect.why}"
    return Reason(text, factor > 1, factor, measured, tuple(effect.sources))


def _location_reason(
    atlas: Atlas, m: RankingMethod, pattern: Pattern, covered: set[str], what: str
) -> Reason | None:
    """Where it hurts, taken as one pain drawing: most places inside the territory nudges up,
    none inside nudges down, anything between says nothing."""
    if not pattern.places:
        return None
    # a fine place counts as its region
    regions = [atlas.region_of(p.region) for p in pattern.places]
    inside = [r for r in dict.fromkeys(regions) if r in covered]
    n_in = sum(1 for r in regions if r in covered)
    names = ", ".join(atlas.regions[r].name.lower() for r in inside)
    share = n_in / len(regions)
    if share > 0.5:
        # all inside: the full factor; just over half: barely more than neutral
        factor = 1 + (m.place_inside - 1) * (2 * share - 1)
        text = f"{n_in} of {len(regions)} marked places lie in {what} ({names})."
    elif n_in:
        factor = 1.0
        text = f"Only {n_in} of {len(regions)} marked places lie in {what} ({names})."
    else:
        factor = m.place_outside
        text = f"None of the marked places lies in {what}."
    text += " Where it hurts is weak evidence on its own."
    return Reason(text, factor > 1, factor, False, LOCATION_SOURCES, place=True)


def _areas(pattern: Pattern, place: Place | None = None) -> list[tuple[str, str, str]]:
    """The drawn shapes of the marked places (of one place if given): a place without a side,
    or on both, counts on both legs' drawings (they are mirror images)."""
    out = []
    for p in pattern.places if place is None else (place,):
        sides = ("left", "right") if p.side in (None, "both") else (p.side,)
        out += [(p.kind, p.region, side) for side in sides]
    return out


def _share_factor(m: RankingMethod, share: float) -> float:
    """A dermatome that covers a real share of the marked skin counts for its root, the more
    the larger the share (all of it: the inside factor); one that covers (almost) none of it
    counts against (the outside factor). A pattern over several dermatomes is the rule, so a
    share short of all is no evidence against."""
    if share < m.place_least_share:
        return m.place_outside
    return math.exp(share * math.log(m.place_inside))


def _geometric_reasons(atlas: Atlas, m: RankingMethod, pattern: Pattern, map_id: str) -> dict[str, Reason]:
    """Where it hurts, measured on the drawing: for each root, the share of each marked place
    its dermatome covers in the map, out of the part of that place the map gives to any root,
    averaged over the places (each place counts the same, as each one is something the patient
    pointed at, however small). Skin a map leaves to no root (Lee's map leaves much of the
    buttock and calf blank) is no evidence for or against any root, so it is left out; a place
    the map leaves wholly blank says nothing."""
    coverage = atlas.coverage
    assert coverage is not None
    record = atlas.maps[map_id]
    drawn = [rid for rid in atlas.roots if rid not in record.not_drawn]
    each = [(p, coverage.cover(_areas(pattern, p)).dermatomes.get(map_id, {})) for p in pattern.places]
    told, blank = [], []
    for p, found in each:
        total = sum(found.get(r, 0.0) for r in drawn)
        if total >= m.place_least_share:
            told.append((p, found, total))
        else:
            blank.append(_place_name(atlas, p).lower())
    if not told:
        return {}  # the map gives none of the marked skin to a root: it cannot tell them apart
    roots: dict[str, Reason] = {}
    for rid in drawn:
        share = sum(min(1.0, found.get(rid, 0.0) / total) for _, found, total in told) / len(told)
        parts = [
            f"{_place_name(atlas, p).lower()} {_pct(found.get(rid, 0.0))}"
            for p, found, _ in told
            if found.get(rid, 0.0) >= m.place_least_share
        ]
        factor = _share_factor(m, share)
        text = (
            f"The {rid} dermatome ({record.name}) covers {_pct(share)} of the marked places, "
            "counting only the skin this map gives to a root"
            + (f" ({', '.join(parts)})." if parts else ".")
            + (f" The map gives no root for {', '.join(blank)}." if blank else "")
            + " Where it hurts is weak evidence on its own."
        )
        roots[rid] = Reason(text, factor > 1, factor, False, (*LOCATION_SOURCES, *record.sources), place=True)
    return roots


def _pct(share: float) -> str:
    return f"{round(share * 100)} %"


def _place_name(atlas: Atlas, place: Place) -> str:
    table = atlas.places if place.kind == "places" else atlas.regions
    return str(table[place.region].name)


def territories_under(atlas: Atlas, pattern: Pattern) -> tuple[tuple[Ref, float], ...]:
    """The nerves whose skin territory covers a real share of the marked area, largest first
    (what a nerve entrapment would have to explain)."""
    if atlas.coverage is None or not pattern.places:
        return ()
    m = method(atlas)
    whole = atlas.coverage.cover(_areas(pattern))
    return tuple((ref(atlas, "nerves", n), s) for n, s in whole.nerves(m.place_least_share))


def _rank(
    candidates: dict[str, list[Reason]], atlas: Atlas, kind: str, m: RankingMethod
) -> tuple[Ranked, ...]:
    scored = []
    order = list(getattr(atlas, kind))
    for rid, reasons in candidates.items():
        if not any(r.supports for r in reasons):
            continue  # nothing speaks for it: not an explanation of this pattern
        if kind == "conditions" and getattr(atlas.conditions[rid], "kind", "") == "serious":
            if not any(r.supports and not r.place for r in reasons):
                continue  # serious pathology is told by its warning signs, never by place alone
        score = sum(math.log(r.factor) for r in reasons)
        spread = [math.log(r.factor) for r in reasons if not r.measured]
        fixed = score - sum(spread)
        low = fixed + sum(min(s * 0.5, s * 2) for s in spread)
        high = fixed + sum(max(s * 0.5, s * 2) for s in spread)
        scored.append((rid, reasons, score, low, high))
    scored.sort(key=lambda t: (-t[2], order.index(t[0])))
    out = []
    lead = scored[0][2] if scored else 0.0
    for i, (rid, reasons, score, low, high) in enumerate(scored):
        close = i > 0 and lead - score < m.close_margin
        record = atlas.record(kind, rid)
        out.append(
            Ranked(
                ref(atlas, kind, rid),
                getattr(record, "kind", None) if kind == "conditions" else None,
                score,
                low,
                high,
                close,
                tuple(sorted(reasons, key=lambda r: -abs(math.log(r.factor)))),
            )
        )
    return tuple(out)


def explore(atlas: Atlas, pattern: Pattern, map_id: str | None = None) -> Exploration:
    """Rank roots and conditions for a pattern. Unknown ids raise ``KeyError`` (callers check
    input first, with ``validate_pattern``). With the drawing attached (``Atlas.attach_views``)
    where it hurts is measured on it, with the dermatomes of ``map_id`` (the first map by
    default); without it, marked regions are counted against the regions' root lists."""
    validate_pattern(atlas, pattern)
    m = method(atlas)
    marks = effective_marks(pattern, atlas.findings)
    root_reasons: dict[str, list[Reason]] = {}
    cond_reasons: dict[str, list[Reason]] = {}
    map_id = map_id or next(iter(atlas.maps), None)
    # the map the places are measured with on the drawing (which may say nothing), or None:
    # without the drawing, marked regions are counted against the roots' region lists
    measure_with = map_id if pattern.places and atlas.coverage is not None else None
    if measure_with is not None:
        by_root = _geometric_reasons(atlas, m, pattern, measure_with)
        root_reasons = {rid: [r] for rid, r in by_root.items()}
    for rid in atlas.roots if measure_with is None else ():
        covered = set(atlas.regions_for_root(rid))
        reason = _location_reason(atlas, m, pattern, covered, f"the {rid} skin area")
        if reason:
            root_reasons.setdefault(rid, []).append(reason)
    for cid, cond in atlas.conditions.items():
        reason = _location_reason(atlas, m, pattern, set(cond.regions), "its usual pain area")
        if reason:
            cond_reasons.setdefault(cid, []).append(reason)
    for mark, _auto in marks:
        finding = atlas.findings[mark.finding]
        for effect in finding.effects:
            reason = _effect_reason(m, effect, mark, finding.name)
            if reason is None:
                continue
            table = root_reasons if effect.target in atlas.roots else cond_reasons
            table.setdefault(effect.target, []).append(reason)
    roots = _rank(root_reasons, atlas, "roots", m)
    conditions = _rank(cond_reasons, atlas, "conditions", m)
    flags = _red_flags(atlas, marks)
    finding_marks = [mk for mk, auto in marks if not auto]
    location_only = bool(pattern.places) and not finding_marks
    cited: dict[str, None] = dict.fromkeys(m.sources)
    for ranked in (*roots, *conditions):
        for reason in ranked.reasons:
            cited.update(dict.fromkeys(reason.sources))
    warning_signs = red_flags(atlas, [f.id for f in flags])
    for flag in warning_signs:
        cited.update(dict.fromkeys(flag.sources))
    return Exploration(
        places=tuple(MarkedPlace(ref(atlas, p.kind, p.region), p.side) for p in pattern.places),
        findings=tuple(
            MarkedFinding(
                ref(atlas, "findings", mk.finding),
                atlas.findings[mk.finding].group,
                mk.present,
                mk.side,
                auto,
            )
            for mk, auto in marks
        ),
        roots=roots,
        conditions=conditions,
        red_flags=flags,
        certainty=certainty(atlas, pattern, roots, conditions, location_only),
        location_only=location_only,
        method=tuple(m.explanation),
        warning_signs=warning_signs,
        references=references(atlas, cited),
    )


def _red_flags(atlas: Atlas, marks: Iterable[tuple[Mark, bool]]) -> tuple[FlagHit, ...]:
    hits: dict[str, list[str]] = {}
    for mark, _auto in marks:
        finding = atlas.findings[mark.finding]
        if mark.present and finding.red_flag:
            hits.setdefault(finding.red_flag, []).append(finding.name)
    out = []
    for fid, whys in hits.items():
        flag = atlas.red_flags[fid]
        out.append(
            FlagHit(
                fid,
                flag.name,
                "Marked: " + "; ".join(whys).lower() + ".",
                flag.action,
                tuple(flag.signs),
                tuple(flag.sources),
            )
        )
    return tuple(out)


def _names(items: Iterable[Ranked]) -> str:
    names = [r.ref.name for r in items]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def certainty(
    atlas: Atlas,
    pattern: Pattern,
    roots: tuple[Ranked, ...],
    conditions: tuple[Ranked, ...],
    location_only: bool,
) -> str:
    """One plain sentence on how sure the ranking is."""
    if pattern.empty:
        return "Nothing is marked yet: mark where it hurts and add what was found."
    if not roots and not conditions:
        return "Nothing in the atlas fits these marks; that does not rule anything out."
    lead_roots = [roots[0], *(r for r in roots[1:] if r.close)] if roots else []
    if location_only:
        close = f" ({_names(lead_roots[:3])} are level here)" if len(lead_roots) > 1 else ""
        return (
            "Location alone cannot separate one root from another, for example L5 from S1: "
            "clinicians told L5 from S1 pain drawings apart no better than chance, so this "
            f"ranking is only a starting point{close}; add examination findings (strength, "
            "reflexes, feeling at the key points) to separate them."
        )
    parts = []
    if len(lead_roots) > 1:
        parts.append(f"{_names(lead_roots[:3])} fit about equally well")
    elif lead_roots:
        nxt = roots[1] if len(roots) > 1 else None
        gap = f", about {math.exp(lead_roots[0].score - nxt.score):.1f} times ahead of {nxt.ref.name}" if nxt else ""
        parts.append(f"{lead_roots[0].ref.name} fits best{gap}")
    lead_conds = [conditions[0], *(c for c in conditions[1:] if c.close)] if conditions else []
    if len(lead_conds) > 1:
        parts.append(f"{_names(lead_conds[:3])} are too close to call")
    elif lead_conds:
        parts.append(f"{lead_conds[0].ref.name} leads the conditions")
    return (
        "; ".join(parts)
        + ". This is a rough estimate from a few findings that are not independent, not a diagnosis."
    )


class PatternError(ValueError):
    """A pattern names a region, finding or side the atlas does not know."""


def validate_pattern(atlas: Atlas, pattern: Pattern) -> None:
    for place in pattern.places:
        if place.region not in (atlas.places if place.kind == "places" else atlas.regions):
            raise PatternError(f"unknown place {place.region!r}")
        if place.side not in (None, "left", "right", "both"):
            raise PatternError(f"unknown side {place.side!r} for {place.region!r}")
    for mark in pattern.marks:
        if mark.finding not in atlas.findings:
            raise PatternError(f"unknown finding {mark.finding!r}")
        if mark.side not in (None, "left", "right", "both"):
            raise PatternError(f"unknown side {mark.side!r} for {mark.finding!r}")
