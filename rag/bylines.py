"""Questions of who wrote an article, or what someone wrote, answered by the articles' bylines.

"Who wrote the opinion piece on the tram?" is answered by the byline of the article it
describes; "Which articles did Priya Raman write?" by every byline that names her.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .lexical import question_terms, terms

if TYPE_CHECKING:
    from .index import CorpusIndex

# A question of who wrote one of the articles ("Who wrote the article about the opening?",
# "Who is the author of the fares guide?"): the article's byline answers it.
_PIECES = "article story piece column op-ed oped editorial feature review guide explainer analysis announcement postmortem newsletter".split()
_WRITING = r"(wrote|writes|written|authored|penned|is the (author|writer|reporter)|are the (authors|writers|reporters))"
_PIECE = "(" + "|".join(map(re.escape, _PIECES)) + ")"
_ASKS_AUTHOR = re.compile(rf"\bwho\b.*\b{_WRITING}\b.*\b{_PIECE}\b|\b(author|writer|byline)s? of\b.*\b{_PIECE}\b", re.IGNORECASE)
# A question of what someone wrote ("Which articles did Priya Raman write?", "What has Kwame Asante written about?").
_ASKS_WORKS = re.compile(rf"\b(what|which)\b.*\b(write|wrote|written|writes)\b|\b(what|which)\b.*\b{_PIECE}s?\b.*\bby\b", re.IGNORECASE)
# The words that ask who wrote a piece, not which piece: the rest of the question is its topic.
_AUTHORSHIP_WORDS = " ".join(["write wrote writes written authored penned author authors writer writers reporter reporters byline", *_PIECES])


def bylines_asked(index: CorpusIndex, question: str, ranked: Iterable[str], limit: int) -> tuple[int, ...]:
    """The sentence ids of the bylines that answer a question of who wrote an article ("Who wrote
    the opinion piece on the tram?"): the byline, if it has one, of the article the question is
    about, the one whose title holds the most of the question's other words (its topic), then
    whose text does, of the articles of ``ranked`` (doc ids, best first) holding at least half of
    them (another article's byline would name the wrong author); or of what someone wrote ("Which articles did
    Priya Raman write?"): every byline that names them, best-ranked article first, at most
    ``limit``. () for any other question."""
    asks_author = bool(_ASKS_AUTHOR.search(question))
    if not asks_author and not _ASKS_WORKS.search(question):
        return ()
    topic = _topic(question)
    if not topic:
        return ()  # "who wrote this article?" names none of them
    bylines = index.article_bylines
    if asks_author:
        piece = article_asked(index, question, ranked)
        return (bylines[piece],) if piece in bylines else ()
    in_rank_order = [*(bylines[doc_id] for doc_id in dict.fromkeys(ranked) if doc_id in bylines), *bylines.values()]
    return tuple(dict.fromkeys(byline for byline in in_rank_order if topic <= index.sentence_terms[byline]))[:limit]


def article_asked(index: CorpusIndex, question: str, ranked: Iterable[str]) -> str | None:
    """The doc id of the article a question of who wrote one is about: of the articles of
    ``ranked`` (best first) holding at least half of its topic's words, the one whose title holds
    the most of them, then whose text does; None when none holds half."""
    topic = _topic(question)
    in_order = dict.fromkeys(ranked)
    held = {doc_id: len(topic & _words_of(index, doc_id)) for doc_id in in_order}  # of the topic's words, how many each article has
    about = [doc_id for doc_id in in_order if topic and 2 * held[doc_id] >= len(topic)]
    return max(about, key=lambda doc_id: (len(topic & set(terms(index.documents[doc_id].title))), held[doc_id]), default=None)


# Who wrote a piece named just after the verb ("Who wrote the heater article?", "Who is the author
# of the fares guide?"), not a letter or statement the piece tells of ("Who wrote the letter in
# the budget story?").
_ASKS_AUTHOR_OF_PIECE = re.compile(
    rf"\bwho\s+{_WRITING}\s+(?:the|this|that|an?)\s+(?:[\w'’-]+\s+){{0,3}}?{_PIECE}\b|\b(author|writer)s?\s+of\s+(?:the|this|that|an?)\s+(?:[\w'’-]+\s+){{0,3}}?{_PIECE}\b",
    re.IGNORECASE,
)


def asks_author_of(question: str) -> bool:
    """Whether ``question`` asks who wrote one of the articles, named just after the verb, with
    its topic ("Who wrote the heater article?"): only a byline answers it, not a person the
    article quotes."""
    return bool(_ASKS_AUTHOR_OF_PIECE.search(question)) and bool(_topic(question))


def _topic(question: str) -> set[str]:
    """The words of a question about who wrote a piece, or what someone wrote, that are not about
    writing: what the piece is about, or who wrote it."""
    return set(question_terms(question)) - set(question_terms(_AUTHORSHIP_WORDS))


def _words_of(index: CorpusIndex, doc_id: str) -> frozenset[str]:
    """The terms of every sentence of article ``doc_id``."""
    return frozenset().union(*(index.sentence_terms[i] for i in index.document_sentences[doc_id]))
