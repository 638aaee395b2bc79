"""Checking and normalising a question before it reaches the pipeline."""

from __future__ import annotations

import re
import unicodedata

from .errors import QuestionError

MAX_QUESTION_CHARS = 2000
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
_FOLLOW_UP = re.compile(
    r"^(and|but|also|what about|how about|and what|what else|why|how so|who else|anything else)\b"
    r"|\b(they|them|it|its|he|she|his|her|that|this|those|these|the same)\b",
    re.IGNORECASE,
)


def clean_question(question: object) -> str:
    """Return the question normalised (NFKC, no control or invisible characters).

    Raises QuestionError with a friendly message when nothing is left to ask or the
    question is longer than MAX_QUESTION_CHARS.
    """
    if not isinstance(question, str):
        raise QuestionError("the question must be text")
    if len(question) > MAX_QUESTION_CHARS * 4:
        raise QuestionError(f"the question is too long ({len(question):,} characters); the limit is {MAX_QUESTION_CHARS:,}")
    text = _SURROGATES.sub("", question)
    text = _INVISIBLE.sub("", text)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    text = " ".join(text.split())
    if not text:
        raise QuestionError("the question is empty; type a question about the articles")
    if len(text) > MAX_QUESTION_CHARS:  # counted as typed: NFKC may expand one character to 18
        raise QuestionError(f"the question is too long ({len(text):,} characters); the limit is {MAX_QUESTION_CHARS:,}")
    text = " ".join(_INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).split())
    if not any(ch.isalnum() for ch in text):
        raise QuestionError("the question has no words in it; type a question about the articles")
    return text


def with_context(question: str, history: list[str] | None) -> str:
    """The question to retrieve with: a short follow-up is joined to the previous question."""
    if not history:
        return question
    try:  # earlier turns come from the client as they were typed: clean them too
        previous = clean_question(history[-1])
    except QuestionError:
        return question
    if len(question.split()) <= 6 or _FOLLOW_UP.search(question):
        return f"{previous} {question}"
    return question
