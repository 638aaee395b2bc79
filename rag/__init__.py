"""Grounded question answering over news articles: answers made only of exact quotes.

>>> from rag import Answerer, build_index
>>> build_index("data/articles", "index")            # doctest: +SKIP
>>> answerer = Answerer.load("index")                 # doctest: +SKIP
>>> result = answerer.answer("Who wrote the blog post?")  # doctest: +SKIP
>>> result.quotes[0].text, result.quotes[0].doc_id    # doctest: +SKIP
"""

from .answer import Answerer
from .chunking import ChunkingSettings
from .errors import CorpusError, IndexCorruptError, IndexMismatchError, IndexMissingError, QuestionError, RagError
from .index import BuildReport, CorpusIndex, build_index, load_index
from .retrieve import Retriever
from .settings import AnswerSettings
from .types import Answer, Chunk, Citation, Document, Passage, Quote, Sentence

__version__ = "0.1.0"

__all__ = [
    "Answer", "Answerer", "AnswerSettings", "BuildReport", "Chunk", "ChunkingSettings", "Citation",
    "CorpusError", "CorpusIndex", "Document", "IndexCorruptError", "IndexMismatchError",
    "IndexMissingError", "Passage", "QuestionError", "Quote", "RagError", "Retriever", "Sentence",
    "build_index", "load_index",
]
