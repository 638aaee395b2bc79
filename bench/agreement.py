"""How faithful the question encoders are to the reference: cosines and gold-set answers."""

from __future__ import annotations

from pathlib import Path


def answer_key(answer) -> tuple:
    """What must not change when only the question encoder changes: abstention, quotes, passages."""
    return (
        answer.abstained,
        tuple((q.doc_id, q.start, q.end, q.also_in) for q in answer.quotes),
        tuple((p.doc_id, p.start, p.end) for p in answer.passages),
    )


def compare_encoders(index_dir: Path, questions: list[str], gold: list[str]) -> dict:
    """For each ONNX variant: cosine to the reference on ``questions``; differing answers on ``gold``."""
    from rag.answer import Answerer
    from rag.embedding import SentenceTransformerEncoder
    from rag.onnx_encoder import VARIANT_FILES, OnnxEncoder, ensure_export
    from rag.retrieve import Retriever

    reference = SentenceTransformerEncoder()
    expected = reference.encode(questions)
    reference_answers = [answer_key(a) for a in map(Answerer(Retriever.load(index_dir, encoder=reference)).answer, gold)]
    folder = ensure_export(index_dir)
    results = {}
    for variant in VARIANT_FILES:
        encoder = OnnxEncoder(folder, variant)
        cosine = (encoder.encode(questions) * expected).sum(axis=1)
        answers = [answer_key(a) for a in map(Answerer(Retriever.load(index_dir, encoder=encoder)).answer, gold)]
        results[variant] = {
            "cosine_min": round(float(cosine.min()), 5),
            "cosine_mean": round(float(cosine.mean()), 5),
            "gold_questions": len(gold),
            "answers_differ": sum(a[:2] != b[:2] for a, b in zip(answers, reference_answers)),
            "abstentions_differ": sum(a[0] != b[0] for a, b in zip(answers, reference_answers)),
            "passages_differ": sum(a[2] != b[2] for a, b in zip(answers, reference_answers)),
            "model_mb": round((folder / VARIANT_FILES[variant]).stat().st_size / 2**20, 1),
        }
    return results



def encoder_latency(index_dir: Path, questions: list[str], rounds: int = 2) -> dict:
    """Single-question encode latency of each ONNX variant and thread count.

    Each configuration encodes every question in a block (interleaving them per question
    would evict each model's weights from the CPU caches and time that instead); the
    blocks rotate over ``rounds`` so that changes in machine load hit all alike.
    """
    import time

    from rag.metrics import latency_summary
    from rag.onnx_encoder import VARIANT_FILES, OnnxEncoder, ensure_export

    folder = ensure_export(index_dir)
    encoders = {f"{variant}, {threads} thread(s)": OnnxEncoder(folder, variant, threads=threads) for variant in VARIANT_FILES for threads in (1, 2)}
    names = list(encoders)
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_number in range(rounds):
        for name in names[round_number % len(names) :] + names[: round_number % len(names)]:
            encoder = encoders[name]
            for question in questions[:20]:
                encoder.encode([question])
            for question in questions:
                started = time.perf_counter()
                encoder.encode([question])
                times[name].append(1000 * (time.perf_counter() - started))
    return {name: latency_summary(values) for name, values in times.items()}
