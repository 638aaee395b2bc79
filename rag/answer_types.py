"""Expected answer types: a "who" question wants a person, "when" a time, "how much … cost" an amount of money, "what percentage" a percentage, "how many" a number."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import regex

from .text import AUXILIARIES, CALENDAR_WORDS, CENTURY, HONORIFICS, MONTH_BEFORE_DAY, MONTHS, NUMBER_WORD, NUMBER_WORDS, NUMBER_SCALES, ORDINALS, QUESTION_PREPOSITIONS, QUESTION_WORDS, WEEKDAYS, YEAR, scaled_value, years

_WHEN = re.compile(r"^\s*when\b|\b(what|which) (day|date|year|month|time)\b|\bhow soon\b|\bby when\b", re.I)
# "How many weeks will the consultation last?", "how many kilometres long is the road?": a span of
# time or a measure asked in a unit the article may not use ("a 45-day consultation", "a 3.2-mile
# road"); a measure's unit frames the answer, any of its kind gives it (a span's unit stays one of the
# question's words: an article often tells a span in the unit asked). Not "pounds" (money), "degrees"
# nor "stories" (a university's, a paper's), a rate ("how many days a week"), an age or a date ("how
# many years ago", "how many years older", looked for within eight words).
# A word between a count and its unit of time that leaves it a span: "18 consecutive months", "three
# more weeks", "two full days", "five straight years".
SPAN_QUALIFIER = r"(?:(?:more|consecutive|straight|successive|full|whole|long|further|additional|extra)\s+)?"
_TIME_UNITS_ASKED = rf"\bhow many {SPAN_QUALIFIER}(?:seconds|minutes|hours|days|weeks|fortnights|months|years|decades)\b(?!\s+(?:a|an|per|each|every)\b)(?!(?:\W+\w+){{0,8}}?\W+(?:ago|old|older|younger)\b)"
_MEASURE_UNITS_ASKED = (
    r"\bhow many (?:more\s+)?(?:square\s+|cubic\s+|nautical\s+)?"
    r"(?:kilomet(?:re|er)s|miles|met(?:re|er)s|feet|inches|centimet(?:re|er)s|millimet(?:re|er)s|yards|acres|hectares"
    r"|tonnes|tons|kilos|kilograms|grams|ounces|lit(?:re|er)s|gallons|storeys|floors|light[\s-]years)\b"
)
MEASURE_UNITS_ASKED = re.compile(_MEASURE_UNITS_ASKED, re.I)
_TIME_UNIT_ASKED = re.compile(_TIME_UNITS_ASKED, re.I)
ASKS_DURATION = re.compile(rf"\bhow long\b|{_TIME_UNITS_ASKED}|\bwhat (period|duration)\b", re.I)


def time_unit_asked(question: str) -> str | None:
    """The unit of time ``question`` asks a span in ("weeks" of "How many weeks will it last?"), or None."""
    found = _TIME_UNIT_ASKED.search(question)
    return found.group().split()[-1].lower() if found else None


# "what is the", "what's the", "what will be the", nothing else between "what" and the word after
# "the" (``_WHAT_IS_THE``, below, also lets a name or other words in): a question asking for a
# figure by the name of its kind ("What was the date of the flood?").
_WHAT_IS_THE_STRICT = r"\bwhat(?:'s|’s|\s+(?:is|was|were|are|will\s+be))\s+the\s+"
_NUMBER = re.compile(
    r"\bhow (much|many|big|large|fast|often)\b|\bwhat (percentage|share|number|amount|valuation|value)\b|\bvalued?\b|\brevenue\b|\bhow many times\b"
    # "What was the population of the region?", "what is the number of beds": asked as "how many" is
    rf"|{_WHAT_IS_THE_STRICT}(?:total\s+)?(?:population|number)\s+of\b",
    re.I,
)
# "what is", "what was Helixon's", "whats the": the opening of a question asking for a figure by its name.
# A verb that may follow "what" ("What drove profits?", "what hurt Quarto's sales"): no word of a name.
_NOT_A_VERB = r"(?!(?:drove|drives?|caused?|causes|hurt|hurts|hit|hits|boost(?:ed|s)?|lift(?:ed|s)?|cut|cuts|push(?:ed|es)?|affect(?:ed|s)?|help(?:ed|s)?|led|leads?|made|makes?|explain(?:ed|s)?|happen(?:ed|s)?|raised|raises|lower(?:ed|s))\b)"
_WHAT_IS_THE = (
    r"\bwhat(?:'s|’s|s| is| was| were| are| will be)?\s+"
    rf"(?:the\s+|its\s+|their\s+|(?:{_NOT_A_VERB}[\w.&'’-]+\s+){{0,3}}?{_NOT_A_VERB}[\w.-]+(?:'s|’s|s')\s+)?(?:{_NOT_A_VERB}[\w-]+\s+){{0,3}}?"
)
# "How much is the merger worth?", "how much did the tickets cost?": an auxiliary right after "how
# much" (not "how much time did they spend"), or "how much money"; "what is the price of …".
_ASKS_MONEY = re.compile(
    r"\bhow much (?:does|did|do|is|was|are|were|will|would|has|have|had)\b(?: \S+){0,9}? (?:worth|cost|costs|costing|pay|paid|spend|spent|raise|raised|charge|charged|fund|funded|valued"
    # "How much was embezzled?", "how much was he fined?", "how much does the council owe?" (not "stolen": goods too)
    r"|embezzle|embezzled|defraud|defrauded|siphon|siphoned|fine|fined|owe|owed|borrow|borrowed|donate|donated|invest|invested)\b"
    r"|\bhow much (?:money|cash|funding|revenue|profit|income|compensation|damages|(?:redundancy |severance |sick )?pay|salary|investment)\b"
    # "how much the gallery paid", as "tell me how much …" asks it: a subject, then the verb
    r"|\bhow much (?:the|its|his|her|their|he|she|they|it|we|you|(?-i:[A-Z])[\w’'-]*)\b(?: \S+){0,6}? (?:costs?|pays?|paid|spends?|spent|raise[sd]?|charge[sd]?|earn(?:s|ed)?|(?:is|was|are|were) worth)\b"
    # "What will Raman be paid?", "what does the upgrade cost?", "what did they pay for it?" (not "what
    # did the error cost Rovers?", "what did it earn praise for?": a verb ending the question or
    # followed by what an amount is for, per or by)
    r"|\bwhat (?:will|would|does|did|do|is|was|are|were)\b(?: \S+){1,6}? (?<!about )(?<!the )(?<!of )(?<!its )(?<!their )(?:be paid|earn|earns|earned|cost|costs|charge|charges|pay|pays|paid)\b"
    r"(?=\s*(?:[?.!,;:]|$)|\s+(?:per|a|an|each|in|last|this|next|for|under|after|annually|yearly|as|to|on|at|by|now|today)\b)"
    # "How much is a resident parking permit?": a thing that is bought, its price (not "how much is left")
    r"|\bhow much (?:is|are|was|were|will be|would be)\s+(?:(?:a|an|one|my|our|the|each)\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:tickets?|permits?|pass|passes|licen[cs]es?|memberships?|subscriptions?|stamps?|pints?|meals?|lessons?|sessions?|admission|entry|rooms?|tuition)\b(?!\s+(?:rates?|marks?|numbers?)\b)"
    # "what is the painting worth (now)?", not "what was the win worth to Castlebridge?"
    r"|\bwhat (?:will|would|does|did|do|is|was|are|were)\b(?: \S+){1,6}? worth(?=\s*(?:[?.!]|$)|\s+(?:now|today)\b)"
    # "What was Helixon's third-quarter revenue?", "whats the transfer fee", "earnings per share": an
    # amount asked for by its name, the name ending its phrase, so not a change in it ("what was the
    # revenue growth"), a rate ("the income tax rate": a percentage, below) nor a kind ("what sales team")
    # "How much was Brightwave's revenue in the third quarter?": the same, after "how much" and a verb
    rf"|(?:{_WHAT_IS_THE}|\bhow much (?:is|was|are|were|will be|would be)\s+(?:the\s+|its\s+|their\s+|[\w.-]+(?:'s|’s|s')\s+)?(?:(?!(?:of|in|from|on|per|as)\b)[\w-]+\s+){{0,3}}?)"
    r"(?<!human )(?<!social )(?<!political )(?:revenues?|sales|turnover|takings|profits?|net income|income|earnings|prices?|costs?|fees?|fares?|rents?|salary|salaries|wages?|budget|valuation|fine|bonus|dividends?)\b"
    r"(?=\s*(?:[?.!,;:]|$)|\s+(?:of|for|in|at|on|per|from|to|by|with|under|over|after|before|during|last|this|next|now|then|did|does|do|was|were|is|are|will|would|has|have|had|can|could)\b)"
    # "What was Ashford Falls' share of the bridge cost?": a share of an amount
    r"|\b(?:what|how much)\b(?:\s+\S+){1,6}?\s+share\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:costs?|bill|budget|funding|price|takings|revenue)\b",
    re.I,
)
# "What percentage …", "what share of the vote", "what was the inflation rate": a percentage, not any number
# (a revenue "run rate" is an amount, an exchange rate a ratio, a plumber's "hourly rate" a price).
_ASKS_PERCENT = re.compile(
    r"\bwhat (?:percentage|percent|proportion|fraction)\b|\bwhat share\b(?!\s+price)|\bhow many percent\b|\bby what (?:percentage|percent)\b"
    # "What was the percentage of white residents?", "what is the share of the vote": asked as "what percentage" is
    rf"|{_WHAT_IS_THE_STRICT}(?:percentage|percent|proportion|fraction|share)\s+of\b"
    rf"|{_WHAT_IS_THE}(?:rate|turnout|inflation)\b(?<!run rate)(?<!exchange rate)(?<!hourly rate)(?<!room rate)(?<!going rate)(?<!daily rate)(?<!nightly rate)(?<!flat rate)",
    re.I,
)
# A question of how much something changes ("By how much will the council raise council tax?", "How
# much did fares rise?"), answered as well by a percentage as by an amount.
_ASKS_CHANGE = re.compile(
    r"\bby how much\b|\bhow much (?:will|would|did|does|do|has|have|had|is|are|was|were)\b(?: \S+){0,6}? "
    r"(?:rise|rises|risen|rose|raise|raised|increase|increased|fall|falls|fell|fallen|drop|dropped|grow|grew|grown|go up|went up|gone up|climb|climbed)\b",
    re.I,
)
_PERCENT = re.compile(r"\d\s?%|\d\s*(?:per ?cent|percentage points?)\b", re.I)
_CURRENCY_SIGNS = "$€£¥₹₩₽₺₪₫₦₱฿₴₸₵"
_CURRENCY_CODES = "USD|EUR|GBP|JPY|INR|CNY|CHF|CAD|AUD|NZD|HKD|SGD|DKK|SEK|NOK|ISK|PLN|CZK|HUF|RON|TRY|RUB|UAH|ZAR|NGN|KES|BRL|MXN|ARS|KRW|TWD|THB|IDR|MYR|PHP|VND|ILS|AED|SAR"
# "9 crowns", "610 million Swiss francs", "2 billion rupiah": a currency by name, after the figure
_CURRENCY_NAMES = (
    "dollars?|euros?|pounds?|yen|yuan|renminbi|rupees?|rupiah|cents?|pence|francs?|pesos?|rand|won|reais|krona|kronor|kroner|krone|"
    "crowns?|zloty|zlotys|forints?|lira|lire|rubles?|roubles?|hryvnias?|dinars?|dirhams?|riyals?|shekels?|baht|ringgit|naira|shillings?|"
    "kwacha|cedis?|koruna|lei|leu|levs?|dong|ruble"
)
# An amount of money, by sign, code or name, with its scale: "$14 million", "€2bn", "USD 40", "14 million euros".
_AMOUNT = (
    rf"(?:[{_CURRENCY_SIGNS}]\s?|\b(?:{_CURRENCY_CODES})\s?)\d[\d,.]*(?:\s*(?:million|billion|trillion|thousand|bn|m)\b)?"
    rf"|\d[\d,.]*\s*(?:million|billion|trillion|thousand|bn)?\s*(?:(?:(?!per\b)[A-Z][a-z]+ )?(?:{_CURRENCY_NAMES})|{_CURRENCY_CODES})\b"  # "11 per cent" is none
)
_MONEY = re.compile(_AMOUNT, re.I)


def _asks_the(units: str) -> str:
    """The pattern of "what was the <unit> of …?" ("What was the date of the flood?", "what's the
    year of the merger?"), which asks as "what date" does; not "the year-end balance" nor "the
    day-ahead price"."""
    return rf"{_WHAT_IS_THE_STRICT}(?:{units})(?=\s+of\b|\s*[?.!]*\s*$)"


ASKS_DATE_OF = re.compile(_asks_the("day|date|year"), re.I)
_WHERE = re.compile(
    r"^\s*where\b|\bin (?:what|which) (?:city|country|place)\b"  # not "in what state" (of matter)
    r"|^\W*between which (?:junctions|stops|stations|streets|roads|villages|towns)\b"  # "Between which junctions was the road closed?"
    # A street address: "What is Anthropic's headquarters address?", "what's the address of the plant?"
    # (not "How did they address it?", nor a speech: "What did she say in her address to Congress?")
    r"|\b(?:headquarters|home|office|street|postal|mailing|business|registered)\s+address\b"
    r"|\bwhat(?:'s|’s|s|\s+is|\s+was)\s+(?:the\s+|its\s+|their\s+|[\w-]+(?:'s|’s)\s+)?address(?:\s+of\b|\W*$)",
    re.I,
)

# A person: a name of two capitalised words (not opening a sentence), or people named by their
# role in the news (officials, residents, anglers …).
_PERSON_ROLES = (
    "CEO|chief executive|researchers?|spokes(?:person|man|woman)|executives?|authors?|capitalists?|critics?|leaders?|officials?|"
    "officers?|residents?|workers?|employees?|staff|engineers?|scientists?|experts?|analysts?|economists?|lawmakers?|"
    "legislators?|senators?|regulators?|ministers?|mayor|governor|president|chair(?:man|woman)?|directors?|founders?|owners?|"
    "protesters?|activists?|campaigners?|opponents?|supporters?|neighbou?rs?|farmers?|fishermen|anglers?|parents?|teachers?|"
    "students?|doctors?|nurses?|patients?|police|detectives?|judges?|lawyers?|investors?|shareholders?|customers?|users?|voters?|"
    "citizens?|councill?ors?|managers?|volunteers?|locals"
)
# "What are the names of the two men charged?", "Name the victims": people (not "the name of the
# children's charity", "the man-made lake", "the hospital the victims were taken to").
_ASKS_NAMES = (
    r"(?:\bnames? of|^\W*name)\s+(?:the |this |that |these |those |all )?(?:[\w-]+\s+)?"
    r"(?:person|people|man|men|woman|women|boys?|girls?|child(?:ren)?|teenagers?|victims?|suspects?|defendants?|accused|officers?|players?|drivers?|pilots?)(?![\w'’-])"
)
# Who owns or bought something: a person or a company, named in one word or more ("Veltman").
_OWNS = r"(?:now\s+|currently\s+)?(?:owns|owned|bought|acquired|(?:has|have|had)\s+(?:bought|acquired))\b"
_WHO = re.compile(
    # not "Who is Azizi Othman?", which asks what he is, not for another person
    rf"^\s*(?:who(?!(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+(?:(?-i:[A-Z])[\w.-]*\s*){{1,4}}(?:[?,.!]|$|and\b))(?!\s+{_OWNS})|whom|whose)\b"
    r"|\bwhat (person|people|researchers?|executives?|critic|investor|capitalist)\b"
    rf"|\bwhich (person|people|{_PERSON_ROLES}|players?|athletes?|candidates?|coach(?:es)?|captains?|man|woman|men|women|politicians?)\b"  # not "what workers demanded"
    rf"|\bby whom\b|{_ASKS_NAMES}",
    re.I,
)
_WORD = re.compile(r"\w+")
# Names in any Latin alphabet ("Bùi Thị Hạnh", "Søren Kjærgaard"): ``regex``'s letter classes, which ``re`` lacks.
_PERSON = regex.compile(
    rf"(?<![.!?]\s)(?<!^)\b\p{{Lu}}\p{{Ll}}+(?:\s+(?:\p{{Lu}}\.\s*)?\p{{Lu}}\p{{Ll}}+)+|\b({_PERSON_ROLES})\b"
    r"|\b(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Gen)\.\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)*"  # "Dr. Priya Raman", after a period
    # one unnamed, told by age: "a 52-year-old man from Darnton" (who was arrested, hurt or charged)
    r"|\b(?:a|an|the)\s+\d{1,3}-year-old\s+(?:local\s+)?(?:man|woman|boy|girl|teenager|driver|motorcyclist|cyclist|pedestrian)\b"
    # who said a quotation, by surname: '…," Vasquez said.', '…," said Vasquez.' (not "said Monday"; a
    # company so named, '…," Nimbo said.', counts too)
    rf"|(?<=[”\"],?\s+)(?!(?:{WEEKDAYS}|{MONTHS})\b)\p{{Lu}}\p{{Ll}}+(?=\s+(?:said|says|told|added|warned|wrote)\b)"
    rf"|(?<=[”\"],?\s+(?:said|says|added)\s+)(?!(?:{WEEKDAYS}|{MONTHS})\b)\p{{Lu}}\p{{Ll}}+\b(?!\s+\p{{Lu}})"
)
# "Which university is she from?", "what company", "what is the name of the new system": a name,
# which may be one word ("Anthropic") or hold small words ("Asia e University", "Bank of Japan").
# The words before what is named may qualify it ("Which private equity firm", "what shipping
# company"), not make a clause of it ("What did the company say?", "What happens when business
# …?"). Of the kinds after the first ones only one is asked a name: "Which charity …?" wants one
# named, "Which charities …?" a list, which an article may give unnamed ("food banks and youth clubs").
_NAMED_KIND_QUALIFIERS = (
    rf"(?: (?!(?:{AUXILIARIES}|{QUESTION_WORDS}|the|a|an|its|their|his|her|this|that|these|those|of|if|age|happens?|happened|caused?|causes|makes?|made|led|said|says)\b)[\w-]+){{1,3}}?"
)
_NAMED_KINDS_MANY = (
    r"compan(?:y|ies)|labs?|firms?|universit(?:y|ies)|organi[sz]ations?|agenc(?:y|ies)|institutions?|"
    r"startups?|banks?|groups?|unions?|parties|party|newspapers?|publications?|outlets?|brands?|products?|drugs?|teams?|clubs?"
)
_NAMED_KINDS = (
    _NAMED_KINDS_MANY + r"|charity|council|court|hospital|school|country|town|village|county|station|road|street|library|church|college|academy|"
    r"store|supermarket|shop|hotel|restaurant|caf[eé]|pub|venue|theatre|theater|museum|gallery|"
    r"ship|ferry|vessel|play|film|book|album|song|fund|trust|foundation|contractor|"
    r"consultant|consultancy|supplier|retailer|airline|operator|developer|insurer|authority|department|ministry|care home|factory|mill"
    # places and bodies in the plural, each known by its name ("Which libraries will close?"); not
    # "Which charities …", a list that may go unnamed ("food banks and youth clubs")
    r"|councils|hospitals|schools|countries|towns|villages|counties|stations|roads|streets|libraries|churches|colleges|academies|"
    r"prisons|airports|stadiums|hotels|theatres|museums|galleries|airlines|care homes"
)
ASKS_NAME = re.compile(
    # the last kind of a run asked: "Which department store" asks a store; after "what" and words
    # qualifying it, a kind before a verb the question's own ("What private equity firm is …"), not
    # one qualifying what follows ("What hospital admissions have risen?", "What court order …")
    rf"\bwhich(?:{_NAMED_KIND_QUALIFIERS})?? (?:{_NAMED_KINDS})\b(?! (?:{_NAMED_KINDS})\b)|\bwhat (?:{_NAMED_KINDS_MANY})\b"
    rf"|\bwhat(?:{_NAMED_KIND_QUALIFIERS})?? (?:{_NAMED_KINDS})(?= (?:{AUXILIARIES})\b)"
    r"|\bnames? of\b|\bwhat (?:is|was|are|were|will) (?:it|they|the(?: [\w'’-]+){1,4}?) (?:be )?called\b|\bnick-?name[sd]?\b"
    rf"|^\W*who\s+{_OWNS}"
    # "Where does Azizi Othman work?": where someone works or studies is an organisation ("of Asia e University")
    r"|\bwhere (?:does|do|did|is|was|are|were|has|have|had)\b(?: \S+){1,4}? (?:work|works|worked|working|study|studies|studied|studying|teach|teaches|taught|teaching|employed)\b",
    re.I,
)
_NAME = regex.compile(r"(?<![.!?]\s)(?<!^)\b(?!I\b(?![-.]\w))\p{Lu}[\w’'&.-]*(?:\s+(?:(?:of|for|and|de|e|the|&)\s+)*\p{Lu}[\w’'&.-]*)*")
_WEEKDAY_OR_DATE = re.compile(rf"\b(?:{WEEKDAYS}|today|yesterday|tomorrow)\b|\b{MONTH_BEFORE_DAY}|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b")  # "March 16", "16 March"
_YEAR = re.compile(rf"\b{YEAR}s?\b")  # "1788", "2025", the decade "the 1970s"
_WHEN_DAY = re.compile(rf"\b(what|which) day\b|\bon what date\b|\bwhat date\b|{_asks_the('day|date')}", re.I)
_WHEN_YEAR = re.compile(rf"\b(what|which) year\b|\bin what year\b|{_asks_the('year')}", re.I)
_TIME = re.compile(
    rf"(?-i:\b{MONTH_BEFORE_DAY}|\b(?:{MONTHS})\b)|"  # "may", "march" are no months
    rf"\b({WEEKDAYS}|today|yesterday|tomorrow|soon|sooner|later|ago|recently|"
    rf"{YEAR}s?|{CENTURY}|years?|months?|weeks?|days?|decades?|end of|next|within|by the end)\b"
    # a moment of a match: "in the 74th minute", "on 58 minutes", "at half-time", "at 12:44 of the third period"
    rf"|\bin the \d+(?:st|nd|rd|th) minute\b|\b(?:on|after) (?:\d+|{NUMBER_WORD}) minutes\b|\b(?:half-time|halftime|full-time|stoppage time|injury time|extra time)\b"
    r"|(?<![\d:.,])\d{1,2}:[0-5]\d\s+(?:of|into|in)\s+the\b",
    re.I,
)
_QUANTITY = re.compile(
    rf"[$€£¥]\s?\d|\d|%|\b({NUMBER_WORD}|dozen|hundreds?|thousands?|millions?|"
    r"billions?|trillions?|twice|double|half|percent|none)\b"
    # a count of zero: "No deaths were reported", "no serious injuries were", "no deaths or serious injuries had", "no one was hurt", "nobody died"
    r"|\bno\s+(?:\w+\s+)?(?:\w{3,}s|people|children|one)(?:\s+(?:or|and)\s+(?:\w+\s+)?\w{3,}s)?\s+(?:were|was|are|is|have|has|had)\b"
    r"|\b(?:nobody|no one)\s+(?:was|were|died|has|had)\b",
    re.I,
)
# A race's time, hours, minutes and seconds ("won in 2:05:41"): what time someone ran, and how long it took.
RACE_TIME = r"(?<![\d:.,])\d{1,2}:[0-5]\d:[0-5]\d(?:\.\d+)?(?![\d:]|[.,]\d)"
_DURATION = re.compile(
    rf"{RACE_TIME}|\b(\d+|a|an|{NUMBER_WORD}|a dozen|few|several|many|some)[\s-]+{SPAN_QUALIFIER}"
    r"(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b(?![\s-]+old\b)|\bfortnight\b"
    r"|\b(for|within|over|lasting|last|lasts|lasted|take|takes|took)\s+(\w+\s+)?(days|weeks|months|years|decades)\b"
    r"|\b(days|weeks|months|years|decades),? (not|rather than|or)\b"
    # "has run the hospital since 2019", "since Tuesday", "since last year", "since its founding"
    rf"|\bsince (?:(?:early|late|mid-?)\s*)?(?:{YEAR}\b|(?:{MONTHS})\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"|last (?:year|month|week|spring|summer|autumn|fall|winter)\b|(?:its|their|the) (?:founding|launch|start|creation|beginning)\b)"
    # "lasted until 1796", "until the 19th century", "until March 16", "from 1299 to 1923", "between 1991 and 2000"
    rf"|\b(?:until|till) (?:(?:early|late|mid-?)\s*)?(?:the (?:\w+ (?:half|quarter) of the )?)?(?:{YEAR}\b|{CENTURY}\b|(?:{MONTHS})\b)"
    rf"|\b(?:from|between) {YEAR}s? (?:to|until|and) {YEAR}",
    re.I,
)
# "How old is Jamal Ortiz?", "at what age", "What was the average age of the participants?": an age.
_ASKS_AGE = re.compile(
    r"\bhow old\b|\b(?:at )?what age\b|\bwhat(?:'s|’s|\s+(?:is|was|are|were))\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+|[\w-]+(?:'s|’s)\s+)?(?:average\s+|mean\s+|median\s+)?age\b",
    re.I,
)
# An age as articles tell it: "the 24-year-old", "seven months old", "aged 43", "at the age of 17",
# "Ortiz, 24, scored", "Ortiz, now 24,", "died at 87", "turned 100", "born in 1962", "515 million
# years", "dating to 1338", "built in 1890"; not "a two-year ban", "died at 3 p.m.", "turned 100 points".
_AGE = re.compile(
    rf"\b(?:(?<![\d,.])\d++|{NUMBER_WORD})[\s-]+(?:years?|months?|weeks?|days?)[\s-]+old\b|(?<![\d,.])\d[\d,.]*+\s+(?:million|billion|thousand)\s+years\b"
    rf"|\baged\s+(?:\d|{NUMBER_WORD}|between)|\bages?\s+(?:of\s+)?\d|\bthe age of\b"
    r"|(?-i:\b[A-Z][a-z]+),\s*(?:now\s+|who (?:is|was)\s+)?\d{1,3},\s"
    r"|\b(?:died|dies|turned|turns|turning)\s+(?:at\s+)?\d{1,3}\b(?![\d:.,]\d|\s*(?:%|a\.?m\b|p\.?m\b|points?\b|per\s*cent\b|percent\b|o'clock\b))"
    r"|\b(?:born|dat(?:es|ed|ing)(?:\s+back)?\s+(?:to|from))\b"
    r"|\b(?:built|founded|established|formed|set up|opened|created|constructed)\b(?:\s+[\w,]+){0,4}?\s+in\s+(?:\w+\s+)?\d{4}\b",
    re.I,
)
# An age told right after a name, as reporters write it: "Gareth Pennock, 37,", "Oduya, now 71,".
_NAMED_AGE = regex.compile(r"((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]+),\s*(?:now\s+|who (?:is|was)\s+)?\d{1,3},\s")


def age_of_another(sentence: str, people: Iterable[Sequence[str]]) -> bool:
    """Whether each age ``sentence`` states is told right after the name of someone other than
    ``people`` (each a name's lower-case words): "Gareth Pennock, 37," tells no age of Joanne
    Pennock, nor of Holcroft; of "Pennock", "Mr Pennock" or "Councillor Gareth Pennock" it may. A
    name is another's when its last word differs (but a first name alone, "her husband Gareth,
    38,"), or both give a word before it and those differ ("J." meets "Joanne"). False when the
    sentence states no age so, or one otherwise too ("the 24-year-old")."""
    named = list(_NAMED_AGE.finditer(sentence))
    if not named or _AGE.search(_NAMED_AGE.sub(" ", sentence)):
        return False

    def bare(name: Iterable[str]) -> list[str]:
        return [word.lower().rstrip(".") for word in name if word.lower().rstrip(".") not in HONORIFICS]

    asked = [found for found in map(bare, people) if found]

    def first_names_meet(told: str, asked: str) -> bool:  # "J." may be Joanne
        return told == asked or (len(told) == 1 and asked.startswith(told)) or (len(asked) == 1 and told.startswith(asked))

    def same(told: list[str], person: list[str]) -> bool:
        if told[-1] != person[-1]:
            return len(told) == 1 and len(person) > 1 and told[0] == person[-2]  # "her husband Gareth, 38," of Gareth Pennock
        return len(told) < 2 or len(person) < 2 or first_names_meet(told[-2], person[-2])  # the word before the surname: "Councillor Gareth Pennock"

    return not any(same(told, person) for told in (bare(_WORD.findall(match.group(1))) for match in named) if told for person in asked)


# A place: by name ("on Grand Avenue", not "on Monday") or told from another ("at the back of the
# Westgate subdivision", "a mile and a half downstream", "between junctions 6 and 8"; not "west of
# Ballarat", as often a region's as a spot's).
_PLACE = re.compile(
    rf"\b(?:in|at|from|on|near) (?!(?:{WEEKDAYS}|{MONTHS})\b)(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)*)"
    r"|(?P<relative>\b(?:at|on|to) the (?:back|rear|edge|corner|(?:north|south|east|west)(?:ern)? (?:edge|side|end|bank)|outskirts|(?:river|far|other) bank) of"  # not "at the end of May", "on the side of caution"
    r"|\b(?:next to|opposite|across from)(?= the\b| [A-Z])|\b(?:up|down)stream\b|\bbetween junctions?\s+\d+\w*(?:\s+and\s+\d+\w*)?)"
)
# "What does RSI stand for?" wants the sentence that spells it out: "recursive
# self-improvement, or RSI," or "recursive self-improvement (RSI)".
ASKS_EXPANSION = re.compile(r"\b(stands?|short) for\b|\b(acronym|abbreviation)\b|\bfull (name|form) of\b", re.I)
_EXPANSION = re.compile(r"\w,? or (the )?[A-Z]{2,}s?\b|\w \([A-Z]{2,}s?\)")

# "What time did the polls close?", "at what time" (not "what time period", "what time of year"):
# a time of day, "11:20", "16:45", "9.30 a.m.", "noon" (not "3.25%", "version 2.10" nor "3:1").
_WHEN_CLOCK = re.compile(r"\b(?:what|which) time\b(?!\s+(?:period|frame|span|scale|zone|limit|horizon|of (?:the )?year))|\bwhat hour\b", re.I)
_CLOCK = re.compile(RACE_TIME + r"|(?<![\d:.,])\d{1,2}:[0-5]\d(?![\d:.,]\d)|\b\d{1,2}(?:[:.][0-5]\d)?\s?[ap]\.?m\b\.?|\b(?:noon|midday|midnight|o'clock|o’clock)\b", re.I)

# "What did Pruitt say after he lost?", "how did the union react", "what was her response": what
# someone said, which a sentence quotes or reports with a verb of saying.
_WHO_SAID = r"((?: (?!(?:do|when|after|before|while|if)\b)\S+){1,6}?)"  # who said it (a group): not "What did residents do when Forbes announced cuts?"
_ASKS_STATEMENT = re.compile(
    rf"\bwhat (?:did|does|do|has|have|had|will|would)\b{_WHO_SAID} (?:say|said|announce|announced|reply|replied|promise|promised|pledge|pledged|vow|vowed)\b"
    rf"|\bwhat (?:did|has|have|had|will|would)\b{_WHO_SAID} (?:tell|told)\b"  # not "What does a rock's deformation tell geologists?"
    rf"|\bhow (?:did|has|have|will|would)\b{_WHO_SAID} (?:react|reacted|respond|responded|reply|replied)\b"
    r"|\bwhat (?:was|is|were|are) (?:(?:the|his|her|their|its) )?(?:\S+(?:'s|’s) )?(?:response|reaction|statement|reply|comments?)\b",  # not "What is an immune response?"
    re.I,
)
SAYING_VERBS = (  # the verbs a news sentence tells who said something with
    "said|says|saying|say|told|tells|telling|stated|warned|warns|argued|argues|added|adds|wrote|writes|"
    "responded|replied|commented|remarked|announced|announces|urged|urges|insisted|noted|acknowledged|promised|promises|pledged|vowed"
)
_STATEMENT = re.compile(rf"[“”\"]|\b(?:{SAYING_VERBS}|statement|according to|declined to comment)\b", re.I)
_SAYING_WORD = re.compile(rf"(?:{SAYING_VERBS})", re.I)
SPEAKER_REACH = 4  # words between a verb of saying and who it says spoke ("Voss said", "said Voss, a councilmember")


# "What dose of velitrapant did patients take?": a dose, a number with its unit ("75 mg", "two tablets").
_ASKS_DOSE = re.compile(
    r"\b(?:what|which|how (?:big|large|high) (?:a|of a))\s+"
    r"(?:(?:is|was|are|were|the|a|an|its|their|daily|weekly|recommended|highest|lowest|maximum|minimum|usual|standard|starting|effective|typical|[\w-]+(?:'s|’s))\s+){0,3}"
    r"(?:dose|dosage)s?\b"  # not "What happened to the dose?"
    r"|\bhow (?:much|many (?:mg|milligrams))\b.*\b(?:dose|dosage)\b",
    re.I,
)
_DOSE = re.compile(
    rf"(?:\d[\d,.]*|\b(?:{NUMBER_WORD}))\s*(?:-\s*)?(?:mg|milligrams?|micrograms?|mcg|µg|g|grams?|ml|millilit(?:re|er)s?|units?|IU|tablets?|pills?|capsules?|injections?|doses?|puffs?)\b",
    re.I,
)

# "How high did the river get?", "how tall is the tower", "what is the depth of the lake": a
# measure, a number with its unit ("4.62 metres", "300ft", "two miles"); not a price, a rate or a
# score ("how high did prices climb": an amount or a percentage).
_ASKS_MEASURE = re.compile(
    r"^(?!.*\b(?:prices?|rates?|inflation|unemployment|costs?|bills?|fees?|tax(?:es)?|salar(?:y|ies)|wages?|rents?|interest|turnout|shares?|stocks?|index|bids?|offers?|scores?|demand|rank(?:ed|ing)?|cuts?|loss(?:es)?|debts?|deficits?|budgets?|spending|growth|profits?|sales|revenues?|pay|bonus(?:es)?"
    r"|toll|attendance|crowd|support|risk|stakes|expectations|crisis|recession|gap|lead|defeat|points?|ftse|pound|dollar|euro|polls?|sentence|ban|trial|wait|delay|contract|stay|term|strike|tenure|career)\b)"
    # "how far" of a distance ("how far away", "how far is it from …"), not of progress ("how far has the inquiry got")
    rf"(?:.*{_MEASURE_UNITS_ASKED}|.*\bhow (?:high|tall|deep|wide|heavy|thick)\b|.*\bhow far (?:away|from|is|was|are|were|will|would|did)\b(?!.*\b(?:go|gone|went|got|progress(?:ed)?|spread|come|came)\b)"
    r"|.*\bwhat(?:'s|’s|s)?(?:\s+(?:is|was|are|were|will be))?\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+(?:'s|’s)\s+)?(?:height|depth|length|width|distance|weight|elevation|altitude|diameter|temperature|top speed|speed)\b)",
    re.I,
)
_MEASURE = re.compile(
    rf"(?:(?<![{_CURRENCY_SIGNS}\d.,])\d[\d,.]*|\b(?:{NUMBER_WORD}|a|one|half a))\s*(?:-\s*)?"  # not "£5m"
    r"(?:(?:hundred|thousand)\s+)?(?:nautical\s+|square\s+|cubic\s+)?"  # "three hundred feet", "20 nautical miles"
    r"(?:m|metres?|meters?|km|kilomet(?:re|er)s?|cm|centimet(?:re|er)s?|mm|millimet(?:re|er)s?|ft|feet|foot|inch(?:es)?|miles?|yards?"
    r"|light[\s-]years?|parsecs?|astronomical units?|AU|storeys?|stories|floors|kg|kilos?|kilograms?|grams?|tonnes?|tons?|lbs?|pounds|stones?|ounces?|oz|acres?|hectares?|lit(?:re|er)s?|gallons?|square \w+|sq \w+|mph|km/h|kph|knots|°\s?[CF]?|[CF]|degrees)(?!\w)",
    re.I,
)

# How to reach someone: a phone number, an email address or a website, asked for as what the
# question wants ("What's the phone number for …?", "Is there an email address for …?", "What
# number do I ring …?", "Who do I email …?", "How can I contact …?"). Not one's own ("Will my email
# address be published?"), nor a question about the line or the site ("When did the helpline
# open?", "Which website published the memo?").
_WANTS = r"^\W*(?:(?:what|where)(?:['’]s|\s+(?:is|are|was|were))|is\s+there|are\s+there|(?:give|tell|send)\s+me|do\s+(?:you|they)\s+have)\s+"
_WHOSE = r"(?:(?:an?|the|any|its|their|[\w-]+['’]s)\s+)?(?:[\w'’-]+\s+){0,4}?"
_REACHER = r"(?:I|we|you|people|residents|parents|customers|passengers|patients|tenants|one)"
_ASKS_PHONE = re.compile(
    rf"{_WANTS}{_WHOSE}(?:(?:tele)?phone\s+(?:number|line)s?|helplines?|hotlines?)\b"
    rf"|^\W*what\s+(?:phone\s+)?(?:number|line)\s+(?:do|does|should|can|could|would|must|to)\s+(?:{_REACHER}\s+)?(?:ring|call|phone|dial|text|use)\b"
    rf"|^\W*(?:is|are)\s+there\s+(?:an?\s+)?(?:phone\s+)?numbers?\s+(?:to|{_REACHER}\s+(?:can|could|should))\s+(?:ring|call|phone|dial|text)\b"
    rf"|\bwho\s+(?:do|should|can|could|would|must)\s+{_REACHER}\s+(?:ring|call|phone)\b",
    re.I,
)
_ASKS_EMAIL = re.compile(rf"{_WANTS}{_WHOSE}e-?mail\s+address(?:es)?\b|\b(?:who|where)\s+(?:do|should|can|could|would|must)\s+{_REACHER}\s+e-?mail\b", re.I)
_ASKS_WEBSITE = re.compile(rf"{_WANTS}{_WHOSE}(?:web\s*site|web\s*page|web\s+address|url)s?\b", re.I)
_ASKS_CONTACT = re.compile(rf"\bhow\s+(?:do|should|can|could|would|must)\s+{_REACHER}\s+(?:contact|get\s+in\s+touch\s+with|reach)\b|{_WANTS}{_WHOSE}contact\s+details\b", re.I)
_PHONE = re.compile(
    r"(?<![\w£$€.,/-])(?:\+\d{1,3}[\s-]?)?\(?0\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w/-]|[.,]\d)"  # "01632 960 412", "0800 046 1188"
    r"|(?<![\w£$€.,/+-])\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]\d{2,4}){2,4}(?![\w/-]|[.,]\d)"  # "+44 20 7946 0958", "+353 1 234 5678"
    r"|(?<![\w£$€.,/-])(?:1[\s-])?(?:\(\d{3}\)\s?|\d{3}[.-])\d{3}[.-]\d{4}(?![\w/-]|[.,]\d)"  # "555-123-4567", "(555) 123-4567", "1-800-555-0199"
    r"|\b(?:call|ring|dial|phone|text)(?:ing|s)?\s+(?:us\s+)?(?:on\s+)?\d{3,}\b",  # "call 111", "text 85258"
    re.I,
)
_EMAIL = re.compile(r"(?<![\w.@+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")  # starting only where a token starts: not again at each dot of a long one
_WEBSITE = re.compile(
    r"(?<![\w./:-])(?:(?:https?://|www\.)[^\s<>()\"']+|[a-z0-9][\w-]*(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|info|io|uk|au|nz|ie|ca|eu|scot|wales)\b(?!\.\w)(?:/[^\s<>()\"',;]*)?)",
    re.I,
)
_CONTACT = re.compile(f"{_PHONE.pattern}|{_EMAIL.pattern}|{_WEBSITE.pattern}", re.I)

# "What staffing ratio do the nurses want?", "what is the pupil-teacher ratio?": a ratio, stated as
# one figure of something to another ("one nurse to every three patients", "1:5", "a ratio of 1
# to 4"), as so many times another ("9.4 times the median household income"), or as a figure the
# ratio is said to be ("a debt-to-GDP ratio of 98 per cent", "a ratio of 1.6").
# Only where the ratio is what is asked, not "What did Holloway say about the ratio?" nor "What would
# the ratio cost?".
_ASKS_RATIO = re.compile(
    r"^\W*(?:what|which)(?:'s|’s|s|\s+is|\s+was|\s+are|\s+were)?\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:(?!(?:would|will|did|does|do|could|should|has|have|had|say|said)\b)[\w-]+\s+){0,3}ratios?\b(?!\s+(?:cost|costs)\b)",
    re.I,
)
_RATIO = re.compile(
    rf"\b\d+\s?:\s?\d+\b|\b(?:\d+|{NUMBER_WORD})\s+(?:[\w-]+\s+){{0,2}}?(?:to|for|per)\s+(?:every|each)?\s*(?:\d+|{NUMBER_WORD})\b"
    r"|\bratios?\b[^.;]{0,60}?\b(?:is|was|of|at|to|stands at|stood at|reached)\s+(?:now\s+|about\s+|around\s+|roughly\s+)*\d|\b\d+(?:\.\d+)?\s+times\b",
    re.I,
)

# Most specific first: "what day" wants a weekday or date, not any time expression.
EXPECTED = {
    "phone": (_ASKS_PHONE, _PHONE),
    "email": (_ASKS_EMAIL, _EMAIL),
    "website": (_ASKS_WEBSITE, _WEBSITE),
    "contact": (_ASKS_CONTACT, _CONTACT),
    "expansion": (ASKS_EXPANSION, _EXPANSION),
    "dose": (_ASKS_DOSE, _DOSE),
    "measure": (_ASKS_MEASURE, _MEASURE),
    "day": (_WHEN_DAY, _WEEKDAY_OR_DATE),
    "year": (_WHEN_YEAR, _YEAR),
    "person": (_WHO, _PERSON),
    "name": (ASKS_NAME, _NAME),
    "ratio": (_ASKS_RATIO, _RATIO),
    "money": (_ASKS_MONEY, _MONEY),
    "percent": (_ASKS_PERCENT, _PERCENT),
    "age": (_ASKS_AGE, _AGE),
    "duration": (ASKS_DURATION, _DURATION),
    "clock": (_WHEN_CLOCK, _CLOCK),
    "time": (_WHEN, _TIME),
    "number": (_NUMBER, _QUANTITY),
    "place": (_WHERE, _PLACE),
}


# The kinds a sentence states in closed forms (a currency sign, digits, a date, "6 a.m.", "11-day"):
# sentences stating none of them do not answer a question asking for one.
CONTACT_TYPES = frozenset({"phone", "email", "website", "contact"})  # the ways to reach someone
CLOSED_TYPES = frozenset({"money", "percent", "number", "day", "year", "clock", "duration", "dose", "age"}) | CONTACT_TYPES

_ASKS_ITS_OWN = re.compile(rf"^\W*(?:(?:{QUESTION_PREPOSITIONS})\s+)?({QUESTION_WORDS})\b", re.I)  # "by how many votes?", "in which year?"
# "When less workers are required, what happens to the job market?" asks what happens, not when:
# an opening when-clause (no question of its own: "When is the IPO, and on which exchange?" is one)
# before a comma and another question word only sets the scene.
_WHEN_CLAUSE = re.compile(
    rf"^\s*when\s+(?!(?:{AUXILIARIES}|may|might)\b)[^,?]*,\s*(?=[^?]*\b(?:{QUESTION_WORDS})\b)",
    re.I,
)


@lru_cache(maxsize=4096)  # read again by each step of one answer
def expected_type(question: str, follow_up: str | None = None) -> str | None:
    """The kind of answer a question asks for: expansion (of an acronym), dose, measure (a number with its unit of length, weight …), day, year, person, name (of a company, a university …), ratio, money, percent, age, duration, clock (a time of day), time, number, place, or None.

    For a follow-up read together with earlier questions, ``question`` is the joined text and
    ``follow_up`` the follow-up's own words: one with a question word asks for its own kind
    ("when was it published?"), one without asks for the kind its earlier question asked
    ("and the policy document?" after "Who wrote the blog post?").
    """
    if follow_up is not None and _ASKS_ITS_OWN.match(follow_up):
        question = follow_up
    question = _WHEN_CLAUSE.sub("", question, count=1)
    if asks_placing(question):
        return None  # "Where did Brennan finish?": a placing, not a place
    for name, (asks, _) in EXPECTED.items():
        if asks.search(question):
            return name
    return None


# A placing asked by "where" or "what place" ("Where did Kyle Brennan finish?", "Where does the
# peak rank on the record?", "In what place did she finish?"), and one told ("finished fourth",
# "Last year I was 19th", "the second-highest level on record").
_ASKS_PLACING = regex.compile(
    r"^\W*(?i:where)\s+(?i:does|did|do|will|would|is|was)\s+(?:[\w'’-]+\s+){0,6}?(?i:rank|ranks|ranked)\b"
    r"|^\W*(?i:where)\s+(?i:did|does|do|will)\s+\p{Lu}[\w'’-]*(?:\s+\p{Lu}[\w'’-]*)*\s+(?i:finish|(?:come|place)\s+in)\b"  # not "come from", "come ashore"
    r"|\b(?i:in\s+)?(?i:what|which)\s+position\b|\b(?i:in\s+what\s+place\s+did)\b[^?]*\b(?i:finish|come)\b"  # not "In which place did the fire start?"
)
_PLACING = re.compile(
    rf"\b(?:{'|'.join(ORDINALS)}|\d+(?:st|nd|rd|th)|last)\b(?![\s-]+(?:time|half|quarter|round|leg|day|night|week|weekend|month|year|{WEEKDAYS}|{MONTHS})s?\b)", re.I
)  # not "last night", "last Tuesday"


# The words a placing is asked by, which a sentence telling it need not write ("finished fourth" for "Where does it rank?").
PLACING_FRAMES = frozenset("rank finish place posit".split())  # stems


# A score asked at half-time ("What was the half-time score?", "What was the score at the break?"),
# and one told then ("gave Kellford a 15-7 lead at half-time", "it was 10-10 at the break").
SCORELINE = r"(?<![\d-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d-])"
_ASKS_HALF_TIME_SCORE = re.compile(r"\bhalf[\s-]?time\s+score\b|\bscore\b[^?]{0,40}?\b(?:at|by)\s+(?:half[\s-]?time|the\s+(?:break|interval))\b", re.I)
_HALF_TIME_SCORE = re.compile(rf"{SCORELINE}[^.;]{{0,60}}?\b(?:half[\s-]?time|the\s+(?:break|interval))\b|\b(?:half[\s-]?time|the\s+(?:break|interval))\b[^.;]{{0,60}}?{SCORELINE}", re.I)


def asks_half_time_score(question: str) -> bool:
    """Whether ``question`` asks the score at half-time ("What was the half-time score?")."""
    return bool(_ASKS_HALF_TIME_SCORE.search(question))


def tells_half_time_score(sentence: str) -> bool:
    """Whether ``sentence`` tells a score at half-time ("it was 10-10 at half-time", "led 2-0 at the break")."""
    return bool(_HALF_TIME_SCORE.search(sentence))


def asks_placing(question: str) -> bool:
    """Whether ``question`` asks a placing by "where" or "what place" ("Where did Kyle Brennan
    finish in the marathon?"), which an ordinal answers, not a place."""
    return bool(_ASKS_PLACING.search(question))


def tells_placing(sentence: str) -> bool:
    """Whether ``sentence`` tells a placing by an ordinal ("finished fourth", "I was 19th",
    "second-highest"), not "the first time" nor "the second half"."""
    return bool(_PLACING.search(sentence))


# A question asking what comes next ("What happens next for revaxaban?", "What will Anthropic do
# next?", "What is the outlook …?"), and what tells of what is to come in so many words.
_ASKS_NEXT = re.compile(
    r"\b(?:(?:happens?|comes?|do|does|doing|be|is|are|steps?)\s+next(?!\s+to\b)|next\s+steps?|will happen|happens now|outlook|(?:lies|is) ahead|going forward|from here)\b",
    re.IGNORECASE,
)
_TELLS_FUTURE = re.compile(
    r"\b(?:will|plans? to|planned|(?:is|are) due|expected to|scheduled|next (?:week|month|year)|later this|set to|intends? to|aims? to|forecast|hopes? to)\b",
    re.IGNORECASE,
)
# A question of how things stand now, after any change ("How long does it take now?", "What is
# the latest estimate?"), and a sentence telling how they stand now or since a change.
_ASKS_PRESENT = re.compile(r"\b(?:now|latest|currently|these days|at present|presently|most recent|still)\b", re.IGNORECASE)  # not "current account"
_TELLS_PRESENT = re.compile(
    r"\b(?:now|latest|currently|current|revised|updated|most recent|as of|ha(?:s|ve)\s+(?:since\s+)?"
    r"(?:fallen|risen|grown|dropped|climbed|increased|decreased|doubled|tripled|reached|been revised|been raised|been cut))\b",
    re.IGNORECASE,
)


# A question of how something was first told ("What was the initial death toll?", "How many
# were first reported missing?"), not of how it stands after later reports.
_ASKS_FIRST_TOLD = re.compile(
    r"\b(?:at first|initial(?:ly)?|originally|original|first (?:reported|told|announced|said|count|estimate|report|reports)|early reports?|earlier reports?|before (?:it|they|that) (?:was|were) revised)\b",
    re.IGNORECASE,
)


# A question of what was so before a change ("What was the course record before this year's
# race?", "the old closing time", "the previous fare"), and a sentence telling an earlier value
# ("The old record of 2:13:05 had stood since 2019", "will go up from $58 to $64").
_ASKS_FORMER = re.compile(
    r"\bbefore\s+(?:the|this|its|their|that)\s+(?:[\w'’-]+\s+){0,2}?(?:rise|increase|cut|change|move|switch|race|season|rebuild|refit|upgrade|revamp|merger|takeover|closure)s?\b"
    r"|\b(?:old|previous|former|prior)\s+(?:[\w-]+\s+)?(?:record|figure|estimate|price|fare|cost|rate|hours|time|limit|level|total|fee|rent|budget|address|site|location|premises)\b",
    re.I,
)
_TELLS_FORMER = re.compile(
    r"\b(?:old|previous|former|original|earlier|initial)\b|\bhad\s+(?:stood|been)\b|\binstead\s+of\b|\bused\s+to\b"
    r"|\b(?:up|down|rising|falling|rose|fell|increased?|decreased?|go(?:es)?\s+up|went\s+up|go(?:es)?\s+down|went\s+down|raised|cut|reduced)\s+from\b"
    r"|\bfrom\s+[£$€]?\d[\d,.:]*\w*\s+to\b",
    re.I,
)


def asks_former(question: str) -> bool:
    """Whether ``question`` asks what was so before a change ("the course record before this
    year's race", "the old closing time")."""
    return bool(_ASKS_FORMER.search(question))


def tells_former(sentence: str) -> bool:
    """Whether ``sentence`` tells an earlier value or state ("The old record of 2:13:05 had stood
    since 2019", "will go up from $58 to $64", "at 6pm instead of 8pm")."""
    return bool(_TELLS_FORMER.search(sentence))


def asks_first_told(question: str) -> bool:
    """Whether ``question`` asks how something was first told ("initially", "first reported",
    "the original estimate"), not how it stands after later reports."""
    return bool(_ASKS_FIRST_TOLD.search(question))


# A sentence correcting an earlier telling: "at about 6.25am, not 6.40am as first stated", "two
# more than first reported", "The river's peak has been revised up".
_TELLS_CORRECTION = re.compile(
    r"\bnot\s+(?:[^.;]|(?<=\d)\.(?=\d)){1,60}?\s+as\s+(?:was\s+)?(?:first|originally|initially|earlier|previously)\s+(?:stated|reported|said|thought|given|announced|believed)\b"
    r"|\bthan\s+(?:first|originally|initially|earlier|previously)\s+(?:stated|reported|said|thought|given|announced|believed)\b"
    r"|\b(?:figure|estimate|toll|count|forecast|number|total|peak|tally|level|time|date|cost|bill)s?\b[^.;]{0,60}?\b(?:been|was|were)\s+(?:revised|corrected)\b",  # not "The fault was corrected"
    re.IGNORECASE,
)


def tells_correction(sentence: str) -> bool:
    """Whether ``sentence`` corrects an earlier telling ("at about 6.25am, not 6.40am as first
    stated", "two more than first reported", "has been revised up")."""
    return bool(_TELLS_CORRECTION.search(sentence))


def asks_present(question: str) -> bool:
    """Whether ``question`` asks how things stand now ("now", "latest", "currently", "still")."""
    return bool(_ASKS_PRESENT.search(question))


def tells_present(sentence: str) -> bool:
    """Whether ``sentence`` tells how things stand now or since a change ("now expected to open",
    "The latest official cost estimate", "the wait has fallen to about two days")."""
    return bool(_TELLS_PRESENT.search(sentence))


def asks_what_next(question: str) -> bool:
    """Whether ``question`` asks what comes next ("What happens next with the bridge?")."""
    return bool(_ASKS_NEXT.search(question))


# A question of how often something happens, and a sentence telling how often: "every two weeks",
# "every half hour", "every Saturday", "weekly", "each month", "twice a year", "three trains an hour".
_ASKS_FREQUENCY = re.compile(r"\bhow (?:often|frequently)\b|\bwhat frequency\b", re.I)
_FREQUENCY = re.compile(
    rf"\b(?:every|each)\s+(?:(?:\d+|other|half|{NUMBER_WORD}|few|couple of)\s+)?(?:{WEEKDAYS}|second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|season)s?\b"
    r"|\b(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually|biannually|biennially)\b"
    rf"|\b(?:once|twice|(?:\d+|{NUMBER_WORD})\s+(?:\w+\s+)?times)\s+(?:a|an|per|each|every)\s+(?:\w+\s+)?(?:second|minute|hour|day|week|fortnight|month|quarter|year|season)s?\b"
    rf"|\b(?:\d+|{NUMBER_WORD})\s+[a-z]+s\s+(?:an|a|per)\s+(?:hour|day|week|month|year)\b",
    re.I,
)


def asks_frequency(question: str) -> bool:
    """Whether ``question`` asks how often something happens ("How often will garbage be collected?")."""
    return _ASKS_FREQUENCY.search(question) is not None


def tells_frequency(sentence: str) -> bool:
    """Whether ``sentence`` tells how often something happens ("Garbage will move to every two
    weeks", "The board meets monthly", "three trains an hour")."""
    return _FREQUENCY.search(sentence) is not None


# A question asking why, or what caused something ("Why was the bridge closed?", "What caused the
# fire?", "What is behind the rise?"), and the words by which a sentence gives a reason ("because",
# "two main reasons", "was triggered by", "three things were driving the increase").
_ASKS_REASON = re.compile(
    r"^\W*why\b|\bwhy (?:is|was|are|were|did|does|do|has|have|had|will|would|should)\b|\bhow come\b|\breasons? (?:for|why|behind)\b"
    r"|\bwhat (?:caused|causes|led to|prompted|triggered|drove|is driving|are driving|was driving|is behind|was behind|lies behind|lay behind)\b",
    re.I,
)
_TELLS_REASON = re.compile(
    r"\b(?:because|reasons?|due to|owing to|as a result|result of|caused|causes|cause of|blam(?:e|ed|es|ing)|triggered|prompted|"
    r"led to|so that|in order to|driven by|driving|(?:was|were|is|are) down to|amid|in response to|thanks to|citing|put (?:\w+\s+){0,3}down to)\b"
    # "following" after a word (not "Following the fete, …", a time; nor "the following week")
    r"|(?<=\w\s)(?<!the\s)following\b"
    # what stopped or put something off, and after what: "The start was delayed by 20 minutes after a car broke down" (not "after midnight", "after a busy day")
    r"|\b(?:delayed|cancell?ed|closed|postponed|suspended|called off|halted|stopped|abandoned|refused|rejected|evacuated|shut)\b[^.;]{0,40}?\bafter\b"
    rf"(?!\s+(?:\d|midnight|noon|midday|dark|dawn|lunch|(?:{WEEKDAYS})\b|(?:a|an|the|its|their)?\s*(?:\w+\s+)?(?:day|night|week|weekend|month|year|season|hours?|minutes?)\b))",
    re.I,
)


def asks_reason(question: str) -> bool:
    """Whether ``question`` asks why, or what caused something ("What led to the closure?")."""
    return _ASKS_REASON.search(question) is not None


def tells_reason(sentence: str) -> bool:
    """Whether ``sentence`` gives a reason in so many words ("because our drivers are being spat
    on", "had been chosen for two main reasons", "was triggered by the resignation")."""
    return _TELLS_REASON.search(sentence) is not None


# A question of what comes after something told: "What happens after the core samples are taken?".
_ASKS_AFTER = re.compile(r"\bwhat (?:happens|would happen|comes|will come|is expected to happen) (?:after|then)\b", re.I)


def asks_next_step(question: str) -> bool:
    """Whether ``question`` asks what comes next (``asks_what_next``) or after something ("What
    happens after the statements of case are submitted?"): answered by the sentence telling it and
    the one after."""
    return asks_what_next(question) or _ASKS_AFTER.search(question) is not None


def next_topic(question: str) -> str:
    """``question`` without the words asking what comes next: its topic ("What the bridge?" of "What happens next with the bridge?")."""
    return _ASKS_NEXT.sub(" ", question)


def tells_future(sentence: str) -> bool:
    """Whether ``sentence`` tells of what is to come ("will", "plans to", "is scheduled", "next year")."""
    return bool(_TELLS_FUTURE.search(sentence))


def asks_statement(question: str) -> bool:
    """Whether ``question`` asks what someone said ("What did Pruitt say after he lost?", "How
    did the union react?"), and no other kind of answer ("When did she say it would open?")."""
    return bool(_ASKS_STATEMENT.search(question)) and expected_type(question) is None


ASKS_WHY = re.compile(r"^\W*(?:why|how come)\b", re.IGNORECASE)  # a question asking for a reason
# A question of what someone said or how they took something: "What did Mensah say about the
# budget?", "Who criticised the plan?", "According to whom …?", "Did Alvarez deny …?".
_ASKS_ABOUT_SPEECH = re.compile(
    rf"\b(?:{SAYING_VERBS}|say|tell|warn|argue|reply|respond|react(?:ed|ion)?|comment|statement|according|critici[sz](?:e|ed|ing)|"
    r"oppos(?:e|ed|ing)|accus(?:e|ed)|den(?:y|ied)|disput(?:e|ed)|prais(?:e|ed)|welcom(?:e|ed)|defend(?:ed)?|complain(?:ed)?|"
    r"claim(?:ed)?|promis(?:e|ed)|admit(?:ted)?)\b",
    re.IGNORECASE,
)
# "What does Rosa Kettering want the state to buy?", "What did the minister blame the overrun on?":
# what someone wants, demands or blames, told in their words (not "Who didn't want the cut?").
_ASKS_STANCE = re.compile(r"^\W*what\b[^?]*\b(?:wants?|wanted|demand(?:s|ed|ing)?|blam(?:e|ed|ing)|urg(?:e|ed|ing)|calls? for|called for)\b", re.IGNORECASE)


def asks_about_speech(question: str) -> bool:
    """Whether ``question`` asks what someone said or how they took something ("What did Mensah
    say?", "Who criticised the plan?", "According to whom …?"), or what they want, demand or
    blame ("What does Rosa Kettering want the state to buy?"): its answer is in their words. Not
    one asking why they said it, or for a figure or a date ("When did she say it would open?")."""
    asked = _ASKS_ABOUT_SPEECH.search(question) or _ASKS_STANCE.search(question)
    return bool(asked) and not ASKS_WHY.match(question) and expected_type(question) in (None, "person")


def speaker_asked(question: str) -> str | None:
    """Who ``question`` asks what they said, as it writes them ("What did Linda Voss say about
    the bond?" -> "Linda Voss"), or None."""
    found = _ASKS_STATEMENT.search(question)
    return next((who.strip() for who in found.groups() if who), None) if found else None


# What a question of what someone said asks them to have said it about: "about the bond",
# "to reporters regarding the fire" (words between the verb and "about" too), else "on coal" (up to
# two words between: not "on Monday about the fees", read as about the fees).
_SAID_ABOUT = re.compile(r"[^?!.]*?\s(?:about|regarding|concerning)\s+(?P<topic>[^?!.]+)", re.I)
_SAID_ON = re.compile(r"(?:\s+[\w'’-]+){0,2}?\s+on\s+(?P<topic>[^?!.]+)", re.I)


def topic_of_statement(question: str) -> str | None:
    """What ``question`` asks someone to have said something about, as it writes it ("the bond" of
    "What did Linda Voss say about the bond?", "coal finance" of "What did Kane tell reporters
    on coal finance?", "the fees" of "What did Voss say on Monday about the fees?"), or None: a
    question of what someone said about nothing in particular."""
    found = _ASKS_STATEMENT.search(question)
    if not found or not speaker_asked(question):
        return None
    about = _SAID_ABOUT.match(question, found.end()) or _SAID_ON.match(question, found.end())
    return about["topic"].strip() if about else None


def speaks(sentence: str, name: str) -> bool:
    """Whether ``sentence`` reports ``name`` (a lower-case word) saying something: the name within
    ``SPEAKER_REACH`` words of a verb of saying ("Voss said …", "… said Voss, a councilmember"),
    not a name a quotation mentions ("\"Voss is wrong about the bond,\" Patel said")."""
    tokens = _WORD.findall(sentence.lower())
    named = [at for at, token in enumerate(tokens) if token == name]
    saying = [at for at, token in enumerate(tokens) if _SAYING_WORD.fullmatch(token)]
    return any(abs(at - verb) <= SPEAKER_REACH for at in named for verb in saying)


def reports_reaction(sentence: str) -> bool:
    """Whether ``sentence`` tells of someone saying something or taking something one way or
    another ("she also criticised the fee rise", "Asked about the fees, she said …")."""
    return bool(_ASKS_ABOUT_SPEECH.search(sentence))


def reports_speech(sentence: str) -> bool:
    """Whether ``sentence`` quotes someone or reports what they said ("…," Pruitt said; "she warned that …")."""
    return bool(_STATEMENT.search(sentence))


# A capitalised pair opening a sentence is a name unless its first word opens sentences ("The
# Council", "In March", "After Friday"): "Ana Reyes is the chief executive."
_OPENING_NAME = regex.compile(r"^\W*(\p{Lu}\p{Ll}+)(?:\s+(?:\p{Lu}\.\s*)?\p{Lu}\p{Ll}+)+")
_OPENERS = frozenset(
    "the a an this that these those in on at for but and it he she they we its his her their our after before when while as if under "
    "over according with by from last next some many most all both each no not there here since during despite although though "
    "because so yet still also then now today yesterday what who how why where which".split()
) | CALENDAR_WORDS


# The last word of a company's name, which its short name leaves off: "Northcastle Resources" is
# "Northcastle" in "Northcastle CEO Raymond Achebe said …".
COMPANY_ENDS = frozenset("company co corp corporation inc incorporated ltd limited llc plc group holdings resources partners capital labs lab systems industries technologies".split())

# Capitalised runs that name an organisation or a place, not a person: "Northgate Health", "the
# Tamsin County Superior Court", "Lake Wendell", "Port Calder". Their last word alone names none of
# them ("the National Gallery" is not "the Pennine Gallery"; see ``rag.answer``'s ``_name_as_written``).
ORGANISATION_ENDS = COMPANY_ENDS | frozenset(
    "health center centre conservancy union council authority board court university college school academy "
    "association department agency hospital clinic bank party committee foundation institute lake river creek "
    "county city town village street hall park airport station museum church club team times news post journal review office "
    "ministry commission service services network fund trust society league federation "
    "region district state states republic kingdom island islands bay valley falls road avenue square bridge "
    "gallery theatre library stadium prison united rovers "
    "infirmary hospice cathedral abbey chapel playhouse cinema arena lido terminal junction reservoir canal harbour pier quay wharf tunnel motorway estates "
    "farm farms terrace crescent gardens manor cottage cottages barracks works parade mews ave rd blvd boulevard "  # "Orchard Farm", "Linden Ave." (not "Lane", "Way": surnames too)
    "magistrates tower towers "  # "Crossford Magistrates' Court", cut at its apostrophe; "Riverside Towers"
    "primary secondary grammar nursery infants juniors "  # "Glenarrow Primary", "Hillside Grammar": schools
    "democrat democrats conservatives unionists nationalists independents greens".split()  # "the Liberal Democrat opposition"
)
# "St Aldric's" (a hospital, a church, a school), "Lake Wendell", "Port Calder": no person's name.
_PLACE_STARTS = frozenset("lake port mount fort cape river gulf north south east west upper lower san santa los las st saint storm hurricane typhoon cyclone".split())  # "Storm Imelda"


# Words ending the name of an event, no person's: "the Lakeside Open", "the Riverside Marathon".
_EVENT_ENDS = frozenset("marathon open cup championship championships games tournament trophy festival awards prize prix classic derby".split())


def names_a_person(mention: str) -> bool:
    """Whether a capitalised run may name a person (a role word always does): not "Northgate Health",
    "Lake Wendell", "the Riverside Marathon"."""
    found = _WORD.findall(mention.lower())
    return len(found) < 2 or (found[-1] not in ORGANISATION_ENDS | _EVENT_ENDS and found[0] not in _PLACE_STARTS)


def mentions(sentence: str, kind: str) -> tuple[frozenset[str], ...]:
    """The people (``kind`` "person": by name or role), the names (``kind`` "name") or the
    places (``kind`` "place": "Kettlewick Castle" of "at Kettlewick Castle", "at the back of" of
    "at the back of the Westgate subdivision") that ``sentence``
    mentions, a name of two words opening it too (of a person or a name), each as its lower-case
    words."""
    if kind == "place":
        return tuple(frozenset((match.group("place") or match.group("relative")).lower().split()) for match in _PLACE.finditer(sentence))
    found = [match.group(0) for match in EXPECTED[kind][1].finditer(sentence)]
    opening = _OPENING_NAME.match(sentence)  # two capitalised words: one opening a sentence may be any word ("Security researchers said")
    if opening and opening.group(1).lower() not in _OPENERS:
        found.append(opening.group(0))
    if kind == "person":
        found = [mention for mention in found if names_a_person(mention)]
    return tuple(frozenset(_WORD.findall(mention.lower())) for mention in found)


_ROLE_MENTION = re.compile(_PERSON_ROLES, re.I)


def is_role(mention: frozenset[str]) -> bool:
    """Whether a mention (``mentions``) is a role ("customers", "chief executive"), not a name."""
    return bool(_ROLE_MENTION.fullmatch(" ".join(sorted(mention))))


def question_words(question: str) -> frozenset[str]:
    """The lower-case words of ``question``, as ``mentions`` gives a mention's."""
    return frozenset(_WORD.findall(question.lower()))


# "How many beds …", "how many registered voters", "how many U.S. states": what is counted.
_HOW_MANY = re.compile(r"\bhow many\s+([\w.]+)(?:\s+([\w.]+))?", re.I)
_NOT_COUNTED = frozenset("more in of the did do does was were is are has have had will would can could".split())
PEOPLE_WORDS = _PERSON_ROLES + "|people|persons|individuals"  # what counts people: "2,500 people", "3,000 residents"
_ROLE = re.compile(PEOPLE_WORDS + "|times|ones", re.I)  # counted under other names ("400 people")
# A number and the words after it ("412-bed", "1,300 nurses", "412 of the 650 seats": both), or a count of none.
_COUNTED = re.compile(rf"(?=\b(?:\d[\d,.]*|{NUMBER_WORD}|dozens?|hundreds?|thousands?|millions?)\b((?:[\s-]+[\w'’-]+){{1,3}}))", re.I)
_NONE_COUNTED = re.compile(r"\b(?:no|zero)\s+((?:\w+\s+)?\w+)\s+(?:were|was|are|is|have|has|had)\b", re.I)  # "No plans were drawn up"


# Who came, counted as a crowd, an attendance or a turnout ("A crowd of 41,200 at Harbor Stadium").
_WHO_CAME = frozenset("fan spectator people person attendee visitor supporter guest crowd mourner protester voter".split())
_CROWD = re.compile(r"\b(?:crowd|attendance|audience|turnout)\b[^.;]{0,30}?\b\d[\d,.]*\b(?!\s*(?:%|percent|per cent))", re.I)
# The people a place has, counted as a whole ("the workforce will stand at 310", "a population of 4,200").
_HEADCOUNT = re.compile(  # not "a membership fee of £30", "since 2019"
    r"\b(?:workforce|headcount|membership|population|(?:school|pupil) roll|enrol?ments?|staff numbers)\b[^.;]{0,30}?(?<![£$€])\b(?!(?:1[89]|20)\d\d\b)\d[\d,.]*\b(?!\s*(?:%|percent|per cent))", re.I
)


def _singular(word: str) -> str:
    """"countries" -> "country", "buses" -> "bus", "beds" -> "bed" (and "bus", "glass" as they are)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def counted_things(question: str) -> frozenset[str]:
    """The words naming what a "how many" question counts, singular ("how many beds" -> {"bed"}),
    or none when it counts people or times, which sentences count under other names ("how many
    workers" of "about 400 people")."""
    found = _HOW_MANY.search(question)
    if not found:
        return frozenset()
    named = [w.lower().replace(".", "") for w in found.groups() if w]
    if named[0] in _NOT_COUNTED or _ROLE.fullmatch(named[0]) or (len(named) > 1 and _ROLE.fullmatch(named[1])):
        return frozenset()
    if _singular(named[0]) != named[0] and (len(named) == 1 or _singular(named[1]) == named[1] or named[1] in _NOT_COUNTED):
        named = named[:1]  # a plural ends what is counted: "how many jurors found …" counts jurors; "how many measles cases" counts cases too
    return frozenset(_singular(w) for w in named if w and w not in _NOT_COUNTED)


# "Which stretches of the river …", "What conditions did …", "What are the three measures …",
# "Name the schools …": a question asking to have things named, by a plural.
_ASKS_THINGS = re.compile(
    rf"^\W*(?:(?:which|what)(?:\s+(?:are|were|will be|have been))?|(?:please\s+)?(?:name|list))\s+(?:the\s+)?"
    rf"(?:(?:\d+|{NUMBER_WORD}|main|key|other|different)\s+)*(?!(?:{AUXILIARIES}|happens|means|makes|causes|comes|goes|remains|matters|stands|lies|seems|needs|works|looks)\b)([a-z-]{{3,}}s)\b",
    re.I,
)
# A count of things, and the words after it: "four main conditions to the permission".
_COUNT_OF = re.compile(rf"\b(\d+|{NUMBER_WORD})\s+((?:[\w-]+\s+)?[\w-]+)(?=([^.!?]*))", re.I)
MOST_ANNOUNCED = 10  # a count of things a sentence announces, to be named in the sentences after it
# Units of time and measure, a count of which names nothing after it: "He spent three years at Leeds."
_UNITS = frozenset("year month week day hour minute second time mile kilometre kilometer metre meter percent".split())
_NAMED_IN_IT = re.compile(r":|\bincluding\b|\bsuch as\b|\bamong them\b|,[^,]*\band\b", re.I)  # "three measures, including a tax rise"


def things_asked(question: str) -> frozenset[str]:
    """The things (singular) ``question`` asks to have named by a plural ("Which stretches …" ->
    {"stretch"}, "What are the three measures …" -> {"measure"}), or none."""
    found = _ASKS_THINGS.search(question)
    if not found or _singular(found.group(1).lower()) == found.group(1).lower():
        return frozenset()
    return frozenset({_singular(found.group(1).lower())})


def count_announced(sentence: str, things: frozenset[str]) -> int:
    """How many of ``things`` ``sentence`` says there are without naming them ("Members attached four
    main conditions to the permission." -> 4 for {"condition"}), for the sentences after it to
    name; 0 for none, a count over ``MOST_ANNOUNCED``, of a unit of time or measure ("three
    years"), or one the sentence goes on to name ("three measures: a tax rise, …", "… a levy and
    a fare freeze", "including a tax rise")."""
    for number, named, rest in _COUNT_OF.findall(sentence):
        count = int(number) if number.isdigit() else NUMBER_WORDS.get(number.lower(), 0)
        counted = things & {_singular(word.lower()) for word in named.split()} - _UNITS
        if 2 <= count <= MOST_ANNOUNCED and counted:
            return 0 if _NAMED_IN_IT.search(f"{named}{rest}") else count
    return 0


# Things counted under other names: "cut 85 of its 390 roles" counts jobs.
_COUNTED_ALIKE = tuple(  # not "posts", "properties"
    frozenset(map(_singular, group.split())) for group in ("jobs roles positions redundancies layoffs", "homes houses dwellings", "flats apartments", "pupils students", "children kids youngsters", "cars vehicles")
)


# "The number of breeding pairs of curlew rose from six in 2018 to 14 in 2023": what is counted,
# named before its number.
_NUMBER_OF = re.compile(
    rf"\b(?:number|total|count)\s{{1,3}}of\s{{1,3}}((?:[\w'’-]+\s{{1,3}}){{0,3}}[\w'’-]+)\s{{1,3}}(?:[^\d.;]{{0,40}}?\s)?"
    rf"(?<!since\s)(?<!in\s)(?<!on\s)(?<!by\s)(?<!until\s)(?!(?:1[89]|20)\d\d\b)(?:\d[\d,.]*|{NUMBER_WORD})\b",  # not "since 2015", "on 12 May"
    re.I,
)


def _counted_words(sentence: str) -> list[str]:
    """The words ``sentence`` writes after or before each number as what it counts ("412-bed",
    "1,300 nurses", "the number of breeding pairs … rose … to 14"), and after "no" ("No plans were …")."""
    return _COUNTED.findall(sentence) + _NONE_COUNTED.findall(sentence) + _NUMBER_OF.findall(sentence)


def counts_of(sentence: str, things: frozenset[str]) -> bool:
    """Whether ``sentence`` gives a number of one of ``things`` ("412-bed hospital", "1,300 nurses",
    "the number of breeding pairs … rose … to 14"), or of what is counted under another name
    (``_COUNTED_ALIKE``: "85 of its 390 roles" counts jobs), or of people who came, for a count of
    those ("a crowd of 41,200" counts fans)."""
    things = things.union(*(group for group in _COUNTED_ALIKE if group & things))
    if any(things & {_singular(w.lower()) for w in _WORD.findall(after)} for after in _counted_words(sentence)):
        return True
    return bool(things & _WHO_CAME) and bool(_CROWD.search(sentence))


_PEOPLE_WORD = re.compile(rf"\b(?:{PEOPLE_WORDS})\b", re.I)
_PEOPLE_COUNTED_AS = frozenset(  # "employs 140 staff", "85 of its 390 roles", "34 pupils"
    map(_singular, "jobs roles positions posts staff workforce pupils children kids youngsters passengers tenants households families members runners players fans visitors".split())
)


# "When did Moran score his try?", "In what minute did Tobi Adeyemi score?": when someone named scored.
_WHEN_SCORED = regex.compile(
    r"^\W*(?i:when|at what (?:time|minute|point)|in (?:what|which) minute)\s+(?i:did|does|do|will|has|had)\s+"
    r"(?P<name>\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)\s+(?i:score|scored|net|netted|kick|kicked|convert|converted)\b"
)


def scorer_asked(question: str) -> str | None:
    """The last word of the name of whom a question asks when they scored (lower case): "moran" of
    "When did Moran score his try?", "adeyemi" of "When did Tobi Adeyemi score?"; None for any
    other question."""
    found = _WHEN_SCORED.match(question)
    return found.group("name").split()[-1].lower() if found else None


# What happened after an event ("What happened after the vote to grant permission?"): the event's
# head word, and a sentence telling what came after it ("After the vote, about 40 residents left").
_WHAT_AFTER = re.compile(r"^\W*what\s+(?:happened|happens|will\s+happen|came|comes)\s+(?:next\s+)?(?:after|following)\s+(?:the|that|this|its|their|his|her)\s+([a-z]+)", re.I)


def event_after_asked(question: str) -> str | None:
    """The head word of the event a question asks what came after ("vote" of "What happened after
    the vote to grant permission?"), or None."""
    found = _WHAT_AFTER.match(question)
    return found.group(1).lower() if found else None


def tells_after(sentence: str, event: str) -> bool:
    """Whether ``sentence`` tells what came after ``event`` ("After the vote, about 40 residents left")."""
    return re.search(rf"\b(?:after|following)\s+(?:the|that|this|its|their|his|her)\s+(?:\w+\s+)?{re.escape(event)}s?\b", sentence, re.I) is not None


# What someone is asked to have done in words ("What did Karen Osei promise?", "What did the
# inspectorate recommend for the unit?", "What did Andrea Boudreau call for?"), and each such act
# told in any form of its verb, its noun too ("She promised that …", "The report made 17 recommendations").
_ACTS = {
    "promise": r"promis(?:e|es|ed|ing)",
    "pledge": r"pledg(?:e|es|ed|ing)",
    "vow": r"vow(?:s|ed|ing)?",
    "warn": r"warn(?:s|ed|ing|ings)?",
    "recommend": r"recommend(?:s|ed|ing|ations?)?",
    "urge": r"urg(?:e|es|ed|ing)",
    "demand": r"demand(?:s|ed|ing)?",
    "blame": r"blam(?:e|es|ed|ing)",
    "deny": r"den(?:y|ies|ied|ying|ials?)",
    "admit": r"admi(?:t|ts|tted|tting|ssions?)",
    "announce": r"announc(?:e|es|ed|ing|ements?)",
    "propose": r"propos(?:e|es|ed|ing|als?)",
    "predict": r"predict(?:s|ed|ing|ions?)?",
    "call for": r"call(?:s|ed|ing)?\s+(?:for|on)",
    "call on": r"call(?:s|ed|ing)?\s+(?:for|on)",
}
_STANCES = "support|oppose|back|welcome|favour|favor"  # a stand told by any of them: "Does the forum support the plan?" of "… opposed it"
_STANCE = r"support(?:s|ed|ing|ers?)?|oppos(?:e|es|ed|ing|ition)|back(?:s|ed|ing)|(?<=we |to )back|(?<=they )back|(?<=would )back|against|welcom(?:e|es|ed|ing)|object(?:s|ed|ing|ions?)|in\s+favou?r"
_ACTS |= dict.fromkeys(_STANCES.split("|"), _STANCE)
_ASKS_ACT = re.compile(
    rf"^\W*what\s+(?:did|does|do|has|have|had|will|would)\s+(?P<who>[^?]+?)\s+(?P<act>{'|'.join(_ACTS)})\b"
    rf"|^\W*(?:does|do|did|is|are|was|were|has|have)\s+(?P<stand>[^?]+?)\s+(?P<stance>{_STANCES})\b",  # "Does the Traders' Association support the repairs?"
    re.I,
)
_TELLS_ACT = {act: re.compile(rf"\b{forms}\b", re.I) for act, forms in _ACTS.items()}


def act_asked(question: str) -> tuple[str, str] | None:
    """Who ``question`` asks what they promised, warned, recommended, called for … or whether they
    support or oppose something, and that act (``_ACTS``): ("Karen Osei", "promise") of "What did
    Karen Osei promise?", ("the forum", "support") of "Does the forum support the plan?"; None for
    any other."""
    found = _ASKS_ACT.match(question)
    if found is None:
        return None
    return (found["who"], found["act"].lower()) if found["who"] else (found["stand"], found["stance"].lower())


def tells_act(sentence: str, act: str) -> bool:
    """Whether ``sentence`` tells of ``act`` (one of ``_ACTS``) by any form of its verb or noun."""
    return bool(_TELLS_ACT[act].search(sentence))


# What a place's people do there: work, live, study or belong ("How many people does it employ?").
_PEOPLE_OF_A_PLACE = re.compile(r"\b(?:employ(?:s|ed|ing)?|work(?:s|ed|ing)?|staff(?:ed)?|liv(?:e|es|ed|ing)|attend(?:s|ed|ing)?|enrol(?:s|led)?|members?)\b", re.I)


def asks_people_count(question: str) -> bool:
    """Whether ``question`` asks how many people work, live, study or belong somewhere, by a word
    for people or their roles ("How many people does Hollin's Bakery employ?", "How many pupils
    attend …"), whom ``counted_things`` leaves to the sentences to name; not how many were hurt,
    helped or signed something, which sentences count in words of their own ("Seven were taken
    to hospital", "4,500 signatures")."""
    found = _HOW_MANY.search(question)
    return found is not None and _PEOPLE_WORD.fullmatch(found.group(1)) is not None and _PEOPLE_OF_A_PLACE.search(question, found.end(1)) is not None


def counts_people(sentence: str) -> bool:
    """Whether ``sentence`` gives a number of people, under any word for them or their jobs
    ("Fourteen people now work there", "employs 140 staff") or as a whole ("a crowd of 41,200",
    "the workforce will stand at 310"): not "900 loaves a week" nor "four decades"."""
    counted = any(_PEOPLE_WORD.search(after) or _PEOPLE_COUNTED_AS & {_singular(w.lower()) for w in _WORD.findall(after)} for after in _counted_words(sentence))
    return counted or bool(_CROWD.search(sentence) or _HEADCOUNT.search(sentence))


# The names an amount goes by: a question asking for one by name ("what was the company's
# revenue", "how much is it worth", "what will she be paid") is answered by a sentence giving an
# amount under one of the names of the groups its words are in ("sales of $4.1 billion"), not by
# any amount ("pay $38 million for the cleanup").
_AMOUNT_NAMES = (
    r"revenues?|sales|turnover|takings|turns? over|turned over",
    r"profits?|earnings|earns?|earned|net income|(?:net )?loss(?:es)?|lost|los(?:e|es|ing)",
    r"valuation|valu(?:e|ed|es|ing)|worth",
    r"salar(?:y|ies)|wages?|pay|paid|earns?|earned|earning|compensation|bonus(?:es)?",
    r"pric(?:e|es|ed|ing)|costs?|costing|fees?|fares?|rents?|rental|charg(?:e|es|ed|ing)|pay|paid|buy(?:s|ing)?|bought|sold|spen(?:d|ds|t|ding)"
    r"|acquir(?:e|ed|es|ing)|purchas(?:e|es|ed|ing)",  # "acquired by Northfield for $62 million"
    r"budget(?:s|ed)?",
    r"fines?|fined|penalt(?:y|ies)|damages",
    r"rais(?:e|ed|es|ing)|fund(?:ing|ed|s)?|invest(?:ed|ment|ments|ors?)?",
    r"dividends?",
)
_AMOUNT_NAME_PATTERNS = tuple(re.compile(rf"\b(?:{names})\b", re.I) for names in _AMOUNT_NAMES)


def amount_groups(text: str) -> frozenset[int]:
    """The amount-name groups (``_AMOUNT_NAMES``) whose words ``text`` uses: "annual revenue" -> {0}."""
    return frozenset(i for i, names in enumerate(_AMOUNT_NAME_PATTERNS) if names.search(text))


_PRICE_GROUPS = amount_groups("price budget")
_VALUE_GROUPS = amount_groups("value")
# A deal's worth is its price: "How much is the takeover worth?" of "agreed to be bought … for about £648 million".
_DEAL = re.compile(r"\b(?:deals?|takeovers?|acquisitions?|mergers?|buyouts?|bids?|offers?|sales?|purchases?|contracts?)\b", re.I)


# "How much did the walkout cost Nordavia?", "… the frost cost farmers?": a cost to someone (a name,
# a pronoun, people in the plural), which a sentence may state as a loss, a cut in profit or a
# price: any amount ("cost to build", "cost each month", "cost now": a price).
_COST_TO = re.compile(
    r"\bcost(?:s|ing)?\s+(?:[A-Z][\w-]*|(?i:the|it|them|us|him|her|its|their|taxpayers|residents|customers)\b"
    r"|(?!(?:this|less|plus|thus|across|was|is|as|always|perhaps|nowadays|days|weeks|months|years)\b)[a-z]+[^\Ws]s\b)"
)


_PRICE_BEFORE = rf"(?:{_AMOUNT})[\s-]+"  # an amount written before what it is the price of: "a $14 million expansion", "a €2bn factory"
_NOT_PRICED = frozenset("much per each and for from with new old this that these those total annual year years month months week weeks day days".split()) | frozenset(
    f"{AUXILIARIES}|{QUESTION_WORDS}".split("|")
)


def _priced_after(priced: Sequence[str]) -> str:
    """A pattern of an amount written after what it is the price of, told by two of the words
    ``priced`` (by the one, if only one): "an adult single ticket within the Dunmore town zone will
    go up from £2.00 to £2.30" of the Dunmore single fare; not "a weekly ticket from £19.00" of a
    monthly ticket."""
    escaped = [re.escape(word) for word in priced]
    told = [rf"{one}s?\b[^.;]{{0,60}}?\b{other}" for one in escaped for other in escaped if one != other] or escaped
    return rf"\b(?:{'|'.join(told)})s?\b[^.;]{{0,60}}?\b(?:from|to|at|costs?|priced\s+at)\s+(?:about\s+|around\s+)?(?:{_AMOUNT})"


def amount_names(question: str) -> re.Pattern[str] | None:
    """The names of the amount ``question`` asks for by name (``_AMOUNT_NAMES``), as one pattern,
    or None for any amount (a cost to someone, ``_COST_TO``, is any). A price or a budget may
    also be an amount written before a word of the question, what it is the price of: "How much
    will the library expansion cost?" of "approve a $14 million expansion"; or after two of its
    words (``_priced_after``): "the Dunmore single fare's new price" of "an adult single ticket
    within the Dunmore town zone will go up from £2.00 to £2.30". A deal's worth is its price
    (``_DEAL``): "How much is the takeover worth?" of "agreed to be bought … for about £648 million"."""
    if expected_type(question) != "money" or _COST_TO.search(question):
        return None
    asked = amount_groups(question)
    if not asked:
        return None
    if asked & _VALUE_GROUPS and _DEAL.search(question):
        asked |= amount_groups("price")
    pattern = rf"\b(?:{'|'.join(_AMOUNT_NAMES[i] for i in sorted(asked))})\b"
    priced = sorted({w for w in _WORD.findall(question.lower()) if len(w) > 2 and w not in _NOT_PRICED and not amount_groups(w)})
    if asked & _PRICE_GROUPS and priced:
        pattern += rf"|{_PRICE_BEFORE}(?:{'|'.join(map(re.escape, priced))})s?\b|{_priced_after(priced)}"
    return re.compile(pattern, re.I)


# When something last happened before, told as the background of what an article reports:
# "Halifax transit workers last went on strike in 2012, when a 33-day shutdown ended …", "It
# last raised rates in August 2023". A question asking about such a time says so: "When did they
# last strike?", "the previous strike", "before", a year ("last" ending it is the verb: "How long
# did the strike last?").
_EARLIER_TIME = re.compile(rf"\blast\s+(?:[a-z]+\s+){{1,4}}?(?:in|on)\s+(?:(?:{MONTHS})\s+)?(?:\d{{1,2}}\s+)?{YEAR}")
_ASKS_EARLIER = re.compile(rf"\blast\b(?!\s*(?:[?.!]|$|for\b))|\b(?:previous(?:ly)?|before|earlier|prior|ago|history)\b|{YEAR}", re.I)


# What a figure is set against: "down from 37.9 per cent at the last election in 2019".
_COMPARED_WITH = re.compile(r"\b(?:from|than|compared\s+with|compared\s+to|against)\s+(?:about\s+|around\s+|nearly\s+)?[£$€]?\d(?:[^.;,]|(?<=\d)[.,](?=\d)){0,40}$", re.I)  # not "Drivers from the Halifax depot last went on strike"


def tells_an_earlier_time(sentence: str, question: str) -> bool:
    """Whether ``sentence`` tells when something last happened before (``_EARLIER_TIME``) and
    ``question`` asks of no such time: "How long did the Halifax transit strike last?" asks about
    the strike reported, not "… last went on strike in 2012, when a 33-day shutdown ended". Not
    where that time is what a figure is set against ("Turnout was 34.2 per cent, down from 37.9
    per cent at the last election in 2019", ``_COMPARED_WITH``): the figure is of now."""
    return not _asks_an_earlier_time(question) and _told_an_earlier_time(sentence)


@lru_cache(maxsize=1024)  # one question is read against every candidate sentence
def _asks_an_earlier_time(question: str) -> bool:
    return bool(_ASKS_EARLIER.search(question))


@lru_cache(maxsize=65_536)  # a sentence is read again for each question
def _told_an_earlier_time(sentence: str) -> bool:
    return any(not _COMPARED_WITH.search(sentence, max(0, found.start() - 60), found.start()) for found in _EARLIER_TIME.finditer(sentence))


# A year that is part of a name: "Euro 2028", "Vision 2030" (a capitalised word before it, no month's
# name, and not the question's first word: "In 2026, …").
_YEAR_IN_NAME = re.compile(rf"(?<=\S )(?P<name>[A-Z][A-Za-z]+)[ -](?P<year>{YEAR})\b")


def years_asked(question: str) -> set[str]:
    """The years ``question`` pins what it asks to ("2026" of "… in January 2026?"), not a year of
    a name ("Euro 2028")."""
    named = {found["year"] for found in _YEAR_IN_NAME.finditer(question) if found["name"].lower() not in CALENDAR_WORDS}
    return years(question) - named


def of_another_year(sentence: str, asked: set[str]) -> bool:
    """Whether ``sentence`` states years, none of them one ``asked`` (``years_asked``), with no
    figure set against another (``_COMPARED_WITH``): "A year earlier, in January 2025, the figure
    was 71.3 per cent." does not answer "What was the figure in January 2026?"."""
    stated = years(sentence) if asked else set()
    return bool(stated) and not asked & stated and not any(_COMPARED_WITH.search(sentence, 0, found.start()) for found in re.finditer(YEAR, sentence))


# A name with a number, one of a series: "SHIELD-2", "Phase 3", "Local 1187", "Apollo 11"; not a
# date ("May 21") nor a year ("In 2012").
_NUMBERED_NAME = re.compile(rf"\b([A-Z][A-Za-z]+)[- ](?!{YEAR}\b)(\d+[A-Za-z]?)\b")


@lru_cache(maxsize=65_536)  # a question is read against every candidate sentence, a sentence for each question
def _numbered_names(text: str) -> frozenset[tuple[str, str]]:
    return frozenset({(name.lower(), number.lower()) for name, number in _NUMBERED_NAME.findall(text) if name.lower() not in CALENDAR_WORDS})


def names_another_of_a_series(sentence: str, question: str) -> bool:
    """Whether ``sentence`` names another of a series that ``question`` names one of (the same
    name with another number) and not the one asked: "SHIELD-3, will begin enrolling 6,000
    patients" does not answer "How many patients were in the SHIELD-2 trial?"."""
    asked = _numbered_names(question)
    named = _numbered_names(sentence) if asked else frozenset()
    return not asked & named and any(name == other and number != its for name, number in named for other, its in asked)


# The period a rate is counted over: "£14.10 an hour", "an hourly rate", "£84 a year", "per annum";
# not an event's or a paper's name ("the annual Harbour Fair", "the Daily Courier").
_PERIODS = {"hour": "hour|hr", "day": "day", "week": "week", "month": "month", "year": "year|annum"}
_PERIOD_ADJECTIVES = {"hour": "hourly", "day": "daily", "week": "weekly", "month": "monthly", "year": "annual|annually|yearly"}
_PER = r"(?:a|an|per|each|every)\s+(?:full\s+|whole\s+|single\s+)?"
_ASKED_PERIOD = {
    period: re.compile(rf"\b(?:{_PERIOD_ADJECTIVES[period]})\b(?!\s+(?-i:[A-Z]))|\b{_PER}(?:{units})\b(?!\s+(?:ago|earlier|later|before|after|on|from)\b)", re.I)
    for period, units in _PERIODS.items()
}
_PERIOD_AFTER = {period: re.compile(rf"\s*(?:[a-z-]+\s+){{0,3}}?{_PER}(?:{units})\b", re.I) for period, units in _PERIODS.items()}  # "£14.85 an hour"
_PERIOD_BEFORE = {period: re.compile(rf"\b(?:{adjective})\b(?:\s+[\w-]+){{0,3}}\s*$", re.I) for period, adjective in _PERIOD_ADJECTIVES.items()}  # "an hourly rate of £14.10"
_FIGURE = re.compile(rf"(\d[\d,]*(?:\.\d+)?)(?:\s*({'|'.join(NUMBER_SCALES)})\b)?", re.I)  # "£2.3 million": its number and scale


def rate_periods(text: str) -> frozenset[str]:
    """The periods a question asks or a sentence states a rate over (``_ASKED_PERIOD``): {"year"}
    of "the annual salary", {"hour"} of "per hour", {"month"} of "a monthly pass costs $210"."""
    return frozenset(period for period, pattern in _ASKED_PERIOD.items() if pattern.search(text))


def other_period_only(sentence: str, periods: frozenset[str], kind: str = "money") -> bool:
    """Whether every figure of ``sentence`` (an amount of money for ``kind`` "money", else any
    number) is a rate over a period (``_PERIOD_AFTER``, ``_PERIOD_BEFORE``; one of no period of its
    own near the size of one that has, over that one's), none of them among ``periods``, those
    asked: "£14.85 an hour" is no annual salary; "The average bill will be £2,171, … or about £2 a
    week" states one, and "a salary of £31,000" may."""
    figures = list((_MONEY if kind == "money" else _FIGURE).finditer(sentence)) if periods else []
    if not figures:
        return False
    rated: list[tuple[float | None, set[str]]] = []
    for figure in figures:
        after, before = sentence[figure.end() : figure.end() + 60], sentence[max(0, figure.start() - 60) : figure.start()]
        rated.append((_value(figure.group()), {period for period in _PERIODS if _PERIOD_AFTER[period].match(after) or _PERIOD_BEFORE[period].search(before)}))
    for value, over in rated:
        if not over:  # a figure near another's size is a rate over its period: "£15.00 an hour … are paid £14.85"
            over = set().union(*(its for other, its in rated if its and value and other and 1 / 3 <= value / other <= 3))
        if not over or over & periods:
            return False
    return True


def _value(figure: str) -> float | None:
    """The value of an amount or number as written ("£2.3 million" -> 2.3e6), or None."""
    found = _FIGURE.search(figure)
    try:
        return scaled_value(found.group(1), found.group(2)) if found else None
    except ValueError:
        return None


# A question of when something is still to happen ("When will the branches close?", "When is the
# bridge due to reopen?"), which no time only past can answer ("… the bank confirmed yesterday").
_ASKS_FUTURE_TIME = re.compile(r"^\W*when\s+(?:will|shall|(?:is|are)\s+(?:[\w'’&.-]+\s+){1,6}?(?:due|expected|scheduled|set|going)\s+to)\b", re.I)
_PAST_TIME_WORDS = re.compile(
    rf"\b(?:yesterday|recently|(?:(?:\d+|{NUMBER_WORD}|a|an|a\s+few|several)\s+)?(?:\w+\s+)?ago|last\s+(?:night|week|month|year|{WEEKDAYS}|{MONTHS})"
    r"|earlier\s+(?:this\s+\w+|today)|since\s+[^,.;]{1,40})\b",
    re.I,
)
_TOLD_WHEN = re.compile(rf"\b(?:{SAYING_VERBS}|confirmed|announced)\s+(?:on\s+)?(?:yesterday|today|last\s+\w+|{WEEKDAYS})\b", re.I)  # "the council said last week"


def asks_future_time(question: str) -> bool:
    """Whether ``question`` asks when something still to come will happen ("When will the branches close?")."""
    return bool(_ASKS_FUTURE_TIME.search(question))


def tells_time_to_come(sentence: str) -> bool:
    """Whether ``sentence`` states a time that may be still to come: "on 29 May", not only
    "yesterday", "recently", "two weeks ago", "last Tuesday" or "since the storm in March 2024";
    or tells of what is to come with only the time of its telling ("The footbridge will reopen when
    repairs are finished, the council said last week", ``tells_future``)."""
    return bool(EXPECTED["time"][1].search(_PAST_TIME_WORDS.sub(" ", sentence))) or (tells_future(sentence) and bool(_TOLD_WHEN.search(sentence)))


def asks_change(question: str) -> bool:
    """Whether ``question`` asks how much something changes ("By how much will the council raise
    council tax?"), which a percentage answers as well as an amount."""
    return bool(_ASKS_CHANGE.search(question))


def has_type(sentence: str, kind: str | None, question: str = "") -> bool:
    """Whether ``sentence`` contains something of the expected ``kind`` (True if none expected).

    A person, a name or a place the ``question`` itself names, by name or role, is not one it asks
    for: "A judge ruled on Friday …" does not say which judge ruled, "… transfer from Brightclean"
    not where Brightclean is based; a number, for a question of how many
    of something, is one of those things ("how many beds" wants "412-bed", not "$23 million");
    and an amount asked for by name goes by one of its names (``amount_names``: "what was the
    revenue" wants "sales of $410 million", not "pay $38 million"); a rate, one over the period
    asked (``other_period_only``: "What is the annual salary?" not "£14.85 an hour"); a change,
    a percentage too (``asks_change``: "By how much will Ashworth raise council tax?" of "by 9.99
    per cent"); a time still to come, no time only past (``asks_future_time``: "When will the
    branches close?" not of "… the bank confirmed yesterday")."""
    if kind is None:
        return True
    if kind in ("person", "name", "place"):
        asked = question_words(question)
        return any(not mention <= asked for mention in mentions(sentence, kind))
    if kind in ("money", "number") and other_period_only(sentence, rate_periods(question), kind):
        return False
    if kind == "number" and (things := counted_things(question)):
        return counts_of(sentence, things)
    if kind == "time" and asks_future_time(question):
        return tells_time_to_come(sentence)
    if kind == "money" and asks_change(question) and _PERCENT.search(sentence):
        return True
    if kind == "money" and (names := amount_names(question)):
        return bool(_MONEY.search(sentence) and names.search(sentence))
    return bool(EXPECTED[kind][1].search(sentence))
