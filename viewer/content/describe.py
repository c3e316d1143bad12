"""Read a plain-language description of pain into a Pattern, and say what was and was not used.

"pain from my left buttock down the back of the thigh to the little toe, worse sitting, ankle
jerk absent, no weakness" becomes the places buttock, back of the thigh and little toe (left)
and the marks worse-sitting present, reduced-ankle-jerk present, weakness absent.

The vocabulary (places and findings) comes from the content through ``phrase_index``; only a few
generic words live here: sides, negations and the words that say whether a function is lost or
normal. The reader works in five steps:

1. Split the text into words, remembering pauses (commas, semicolons) and full stops.
2. Find the atlas's phrases, longest first, so "back of the thigh" wins over "thigh" and
   "crossed straight leg raise" over "straight leg raise". Misspellings are corrected
   conservatively (see ``PhraseIndex.spell``).
3. Cut the text into clauses at pauses, at "but" and its kin, and at an "and" that starts a new
   finding: a negation never reaches past its clause ("no numbness, worse sitting").
4. Give places their side: a side word holds for every later place until another side word.
5. Decide each finding from the words next to it. For a finding that names a loss ("reduced
   ankle jerk"), its function words ("ankle jerk") with "absent" or "reduced" mean present and
   with "normal" or "brisk" mean absent.

Anything not used is listed in ``not_understood``; the reader never raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from viewer.content.pattern import Pattern, Place, Side
from viewer.content.phrase_index import ARTICLES, WORD, PhraseIndex, Target, phrase_index, plain

if TYPE_CHECKING:
    from viewer.content.atlas import Atlas
    from viewer.content.schema import Finding

SIDE_WORDS: dict[str, Side] = {
    "left": "left",
    "right": "right",
    "both": "both",
    "bilateral": "both",
    "bilaterally": "both",
}
#: Negations that reach forward over the rest of the clause ("no numbness or tingling").
FORWARD_NEGATIONS = frozenset({"no", "without", "denies", "denied", "never", "neither", "nor"})
#: "not" turns round the one finding nearest to it ("not numb", "ankle jerk not reduced").
NOT = "not"
#: Results that mean a finding was looked for and not found.
NEGATIVE = frozenset({"negative", "-ve", "normal", "intact", "none", "absent", "painless"})
#: Said of a function (a reflex, a movement, a pulse): it is lost ...
LOSS = frozenset({"absent", "reduced", "diminished", "lost", "weak", "depressed", "sluggish"})
#: ... or it is normal.
NORMAL = frozenset({"normal", "intact", "brisk", "preserved", "present", "symmetrical", "2+"})
#: Said of a test or movement: it brought on the pain.
ABNORMAL = frozenset(
    {"positive", "+ve", "present", "painful", "pain", "abnormal", "limited", "restricted"}
)
#: Said of a symptom or named sign: it is there.
CONFIRM = frozenset({"positive", "+ve", "present"})
STATE_WORDS = NEGATIVE | LOSS | NORMAL | ABNORMAL
#: Cue phrases spelled out in full, each read as the single state word it stands for.
CUE_PHRASES: dict[tuple[str, ...], str] = {("full", "and", "painless"): "painless"}
#: Words that start a new clause.
CLAUSE_BREAKS = frozenset({"but", "however", "although", "though", "whereas", "except"})
#: Words that carry no content of their own, so are not reported as not understood.
FILLER = (
    ARTICLES
    | FORWARD_NEGATIONS
    | CLAUSE_BREAKS
    | {NOT}
    | frozenset(
        """
    and or also i im me we it is are was were be been being am has have had do does did
    this that these those there here which who what when where while then than so as
    from to down up into onto in on at of for with by over under through along around
    across towards toward past via out off about behind
    he she they him them his her hers theirs our
    very really quite just still some any all much more most bit lot
    feel feels felt feeling get gets got getting go goes going went
    pain pains painful hurts hurt hurting sore ache aches
    runs running radiates radiating spreads spreading travels travelling traveling shoots
    side sides area part
    """.split()
    )
)
_KNOWN = FILLER | STATE_WORDS | frozenset(SIDE_WORDS) | frozenset(w for k in CUE_PHRASES for w in k)

#: Words (with the clinical shorthand "+ve" and "-ve"), full stops, and pauses: commas,
#: semicolons and dashes. A colon is not a pause: "SLR: negative" is one statement.
_TOKEN = re.compile(
    rf"(?P<word>(?<!\w)[+-]ve\b|{WORD.pattern})|(?P<stop>[.!?\n])|(?P<pause>[,;–—]|\s-\s)"
)


@dataclass(frozen=True)
class Reading:
    """What ``read_description`` made of a text: the pattern, one line per thing it used
    ("left buttock → Buttock (left)"), and the words it could not use."""

    pattern: Pattern = Pattern()
    understood: tuple[str, ...] = ()
    not_understood: tuple[str, ...] = ()


@dataclass
class _Word:
    text: str  # as written
    norm: str  # as compared
    chunk: int  # stretch between pauses
    sentence: int
    spelled: str = ""  # the vocabulary word it was read as
    singular: str = ""  # the same, a plural read as its singular


@dataclass
class _Match:
    start: int  # first word
    end: int  # one past the last word
    size: int  # words compared (articles not counted)
    target: Target | None  # None for a cue phrase
    cue: str | None = None
    corrected: bool = False

    @property
    def indices(self) -> range:
        return range(self.start, self.end)


@dataclass
class _Mention:
    """A finding or place named in the text, with the cue words of its clause it took."""

    match: _Match
    states: list[str] = field(default_factory=list)
    flips: int = 0
    forward_negated: bool = False
    used: set[int] = field(default_factory=set)  # cue words it took


_Item = _Match | int  # a matched phrase, or the index of a word no phrase took


def read_description(atlas: Atlas, text: str) -> Reading:
    """Read ``text`` against the atlas's vocabulary; see the module docstring for how."""
    index = phrase_index(atlas)
    words = _split_words(text, index)
    if not words:
        return Reading()
    matches = _find_phrases(words, index)
    clauses = _clauses(words, matches)
    markers = [(i, SIDE_WORDS[w.norm]) for i, w in enumerate(words) if w.norm in SIDE_WORDS]
    return _Reader(atlas, words, markers).read(clauses)


# -- step 1 and 2: words and phrases ---------------------------------------------------------
def _split_words(text: str, index: PhraseIndex) -> list[_Word]:
    words: list[_Word] = []
    chunk = sentence = 0
    for m in _TOKEN.finditer(text):
        if m.lastgroup == "word":
            word = _Word(m.group(), plain(m.group()), chunk, sentence)
            known = word.norm in _KNOWN or word.norm in index.vocabulary
            word.spelled = word.norm if known else (index.spell(word.norm) or word.norm)
            word.singular = index.singular(word.spelled) or word.spelled
            words.append(word)
        else:
            chunk += 1
            sentence += m.lastgroup == "stop"
    return words


def _find_phrases(words: list[_Word], index: PhraseIndex) -> list[_Match]:
    """Every phrase the atlas knows, longest first; a word belongs to one phrase at most."""
    longest = max(index.longest, *(len(k) for k in CUE_PHRASES))
    compared = [i for i, w in enumerate(words) if w.norm not in ARTICLES]
    candidates: list[_Match] = []
    for a, first in enumerate(compared):
        for b in range(a + 1, min(len(compared), a + longest) + 1):
            span = compared[a:b]
            if words[span[-1]].chunk != words[first].chunk:
                break
            key = tuple(words[i].spelled for i in span)
            target, cue = index.find(key), CUE_PHRASES.get(key)
            if not (target or cue):  # "both buttocks", though "buttocks" is a word it knows
                target = index.find(tuple(words[i].singular for i in span))
            if target or cue:
                corrected = any(_corrected(words[i]) for i in span)
                candidates.append(_Match(first, span[-1] + 1, len(span), target, cue, corrected))
    candidates.sort(key=lambda m: (-m.size, m.corrected, m.start))
    taken: set[int] = set()
    chosen: list[_Match] = []
    for match in candidates:
        if taken.isdisjoint(match.indices):
            taken.update(match.indices)
            chosen.append(match)
    return sorted(chosen, key=lambda m: m.start)


def _corrected(word: _Word) -> bool:
    """Spelling corrected, beyond a plain plural ("buttocks")."""
    return word.spelled != word.norm and not word.norm.startswith(word.spelled)


# -- step 3: clauses -------------------------------------------------------------------------
def _clauses(words: list[_Word], matches: list[_Match]) -> list[list[_Item]]:
    items: list[tuple[int, _Item]] = [(m.start, m) for m in matches]
    inside = {i for m in matches for i in m.indices}
    items += [(i, i) for i, w in enumerate(words) if i not in inside and w.norm not in ARTICLES]
    items.sort(key=lambda pair: pair[0])
    ordered = [item for _, item in items]

    clauses: list[list[_Item]] = []
    current: list[_Item] = []
    chunk = -1
    for k, item in enumerate(ordered):
        start = item.start if isinstance(item, _Match) else item
        breaks = words[start].chunk != chunk
        if isinstance(item, int):
            norm = words[item].norm
            if norm in CLAUSE_BREAKS or (norm == "and" and _finding_follows(words, ordered, k)):
                breaks = True
        if breaks and current:
            clauses.append(current)
            current = []
        chunk = words[start].chunk
        current.append(item)
    if current:
        clauses.append(current)
    return clauses


def _finding_follows(words: list[_Word], items: list[_Item], k: int) -> bool:
    """Whether the next thing after item ``k``, past sides, negations and fillers, is a finding:
    then "and" starts a new clause ("ankle jerk absent and no weakness"), otherwise it joins
    ("no numbness or tingling" keeps its negation over both)."""
    for item in items[k + 1 :]:
        if isinstance(item, _Match):
            return item.target is not None and item.target.kind == "finding"
        if words[item].norm not in _KNOWN:
            return False
    return False


# -- steps 4 and 5: sides and findings -------------------------------------------------------
class _Reader:
    def __init__(self, atlas: Atlas, words: list[_Word], markers: list[tuple[int, Side]]):
        self.atlas = atlas
        self.words = words
        self.markers = markers  # (word index, side) for every side word, in order
        self.used: set[int] = {i for i, _ in markers}
        self.understood: list[tuple[int, str]] = []  # (where it was said, line)

    def read(self, clauses: list[list[_Item]]) -> Reading:
        gathered = [self._gather(clause) for clause in clauses]
        places: list[Place] = []
        for mentions in gathered:
            for r in mentions:
                if r.match.target and r.match.target.kind in ("region", "place"):
                    place = self._place(r)
                    if place and place not in places:
                        places.append(place)
        pattern = Pattern(places=tuple(places))
        one_side = _one_side(places)
        for clause, mentions in zip(clauses, gathered):
            for r in mentions:
                if r.match.target and r.match.target.kind == "finding":
                    pattern = self._mark(pattern, clause, r, one_side)
        lines = (line for _, line in sorted(self.understood, key=lambda pair: pair[0]))
        return Reading(pattern, tuple(dict.fromkeys(lines)), self._left_over())

    def _gather(self, clause: list[_Item]) -> list[_Mention]:
        """Hand each cue word of the clause to the finding or place it belongs to."""
        clause = self._demote_cue_words(clause)
        mentions = {
            pos: _Mention(item)
            for pos, item in enumerate(clause)
            if isinstance(item, _Match) and item.target is not None
        }
        for pos, item in enumerate(clause):
            if isinstance(item, _Match):
                if item.cue:  # "full and painless"
                    self._give_state(clause, mentions, pos, item.cue, set(item.indices))
                continue
            word = self.words[item].spelled
            if word in FORWARD_NEGATIONS:
                after = [r for p, r in mentions.items() if p > pos]
                for r in after or self._nearest(mentions, pos, _is_finding):
                    r.forward_negated = True
                    r.used.add(item)
            elif word == NOT:
                for r in self._nearest(mentions, pos, lambda r: True, prefer_after=True):
                    r.flips += 1
                    r.used.add(item)
            elif word in STATE_WORDS:
                self._give_state(clause, mentions, pos, word, {item})
        return list(mentions.values())

    def _demote_cue_words(self, clause: list[_Item]) -> list[_Item]:
        """Read a one-word finding as the cue it also is when it describes something else in
        the clause: in "dorsiflexion weak", "weak" says how the function is (not that the leg
        feels weak); in "bilateral ankle jerks absent", "bilateral" is the side (not a finding
        of its own)."""
        targets = [i for i in clause if isinstance(i, _Match) and i.target is not None]
        has_function = any(m.target and m.target.function for m in targets)

        def is_cue(item: _Item) -> bool:
            if not isinstance(item, _Match) or item.size != 1 or item.target is None:
                return False
            word = self.words[item.start].spelled
            if item.target.function:
                return False
            return (has_function and word in STATE_WORDS) or (
                word in SIDE_WORDS and len(targets) > 1
            )

        return [
            item.start if isinstance(item, _Match) and is_cue(item) else item for item in clause
        ]

    def _give_state(
        self, clause: list[_Item], mentions: dict[int, _Mention], pos: int, word: str, at: set[int]
    ) -> None:
        def wants(r: _Mention) -> bool:
            return _is_finding(r) and word in self._meaningful(r)

        for r in self._nearest(mentions, pos, wants):
            r.states.append(word)
            r.used |= at

    @staticmethod
    def _nearest(
        mentions: dict[int, _Mention],
        pos: int,
        wants: Callable[[_Mention], bool],
        prefer_after: bool = False,
    ) -> list[_Mention]:
        """The reading closest to position ``pos`` that wants the word (ties go to the one
        before it, as in "ankle jerk absent knee jerk normal"; "not" looks ahead first)."""
        options = [(p, r) for p, r in mentions.items() if wants(r)]
        if prefer_after:
            later = [(p, r) for p, r in options if p > pos]
            options = later or options
        if not options:
            return []
        best = min(options, key=lambda pr: (abs(pr[0] - pos), pr[0] > pos))
        return [best[1]]

    def _meaningful(self, r: _Mention) -> frozenset[str]:
        finding = self._finding(r)
        if r.match.target is not None and r.match.target.function:
            return LOSS | NORMAL if finding.loss else NEGATIVE | ABNORMAL | LOSS
        return NEGATIVE | CONFIRM

    def _finding(self, r: _Mention) -> Finding:
        assert r.match.target is not None
        return self.atlas.findings[r.match.target.id]

    # -- places ----------------------------------------------------------------------------
    def _place(self, r: _Mention) -> Place | None:
        """The place, on its side; None when the clause denies it ("no pain in the calf")."""
        assert r.match.target is not None
        fine = r.match.target.kind == "place"
        region = (self.atlas.places if fine else self.atlas.regions)[r.match.target.id]
        self._use(r)
        if r.forward_negated or r.flips % 2:
            shown = self._text(set(r.match.indices) | r.used)
            self.understood.append((r.match.start, f"{shown} → {region.name}: not marked"))
            return None
        side, marker = self._place_side(r.match)
        shown = self._text(set(r.match.indices) | self._beside(marker, r.match))
        line = f"{shown} → {region.name}{_side_note(side)}{self._spelling(r)}"
        self.understood.append((r.match.start, line))
        return Place(region.id, side, "places" if fine else "regions")

    def _place_side(self, match: _Match) -> tuple[Side | None, int | None]:
        """The last side word before the place; failing that, the first one after it in the
        same sentence ("pain in the buttock on the left")."""
        before = [(i, s) for i, s in self.markers if i < match.end]
        if before:
            return before[-1][1], before[-1][0]
        sentence = self.words[match.start].sentence
        after = [(i, s) for i, s in self.markers if self.words[i].sentence == sentence]
        return (after[0][1], after[0][0]) if after else (None, None)

    # -- findings --------------------------------------------------------------------------
    def _mark(
        self, pattern: Pattern, clause: list[_Item], r: _Mention, one_side: Side | None
    ) -> Pattern:
        finding = self._finding(r)
        present = _verdict(finding, r)
        if present is None:
            return pattern  # "ankle jerk" said with nothing about it: left over
        side: Side | None = None
        marker: int | None = None
        if finding.sided:
            side, marker = self._finding_side(clause, r.match)
            side = side or one_side
        self._use(r)
        shown = self._text(set(r.match.indices) | r.used | self._beside(marker, r.match))
        state = "present" if present else "absent"
        line = f"{shown} → {finding.name}{_side_note(side)}: {state}{self._spelling(r)}"
        self.understood.append((r.match.start, line))
        return pattern.with_mark(finding.id, present, side)

    def _finding_side(self, clause: list[_Item], match: _Match) -> tuple[Side | None, int | None]:
        """A side word in the clause: the nearest one before the finding, else the first after."""
        inside = _clause_indices(clause)
        here = [(i, s) for i, s in self.markers if i in inside]
        before = [(i, s) for i, s in here if i < match.end]
        pick = before[-1] if before else (here[0] if here else None)
        return (pick[1], pick[0]) if pick else (None, None)

    # -- what was said and what was not ----------------------------------------------------
    def _beside(self, marker: int | None, match: _Match) -> set[int]:
        """The side word, if only fillers stand between it and the phrase ("left buttock",
        "buttock on the left"), to show with the phrase."""
        if marker is None:
            return set()
        between = (
            range(marker + 1, match.start) if marker < match.start else range(match.end, marker)
        )
        if all(self.words[i].norm in FILLER for i in between):
            return {marker}
        return set()

    def _use(self, r: _Mention) -> None:
        self.used |= set(r.match.indices) | r.used

    def _text(self, indices: set[int]) -> str:
        """The words at ``indices`` as written, with any fillers between them ("no pain in the
        calf"), but not other content that lies between ("no [numbness or] tingling")."""
        picked = sorted(indices)
        out: list[int] = []
        for i in picked:
            if out:
                gap = range(out[-1] + 1, i)
                if all(self.words[g].norm in FILLER for g in gap):
                    out.extend(gap)
            out.append(i)
        return " ".join(self.words[i].text for i in out)

    def _spelling(self, r: _Mention) -> str:
        fixes = [
            f'"{w.text}" as "{w.spelled}"'
            for w in (self.words[i] for i in r.match.indices)
            if _corrected(w)
        ]
        return f" (read {', '.join(fixes)})" if fixes else ""

    def _left_over(self) -> tuple[str, ...]:
        """Unused content words, runs of neighbouring words joined into one phrase."""
        runs: list[list[int]] = []
        for i, word in enumerate(self.words):
            if i in self.used or word.norm in FILLER or word.spelled in FILLER:
                continue
            if runs and runs[-1][-1] == i - 1 and self.words[i - 1].chunk == word.chunk:
                runs[-1].append(i)
            else:
                runs.append([i])
        return tuple(dict.fromkeys(self._text(set(run)) for run in runs))


def _verdict(finding: Finding, r: _Mention) -> bool | None:
    """Present (True), absent (False), or not said (None), from the words around a finding."""
    states = set(r.states)
    negated = r.forward_negated
    flips = r.flips + negated
    assert r.match.target is not None
    if r.match.target.function:
        if finding.loss:  # "ankle jerk absent", "no ankle jerk", "ankle jerk brisk"
            lost, normal = bool(states & LOSS), bool(states & NORMAL)
            if lost == normal:
                return True if (flips and not states) else None
            present = lost
        else:  # "hip rotation painful", "hip rotation full and painless"
            if states & NEGATIVE:
                present = False
            elif states & (ABNORMAL | LOSS):
                present = True
            else:
                return False if flips else None
        return present if flips % 2 == 0 else not present
    present = not (states & NEGATIVE)  # "numbness", "SLR negative"
    return present if flips % 2 == 0 else not present


def _is_finding(r: _Mention) -> bool:
    return r.match.target is not None and r.match.target.kind == "finding"


def _clause_indices(clause: list[_Item]) -> set[int]:
    out: set[int] = set()
    for item in clause:
        out.update(item.indices if isinstance(item, _Match) else (item,))
    return out


def _one_side(places: list[Place]) -> Side | None:
    """The side of every sided place when they share one leg; a "both" place is not one side."""
    sides = {p.side for p in places if p.side}
    return next(iter(sides)) if len(sides) == 1 and sides != {"both"} else None


def _side_note(side: Side | None) -> str:
    return f" ({side})" if side else ""
