"""Measurements that need a fresh process: `python -m bench.worker KIND ...` prints JSON.

Kinds:
  phases INDEX QUESTION     the steps of `rag ask`, timed one by one, in a fresh process
  warm INDEX QUESTIONS CONVERSATIONS  warm ``Answerer.answer`` and ``Retriever.search`` latencies, and follow-ups
  floor INDEX QUESTIONS     the floor: sentence-transformers encode + FAISS top-5 search
  build CORPUS INDEX        ``build_index`` wall time, what it embedded, peak memory

Only the standard library (and `bench.memory`, which uses nothing else) is imported up
front, so ``phases`` sees the real import cost.
"""

from __future__ import annotations

import json
import sys
import time

from .memory import status_mb

HEAVY_MODULES = ("torch", "transformers", "sentence_transformers", "gradio", "numba", "scipy")
WARMUP = 20


def _peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited from the parent)."""
    return status_mb("VmHWM")


def phases(index_dir: str, question: str) -> dict:
    """Seconds spent in each step `rag ask QUESTION` takes (imports, loads, answer, print)."""
    started = time.perf_counter()
    from rag import cli  # noqa: F401  the command's own import
    from rag.answer import Answerer
    from rag.embedding import load_query_encoder
    from rag.retrieve import Retriever

    imported = time.perf_counter()
    encoder = load_query_encoder(index_dir)
    encoder_loaded = time.perf_counter()
    retriever = Retriever.load(index_dir, encoder=encoder)
    index_loaded = time.perf_counter()
    answerer = Answerer(retriever)
    ready = time.perf_counter()
    result = answerer.answer(question)
    answered = time.perf_counter()
    print(result.answer)  # stdout, as `rag ask` prints it; the JSON line comes last
    printed = time.perf_counter()
    return {
        "seconds": {
            "imports": imported - started,
            "load_encoder": encoder_loaded - imported,
            "load_index": index_loaded - encoder_loaded,
            "load_settings": ready - index_loaded,
            "first_answer": answered - ready,
            "print": printed - answered,
            "in_process_total": printed - started,
        },
        "first_answer_ms": result.timings_ms,
        "encoder": type(encoder).__name__,
        "heavy_modules_loaded": [m for m in HEAVY_MODULES if m in sys.modules],
    }


def _read_questions(path: str) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def warm(index_dir: str, questions_file: str, conversations_file: str) -> dict:
    """Per-question latencies (ms) of answer() and of retrieval alone, interleaved; then of the
    last turn of each conversation, asked after the others."""
    from rag.answer import Answerer

    questions = _read_questions(questions_file)
    answerer = Answerer.load(index_dir)
    for question in questions[:WARMUP]:
        answerer.answer(question)
        answerer.retriever.search(question, k=5)
    answers, retrieval, abstained = [], [], []
    for question in questions:
        result = answerer.answer(question)
        answers.append({**result.timings_ms})
        abstained.append(result.abstained)
        started = time.perf_counter()
        answerer.retriever.search(question, k=5)
        retrieval.append(1000 * (time.perf_counter() - started))
    follow_ups = []
    for *earlier, last in _read_questions(conversations_file):  # a follow-up that asks for more answers its turn before too
        started = time.perf_counter()
        answerer.answer(last, history=earlier)
        follow_ups.append(1000 * (time.perf_counter() - started))
    return {
        "encoder": type(answerer.retriever.encoder).__name__,
        "answer_ms": answers,
        "follow_up_ms": follow_ups,
        "retrieval_ms": retrieval,
        "abstained": abstained,
        "heavy_modules_loaded": [m for m in HEAVY_MODULES if m in sys.modules],
    }


def floor(index_dir: str, questions_file: str) -> dict:
    """Per-question latency (ms) of plain dense top-5: the model through sentence-transformers + FAISS."""
    from rag.embedding import SentenceTransformerEncoder
    from rag.index import load_index

    questions = _read_questions(questions_file)
    encoder = SentenceTransformerEncoder()
    store = load_index(index_dir).chunk_store
    for question in questions[:WARMUP]:
        store.search(encoder.encode([question]), 5)
    encode, search = [], []
    for question in questions:
        started = time.perf_counter()
        vector = encoder.encode([question])
        encoded = time.perf_counter()
        store.search(vector, 5)
        searched = time.perf_counter()
        encode.append(1000 * (encoded - started))
        search.append(1000 * (searched - encoded))
    return {"encode_ms": encode, "search_ms": search, "total_ms": [a + b for a, b in zip(encode, search)]}


def build(corpus_dir: str, index_dir: str) -> dict:
    """One `rag build` of ``corpus_dir`` into ``index_dir`` (default encoder), with peak memory."""
    from rag.build import build_index

    started = time.perf_counter()
    report = build_index(corpus_dir, index_dir, progress=sys.stderr.isatty())
    return {
        "seconds": time.perf_counter() - started,
        "documents": report.documents,
        "sentences": report.sentences,
        "chunks": report.chunks,
        "embedded": report.embedded,
        "reused": report.reused,
        "vector_index": report.vector_index,
        "peak_rss_mb": _peak_rss_mb(),
    }


KINDS = {"phases": phases, "warm": warm, "floor": floor, "build": build}


def main(argv: list[str]) -> int:
    """Run one measurement and print its JSON on the last line of stdout."""
    kind, *args = argv
    result = KINDS[kind](*args)
    result["peak_rss_mb"] = _peak_rss_mb()
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
