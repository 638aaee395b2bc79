"""Word-level view of text for BM25 and for coverage of a question's content words.

Tokens are lower-cased words with English stop words removed and Snowball stems
(PyStemmer), so "pausing", "paused" and "pauses" meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .answer_types import ASKS_DATE_OF, MEASURE_UNITS_ASKED
from .text import CJK_CHARACTER

# bm25s's English stop words (bm25s.stopwords.STOPWORDS_EN, checked equal by the tests), written
# out so that answering never imports bm25s: its import loads scipy.sparse, a tenth of a
# second of every `rag ask` (the index's BM25 scores are read by rag.index.Bm25Scores).
STOPWORDS_EN = (
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
    "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
)

_DOTTED_INITIALISM = re.compile(r"\b(?:[^\W\d_](?<![^\W\d_][^\W\d_])\.){2,}(?<=[A-Z]\.)")  # "U.S.", "U.K.": one word, as "US" and "UK" are; not "e.g."
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# Characters that show nothing and are read as nothing: zero-width spaces and joiners, direction
# marks, a byte-order mark, the soft hyphen a web page leaves inside "may\u00ador".
INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
_CJK_RUN_OR_TOKEN = re.compile(rf"(?:{CJK_CHARACTER.pattern})+|(?:(?!{CJK_CHARACTER.pattern})[^\W_])+", re.UNICODE)
# Question words and fillers that carry no content in a chat question.
QUESTION_FILLER = frozenset(
    "what which who whom whose when where why how does did do is are was were say says said "
    "tell told according article articles mention mentioned anything something much many "
    "kind kinds sort thing things also would could should there their please know has have "
    "any anyone anybody too over about out actually really just ever get got able want wants "
    "going go happen happened exactly explain someone somebody whats else think thinks believe believes "
    "mentions mentioning supposed everyone everybody basically briefly relation "  # "Where is it in relation to the bridge?"
    "thanks thank hi hello hey ok okay "
    "announce announces announced reveal reveals revealed disclose discloses disclosed "
    "comment comments commented speak speaks spoke spoken "  # "Who else commented?": that they said something, in any words
    # pronouns ("us" may be the US, "mine" a mine)
    "he him his she her hers its we our ours you your yours me my them theirs".split()
)
# The words of a question that name the kind of answer wanted rather than its topic
# ("what *day*", "how *long* will it *last*", "how *big* is the budget", "what does RSI *stand for*",
# "*how many kilometres* long is the road"): the answer type
# check (rag.answer_types) covers them, and the articles need not use them.
_ANSWER_FRAME = re.compile(
    rf"\b(?:what|which)\s+(?:day|date|year|month|time)\b|{ASKS_DATE_OF.pattern}|\bhow\s+(?:long|soon|often|big|large|small|tall|high|old|far|deep|wide|fast|heavy|hot|cold|warm)\b|\b(?:stands?|short)\s+for\b|{MEASURE_UNITS_ASKED.pattern}", re.I
)
# A request in place of a question ("List the risks", "Can you summarise the proposal", "Give me
# the timeline") and the nouns that name the kind of answer wanted ("the name of", "RSI
# definition", "in plain terms"): the articles need not use these words. A request opens the
# question or one of its sentences ("Thanks. List …"); "explain" and "tell" are fillers wherever
# they stand. "me" and "us" only in lower case: "List US sanctions" is the US.
REQUEST_VERBS = ("list", "name", "summarise", "summarize", "describe", "define", "give", "show", "find", "outline", "identify")
_REQUEST = re.compile(
    r"(?:^|(?<=[.!?]\s))\W*(?:please\s+)?(?:(?:can|could|would|will)\s+(?:you\s+)?)?(?:please\s+)?"
    rf"(?:{'|'.join(REQUEST_VERBS)})\b(?-i:\s+(?:me|us)\b)?",
    re.I,
)
_ANSWER_NOUN = re.compile(
    r"\b(?:name|title|definition|meaning)\s+of\b|\b(?:definition|meaning|abbreviation|acronym)\b"
    r"|\bin\s+(?:plain|simple|layman[’']?s?|everyday)\s+(?:terms|english|words)\b|\ba\s+lot\b|\blots\s+of\b",
    re.I,
)
_DURATION_VERB = re.compile(r"\blast\W*$", re.I)  # "how long would the pause last"
_NEGATED_AUXILIARY = re.compile(r"\b\w+n[’']t\b", re.I)  # "doesn't", "won't", "can't": no topic, and their stub ("doesn") no word
# A word that denies what follows it: "not" (not "whether or not", "not only"), "never", "no" (not
# "No. 10"), "none", "nothing", "isn't". "Without" is left out: "… without human oversight" denies nothing.
NEGATION = re.compile(
    rf"(?<!\bor )\bnot\b(?! only)|\b(?:never|none|nor|neither|nothing|nobody|cannot)\b|\bno\b(?!\.\s*\d)|{_NEGATED_AUXILIARY.pattern}", re.I
)
# British -ise spellings meet American -ize ones ("criticised" / "criticized").
_BRITISH_ISE = re.compile(r"(?<=\w{3})is(e|ed|es|ing|ation|ations)$")
_ACTION_NOUN = re.compile(r"(?<=\w{4})ations?$")  # "valuation" meets "valuing", "recommendation" "recommend"
STOPWORDS = frozenset(STOPWORDS_EN) | {"s", "t", "ll", "d", "re", "ve", "m"}
# Nouns that meet their verb though their stems differ ("decision" / "decided", "death" / "died",
# "testimony" / "testified"), as "-ation" nouns do. From WordNet 3.0's derivational links of verb to
# noun, kept where both words are common English (wordfreq Zipf 3.5 or more), each is the most
# frequent word of its stem and the noun names no doer ("buyer"); then false friends taken out by
# hand ("union" / "unite", "trial" / "try", "quality" / "qualify", "press" / "pressure").
NOUN_OF_VERB: dict[str, str] = dict(
    pair.split(":", 1)
    for pair in """
    absence:absent absorption:absorb acquisition:acquire admission:admit advisory:advise advocacy:advocate
    alliance:ally analysis:analyze application:apply assumption:assume bankruptcy:bankrupt belief:believe
    burial:bury citation:cite clarification:clarify clearance:clear closure:close commentary:comment
    comparison:compare competition:compete complaint:complain compliance:comply conclusion:conclude
    consumption:consume coverage:cover creation:create death:die decision:decide defence:defend
    delivery:deliver denial:deny departure:depart description:describe destruction:destroy
    disclosure:disclose discovery:discover dosage:dose drainage:drain emphasis:emphasize entrance:enter
    entry:enter evolution:evolve expansion:expand explanation:explain explosion:explode exposure:expose
    failure:fail graduation:graduate growth:grow guidance:guide identification:identify implication:imply
    inclusion:include intention:intend intervention:intervene introduction:introduce invasion:invade
    justification:justify legitimacy:legitimate maintenance:maintain mandatory:mandate marriage:marry
    mixture:mix modification:modify notification:notify obedience:obey occupation:occupy offence:offend
    perception:perceive permission:permit piracy:pirate pronunciation:pronounce proposition:propose
    provision:provide pursuit:pursue qualification:qualify reaction:react rebellion:rebel
    recognition:recognize reconciliation:reconcile recovery:recover redemption:redeem reduction:reduce
    referral:refer registration:register registry:register reliance:rely remembrance:remember rental:rent
    resolution:resolve retention:retain revelation:reveal rivalry:rival robbery:rob satisfaction:satisfy
    seizure:seize signature:sign solution:solve speech:speak stimulus:stimulate submission:submit
    subscription:subscribe suit:sue suspension:suspend suspicion:suspect taxation:tax tendency:tend
    testimony:testify thought:think transmission:transmit usage:use verification:verify
""".split()
)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def _snowball(word: str) -> str:
    american = _american_spellings().get(word, word)  # "centres" is "centers", "defence" "defense"
    return _stemmer().stemWord(_ACTION_NOUN.sub("", _BRITISH_ISE.sub(r"iz\1", american)))


# breame's pairs that are two words, not two spellings of one ("tyres" are no "tires", a "draught" no
# "draft", a "tonne" no "ton", a "groyne" no "groin", "gauge" is American too), or that it gets wrong
# ("buses" -> "busses", "gases" -> "gasses", "tranquilly" -> "tranquility").
_NOT_ONE_WORD = frozenset(
    "tyre tyres draught draughts draughty draughtier draughtiest tonne tonnes groyne groynes philtre philtres gauge gauged "
    "gauges gauging buses busing minibuses gases pummelled pummelling tranquilly".split()
)


@lru_cache(maxsize=1)
def _american_spellings() -> dict[str, str]:
    """British spellings -> American ones, by breame's list ("colour" -> "color", "travelled" ->
    "traveled"; ``_NOT_ONE_WORD`` aside): an article and a question in either spelling share their words."""
    from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

    return {british: american for british, american in BRITISH_ENGLISH_SPELLINGS.items() if british not in _NOT_ONE_WORD}


@lru_cache(maxsize=1)
def _verb_stems() -> dict[str, str]:
    """Stem of each noun in ``NOUN_OF_VERB`` -> the stem of its verb."""
    return {_snowball(noun): _snowball(verb) for noun, verb in NOUN_OF_VERB.items()}


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of one lower-case word (British spellings folded to American ones, a noun in
    -ation or of ``NOUN_OF_VERB`` to its verb)."""
    stemmed = _snowball(word)
    return _verb_stems().get(stemmed, stemmed)


def is_verb(word: str) -> bool:
    """Whether lower-case ``word`` is a form of some verb, by lemminflect ("die", "board", "struck"; not "tiger")."""
    from lemminflect import getAllLemmas  # its tables load at the first call (~0.6 s)

    return bool(getAllLemmas(word, upos="VERB"))


def may_be_noun(word: str) -> bool:
    """Whether lower-case ``word`` may be a noun, by lemminflect: a noun's form and no adverb's
    ("passwords", "fares"; not "stolen", "still"), or a word it does not know (a name: "calder")."""
    from lemminflect import getAllLemmas  # its tables load at the first call (~0.6 s)

    lemmas = getAllLemmas(word)
    return not lemmas or ("NOUN" in lemmas and "ADV" not in lemmas)


def verb_lemmas(word: str) -> frozenset[str]:
    """The bare form of each verb ``word`` is a form of, by lemminflect ("coaches" -> "coach")."""
    from lemminflect import getAllLemmas  # its tables load at the first call (~0.6 s)

    return frozenset(getAllLemmas(word, upos="VERB").get("VERB", ()))


def verb_forms(word: str) -> frozenset[str]:
    """Every form of each verb ``word`` is a form of, by lemminflect ("broke" -> "break",
    "breaks", "breaking", "broke", "broken"); none when it is no verb's."""
    from lemminflect import getAllInflections  # its tables load at the first call (~0.6 s)

    forms: set[str] = set()
    for lemma in verb_lemmas(word):
        forms.add(lemma)
        for inflected in getAllInflections(lemma, upos="VERB").values():
            forms.update(inflected)
    return frozenset(forms)


def as_matched(text: str) -> str:
    """``text`` as words and patterns are matched in it: NFKC-normalised (the ligature "\ufb01" is
    "fi", a full-width "\uff15" is "5") and its invisible characters dropped (``INVISIBLE``).
    Lengths may change: offsets are never taken from it."""
    if text.isascii():  # most text: NFKC leaves it as it is, and it holds no invisible character
        return text
    return INVISIBLE.sub("", unicodedata.normalize("NFKC", text))


def words(text: str) -> list[str]:
    """Lower-case word tokens of ``as_matched(text)`` (as questions are read), apostrophes and punctuation split off.

    An initialism written with full stops is one word ("U.S." -> "us", as "US" is).
    Normalising meets decomposed text (macOS writes "Zürich" as "Zu" + a combining mark)
    with the composed form a question has. Chinese and Japanese, written without spaces,
    give their pairs of neighbouring characters ("国务院" -> "国务", "务院"), so that their
    words meet whatever their boundaries.
    """
    text = _DOTTED_INITIALISM.sub(lambda m: m.group().replace(".", ""), as_matched(text)).lower()
    if not CJK_CHARACTER.search(text):
        return [w for w in _TOKEN.findall(text) if len(w) > 1 or w.isdigit()]
    found = []
    for run in _CJK_RUN_OR_TOKEN.findall(text):
        if CJK_CHARACTER.match(run):
            found += [run[i : i + 2] for i in range(max(1, len(run) - 1))]
        elif len(run) > 1 or run.isdigit():
            found.append(run)
    return found


def terms(text: str) -> list[str]:
    """Stemmed content words of ``text`` (stop words removed), in order."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def without_frames(question: str) -> str:
    """``question`` without a request's opening ("List", "Can you summarise", "Give me") and
    the words naming what kind of answer is wanted ("the name of", "definition", "in plain
    English", "a lot"): words of no topic, whatever their case."""
    return _ANSWER_NOUN.sub(" ", _REQUEST.sub(" ", question))


def question_terms(question: str) -> list[str]:
    """Content terms of a question: ``terms`` minus question words, fillers and the
    words that frame the answer type ("what day", "how long"), unique."""
    if re.search(r"\bhow\s+long\b", question, re.I):
        question = _DURATION_VERB.sub(" ", question)
    question = _NEGATED_AUXILIARY.sub(" ", _ANSWER_FRAME.sub(" ", without_frames(question)))
    seen: dict[str, None] = {}
    for w in words(question):
        if w in STOPWORDS or w in QUESTION_FILLER:
            continue
        seen.setdefault(stem(w), None)
    return list(seen)


_POSSESSIVE_END = re.compile(r"'s$")


def name_key(word: str) -> str:
    """A word of a name as the index keeps it (``CorpusIndex.written_before``): lower-cased, every
    apostrophe written "'", a possessive's "'s" left off ("Sowerby’s" -> "sowerby")."""
    return _POSSESSIVE_END.sub("", word.lower().replace("’", "'"))
