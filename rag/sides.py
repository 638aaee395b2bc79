"""Which side of a dispute a question asks the words of, and whether a sentence gives the other
side's: "What did the prosecution say about the accounts?" is not answered by "Rupert Vane, for
the defence, told the jury …", nor "What did the opposition say the ratio would cost?" by "Care
Minister Patricia Holloway said … the ratio would cost about £240 million".

A side is told by the words around who speaks, outside quotation marks ("Graham Stott, Kestrel's
managing director, said …"), and, for a speaker named there, by the words of the article's first
sentence naming them ("Pinecrest spokeswoman Karen Dietz said …" for "Dietz said …"). A sentence
gives the other side's words only where those words name a side opposed to the one asked and none
of the one asked: who is unknown, or on both sides, is no other side.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Sequence
from weakref import WeakKeyDictionary

from .answer_types import SAYING_VERBS, reports_speech, speaker_asked
from .lexical import stem, words
from .text import HONORIFICS, PRONOUN_REACH

if TYPE_CHECKING:
    from .answer import ScoredSentence
    from .index import CorpusIndex

# The words each side of a common dispute goes by, and the sides opposed to each other.
_SIDES = {
    "labour": "union unions organiser organizer steward workers members",
    "employer": "management managing employer employers company firm bosses",
    "prosecution": "prosecution prosecutor prosecutors prosecuting crown",
    "defence": "defence defense defending defendant",
    "government": "government minister ministers ministry premier cabinet",
    "opposition": "opposition shadow",
    "tenants": "tenants tenant",
    "landlord": "landlord landlords owner owners",
    "residents": "residents campaigners objectors",
    "developer": "developer developers applicant",
    "council": "council councils councillor councillors authority",
    "parents": "parents",
}
_OPPOSED = (("labour", "employer"), ("prosecution", "defence"), ("government", "opposition"), ("tenants", "landlord"), ("residents", "developer"), ("residents", "council"), ("parents", "council"))
_SIDE_STEMS = {side: frozenset(map(stem, written.split())) for side, written in _SIDES.items()}
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]?")
_NAME_WORD = re.compile(r"\b[A-Z][a-z'’-]+\b")
_SAYING = re.compile(rf"\b(?:{SAYING_VERBS}|according to)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:he|she|they)\b", re.IGNORECASE)


def side_asked(question: str) -> str | None:
    """The side ``question`` asks the words of, by the words it goes by, not by a name ("What did
    the union say about the offer?" -> "labour", "the tenants association" -> "tenants"; "What did
    Dawn Pickering say?" -> None)."""
    speaker = speaker_asked(question)
    if speaker is None or _NAME_WORD.search(speaker.replace("The ", "the ", 1)):
        return None
    said = [stem(word) for word in words(speaker)]
    return next((side for side, stems in _SIDE_STEMS.items() if stems & set(said)), None)


def side_words(question: str) -> frozenset[str]:
    """The lower-case words naming the side of a dispute ``question`` asks the words of
    (``side_asked``): {"the", "defence"} of "What does the defence say …?"; empty for none."""
    return frozenset(words(speaker_asked(question) or "")) if side_asked(question) is not None else frozenset()


def side_written(index: "CorpusIndex", question: str) -> frozenset[str]:
    """The stems of the words of the side ``question`` asks the words of (``side_asked``) when the
    articles write one of them, or a minister's title for the government (``_MINISTER_TITLE``):
    "government" of "What did the government say …?" is a word the articles know where they write
    "minister" or "the Health Secretary"; else empty."""
    side = side_asked(question)
    if side is None:
        return frozenset()
    written = any(term in index.term_idf for term in _SIDE_STEMS[side]) or (side == "government" and _titles_a_minister(index))
    return _SIDE_STEMS[side] if written else frozenset()


# Whether an index's articles name a minister by their title alone (``_titles_a_minister``), read once an index.
_TITLED: "WeakKeyDictionary[CorpusIndex, bool]" = WeakKeyDictionary()


def _titles_a_minister(index: "CorpusIndex") -> bool:
    """Whether any article names a minister by their title (``_MINISTER_TITLE``: "the Health Secretary")."""
    if index not in _TITLED:
        _TITLED[index] = any(_MINISTER_TITLE.search(document.text) for document in index.documents.values())
    return _TITLED[index]


def _opposed(side: str) -> frozenset[str]:
    """The stems of the words of every side opposed to ``side``."""
    others = [b if a == side else a for a, b in _OPPOSED if side in (a, b)]
    return frozenset().union(*(_SIDE_STEMS[other] for other in others)) - _SIDE_STEMS[side]


# Who said it, written last: "…, the union said.", "… according to the council."
_SAID_LAST = re.compile(rf",\s*(?P<who>[^,]{{1,80}}?)\s+(?:{SAYING_VERBS})\s*[.!]?\s*$|\baccording\s+to\s+(?P<source>[^,.]{{1,80}})[.!]?\s*$", re.IGNORECASE)
_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whose)\b.*?(?=,\s|$)")  # "Network Rail, which employs 40,000 workers, said"


def _attribution(outside: str) -> str:
    """The words of a sentence (its quotations left out) that tell who speaks: a closing ", the
    union said." or "according to the council", else those up to its first verb of saying
    ("Graham Stott, Kestrel's managing director, said"), or those after it where none come before
    ("said Luz Moreno, president of the tenants association"); not what they said ("… said the
    union's demand would cost more than £4 million"), nor a clause telling of them ("Network Rail,
    which employs 40,000 workers, said"); all of them without such a verb."""
    last = _SAID_LAST.search(outside)
    if last:
        return last["who"] or last["source"]
    verb = _SAYING.search(outside)
    if verb is None:
        return outside
    before = _RELATIVE_CLAUSE.sub(" ", outside[: verb.start()])
    if words(before):
        return before + verb.group()
    return ",".join(outside[verb.start() :].split(",")[:2])  # the verb, the name, what they are


# Words that tell a side only in lower case: capitalised, they name something else ("Civil
# Defence", "the Defence Forces", "Stallbridge Crown Court").
_NAMING_SOMETHING_ELSE = re.compile(r"\b(?:Defence|Defense|Crown)\b")


# A minister by their title, without the word "minister": "the Health Secretary", "Secretary of
# State", "the Taoiseach"; by a government department's name, not a union's "General Secretary"
# nor "Regional Secretary", nor a club's "Company Secretary".
_DEPARTMENTS = "Health|Home|Foreign|Education|Transport|Environment|Defence|Justice|Culture|Business|Energy|Housing|Trade|Science|Treasury|Work and Pensions|Northern Ireland|Scottish|Welsh"
_MINISTER_TITLE = re.compile(rf"\b(?:(?:{_DEPARTMENTS}) Secretary|Secretary of State|Chancellor of the Exchequer|Attorney[- ]General|Taoiseach|Tánaiste)\b")
_MINISTER = stem("minister")


def _side_terms(text: str) -> set[str]:
    """The stems of the words of ``text``, but for those naming something else
    (``_NAMING_SOMETHING_ELSE``), with "minister" for a minister named by their title alone
    (``_MINISTER_TITLE``: "the Health Secretary")."""
    terms = {stem(word) for word in words(_NAMING_SOMETHING_ELSE.sub(" ", text))}
    return terms | {_MINISTER} if _MINISTER_TITLE.search(text) else terms


def speaker_words(index: "CorpusIndex", sid: int) -> frozenset[str]:
    """The stems of the words telling who speaks in sentence ``sid`` (``_attribution``), and those
    of the first sentence of its article telling so of every name among them; for a sentence
    telling it by "he", "she" or "they" alone, those of the nearest sentence before it, within
    ``PRONOUN_REACH``, that names someone and opens with no such word (``_names_someone``: "She
    said the ratio would cost …" after "Care Minister Patricia Holloway said …", in that paragraph
    or one before)."""
    sentence = index.sentences[sid]
    ids = index.document_sentences[sentence.doc_id]
    attributions = _attributions(index, sentence.doc_id)
    position = bisect_left(ids, sid)
    told, named, text = attributions[position]
    if not named and _PRONOUN.search(text):
        before = next((i for i in reversed(ids[max(0, position - PRONOUN_REACH) : position]) if _names_someone(index, index.sentences[i].text)), None)
        return told | (speaker_words(index, before) if before is not None else frozenset())
    introduced = next((terms for other, (terms, names, _) in zip(ids, attributions) if named and other != sid and named <= names), frozenset())
    return told | introduced


# What each sentence of an article tells of who speaks (``_attributions``), read once an index and article.
_READ: "WeakKeyDictionary[CorpusIndex, dict[str, list[tuple[frozenset[str], frozenset[str], str]]]]" = WeakKeyDictionary()


def _attributions(index: "CorpusIndex", doc_id: str) -> list[tuple[frozenset[str], frozenset[str], str]]:
    """For each sentence of article ``doc_id``, in reading order: the stems of its words telling
    who speaks (``_attribution``, ``_side_terms``), the names among them (``_names_in``) and those
    words as written."""
    read = _READ.setdefault(index, {})
    if doc_id not in read:
        texts = [_attribution(_QUOTED.sub(" ", index.sentences[i].text)) for i in index.document_sentences[doc_id]]
        read[doc_id] = [(frozenset(_side_terms(text)), _names_in(index, text), text) for text in texts]
    return read[doc_id]


_OPENS_WITH_PRONOUN = re.compile(r"\W*(?:he|she|they)\b", re.IGNORECASE)


def _names_someone(index: "CorpusIndex", text: str) -> bool:
    """Whether ``text`` names someone outside its quotations (``_names_in``) and does not open with
    "he", "she" or "they": "He has written to Orrin Paper's chief executive." tells more of whom a
    sentence before names, not of the chief executive."""
    return bool(_names_in(index, _QUOTED.sub(" ", text))) and not _OPENS_WITH_PRONOUN.match(text)


def _names_in(index: "CorpusIndex", text: str) -> frozenset[str]:
    """The lower-case words of the articles' names that ``text`` writes capitalised, honorifics
    aside ("Ms Odunsi" -> {"odunsi"})."""
    return frozenset(word.lower() for word in _NAME_WORD.findall(text) if word.lower() not in HONORIFICS) & index.names


def said_by_other_side(index: "CorpusIndex", sid: int, side: str) -> bool:
    """Whether sentence ``sid`` reports the words of a side opposed to ``side`` (``_SIDES``), and
    nothing of ``side`` tells who speaks: "Rupert Vane, for the defence, told the jury …" for the
    prosecution."""
    if not reports_speech(index.sentences[sid].text):
        return False
    told = speaker_words(index, sid)
    return bool(told & _opposed(side)) and not told & _SIDE_STEMS[side]


def said_by_side(index: "CorpusIndex", sid: int, side: str) -> bool:
    """Whether sentence ``sid`` reports words that the words telling who speaks give to ``side``
    ("Dawn Pickering, the union's regional organiser, said: …" for labour)."""
    return reports_speech(index.sentences[sid].text) and bool(speaker_words(index, sid) & _SIDE_STEMS[side])


def side_swapped(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"], candidates: int = 3) -> bool:
    """Whether ``question`` asks what one side of a dispute said (``side_asked``) and the best
    sentence gives the words of a side opposed to it (``said_by_other_side``), none of the first
    ``candidates`` the words of the side asked (``said_by_side``): "What did the opposition say
    the night staffing ratio would cost?" of "Care Minister Patricia Holloway said … the ratio
    would cost about £240 million a year"."""
    side = side_asked(question)
    if side is None or not scored or not said_by_other_side(index, scored[0].sentence_id, side):
        return False
    return not any(said_by_side(index, s.sentence_id, side) for s in scored[:candidates])


def side_note(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"]) -> str | None:
    """Why the articles do not answer ``question`` when the best sentence gives the other side's
    words (``side_swapped``), as a sentence for the one who asked ("The words they report on it are
    another side's, not the opposition's."), or None."""
    if not side_swapped(index, question, scored):
        return None
    return f"The words they report on it are another side's, not {speaker_asked(question)}'s."
