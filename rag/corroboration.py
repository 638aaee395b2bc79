"""Whether two sentences state the same fact, so that one quote can cite both articles.

Vectors of a fact's paraphrases in two articles are close but not the same (about 0.8 for the
bundled corpus, never 0.9), and close vectors may still state different facts: another
figure, or the same claim denied. So closeness decides only with the figures and negations
agreeing, and with no detail that each states its own way (``details_differ``): two outlets'
"At least 12 people were killed … shortly after 9 a.m." and "Fourteen people were killed …
shortly after 9 a.m." are two accounts, not one fact both articles state.
"""

from __future__ import annotations

import re

from .answer_types import PEOPLE_WORDS, SAYING_VERBS, mentions
from .details import stated_details
from .lexical import NEGATION, STOPWORDS, stem, words
from .officer_titles import TITLE_GROUP, TITLE_PATTERN
from .question import quotations_in
from .text import MONTH_NAME, NUMBER_WORD, number_value, scaled_value, years

_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
# A count written out ("six homes"), but not "one", which is seldom a count ("one of the", "no one").
_NUMBER_WORD = re.compile(rf"\b(?!one\b){NUMBER_WORD}\b", re.IGNORECASE)
# Two sentences of different articles that give the same telling figures (``_telling_figures``) state the same fact
# when their vectors are at least this close, below ``corroboration_similarity``: "Riverton still has
# roughly 6,200 lead pipes" and "The utility estimates that 6,200 lead service lines remain" (0.58).
SAME_FIGURE_SIMILARITY = 0.5


def _numbers(text: str) -> set[str]:
    """The figures in a text ("$9 billion" -> {"9"}, "six homes" -> {"6"}), to tell facts with
    other figures apart: "at least six homes" is not what "9 houses were destroyed" says."""
    return {n.replace(",", "") for n in _NUMBER.findall(text)} | {number_value(word) for word in _NUMBER_WORD.findall(text)}


def _telling_figures(text: str) -> set[str]:
    """The figures of a text that two articles would share only in stating one fact: three digits
    or more ("6,200" -> "6200", "$4.50" -> "4.50", "Local 1182"), but not a year ("2025"), which many facts share."""
    stated_years = years(text)
    return {figure.replace(",", "") for figure in _NUMBER.findall(text) if len(figure.replace(",", "").replace(".", "")) >= 3 and figure not in stated_years}


# A figure and what it counts: "$2.3 million" or "£2.3m" (money), "52 percent", "Fourteen people",
# "a 12-week trial", "84mph", "her 50s"; a day after a month ("March 4") is a date.
_FIGURE = re.compile(
    rf"(?P<money>[$€£¥]\s?)?(?P<value>\d[\d,.]*\d|\d|{_NUMBER_WORD.pattern})"
    r"(?:\s?(?P<percent>%|percent\b|per cent\b))?(?:[\s-]*(?P<scale>thousand|million|billion|trillion|bn|mn|m|k)\b)?(?:[\s-]*(?P<unit>[A-Za-z]+))?",
    re.IGNORECASE,
)
_AFTER_MONTH = re.compile(rf"\b(?:{MONTH_NAME})\s*$", re.IGNORECASE)
# A title and a word that makes it another ("Assistant District Attorney" is not the district attorney); not
# "AG" or "DA", which are as often a company's ("Volkswagen AG") or a name's ("Lula da Silva").
_TITLE = re.compile(
    rf"\b(?:(?P<rank>assistant|deputy|acting|interim|former|ex|associate|vice)[\s-]+)?(?P<title>(?!(?:ag|da)\b)(?:{TITLE_PATTERN}))(?!\w)", re.IGNORECASE
)
_TITLE_WORDS = frozenset(word for title in TITLE_GROUP for word in title.split())
_SAID = re.compile(rf"\b(?:{SAYING_VERBS}|according to)\b", re.IGNORECASE)  # a sentence telling who said it
_PEOPLE = re.compile(PEOPLE_WORDS, re.IGNORECASE)


def _figures_by_unit(text: str) -> dict[str, set[str]]:
    """The figures of ``text`` by what they count ("percent", "money", "date" after a month, "people"
    for a word of people, else the stem of the word after them): "Fourteen people" and "14 residents"
    -> {"people": {"14"}}, "$2.3 million" and "$2.3m" -> {"money": {"2.3e+06"}}, "12 weeks" -> {"week": {"12"}}."""
    found: dict[str, set[str]] = {}
    for match in _FIGURE.finditer(text):
        scale = match["scale"] if match["money"] or (match["scale"] or "").lower() != "m" else None  # "300m tall" is metres
        try:
            value = f"{scaled_value(match['value'], scale):g}"
        except ValueError:  # "1.2.3": not one number
            continue
        word = (match["unit"] or (match["scale"] if not scale else "") or "").lower()
        if match["money"]:
            unit = "money"
        elif match["percent"]:
            unit = "percent"
        elif _AFTER_MONTH.search(text, 0, match.start()) and len(match["value"]) <= 2:  # "March 4", not "March 2021"
            unit = "date"
        else:
            unit = "people" if _PEOPLE.fullmatch(word) else stem(word) if word else ""
        found.setdefault(unit, set()).add(value)
    return found


def _titles(text: str) -> set[str]:
    """The titles ``text`` gives people, each as its group with its rank ("assistant 16"; "ex" is "former")."""
    found = set()
    for match in _TITLE.finditer(text):
        rank = (match["rank"] or "").lower()
        found.add(f"{'former' if rank == 'ex' else rank} {TITLE_GROUP[match['title'].lower()]}")
    return found


def _speakers(text: str) -> set[frozenset[str]]:
    """Who ``text`` says said it, by a name of two words or more ("Anna Kovic"), each as its
    lower-case words; none for a sentence that tells no one saying anything."""
    if not _SAID.search(text):
        return set()
    return {person for person in mentions(text, "person") if len(person) > 1 and not person <= _TITLE_WORDS}  # not "chief executive"


def details_differ(text: str, other_text: str) -> bool:
    """Whether two sentences each state a detail of one kind that the other states otherwise: a
    figure of the same thing ("12 people" / "Fourteen people", "47 percent" / "52 percent"), a
    year, month, weekday or span of time (``stated_details``: "conceded on Wednesday" / "on
    Thursday"), a title ("District Attorney" / "Assistant District Attorney"), or who said it ("Anna
    Kovic" / "Fire Chief Tomas Reiher" said the same words; a name either sentence writes in part,
    "Bell said …" of "Ruth Bell", is the same person). Two outlets that tell one event so
    are two accounts, which one quote must not cite as one."""
    details, other_details = stated_details(text), stated_details(other_text)
    if any(details[kind] - other_details[kind] and other_details[kind] - details[kind] for kind in details.keys() & other_details.keys()):
        return True
    figures, other_figures = _figures_by_unit(text), _figures_by_unit(other_text)
    values = set().union(*figures.values())
    other_values = set().union(*other_figures.values())
    if any(figures[unit] - other_values and other_figures[unit] - values for unit in (figures.keys() & other_figures.keys()) - {""}):
        return True
    titles, other_titles = _titles(text), _titles(other_text)
    if titles - other_titles and other_titles - titles:
        return True
    speakers, other_speakers = _speakers(text), _speakers(other_text)
    said, other_said = set(words(text)), set(words(other_text))  # "Bell said …" names Ruth Bell too
    return bool(speakers and other_speakers) and not any(person & other_said for person in speakers) and not any(person & said for person in other_speakers)


# Declining to say is saying nothing: "Tamsin Holdings … declined to comment" does not say what
# "Tamsin Holdings said … the proposal still undervalued the company" says.
_DECLINED = re.compile(r"\b(?:declined|refused)\s+to\s+(?:comment|say|confirm|discuss|respond|answer)\b", re.IGNORECASE)  # "no comment": NEGATION


def _negated(text: str) -> bool:
    """Whether ``text`` denies or declines to say something (``NEGATION``, ``_DECLINED``)."""
    return bool(NEGATION.search(text) or _DECLINED.search(text))


_QUOTED_REACH = 2000  # characters of a sentence read for its quotations: a run-on "sentence" of thousands is read in part


def _other_quotations(text: str, other_text: str) -> bool:
    """Whether ``text`` and ``other_text`` each quote words and share no content word of them:
    'Dunmore called it "a responsible budget"' and 'Dunmore described the budget as "fair and
    balanced"' are two statements, however close their vectors; two quotations of one speech
    share words, and a sentence telling it in its own words quotes nothing."""
    quoted, other_quoted = ({stem(word) for quotation in quotations_in(t[:_QUOTED_REACH]) for word in words(quotation) if word not in STOPWORDS} for t in (text, other_text))
    return bool(quoted and other_quoted) and not quoted & other_quoted


# A state and the change that ends it: "A boil-water notice has been issued" and "The boil-water
# notice … has been lifted", "Police have closed Mill Lane" and "Mill Lane has been reopened" are
# two states of one thing, told days apart, not one fact. Not "issued a statement", "a close vote".
_STATE_BEGUN = re.compile(
    r"\b(?:issu(?:e|ed|es)(?!\s+(?:a\s+|an\s+)?(?:statement|comment|response|apology|update|reminder)\b)|impos(?:e|ed|es)"
    r"|(?<!\ba\s)(?<!\bvery\s)clos(?:e|ed|es)(?!\s+(?:to|vote|race|contest|call|friend|look|attention)\b)|shut|shuts|suspend(?:ed|s)?)\b",
    re.IGNORECASE,
)
_STATE_ENDED = re.compile(r"\b(?:lift(?:ed|s)?|reopen(?:ed|s)?|restor(?:e|ed|es)|resum(?:e|ed|es))\b", re.IGNORECASE)


def _state_changed(text: str, other_text: str) -> bool:
    """Whether one of two sentences tells only a state begun (``_STATE_BEGUN``) and the other only its end (``_STATE_ENDED``)."""

    def told(sentence: str) -> tuple[bool, bool]:
        return bool(_STATE_BEGUN.search(sentence)), bool(_STATE_ENDED.search(sentence))

    (begun, ended), (other_begun, other_ended) = told(text), told(other_text)
    return (begun and not ended and other_ended and not other_begun) or (ended and not begun and other_begun and not other_ended)


def same_fact(text: str, other_text: str, similarity: float, threshold: float, other_article: bool) -> bool:
    """Whether ``text`` and ``other_text``, whose vectors have cosine ``similarity``, state the same
    fact: close in meaning (at least ``threshold``, or, when they come from different articles
    (``other_article``), at least ``SAME_FIGURE_SIMILARITY`` and sharing a telling figure: "roughly 6,200 lead pipes" and
    "6,200 lead service lines remain"), with the same figures (a telling figure one gives and the
    other lacks is not the same fact: "about 41,000 households", "tens of thousands of homes"),
    both or neither negated ("Anthropic is not calling for an immediate stop" does not say
    what "Anthropic urges a global pause" says, however close their vectors; "declined to comment"
    says nothing), not one telling a state and the other its end ("issued" and "lifted",
    ``_state_changed``), and not quoting other words each (``_other_quotations``)."""
    numbers, other_numbers = _numbers(text), _numbers(other_text)
    telling, other_telling = _telling_figures(text), _telling_figures(other_text)
    if similarity < threshold and not (similarity >= SAME_FIGURE_SIMILARITY and other_article and telling == other_telling != set()):
        return False
    if _negated(text) != _negated(other_text) or _other_quotations(text, other_text) or _state_changed(text, other_text):
        return False
    if telling - other_numbers or other_telling - numbers:
        return False  # "about 41,000 households … for 2 days" is not what "tens of thousands of homes … for 2 days" says
    if details_differ(text, other_text):
        return False
    return not (numbers and other_numbers) or bool(numbers & other_numbers)
