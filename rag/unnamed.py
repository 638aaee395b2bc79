"""Whether the articles leave unnamed what a question asks them to name.

"Which private equity firm is buying Calderway Guard?" of "… agreed to sell Calderway Guard to a
private equity firm for an undisclosed sum": the sentence that tells of the sale says a firm is
buying, and which one it does not say. A question asking a thing's name (``expected_type``
"name") names its kind ("firm", "café", "ferry"); a sentence telling of that kind only with an
indefinite word before it ("a firm", "two neighbouring councils", "its last porcelain factory")
and no name beside it leaves it unnamed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .answer_types import ASKS_NAME, expected_type, is_role
from .lexical import question_terms, stem, words
from .question import names_in
from .text import NUMBER_WORD

if TYPE_CHECKING:
    from .answer import ScoredSentence
    from .index import CorpusIndex

# "the name of the engineering firm whose founders …", "the name of Irene Shaw's café", "What is
# the new Inchbay ferry called?", "What was the hotel going to be called?": the words after "name
# of" or before "called"; the last before a word starting what is told of it is the kind.
_NAME_OF = re.compile(r"\bname of (?:the |a |an |its |their |his |her )?((?:[\w'’-]+ ?){1,8})", re.IGNORECASE)
_CALLED = re.compile(r"\b(?:is|was|are|were|will) (?:the|its|their)((?: [\w'’-]+){1,6}?) (?:be )?called\b", re.IGNORECASE)
_TOLD_OF_IT = re.compile(r"that|which|who|whose|where|when|in|at|on|for|to|by|with|from|of|under|as|after|before|into|over|during|going", re.IGNORECASE)
_PARTICIPLE = re.compile(r"[a-z]{3,}ed")  # "the company registered on Caskey", not "the newly renovated hotel" nor "the Red Lion"
# Words that leave what follows unnamed: "a firm", "two neighbouring councils", "its last porcelain factory".
_INDEFINITE = re.compile(
    rf"\b(?:a|an|another|one|some|several|its|their|his|her|our|no|{NUMBER_WORD}|\d[\d,]*\d|\d)\s+(?:(?!(?:the|by|of|to|in|at|for|from|with|and|or)\b)[\w'’-]+\s+){{0,3}}$",
    re.IGNORECASE,
)
_DEFINITE = re.compile(r"\bthe\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)  # "Harbour Capital, the private equity firm, said …"
# "Greenhollow Environmental, a firm", "The buyer, Harbour Capital, is a private equity firm"
_NAME_BEFORE = re.compile(r"[A-Z][\w'’&.-]*(?:,\s*|,?\s+(?:is|was|are|were|became|becomes)\s+)$")
# "a firm, Harbour Capital,", "a firm: Harbour Capital", "a broadband router (Sky Q Hub)", "a hotel named the Gullhaven Arms",
# "a ferry called “Tern”", "a company known today as Visa Inc."
_NAME_AFTER = re.compile(r"\s*[,(:–—-]?\s*(?:(?:called|named|renamed|dubbed|known(?:\s+\w+)?\s+as)\s+)?(?:the\s+)?[\"“‘']?[A-Z]")
_WORD = re.compile(r"[\w'’-]+")
_REACH = 60  # characters before a kind's word read for its indefinite word
# Many asked ("Which companies bid …?"): an article counting them ("Four companies have been
# shortlisted") may name them in the list after it.
_PLURAL = re.compile(r"(?<!s)s$|ies$")


def kind_asked_named(question: str) -> str | None:
    """The kind of thing ``question`` asks the name of ("firm" of "Which private equity firm is
    buying Calderway Guard?", "café" of "What is the name of Irene Shaw's café?", "ferry" of "What
    is the new ferry called?"), lower-case, or None when it asks no name."""
    if expected_type(question) != "name":
        return None
    kind = None
    for pattern in (_NAME_OF, _CALLED):
        found = pattern.search(question)
        if found:
            named = found.group(1).split()
            told = (at for at, word in enumerate(named) if at and (_TOLD_OF_IT.fullmatch(word) or (_PARTICIPLE.fullmatch(word) and at + 1 < len(named) and _TOLD_OF_IT.fullmatch(named[at + 1]))))
            kind = named[next(told, len(named)) - 1].lower()
            break
    else:
        found = ASKS_NAME.search(question)
        if found and re.match(r"wh(?:at|ich)\b", found.group(), re.IGNORECASE) and not re.search(r"\bnames? of\b|\bcalled\b", found.group(), re.IGNORECASE):
            kind = " ".join(found.group().lower().split()[-2:]) if found.group().lower().endswith("care home") else found.group().split()[-1].lower()
    return None if kind is None or is_role(frozenset({kind})) else kind  # not "the name of the company's founder": a person


def _occurrences(text: str, kind: str) -> list[re.Match[str]]:
    if " " in kind:  # "care home"
        return list(re.finditer(rf"\b{re.escape(kind)}s?\b", text, re.IGNORECASE))
    key = stem(kind)
    return [word for word in _WORD.finditer(text) if stem(word.group().lower()) == key]


def _named_at(text: str, word: re.Match[str]) -> bool:
    """Whether the kind's ``word`` in ``text`` is named: a name's own word ("the Coastal Communities
    Fund"), or with a name before it ("Greenhollow Environmental, a firm", "Harbour Capital, the
    firm") or after it (``_NAME_AFTER``)."""
    before = text[max(0, word.start() - _REACH) : word.start()]
    indefinite = _INDEFINITE.search(before) or _DEFINITE.search(before)
    return word.group()[0].isupper() or bool(_NAME_AFTER.match(text, word.end())) or bool(indefinite and _NAME_BEFORE.search(before[: indefinite.start()]))


def tells_unnamed(text: str, kind: str) -> bool:
    """Whether ``text`` tells of ``kind`` and each time only after an indefinite word
    (``_INDEFINITE``: "a firm", "two neighbouring councils"), with no name beside it (``_named_at``)."""
    found = _occurrences(text, kind)
    return bool(found) and all(_INDEFINITE.search(text[max(0, word.start() - _REACH) : word.start()]) and not _named_at(text, word) for word in found)


def _may_name(text: str, kind: str, typed: bool, topic: set[str], told: frozenset[str], told_unnamed: int) -> bool:
    """Whether a sentence may name the ``kind`` asked: it names one where it tells of the kind
    (``_named_at``: "Harbour Capital, the private equity firm, said …"), or it tells of no such
    kind and states a name the question lacks (``typed``) beside as many words of its ``topic``
    (among the sentence's stems, ``told``) as the sentence leaving it unnamed tells
    (``told_unnamed``), one at least: "Sales were led by demand in Canada." for "Which country does
    Penhallow export most to?", not "… a sponsored swim at Linford Lido" for "Which building firm's
    staff organised the sponsored walk?" of "A sponsored walk organised by staff at a local
    building firm …"."""
    found = _occurrences(text, kind)
    return any(_named_at(text, word) for word in found) if found else typed and len(topic & told) >= max(1, told_unnamed)


def left_unnamed(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"], candidates: int = 3) -> str | None:
    """The kind ``question`` asks the name of (``kind_asked_named``), one of it (``_PLURAL``), when
    the best sentence tells of it unnamed (``tells_unnamed``) and none of the next best sentences
    (up to ``candidates`` in all) from its article may name it (``_may_name``; a word of its topic,
    not of its names), nor does any sentence of its article name one of the kind beside a word of
    its topic. "Which private equity firm is buying Calderway Guard?" of "… to a private equity firm
    for an undisclosed sum", however near "Analysts at Tessel Bank said private equity firms had
    shown interest"; not "Which country does Penhallow export most to?" of "Penhallow now sells in
    31 countries." before "Sales were led by demand in Canada."
    """
    kind = kind_asked_named(question)
    if kind is None or _PLURAL.search(kind) or not scored or not tells_unnamed(index.sentences[scored[0].sentence_id].text, kind):
        return None
    article = index.sentences[scored[0].sentence_id].doc_id
    topic = set(question_terms(question)) - {stem(word) for name in names_in(question) for word in words(name)} - {stem(kind)}
    told_unnamed = len(topic & index.terms_as_quoted[scored[0].sentence_id])
    for candidate in scored[1:candidates]:
        sentence = index.sentences[candidate.sentence_id]
        if sentence.doc_id == article and _may_name(sentence.text, kind, candidate.type_match, topic, index.terms_as_quoted[candidate.sentence_id], told_unnamed):
            return None
    for sid in index.document_sentences[article]:  # "Harbour Capital, the private equity firm, said …" further on
        text = index.sentences[sid].text
        if topic & index.terms_as_quoted[sid] and any(_named_at(text, word) for word in _occurrences(text, kind)):
            return None
    return kind
