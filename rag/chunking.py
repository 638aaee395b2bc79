"""Sentence-aligned chunks sized in cl100k tokens, overlapping by a few sentences (one by default).

Every chunk also fits the embedding model's own input limit when the encoder's
tokenizer is given: cl100k tokens and the model's word pieces differ most on
non-Latin scripts (Cyrillic text takes about twice as many word pieces), and the model
would silently drop what runs past its limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .markup import FRONT_MATTER
from .settings import set_whole_numbers
from .text import count_tokens, token_encoder
from .types import Chunk, Document, Sentence

# all-MiniLM-L6-v2 reads at most 256 word pieces; 160 cl100k tokens stays under it for
# English (word pieces run about 1.0-1.3 per cl100k token). Other scripts are checked
# with the model's own tokenizer (see model_fit).
MODEL_SAFE_MAX_TOKENS = 160

FitsModel = Callable[[str], bool]


@dataclass(frozen=True)
class ChunkingSettings:
    """How documents are cut into chunks (recorded in the index manifest); SettingsError for a
    value that is not a whole number in range."""

    max_tokens: int = 128
    overlap_sentences: int = 1

    def __post_init__(self) -> None:
        set_whole_numbers(self, (("max_tokens", 16, MODEL_SAFE_MAX_TOKENS), ("overlap_sentences", 0, 3)))


def model_fit(encoder: object) -> FitsModel | None:
    """A check that a text fits ``encoder``'s input whole, by its own tokenizer.

    None when the encoder cannot count its tokens (``count_model_tokens``) or has no
    ``max_seq_length``.
    """
    count = getattr(encoder, "count_model_tokens", None)
    limit = getattr(encoder, "max_seq_length", None)
    if count is None or not limit:
        return None
    # Each word piece of ASCII text covers at least one character (plus [CLS] and [SEP]), so a
    # short ASCII text fits without being tokenized; other scripts can expand (Hangul, say).
    return lambda text: (len(text) + 2 <= limit and text.isascii()) or count(text) <= limit


def _fits(text: str, max_tokens: int, fits_model: FitsModel | None) -> bool:
    return count_tokens(text) <= max_tokens and (fits_model is None or fits_model(text))


def _halves(text: str, start: int, end: int, max_tokens: int, fits_model: FitsModel | None) -> list[tuple[int, int]]:
    """``(start, end)`` cut in halves at token boundaries until every part fits."""
    piece = text[start:end]
    if _fits(piece, max_tokens, fits_model):
        return [(start, end)]
    encoder = token_encoder()
    tokens = encoder.encode(piece, disallowed_special=())
    _, offsets = encoder.decode_with_offsets(tokens)
    cut = offsets[len(tokens) // 2] if len(tokens) > 1 else 0
    if not 0 < cut < len(piece):  # one token (or one character) cannot be cut further
        return [(start, end)]
    return _halves(text, start, start + cut, max_tokens, fits_model) + _halves(text, start + cut, end, max_tokens, fits_model)


def model_pieces(text: str, start: int, end: int, fits_model: FitsModel) -> list[tuple[int, int]]:
    """``text[start:end]`` cut in halves at token boundaries until the model reads each part whole."""
    return _halves(text, start, end, 10**9, fits_model)


def _pieces(text: str, sentence: Sentence, max_tokens: int, fits_model: FitsModel | None) -> list[tuple[int, int]]:
    """(start, end) windows of one sentence, cut where it exceeds either limit."""
    if _fits(sentence.text, max_tokens, fits_model):
        return [(sentence.start, sentence.end)]
    encoder = token_encoder()
    tokens = encoder.encode(sentence.text, disallowed_special=())
    _, offsets = encoder.decode_with_offsets(tokens)
    cuts = [sentence.start + offsets[i] for i in range(0, len(tokens), max_tokens)] + [sentence.end]
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        if end > start:
            pieces += _halves(text, start, end, max_tokens, fits_model)
    return pieces


def chunk_document(
    document: Document,
    sentences: list[Sentence],
    first_sentence_id: int,
    first_chunk_id: int,
    settings: ChunkingSettings = ChunkingSettings(),
    fits_model: FitsModel | None = None,
) -> list[Chunk]:
    """Cut one document's sentences (global ids from ``first_sentence_id``) into chunks.

    Each chunk holds at most ``settings.max_tokens`` cl100k tokens and, with
    ``fits_model`` (see model_fit), no more than the embedding model reads. Markup (front
    matter, its author's line too, a code block, a comment) starts and ends no chunk, so that no
    passage opens on "title: …" and none is only code; between two sentences it stays in the
    passage's text.
    """
    text = document.text
    front = FRONT_MATTER.match(text)
    units: list[tuple[int, int, int]] = []  # (sentence id, start, end)
    for offset, sentence in enumerate(sentences):
        if sentence.kind == "markup" or (front and sentence.end <= front.end()):
            continue
        for start, end in _pieces(text, sentence, settings.max_tokens, fits_model):
            units.append((first_sentence_id + offset, start, end))
    chunks: list[Chunk] = []
    i = previous_end = 0
    while i < len(units):
        j = i + 1
        while j < len(units) and _fits(text[units[i][1] : units[j][2]], settings.max_tokens, fits_model):
            j += 1
        if j <= previous_end:  # the overlap leaves no room for a new sentence: start after it
            i = previous_end
            continue
        previous_end = j
        start, end = units[i][1], units[j - 1][2]
        chunks.append(
            Chunk(
                chunk_id=first_chunk_id + len(chunks),
                doc_id=document.doc_id,
                start=start,
                end=end,
                text=text[start:end],
                sentence_ids=tuple(dict.fromkeys(u[0] for u in units[i:j])),
                n_tokens=count_tokens(text[start:end]),
            )
        )
        if j >= len(units):
            break
        i = max(i + 1, j - settings.overlap_sentences)
    return chunks
