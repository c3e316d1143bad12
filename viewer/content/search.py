"""Search that forgives: typos, lay words and symptoms lead to the records they mean.

``search(atlas, "foot drop")`` returns ranked ``Match`` objects for the window's search box (as
you type, and for its "no match — did you mean …" message). The vocabulary is the content's own:
every id, name and alias of the selectable records (``Atlas._terms``), so an instructor adds a lay
word by adding an alias in the YAML, never in Python. A symptom or finding that matches also
brings in the roots and conditions it points to (its ``effects``), strongest first: "foot drop"
finds the weak-dorsiflexion finding, then L5 and common fibular palsy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from viewer.content.atlas import SELECTABLE, Atlas
from viewer.content.fuzzy import closeness

Why = Literal["name", "lay word", "spelling", "symptom"]

#: Below this score a term is not offered at all.
MIN_SCORE = 60.0
#: A record reached through a symptom scores this fraction of the symptom's own score.
_SYMPTOM_SHARE = 0.9
_STRENGTH = {"strong": 3.0, "moderate": 2.0, "weak": 1.5}


@dataclass(frozen=True)
class Match:
    """One search result. ``kind`` is the plural kind ``Atlas.resolve`` returns ("regions")."""

    kind: str
    id: str
    name: str
    term: str  # the id, name, alias or symptom that matched
    score: float  # 0 to 100
    why: Why

    @property
    def key(self) -> str:
        """The ``kind:id`` form that ``Atlas.resolve`` accepts."""
        return f"{SELECTABLE[self.kind]}:{self.id}"


def _effect_weight(effect: object) -> float:
    lr = getattr(effect, "lr_present", None)
    sens, spec = getattr(effect, "sensitivity", None), getattr(effect, "specificity", None)
    if lr is None and sens is not None and spec is not None:
        lr = sens / (1 - spec)
    if lr is not None:
        return float(lr)
    return _STRENGTH.get(getattr(effect, "strength", None) or "", 1.0)


def search(atlas: Atlas, text: str, limit: int = 8) -> list[Match]:
    """The records ``text`` most likely means, best first; empty when nothing is close."""
    if not text.strip():
        return []
    best: dict[tuple[str, str], Match] = {}

    def offer(match: Match) -> None:
        key = (match.kind, match.id)
        held = best.get(key)
        if held is None or match.score > held.score:
            best[key] = match

    for term, kind, rid in atlas._terms():
        record = atlas.record(kind, rid)
        near = closeness(text, term)
        if near.score < MIN_SCORE:
            continue
        is_alias = term != rid and term != record.name
        why: Why = "spelling" if near.spelling else ("lay word" if is_alias else "name")
        offer(Match(kind, rid, record.name, term, round(near.score, 1), why))

    for match in [m for m in best.values() if m.kind == "findings"]:
        effects = [
            eff
            for eff in atlas.findings[match.id].effects
            if eff.supports and (eff.target in atlas.roots or eff.target in atlas.conditions)
        ]
        effects.sort(key=_effect_weight, reverse=True)
        for rank, eff in enumerate(effects):
            kind = "roots" if eff.target in atlas.roots else "conditions"
            score = match.score * _SYMPTOM_SHARE - rank  # strongest link first
            if score < MIN_SCORE:
                continue
            name = atlas.record(kind, eff.target).name
            offer(Match(kind, eff.target, name, match.name, round(score, 1), "symptom"))

    order = list(SELECTABLE)
    ranked = sorted(best.values(), key=lambda m: (-m.score, order.index(m.kind), m.name))
    return ranked[:limit]


def did_you_mean(atlas: Atlas, text: str, limit: int = 3) -> list[str]:
    """Names to offer under "no match — did you mean …": the best few, each named once."""
    return [m.name for m in search(atlas, text, limit)]
