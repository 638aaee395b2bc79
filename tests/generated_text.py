"""Hypothesis strategies for article-like text, and the span checks the tests share."""

from __future__ import annotations

from hypothesis import strategies as st

from rag.markup import HTML_TAG
from rag.types import Sentence

# What news text throws at a sentence splitter: abbreviations, curly quotes, dashes,
# reference markers, numbers with points, accents and other scripts.
WORDS = (
    "the company said revenue of AI model Anthropic U.S. Dr. Mr. e.g. i.e. etc. vs. Jan. p.m. "
    "St. No. safety “pause” ‘self-improving’ — – $9 billion 3.5 2025 [1, 2] (RSI) Zürich naïve "
    "Ωmega 人工智能 Компания état"
).split()
ENDINGS = (".", "?", "!", "", ".”", "…", " [1, 2].", ".[3]", ":", "?”")
LAYOUT = (
    "\n", "\n\n", "\r\n", "  • ", "- ", "* ", "1. ", "2) ", "\t", " ", "\u2028", "\x0c",
    "Key Facts\n", "Frequently asked questions\n", "Further reading: more about it.",
    "on safety.Anthropic policy document", "<p>", "</p>\n", "<b>", "</b> ",
)
# Characters that may be left outside every sentence: layout, list, block-quote and emphasis markers (and HTML tags).
MARKER_CHARACTERS = frozenset("•◦▪‣∙·*_+-–0123456789.)>")

sentences = st.builds(
    lambda words, ending: " ".join(words).capitalize() + ending,
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=14),
    st.sampled_from(ENDINGS),
)
news_text = st.lists(st.one_of(sentences, st.sampled_from(LAYOUT)), max_size=40).map("".join)


def assert_exact_spans(text: str, found: list[Sentence]) -> None:
    """Sentences index ``text`` exactly, in order, trimmed, and lose nothing but layout and HTML tags."""
    covered = bytearray(len(text))
    for tag in HTML_TAG.finditer(text):
        covered[tag.start() : tag.end()] = b"\1" * (tag.end() - tag.start())
    previous_end = 0
    for sentence in found:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.start < sentence.end and sentence.start >= previous_end
        assert sentence.text == sentence.text.strip()
        covered[sentence.start : sentence.end] = b"\1" * (sentence.end - sentence.start)
        previous_end = sentence.end
    left_out = {ch for ch, inside in zip(text, covered) if not inside and not ch.isspace()}
    assert left_out <= MARKER_CHARACTERS, (left_out, text)
