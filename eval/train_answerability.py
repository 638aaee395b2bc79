"""Train the answerability model on SQuAD 2.0, split by article title.

    python -m eval.train_answerability [--squad FILE] [--gold eval/gold.jsonl]

Splits the benchmark's titles into a training half and a held-out half
(``rag.squad.split_titles``), indexes all of its paragraphs, computes
``rag.answerability.features`` for every question by the same steps as
``Answerer.answer`` (features never see the answers), fits a standardised logistic
regression with sign-constrained weights on the training titles, folds the scaler
into plain weights and a bias, and
writes ``rag/answerability.json`` with its provenance (file hash, both title lists,
AUROC on both halves). `rag eval squad` then reports only the held-out titles.

Finally it checks how the weights transfer to the product's own gold set, which it
never trains on: AUROC of the answerability score and abstention F1 there.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import Sequence

import numpy as np

from rag.answerability import FEATURES, AnswerabilityModel, features
from rag.squad import DEFAULT_CACHE, abstention_report, load_squad, prepare_index, select, split_titles, squad_answerer

DEFAULT_SQUAD = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "squad2-dev" / "dev-v2.0.json"


def question_features(answerer, question: str) -> dict[str, float]:
    """The answerability features of ``question``, computed as ``Answerer.answer`` computes them."""
    from rag.question import clean_question

    query = clean_question(question)
    vector = answerer.retriever.encode(query)
    hits = answerer.retriever.rank_chunks(query, vector)
    scored = answerer.score_sentences(query, vector, hits)
    return features(answerer.index, query, scored, hits)


def feature_matrix(answerer, questions: Sequence[str], *, progress: bool = True) -> np.ndarray:
    """One row of ``FEATURES`` per question."""
    from tqdm.auto import tqdm

    rows = []
    for question in tqdm(questions, desc="features", unit="q", disable=not progress, file=sys.stderr):
        values = question_features(answerer, question)
        rows.append([values[name] for name in FEATURES])
    return np.asarray(rows, dtype=float)


# The direction each feature may push the score. Evidence found (similarity, coverage)
# may only raise answerability and evidence missing only lower it, so that a
# SQuAD-specific quirk cannot flip a feature's meaning on another corpus (on SQuAD's
# 1,204 paragraphs a word unknown to the corpus is more often a typo in an answerable
# question than a sign of an unanswerable one; on a few news articles it is the reverse).
SIGNS = {
    "best_score": +1, "best_dense": +1, "best_coverage": +1, "top_sentence_coverage": +1, "top_chunk_dense": +1,
    "unknown_terms": -1, "type_unmet": -1, "n_terms": 0, "window_coverage": +1, "missing_terms": -1,
    "missing_name": -1, "missing_number": -1, "missing_contrast": -1, "negated_question": -1,
}


def fit_logistic(x: np.ndarray, y: np.ndarray, c: float = 1.0) -> tuple[float, dict[str, float]]:
    """L2-regularised logistic regression with sign-constrained weights (``SIGNS``), as (bias, weights) on raw features.

    Fitted on standardised features (so that ``c`` means the same for every feature,
    as in scikit-learn's LogisticRegression); the scaler is then folded back
    (w/σ, b - Σ wμ/σ) so that the shipped model stays a plain logistic.
    """
    from scipy.optimize import minimize

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    target = y.astype(float)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        logits = z @ w[1:] + w[0]
        residual = 1.0 / (1.0 + np.exp(-logits)) - target
        value = np.sum(np.logaddexp(0.0, logits) - target * logits) + 0.5 / c * np.sum(w[1:] ** 2)
        return value, np.concatenate([[residual.sum()], z.T @ residual + w[1:] / c])

    bounds = [(None, None)] + [{+1: (0.0, None), -1: (None, 0.0), 0: (None, None)}[SIGNS[name]] for name in FEATURES]
    fitted = minimize(loss, np.zeros(len(FEATURES) + 1), jac=True, bounds=bounds, method="L-BFGS-B").x
    weights = fitted[1:] / scale
    bias = float(fitted[0] - np.sum(weights * mean))
    return bias, {name: float(w) for name, w in zip(FEATURES, weights)}


def auroc(model: AnswerabilityModel, x: np.ndarray, answerable: np.ndarray) -> float:
    """AUROC of the model's probability for telling answerable from unanswerable questions."""
    from sklearn.metrics import roc_auc_score

    scores = [model.probability(dict(zip(FEATURES, row))) for row in x]
    return float(roc_auc_score(answerable, scores))


def gold_transfer(model: AnswerabilityModel, gold: str | Path, corpus: str | Path, cache: str | Path) -> dict:
    """Answerability of ``model`` on the product's gold set (never trained on): AUROC and abstention metrics."""
    from rag.answer import Answerer
    from rag.gold import load_gold, split_of
    from rag.build import build_index
    from rag.retrieve import Retriever
    from rag.settings import AnswerSettings

    questions = load_gold(gold)
    index_dir = Path(cache) / "gold-index"
    build_index(corpus, index_dir, progress=False)
    settings = replace(AnswerSettings.load(), abstain_threshold=0.0)
    answerer = Answerer(Retriever.load(index_dir), settings, answerability=model)
    scores = [answerer.answer(q.question).answerability for q in questions]
    split = split_of(questions)
    out = {"questions": len(questions), "all": abstention_report(scores, [not q.answerable for q in questions], AnswerSettings.load().abstain_threshold)}
    for name in sorted(set(split.values())):
        part = [i for i, q in enumerate(questions) if split[q.id] == name]
        out[name] = abstention_report([scores[i] for i in part], [not questions[i].answerable for i in part], AnswerSettings.load().abstain_threshold)
    return out


def train(squad_path: str | Path, cache: str | Path, c: float, *, progress: bool = True) -> tuple[AnswerabilityModel, dict]:
    """Fit the model on the training titles; returns it and the held-out evaluation data."""
    squad = load_squad(squad_path)
    train_titles, heldout_titles = split_titles(squad.titles())
    questions, paragraphs = select(squad)
    _, index_dir = prepare_index(paragraphs, cache, progress=progress)
    answerer = squad_answerer(index_dir, questions, cache, progress=progress)
    x = feature_matrix(answerer, [q.question for q in questions], progress=progress)
    y = np.array([q.answerable for q in questions])
    in_train = np.array([q.title in set(train_titles) for q in questions])
    bias, weights = fit_logistic(x[in_train], y[in_train], c)
    model = AnswerabilityModel(bias, weights)
    model.provenance = {
        "trained_on": "SQuAD 2.0 dev, training titles only",
        "dataset_path": str(squad_path),
        "dataset_sha256": squad.sha256,
        "features": list(FEATURES),
        "regularisation_C": c,
        "weight_signs": SIGNS,
        "train_titles": train_titles,
        "heldout_titles": heldout_titles,
        "train_questions": int(in_train.sum()),
        "heldout_questions": int((~in_train).sum()),
        "train_auroc": auroc(model, x[in_train], y[in_train]),
        "heldout_auroc": auroc(model, x[~in_train], y[~in_train]),
        "answer_settings": asdict(answerer.settings),
        "trained_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    return model, {"x": x[~in_train], "y": y[~in_train]}


def main(argv: list[str] | None = None) -> int:
    """Train, save, and print the held-out and gold-set results."""
    parser = argparse.ArgumentParser(prog="python -m eval.train_answerability", description=__doc__.split("\n\n")[0])
    parser.add_argument("--squad", default=str(DEFAULT_SQUAD), help="SQuAD 2.0 JSON file")
    parser.add_argument("--cache", default=str(DEFAULT_CACHE), help="folder for the benchmark's corpus and index")
    parser.add_argument("--out", default=None, help="weights file (default: rag/answerability.json)")
    parser.add_argument("--gold", default="eval/gold.jsonl", help="the product's gold set, for the transfer check only")
    parser.add_argument("--corpus", default="data/articles", help="the gold set's articles")
    parser.add_argument("-C", dest="c", type=float, default=1.0, help="inverse L2 regularisation strength")
    args = parser.parse_args(argv)
    model, _ = train(args.squad, args.cache, args.c, progress=sys.stderr.isatty())
    model.provenance["gold_transfer"] = gold_transfer(model, args.gold, args.corpus, args.cache)
    path = model.save(args.out)
    p = model.provenance
    print(f"trained on {p['train_questions']} questions of {len(p['train_titles'])} titles; wrote {path}")
    print(f"AUROC: train {p['train_auroc']:.3f}, held-out titles {p['heldout_auroc']:.3f}, gold set {p['gold_transfer']['all']['auroc']:.3f}")
    print("bias", f"{model.bias:+.3f}", " ".join(f"{name}={w:+.3f}" for name, w in model.weights.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
