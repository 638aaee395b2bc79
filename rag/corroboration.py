"""Whether two sentences state the same fact, so that one quote can cite both articles.

Vectors of a fact's paraphrases in two articles are close but not the same (about 0.8 for the
bundled corpus, never 0.9), and close vectors may still state different facts: another
figure, or the same claim denied. So closeness decides only with the figures and negations
agreeing.
"""

from __future__ import annotations

import re

from .text import NUMBER_WORD, number_value, years

_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
# A count written out ("six homes"), but not "one", which is seldom a count ("one of the", "no one").
_NUMBER_WORD = re.compile(rf"\b(?!one\b){NUMBER_WORD}\b", re.IGNORECASE)
# Two sentences of different articles that give the same telling figures (``_telling_figures``) state the same fact
# when their vectors are at least this close, below ``corroboration_similarity``: "Riverton still has
# roughly 6,200 lead pipes" and "The utility estimates that 6,200 lead service lines remain" (0.58).
SAME_FIGURE_SIMILARITY = 0.5
# A sentence that denies something ("is not calling for", "never", "no competitor"): it does not
# corroborate one that affirms it. "Without" is left out: "… without human oversight" denies nothing.
_DENIAL = re.compile(r"\b(?:not(?! only)|never|no(?!\.\s*\d)|none|nor|neither|nothing|nobody|cannot)\b|n[’']t\b", re.IGNORECASE)  # not "not only", "No. 10"


def _numbers(text: str) -> set[str]:
    """The figures in a text ("$9 billion" -> {"9"}, "six homes" -> {"6"}), to tell facts with
    other figures apart: "at least six homes" is not what "9 houses were destroyed" says."""
    return {n.replace(",", "") for n in _NUMBER.findall(text)} | {number_value(word) for word in _NUMBER_WORD.findall(text)}


def _telling_figures(text: str) -> set[str]:
    """The figures of a text that two articles would share only in stating one fact: three digits
    or more ("6,200" -> "6200", "$4.50" -> "4.50", "Local 1182"), but not a year ("2025"), which many facts share."""
    stated_years = years(text)
    return {figure.replace(",", "") for figure in _NUMBER.findall(text) if len(figure.replace(",", "").replace(".", "")) >= 3 and figure not in stated_years}


def same_fact(text: str, other_text: str, similarity: float, threshold: float, other_article: bool) -> bool:
    """Whether ``text`` and ``other_text``, whose vectors have cosine ``similarity``, state the same
    fact: close in meaning (at least ``threshold``, or, when they come from different articles
    (``other_article``), at least ``SAME_FIGURE_SIMILARITY`` and sharing a telling figure: "roughly 6,200 lead pipes" and
    "6,200 lead service lines remain"), with the same figures (a telling figure one gives and the
    other lacks is not the same fact: "about 41,000 households", "tens of thousands of homes"),
    and both or neither negated ("Anthropic is not calling for an immediate stop" does not say
    what "Anthropic urges a global pause" says, however close their vectors)."""
    numbers, other_numbers = _numbers(text), _numbers(other_text)
    telling, other_telling = _telling_figures(text), _telling_figures(other_text)
    if similarity < threshold and not (similarity >= SAME_FIGURE_SIMILARITY and other_article and telling == other_telling != set()):
        return False
    if bool(_DENIAL.search(text)) != bool(_DENIAL.search(other_text)):
        return False
    if telling - other_numbers or other_telling - numbers:
        return False  # "about 41,000 households … for 2 days" is not what "tens of thousands of homes … for 2 days" says
    return not (numbers and other_numbers) or bool(numbers & other_numbers)
