"""Answer-composition settings, with the values calibrated by `rag eval --calibrate`."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

CALIBRATED_SETTINGS = Path(__file__).with_name("answer_settings.json")


@dataclass(frozen=True)
class AnswerSettings:
    """Knobs of the answer composer. ``abstain_threshold`` is the one calibrated most.

    Sentence score = w_dense·cosine + w_centered·(cosine after removing the corpus's mean
    sentence vector) + w_coverage·(IDF-weighted share of the question's
    content words in the sentence) + w_chunk·(fused rank of its passage) + w_type·(has
    the expected answer type). ``unknown_term_penalty`` and ``abstain_threshold`` shape
    abstention (see ``AnswerabilityModel.score``); both are chosen on the gold dev split.
    """

    passages: int = 5
    candidate_chunks: int = 30
    max_quotes: int = 3
    token_budget: int = 110
    w_dense: float = 0.0
    w_centered: float = 1.0
    w_coverage: float = 1.2
    w_chunk: float = 0.15
    w_type: float = 0.6
    second_quote_ratio: float = 0.6
    corroboration_similarity: float = 0.72
    unknown_term_penalty: float = 0.0
    abstain_threshold: float = 0.5

    @classmethod
    def load(cls, path: str | Path | None = None) -> "AnswerSettings":
        """Settings from ``path`` (default: the calibrated file shipped with the package)."""
        path = Path(path) if path else CALIBRATED_SETTINGS
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        return replace(cls(), **{k: v for k, v in data.get("settings", data).items() if k in known})

    def save(self, path: str | Path | None = None, **provenance: object) -> Path:
        """Write these settings (and where they came from) as JSON."""
        path = Path(path) if path else CALIBRATED_SETTINGS
        payload = {"settings": asdict(self), **provenance}
        path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        return path
