"""Reading a question's typos as the articles' own words ("Anthropc" -> "Anthropic").

A typo is costly here: BM25 and the word-coverage score miss the word, and a word found
nowhere in the articles counts against answering at all, so "who acused anthropic of
regulatry capture" would be abstained on. A question word is read as an article word
only when all of these hold:

- it has at least 5 letters and is neither an article word nor a whole word of the
  embedding model's word-piece vocabulary (about 22,000 common English words), nor
  another form of one (its simplemma lemma is one: "halting" is "halt", not "hating"),
  so a real word the articles lack ("praise") is never turned into one they have ("raise");
  nor another form of the article word it is near (the same lemma, or the word with an
  ending its Snowball stem drops: "councilmembers" where the articles say "councilmember");
  a word of 4 letters only when, besides, simplemma's English dictionary does not know it
  and it is not written in capitals ("brng" -> "bring", but "silt" is not "salt", nor
  "OPEC" "open"): a letter dropped from a 5-letter word leaves 4;
- an article word starting with the same letter is within 1 edit (2 for words of 8 or
  more letters that simplemma's English dictionary does not know: "recurrence" is no typo of
  "recurrent", nor "authorize" of "authority"), counting a swap of neighbouring letters as one edit; among equally
  close words the most frequent in the articles wins;
- failing that, for a word written in lower case with at least 6 letters that simplemma's
  English dictionary does not know, a common English word of the vocabulary is within 1 edit
  ("aanounce" -> "announce", but "overturn" is no typo of "overture"), and is not
  another form of it, as above ("decider" is not "decide"): the question then asks about
  a word the articles lack, as its writer meant, instead of about an unknown word. A
  capitalised word is taken for a name: "Demis" is not "demi", and a capitalised word
  after the first is read only as a name of the articles
  ("Antropic" -> "Anthropic", but "Leike" is not "like").

A question word mistyped ("waht", "wich", "hw"), no article word nor word of the model's
vocabulary nor a capitalised word after the first (a name), is read as the one question word
(what, who, whom, whose, which, when, where, why, how) within 1 edit of it; one within 1 edit
of two ("hwo": who or how) is left as typed, as is one that is a real word ("wat", "were": the
vocabulary holds them).

Accents come first: an accent typed on an article word ("wróte", 3 letters or more) is
read away, and a capitalised word after the first that is one of the articles' names but
for its accents ("Zurich", "Rénee") is read as they write it ("angel" stays "angel"). A
word written with accents is read as no article word written without ("criticó" stays, not
"critics": another language's word), but may be a typo of one written with them ("Mülller").

Edit distances come from rapidfuzz (optimal string alignment).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping

from .lexical import stem
from .text import NAME_TITLES

MIN_LETTERS = 5
MIN_LETTERS_UNKNOWN = 4  # a shorter word than MIN_LETTERS is read as a typo only when no English dictionary knows it
LONG_WORD = 8  # from this many letters a word may be 2 edits away
MIN_LETTERS_COMMON = 6  # shortest lower-case word read as a common English word
MIN_ACCENTED_LETTERS = 3  # shortest word whose accents are read as typed by mistake ("whó", not "à")
QUESTION_WORDS = ("what", "who", "whom", "whose", "which", "when", "where", "why", "how")
_QUESTION_WORD_LETTERS = max(map(len, QUESTION_WORDS)) + 1  # longest a question word mistyped within 1 edit can be
_WORD = re.compile(r"[^\W\d_]+")


def whole_words(vocabulary: Iterable[str]) -> frozenset[str]:
    """The entries of a word-piece vocabulary that are whole alphabetic words."""
    return frozenset(token for token in vocabulary if token.isalpha())


# What may stand before a word that opens a sentence, a line, a heading, a list item or a table
# cell, where any word is capitalised: such a word is no evidence of a name ("| Founded |").
# A full stop after an initial or a title ("St. Agnes", "Dr. Lena Reyes", "J. Smith") opens nothing.
_ABBREVIATED = "".join(rf"(?<!\b{short})" for short in ("[A-Z]", *NAME_TITLES, "Jr", "Sr"))
_OPENS = re.compile(rf"(?:(?:^|\n)[ \t>#*•+\-–—\d.)|\"“‘'(\[_]*|(?:[!?:;|¿¡«»]|{_ABBREVIATED}\.)[\"'”’)\]*_]*[ \t]+[\"“‘'(\[*_¿¡«]*)$")
_LOOK_BACK = 40  # characters before a word that ``_OPENS`` reads (a deeply indented line's start included)


_LINE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NO_HEADING = re.compile(r"[.!?…:][\"'”’)*_]*\s*$|:\s|^\W*by\s", re.IGNORECASE)
_ROW_OR_ITEM = re.compile(r"[ \t]*(?:\||[-*+•–]\s|\d{1,3}[.)]\s)")
_MINOR_WORDS = frozenset("a an and as at but by for from in into nor of on or over the to up via vs with".split())


def _in_title_case(line: str) -> bool:
    """Whether ``line`` is a heading written in title case ("What Recursive Self-Improvement
    Actually Means", "Key Facts"): every word of it capitalised but the small ones, so that its
    words are capitalised for being in it, not for being names. A line ending a sentence, with a
    colon in it, a byline, a table's row or a list's item is no such heading: "Favaro and Jack
    Clark." ending a wrapped paragraph, "Photo: Jane Doe", "By Tom Okafor", "| Riverside General |"."""
    if _ROW_OR_ITEM.match(line) or _NO_HEADING.search(line):
        return False
    major = [word for word in _LINE_WORD.findall(line) if word.lower() not in _MINOR_WORDS]
    return len(major) >= 2 and all(word[0].isupper() for word in major)


def lexicon(texts: Iterable[str]) -> tuple[Counter[str], set[str], set[str]]:
    """``word_counts``, ``proper_names`` and ``capitalised_words`` of ``texts``, in one pass over them (for an index build)."""
    counts: Counter[str] = Counter()
    capitalised: set[str] = set()
    named: set[str] = set()  # capitalised where a word is not capitalised for opening a sentence, line or cell
    lower: set[str] = set()
    for text in texts:
        text = unicodedata.normalize("NFKC", text)
        line_start = 0
        for line in text.split("\n"):
            titled = _in_title_case(line)
            for match in _WORD.finditer(text, line_start, line_start + len(line)):
                word = match.group()
                folded = word.lower()
                counts[folded] += 1
                if not word[:1].isupper():
                    lower.add(folded)
                    continue
                capitalised.add(folded)
                if not titled and not _OPENS.search(text, max(0, match.start() - _LOOK_BACK), match.start()):
                    named.add(folded)
            line_start += len(line) + 1
    return counts, named - lower, capitalised - lower


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each alphabetic word (lower-cased) occurs in ``texts``."""
    return lexicon(texts)[0]


def proper_names(texts: Iterable[str]) -> set[str]:
    """The words (lower-cased) that ``texts`` write capitalised and never in lower case ("anthropic",
    "mythos"), counting only where a word is not capitalised for opening a sentence, line or
    table cell: "Founded", only ever a column's header, is no name."""
    return lexicon(texts)[1]


def capitalised_words(texts: Iterable[str]) -> set[str]:
    """The words (lower-cased) that ``texts`` write capitalised and never in lower case, wherever:
    what a capitalised question word is corrected toward ("Azizzi" -> "Azizi", though "Azizi"
    only ever opens a sentence)."""
    return lexicon(texts)[2]


def without_accents(word: str) -> str:
    """``word`` with its accents and other combining marks taken off ("wróte" -> "wrote")."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def base_form(word: str) -> str:
    """The dictionary form of an English word ("halting" -> "halt", "tiered" -> "tier"), by simplemma."""
    import simplemma  # its English dictionary loads at the first call (~0.15 s), only for a word the articles lack

    return simplemma.lemmatize(word, lang="en")


def english_word(word: str) -> bool:
    """Whether simplemma's English dictionary knows ``word`` (lower case) as a word or a form of one."""
    import simplemma

    return bool(simplemma.is_known(word, lang="en"))


def _by_first_letter(words: Iterable[str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for word in words:
        if len(word) >= MIN_LETTERS - 1:
            grouped.setdefault(word[0], []).append(word)
    return grouped


def _closest(word: str, by_letter: dict[str, list[str]], max_edits: int) -> str | None:
    """The first word of ``by_letter`` (same first letter) fewest edits away, if within ``max_edits``."""
    from rapidfuzz import process  # only a misspelt word needs it: ~20 ms off every start-up
    from rapidfuzz.distance import OSA

    choices = [c for c in by_letter.get(word[0], ()) if abs(len(c) - len(word)) <= max_edits]
    found = process.extractOne(word, choices, scorer=OSA.distance, score_cutoff=max_edits)
    return found[0] if found else None


def _question_word(word: str) -> str | None:
    """The one question word that ``word`` (lower case) is within 1 edit of, else None."""
    from rapidfuzz.distance import OSA

    near = [q for q in QUESTION_WORDS if OSA.distance(word, q) <= 1]
    return near[0] if len(near) == 1 else None


def _inflected(word: str, article_word: str) -> bool:
    """Whether ``word`` is ``article_word`` with an ending added that its stem drops
    ("councilmembers" of "councilmember", which no dictionary knows; "revenu" is a typo of "revenue")."""
    return word.startswith(article_word) and stem(word) == stem(article_word)


def _max_edits(word: str) -> int:
    return 2 if len(word) >= LONG_WORD else 1


def _same_case(word: str, like: str) -> str:
    """``word`` (lower case) written in the case style of ``like``."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


class Speller:
    """Corrects a question's misspelt words toward the words of the articles.

    >>> articles = ["Anthropic raise regulatory"]
    >>> speller = Speller(word_counts(articles), known_words={"praise", "rules"}, names=capitalised_words(articles))
    >>> speller.correct("Did Anthropc praise regulatry ruless?")
    'Did Anthropic praise regulatory rules?'
    """

    def __init__(self, counts: Mapping[str, int], known_words: Iterable[str] = (), names: Iterable[str] = ()) -> None:
        """``counts``: how often each (lower-case) article word occurs; ``known_words``: real words
        the articles may lack (the model's whole-word vocabulary); ``names``: the article words
        (lower-case) that the articles only write capitalised (``capitalised_words``)."""
        self._article_words = frozenset(counts)
        self._known_words = frozenset(w.lower() for w in known_words)
        self._real_words = self._article_words | self._known_words
        by_frequency = sorted(counts, key=lambda w: (-counts[w], w))  # most frequent first
        self._article_by_letter = _by_first_letter(by_frequency)
        name_set = frozenset(names)
        self._names_by_letter = _by_first_letter(w for w in by_frequency if w in name_set)
        self._known_by_letter = _by_first_letter(sorted(self._known_words))
        self._accented_names: dict[str, str] = {}  # "zurich" -> "zürich": names the articles write with accents
        for name in (w for w in by_frequency if w in name_set and without_accents(w) != w):
            self._accented_names.setdefault(without_accents(name), name)

    def suggestion(self, word: str, *, as_name: bool = False) -> str | None:
        """The article word ``word`` is a typo of, or None if it is not one (``as_name``: only a name's)."""
        lower = word.lower()
        if lower in self._article_words:
            return None
        plain = without_accents(lower)
        if as_name and self._accented_names.get(plain, lower) != lower:  # a name's accent left out or another one:
            return self._accented_names[plain]  # "Zurich", "Rénee" (names only: "angel" is no typo of "Ángel")
        if plain != lower and len(plain) >= MIN_ACCENTED_LETTERS and plain in self._article_words:
            return plain  # an accent typed by mistake: "wróte" for "wrote" (not "à" for "a", nor "Beyoncé" the articles lack)
        if lower in self._real_words:
            return None
        if not as_name and len(lower) <= _QUESTION_WORD_LETTERS and (question_word := _question_word(lower)):
            return question_word  # "waht", "wich"
        if len(lower) < MIN_LETTERS_UNKNOWN or base_form(lower) in self._real_words:
            return None  # too short to tell, or a real word ("halting" is a form of "halt")
        if len(lower) < MIN_LETTERS and (word.isupper() or english_word(lower)):
            return None  # a short word English has ("silt", "dine") or an acronym ("OPEC"); "brng", "coud" are typos
        found = _closest(lower, self._names_by_letter if as_name else self._article_by_letter, 1 if english_word(lower) else _max_edits(lower))
        if found is None and word.islower() and len(word) >= MIN_LETTERS_COMMON and not english_word(lower):
            found = _closest(lower, self._known_by_letter, 1)  # not "overturn", a word too, to "overture"
        if found is not None and (base_form(found) == base_form(lower) or _inflected(lower, found)):
            return None  # another form of the word ("toaster" of "toasters", "councilmembers" of "councilmember", "decider" of "decide"): no typo
        if found is not None and plain != lower and without_accents(found) == found:
            return None  # accents on a word near one written without: another language's word ("criticó", not "critics")
        return found

    def correct(self, text: str) -> str:
        """``text`` with each misspelt word replaced by the article word it stands for."""

        first = _WORD.search(text)

        def replace(match: re.Match[str]) -> str:
            word = match.group(0)
            as_name = word[:1].isupper() and not word.isupper() and match.start() != (first and first.start())  # not "PAUSSE"
            found = self.suggestion(word, as_name=as_name)
            return _same_case(found, word) if found else word

        return _WORD.sub(replace, text)
