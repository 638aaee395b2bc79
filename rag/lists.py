"""Lists the articles give, and questions asking for one: "What are the union's three demands?"
is answered by the three items under "Its demands are:", and the count it asks for is no figure
those items must state; "What are the union's five demands?" is not answered by them.

A list is the items read under a lead-in ending in a colon (``CorpusIndex.leads``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence
from weakref import WeakKeyDictionary

from .lexical import words
from .text import NUMBER_WORD, number_value, on_list_line, on_prose_item, opens_its_line

if TYPE_CHECKING:
    from .answer import ScoredSentence
    from .index import CorpusIndex

# A request to list things ("List the main terms"), or a question asking for several of a kind by
# their count or as the main ones ("What were the five main recommendations of the review?",
# "What are its three demands?", "What are the council's three options?"): answered by a list, when
# one is among the best sentences.
_ASKS_LIST = re.compile(
    r"^\W*(?:please\s+)?(?:list|enumerate)\b|\bwhat are the (?:main|key|major)\b|\b(?:main|key) (?:terms|points|provisions|changes)\b"
    rf"|\bwhat (?:are|were|will be) (?:the|its|their|his|her|(?:the\s+)?[\w-]+(?:'s|’s|s'|s’))\s+(?P<count>\d+|{NUMBER_WORD})\s+(?:main\s+|key\s+|major\s+)?(?P<things>[\w-]+s)\b",
    re.I,
)
LIST_CANDIDATES = 3  # the best sentences read for a list of another count than the one asked (``list_miscounted``)


def asks_list(question: str) -> bool:
    """Whether ``question`` asks for a list: "List the main terms", "What are its three demands?"."""
    return _ASKS_LIST.search(question) is not None


# The items of each list of an index, by its lead-in (``_lists``), read once an index.
_LISTS: "WeakKeyDictionary[CorpusIndex, dict[int, list[int]]]" = WeakKeyDictionary()


def _lists(index: "CorpusIndex") -> dict[int, list[int]]:
    """Each lead-in ending in a colon -> the sentences read under it, in reading order."""
    if index not in _LISTS:
        lists: dict[int, list[int]] = {}
        for sid, lead in sorted(index.leads.items()):
            if index.sentences[lead].text.endswith(":"):
                lists.setdefault(lead, []).append(sid)
        _LISTS[index] = lists
    return _LISTS[index]


def _items(index: "CorpusIndex", sentence_id: int) -> list[int]:
    """The sentences of the list sentence ``sentence_id`` is an item of, each opening an item
    (``opens_its_line``: "- An extra sailing on Saturdays." but not "It will leave at 7 p.m."
    after it); empty when it is no item of a list, or when the list may go on past what is read
    under its lead-in (``LEAD_TOKENS``): the sentence after its last is on a list's line."""
    lead = index.leads.get(sentence_id)
    under = _lists(index).get(lead, []) if lead is not None else []
    if lead is None or not under:
        return []
    sentences = index.sentences
    text = index.documents[sentences[lead].doc_id].text
    after = under[-1] + 1
    if after < len(sentences) and sentences[after].doc_id == sentences[lead].doc_id and after not in index.leads:
        if on_list_line(text, sentences[after]) or on_prose_item(text, sentences[after]):
            return []
    return [sid for sid in under if opens_its_line(text, sentences[sid])]


def is_list_item(index: "CorpusIndex", sentence_id: int) -> bool:
    """Whether sentence ``sentence_id`` is read under a lead-in ending in a colon ("Its demands
    are:"), however long its list runs."""
    return index.leads.get(sentence_id) in _lists(index)


def _list_size(index: "CorpusIndex", sentence_id: int) -> int | None:
    """How many items the list sentence ``sentence_id`` is an item of holds (``_items``), or None
    when it is no item of a list under a lead-in ending in a colon ("Its demands are:") or the
    list runs on past what is read under it."""
    return len(_items(index, sentence_id)) or None


def _count_asked(question: str) -> re.Match[str] | None:
    """Where ``question`` asks for a list by its count ("three" of "What are its three demands?"), or None."""
    asked = _ASKS_LIST.search(question)
    return asked if asked is not None and asked["count"] else None


def count_read_away(index: "CorpusIndex", question: str, sentence_id: int) -> str:
    """``question`` without the count it asks for when the list sentence ``sentence_id`` is an item
    of holds that many items: "What are the union's demands?" of "What are the union's three
    demands?" answered by three items under "Its demands are:". Otherwise ``question`` unchanged."""
    asked = _count_asked(question)
    if asked is None or str(_list_size(index, sentence_id)) != number_value(asked["count"]):
        return question
    return question[: asked.start("count")] + question[asked.end("count") :].lstrip()


def list_miscounted(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"]) -> str | None:
    """What the articles list instead ("3 demands") when ``question`` asks for a list by a count
    ("What are the union's five demands?") and the first list among its best ``LIST_CANDIDATES``
    sentences is bulleted or numbered and holds another number of items (``_items``), its
    lead-in stating no such count; else None."""
    asked = _count_asked(question)
    if asked is None:
        return None
    for candidate in scored[:LIST_CANDIDATES]:
        items = _items(index, candidate.sentence_id)
        if not items:
            continue
        count = number_value(asked["count"])
        lead = index.sentences[index.leads[candidate.sentence_id]]
        bulleted = on_list_line(index.documents[lead.doc_id].text, index.sentences[items[0]])  # a list in prose may be told on after its items ("Finally, …")
        if not bulleted or str(len(items)) == count or any(number_value(word) == count for word in words(lead.text)):
            return None
        return f"{len(items)} {asked['things'].lower()}"
    return None
