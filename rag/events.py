"""The event a date is asked of: "When was the depot built?" asks when it was built, not when
it "closed in 1984"; "When was Frank Ellison born?" not when "he died in 2004".

A question asking when names the event in a word of a family below (the words a news sentence
tells that event with); a sentence answers it only by telling the event in a word of that
family or of one told alike ("When did the school open?" of "The school was founded in 1850").
A question naming no such event is not read this way: most ("When was the body found?"), and
those asking when something began or ended, which is told in too many words ("When did the
violence start?" of "The dispute erupted into violence in May 1754").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexical import STOPWORDS, stem
from .text import CALENDAR_WORDS

# The families of events a date belongs to, each by the words that tell it. Words that are as
# often another word are left out: "found" (find), "building" (a noun), "dead" ("found dead").
_FAMILIES = {
    "birth": "born birth",
    "death": "die died dies death killed",
    "building": "build builds built construct constructed construction erect erected complete completed completion",
    "opening": "open opens opened launch launched inaugurate inaugurated unveil unveiled founded founding establish established formed create created incorporated",
    "closing": "close closes closed closure shut demolish demolished demolition abolish abolished dissolve dissolved disband disbanded",
    "marriage": "marry married marriage wed wedding",
    "retirement": "retire retired retirement",
    "move": "move moved relocate relocated",
    "inspection": "inspect inspected inspection",
    "renewal": "restore restored restoration renovate renovated renovation refurbish refurbished refurbishment rebuild rebuilt",
    "election": "elect elected election",
}
# Words that tell an event without naming it for a question.
_ALSO_TELLING = {"opening": "set dates", "building": "dates", "election": "vote voted"}  # "set up in 1921", "dates from 1889", "voted in as mayor"
# Nouns of a family name no event a question asks the date of: "When were the election results declared?".
_NOUNS = frozenset("construction completion closure demolition marriage wedding retirement inspection restoration renovation refurbishment election founding".split())
# A family word in a clause of its own ("the crash that killed two") or leading on to another verb
# ("move to ban fireworks") is not the event asked: what follows "to" is, unless it is a place ("to its works").
_NOT_ASKED = re.compile(r"\b(?:that|which|who)\s+(?:\w+\s+){0,2}$", re.I)
_LEADS_ON = re.compile(r"\s+to\s+(?!(?:its|the|a|an|their|his|her|new)\b)", re.I)
_NEXT_WORD = re.compile(r"\s+([\w'’-]+)")
_DETERMINERS = frozenset("the a an its their his her our your my this that these those".split())

# Events told alike: the date a thing opened answers when it was built, and the other way round.
_TOLD_ALIKE = {"building": {"opening"}, "opening": {"building"}}

_FAMILY_OF: dict[str, set[str]] = {}
for _family, _words in _FAMILIES.items():
    for _word in _words.split():
        _FAMILY_OF.setdefault(_word, set()).add(_family)
_TELLING = {family: frozenset(stem(word) for word in f"{family_words} {_ALSO_TELLING.get(family, '')}".split()) for family, family_words in _FAMILIES.items()}


def _qualifies(question: str, end: int) -> bool:
    """Whether the word of ``question`` ending at ``end`` qualifies the one after it, a name or a
    content word: "elected" of "the newly elected MP", not "open" of "open its first shop"."""
    after = _NEXT_WORD.match(question, end)
    if not after:
        return False
    word = after.group(1)
    return word[0].isupper() or (len(word) > 2 and word.lower() not in STOPWORDS | _DETERMINERS and not word.endswith("ly"))


def events_asked(question: str) -> frozenset[str]:
    """The stems of the words that tell the event ``question`` asks the date of, in its family or
    one told alike (``_FAMILIES``, ``_TOLD_ALIKE``): a verb of the question, not a noun
    (``_NOUNS``: "the election results"), nor one in a clause of its own, leading on to another
    verb or qualifying a noun (``_NOT_ASKED``, ``_LEADS_ON``, ``_qualifies``: "the newly elected
    MP"). Empty when it names no such event."""
    asked = [
        found.group().lower()
        for found in re.finditer(r"[^\W\d_]+", question)
        if found.group().lower() in _FAMILY_OF
        and found.group().lower() not in _NOUNS
        and not _NOT_ASKED.search(question, 0, found.start())
        and not _LEADS_ON.match(question, found.end())
        and not _qualifies(question, found.end())
    ]
    families = set().union(*(_FAMILY_OF[word] for word in asked))
    families |= set().union(*(_TOLD_ALIKE.get(family, set()) for family in families))
    return frozenset().union(*(_TELLING[family] for family in families))


# A life's span in brackets tells when someone was born and died: "John Gallagher (1919–1980)".
_LIFESPAN = re.compile(r"\((?:b\.|born)?\s*\d{4}\s*(?:[–-]\s*\d{2,4})?\)")
_LIFE_EVENTS = _TELLING["birth"] | _TELLING["death"]


def tells_event(text: str, text_terms: frozenset[str], events: frozenset[str], names: Iterable[str] = ()) -> bool:
    """Whether a sentence (``text``, its stems ``text_terms``, with those of the one it leans on)
    tells one of ``events`` (``events_asked``): in one of its words, or by the life's span of
    one of ``names`` (``spans_a_life``)."""
    return bool(events & text_terms) or spans_a_life(text, events, names)


def spans_a_life(text: str, events: frozenset[str], names: Iterable[str]) -> bool:
    """Whether ``events`` are a birth or death and ``text`` gives the life's span in brackets of
    one of ``names`` (lower-case words), right after it: "John Gallagher (1919–1980)" for
    Gallagher, not for "Ronald Robinson" named after it."""
    named = "|".join(re.escape(name) for name in names)
    return bool(events & _LIFE_EVENTS) and bool(named) and bool(re.search(rf"\b(?:{named})\s*{_LIFESPAN.pattern}", text, re.IGNORECASE))


# The words a sentence may open with before telling an event of what it describes with no name:
# "The school opened in 1954.", "The club, founded in 1889, …", "It was built in 1890.", "In 1862
# the hall was built."
_DESCRIBING = frozenset(
    "the this that it he she they its his her their which was were is are had has have been first originally officially later "
    "finally also in on at by during from".split()
)
_DESCRIBED_MOST = 2  # words of a description: "The family firm was founded in 1921.", "The former architect was born …"
# Kin after a possessive describe someone else: "His father was born in 1920."
_KIN = frozenset("father mother son daughter brother sister husband wife partner parents children grandfather grandmother uncle aunt cousin widow".split())
_OPENING_WORDS = re.compile(r"[\w'’-]+")


def told_of_a_description(text: str, events: frozenset[str]) -> bool:
    """Whether ``text`` opens by telling one of ``events`` (stems) of what it names by no name, a
    pronoun or a description of a word or two ("The school opened in 1954.", "The club, founded
    in 1889, …", "The family firm was founded in 1921.", "Born in Lowthorpe in 1933, she …", "In
    1862 the hall was built."): of whatever the sentences before it were about. Not where a name
    follows the event ("Born Margaret Ann Hewitt …", "married Frank Ellison"), where a name or a
    thing of its own words opens it ("The airfield's wartime control tower, built in 1941"), nor
    of someone's kin ("His father was born in 1920.")."""
    opening = _OPENING_WORDS.findall(text)[:8]
    described = 0
    for at, word in enumerate(opening):
        lower = word.lower()
        if stem(lower) in events:
            after = opening[at + 1] if at + 1 < len(opening) else ""
            return not (after[:1].isupper() and after.lower() not in CALENDAR_WORDS)
        if lower in _KIN and at and opening[at - 1].lower() in {"his", "her", "their", "its"}:
            return False
        if lower not in _DESCRIBING and not word.isdigit():
            described += 1
            if described > _DESCRIBED_MOST or word[:1].isupper():  # a name, or a thing of its own words
                return False
    return False
