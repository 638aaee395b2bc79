"""Who came before whom in a post: "Who ran Maltby before Conrad Ashe?" asks Ashe's predecessor,
which "Conrad Ashe, who took over in January from the long-serving Peter Lund" tells and "Gareth
Nolan, who has led the council since 2011" does not; "Who was the trust's previous chief
executive?" asks whoever held it before, as "She replaces Dr Tom Welling" tells.

A sentence tells who came before a successor it names in the order of its verb: the successor
before an active one ("Ashe took over from Lund", "She replaces Welling") or after a passive one
("Welling was succeeded by Marsh"), or with "predecessor" after the successor's name ("Ashe's
predecessor, Peter Lund").
"""

from __future__ import annotations

import re

from .answer_types import is_role, mentions
from .lexical import words
from .officer_titles import holder_asked

_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
# "Who ran Maltby before Conrad Ashe?", "Who did Helen Marsh replace?", "Who was Ashe's predecessor?"
_BEFORE_SOMEONE = re.compile(rf"^\W*(?i:who)\b.*?\b(?:before|prior\s+to|preceded)\s+(?P<successor>{_NAME})(?:['’]s)?\s*\W*$")
_REPLACED_BY_SOMEONE = re.compile(rf"^\W*(?i:who)\s+(?:did|does|will)\s+(?P<successor>{_NAME})\s+(?:replace|succeed|take\s+over\s+from|follow)\b")
_PREDECESSOR_OF = re.compile(rf"^\W*(?i:who)\b.*?\b(?P<successor>{_NAME})['’]s?\s+predecessor\b|^\W*(?i:who)\b.*?\bpredecessor\s+of\s+(?P<successor_>{_NAME})")
# "Who was the trust's previous chief executive?", "Who led the council before?": the one before, whoever
# came after, in a post a role names (``holder_asked``) or a verb of holding one tells (``_HOLDING``).
_BEFORE_ANYONE = re.compile(r"^\W*who\b.*\b(?:previous|predecessor|before(?=\s*\W*$))", re.IGNORECASE)
_HOLDING = re.compile(r"\b(?:led|ran|run|headed|managed|chaired|coached|captained|edited|owned|held|conducted)\b", re.IGNORECASE)

# A successor's verbs: active ("replaces", "took over from") and passive ("was succeeded by").
_ACTIVE = re.compile(r"(?<!was )(?<!were )(?<!been )(?<!be )(?<!is )(?<!are )\b(?:replac(?:e|es|ed|ing)|succeed(?:s|ed|ing)?|t(?:ook|akes?|aking|aken)\s+over(?:\s+[\w,'’-]+){0,4}?\s+from|followed|follows)\b", re.IGNORECASE)
_PASSIVE = re.compile(
    r"\b(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|will\s+be)\s+(?:replaced|succeeded|followed)(?:\s+[\w,'’-]+){0,4}?\s+by|hand(?:ed|s|ing)?\s+over\s+to)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:he|she|his|her|they|their)\b", re.IGNORECASE)
_SUBJECT_PRONOUN = re.compile(r"\W*(?:he|she|they)\b", re.IGNORECASE)  # "She was succeeded … by Raj Menon" after "Ms Grice, who stepped down …"
_PREDECESSOR = re.compile(r"\bpredecessors?\b", re.IGNORECASE)
_STOOD_DOWN = re.compile(r"\b(?:previous|former|outgoing|retiring|stepped\s+down|stood\s+down|retired|resigned|left\s+the\s+post)\b", re.IGNORECASE)


def predecessor_asked(question: str) -> frozenset[str] | None:
    """The words of the successor whose predecessor ``question`` asks ("Who ran Maltby before
    Conrad Ashe?" -> {"conrad", "ashe"}), an empty set where it asks who held a post before whoever
    came after ("Who was the trust's previous chief executive?"; not "Who did Rovers play in their
    previous match?"), or None where it asks no predecessor."""
    for pattern in (_BEFORE_SOMEONE, _REPLACED_BY_SOMEONE, _PREDECESSOR_OF):
        found = pattern.search(question)
        if found:
            return frozenset(words(found.group("successor") or found.groupdict().get("successor_") or ""))
    held = holder_asked(question) is not None or _HOLDING.search(question)
    return frozenset() if held and _BEFORE_ANYONE.search(question) else None



def _names_another(text: str, successor: frozenset[str]) -> bool:
    """Whether ``text`` names someone by name (not a role) other than ``successor``."""
    return any(not mention <= successor and not is_role(mention) for mention in mentions(text, "person"))


def tells_predecessor(sentence: str, successor: frozenset[str], before: str = "") -> bool:
    """Whether ``sentence`` tells who came before ``successor`` (lower-case name words; empty: whoever
    came after) in a post: the successor named before an active verb of succeeding, after a passive
    one, or before "predecessor" ("His predecessor, Angela Hurst, …" names him by a pronoun where
    ``before``, the sentences just before it, names him); with no successor named, any such verb
    or a word of one who left. Only a sentence naming someone else by name (or by "she" after
    a sentence naming them) tells who came before."""
    if not _names_another(sentence, successor) and not (_SUBJECT_PRONOUN.match(sentence) and _names_another(before, successor)):
        return False  # "Her predecessor had been chief executive for eleven years." names no one
    if not successor:
        return bool(_ACTIVE.search(sentence) or _PASSIVE.search(sentence) or _PREDECESSOR.search(sentence) or _STOOD_DOWN.search(sentence))
    by_pronoun = bool(successor & set(words(before)))

    def names_successor(text: str) -> bool:
        return bool(successor & set(words(text))) or (by_pronoun and bool(_PRONOUN.search(text)))

    return any(names_successor(sentence[: found.start()]) for pattern in (_ACTIVE, _PREDECESSOR) for found in pattern.finditer(sentence)) or any(
        names_successor(sentence[found.end() :]) for found in _PASSIVE.finditer(sentence)
    )
