"""An acronym a question writes that the articles only ever spell out, read as they write it:
"Is velitrapant approved by the FDA?" of articles that say "the Food and Drug Administration"
and never "FDA" asks about the Food and Drug Administration (else it would be abstained on, as
naming something the articles never mention)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Sequence

from .answer_types import ASKS_EXPANSION, ORGANISATION_ENDS

_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_LINKING = r"(?:\s+(?:and|of|for|the|on|&))*\s+"  # the small words an acronym leaves out: "Food and Drug Administration"


def spellings(acronym: str, texts: Sequence[str]) -> Counter[str]:
    """How often ``texts`` spell ``acronym`` out, as capitalised words whose initials it is,
    small linking words between them ("FDA": "Food and Drug Administration")."""
    spelt = re.compile(r"\b" + _LINKING.join(f"{letter}[a-z]+" for letter in acronym) + r"\b")
    return Counter(" ".join(found.group().split()) for text in texts for found in spelt.finditer(text))


def spelled_out(question: str, known_words: Container[str], texts: Sequence[str]) -> str:
    """``question`` with each acronym (2 to 6 capitals) that is none of ``known_words`` (the
    articles' words, lower case) replaced by the one way ``texts`` (the articles) spell it out.
    Left as asked: an acronym they spell out in more ways than one, or in none; one of two
    letters unless its last word names an organisation or a place ("European Union", not "Anna
    Ivanova" for "AI"); a question written all in capitals, or asking what an acronym stands for."""
    if question.isupper() or ASKS_EXPANSION.search(question):
        return question

    def replace(match: re.Match[str]) -> str:
        acronym = match.group()
        if acronym.lower() in known_words:
            return acronym
        found = spellings(acronym, texts)
        if len(found) != 1:
            return acronym
        [spelling] = found
        if len(acronym) == 2 and spelling.split()[-1].lower() not in ORGANISATION_ENDS:
            return acronym
        return spelling

    return _ACRONYM.sub(replace, question)
