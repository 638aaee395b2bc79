"""Who did what to whom: "Who replaced Gail Hendry?" asks who came after her, which "Gail Hendry,
who replaced Steve Rudd, …" does not tell (it tells whom she replaced); "Whom did Fiona Crake
warn?" is not answered by "Mr Sutter said he had warned Fiona Crake".

A question naming someone (or something) with a verb gives them a role: the one done to in "Who
replaced X?" and "Who was X criticised by?", the doer in "Who did X replace?". A sentence that
uses the same verb with the name only in the other role ("X, who replaced …", "… had warned X",
"X was criticised by …") tells the relation the other way round.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from .lexical import is_verb, verb_forms, verb_lemmas, words
from .officer_titles import is_title
from .text import AUXILIARIES, NUMBER_WORD

Role = Literal["doer", "done to"]

# "Who replaced Gail Hendry as manager?", "Who will succeed Louise Farrant?": the name is done to.
_WHO_DOES = re.compile(r"\W*(?i:who)\s+(?:(?:will|would|has|had)\s+)?(?P<verb>[a-z]+)\s+(?:(?:to|from|with|for|against|on|about)\s+)?(?P<rest>[A-Z].*)", re.DOTALL)
# "Who did Jonah Reece foul?", "Whom did Fiona Crake warn about the project?": the name does it;
# "Who was Simon Achebe criticised by?": the name is done to.
_WHO_DID = re.compile(r"\W*(?:who|whom)\s+(?P<aux>did|does|do|will|would|has|had|was|were|is)\s+(?P<rest>[A-Z].*)", re.DOTALL | re.IGNORECASE)
# Verbs that relate no two names, or help another verb: "Who is X?", "Who will X report to?".
_AUXILIARIES = frozenset(AUXILIARIES.split("|")) | {"be", "been", "may", "might"}
# Verbs that relate two names both ways: "Tom Keane met Fiona Crake" tells whom she met too.
_BOTH_WAYS = frozenset(
    "meet meets met meeting marry marries married marrying face faces faced facing play plays played playing draw draws drew drawn "
    "drawing fight fights fought fighting partner partners partnered speak speaks spoke talk talks talked".split()
)
_POSSESSIVE = re.compile(r"['’]s?$")
_HONORIFIC = "Mr|Mrs|Ms|Dr|Lord|Lady|Sir"  # before a name: "Ms Birtles", "Dr. Shah"
_NAME = re.compile(rf"(?:(?:{_HONORIFIC})\.?\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|&))*")


def relation_asked(question: str) -> tuple[frozenset[str], str, Role] | None:
    """The name ``question`` relates by a verb (its lower-case words), the verb, and the name's
    role, or None: ({"gail", "hendry"}, "replaced", "done to") of "Who replaced Gail Hendry as
    manager?", ({"fiona", "crake"}, "warn", "doer") of "Whom did Fiona Crake warn?"."""
    does = _WHO_DOES.match(question)
    if does and is_verb(does.group("verb")) and does.group("verb").lower() not in _AUXILIARIES | _BOTH_WAYS:
        name = _NAME.match(does.group("rest"))
        return (frozenset(words(name.group())), does.group("verb"), "done to") if name else None
    did = _WHO_DID.match(question)
    if did:
        name = _NAME.match(did.group("rest"))
        after = did.group("rest")[name.end() :].split() if name else []
        verb = after[0].lower().strip("?") if after else ""
        if name and verb and is_verb(verb) and verb not in _BOTH_WAYS and not _POSSESSIVE.search(name.group()):  # not "Who was Bill Aiken's adopted mother?"
            if did.group("aux").lower() not in ("was", "were", "is"):
                return frozenset(words(name.group())), verb, "doer"
            if "by" in [word.lower().strip("?") for word in after[1:4]]:  # "Who was Simon Achebe criticised by?"
                return frozenset(words(name.group())), verb, "done to"
    return None


def roles_in(text: str, name: frozenset[str], verb: str) -> set[Role]:
    """The roles ``text`` gives the name (any of its words, ``name``) with a form of ``verb``: the
    doer where the name comes before it, in a clause of its own or not ("Gail Hendry, who
    replaced …", "Transvia Group, which now owns it", "Okafor criticised …"), unless passive
    ("Achebe was criticised by …", "Ridgeway Construction, founded in 1988 by …": done to) or the
    verb's bare form names a role before its holder's name ("Rathkeel coach Brendan Foley");
    done to where the verb comes right before it ("had warned Fiona Crake", "written to Ms
    Birtles"); the doer after "by" ("replaced by Gail Hendry", "by Hendry"; not another name sharing
    a word with it: "owned by Coorabin Shire Council" of Coorabin Water)."""
    forms = verb_forms(verb) or frozenset({verb})
    verbs = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    named = "|".join(sorted((re.escape(word) for word in name if len(word) > 2), key=len, reverse=True))
    if not named:
        return set()
    roles: set[Role] = set()
    for found in re.finditer(
        rf"\b(?:{named})\b(?:['’]s)?(?:\s*,[^,.;]{{1,60}},)?\s*,?\s*(?:(?:who|which)\s+)?(?P<aux>(?:(?:had|has|have|will|would|was|were|is|are|been|be|also|then|to|not|now|still)\s+){{0,3}})"
        # passive: "by" after no more than a few words in lower case, not a margin ("defeated Tom Aldous by 312 votes", "beat Rathkeel by three points")
        rf"(?P<verb>{verbs})\b(?P<by>(?:\s+(?!(?:the|a|an|his|her|its|their)\b)(?-i:[a-z\d])[\w'’-]*){{0,3}}?\s+by\b(?!\s+(?:\d|{NUMBER_WORD}\b)))?"
        r"(?P<name_after>\s+(?-i:[A-Z]))?",
        text,
        re.IGNORECASE,
    ):
        if not found.group("aux") and found.group("name_after") and found.group("verb").lower() in verb_lemmas(verb) and is_title(found.group("verb").lower(), plural=False):
            continue  # a role's name before its holder's, no verb: "Rathkeel coach Brendan Foley" (not "Leeds beat Hull 3-1")
        passive = bool(found.group("by")) or bool(re.search(r"\b(?:was|were|is|are|been|be)\b", found.group("aux"), re.IGNORECASE))
        roles.add("done to" if passive else "doer")
    if re.search(rf"\b(?:{verbs})\s+(?:(?:to|the|a|an|{_HONORIFIC})\.?\s+){{0,2}}(?:(?-i:[A-Z])[\w'’-]*\s+)?(?:{named})\b", text, re.IGNORECASE):
        roles.add("done to")
    for doer in re.finditer(rf"\b(?:{verbs})\s+by\s+(?:(?:the|{_HONORIFIC})\.?\s+)?(?P<name>(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*)", text, re.IGNORECASE):
        written = frozenset(words(doer.group("name")))
        if written <= name or name <= written:  # "Steve Rudd was replaced by Gail Hendry"; not "Coorabin Water … owned by Coorabin Shire Council"
            roles.add("doer")
    return roles


def told_the_other_way(question: str, best: str, others: Sequence[str] = ()) -> bool:
    """Whether ``best`` (the best sentence) tells the relation ``question`` asks of a name
    (``relation_asked``) with the name only in the other role (``roles_in``), and none of
    ``others`` (the next best sentences) tells it in the role asked: "Gail Hendry, who replaced
    Steve Rudd" for "Who replaced Gail Hendry?"."""
    asked = relation_asked(question)
    if asked is None:
        return False
    name, verb, role = asked
    roles = roles_in(best, name, verb)
    return bool(roles) and role not in roles and not any(role in roles_in(text, name, verb) for text in others)
