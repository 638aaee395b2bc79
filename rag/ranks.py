"""The rank a question asks: "Who was the youngest participant?" asks for the youngest, which "The
oldest participant was 93-year-old Reg Haskins" does not tell; "Who finished fourth?" is not
answered by the sentence naming the first three.

A question asks a rank by a superlative ("youngest", "the most votes", "busiest") or an ordinal
("third", "last", "second-largest": the ordinal is what is asked). A sentence tells it in a word of
the rank's family below ("the highest tally" for "the most votes", "won" for "first") or, for a
superlative of no family, in the word itself ("the busiest stop"). Ranks written in a fixed phrase
ask none ("at least", "for the first time", "last year"), nor an ordinal before a verb ("When was
it first built?"), nor those of a choice between things named ("Which came first, the fire or
the flood warning?").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .lexical import is_verb
from .text import SUPERLATIVES

if TYPE_CHECKING:
    from .index import CorpusIndex

# Families of words that tell one rank: a sentence telling any of them tells each.
_FAMILIES = (
    # "upto": "up to A$2,040 per family"; "more": "has played a more significant role"; "main": "the main disappointment"
    "most highest largest biggest greatest heaviest top best maximum peak peaked record capped upto more main chief principal leading",
    "least lowest smallest fewest bottom worst minimum less fewer",
    "hottest warmest highest record",
    "coldest coolest lowest",
    "richest wealthiest",
    "poorest",
    "oldest eldest",
    "youngest",
    "newest latest",
    "earliest first",
    "fastest quickest",
    "slowest",
    "longest",
    "shortest",
    "cheapest",
    "first 1st won win wins winner winners winning victory champion champions top",
    "second 2nd runner-up runners-up",
    "third 3rd",
    "fourth 4th",
    "fifth 5th",
    "sixth 6th",
    "seventh 7th",
    "eighth 8th",
    "ninth 9th",
    "tenth 10th",
    "last final finally lastly latest bottom",
)
_TELLING: dict[str, frozenset[str]] = {}
for _family in _FAMILIES:
    for _word in _family.split():
        _TELLING[_word] = _TELLING.get(_word, frozenset()) | frozenset(_family.split())

_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth last".split())
# The words that ask a rank: ordinals and superlatives, not the other words of their families ("Who
# won?" asks no rank; "latest" is as often "recent": "the latest figures").
_ASKING = _ORDINALS | SUPERLATIVES
# "most" and "least" ask a rank after "the" or ending what is asked ("overspend most this year"),
# not before what they count ("most people", "least harm").
_QUANTIFIERS = frozenset({"most", "least"})
_DETERMINERS = frozenset("the a an its their his her our your my this that s".split())  # "s": of "Ashgrove's"
_AFTER_QUANTIFIER = frozenset({"", "in", "this", "last", "at", "on", "since", "among", "of"})
_BEFORE_A_COUNT = frozenset({"from", "than", "like", "unlike", "of"})
_HOW_LONG = re.compile(r"\s*how\s+long\b", re.IGNORECASE)
# A superlative of no family, told only in its own word ("the busiest stop"): "-iest" ("busiest",
# "costliest") and those of a word list; not nouns ending alike ("priest", "interest", "forest").
_OTHER_SUPERLATIVES = frozenset(
    "quietest wettest driest tallest deepest widest narrowest strongest "
    "weakest closest nearest furthest farthest heaviest lightest safest hardest easiest".split()
)
_NOT_SUPERLATIVE = frozenset("priest".split())
# Ranks in a fixed phrase, asking none: "at least", "most of", "for the first time", "last year".
_FIXED = re.compile(
    r"\b(?:at\s+(?:least|most|first|last)|(?:most|least)\s+of|most\s+likely|first\s+of\s+all|first[\s-]+(?:time|hand|class|aid|minister)|"
    r"(?:last|first|second|third|fourth)\s+(?:year|years|week|weeks|month|months|night|season|time|weekend|summer|winter|spring|autumn|term|minute|half|quarter)|"
    r"second[\s-]+hand|than\s+last)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+")
# A choice between things the question names ("Which came first, the fire or the flood warning?",
# "Did the plague spread in Scandinavia or Germany first?"): the answer tells each one's time or
# size, the rank only by comparing them.
_CHOICE = re.compile(r"\bor\b", re.IGNORECASE)


def ranks_asked(question: str) -> list[frozenset[str]]:
    """The ranks ``question`` asks, each as the lower-case words that tell it (``_FAMILIES``): one
    set for each superlative or ordinal it writes outside a fixed phrase (``_FIXED``), not an
    adverb before a verb ("When was the bridge first opened?"). Of an ordinal before a
    superlative ("second-largest") only the ordinal. Empty when it asks none."""
    return [rank for rank, _ in _ranks_of(question)]


def _ranks_of(question: str) -> list[tuple[frozenset[str], str]]:
    """Each rank ``question`` asks (``ranks_asked``) with the word after it, what it ranks ("point"
    of "the lowest point"; empty at the end)."""
    if _CHOICE.search(question):
        return []
    text = _FIXED.sub(" ", question)
    found = list(_WORD.finditer(text))
    asked: list[tuple[frozenset[str], str]] = []
    for at, match in enumerate(found):
        word = match.group().lower()
        after = found[at + 1].group().lower() if at + 1 < len(found) else ""
        before = found[at - 1].group().lower() if at else ""
        if word in _ORDINALS and before not in _DETERMINERS and after and text[match.end() : found[at + 1].start()].isspace() and is_verb(after):
            continue  # "first opened", "first given", "last inspected": when, not which (not "the first move")
        if before in _ORDINALS and text[found[at - 1].end() : match.start()] in ("-", " "):
            continue  # "second-largest", "third biggest": the ordinal is asked
        if word in _QUANTIFIERS and (before in _BEFORE_A_COUNT or before != "the" and after not in _AFTER_QUANTIFIER):
            continue  # "most people", "differ from most"
        if word == "last" and _HOW_LONG.match(question) and before != "the":
            continue  # "How long did the fighting last?": a verb
        if word in _ASKING:
            asked.append((_TELLING[word], after))
        elif word in _OTHER_SUPERLATIVES or (word.endswith("iest") and word not in _NOT_SUPERLATIVE):
            asked.append((frozenset({word}), after))
    return asked


_TELLING_WORD = re.compile(r"[^\W_]+(?:-up)?")
_UP_TO = re.compile(r"\bup\s+to\b", re.IGNORECASE)  # a most: "up to A$2,040 per family"


def tells_ranks(texts: Iterable[str], ranks: list[frozenset[str]], also: Iterable[str] = ()) -> bool:
    """Whether ``texts`` (a sentence, with the one it leans on) or the words ``also`` (its terms,
    an item's place among them: "2. Stella Chesang …" is "second") tell each of ``ranks``
    (``ranks_asked``) in one of their words."""
    told = {word.lower() for text in texts for word in _TELLING_WORD.findall(_UP_TO.sub("upto", _FIXED.sub(" ", text)))} | set(also)
    return all(rank & told for rank in ranks)


def sentence_tells_ranks(index: "CorpusIndex", sid: int, ranks: list[frozenset[str]]) -> bool:
    """Whether sentence ``sid`` of ``index``, with the one it leans on (``CorpusIndex.terms_leant_on``),
    tells ``ranks`` (``tells_ranks``)."""
    texts = [index.sentences[sid].text] + ([index.sentences[sid - 1].text] if sid in index.terms_leant_on else [])
    return tells_ranks(texts, ranks, also=index.terms_as_quoted[sid])


# A rank told of nothing after it: "Holloway Park had the lowest, at -0.41."
_RANKING_NOTHING = frozenset({"", "at", "with", "in", "of", "on", "by", "for", "and", "but", "was", "is"})


def tells_rank_of_what_is_asked(text: str, question: str) -> bool:
    """Whether ``text`` tells a rank ``question`` asks (``ranks_asked``) of what the question
    ranks: the word after it is the question's ("the lowest Progress 8 score" for "the lowest
    Progress 8 score") or none ("had the lowest, at -0.41."); not of another thing ("The lowest
    farms lie along the river." for "What is the lowest point?")."""
    asked = _ranks_of(question)
    if not asked:
        return False
    text = _FIXED.sub(" ", text)
    found = list(_TELLING_WORD.finditer(text))
    told = [(word.group().lower(), found[at + 1].group().lower() if at + 1 < len(found) and _joined(text, word, found[at + 1]) else "") for at, word in enumerate(found)]
    return any(word in rank and after in (ranked, *_RANKING_NOTHING) for rank, ranked in asked for word, after in told)


def _joined(text: str, word: re.Match[str], following: re.Match[str]) -> bool:
    """Whether only spaces stand between ``word`` and ``following`` in ``text`` (no comma, no full stop)."""
    return text[word.end() : following.start()].isspace()
