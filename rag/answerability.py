"""How likely it is that the retrieved sentences answer the question (0..1).

A logistic model over a handful of retrieval and sentence features. Its weights are
learned on SQuAD 2.0 (`python -m eval.train_answerability`, split by article title) and
shipped as ``answerability.json``; the abstention threshold itself is an
``AnswerSettings`` value calibrated on the gold set's dev split.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from .answer_types import expected_type
from .lexical import question_terms

if TYPE_CHECKING:
    from .answer import ScoredSentence
    from .index import CorpusIndex
    from .retrieve import ChunkHit

WEIGHTS_FILE = Path(__file__).with_name("answerability.json")
FEATURES = (
    "best_score",
    "best_dense",
    "best_coverage",
    "top_sentence_coverage",
    "top_chunk_dense",
    "unknown_terms",
    "type_unmet",
    "n_terms",
)
# Hand-set starting weights, replaced by the learned ones in answerability.json.
_DEFAULT = {
    "bias": -4.0,
    "weights": {"best_score": 3.0, "best_dense": 2.0, "best_coverage": 2.0, "top_sentence_coverage": 1.0,
                "top_chunk_dense": 1.0, "unknown_terms": -4.0, "type_unmet": -1.0, "n_terms": 0.0},
}


def features(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"], hits: Sequence["ChunkHit"]) -> dict[str, float]:
    """The answerability features of one question against its candidate sentences."""
    q_terms = question_terms(question)
    total_idf = sum(index.idf(t) for t in q_terms) or 1.0
    unknown = sum(index.idf(t) for t in q_terms if t not in index.term_idf) / total_idf if q_terms else 1.0
    kind = expected_type(question)
    top = scored[:3]
    return {
        "best_score": scored[0].score if scored else 0.0,
        "best_dense": max((s.dense for s in scored), default=0.0),
        "best_coverage": max((s.coverage for s in scored), default=0.0),
        "top_sentence_coverage": scored[0].coverage if scored else 0.0,
        "top_chunk_dense": hits[0].dense if hits else 0.0,
        "unknown_terms": unknown,
        "type_unmet": float(kind is not None and not any(s.type_match for s in top)),
        "n_terms": min(len(q_terms), 10) / 10.0,
    }


@dataclass
class AnswerabilityModel:
    """Logistic regression over ``FEATURES``."""

    bias: float = _DEFAULT["bias"]
    weights: dict[str, float] = field(default_factory=lambda: dict(_DEFAULT["weights"]))
    provenance: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "AnswerabilityModel":
        """The learned model (or the hand-set defaults if none was trained)."""
        try:
            data = json.loads(Path(path or WEIGHTS_FILE).read_text(encoding="utf-8"))
            return cls(float(data["bias"]), {k: float(data["weights"].get(k, 0.0)) for k in FEATURES}, data.get("provenance", {}))
        except (OSError, ValueError, KeyError):
            return cls()

    def save(self, path: str | Path | None = None) -> Path:
        """Write the model as JSON."""
        path = Path(path or WEIGHTS_FILE)
        path.write_text(json.dumps({"bias": self.bias, "weights": self.weights, "provenance": self.provenance}, indent=2) + "\n", encoding="utf-8")
        return path

    def probability(self, values: dict[str, float]) -> float:
        """Probability that the question is answerable, from its features."""
        z = self.bias + sum(self.weights.get(name, 0.0) * values[name] for name in FEATURES)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def score(self, index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"], hits: Sequence["ChunkHit"]) -> float:
        """Probability that ``scored`` holds an answer to ``question``."""
        return self.probability(features(index, question, scored, hits))
