"""Figures told of a sibling: a name written in one list with the one a question asks about.

An article names things of a kind together ("Carrow Leisure Centre and St Mary's church hall
were opened as rest centres", "two hospitals, Leedsworth General, which has 870 beds, and St
Aldhelm's") and then gives a figure of one of them. That figure does not answer a question
about the other: "How many people stayed at St Mary's church hall?" is not answered by "The
leisure centre housed 210 people overnight", nor "How many beds does St Aldhelm's have?" by
Leedsworth General's 870.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .answer_types import ORGANISATION_ENDS, has_type
from .lexical import STOPWORDS, stem, terms
from .question import name_spans

if TYPE_CHECKING:
    from .index import CorpusIndex

# What joins two names of a list: a lower-case tail of the first ("St Mary's church hall and …"),
# a clause of its own (", which has 870 beds,"), then a comma or "and", "or", "&".
_JOINED = re.compile(r"((?:\s+[a-z][\w'’-]*){0,3})(\s*,\s*(?:which|who|where|whose)\b[^,;()]{0,80},)?(?:(\s*,)|\s*,?\s+(?:and|or|&))\s+")
# The lower-case tail of the last name of a list, before a verb or a comma ("… and St Mary's church
# hall were opened", "… church hall, which"), not a verb of its own ("… and Fenwick voted.").
_TAIL = re.compile(r"(?:\s+[a-z][\w'’-]*){1,3}?(?=\s+(?:and|or|&|were|was|is|are|have|has|had|will|would)\b|\s*[,;:])")
LISTED_NAMES_MOST = 8  # names of one list, at most ("A, B, C and D"); longer runs are not read as one kind


@dataclass(frozen=True)
class Listed:
    """One name of a list as an article writes it: its span, the stems of its words and of a
    lower-case tail naming its kind ("church hall"), and the span of a clause of its own
    (", which has 870 beds,"), if any."""

    start: int
    end: int
    name_stems: frozenset[str]
    kind_stems: frozenset[str]
    own_clause: tuple[int, int] | None


def _runs(text: str, names: frozenset[str]) -> list[tuple[int, int]]:
    """The spans of the names in ``text`` (``name_spans``), a possessive's run and the run after it as one: "St. Brendan's Medical Center"."""
    runs: list[tuple[int, int]] = []
    for start, end in name_spans(text, names):
        if runs and text[runs[-1][1] : start].isspace():
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def name_lists(text: str, names: frozenset[str]) -> list[list[Listed]]:
    """The lists of two or more names in ``text`` (``_runs``), joined by commas and ending in "and",
    "or" or "&": [[Carrow Leisure Centre, St Mary's (church hall)]]. A comma alone joins no list
    ("Priya Raman, St. Brendan's chief executive")."""
    runs = _runs(text, names)
    lists: list[list[Listed]] = []
    current: list[Listed] = []
    ends_in_and = False
    for at, (start, end) in enumerate(runs):
        joined = _JOINED.fullmatch(text, end, runs[at + 1][0]) if at + 1 < len(runs) else None
        last_tail = None if joined else _TAIL.match(text, end)
        tail = joined.group(1) if joined else last_tail.group() if last_tail else ""
        clause = joined.span(2) if joined and joined.group(2) else None
        current.append(Listed(start, end, frozenset(terms(text[start:end])), frozenset(terms(tail)), clause))
        if joined:
            ends_in_and = not joined.group(3)
            continue
        if ends_in_and and 2 <= len(current) <= LISTED_NAMES_MOST:
            lists.append(current)
        current, ends_in_and = [], False
    return lists


def _siblings(index: "CorpusIndex", doc_id: str, asked: frozenset[str]) -> list[tuple[Listed, list[Listed]]]:
    """For each list in article ``doc_id`` with a name holding a stem of ``asked``: that name and
    the others of its list."""
    found = []
    for sid in index.document_sentences[doc_id]:
        if not asked & index.sentence_terms[sid]:
            continue
        for listed in name_lists(index.sentences[sid].text, index.names):
            for name in listed:
                if asked & name.name_stems:
                    found.append((name, [other for other in listed if not asked & other.name_stems]))
    return found


# A name as where something is: "its neighbour in Ashford".
_AS_A_PLACE = re.compile(r"\b(?:in|near|from)\s+([A-Z][\w'’-]*)")
# Who a sentence ends by saying said it: ", a Wessex Water spokesman said.", ", according to the agency."
_SAID_BY = re.compile(r",\s*(?:according\s+to\b[^,;]*|[^,;]{0,60}?\b(?:said|says|told|added)\b[^,;]*)$", re.I)


def _distinct(stems: frozenset[str], other: frozenset[str]) -> frozenset[str]:
    """The stems of ``stems`` that tell its name from ``other``'s: not a kind any of a list may be
    ("The school opened in 1954" names no "Fernbank Infant School" beside Ridgeway Primary)."""
    return frozenset(s for s in stems - other - _KIND_STEMS if len(s) > 2 and s not in STOPWORDS)


def told_of_a_sibling(index: "CorpusIndex", sid: int, asked: frozenset[str], kind: str, question: str) -> bool:
    """Whether sentence ``sid`` states the ``kind`` asked (``has_type``) only of a sibling of
    what ``question`` names (``asked``, the stems of its name words): a name written in one list
    with it in the same article (``name_lists``) that the sentence, or the one it leans on,
    names (by a word of its name or of its kind: "the leisure centre"; not as who said it: "…, a
    Wessex Water spokesman said") where it names the one asked neither by name nor by its kind;
    or, naming both, states the figure only in the sibling's own clause ("Leedsworth General,
    which has 870 beds, and St Aldhelm's")."""
    sentence = index.sentences[sid]
    for listed in name_lists(sentence.text, index.names):
        if any(asked & name.name_stems for name in listed):
            for name in listed:
                if name.own_clause and not asked & name.name_stems:
                    start, end = name.own_clause
                    rest = sentence.text[:start] + sentence.text[end:]
                    if has_type(sentence.text[start:end], kind, question) and not has_type(rest, kind, question):
                        return True
    said_by = _SAID_BY.search(sentence.text)
    by_only = set(terms(said_by.group())) - set(terms(sentence.text[: said_by.start()])) if said_by else set()
    told = (index.terms_as_quoted[sid] | index.terms_leant_on.get(sid, frozenset())) - by_only  # not "…, a Wessex Water spokesman said."
    siblings = _siblings(index, sentence.doc_id, asked)
    if asked.union(*(name.kind_stems for name, _ in siblings)) & told:
        return False  # it names the one asked, by name or kind
    as_a_place = set(terms(" ".join(_AS_A_PLACE.findall(sentence.text)))) - set(terms(_AS_A_PLACE.sub(" ", sentence.text)))
    told -= as_a_place  # "its neighbour in Ashford" does not name Ashford General
    return any(_distinct(other.name_stems | other.kind_stems, name.name_stems | name.kind_stems) & told for name, others in siblings for other in others)


# The kind a question writes a name with: the last word of the name ("Millbeck Community
# Hospital") or the lower-case words after it ("the Corran Bridge plant", "the Kestrel pension scheme").
_WRITTEN_AFTER = re.compile(r"\s+((?:[a-z][a-z-]+\s+)?[a-z][a-z-]{2,})\b")
KINDS = ORGANISATION_ENDS | frozenset("plant factory works site mill mine depot warehouse store shop branch campus ward unit farm estate scheme project hub".split())
# Another of that kind named beside it in a sentence: "a second plant at Wexley".
_ANOTHER_AT = r"\b(?:another|second|third|other|new|rival|sister|neighbouring)\s+{kind}s?\s+(?:at|in|near)\s+[A-Z]"


_KIND_STEMS = frozenset(map(stem, KINDS))


def kind_written_after(question: str, end: int) -> str | None:
    """The kind ``question`` writes in lower case right after a name ending at ``end`` (one of
    ``KINDS``, with the word before it: "pension scheme" of "the Kestrel pension scheme have"),
    or None: "call" of "OpenAI call for a pause" is no kind."""
    after = _WRITTEN_AFTER.match(question, end)
    if not after:
        return None
    written = after.group(1).split()
    if written[-1] in KINDS:
        return " ".join(written)
    return written[0] if written[0] in KINDS else None


def _ending_in(kinds: Iterable[str]) -> re.Pattern[str]:
    """A name of up to three capitalised words (group 1) ending in one of ``kinds`` written
    capitalised (group 2), no other name word after it."""
    ending = "|".join(sorted((re.escape(kind.capitalize()) for kind in kinds), key=len, reverse=True))
    return re.compile(rf"(?<![\w'’.-])((?:[A-Z][\w'’.-]*\s+){{1,3}})({ending})\b(?!\s+[A-Z])")


def names_ending_in(text: str, kind: str) -> list[str]:
    """The capitalised words of each name in ``text`` that ends in ``kind`` written capitalised,
    no other name word after it: "Otterbury Borough" of "Otterbury Borough Council"; not "the
    Labour council leader", nor "Northvale University Hospitals NHS Trust" for "hospital"."""
    return [found.group(1) for found in _ending_in((kind,)).finditer(text)]


def _names_before(text: str, kind: str) -> list[str]:
    """The capitalised words of each name in ``text`` written before ``kind`` in lower case, for a
    kind of place or thing that is no organisation's name ("Wattle Creek" of "The Wattle Creek hub";
    not "Labour" of "the Labour council leader")."""
    if kind in ORGANISATION_ENDS:
        return []
    return re.findall(rf"(?<![\w'’.-])((?:[A-Z][\w'’.-]*\s+){{1,3}}){re.escape(kind)}s?\b", text)


def _kinds_asked(question: str, names: frozenset[str]) -> list[tuple[frozenset[str], str]]:
    """(stems of the name, its kind) for each name ``question`` writes with a kind."""
    kinds = []
    for start, end in _runs(question, names):
        run = [word.lower() for word in re.findall(r"[\w'’-]+", question[start:end])]
        after = kind_written_after(question, end)
        kind = after.split()[-1] if after else run[-1] if run and run[-1] in KINDS else None
        stems = frozenset(terms(question[start:end])) - ({stem(kind)} if kind else set())
        if kind and stems:
            kinds.append((stems, kind))
    return kinds


_POSSESSIVE = re.compile(r"['’]s$")
_ANY_KIND = _ending_in(KINDS)


def _kinds_in(text: str) -> dict[frozenset[str], set[str]]:
    """The kinds of the names ``text`` writes with one (``names_ending_in``), by the stems of the
    words before it: {st, aldhelm}: {hospital} of "St Aldhelm's Hospital"."""
    kinds: dict[frozenset[str], set[str]] = {}
    for found in _ANY_KIND.finditer(text):
        kinds.setdefault(frozenset(terms(found.group(1))), set()).add(found.group(2).lower())
    return kinds


def _kinds_written_elsewhere(question: str, names: frozenset[str], written: dict[frozenset[str], set[str]]) -> list[tuple[frozenset[str], str]]:
    """(stems of the name, its kind) for each name ``question`` writes with no kind that an article
    writes with one, and one only, in a name holding its words (``written``, its ``_kinds_in``):
    "St Aldhelm's" of "St Aldhelm's Hospital", "Millbeck" of "Millbeck Community Hospital"."""
    asked = []
    for start, end in _runs(question, names):
        stems = frozenset(terms(question[start:end]))
        kinds = set().union(*(kinds for name, kinds in written.items() if stems <= name))  # "Millbeck" of "Millbeck Community Hospital"
        if stems and len(kinds) == 1 and not kind_written_after(question, end) and not stems & _KIND_STEMS:
            asked.append((stems, next(iter(kinds))))
    return asked


def another_of_its_kind_named(index: "CorpusIndex", sid: int, question: str) -> bool:
    """Whether sentence ``sid`` names, where it names no name ``question`` writes with its kind
    (``_kinds_asked``: "Millbeck Community Hospital", "the Corran Bridge plant"), another of that
    kind: a name ending in the kind (``names_ending_in``: "Millbeck Community Hospital" for a
    question on St Aldhelm's Hospital) or written before it ("The Wattle Creek hub" for the
    Mirrabee hub, ``_names_before``), another one at a place ("a second plant at Wexley"), or a
    name opening it with a clause of its own in a sentence on the kind ("St Aldhelm's, which has
    540 beds, is the larger of the trust's two hospitals"; not a body of another kind: "The
    Northvale Trust, which runs the hospital"). For a name the question writes with no kind, the
    one kind its article writes it with (``_kinds_written_elsewhere``), and another the article
    writes with that kind named in the sentence ("Millbeck's emergency department" of "Millbeck
    Community Hospital", for St Aldhelm's). What it states is that other's."""
    text = index.sentences[sid].text
    told = index.terms_as_quoted[sid] | index.terms_leant_on.get(sid, frozenset())
    for asked, kind in _kinds_asked(question, index.names):
        if asked & told:
            continue
        ending = [name for name in names_ending_in(text, kind) + _names_before(text, kind) if _other_name(name, asked)]
        opening = re.match(r"((?:[A-Z][\w'’.-]*\s*){1,3}),\s*(?:which|where)\b", text)
        other_kind = opening is not None and opening.group(1).split()[-1].lower() in KINDS  # "The Northvale Trust, which runs the hospital"
        a_thing = opening is not None and not other_kind and _other_name(opening.group(1), asked) and re.search(rf"\b(?i:{re.escape(kind)})s?\b", text)
        if ending or re.search(_ANOTHER_AT.format(kind=re.escape(kind)), text) or a_thing:
            return True
    written = _kinds_in(index.documents[index.sentences[sid].doc_id].text)
    for asked, kind in _kinds_written_elsewhere(question, index.names, written):
        if asked & told:
            continue
        others = [stems for stems, kinds in written.items() if kind in kinds and not stems & asked]
        said = [frozenset(terms(text[start:end])) for start, end in _runs(text, index.names) if _POSSESSIVE.search(text, 0, end)]  # "Millbeck's emergency department"; not a place, "as in Carrow"
        if any(name and any(name <= other for other in others) for name in said):  # "Millbeck's emergency department" of "Millbeck Community Hospital"
            return True
    return False


def _other_name(written: str, asked: frozenset[str]) -> bool:
    """Whether capitalised words ``written`` name something (not only small words: "The") other than ``asked`` (stems)."""
    found = frozenset(terms(written))
    return bool(found) and not found & asked
