"""Titles people hold ("CEO", "chief executive", "mayor"), each under all its names.

The premise checks read a title a question gives someone against the titles the articles
give them (``rag.premises.title_swapped``); a question is read with a company officer's
title as the articles write it (``as_written``): "Who is Nimbo's CEO?" of articles that
only ever say "chief executive" asks about their chief executive.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from .answer_types import ASKS_EXPANSION

# A group each, under all its names.
TITLE_GROUPS = (
    "ceo|chief executive|chief executive officer",
    "cfo|chief financial officer|finance chief|finance director",
    "coo|chief operating officer",
    "cto|chief technology officer",
    "vice president|vice-president",
    "president",
    "chair|chairman|chairwoman|chairperson",
    "founder|co-founder|cofounder",
    "spokesperson|spokesman|spokeswoman",
    "lawyer|attorney|counsel",
    "mayor|mayor-elect",
    "governor|gov.",
    "prime minister|premier",
    "minister",
    "judge|justice",
    "attorney general|ag",
    "district attorney|da|prosecutor",
    "mediator",
    "director|executive director",
    "general manager|manager",
    "coach|head coach",
    "senator|sen.",
    "representative|rep.",
    "councillor|council member|councilman|councilwoman|alderman",
    "clerk",
    "commissioner",
    "professor|prof.",
    "superintendent|supt.",
    "sheriff",
    "lieutenant|lt.",
    "sergeant|sgt.",
    "captain|capt.",
    "detective|det.",
    "principal",
    "treasurer",
    "supervisor",
    "provost",
    "chancellor",
    "ambassador",
    "police chief|chief of police",
    "secretary",
)
TITLE_GROUP = {title: n for n, group in enumerate(TITLE_GROUPS) for title in group.split("|")}
TITLE_PATTERN = "|".join(sorted(map(re.escape, TITLE_GROUP), key=len, reverse=True))  # longest first: "vice president" before "president"
TITLE_WORD = re.compile(rf"\b(?:{TITLE_PATTERN})(?!\w)", re.I)  # not "\b": "Gov." ends in a full stop
# Titles with a short form, an acronym ("CEO", "AG") or an abbreviation ("Gov.", "Prof."): a question
# may write one where the articles spell it out, or the reverse. Other titles are left as asked
# ("justice", "manager" and "chair" have other meanings).
ACRONYMS = frozenset({"ceo", "cfo", "coo", "cto", "ag", "da"})
_READ_AS_WRITTEN = frozenset(TITLE_GROUP[short] for short in TITLE_GROUP if short in ACRONYMS or short.endswith("."))
_SHORT_FORM_TITLE = re.compile(
    rf"\b(?:{'|'.join(sorted((re.escape(t) for t, group in TITLE_GROUP.items() if group in _READ_AS_WRITTEN), key=len, reverse=True))})(?=s?(?!\w))", re.I
)  # a plural counts for its title: "Prosecutors argued …" writes "prosecutor"


HONORIFICS = frozenset("mr mrs ms mx miss dr sir dame lord lady rev prof".split())


def is_title(word: str, plural: bool = True) -> bool:
    """Whether ``word`` (lower-cased) is an honorific ("ms"), an officer's title, abbreviated with or
    without its full stop ("gov.", "gov"), or (with ``plural``) the plural of one of three letters or
    more ("ceo", "ceos"; not "das", which is no "da"; "senators" may name a team)."""
    word = word.rstrip(".")

    def titled(form: str) -> bool:
        return bool(TITLE_WORD.fullmatch(form) or TITLE_WORD.fullmatch(f"{form}."))

    return word in HONORIFICS or titled(word) or (plural and word.endswith("s") and len(word) > 3 and titled(word[:-1]))


def title_counts(texts: Iterable[str]) -> Counter[str]:
    """How often ``texts`` write each title with a short form that ``as_written`` reads (lower case,
    the longest name that matches: "chief executive officer" counts for itself, not for "chief
    executive"); a few titles, not all, since the articles are read for them at the first question."""
    return Counter(found.lower() for text in texts for found in _SHORT_FORM_TITLE.findall(text))


def as_written(question: str, written: Mapping[str, int]) -> str:
    """``question`` with each title with a short form it gives that the articles never write
    (``written``: ``title_counts`` of the articles) in the form they write most: "Who is Nimbo's
    CEO?" -> "Who is Nimbo's chief executive?" where they say "chief executive" and never "CEO";
    "What did Governor Ortega say?" -> "What did Gov. Ortega say?" where they only write "Gov.".
    A form written capitalised stays so. A question asking what an acronym stands for is left as asked."""
    if ASKS_EXPANSION.search(question):
        return question

    def replace(match: re.Match[str]) -> str:
        title = match.group().lower()
        group = TITLE_GROUP[title]
        if group not in _READ_AS_WRITTEN or written.get(title):
            return match.group()
        forms = [(count, len(form), form) for form in TITLE_GROUPS[group].split("|") if (count := written.get(form, 0))]
        if not forms:
            return match.group()
        form = max(forms)[2]
        asked = match.group()
        return form.upper() if form in ACRONYMS else form.capitalize() if asked[0].isupper() and not asked.isupper() else form

    return TITLE_WORD.sub(replace, question)
