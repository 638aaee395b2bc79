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

from .lexical import stem, words

# The families of events a date belongs to, each by the words that tell it. Words that are as
# often another word are left out: "found" (find), "building" (a noun), "dead" ("found dead").
_FAMILIES = {
    "birth": "born birth",
    "death": "die died dies death killed",
    "building": "build builds built construct constructed construction erect erected",
    "opening": "open opens opened launch launched inaugurate inaugurated unveil unveiled founded founding establish established formed create created incorporated",
    "closing": "close closes closed closure shut demolish demolished demolition abolish abolished dissolve dissolved disband disbanded",
    "marriage": "marry married marriage wed wedding",
    "retirement": "retire retired retirement",
    "move": "move moved relocate relocated",
    "inspection": "inspect inspected inspection",
    "renewal": "restore restored restoration renovate renovated renovation refurbish refurbished refurbishment rebuild rebuilt",
    "election": "elect elected election",
}
# Events told alike: the date a thing opened answers when it was built, and the other way round.
_TOLD_ALIKE = {"building": {"opening"}, "opening": {"building"}}

_FAMILY_OF: dict[str, set[str]] = {}
for _family, _words in _FAMILIES.items():
    for _word in _words.split():
        _FAMILY_OF.setdefault(_word, set()).add(_family)
_TELLING = {family: frozenset(stem(word) for word in family_words.split()) for family, family_words in _FAMILIES.items()}


def events_asked(question: str) -> frozenset[str]:
    """The stems of the words that tell the event ``question`` asks the date of, in its family or
    one told alike (``_FAMILIES``, ``_TOLD_ALIKE``). Empty when it names no such event."""
    families = set().union(*(_FAMILY_OF.get(word, set()) for word in words(question)))
    families |= set().union(*(_TOLD_ALIKE.get(family, set()) for family in families))
    return frozenset().union(*(_TELLING[family] for family in families))


# A life's span in brackets tells when someone was born and died: "John Gallagher (1919–1980)".
_LIFESPAN = re.compile(r"\((?:b\.|born)?\s*\d{4}\s*(?:[–-]\s*\d{2,4})?\)")
_LIFE_EVENTS = _TELLING["birth"] | _TELLING["death"]


def tells_event(text: str, text_terms: frozenset[str], events: frozenset[str]) -> bool:
    """Whether a sentence (``text``, its stems ``text_terms``, with those of the one it leans on)
    tells one of ``events`` (``events_asked``): in one of its words, or by a life's span."""
    return bool(events & text_terms) or spans_a_life(text, events)


def spans_a_life(text: str, events: frozenset[str]) -> bool:
    """Whether ``events`` are a birth or death and ``text`` gives a life's span in brackets ("(1919–1980)")."""
    return bool(events & _LIFE_EVENTS) and bool(_LIFESPAN.search(text))
