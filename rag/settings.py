"""Answer-composition settings, with the values calibrated by `rag eval --calibrate`."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from .errors import RagError

CALIBRATED_SETTINGS = Path(__file__).with_name("answer_settings.json")


class SettingsError(RagError):
    """An answer-settings file that cannot be read, is not JSON, or holds unusable values."""


_COUNTS = ("passages", "candidate_chunks", "max_quotes", "token_budget")  # settings that count something


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
        """Settings from ``path`` (default: the calibrated file shipped with the package).

        A file named by ``path`` must exist and hold valid settings. Without ``path``, the
        built-in defaults stand in only when the shipped file is absent. Any file that
        cannot be read, is not JSON or holds values of the wrong type raises
        SettingsError naming it, rather than silently answering with other settings.
        """
        if path is None or str(path) == "":
            if not CALIBRATED_SETTINGS.exists():
                return cls()
            path = CALIBRATED_SETTINGS
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise SettingsError(f"the settings file {path} does not exist; name an existing one (`rag eval --calibrate --settings FILE` writes one)") from None
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise SettingsError(f"cannot read the settings file {path}: {reason}") from exc
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise SettingsError(f"the settings file {path} is not valid JSON ({exc}); fix it, or recreate it with `rag eval --calibrate`") from exc
        return cls._from_json(data, path)

    @classmethod
    def _from_json(cls, data: object, path: Path) -> "AnswerSettings":
        """Settings from the parsed JSON of ``path`` (``{"settings": {...}, ...}`` or the bare mapping)."""
        values = data.get("settings", data) if isinstance(data, dict) else data
        if not isinstance(values, dict):
            raise SettingsError(f"the settings file {path} does not hold a JSON object of settings")
        names = {f.name for f in fields(cls)}
        problems = [f"unknown setting {key!r}" for key in values if key not in names]
        if "abstain_threshold" not in values:
            problems.append("abstain_threshold is missing (is this a settings file?)")
        chosen = {}
        for f in fields(cls):
            if f.name not in values:
                continue
            value, default = values[f.name], getattr(cls, f.name)
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            if isinstance(default, int) and not (number and isinstance(value, int)):
                problems.append(f"{f.name} must be a whole number, not {value!r}")
            elif isinstance(default, float) and not (number and math.isfinite(value)):
                problems.append(f"{f.name} must be a finite number, not {value!r}")
            else:
                chosen[f.name] = type(default)(value)
        threshold = chosen.get("abstain_threshold", cls.abstain_threshold)
        if not problems and not 0.0 <= threshold <= 1.0:
            problems.append(f"abstain_threshold must be between 0 and 1, not {threshold!r}")
        problems += [f"{name} must be at least 1, not {chosen[name]!r}" for name in _COUNTS if chosen.get(name, 1) < 1]
        if problems:
            raise SettingsError(f"the settings file {path} holds unusable values: " + "; ".join(problems))
        return replace(cls(), **chosen)

    def save(self, path: str | Path | None = None, **provenance: object) -> Path:
        """Write these settings (and where they came from) as JSON."""
        path = Path(path) if path else CALIBRATED_SETTINGS
        payload = {"settings": asdict(self), **provenance}
        path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        return path
