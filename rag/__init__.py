"""Grounded question answering over news articles: answers made only of exact quotes.

>>> from rag import Answerer, build_index
>>> build_index("data/articles", "index")            # doctest: +SKIP
>>> answerer = Answerer.load("index")                 # doctest: +SKIP
>>> result = answerer.answer("Who wrote the blog post?")  # doctest: +SKIP
>>> result.quotes[0].text, result.quotes[0].doc_id    # doctest: +SKIP

The names below are imported on first use, so `import rag` (and `rag --help`) stays
instant and each command loads only the libraries it needs.
"""

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "Answerer": ".answer",
    "ChunkingSettings": ".chunking",
    "CorpusError": ".errors", "IndexCorruptError": ".errors", "IndexMismatchError": ".errors",
    "IndexMissingError": ".errors", "QuestionError": ".errors", "RagError": ".errors",
    "BuildReport": ".index", "CorpusIndex": ".index", "build_index": ".index", "load_index": ".index",
    "Retriever": ".retrieve",
    "AnswerSettings": ".settings",
    "Answer": ".types", "Chunk": ".types", "Citation": ".types", "Document": ".types",
    "Passage": ".types", "Quote": ".types", "Sentence": ".types",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from .answer import Answerer
    from .chunking import ChunkingSettings
    from .errors import CorpusError, IndexCorruptError, IndexMismatchError, IndexMissingError, QuestionError, RagError
    from .index import BuildReport, CorpusIndex, build_index, load_index
    from .retrieve import Retriever
    from .settings import AnswerSettings
    from .types import Answer, Chunk, Citation, Document, Passage, Quote, Sentence


def __getattr__(name: str):
    """Import a public name's module on first access (PEP 562)."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'rag' has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
