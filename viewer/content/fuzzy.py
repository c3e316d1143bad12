"""How well a typed text matches one term (an id, a name or an alias), forgiving typos.

Shared by ``Atlas.resolve`` (its "did you mean" list) and ``search`` (the window's search box),
so the command line and the window forgive the same way. The edit-distance arithmetic is
rapidfuzz's (a kept library, GUIDE convention 3); this module only decides how whole phrases and
single words combine: a text matches a term if it is the term, if its words are the term's words
(or start them, for search-as-you-type), or if it is spelled nearly like the term or its words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

#: Words too common to say anything about a match ("back of the knee" is about "back", "knee").
_FILLER = frozenset({"the", "of", "a", "an", "and", "or", "at", "in", "on", "to", "my", "its"})
_WORD = re.compile(r"[\w]+", re.UNICODE)

#: Below this a word is not the same word misspelled (piriformus/piriformis is 90, elbow/below 80).
WORD_SPELLING = 82


@dataclass(frozen=True)
class Closeness:
    """A score from 0 to 100 and whether it needed spelling tolerance to get there."""

    score: float
    spelling: bool


def fold(text: str) -> str:
    """Case and accents folded away, so "ciatica" finds "ciática" and "Calf" finds "calf"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    found = _WORD.findall(fold(text))
    meaningful = [w for w in found if w not in _FILLER]
    return meaningful or found


def _word_score(word: str, term_words: list[str]) -> tuple[float, bool]:
    """Best score of one typed word against the words of a term, and whether it was a typo."""
    best, spelling = 0.0, False
    for tw in term_words:
        if word == tw:
            return 100.0, False
        if len(word) >= 3 and tw.startswith(word):
            score, typo = 92.0, False  # typing in progress: "scia" -> "sciatic"
        else:
            score, typo = _ratio(word, tw), True
            if score < WORD_SPELLING or len(word) < 4:
                score = 0.0
        if score > best:
            best, spelling = score, typo
    return best, spelling


def closeness(text: str, term: str) -> Closeness:
    """How well ``text`` (what someone typed) matches ``term``, 0 to 100."""
    typed, target = fold(text.strip()), fold(term)
    if not typed:
        return Closeness(0.0, False)
    if typed == target:
        return Closeness(100.0, False)
    typed_words, term_words = words(typed), words(target)
    if not typed_words or not term_words:
        return Closeness(0.0, False)
    scores = [_word_score(w, term_words) for w in typed_words]
    found = [s for s, _ in scores if s > 0]
    # every typed word must be found; each unmatched word of the term costs a little, so
    # "knee" prefers "back of the knee" (one extra word) to a long phrase that mentions a knee
    if len(found) == len(typed_words):
        extra = max(0, len(term_words) - len(typed_words))
        word_level = sum(found) / len(found) - 4.0 * extra
        word_spelling = any(typo for _, typo in scores)
    else:
        word_level, word_spelling = 0.0, False
    whole = _ratio(typed, target)
    whole = whole if whole >= 80 else 0.0
    if whole > word_level:
        return Closeness(min(whole, 99.0), True)
    return Closeness(min(word_level, 99.0), word_spelling)


def _ratio(a: str, b: str) -> float:
    """RapidFuzz's similarity ratio (0-100); the library is imported the first time a search
    needs it, not at start-up."""
    global _fuzz_ratio
    if _fuzz_ratio is None:
        from rapidfuzz.fuzz import ratio

        _fuzz_ratio = ratio
    return float(_fuzz_ratio(a, b))


_fuzz_ratio: Callable[[str, str], float] | None = None
