"""The rank a question asks: "Who was the youngest participant?" asks for the youngest, which "The
oldest participant was 93-year-old Reg Haskins" does not tell; "Who finished fourth?" is not
answered by the sentence naming the first three.

A question asks a rank by a superlative ("youngest", "the most votes", "busiest") or by an ordinal
placing what it asks ("Who finished third?", "the last to declare", "second-largest": the ordinal
is what is asked). A sentence tells it in a word of the rank's family below ("the highest tally"
for "the most votes", "bronze" for "third") or, for a superlative of no family, in the word itself
("the busiest stop"). None is asked by an ordinal before a noun or a verb ("the first day", "the
second phase", "first opened"), by a rank written capitalised inside the question (a name: "the
Second World War", "Best Buy"), in a fixed phrase ("at least", "for the first time", "last
year"), nor by a choice between things named ("Which came first, the fire or the flood warning?").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .answer_types import ASKS_DURATION
from .lexical import stem
from .text import ORDINALS, SUPERLATIVES

if TYPE_CHECKING:
    from .index import CorpusIndex

# Families of words that tell one rank: a sentence telling any of them tells each. "heaviest"
# tells a most ("the heaviest snowfall" for "the most snow") but asks only itself (a weight).
_FAMILIES = (
    "most highest largest biggest greatest heaviest top best maximum peak peaked capped upto ahead topped main chief principal leading",
    "least lowest smallest fewest bottom worst minimum",
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
    "first 1st won win wins winner winners winning victory champion champions top gold ahead topped",
    "second 2nd runner-up runners-up silver",
    "third 3rd bronze",
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

_ORDINALS = frozenset(ORDINALS) | {"last"}
# The words that ask a rank: ordinals and superlatives, not the other words of their families ("Who
# won?" asks no rank; "latest" is as often "recent": "the latest figures").
_ASKING = _ORDINALS | SUPERLATIVES
# What may follow an ordinal placing what is asked ("Who finished third in the women's race?",
# "the last to declare", "in third place"); any other word is a noun it numbers ("the first day",
# "the second goal") or a verb it qualifies ("first opened").
_AFTER_A_PLACING = frozenset("in at on this to of among place overall with after behind for and was is were are by".split()) | {""}
# "most" and "least" ask a rank after "the" or ending what is asked ("overspend most this year"),
# not before what they count ("most people", "least harm").
_QUANTIFIERS = frozenset({"most", "least"})
_AFTER_QUANTIFIER = frozenset({"", "in", "this", "last", "at", "on", "since", "among", "of"})
_BEFORE_A_COUNT = frozenset({"from", "than", "like", "unlike", "of"})
# A superlative of no family, told only in its own word ("the busiest stop"): "-iest" ("busiest",
# "costliest") and those of a word list; not nouns ending alike ("priest", "interest", "forest").
_OTHER_SUPERLATIVES = frozenset(
    "quietest wettest driest tallest deepest widest narrowest strongest "
    "weakest closest nearest furthest farthest heaviest lightest safest hardest easiest".split()
)
_NOT_SUPERLATIVE = frozenset("priest".split())
# Ranks in a fixed phrase, asking and telling none: "at least", "most of", "for the first time",
# "last year", "first-half goals", "third-quarter profit", "first responders", "than first reported".
_FIXED = re.compile(
    r"\b(?:at\s+(?:least|most|first|last)|(?:most|least)\s+of|most\s+likely|first\s+of\s+all|"
    r"first[\s-]+(?:time|hand|class|aid|minister|responders?|lady|name)|"
    r"first[\s-]+(?:estimates?|reports?|count|figures?|forecast|tally)|"  # how it was first told (``answer_types.asks_first_told``), no rank
    r"(?:than|as|were|was|had\s+been)\s+first\s+(?:reported|stated|said|thought|feared|announced|given|published|estimated)|"  # "two more than first reported"
    r"(?:last|first|second|third|fourth)[\s-]+(?:year|years|week|weeks|month|months|night|season|time|weekend|summer|winter|spring|autumn|"
    r"term|minute|half|quarter|phase|stage|round|leg|day)|"
    r"second[\s-]+hand|than\s+last)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+")
# A highest point asked in a phrase: "How many pupils did the school have at its peak?".
_AT_ITS_PEAK = re.compile(r"\bat\s+(?:its|their|his|her|the)\s+peak\b", re.IGNORECASE)
_RUNNER_UP = re.compile(r"\brunners?[\s-]up\b", re.IGNORECASE)
# A choice between things the question names ("Which came first, the fire or the flood warning?",
# "Did the plague spread in Scandinavia or Germany first?"): the answer tells each one's time or
# size, the rank only by comparing them.
_CHOICE = re.compile(r"\bor\b", re.IGNORECASE)


def ranks_asked(question: str) -> list[frozenset[str]]:
    """The ranks ``question`` asks, each as the lower-case words that tell it (``_FAMILIES``): one
    set for each superlative or placing ordinal it writes (see the module's docstring for those
    that ask none). Of an ordinal before a superlative ("second-largest") only the ordinal. Empty
    when it asks none."""
    return [rank for rank, _ in _ranks_of(question)]


def _ranks_of(question: str) -> list[tuple[frozenset[str], str]]:
    """Each rank ``question`` asks (``ranks_asked``) with the word after it, what it ranks ("point"
    of "the lowest point"; empty at the end)."""
    if _CHOICE.search(question):
        return []
    text = _FIXED.sub(" ", question)
    found = list(_WORD.finditer(text))
    asked: list[tuple[frozenset[str], str]] = [(_TELLING["most"], "")] if _AT_ITS_PEAK.search(text) else []
    if _RUNNER_UP.search(text):  # "Who was runner-up?" asks who came second
        asked.append((_TELLING["second"], ""))
    for at, match in enumerate(found):
        word = match.group().lower()
        after = found[at + 1].group().lower() if at + 1 < len(found) else ""
        before = found[at - 1].group().lower() if at else ""
        if at and match.group()[0].isupper():
            continue  # a name's: "the Second World War", "Best Buy"
        if before in _ORDINALS and text[found[at - 1].end() : match.start()] in ("-", " "):
            continue  # "second-largest", "third biggest": the ordinal is asked
        if word in _ORDINALS and after not in _AFTER_A_PLACING and not _superlative(after) and not _ranks_what_is_asked(question, text, found, at):
            continue  # "on the first day", "Rovers' second goal", "first opened": a noun numbered, a verb qualified
        if word in _QUANTIFIERS and (before in _BEFORE_A_COUNT or before != "the" and after not in _AFTER_QUANTIFIER):
            continue  # "most people", "differ from most"
        if word == "last" and ASKS_DURATION.search(question) and before != "the":
            continue  # "How long did the fighting last?", "How many weeks will it last?": a verb
        if word in _ASKING:
            asked.append((_TELLING[word], after))
        elif _superlative(word):
            asked.append((frozenset({word}), after))
    return asked


# An ordinal before a noun ranks what is asked where the question asks which one it is: "What was
# the first school to close?", "Who was the third person who spoke?", "Where was the first settlement?".
_RANKED_THING = re.compile(r"\s*[^\W\d_]+\s+(?:to|that|which|who)\b", re.IGNORECASE)
_WHICH_IS = re.compile(r"\W*(?:what|which|who|where|when)\s+(?:is|was|are|were)\s+(?:the|its|their)\s+$", re.IGNORECASE)


def _ranks_what_is_asked(question: str, text: str, found: list[re.Match[str]], at: int) -> bool:
    """Whether the ordinal ``found[at]`` of ``text`` (``question`` without its fixed phrases) numbers
    what the question asks to have named: the thing "to" do something after it, or the complement
    of "What was the …" (``_RANKED_THING``, ``_WHICH_IS``)."""
    return bool(_RANKED_THING.match(text, found[at].end())) or bool(_WHICH_IS.fullmatch(text, 0, found[at].start()))


def _superlative(word: str) -> bool:
    """Whether lower-case ``word`` is a superlative (``SUPERLATIVES``, ``_OTHER_SUPERLATIVES`` or one in "-iest")."""
    return word in SUPERLATIVES or word in _OTHER_SUPERLATIVES or (word.endswith("iest") and word not in _NOT_SUPERLATIVE)


_TELLING_WORD = re.compile(r"[^\W_]+(?:-up)?")
_UP_TO = re.compile(r"\bup\s+to\b", re.IGNORECASE)  # a most: "up to A$2,040 per family"
_NUMBERED = re.compile(r"\b(?:No|Number)\.?\s*(10|[1-9])\b")  # "World No 2": second


def tells_ranks(texts: Iterable[str], ranks: list[frozenset[str]], also: Iterable[str] = ()) -> bool:
    """Whether ``texts`` (a sentence, with the one it leans on), in one of their words or its stem
    ("peaks", "topped"; not "seconds"), or the stems ``also`` (what it is read under, an item's
    place in its list: "2. Stella Chesang …" is "second") tell each of ``ranks`` (``ranks_asked``)."""
    said = {word.lower() for text in texts for word in _TELLING_WORD.findall(_as_told(text))}
    told = said | {stem(word) for word in said if stem(word) == word or stem(word) not in _ORDINALS} | set(also)  # "peaks", "topped"; not "seconds"
    return all(rank & told for rank in ranks)


def _as_told(text: str) -> str:
    """``text`` with its fixed phrases left out (``_FIXED``) and its ranks in other words written as
    words of a family ("upto", "second"; "first" for what was done "before hitting" or "and then"
    another)."""
    text = _BEFORE_DOING.sub(lambda found: f"first {found.group()}", _UP_TO.sub("upto", _FIXED.sub(" ", text)))
    return _NUMBERED.sub(lambda found: ORDINALS[int(found.group(1)) - 1], text)


# What was done first, before another deed: "struck the back of a hatchback before hitting a minibus",
# "ploughed through a fence and then hit a parked van".
_BEFORE_DOING = re.compile(r"\bbefore(?=\s+[a-z]+ing\b)|\band\s+then\b")


def sentence_tells_ranks(index: "CorpusIndex", sid: int, ranks: list[frozenset[str]]) -> bool:
    """Whether sentence ``sid`` of ``index``, with the one it leans on (``CorpusIndex.terms_leant_on``),
    or what it is read under (``CorpusIndex.terms_as_quoted``: a list's lead-in, a table's header,
    its place in a numbered list) tells ``ranks`` (``tells_ranks``)."""
    texts = [index.sentences[sid].text] + ([index.sentences[sid - 1].text] if sid in index.terms_leant_on else [])
    return tells_ranks(texts, ranks, also=index.terms_as_quoted[sid] - index.sentence_terms[sid])


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
    text = _as_told(text)
    found = list(_TELLING_WORD.finditer(text))
    told = [(word.group().lower(), found[at + 1].group().lower() if at + 1 < len(found) and _joined(text, word, found[at + 1]) else "") for at, word in enumerate(found)]
    return any(word in rank and after in (ranked, *_RANKING_NOTHING) for rank, ranked in asked for word, after in told)


def _joined(text: str, word: re.Match[str], following: re.Match[str]) -> bool:
    """Whether only spaces stand between ``word`` and ``following`` in ``text`` (no comma, no full stop)."""
    return text[word.end() : following.start()].isspace()
