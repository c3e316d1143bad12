"""What the side panel says about one record, as plain data.

``sciatica-atlas explain`` prints this as JSON and the panel renders it as HTML, so the two can
never disagree.
"""

from __future__ import annotations

from typing import Any

from viewer.content.atlas import Atlas


def _cond_summary(atlas: Atlas, cid: str) -> dict[str, Any]:
    cond = atlas.conditions[cid]
    return {
        "id": cid,
        "name": cond.name,
        "kind": cond.kind,
        "mechanism": cond.mechanism,
        "summary": cond.summary,
        "roots": list(cond.roots),
        "sources": list(cond.sources),
    }


def _exercise(atlas: Atlas, eid: str) -> dict[str, Any]:
    ex = atlas.exercises[eid]
    return {
        "id": eid,
        "name": ex.name,
        "purpose": ex.purpose,
        "steps": list(ex.steps),
        "dose": ex.dose,
        "cautions": list(ex.cautions),
        "evidence": ex.evidence.model_dump(),
        "conditions": atlas.conditions_for_exercise(eid),
        "sources": list(ex.sources),
    }


def _dispute(atlas: Atlas, did: str) -> dict[str, Any]:
    d = atlas.disputes[did]
    return {"id": did, "topic": d.topic, "positions": [p.model_dump() for p in d.positions]}


def red_flags(atlas: Atlas) -> list[dict[str, Any]]:
    """Every red flag as panel data; the welcome page shows the same list."""
    return [
        {
            "id": f.id,
            "name": f.name,
            "signs": list(f.signs),
            "action": f.action,
            "sources": list(f.sources),
        }
        for f in atlas.red_flags.values()
    ]


def _collect_sources(value: Any, found: dict[str, None]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "sources" and isinstance(inner, list):
                found.update(dict.fromkeys(inner))
            else:
                _collect_sources(inner, found)
    elif isinstance(value, list):
        for inner in value:
            _collect_sources(inner, found)


def _with_sources(atlas: Atlas, data: dict[str, Any]) -> dict[str, Any]:
    """Add every cited source id (own and nested) and their full citations."""
    found: dict[str, None] = dict.fromkeys(data.pop("sources", []))
    _collect_sources(data, found)
    data["sources"] = list(found)
    data["references"] = [
        {
            "id": sid,
            "citation": atlas.sources[sid].citation,
            "kind": atlas.sources[sid].kind,
            "url": atlas.sources[sid].url,
        }
        for sid in found
    ]
    return data


def _exercises_for(atlas: Atlas, condition_ids: list[str]) -> list[str]:
    return list(dict.fromkeys(e for cid in condition_ids for e in atlas.conditions[cid].exercises))


def explain_region(atlas: Atlas, rid: str) -> dict[str, Any]:
    region = atlas.regions[rid]
    conditions = atlas.conditions_for_region(rid)
    exercises = _exercises_for(atlas, conditions)
    return {
        "type": "region",
        "id": rid,
        "name": region.name,
        "description": region.description,
        "roots": atlas.roots_for_region(rid),
        "root_links": [link.model_dump() for link in region.roots],
        "nerves": atlas.nerves_for_region(rid),
        "nerve_links": [
            {**link.model_dump(), "path": atlas.nerve_path(link.nerve)} for link in region.nerves
        ],
        "conditions": [_cond_summary(atlas, cid) for cid in conditions],
        "exercises": [_exercise(atlas, eid) for eid in exercises],
        "advice": [a.model_dump() for a in atlas.advice.values()] if exercises else [],
        "red_flags": red_flags(atlas) if conditions else [],
        "disputes": [
            _dispute(atlas, d) for d in atlas.disputes_about(rid, *atlas.roots_for_region(rid))
        ],
        "sources": list(region.sources),
    }


def explain_root(atlas: Atlas, rid: str) -> dict[str, Any]:
    root = atlas.roots[rid]
    conditions = atlas.conditions_for_root(rid)
    return {
        "type": "root",
        "id": rid,
        "name": root.name,
        "dermatome": root.dermatome,
        "key_sensory_point": root.key_sensory_point,
        "key_muscle": root.key_muscle,
        "bedside_test": root.bedside_test,
        "reflex": root.reflex,
        "pain_pattern": root.pain_pattern,
        "regions": atlas.regions_for_root(rid),
        "nerves": atlas.nerves_for_root(rid),
        "conditions": [_cond_summary(atlas, cid) for cid in conditions],
        "red_flags": red_flags(atlas) if conditions else [],
        "disputes": [_dispute(atlas, d) for d in atlas.disputes_about(rid)],
        "sources": list(root.sources),
    }


def explain_nerve(atlas: Atlas, nid: str) -> dict[str, Any]:
    nerve = atlas.nerves[nid]
    return {
        "type": "nerve",
        "id": nid,
        "name": nerve.name,
        "roots": list(nerve.roots),
        "branch_of": nerve.branch_of,
        "path": atlas.nerve_path(nid),
        "branches": atlas.nerve_descendants(nid),
        "course": nerve.course,
        "supplies": nerve.supplies,
        "regions": atlas.regions_for_nerve(nid),
        "disputes": [_dispute(atlas, d) for d in atlas.disputes_about(nid)],
        "sources": list(nerve.sources),
    }


def explain_condition(atlas: Atlas, cid: str) -> dict[str, Any]:
    cond = atlas.conditions[cid]
    return {
        "type": "condition",
        "id": cid,
        "name": cond.name,
        "kind": cond.kind,
        "mechanism": cond.mechanism,
        "summary": cond.summary,
        "roots": list(cond.roots),
        "nerves": list(cond.nerves),
        "regions": list(cond.regions),
        "worse": list(cond.worse),
        "better": list(cond.better),
        "features": list(cond.features),
        "claims": [c.model_dump() for c in cond.claims],
        "exercises": [_exercise(atlas, eid) for eid in cond.exercises],
        "advice": [a.model_dump() for a in atlas.advice.values()],
        "red_flags": red_flags(atlas),
        "disputes": [_dispute(atlas, d) for d in atlas.disputes_about(cid)],
        "sources": list(cond.sources),
    }


def explain_exercise(atlas: Atlas, eid: str) -> dict[str, Any]:
    data = _exercise(atlas, eid)
    data["type"] = "exercise"
    data["advice"] = [a.model_dump() for a in atlas.advice.values()]
    data["red_flags"] = red_flags(atlas)
    data["disputes"] = [_dispute(atlas, d) for d in atlas.disputes_about(eid)]
    return data


_EXPLAINERS = {
    "regions": explain_region,
    "roots": explain_root,
    "nerves": explain_nerve,
    "conditions": explain_condition,
    "exercises": explain_exercise,
}


def explain(atlas: Atlas, kind: str, rid: str) -> dict[str, Any]:
    data = _EXPLAINERS[kind](atlas, rid)
    return _with_sources(atlas, data)
