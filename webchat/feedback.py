"""Saving the answers' ratings: ``FeedbackLog`` appends each rated answer to a JSONL file."""

import threading
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from rag import Answer
from rag.jsonl import json_line

RATINGS = {  # what a visitor can rate an answer: the rating saved, and its button's label
    "right": "Right",
    "wrong_quote_right_passage": "Wrong quote, right passage",
    "wrong": "Wrong",
}


class FeedbackLog:
    """Appends rated answers to a JSONL file, one line each:
    ``{timestamp, rating, question, history, searched, answer}``.

    ``history`` holds the conversation's earlier questions, oldest first, and ``searched`` what
    the articles were searched with (``Answer.searched``): the question with its typos read, a
    follow-up joined to the questions it is read with, or the question before asked of a
    follow-up's name.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def check_writable(self) -> None:
        """Create the file's folder and the file if missing, so that a path ratings can't be
        written to fails at start-up rather than at the first rating. Raises OSError."""
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8"):
                pass

    def record(self, rating: str, answer: dict[str, Any], history: Sequence[str] = ()) -> dict[str, Any]:
        """Append one rating of ``answer`` (the JSON of ``Answer.to_dict()``), asked after the earlier
        questions ``history``, and return the line written. Raises OSError if the file can't be written."""
        if rating not in RATINGS:
            raise ValueError(f"unknown rating {rating!r}; expected one of {', '.join(RATINGS)}")
        entry = {
            "timestamp": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "rating": rating,
            "question": answer["question"],
            "history": list(history),
            "searched": Answer.from_dict(answer).searched,
            "answer": answer,
        }
        line = json_line(entry)
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as out:
                out.write(line)
        return entry
