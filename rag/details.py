"""The details a question pins its answer to: a year, a month, a day of a month ("March 13"), a
weekday, a quarter or half of a year, a currency, the period of a rate ("a week"), a span of time
("six days", "a 12-week trial"), a vote's tally ("voted 5-2") or a count ("three schools",
``miscounted``).

A question asking "What was Helixon's revenue in euros?" of an article that gives it only in
dollars, or "what was the revenue in 2024?" of one that gives 2025's, has a false premise built
from the article's own words: every word is there, but the detail it asks for is not; so has "Why
did the 1998 strike last eleven days?" of an article saying it lasted six. Such a
detail is of a closed kind that a sentence states one way or another ("Dec." or "December",
"$" or "dollars"), so a sentence stating another of the same kind, and none stating the one
asked, tells the question apart from the articles' answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from .answer_types import SPAN_QUALIFIER, amount_groups, rate_periods
from .lexical import STOPWORDS, is_verb, stem, terms, words
from .text import MONTH_ABBREVIATIONS, MONTHS, NUMBER_WORD, WEEKDAYS, number_value, scaled_value, years

_MONTH_NUMBERS = {name[:3].lower(): str(i) for i, name in enumerate(MONTHS.split("|"), start=1)}
_QUARTER_ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "1st": "1", "2nd": "2", "3rd": "3", "4th": "4"}
_CURRENCIES = ("dollar", "euro", "pound", "yen")

# "December", or as news abbreviates it, "Dec." or "Dec 12" (not "Jan Novak" nor "Mar a Lago").
_MONTH = re.compile(rf"\b(?:{MONTHS})\b(?!\s+(?:I|we|you|he|she|it|they)\b)|\b(?:{MONTH_ABBREVIATIONS})(?:\.|(?=\s+\d))")
# In a question typed in lower case, a month is a month too, but "may" and "march" are verbs
# ("May I ask …" neither).
_ASKED_MONTH = re.compile(
    rf"\b(?:{'|'.join(month for month in MONTHS.split('|') if month not in ('May', 'March'))})\b|\b(?-i:May|March)\b(?!\s+(?:I|we|you|he|she|it|they)\b)",
    re.I,
)
# A weekday, not a paper or a show named after one ("the Sunday Times", "the Mail on Sunday", "Saturday Night Live").
# Names that can only be a paper's or a show's are read in any case ("the sunday times"); words that may
# follow a day in a sentence ("on Sunday post offices", "on Saturday world leaders") only capitalised.
_NAMED_AFTER_A_DAY = (
    r"(?!\s+(?:Times|Telegraph|Mirror|Express|Herald|Tribune|Observer|Star-Times|Night\s+Live|Night\s+Football"
    r"|(?-i:Post|Mail|Age|Paper|Star|World|Politics|People|School))\b)(?<!mail on sunday)"
)
_WEEKDAY = re.compile(rf"\b({'|'.join(day[:-3].lower() for day in WEEKDAYS.split('|'))})day\b{_NAMED_AFTER_A_DAY}", re.I)
_QUARTER = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\b|\bQ([1-4])\b", re.I)
# A half of a year ("in the first half of 2026", "the second half of the financial year", "H1
# 2026"): its two quarters; not a match's ("after a goalless first half").
_HALF = re.compile(
    r"\b(first|second|1st|2nd)[- ]half\s+(?:of\s+(?:the\s+)?(?:(?:financial|fiscal|calendar)\s+)?(?:year|(?:19|20)\d\d)|(?:19|20)\d\d)\b|\bH([12])\s+(?:19|20)\d\d\b",
    re.I,
)
_HALF_QUARTERS = {"1": {"1", "2"}, "2": {"3", "4"}}
_FULL_YEAR = re.compile(
    r"\bfull[- ]year\b|\b(?:profits?|revenues?|sales|earnings|loss(?:es)?|turnover)\s+for\s+the\s+(?:whole\s+|full\s+|financial\s+)?year\b"
    r"|\bannual\s+(?:net\s+|pre-tax\s+|operating\s+)?(?:profits?|revenues?|sales|earnings|loss(?:es)?|turnover)\b",
    re.I,
)
# Dollars, euros, pounds or yen, by sign, code or name; not the "euro zone" nor "euro area".
_CURRENCY = re.compile(
    r"(US\$|\$|\bUSD\b|\bdollars?\b)|(€|\bEUR\b|\beuros\b|\beuro\b(?!\s+(?:zone|area)))|(£|\bGBP\b|\bpounds?\b|\bsterling\b|\bpence\b)|(¥|\bJPY\b|\byen\b)",
    re.I,
)

# "six days", "a 12-week trial", "twenty-four hours": a span of time, by its unit (not "a year",
# nor a rate, "7 days a week", nor an age, "52 years old", "a two-year-old").
_SPAN = re.compile(
    rf"\b(\d+(?:[.,]\d+)?|{NUMBER_WORD})[\s-]+{SPAN_QUALIFIER}(hour|day|week|month|year)s?\b(?!\s+a\s+(?:day|week|month|year)\b)(?![\s-]+old\b)", re.I
)

# A sentence dating its figures by another ("$12.0 billion a year earlier", "up from last month",
# "this year", "yesterday") may be stating the very one asked, under another name.
_RELATIVE_DAY = re.compile(r"\b(?:yesterday|today|tomorrow|tonight|last night|a week (?:earlier|ago|before))\b", re.I)
_RELATIVE_DATE = re.compile(rf"{_RELATIVE_DAY.pattern}|\b(?:{WEEKDAYS})\b", re.I)  # "on Tuesday" may be the day asked
_RELATIVE = {
    "year": re.compile(r"\b(?:a|one|the) year (?:earlier|ago|before)\b|\b(?:last|previous|prior|past|this|next) year\b|\byear[- ](?:on|over)[- ]year\b", re.I),
    "month": re.compile(r"\b(?:a|one|the) month (?:earlier|ago|before)\b|\b(?:last|previous|prior|past|this|next) month\b|\bmonth[- ](?:on|over)[- ]month\b", re.I),
    "weekday": _RELATIVE_DAY,
    "date": _RELATIVE_DATE,
    "quarter": re.compile(r"\b(?:a|one|the) quarter (?:earlier|ago|before)\b|\b(?:last|previous|prior|preceding) quarter\b|\bquarter[- ](?:on|over)[- ]quarter\b", re.I),
}


def _months(text: str, pattern: re.Pattern[str] = _MONTH) -> set[str]:
    return {_MONTH_NUMBERS[found.group(0)[:3].lower()] for found in pattern.finditer(text)}


def _months_stated(text: str) -> set[str]:
    """The months ``text`` states (``_months``), each month of a range it states too
    (``_MONTH_RANGE``): "born between 1 April and 31 August 2022" states July."""
    months = _months(text)
    for found in _MONTH_RANGE.finditer(text):
        if _MOVED.search(text, 0, found.start()):
            continue  # "postponed from March to June" states two months, not those between
        month, last = _month_of(found["first"] or found["first_"]), _month_of(found["last"] or found["last_"])
        while month != last:
            months.add(str(month))
            month = month % 12 + 1
    return months


# A day of a month, "March 3", "Dec. 12", "3rd March", "13 of March"; a range of days, "March 3-5",
# "13 and 14 March", "from July 10 to July 14", "between 1 and 5 May", states each day in it. A
# question asks a day "on" it ("What happened on March 13?"), not one bounding what it asks
# ("between March 3 and March 10", "since March 1", "by March 20").
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_TO = r"\s*(?:[-–—]|\b(?:to|through|until|till|and)\b)\s*"


def _date_patterns(month: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A pattern of a range of days and one of a day, of months written as ``month`` matches."""
    day_month = rf"(?P<{{0}}>{_DAY})\s+(?:of\s+)?(?P<{{1}}>{month})\b"
    month_day = rf"\b(?P<{{1}}>{month})\s+(?P<{{0}}>{_DAY})\b"
    ranges = re.compile(
        rf"\b(?:from|between)\s+(?:{month_day.format('first', 'month')}|{day_month.format('first_', 'month_')}){_TO}(?:{month_day.format('last', 'last_month')}|{day_month.format('last_', 'last_month_')})"
        rf"|{month_day.format('start', 'in_month')}{_TO}(?P<end>{_DAY})\b(?!\s+(?:of\s+)?(?:{month}))"
        rf"|\b(?P<start_>{_DAY}){_TO}{day_month.format('end_', 'in_month_')}"
    )
    days = re.compile(rf"{month_day.format('day', 'month')}|\b{day_month.format('day_', 'month_')}")
    return ranges, days


_DATES = _date_patterns(rf"{MONTHS}|(?:{MONTH_ABBREVIATIONS})\.?")
# In a question typed in lower case, as for ``_ASKED_MONTH``, but for "may" and "march" ("may 3 schools close?").
_ASKED_DATES = _date_patterns(rf"(?i:{'|'.join(month for month in MONTHS.split('|') if month not in ('May', 'March'))}|(?:{MONTH_ABBREVIATIONS})\.?)|May|March")
_ON = re.compile(r"\bon\s+(?:the\s+)?$", re.IGNORECASE)
# A range of months: "between 1 April and 31 August 2022", "from June to September", "April–August".
_A_MONTH_NAME = rf"(?:{MONTHS}|(?:{MONTH_ABBREVIATIONS})\.?)"
_MOVED = re.compile(r"\b(?:postponed|delayed|moved|put\s+back|pushed\s+back|brought\s+forward|rescheduled|deferred|changed)(?:\s+[\w'’-]+){0,3}\s*$", re.I)
_MONTH_RANGE = re.compile(
    rf"\b(?:between|from)\s+(?:{_DAY}\s+(?:of\s+)?)?(?P<first>{_A_MONTH_NAME})(?:\s+\d{{4}})?{_TO}(?:{_DAY}\s+(?:of\s+)?)?(?P<last>{_A_MONTH_NAME})\b"
    rf"|\b(?P<first_>{_A_MONTH_NAME})\s*[-–—]\s*(?P<last_>{_A_MONTH_NAME})\b"
)
_A_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")  # what any date has (a quick test before the patterns)
_A_MONTH_ANY_CASE = re.compile(_A_MONTH.pattern, re.IGNORECASE)


def _month_of(name: str) -> int:
    return int(_MONTH_NUMBERS[name[:3].lower()])


def _day_of(day: str) -> int:
    return int(day.rstrip("stndrh"))


def _days_between(first: tuple[int, int], last: tuple[int, int]) -> set[str]:
    """Each "month-day" from ``first`` to ``last`` (month, day), across a month's end ("July 30 to August 2")."""
    (month, day), found = first, set()
    for _ in range(62):  # no range of days is told over two months long
        found.add(f"{month}-{day}")
        if (month, day) == last:
            return found
        month, day = (month, day + 1) if day < 31 else (month % 12 + 1, 1)
    return {f"{first[0]}-{first[1]}", f"{last[0]}-{last[1]}"}


def _dates(text: str, patterns: tuple[re.Pattern[str], re.Pattern[str]] = _DATES, asked: bool = False) -> set[str]:
    """The days of a month ``text`` states, as "month-day" ("3-13" for "March 13" and "13th March"),
    each day of a range it states; of a question (``asked``), only a day asked "on"."""
    ranges, days = patterns
    dates: set[str] = set()
    if not (_A_MONTH_ANY_CASE if asked else _A_MONTH).search(text):
        return dates
    for found in ranges.finditer(text):
        if found["first"] or found["first_"]:
            first = (_month_of(found["month"] or found["month_"]), _day_of(found["first"] or found["first_"]))
            last = (_month_of(found["last_month"] or found["last_month_"]), _day_of(found["last"] or found["last_"]))
        else:
            month = _month_of(found["in_month"] or found["in_month_"])
            first, last = (month, _day_of(found["start"] or found["start_"])), (month, _day_of(found["end"] or found["end_"]))
        if not asked:
            dates |= _days_between(first, last)
    rest = ranges.sub(lambda found: " " * len(found.group()), text)
    for found in days.finditer(rest):
        if not asked or _ON.search(rest, 0, found.start()):
            dates.add(f"{_month_of(found['month'] or found['month_'])}-{_day_of(found['day'] or found['day_'])}")
    return dates


def _weekdays(text: str) -> set[str]:
    return {found.lower() for found in _WEEKDAY.findall(text)}


_ORDINAL_OF_QUARTER = {number: ordinal for ordinal, number in _QUARTER_ORDINALS.items() if ordinal.isalpha()}
_SHORT_QUARTER = re.compile(r"\b[Qq]([1-4])\b")


def quarters_as_written(question: str, texts: Sequence[str]) -> str:
    """``question`` with a quarter written short ("Q3", "q3") that ``texts`` (the articles)
    never write so, as the articles write quarters: "kestrel q3 revenue" -> "kestrel
    third quarter revenue" where they say "third-quarter revenue"; "Audi Q3" stays where they write
    "Q3"."""

    def as_written(found: re.Match[str]) -> str:
        short = found.group().upper()
        return found.group() if any(short in text and re.search(rf"\b{short}\b", text) for text in texts) else f"{_ORDINAL_OF_QUARTER[found.group(1)]} quarter"

    return _SHORT_QUARTER.sub(as_written, question)


def _quarters(text: str) -> set[str]:
    """The quarters ``text`` states, as numbers, a half as its two ("first half": "1", "2"), and
    "year" for a whole year's results ("net profit for the year", "full-year revenue", "annual
    profit"): a quarter's figure is not the year's, nor a half's the third quarter's."""
    found = {_QUARTER_ORDINALS.get(ordinal.lower(), number) for ordinal, number in _QUARTER.findall(text)}
    halves = {_QUARTER_ORDINALS.get(ordinal.lower(), number) for ordinal, number in _HALF.findall(text)}
    return found.union(*(_HALF_QUARTERS[half] for half in halves)) | ({"year"} if _FULL_YEAR.search(text) else set())


def _currencies(text: str) -> set[str]:
    return {name for found in _CURRENCY.findall(text) for name, sign in zip(_CURRENCIES, found) if sign}


def _spans(unit: str) -> Callable[[str], set[str]]:
    """The counts of ``unit`` (hour, day, week, month, year) that a text states a span of."""
    return lambda text: {number_value(count) for count, found in _SPAN.findall(text) if found.lower() == unit}


# A vote's or a match's tally: "voted 5-2", "a 4–3 vote", "won 3-1" (not a range, "six to nine
# months", nor a season, "2025-26": a word of voting or winning stands within a few words of it).
_TALLY = re.compile(r"(?<!(?i:aged) )(?<!(?i:ages) )(?<![\w.,$€£¥])(\d{1,3})\s?[-–—]\s?(\d{1,3})(?![\w%-]|[.,]\d)")
_TALLY_WORD = re.compile(r"\b(?:vot(?:e|ed|es|ing)|won|wins?|lost|los(?:e|es|ing)|beat(?:en|s)?|defeat(?:ed|s)?|victory|score[ds]?|rul(?:e|ed|es|ing)|decision|verdict|margin)\b", re.I)
TALLY_REACH = 25  # characters on each side of a tally in which a word of voting or winning makes it one


def _tallies(text: str) -> set[str]:
    """The tallies ``text`` states, larger side first ("5-2" for "voted 2–5" too)."""
    return {
        "-".join(sorted(match.groups(), key=int, reverse=True))
        for match in _TALLY.finditer(text)
        if _TALLY_WORD.search(text, max(0, match.start() - TALLY_REACH), match.end() + TALLY_REACH)
    }


# A question asking a vote's or a match's tally ("What was the council vote on cutting the hours?",
# "What was the final score?", "How did councillors vote?"), and a sentence stating one anywhere in
# it ("The vote at Wednesday's council meeting was 6-3.", "carried by 21 votes to 9").
_ASKS_TALLY = re.compile(
    r"^\W*(?:what\s+(?:was|is|were)\s+(?:the\s+)?(?:(?!(?:of|in|for|on|at|by|from)\b)[\w'’-]+\s+){0,3}?(?:vote|score|scoreline|tally|margin)\b(?!\s+(?:date|count)\b)"  # not "the turnout in the vote"
    r"|how\s+did\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?vote\b)",
    re.I,
)
_VOTES_TO = re.compile(r"\b\d{1,3}\s+votes?\s+to\s+\d{1,3}\b", re.I)


def asks_tally(question: str) -> bool:
    """Whether ``question`` asks a vote's or a match's tally ("What was the council vote on …?")."""
    return bool(_ASKS_TALLY.search(question))


def tells_tally(text: str) -> bool:
    """Whether ``text`` states a tally, with a word of voting or winning anywhere in it ("The vote
    at Wednesday's council meeting was 6-3.", "carried by 21 votes to 9")."""
    return bool(_TALLY.search(text) and _TALLY_WORD.search(text) or _VOTES_TO.search(text))


_STATED: dict[str, Callable[[str], set[str]]] = {
    "year": years,
    "month": _months_stated,
    "date": _dates,
    "weekday": _weekdays,
    "quarter": _quarters,
    "currency": _currencies,
    "tally": _tallies,
    "rate": lambda text: set(rate_periods(text)),  # "a monthly pass" is no weekly one
    **{f"{unit}s": _spans(unit) for unit in ("hour", "day", "week", "month", "year")},
}


def stated_details(text: str) -> dict[str, set[str]]:
    """The details ``text`` states, by kind: {"year": {"2025"}, "month": {"12"}, "currency": {"euro"}, …}
    (months and quarters as numbers, so "Dec." and "December" are one)."""
    return {kind: found for kind, read in _STATED.items() if (found := read(text))}


# A question asking an amount, which a rate's period pins ("How much is a weekly pass?"), not
# "Who won the prize at the annual show?".
_ASKS_AMOUNT = re.compile(r"\bhow\s+(?:much|many)\b|\b(?:cost|costs|price|fee|fees|fare|fares|rent|salary|wage|wages|charge|charges|bill|bills|pay|paid)\b", re.I)


def asked_details(question: str) -> dict[str, set[str]]:
    """The details ``question`` asks about, by kind, as ``stated_details`` reads them, with
    months written in lower case too ("inflation in december"), but not "may" nor "march"; a day
    of a month only where it is asked "on" ("What happened on March 13?"), with its month; a
    rate's period only where it asks an amount (``_ASKS_AMOUNT``)."""
    asked = stated_details(question)
    asked.pop("date", None)
    if not _ASKS_AMOUNT.search(question):
        asked.pop("rate", None)
    dates = _dates(question, _ASKED_DATES, asked=True)
    months = asked.get("month", set()) | _months(question, _ASKED_MONTH) | {date.split("-")[0] for date in dates}
    return {**asked, **({"month": months} if months else {}), **({"date": dates} if dates else {})}


def conflicting_details(question: str, best: str, candidates: str) -> list[str]:
    """The kinds of detail the question asks that ``best`` (the best sentence) states otherwise,
    with no sentence of ``candidates`` stating the one asked: "in euros" of "revenue of $14.2
    billion", "in 2024" of "by the end of 2025" (but not of "up from $3 billion a year earlier",
    nor "this year", either of which may be 2024's)."""
    stated, offered = stated_details(best), stated_details(candidates)
    conflicting = [
        kind
        for kind, asked in asked_details(question).items()
        if stated.get(kind)
        and not asked & stated[kind]
        and not asked & offered.get(kind, set())
        and not (kind in _RELATIVE and _RELATIVE[kind].search(best))
    ]
    return [kind for kind in conflicting if not (kind == "date" and "month" in conflicting)]  # another month is another day


def years_of_months(months: set[str], day: date) -> set[str]:
    """The years ``months`` (as numbers, "12") told without one are of, in an article dated
    ``day``: its year, or the year before for a month later than its own ("December" in an article
    of 8 January 2026 is December 2025)."""
    return {str(day.year - (int(month) > day.month)) for month in months}


def mismatched_details(question: str, sentences: list[str], dated: Sequence[date | None] = ()) -> bool:
    """Whether one of ``sentences`` states a detail the question asks and another it asks
    otherwise, and none states them all: "Why did the 1998 strike last eleven days?" of "… the
    first strike since 1998, when drivers stayed off the job for six days" (two true facts, the
    1998 strike's length and this one's, asked as one). ``dated`` holds the day each sentence's
    article is dated (None where undated): a sentence stating no year is told of that day's year,
    or the year before for a month later than the day's ("… within four hours in January" in an
    article of February 2026 is of January 2026; "… in December" in one of January 2026 of
    December 2025)."""
    asked = asked_details(question)
    if "date" in asked:  # a day of a month pins the month: one detail, not two
        del asked["month"]
    if len(asked) < 2:
        return False
    stated = [(text, stated_details(text)) for text in sentences]
    for (_, found), day in zip(stated, dated):
        if day is not None and "year" not in found:
            found["year"] = years_of_months(found.get("month", set()), day) or {str(day.year)}
    if any(all(values & found.get(kind, set()) for kind, values in asked.items()) for _, found in stated):
        return False
    return any(
        any(values & found.get(kind, set()) for kind, values in asked.items())
        and any(
            found.get(kind) and not values & found[kind] and not (kind in _RELATIVE and _RELATIVE[kind].search(text))
            for kind, values in asked.items()
        )
        for text, found in stated
    )


# An amount or a share: "$1 trillion", "€120m", "31%", "50 billion", "4.8 percent" (a bare number is no figure).
_FIGURE = re.compile(
    r"(?P<sign>[$€£¥])?\s?(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>%|per ?cent\b|percent\b|million\b|billion\b|trillion\b|m\b|bn\b)?", re.I
)
_UNITS = {"per cent": "%", "percent": "%", "m": "million", "bn": "billion"}
FIGURE_REACH = 3  # words on each side of a figure that say what it is


def _figures(text: str) -> list[tuple[tuple[str, str], int, int]]:
    """The figures ``text`` states, each as (number, unit) with its span: "$1 trillion" -> ("1", "trillion")."""
    found = []
    for match in _FIGURE.finditer(text):
        unit = (match["unit"] or "").lower()
        if unit or match["sign"]:
            found.append(((match["number"].replace(",", ""), _UNITS.get(unit, unit)), match.start(), match.end()))
    return found


def changed_amount(question: str, sentences: list[str]) -> bool:
    """Whether ``question`` states an amount of money ("pay $60 million") that none of
    ``sentences`` states, though one of them states another of the same scale ("a transfer fee of
    $42 million"): an amount changed, the rest as the article has it."""
    stated = [(figure, text[start:end]) for text in sentences for figure, start, end in _figures(text)]
    for figure, start, end in _figures(question):
        if _is_money(question[start:end]) and figure not in {found for found, _ in stated}:
            if any(found[1] == figure[1] and _is_money(span) for found, span in stated):
                return True
    return False


def _is_money(figure: str) -> bool:
    """Whether a figure ``_figures`` found is written with a currency sign ("$42 million")."""
    return figure.lstrip()[:1] in "$€£¥"


def misattributed_figure(question: str, sentences: list[str], names: frozenset[str] = frozenset()) -> bool:
    """Whether ``question`` states a figure that ``sentences`` state only about something else:
    every sentence stating it shares none of the words within ``FIGURE_REACH`` words of it in the
    question (``names``, stemmed, aside: they say whose it is, not what) nor a name of the same
    amount ("revenue", "sales"): "What's behind the forecast of $1 trillion in annual revenue?" of
    "… valuing it near $1 trillion", "Why did the stock fall 31%?" of "… cut attacks by 31%"."""
    for figure, start, end in _figures(question):
        near = " ".join(words(question[:start])[-FIGURE_REACH:] + words(question[end:])[:FIGURE_REACH])
        said, named = set(terms(near)) - names, amount_groups(near)
        stating = [text for text in sentences if any(found == figure for found, _, _ in _figures(text))]
        if stating and (said or named) and not any(said & set(terms(text)) or named & amount_groups(text) for text in stating):
            return True
    return False


# A number, written in figures or words, with its scale: "8 billion", "$14m", "two hundred".
_NUMBER = rf"(\d[\d,]*(?:\.\d+)?|(?!one\b){NUMBER_WORD})(?:\s*(k|m|bn)\b|\s+(hundred|thousand|million|billion|trillion)\b)?"
_ANY_NUMBER = re.compile(rf"(?<![\w.,-]){_NUMBER}", re.I)
# A number and what it counts: "two elementary schools", "8 billion crowns", "4,200 members"
# (not "one", which is as often a pronoun: "one of the schools", nor a year: "the 2025 budget").
_COUNT = re.compile(
    rf"(?<![\w.,-])(?!(?:1\d|20)\d\d\b(?!,)){_NUMBER}(?:\s+|-)"
    r"(?!(?:hundred|thousand|million|billion|trillion|percent|per\b|percentage)\b)([^\W\d_][\w'’-]*)",
    re.I,
)
_CLAUSE_END = re.compile(r"[,;:!?()]|(?<=[a-z0-9])\.(?=\s|$)")  # what a number counts stands before its clause ends ("12 U.S. states" goes on)
_OF_A_WHOLE = re.compile(r"\bof\s+(?:the\s+|its\s+|their\s+)?$", re.I)  # "five of the seven members": a whole, not a count asked of a part
_LABELLED = re.compile(r"\w\s+[A-Z][\w-]*\s+$")  # "grounded Boeing 737 Max jets", "took Flight 1549": a name's number, no count


COUNT_REACH = 4  # words after a number in which what it counts may stand ("12 of its schools")
QUESTION_COUNT_WORDS = 2  # words after a question's number read as what it counts ("three elementary schools"; its next words are often the question's own)


def _states_count(text: str, value: float, thing: str) -> bool:
    """Whether ``text`` writes the number ``value``, in any form, with ``thing`` (a stem) within
    ``COUNT_REACH`` words after it: "About 1200 workers", "12 of its schools", "two hundred workers"."""
    return any(
        scaled_value(match[1], match[2] or match[3]) == value and thing in terms(" ".join(words(text[match.end() :])[:COUNT_REACH]))
        for match in _ANY_NUMBER.finditer(text)
    )


# Prepositions the stop words leave out: what a number counts ends before them ("£2.3 million from
# the trust" counts nothing, "225 votes over Pruitt" votes).
_PREPOSITIONS = frozenset("from over into across through since after before during against toward towards under above below between among within without per via".split())
_PASSIVE_VERB = re.compile(r"(?<=\w{3})ed$")  # "enrolled", "killed": what was done to what is counted


def _counts(text: str, reach: int = COUNT_REACH) -> list[tuple[float, tuple[str, ...]]]:
    """Each number ``text`` writes before what it counts, as (value, stems): ``_counts_at`` without where."""
    return [(value, counted) for value, counted, _ in _counts_at(text, reach)]


def _counts_at(text: str, reach: int = COUNT_REACH) -> list[tuple[float, tuple[str, ...], int]]:
    """Each number ``text`` writes before what it counts, as (value, the stems of up to ``reach``
    words after it up to a stop word or the end of its clause): "close two elementary schools" -> (2.0, ("elementari",
    "school")), "410,000 portable space heaters sold" -> (410000.0, ("portabl", "space", "heater", "sold"));
    not a whole that a part is taken from ("the seven members" of "five of the seven members"),
    nor a name's number ("Boeing 737 Max jets"); a verb in -ed after what is counted ends it ("Why
    were 4,620 patients enrolled?" counts patients); with where in ``text`` the number starts."""
    found = []
    for match in _COUNT.finditer(text):
        number, short_scale, scale = match.groups()[:3]
        if _OF_A_WHOLE.search(text, 0, match.start()) or _LABELLED.search(text, 0, match.start()):
            continue
        counted: list[str] = []
        for word in words(_CLAUSE_END.split(text[match.start(4) :], 1)[0])[:reach]:
            if word in STOPWORDS or word in _PREPOSITIONS or word.isdigit() or (counted and _PASSIVE_VERB.search(word) and is_verb(word)):
                break  # "4,620 patients enrolled": the patients, not what was done to them
            counted.append(stem(word))
        if counted:
            found.append((scaled_value(number, short_scale or scale), tuple(counted), match.start()))
    return found


def miscounted(question: str, sentences: list[str]) -> bool:
    """Whether ``question`` counts something ("close three elementary schools", "bond sales to 8
    billion crowns a month") that one of ``sentences`` counts otherwise ("close two elementary
    schools") and none states as asked: a number changed, the rest of the facts as the article
    has them. A sentence counts the same thing when it writes every word the question counts
    with ("two hospital groups" are not the "three hospitals" of a sentence); one states the
    count asked when it writes that number, in any form, with the thing counted just after it
    (``_states_count``)."""
    asked = _counts(question, QUESTION_COUNT_WORDS)
    if not asked:
        return False
    stated = [(value, counted, _bound_of(text, start)) for text in sentences for value, counted, start in _counts_at(text)]
    return any(
        any(not _meets(number, value, bound) for value, counted, bound in stated if set(things) <= set(counted))
        and not any(_states_count(text, number, things[-1]) for text in sentences)
        for number, things in asked
    )


# A count stated as a bound: "for at least two years" is met by three; "up to 20 pupils" by 12.
_AT_LEAST = re.compile(r"\b(?:at\s+least|more\s+than|over|a\s+minimum\s+of|no\s+(?:fewer|less)\s+than)\s+$", re.I)
_AT_MOST = re.compile(r"\b(?:up\s+to|fewer\s+than|less\s+than|under|at\s+most|a\s+maximum\s+of|no\s+more\s+than)\s+$", re.I)


def _bound_of(text: str, start: int) -> str | None:
    """Whether the count at ``start`` of ``text`` is a lower bound ("min": "at least two years"), an upper one ("max": "up to 20"), or neither (None)."""
    return "min" if _AT_LEAST.search(text, 0, start) else "max" if _AT_MOST.search(text, 0, start) else None


def _meets(number: float, value: float, bound: str | None) -> bool:
    """Whether a count of ``number`` is the count ``value`` stated, or within it as a ``bound`` (``_bound_of``)."""
    return number >= value if bound == "min" else number <= value if bound == "max" else number == value
