"""The writing system (script) of a text: Latin, Cyrillic, Arabic, CJK … read from the
Unicode names of its letters, so that a question written in a script the articles do not use
can be told so, rather than only that the articles don't say."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping

# A script is one the articles use when at least this share of their letters is written in it
# (a Greek letter in a formula or one quoted Chinese name makes no Greek or Chinese articles).
CORPUS_SCRIPT_SHARE = 0.01
# How a script's Unicode name (the first word of its letters' names) reads in a sentence.
_READABLE = {"CJK": "Chinese characters", "HIRAGANA": "Japanese", "KATAKANA": "Japanese", "HANGUL": "Korean (Hangul)"}


def _script_of(letter: str) -> str:
    """The script of one letter: the first word of its Unicode name ("LATIN", "CYRILLIC", "CJK")."""
    return unicodedata.name(letter, "UNKNOWN").split(" ", 1)[0]


def script_counts(words: Mapping[str, int] | Iterable[str]) -> Counter[str]:
    """How many letters of ``words`` (a text's words, or words with how often each occurs) are
    written in each script."""
    counted = words.items() if isinstance(words, Mapping) else ((word, 1) for word in words)
    letters: Counter[str] = Counter()
    for word, times in counted:
        for letter in word:
            if letter.isalpha():
                letters[_script_of(letter)] += times
    return letters


def main_script(text: str) -> str | None:
    """The script most of the letters of ``text`` are written in, or None if it has no letters.
    Chinese characters among Japanese kana are Japanese (its kanji): the kana's script, however
    many of them there are ("浜崎光司は何を受賞しましたか" is Japanese)."""
    letters = script_counts([text])
    if not letters:
        return None
    most = letters.most_common(1)[0][0]
    kana = max(("HIRAGANA", "KATAKANA"), key=lambda script: letters[script])
    return kana if most == "CJK" and letters[kana] else most


def scripts_used(word_counts: Mapping[str, int]) -> frozenset[str]:
    """The scripts the articles are written in, from their ``word_counts``: each one that holds
    at least ``CORPUS_SCRIPT_SHARE`` of their letters."""
    letters = script_counts(word_counts)
    total = sum(letters.values())
    return frozenset(script for script, n in letters.items() if n >= CORPUS_SCRIPT_SHARE * total)


def readable_script(script: str) -> str:
    """A script's name as a sentence says it: "Cyrillic script", "Chinese characters"."""
    return _READABLE.get(script, f"{script.title()} script")
