"""An acronym a question writes that the articles only ever spell out, read as they write it:
"Is velitrapant approved by the FDA?" of articles that say "the Food and Drug Administration"
and never "FDA" asks about the Food and Drug Administration (else it would be abstained on, as
naming something the articles never mention).

A well-known acronym (``WELL_KNOWN``) is read only as what it is known to stand for, in any case
("IPO" as the articles' "initial public offering"), never as a local name with its initials:
"SEC" is not the articles' "Sports and Events Centre", nor "CDC" their "Carrow District Council".
Any other is read as the one run of capitalised words the articles spell it out with.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Sequence

from .answer_types import ASKS_EXPANSION, ORGANISATION_ENDS

_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_LINKING = r"(?:\s+(?:and|of|for|the|on|&))*\s+"  # the small words an acronym leaves out: "Food and Drug Administration"

# What news writes as an acronym and its readers know: what each stands for, as the articles may
# spell it out (compared without case: "initial public offering").
WELL_KNOWN = {
    "AI": ("artificial intelligence",),
    "CDC": ("Centers for Disease Control and Prevention", "Centers for Disease Control"),
    "CIA": ("Central Intelligence Agency",),
    "CPI": ("consumer price index",),
    "DOJ": ("Department of Justice", "Justice Department"),
    "DOT": ("Department of Transportation", "Transportation Department"),
    "ECB": ("European Central Bank",),
    "EPA": ("Environmental Protection Agency",),
    "EU": ("European Union",),
    "EV": ("electric vehicle",),
    "FAA": ("Federal Aviation Administration",),
    "FBI": ("Federal Bureau of Investigation",),
    "FDA": ("Food and Drug Administration",),
    "FTC": ("Federal Trade Commission",),
    "GDP": ("gross domestic product",),
    "IMF": ("International Monetary Fund",),
    "IPO": ("initial public offering",),
    "IRS": ("Internal Revenue Service",),
    "JWST": ("James Webb Space Telescope",),
    "NASA": ("National Aeronautics and Space Administration",),
    "NATO": ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
    "NHS": ("National Health Service",),
    "NTSB": ("National Transportation Safety Board",),
    "OECD": ("Organisation for Economic Co-operation and Development", "Organization for Economic Cooperation and Development"),
    "OPEC": ("Organization of the Petroleum Exporting Countries",),
    "SEC": ("Securities and Exchange Commission",),
    "UN": ("United Nations",),
    "UK": ("United Kingdom",),
    "US": ("United States",),
    "WHO": ("World Health Organization", "World Health Organisation"),
    "WTO": ("World Trade Organization", "World Trade Organisation"),
}


def spellings(acronym: str, texts: Sequence[str]) -> Counter[str]:
    """How often ``texts`` (sentences of prose: a headline's capitals spell nothing) spell
    ``acronym`` out: as what a well-known one stands for (``WELL_KNOWN``, in any case), else as
    capitalised words whose initials it is, small linking words between them ("FDA": "Food and
    Drug Administration"), the first no article ("TWG" is not "The Working Group")."""
    if acronym in WELL_KNOWN:
        spelt = re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, known.split())) for known in WELL_KNOWN[acronym]) + r")\b", re.IGNORECASE)
    else:
        spelt = re.compile(r"\b(?!(?:The|An?)\b)" + _LINKING.join(f"{letter}[a-z]+" for letter in acronym) + r"\b")  # not "The Working Group" for "TWG"
    return Counter(" ".join(found.group().split()) for text in texts for found in spelt.finditer(text))


def spelled_out(question: str, known_words: Container[str], texts: Sequence[str]) -> str:
    """``question`` with each acronym (2 to 6 capitals) that is none of ``known_words`` (the
    articles' words, lower case) replaced by the one way ``texts`` (the articles' sentences of prose) spell it out
    (``spellings``; the first of those, as written, when a well-known one is written in more
    cases than one). Left as asked: any other acronym they spell out in more ways than one, or in
    none; one of two letters unless it is well known or its last word names an organisation or a
    place ("European Union", not "Anna Ivanova" for "AI"); a question written all in capitals, or
    asking what an acronym stands for."""
    if question.isupper() or ASKS_EXPANSION.search(question):
        return question

    def replace(match: re.Match[str]) -> str:
        acronym = match.group()
        if acronym.lower() in known_words:
            return acronym
        found = spellings(acronym, texts)
        if not found or (len(found) > 1 and acronym not in WELL_KNOWN):
            return acronym
        spelling = found.most_common(1)[0][0]
        if len(acronym) == 2 and acronym not in WELL_KNOWN and spelling.split()[-1].lower() not in ORGANISATION_ENDS:
            return acronym
        return spelling

    return _ACRONYM.sub(replace, question)


def well_known_spellings(text: str) -> list[str]:
    """What each well-known acronym ``text`` writes stands for (``WELL_KNOWN``): "NHS" is "National Health Service"."""
    return [spelling for acronym in _ACRONYM.findall(text) for spelling in WELL_KNOWN.get(acronym, ())]
