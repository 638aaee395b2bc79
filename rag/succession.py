"""Who came before whom in a post: "Who ran Maltby before Conrad Ashe?" asks Ashe's predecessor,
which "Conrad Ashe, who took over in January from the long-serving Peter Lund" tells and "Gareth
Nolan, who has led the council since 2011" does not; "Who was the trust's previous chief
executive?" asks whoever held it before, as "She replaces Dr Tom Welling" tells.

A sentence tells who came before a successor it names as the doer of replacing, succeeding or
following (``rag.roles.roles_in``: "Ashe, who replaced Lund", "Lund was replaced by Ashe"), before
"took over from", "successor to" or "predecessor" ("Ashe's predecessor, Peter Lund"), or after
"successor" or "handed over to" ("Lund's successor, Conrad Ashe"). ``rag.roles`` reads the same
verbs for a relation told the other way round ("Who replaced Gail Hendry?").
"""

from __future__ import annotations

import re

from .answer_types import is_role, mentions
from .lexical import words
from .officer_titles import holder_asked
from .roles import roles_in
from .text import CALENDAR_WORDS

_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
# "Who ran Maltby before Conrad Ashe?", "Who did Helen Marsh replace?", "Who was Ashe's predecessor?"
_REPLACED_BY_SOMEONE = re.compile(rf"^\W*(?i:who)\s+(?:did|does|will)\s+(?P<successor>{_NAME})\s+(?:replace|succeed|take\s+over\s+from|follow)\b")
_BEFORE_SOMEONE = re.compile(rf"^\W*(?i:who)\b.*?\b(?:before|prior\s+to|preceded)\s+(?P<successor>{_NAME})(?:['’]s)?\s*\W*$")
_PREDECESSOR_OF = re.compile(rf"^\W*(?i:who)\b.*?\b(?P<successor>{_NAME})['’]s?\s+predecessor\b|^\W*(?i:who)\b.*?\bpredecessor\s+of\s+(?P<successor_>{_NAME})")
# "Who was the trust's previous chief executive?", "Who led the council before?": the one before, whoever
# came after, in a post a role names (``holder_asked``), a verb of holding one tells (``_HOLDING``) or
# "who was" asks; not a record ("Who held the course record before Kibet?").
_BEFORE_ANYONE = re.compile(r"^\W*who\b.*\b(?:previous|predecessor|before(?=\s*\W*$))", re.IGNORECASE)
_WHO_WAS = re.compile(r"\W*who\s+(?:was|were)\b(?!.*\brecords?\b)", re.IGNORECASE)
_HOLDING = re.compile(r"\b(?:led|ran|run|headed|managed|chaired|coached|captained|edited|held|conducted)\b(?!.*\brecords?\b)", re.IGNORECASE)
_NOT_PEOPLE = frozenset("easter christmas parliament lunch noon midnight".split()) | CALENDAR_WORDS  # "Who ran the club before January?"

_SUCCEEDING = ("replace", "succeed", "follow")  # the successor is their doer (``roles_in``)
# The successor written before these ("took over in January from", "a successor to", "predecessor"),
# or after these ("Lund's successor, Conrad Ashe", "handed over to").
_SUCCESSOR_FIRST = re.compile(
    r"\bt(?:ook|akes?|aking|aken)\s+(?:over|the\s+helm|the\s+reins)(?:\s+[\w,'’-]+){0,4}?\s+from\b|\bsuccessor\s+(?:to|of)\b|\bpredecessors?\b", re.IGNORECASE
)
_SUCCESSOR_AFTER = re.compile(
    r"\bsuccessor\b(?!\s+(?:to|of)\b)|\bhand(?:ed|s|ing)?\s+(?:over|the\s+reins)\s+to\b"
    r"|\b(?:replaced|succeeded|followed)(?:\s+[\w,'’-]+){1,4}?\s+by\b",  # "was succeeded as chief executive by" ("succeeded by": ``roles_in``)
    re.IGNORECASE,
)
_ACTIVE = re.compile(  # active, not "replaced by", "was succeeded"
    r"(?<!was )(?<!were )(?<!been )(?<!be )(?<!is )(?<!are )\b(?:replac(?:e|es|ed|ing)|succeed(?:s|ed|ing)?|follow(?:s|ed)?)\b(?!\s+by\b)", re.IGNORECASE
)
_ANY_SUCCESSION = re.compile(rf"{_SUCCESSOR_FIRST.pattern}|{_SUCCESSOR_AFTER.pattern}|\b(?:replac|succeed)\w*|\bfollow(?:s|ed)?\s+\w+\s+as\b", re.IGNORECASE)
_LEFT = re.compile(r"\b(?:previous(?:ly)?|former|outgoing|retiring|stepped\s+down|stood\s+down|retired|resigned|left\s+the\s+post)\b", re.IGNORECASE)
# A pronoun for the successor right before the verb or "predecessor": "She replaces …", "His predecessor, …".
_PRONOUN_BEFORE = re.compile(r"^\W*(?:he|she|they)(?:\s+[\w'’-]+){0,2}\s*$|\b(?:his|her|their)\s*$", re.IGNORECASE)
_SUBJECT_PRONOUN = re.compile(r"\W*(?:he|she|they)\b", re.IGNORECASE)  # "She was succeeded … by Raj Menon" after "Ms Grice, who stepped down …"


def predecessor_asked(question: str) -> frozenset[str] | None:
    """The words of the successor whose predecessor ``question`` asks ("Who ran Maltby before
    Conrad Ashe?" -> {"conrad", "ashe"}), an empty set where it asks who held a post before whoever
    came after ("Who was the trust's previous chief executive?"; not "Who did Rovers play in their
    previous match?"), or None where it asks no predecessor."""
    found = _REPLACED_BY_SOMEONE.search(question) or _PREDECESSOR_OF.search(question)
    if found:
        return frozenset(words(found.group("successor") or found.group("successor_") or ""))
    if holder_asked(question) is None and not _HOLDING.search(question) and not _WHO_WAS.match(question):
        return None  # no post asked: "Who spoke before Councillor Reid?", "Who held the course record before Kibet?"
    before = _BEFORE_SOMEONE.search(question)
    if before:
        successor = frozenset(words(before.group("successor")))
        return successor if successor - _NOT_PEOPLE else None
    return frozenset() if _BEFORE_ANYONE.search(question) else None


def _names_another(text: str, successor: frozenset[str]) -> bool:
    """Whether ``text`` names someone by name (not a role) other than ``successor``."""
    return any(not mention <= successor and not is_role(mention) for mention in mentions(text, "person"))


def tells_predecessor(sentence: str, successor: frozenset[str], before: str = "") -> bool:
    """Whether ``sentence`` tells who came before ``successor`` (lower-case name words; empty: whoever
    came after) in a post (see the module's docstring), the successor named or, right before the
    verb or "predecessor", standing as "she" or "his" for one ``before``, the sentences just before
    it, names ("His predecessor, Angela Hurst, …"); with no successor named, any word of succeeding
    or of one who left. Only a sentence naming someone else by name (or by "she" after a sentence
    naming them) tells who came before."""
    if not _names_another(sentence, successor) and not (_SUBJECT_PRONOUN.match(sentence) and _names_another(before, successor)):
        return False  # "Her predecessor had been chief executive for eleven years." names no one
    if not successor:
        return bool(_ANY_SUCCESSION.search(sentence) or _LEFT.search(sentence))
    if any("doer" in roles_in(sentence, successor, verb) for verb in _SUCCEEDING):
        return True
    by_pronoun = bool(successor & set(words(before)))

    def named_before(end: int) -> bool:
        text = sentence[:end]
        return bool(successor & set(words(text))) or (by_pronoun and bool(_PRONOUN_BEFORE.search(text)))

    return (
        any(named_before(found.start()) for found in _SUCCESSOR_FIRST.finditer(sentence))
        or any(named_before(found.start()) for found in _ACTIVE.finditer(sentence))  # "Mr Barlow took over in 2023, succeeding Anne Hollis"
        or any(successor & set(words(sentence[found.end() :])) for found in _SUCCESSOR_AFTER.finditer(sentence))
    )
