"""Sentence-aligned chunks sized in cl100k tokens, overlapping by one sentence."""

from __future__ import annotations

from dataclasses import dataclass

from .text import count_tokens, token_encoder
from .types import Chunk, Document, Sentence

# all-MiniLM-L6-v2 reads at most 256 word pieces; 160 cl100k tokens stays well under it
# for English (word pieces run about 1.0-1.3 per cl100k token).
MODEL_SAFE_MAX_TOKENS = 160


@dataclass(frozen=True)
class ChunkingSettings:
    """How documents are cut into chunks (recorded in the index manifest)."""

    max_tokens: int = 128
    overlap_sentences: int = 1

    def __post_init__(self) -> None:
        if not 16 <= self.max_tokens <= MODEL_SAFE_MAX_TOKENS:
            raise ValueError(f"max_tokens must be between 16 and {MODEL_SAFE_MAX_TOKENS}")
        if not 0 <= self.overlap_sentences <= 3:
            raise ValueError("overlap_sentences must be between 0 and 3")


def _pieces(sentence: Sentence, max_tokens: int) -> list[tuple[int, int, int]]:
    """(start, end, n_tokens) windows of one sentence, cut when it exceeds max_tokens."""
    n = count_tokens(sentence.text)
    if n <= max_tokens:
        return [(sentence.start, sentence.end, n)]
    encoder = token_encoder()
    tokens = encoder.encode(sentence.text, disallowed_special=())
    _, offsets = encoder.decode_with_offsets(tokens)
    pieces = []
    for i in range(0, len(tokens), max_tokens):
        start = offsets[i]
        end = offsets[i + max_tokens] if i + max_tokens < len(tokens) else len(sentence.text)
        if end > start:
            pieces.append((sentence.start + start, sentence.start + end, min(max_tokens, len(tokens) - i)))
    return pieces


def chunk_document(
    document: Document,
    sentences: list[Sentence],
    first_sentence_id: int,
    first_chunk_id: int,
    settings: ChunkingSettings = ChunkingSettings(),
) -> list[Chunk]:
    """Cut one document's sentences (global ids from ``first_sentence_id``) into chunks."""
    units: list[tuple[int, int, int, int]] = []  # (sentence id, start, end, tokens)
    for offset, sentence in enumerate(sentences):
        for start, end, n in _pieces(sentence, settings.max_tokens):
            units.append((first_sentence_id + offset, start, end, n))
    chunks: list[Chunk] = []
    i = 0
    while i < len(units):
        j, total = i, 0
        while j < len(units) and (j == i or total + units[j][3] <= settings.max_tokens):
            total += units[j][3]
            j += 1
        start, end = units[i][1], units[j - 1][2]
        chunks.append(
            Chunk(
                chunk_id=first_chunk_id + len(chunks),
                doc_id=document.doc_id,
                start=start,
                end=end,
                text=document.text[start:end],
                sentence_ids=tuple(dict.fromkeys(u[0] for u in units[i:j])),
                n_tokens=count_tokens(document.text[start:end]),
            )
        )
        if j >= len(units):
            break
        i = max(i + 1, j - settings.overlap_sentences)
    return chunks
