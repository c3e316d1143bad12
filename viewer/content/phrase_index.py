"""The phrases the atlas knows, for reading free text: every region's name and aliases and every
finding's name, aliases and function words, reduced to a tuple of plain lower-case words.

The vocabulary comes from the content alone, so a new alias in the YAML is understood without a
code change. Building the index takes a few milliseconds, so it is made once per Atlas and kept
(``phrase_index``); looking a phrase up is then one dictionary access.
"""

from __future__ import annotations

import difflib
import re
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from viewer.content.atlas import Atlas

#: A word: letters and digits, apostrophes inside it ("patient's"), and a trailing "+" so a
#: reflex grade such as "2+" stays one word. Hyphens and other punctuation separate words.
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*\+?")

#: Left out whenever phrases are compared, so "back of thigh" and "my back of the thigh" both
#: find "Back of the thigh".
ARTICLES = frozenset({"the", "a", "an", "my", "his", "her", "their", "your", "its"})

#: Spelling correction needs at least this similarity (difflib ratio) ...
FUZZY_RATIO = 0.85
#: ... and words at least this long: shorter words are too easily another real word.
FUZZY_MIN_LENGTH = 4


def plain(word: str) -> str:
    """A word as it is compared: case-folded, apostrophes dropped ("patient's" -> "patients")."""
    return word.casefold().replace("'", "").replace("’", "")


def phrase_key(text: str) -> tuple[str, ...]:
    """The words of a phrase as compared, articles left out."""
    return tuple(w for w in (plain(m) for m in WORD.findall(text)) if w not in ARTICLES)


@dataclass(frozen=True)
class Target:
    """What a phrase names. ``function`` is set for a finding's function words ("ankle jerk"):
    they name the thing tested, and the words around them say whether it was lost."""

    kind: Literal["region", "place", "finding"]
    id: str
    function: bool = False


@dataclass
class PhraseIndex:
    phrases: dict[tuple[str, ...], Target] = field(default_factory=dict)
    #: phrases two records share; the first record keeps the phrase (reported by tests)
    clashes: list[tuple[tuple[str, ...], Target, Target]] = field(default_factory=list)
    longest: int = 0
    vocabulary: frozenset[str] = frozenset()
    _by_initial: dict[str, list[str]] = field(default_factory=dict)
    _spelled: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def build(cls, atlas: Atlas) -> PhraseIndex:
        index = cls()
        for region in atlas.regions.values():
            for text in (region.name, *region.aliases):
                index._add(text, Target("region", region.id))
        for place in atlas.places.values():
            # a fine place's words, where no region already uses them ("outer ankle")
            for text in (place.name, *place.aliases):
                if phrase_key(text) not in index.phrases:
                    index._add(text, Target("place", place.id))
        for finding in atlas.findings.values():
            # "Weak hip flexion (iliopsoas)" is also found without its bracketed muscle
            bare = re.sub(r"\([^)]*\)", " ", finding.name)
            for text in (finding.name, bare, *finding.aliases):
                index._add(text, Target("finding", finding.id))
        for finding in atlas.findings.values():
            for text in finding.function_words:
                index._add(text, Target("finding", finding.id, function=True))
        index.longest = max((len(k) for k in index.phrases), default=0)
        index.vocabulary = frozenset(w for key in index.phrases for w in key)
        for word in sorted(index.vocabulary):
            if len(word) >= FUZZY_MIN_LENGTH:
                index._by_initial.setdefault(word[0], []).append(word)
        return index

    def _add(self, text: str, target: Target) -> None:
        key = phrase_key(text)
        if not key:
            return
        known = self.phrases.get(key)
        if known is None:
            self.phrases[key] = target
        elif known.id != target.id or known.kind != target.kind:
            self.clashes.append((key, known, target))

    def find(self, key: tuple[str, ...]) -> Target | None:
        return self.phrases.get(key)

    def spell(self, word: str) -> str | None:
        """The vocabulary word ``word`` stands for, or None.

        A plural ("buttocks") stands for its singular. Otherwise only a close misspelling is
        accepted: two neighbouring letters swapped ("ankel"), or a difflib ratio of at least
        ``FUZZY_RATIO`` with the same first letter (typing slips rarely hit the first letter, and
        the rule keeps "talking" from turning into "walking"). Words shorter than
        ``FUZZY_MIN_LENGTH`` are never corrected.
        """
        if word in self.vocabulary:
            return word
        if word in self._spelled:
            return self._spelled[word]
        found = self._spell(word)
        self._spelled[word] = found
        return found

    def singular(self, word: str) -> str | None:
        """The vocabulary word a plural stands for ("calves" -> "calf"), or None. Asked even of
        words the vocabulary has, since "buttocks" appears in one phrase and "buttock" in
        another."""
        for plural, singular in (("s", ""), ("es", ""), ("ves", "f"), ("ves", "fe")):
            stem = word[: -len(plural)] + singular
            if word.endswith(plural) and stem in self.vocabulary:
                return stem
        return None

    def _spell(self, word: str) -> str | None:
        stem = self.singular(word)
        if stem:
            return stem
        if len(word) < FUZZY_MIN_LENGTH or not word.isalpha():
            return None
        for i in range(len(word) - 1):
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if swapped in self.vocabulary:
                return swapped
        close = difflib.get_close_matches(
            word, self._by_initial.get(word[0], []), n=1, cutoff=FUZZY_RATIO
        )
        return close[0] if close else None


_INDEXES: weakref.WeakKeyDictionary[Atlas, PhraseIndex] = weakref.WeakKeyDictionary()


def phrase_index(atlas: Atlas) -> PhraseIndex:
    """The index for ``atlas``, built on first use and kept while the atlas lives."""
    index = _INDEXES.get(atlas)
    if index is None:
        index = _INDEXES[atlas] = PhraseIndex.build(atlas)
    return index
