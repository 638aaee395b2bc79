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
    "AnswerabilityModel": ".answerability",
    "ChunkingSettings": ".chunking",
    "LoadReport": ".documents", "load_corpus": ".documents",
    "Encoder": ".embedding",
    "AnswerDataError": ".errors", "CorpusError": ".errors", "IndexCorruptError": ".errors", "IndexMismatchError": ".errors",
    "IndexMissingError": ".errors", "IndexWriteError": ".errors", "QuestionError": ".errors", "QuestionTypeError": ".errors", "RagError": ".errors", "SettingsError": ".errors",
    "RagWarning": ".errors", "SkippedFileWarning": ".errors", "StaleIndexWarning": ".errors",
    "BuildReport": ".build", "OnEmbedded": ".build", "build_index": ".build",
    "CorpusIndex": ".index", "load_index": ".index",
    "RetrievalSettings": ".retrieve", "Retriever": ".retrieve",
    "AnswerSettings": ".settings",
    "Answer": ".types", "Chunk": ".types", "Citation": ".types", "Document": ".types",
    "Passage": ".types", "Quote": ".types", "Sentence": ".types",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from .answer import Answerer as Answerer
    from .answerability import AnswerabilityModel as AnswerabilityModel
    from .chunking import ChunkingSettings as ChunkingSettings
    from .documents import LoadReport as LoadReport, load_corpus as load_corpus
    from .embedding import Encoder as Encoder
    from .errors import (
        AnswerDataError as AnswerDataError,
        CorpusError as CorpusError,
        IndexCorruptError as IndexCorruptError,
        IndexMismatchError as IndexMismatchError,
        IndexMissingError as IndexMissingError,
        IndexWriteError as IndexWriteError,
        QuestionError as QuestionError,
        QuestionTypeError as QuestionTypeError,
        RagError as RagError,
        SettingsError as SettingsError,
        RagWarning as RagWarning,
        SkippedFileWarning as SkippedFileWarning,
        StaleIndexWarning as StaleIndexWarning,
    )
    from .build import BuildReport as BuildReport, OnEmbedded as OnEmbedded, build_index as build_index
    from .index import CorpusIndex as CorpusIndex, load_index as load_index
    from .retrieve import RetrievalSettings as RetrievalSettings, Retriever as Retriever
    from .settings import AnswerSettings as AnswerSettings
    from .types import (
        Answer as Answer,
        Chunk as Chunk,
        Citation as Citation,
        Document as Document,
        Passage as Passage,
        Quote as Quote,
        Sentence as Sentence,
    )


if not TYPE_CHECKING:  # type checkers see the imports above, so a misspelt name is an error, not Any

    def __getattr__(name: str) -> object:
        """Import a public name's module on first access (PEP 562)."""
        if name not in _EXPORTS:
            raise AttributeError(f"module 'rag' has no attribute {name!r}")
        value = getattr(import_module(_EXPORTS[name], __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
