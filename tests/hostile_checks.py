"""Checks and tools shared by the hardening tests (hostile input, faults, load)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator, Mapping

from rag.types import Answer, Document

ROOT = Path(__file__).resolve().parents[1]
RAG = Path(sys.executable).with_name("rag")
TRACEBACK_MARK = "Traceback (most recent call last)"


def assert_grounded(answer: Answer, documents: Mapping[str, Document]) -> None:
    """Every quote, corroboration and passage is the exact text at its offsets."""
    for quote in answer.quotes:
        assert documents[quote.doc_id].text[quote.start : quote.end] == quote.text
        for other in quote.corroborations:
            assert documents[other.doc_id].text[other.start : other.end] == other.text
    for passage in answer.passages:
        assert documents[passage.doc_id].text[passage.start : passage.end] == passage.text
    assert answer.abstained == (not answer.quotes)


def comparable(answer: dict) -> dict:
    """The fields of an answer's JSON that must not change between runs (not timings)."""
    return {key: answer.get(key) for key in ("question", "abstained", "answer", "quotes", "passages", "error")}


def run_rag(args: list[str | bytes], *, stdin: bytes | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the real `rag` command from the repository root; returns bytes output."""
    return subprocess.run([str(RAG), *args], input=stdin, capture_output=True, cwd=ROOT, timeout=timeout, env=os.environ.copy())


def assert_friendly_failure(result: subprocess.CompletedProcess, *needles: str) -> str:
    """The command failed with exit 2 and a one-line `rag: error:` message, no traceback."""
    stderr = result.stderr.decode("utf-8", "replace")
    assert TRACEBACK_MARK not in stderr, stderr
    assert result.returncode == 2, (result.returncode, stderr)
    message = next(line for line in stderr.splitlines() if line.startswith("rag: error: "))
    for needle in needles:
        assert needle in message, message
    return message


@contextlib.contextmanager
def tmpfs(mount_point: Path, size: str) -> Iterator[Path]:
    """Mount a small tmpfs at ``mount_point`` (needs root), unmounted on exit."""
    mount_point.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount_point)], check=True, capture_output=True)
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False, capture_output=True)


def remount(mount_point: Path, options: str) -> None:
    """Change the options of a tmpfs mounted by ``tmpfs`` (size=..., ro, rw)."""
    subprocess.run(["mount", "-o", f"remount,{options}", str(mount_point)], check=True, capture_output=True)
