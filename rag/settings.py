"""Answer-composition settings, with the values calibrated by `rag eval --calibrate`."""

from __future__ import annotations

import json
import math
import numbers
import operator
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .errors import SettingsError
from .types import StrPath

CALIBRATED_SETTINGS = Path(__file__).with_name("answer_settings.json")

_FRACTIONS = ("title_credit", "second_quote_ratio", "corroboration_similarity", "abstain_threshold")  # settings from 0 to 1


def whole_number(value: object) -> int | None:
    """``value`` as an int when it is a whole number (an int, a numpy integer: whatever
    ``operator.index`` takes) other than a bool; else None."""
    if isinstance(value, bool):
        return None
    try:
        return operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        return None


def set_whole_numbers(settings: object, ranges: Iterable[tuple[str, int, int]]) -> None:
    """Check each field of frozen data class ``settings`` named in ``ranges`` (name, lowest,
    highest) is a whole number in its range, SettingsError naming it if not, and store it as a
    plain int (a numpy integer is taken)."""
    for name, low, high in ranges:
        value = whole_number(getattr(settings, name))
        if value is None or not low <= value <= high:
            raise SettingsError(f"{name} must be between {low:,} and {high:,} (a whole number), not {getattr(settings, name)!r}")
        object.__setattr__(settings, name, value)


def _finite(number: numbers.Real) -> bool:
    """True if ``number`` is finite as a float (an int too large for a float is not)."""
    try:
        return math.isfinite(number)
    except OverflowError:
        return False


def _problems(values: dict[str, object]) -> list[str]:
    """What is wrong with each of ``values`` (setting name -> value) as answer settings."""
    problems = []
    for name, value in values.items():
        if isinstance(getattr(AnswerSettings, name), int):  # every whole-number setting counts something
            count = whole_number(value)
            if count is None:
                problems.append(f"{name} must be a whole number, not {value!r}")
            elif count < 1:
                problems.append(f"{name} must be at least 1, not {value!r}")
        elif not (isinstance(value, numbers.Real) and not isinstance(value, bool) and _finite(value)):
            problems.append(f"{name} must be a finite number, not {value!r}")
        elif name in _FRACTIONS and not 0.0 <= float(value) <= 1.0:
            problems.append(f"{name} must be between 0 and 1, not {value!r}")
    return problems


def read_json_file(path: StrPath | None, shipped: Path, what: str, *, missing: str, invalid: str) -> tuple[Path, object] | None:
    """The path read and the JSON it holds: ``path``, or without it the file ``shipped`` with the
    package (None when that is absent, for the built-in defaults to stand in). A file that is
    missing (when named), unreadable or not JSON raises SettingsError naming it as ``what``, with
    the remedy ``missing`` or ``invalid`` says."""
    if path is None or str(path) == "":
        if not shipped.exists():
            return None
        path = shipped
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SettingsError(f"{what} {path} does not exist; {missing}") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise SettingsError(f"cannot read {what} {path}: {reason}") from exc
    try:
        return path, json.loads(text)
    except ValueError as exc:
        raise SettingsError(f"{what} {path} is not valid JSON ({exc}); {invalid}") from exc


@dataclass(frozen=True)
class AnswerSettings:
    """Knobs of the answer composer. ``abstain_threshold`` is the one calibrated most.

    The field defaults are the shipped, calibrated settings, those ``AnswerSettings.load()``
    reads from the package's file (what ``Answerer.load`` uses; a test keeps the two equal):
    ``AnswerSettings(max_quotes=1)`` changes one knob of the product. A value of the wrong kind
    or out of range raises SettingsError.

    Sentence score = w_dense·cosine + w_centered·(cosine after removing the corpus's mean
    sentence vector) + w_coverage·(IDF-weighted share of the question's
    content words in the sentence, plus ``title_credit`` times the share of those words it
    lacks but its article's title has, unless it names someone the question names and the title
    does not) + w_chunk·(fused rank of its passage) + w_type·(has
    the expected answer type). ``w_dense`` is 0 as shipped: in a corpus on one topic the raw cosine favours short generic sentences, which the centred one does not (0ec113a). ``unknown_term_penalty``, ``unknown_name_penalty``,
    ``name_elsewhere_penalty``, ``detail_conflict_penalty``, ``type_unmet_penalty`` and ``abstain_threshold`` shape abstention (see ``AnswerabilityModel.score``); the first and
    the last are chosen on the gold dev split.
    """

    passages: int = 5
    candidate_chunks: int = 30
    max_quotes: int = 3
    token_budget: int = 110
    w_dense: float = 0.0
    w_centered: float = 1.0
    w_coverage: float = 1.2
    title_credit: float = 0.3
    w_chunk: float = 0.15
    w_type: float = 0.6
    second_quote_ratio: float = 0.6
    corroboration_similarity: float = 0.72
    unknown_term_penalty: float = 6.0
    unknown_name_penalty: float = 2.0
    name_elsewhere_penalty: float = 6.0
    detail_conflict_penalty: float = 8.0
    type_unmet_penalty: float = 5.0
    abstain_threshold: float = 0.007943

    def __post_init__(self) -> None:
        problems = _problems({f.name: getattr(self, f.name) for f in fields(self)})
        if problems:
            raise SettingsError("unusable answer settings: " + "; ".join(problems))
        for f in fields(self):  # a numpy number or an int where a float goes: the plain Python type
            object.__setattr__(self, f.name, type(getattr(AnswerSettings, f.name))(getattr(self, f.name)))

    @classmethod
    def load(cls, path: StrPath | None = None) -> AnswerSettings:
        """Settings from ``path`` (default: the calibrated file shipped with the package).

        A file named by ``path`` must exist and hold valid settings. Without ``path``, the
        built-in defaults stand in only when the shipped file is absent. Any file that
        cannot be read, is not JSON or holds values of the wrong type raises
        SettingsError naming it, rather than silently answering with other settings.
        """
        found = read_json_file(
            path,
            CALIBRATED_SETTINGS,
            "the settings file",
            missing="name an existing one (`rag eval --calibrate --settings FILE` writes one)",
            invalid="fix it, or recreate it with `rag eval --calibrate`",
        )
        return cls() if found is None else cls._from_json(found[1], found[0])

    @classmethod
    def _from_json(cls, data: object, path: Path) -> AnswerSettings:
        """Settings from the parsed JSON of ``path`` (``{"settings": {...}, ...}`` or the bare mapping)."""
        values = data.get("settings", data) if isinstance(data, dict) else data
        if not isinstance(values, dict):
            raise SettingsError(f"the settings file {path} does not hold a JSON object of settings")
        names = {f.name for f in fields(cls)}
        problems = [f"unknown setting {key!r}" for key in values if key not in names]
        if "abstain_threshold" not in values:
            problems.append("abstain_threshold is missing (is this a settings file?)")
        chosen = {name: value for name, value in values.items() if name in names}
        problems += _problems(chosen)
        if problems:
            raise SettingsError(f"the settings file {path} holds unusable values: " + "; ".join(problems))
        return cls(**chosen)

    def save(self, path: StrPath, **provenance: object) -> Path:
        """Write these settings (and where they came from) as JSON to ``path``; only
        `rag eval --calibrate` names the shipped file, ``CALIBRATED_SETTINGS``, that every answerer reads."""
        path = Path(path)
        payload = {"settings": asdict(self), **provenance}
        try:
            path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            raise SettingsError(f"cannot write the settings to {path}: {exc.strerror or exc}") from exc
        return path
