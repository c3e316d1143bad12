"""What the atlas says about one record, as a typed ``Explanation``.

``sciatica-atlas explain`` prints it as text or JSON and the side panel renders it as HTML; all
three read the same object, so they can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields, is_dataclass, replace
from typing import TYPE_CHECKING, Any

from viewer.content.atlas import SELECTABLE, Atlas
from viewer.content.welcome_answers import Overview, RedFlagInfo, Ref, Reference
from viewer.drawing.shapes import View

if TYPE_CHECKING:
    # the other answer types are imported where they are made: the welcome page, made in the
    # window's first frame, needs only the few in welcome_answers (see there)
    from viewer.content.answers import (
        AdviceInfo,
        ConditionBrief,
        DisputeInfo,
        ExerciseInfo,
        Explanation,
    )

    # the schema types; at run time records are plain (viewer.content.records)
    from viewer.content.schema import Effect, RankingMethod


def ref(atlas: Atlas, kind: str, rid: str) -> Ref:
    return Ref(kind, rid, atlas.record(kind, rid).name)


def refs(atlas: Atlas, kind: str, ids: Iterable[str]) -> tuple[Ref, ...]:
    return tuple(ref(atlas, kind, rid) for rid in ids)


def target_ref(atlas: Atlas, rid: str) -> Ref:
    """A reference to a root or a condition, the two things findings speak about."""
    kind = "roots" if rid in atlas.roots else "conditions"
    return ref(atlas, kind, rid)


def condition_brief(atlas: Atlas, cid: str) -> ConditionBrief:
    from viewer.content.answers import ConditionBrief

    cond = atlas.conditions[cid]
    return ConditionBrief(
        ref(atlas, "conditions", cid),
        cond.kind,
        cond.summary,
        refs(atlas, "roots", cond.roots),
        tuple(cond.sources),
    )


def exercise_info(atlas: Atlas, eid: str) -> ExerciseInfo:
    from viewer.content.answers import Evidence, ExerciseInfo, StepInfo

    ex = atlas.exercises[eid]
    return ExerciseInfo(
        ref(atlas, "exercises", eid),
        ex.purpose,
        tuple(ex.steps),
        ex.dose,
        tuple(ex.cautions),
        Evidence(ex.evidence.strength, ex.evidence.summary, tuple(ex.evidence.sources)),
        refs(atlas, "conditions", atlas.conditions_for_exercise(eid)),
        tuple(ex.sources),
        plain_name=ex.plain_name or "",
        plain_summary=ex.plain_summary or "",
        plain_steps=tuple(StepInfo(s.text, s.drawing) for s in ex.plain_steps),
        plain_dose=ex.plain_dose or "",
        stop_if=tuple(ex.stop_if),
    )


def _advice(atlas: Atlas) -> tuple[AdviceInfo, ...]:
    from viewer.content.answers import AdviceInfo

    return tuple(
        AdviceInfo(a.title, tuple(a.points), tuple(a.sources)) for a in atlas.advice.values()
    )


def red_flag_info(atlas: Atlas, fid: str) -> RedFlagInfo:
    f = atlas.red_flags[fid]
    return RedFlagInfo(f.id, f.name, tuple(f.signs), f.action, tuple(f.sources))


def red_flags(atlas: Atlas, first: Iterable[str] = ()) -> tuple[RedFlagInfo, ...]:
    """Every red flag, those named in ``first`` leading; shown wherever conditions are listed."""
    order = list(dict.fromkeys([*first, *atlas.red_flags]))
    return tuple(red_flag_info(atlas, fid) for fid in order)


def _disputes(atlas: Atlas, *about: str) -> tuple[DisputeInfo, ...]:
    from viewer.content.answers import DisputeInfo, Position

    out = []
    for did in atlas.disputes_about(*about):
        d = atlas.disputes[did]
        positions = tuple(Position(p.view, tuple(p.sources)) for p in d.positions)
        out.append(DisputeInfo(did, d.topic, positions))
    return tuple(out)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_LEAVES = (str, int, float, bool, type(None))


def _collect_sources(value: Any, found: dict[str, None]) -> None:
    """Every source id cited anywhere in an answer (a ``sources`` field at any depth), in the
    order they appear, read off the answer's own objects (converting the answer to a dict
    first copied every nested field and took a third of a page's making)."""
    kind = type(value)
    if kind in _LEAVES:
        return
    names = _FIELD_NAMES.get(kind)
    if names is None and is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(value))
    if names is not None:
        for name in names:
            inner = getattr(value, name)
            if name == "sources" and isinstance(inner, list | tuple):
                found.update(dict.fromkeys(inner))
            else:
                _collect_sources(inner, found)
    elif isinstance(value, dict):
        for key, inner in value.items():
            if key == "sources" and isinstance(inner, list | tuple):
                found.update(dict.fromkeys(inner))
            else:
                _collect_sources(inner, found)
    elif isinstance(value, list | tuple):
        for inner in value:
            _collect_sources(inner, found)


def with_references(atlas: Atlas, answer: Explanation) -> Explanation:
    """Fill in every cited source id (own and nested) and their full citations, once each."""
    found: dict[str, None] = dict.fromkeys(answer.sources)
    _collect_sources(answer, found)
    return replace(answer, sources=tuple(found), references=references(atlas, found))


def references(atlas: Atlas, ids: Iterable[str]) -> tuple[Reference, ...]:
    return tuple(
        Reference(sid, atlas.sources[sid].citation, atlas.sources[sid].kind, atlas.sources[sid].url)
        for sid in ids
    )


def _exercises_for(atlas: Atlas, condition_ids: list[str]) -> list[str]:
    return list(dict.fromkeys(e for cid in condition_ids for e in atlas.conditions[cid].exercises))


def explain_region(atlas: Atlas, rid: str) -> Explanation:
    from viewer.content.answers import Explanation, Link

    region = atlas.regions[rid]
    conditions = atlas.conditions_for_region(rid)
    exercises = _exercises_for(atlas, conditions)
    root_links = tuple(
        Link(ref(atlas, "roots", link.root), link.why, tuple(link.sources)) for link in region.roots
    )
    nerve_links = tuple(
        Link(
            ref(atlas, "nerves", link.nerve),
            link.why,
            tuple(link.sources),
            refs(atlas, "nerves", reversed(atlas.nerve_path(link.nerve))),
        )
        for link in region.nerves
    )
    return Explanation(
        "region",
        rid,
        region.name,
        summary=region.description,
        root_links=root_links,
        nerve_links=nerve_links,
        conditions=tuple(condition_brief(atlas, cid) for cid in conditions),
        exercises=tuple(exercise_info(atlas, eid) for eid in exercises),
        advice=(),  # the exercise pages carry the general advice
        red_flags=red_flags(atlas) if conditions else (),
        disputes=_disputes(atlas, rid, *atlas.roots_for_region(rid)),
        sources=tuple(region.sources),
    )


def _percent(share: float) -> str:
    return f"{round(share * 100)} %"


def explain_place(atlas: Atlas, pid: str) -> Explanation:
    """A fine place: its region (linked, with the region's conditions one click away) and the
    roots and nerves measured on the drawing, per dermatome map, with the share each covers."""
    from viewer.content.answers import Explanation, Fact, Link

    place = atlas.places[pid]
    region = atlas.regions[place.region]
    conditions = atlas.conditions_for_region(place.region)
    default_map = next(iter(atlas.maps), None)
    facts = [Fact("Part of", refs=(ref(atlas, "regions", place.region),))]
    sources: dict[str, None] = dict.fromkeys(place.sources)
    root_links: list[Link] = []
    cover = atlas.place_cover(pid)
    if cover is None or not cover.samples:
        facts.append(Fact("Roots and nerves", "Not measured: the drawing is not loaded."))
    else:
        for map_id, record in atlas.maps.items():
            found = atlas.place_roots(pid, map_id)
            # each root named with the share of this place its dermatome covers
            shares = tuple(
                replace(ref(atlas, "roots", root), name=f"{root} ({_percent(share)})")
                for root, share in found
            )
            named = min(1.0, sum(share for _, share in found))
            if not found:
                text = "This map names no root for this skin (no dermatome covers a tenth of it)."
            elif named < 0.5:
                # Lee's map leaves skin blank where people vary too much; say so, or the low
                # shares read as a weak answer rather than an honest gap
                text = f"About {_percent(1 - named)} of it has no root in this map; the rest:"
            else:
                text = ""
            facts.append(Fact(f"Dermatome, {record.name}", text, shares))
            sources.update(dict.fromkeys(record.sources))
            if map_id == default_map:
                root_links = [
                    Link(
                        ref(atlas, "roots", root),
                        f"Its dermatome covers {_percent(share)} of this place in {record.name} "
                        "(measured on the drawing).",
                        tuple(record.sources),
                    )
                    for root, share in found
                ]
    nerve_links = tuple(
        Link(
            ref(atlas, "nerves", nerve),
            f"Its skin territory covers {_percent(share)} of this place (measured on the drawing).",
            tuple(atlas.nerves[nerve].sources),
            refs(atlas, "nerves", reversed(atlas.nerve_path(nerve))),
        )
        for nerve, share in atlas.place_nerves(pid)
    )
    if conditions:
        facts.append(Fact("Conditions that can cause pain here", refs=refs(atlas, "conditions", conditions)))
    others = [p for p in atlas.places_in_region(place.region) if p != pid]
    if others:
        facts.append(Fact("Other places of this region", refs=refs(atlas, "places", others)))
    return Explanation(
        "place",
        pid,
        place.name,
        summary=f"One part of {region.name.lower()}: {region.description}",
        facts=tuple(facts),
        root_links=tuple(root_links),
        nerve_links=nerve_links,
        red_flags=red_flags(atlas) if conditions else (),
        disputes=_disputes(atlas, place.region, *(r.target.id for r in root_links)),
        sources=tuple(sources),
    )


def explain_root(atlas: Atlas, rid: str) -> Explanation:
    from viewer.content.answers import Explanation, Fact

    root = atlas.roots[rid]
    conditions = atlas.conditions_for_root(rid)
    facts = (
        Fact("Skin area (dermatome)", root.dermatome),
        Fact("Key sensory point", root.key_sensory_point),
        Fact("Key muscle", root.key_muscle),
        Fact("Bedside test", root.bedside_test),
        Fact("Reflex", root.reflex),
        Fact("Typical pain when compressed", root.pain_pattern),
        Fact("Feeds the nerves", refs=refs(atlas, "nerves", atlas.nerves_for_root(rid))),
        Fact("Regions", refs=refs(atlas, "regions", atlas.regions_for_root(rid))),
    )
    return Explanation(
        "root",
        rid,
        root.name,
        facts=facts,
        features=tuple(m.text for m in root.myotomes),
        conditions=tuple(condition_brief(atlas, cid) for cid in conditions),
        red_flags=red_flags(atlas) if conditions else (),
        disputes=_disputes(atlas, rid),
        sources=tuple(dict.fromkeys([*root.sources, *(s for m in root.myotomes for s in m.sources)])),
    )


def explain_nerve(atlas: Atlas, nid: str) -> Explanation:
    from viewer.content.answers import Explanation, Fact

    nerve = atlas.nerves[nid]
    facts = (
        Fact("Roots", refs=refs(atlas, "roots", nerve.roots)),
        Fact("Route", refs=refs(atlas, "nerves", reversed(atlas.nerve_path(nid)))),
        Fact("Course", nerve.course),
        Fact("Supplies", nerve.supplies),
        Fact("Branches", refs=refs(atlas, "nerves", atlas.nerve_descendants(nid))),
        Fact("Skin regions", refs=refs(atlas, "regions", atlas.regions_for_nerve(nid))),
    )
    return Explanation(
        "nerve",
        nid,
        nerve.name,
        facts=facts,
        disputes=_disputes(atlas, nid),
        sources=tuple(nerve.sources),
    )


def explain_condition(atlas: Atlas, cid: str) -> Explanation:
    from viewer.content.answers import Explanation, Fact, SourcedNote, TreatmentInfo

    cond = atlas.conditions[cid]
    facts = (
        Fact("Roots", refs=refs(atlas, "roots", cond.roots)),
        Fact("Nerves", refs=refs(atlas, "nerves", cond.nerves)),
        Fact("Where it can hurt", refs=refs(atlas, "regions", cond.regions)),
        Fact("Worse with", "; ".join(cond.worse)),
        Fact("Better with", "; ".join(cond.better)),
    )
    return Explanation(
        "condition",
        cid,
        cond.name,
        summary=cond.summary,
        condition_kind=cond.kind,
        mechanism=cond.mechanism,
        facts=facts,
        features=tuple(cond.features),
        claims=tuple(SourcedNote(c.text, tuple(c.sources)) for c in cond.claims),
        natural_history=tuple(SourcedNote(n.text, tuple(n.sources)) for n in cond.natural_history),
        treatment=tuple(
            TreatmentInfo(t.step, t.what, t.when, tuple(t.sources)) for t in cond.treatment
        ),
        exercises=tuple(exercise_info(atlas, eid) for eid in cond.exercises),
        advice=_advice(atlas),
        red_flags=red_flags(atlas, cond.red_flags),
        disputes=_disputes(atlas, cid),
        sources=tuple(cond.sources),
    )


def explain_exercise(atlas: Atlas, eid: str) -> Explanation:
    from viewer.content.answers import Explanation

    info = exercise_info(atlas, eid)
    return Explanation(
        "exercise",
        eid,
        info.ref.name,
        summary=info.purpose,
        exercises=(info,),
        advice=_advice(atlas),
        red_flags=red_flags(atlas),
        disputes=_disputes(atlas, eid),
        sources=info.sources,
    )


def method(atlas: Atlas) -> RankingMethod:
    """The ranking method record (there is one; ``check`` makes sure)."""
    return next(iter(atlas.ranking_methods.values()))


def likelihood_ratios(effect: Effect) -> tuple[float | None, float | None]:
    """The measured LR for the finding present and absent, where the literature gives one."""
    if effect.sensitivity is not None and effect.specificity is not None:
        sens, spec = effect.sensitivity, effect.specificity
        return sens / (1 - spec), (1 - sens) / spec
    return effect.lr_present, effect.lr_absent


def describe_measure(atlas: Atlas, effect: Effect) -> str:
    present, absent = likelihood_ratios(effect)
    if present is not None:
        parts = []
        if effect.sensitivity is not None:
            parts.append(f"sensitivity {effect.sensitivity:.2f}, specificity {effect.specificity:.2f}")
        parts.append(f"LR+ {present:.2g}")
        if absent is not None:
            parts.append(f"LR− {absent:.2g}")
        return "; ".join(parts) + " (measured)"
    factor = getattr(method(atlas), effect.strength or "weak")
    sign = "×" if effect.supports else "÷"
    return f"{effect.strength}, {sign}{factor:g} (atlas scale, not measured)"


def explain_finding(atlas: Atlas, fid: str) -> Explanation:
    from viewer.content.answers import EffectInfo, Explanation, Fact

    finding = atlas.findings[fid]
    effects = tuple(
        EffectInfo(
            target_ref(atlas, e.target),
            e.supports,
            describe_measure(atlas, e),
            e.why,
            tuple(e.sources),
        )
        for e in finding.effects
    )
    facts = [Fact("Kind", FINDING_GROUP_LABEL[finding.group])]
    if finding.red_flag:
        facts.append(Fact("Red flag", atlas.red_flags[finding.red_flag].name))
    return Explanation(
        "finding",
        fid,
        finding.name,
        summary=finding.description,
        facts=tuple(facts),
        effects=effects,
        red_flags=red_flags(atlas, [finding.red_flag] if finding.red_flag else []),
        disputes=_disputes(atlas, fid),
        sources=tuple(finding.sources),
    )


FINDING_GROUP_LABEL = {
    "quality": "How it feels",
    "worse": "What makes it worse",
    "better": "What eases it",
    "exam": "Examination finding",
    "history": "Background",
    "pattern": "Worked out from the marked places",
}

_EXPLAINERS: dict[str, Callable[[Atlas, str], Explanation]] = {
    "regions": explain_region,
    "places": explain_place,
    "roots": explain_root,
    "nerves": explain_nerve,
    "conditions": explain_condition,
    "exercises": explain_exercise,
    "findings": explain_finding,
}
assert set(_EXPLAINERS) == set(SELECTABLE)


def explain(atlas: Atlas, kind: str, rid: str, views: list[View] | None = None) -> Explanation:
    """What the atlas says about one record. Given the drawn views, a root's answer also names,
    per dermatome map, the places its dermatome covers."""
    if views is not None:
        atlas.attach_views(views)
    answer = _EXPLAINERS[kind](atlas, rid)
    if views is not None and kind == "roots":
        answer = with_dermatome_maps(atlas, answer, views)
    return with_references(atlas, answer)


def with_dermatome_maps(atlas: Atlas, answer: Explanation, views: list[View]) -> Explanation:
    """Add, per map, the places the root's dermatome covers (from the geometry), as a facts row
    each and in ``dermatome_maps``; the maps' sources join the answer's."""
    from viewer.content.answers import Fact, MapPlaces
    from viewer.drawing.coverage import dermatome_places

    per_map: list[MapPlaces] = []
    facts: list[Fact] = []
    for map_id, record in atlas.maps.items():
        ref = Ref("maps", map_id, record.name)
        if answer.id in record.not_drawn:
            per_map.append(MapPlaces(ref, drawn=False, sources=tuple(record.sources)))
            facts.append(Fact(f"Dermatome, {record.name}", "This map does not draw this root."))
            continue
        found = dermatome_places(views, answer.id, map_id)
        places = refs(atlas, "regions", [rid for rid, _ in found if rid in atlas.regions])
        shares = tuple(share for rid, share in found if rid in atlas.regions)
        per_map.append(MapPlaces(ref, places, shares, True, tuple(record.sources)))
        facts.append(Fact(f"Dermatome, {record.name}", refs=places))
    sources = dict.fromkeys([*answer.sources, *(s for m in per_map for s in m.sources)])
    return replace(
        answer,
        facts=(*answer.facts, *facts),
        dermatome_maps=tuple(per_map),
        sources=tuple(sources),
    )


def overview(atlas: Atlas) -> Overview:
    flags = red_flags(atlas)
    cited = dict.fromkeys(s for f in flags for s in f.sources)
    return Overview(
        refs(atlas, "regions", atlas.regions),
        refs(atlas, "roots", atlas.roots),
        refs(atlas, "conditions", atlas.conditions),
        flags,
        references(atlas, cited),
    )
