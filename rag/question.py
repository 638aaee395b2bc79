"""Checking and normalising a question before it reaches the pipeline."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence

from .errors import QuestionError, QuestionTypeError, kind_of
from .markup import HTML_TAG, as_read, without_markup_spans
from .officer_titles import is_title
from .lexical import INVISIBLE, QUESTION_FILLER, REQUEST_VERBS, STOPWORDS, as_matched, may_be_noun, question_terms, stem, without_frames, words
from .settings import whole_number
from .text import AUXILIARIES, CALENDAR_WORDS, QUESTION_PREPOSITIONS, QUESTION_WORDS, sentence_spans

MAX_QUESTION_CHARS = 2000
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# What a terminal's colours and titles leave in pasted text: "\x1b[31m" (or its one-byte form
# "\x9b31m"), a character set "\x1b(B", a window title "\x1b]0;…\x07" (only when ended: an
# unended one would take the question with it).
_TERMINAL_CODE = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
# A follow-up leans on the previous question: it continues it ("and what did OpenAI say?",
# "what about the EU?"), refers back to it ("why did they do that?"), or is a bare fragment
# ("OpenAI?", "why?"), and it names little of its own topic. A question with a topic of
# its own stays alone, even short ("how many employees does anthropic have") or with a
# pronoun ("what did Dario Amodei predict in his London lecture?").
# ... or corrects it ("no, I meant the blog post", "Sorry, I meant Leeds", "Actually, the mayoral election")
_CONJUNCTIONS = (
    r"and|but|also|so|or|plus|what about|how about|(?:(?:no|sorry|actually)\s+)?i\s+mean[t]?"
    # an interjection before what is no question of its own ("Sorry, Leeds", not "Sorry, who is Jack Clark?")
    r"|(?:(?:no|nope|sorry|actually|oops|wait)\s*[,.!;:]+\s*)+(?:i\s+mean[t]?\b)?(?!\s*(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had)\b)"
)
_CONTINUES = re.compile(rf"^({_CONJUNCTIONS}|what else|who else|anything else|how so)\b", re.IGNORECASE)
_CONJUNCTION = re.compile(rf"^({_CONJUNCTIONS})\b", re.IGNORECASE)
_ASKS_FOR_MORE = re.compile(
    r"^\W*((and|so|but|ok|okay|then)\W+)?(why|how come|how so)\b|\b(else|tell me more|any more|anymore|more about|more details?|what other|any other|others)\b", re.IGNORECASE
)
_REFERS_BACK = re.compile(r"\b(they|them|their|theirs|it|its|he|him|his|she|her|hers|that|this|those|these|the same)\b", re.IGNORECASE)
_SHORT_WORDS = 4  # "what did critics say?", "OpenAI?", "why?"
# A pronoun as the subject a question asks of, after its auxiliary or question word ("What rate
# will it pay?", "How did she react?", "How does that compare …?"): who or what was asked about
# before; not a possessive naming the question's own subject again ("Why did the council raise its rates?").
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:is|are|was|were|do|does|did|will|would|can|could|should|has|have|had|who|what|when|where|why|how)\s+"
    r"(?:they|he|she|it|(?:that|this)(?=\s*(?:[?.!,]|$)|\s+(?:compare|mean|matter|happen|work|cost|affect|change)s?\b))\b",  # not "this year's"
    re.IGNORECASE,
)
# Words the question quotes ('Who said "It is a disgrace"?'): what it asks about, whatever their pronouns.
_QUOTATION = re.compile(r"[“\"‘][^“”\"\n]{2,500}?[”\"’](?!\w)|(?<!\w)'[^'\n]{2,500}?'(?!\w)")  # bounded: article sentences are read too
# "it" standing for no one asked about before: "Is it true that …?", "Why is it hard to enforce a
# pause?", "Was it worth it?" ("Is it safe?" asks of what was asked about before).
_DUMMY_IT = re.compile(
    r"\b(?:(?:is|was|isn['’]t|wasn['’]t|will|would)\s+it(?:\s+be)?|it\s+(?:is|was))\s+(?:\w+ly\s+)?\w+\s+(?:to|that|for)\b|\b(?:is|was)\s+it\s+worth\b"
    r"|\b(?:does|did|do)\s+it\s+(?:matter|seem|make\s+sense)\b|\bit\s+(?:rain|snow|pour|hail)\w*|\b(?:is|was)\s+it\s+(?:rain|snow|pour|hail)ing\b",
    re.IGNORECASE,
)
_PRONOUN_TOPIC_WORDS = 3  # "What rate will it pay?", "How did she react to losing?": a pronoun for a subject, and a few words of its own
# ... but a short question that names its subject stands alone: "What is Claude?", "what is
# RSI", "What did OpenAI say?" (a capitalised word after the first, or "what/who is X").
_DEFINES = re.compile(
    r"^(what|who)\s+(is|are|was|were)\s+(?!(the|this|that|these|those|it|its|their|his|her|they|he|she)\b)\w", re.IGNORECASE
)  # not "what are the risks?" (of what was asked before); "what is a moratorium?" names its own
_NAME_AFTER_FIRST = re.compile(r"(?<=\S)\s+(?!I(?=[\s?!,;:']|$))[A-Z]")  # not the pronoun "I" (but "I.B.M.")
_FOLLOW_UP_CHAIN = 3  # earlier turns a follow-up of follow-ups is read with
FOLLOW_UP_REACH = 8  # turns back a follow-up of follow-ups looks for the question they all follow


def clean_question(question: object) -> str:
    """Return the question normalised (NFKC, no control or invisible characters, no terminal
    colour codes).

    Raises QuestionError with a friendly message when nothing is left to ask or the
    question is longer than MAX_QUESTION_CHARS, and QuestionTypeError (a TypeError too)
    when it is not text.
    """
    if not isinstance(question, str):
        raise QuestionTypeError(f"the question must be text, not {kind_of(question)}")
    if len(question) > MAX_QUESTION_CHARS * 64:  # a bound on the work below, whatever the text
        raise QuestionError(f"the question is too long ({len(question):,} characters); the limit is {MAX_QUESTION_CHARS:,}")
    text = " ".join(question.split())  # runs of spaces do not count, and cost nothing below
    if len(text) > MAX_QUESTION_CHARS * 4:  # a cheap first check before the per-character work
        raise QuestionError(f"the question is too long ({len(text):,} characters); the limit is {MAX_QUESTION_CHARS:,}")
    text = _SURROGATES.sub("", text)
    text = INVISIBLE.sub("", _TERMINAL_CODE.sub("", text))
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    text = " ".join(text.split())
    if not text:
        raise QuestionError("the question is empty; type a question about the articles")
    if len(text) > MAX_QUESTION_CHARS:  # counted as typed: NFKC may expand one character to 18
        raise QuestionError(f"the question is too long ({len(text):,} characters); the limit is {MAX_QUESTION_CHARS:,}")
    text = " ".join(as_matched(text).split())
    if not any(ch.isalnum() for ch in text):
        raise QuestionError("the question has no words in it; type a question about the articles")
    return text


def as_echoed(question: str) -> str:
    """A refused question as its error reply repeats it (``rag ask --json -``, the web API): cut to
    MAX_QUESTION_CHARS characters and "…" when longer, so a 300 MB line is not written back whole
    (the error gives its length)."""
    return question if len(question) <= MAX_QUESTION_CHARS else question[:MAX_QUESTION_CHARS] + "…"


_SPACE_BEFORE_MARK = re.compile(r" ([?!.,;:])")  # where a tag stood: "blog post</b>?" -> "blog post?"


def without_markup(question: str) -> str:
    """``question`` without the HTML tags and Markdown marks pasted with it: "who wrote the blog
    post? <img src=x>" asks what "who wrote the blog post?" asks (their words, unknown to the
    articles, would count against answering). A ``<script>`` or ``<style>`` element or an HTML
    comment goes whole, its text too."""
    if not any(mark in question for mark in "<[*_`"):
        return question
    prose = without_markup_spans(question)  # <script> and <style> elements, comments: none of it asks anything
    text = as_read(HTML_TAG.sub(" ", prose))  # a tag between words parts them
    return _SPACE_BEFORE_MARK.sub(r"\1", " ".join(text.split())) or question


def check_passage_count(k: object) -> int:
    """``k`` as an int if it is a whole number of at least 1 (the number of passages asked for;
    a numpy integer too, not a bool); else QuestionTypeError when it is not of a whole-number type
    ("5", None, 2.0, True), QuestionError when it is one below 1."""
    count = whole_number(k)
    if count is None or count < 1:
        wrong = QuestionTypeError if count is None else QuestionError
        raise wrong(f"k, the number of passages to return, must be a whole number of at least 1 (got {k!r})")
    return count


def check_history(history: object) -> tuple[str, ...]:
    """The earlier questions of a conversation, oldest first: ``history`` must be None or a
    sequence (a list, a tuple, a deque …) of strings; anything else raises QuestionTypeError."""
    if history is None:
        return ()
    wanted = "history must be a list of the earlier questions (text), oldest first, or None (null in JSON)"
    if not isinstance(history, Sequence) or isinstance(history, (str, bytes, bytearray)):
        raise QuestionTypeError(f"{wanted}, not {kind_of(history)}")
    wrong = next((n for n, earlier in enumerate(history) if not isinstance(earlier, str)), None)
    if wrong is not None:
        raise QuestionTypeError(f"{wanted}; item {wrong} is {kind_of(history[wrong])}")
    return tuple(history)


def asked_after_preamble(question: str) -> str:
    """The question asked at the end of a text whose sentences before it ask nothing and share
    no word with it ("My teacher asked us to look into this, and I still cannot find it. Who
    criticised the timing of Anthropic's safety push?"): their words, read with it, would bury it.
    ``question`` whole when it is one sentence, asks more than one thing, does not end in a
    question mark, or when what comes before it is part of what it asks: it names something
    ("Stephen Eilmann demonstrates … in Nazi Germany. Citizens had been doing what?"), shares a
    word with it ("Combustion is caused by an oxidant and a fuel. What role does oxygen play in
    combustion?") or the question leans on it ("… on the stomach wall. What does it do?"). The
    last sentence must open as one does, capitalised or with a question word: "What strains of
    y. pestis …" is one sentence."""
    if not question.endswith("?") or not _SENTENCE_BREAK.search(question):  # most questions: one sentence
        return question
    last = sentence_spans(question)[-1][0]
    before, asked = question[:last].strip(), question[last:].strip()
    if not before or "?" in before or not (asked[:1].isupper() or _QUESTION_WORD.match(asked)):
        return question
    if leans_on_earlier(asked) or _NAME_AFTER_FIRST.search(before) or set(question_terms(before)) & set(question_terms(asked)):
        return question  # what comes before is part of what it asks: it names something, or shares a word
    return asked


def is_follow_up(question: str, names: frozenset[str] = frozenset()) -> bool:
    """Whether ``question`` leans on the one before it rather than naming its own topic.

    Its topic words are its content words (``question_terms``) other than the words that
    continue, refer back or ask for more ("and", "so", "his", "its", "tell me more"). One that
    continues with nothing but a name (capitalised, up to four words: "and St. Agnes Medical
    Center?") follows too, as does one whose subject is a pronoun, with a few words of its own
    but no name ("What rate will it pay?": none capitalised, nor of ``names``, the words the
    articles only write capitalised). A follow-up asked inside a request ("Tell me who else is
    worried.") is read without it, and words it quotes as a name of their own ('Who said "It is
    a disgrace"?' names what it asks about).
    """
    question = _QUOTATION.sub(" Quotation ", _ASKED_INSIDE.sub("", question, count=1))
    if asks_to_go_on(question):  # "Can you tell me more?"
        return True
    own_words = _ASKS_FOR_MORE.sub(" ", _REFERS_BACK.sub(" ", _CONTINUES.sub(" ", question)))
    topic = len(question_terms(own_words))
    if _CONTINUES.match(question):
        return topic <= 2 or named_subject(question) is not None
    if _REFERS_BACK.search(question):
        return topic <= 1 or (topic <= _PRONOUN_TOPIC_WORDS and bool(_PRONOUN_SUBJECT.search(_DUMMY_IT.sub(" ", question))) and not _names_something(question) and not known_names(question, names))
    if len(question.split()) <= _SHORT_WORDS:
        return topic <= 1 and not (_DEFINES.match(question) or _NAME_AFTER_FIRST.search(question))
    return False


def quotations_in(question: str) -> list[str]:
    """The words ``question`` quotes, without their marks ('Who said "It is a disgrace"?' -> ["It is a disgrace"])."""
    return [found.group()[1:-1] for found in _QUOTATION.finditer(question)]


def leans_on_earlier(question: str, names: frozenset[str] = frozenset()) -> bool:
    """Whether a follow-up (``is_follow_up``, with ``names``) cannot be read alone by its own words:
    it continues ("and when?"), refers back ("who said that?"), asks for more ("why?", "tell me
    more") or names nothing at all, unlike a question that is only short ("who is the cfo?")."""
    question = _ASKED_INSIDE.sub("", question, count=1)  # "Can you tell me why?" asks "why?"
    return is_follow_up(question, names) and bool(
        _CONTINUES.match(question) or _REFERS_BACK.search(question) or _ASKS_FOR_MORE.search(question) or not question_terms(question)
    )


def context_of(question: str, history: Sequence[str], names: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The earlier questions a follow-up (``is_follow_up``) is read with, oldest first: the question
    it follows (one that can be read alone: ``leans_on_earlier`` is false, as for a question that
    is only short, "Who is the sheriff?"), up to ``FOLLOW_UP_REACH`` turns back, and the follow-ups
    in between, the last ``_FOLLOW_UP_CHAIN - 1`` of them ("What did Anthropic propose?", "who
    wrote it?" for "and when?"). () for a question read alone, and for a follow-up with no
    question before it that names its own topic ("and when?" after a first "why?"). A follow-up that names someone or
    something of its own, capitalised ("OpenAI?" after "what about the EU?"), is read with the
    question they follow only. Earlier turns that cannot be asked (empty, not text) are skipped.
    ``names``: the words the articles only write capitalised (``CorpusIndex.names``)."""
    if not history or not is_follow_up(question, names):
        return ()
    names_its_topic = _names_something(own_topic(question))  # "OpenAI?" after "what about the EU?": the question they follow only
    follow_ups: list[str] = []
    for turn in _readable(reversed(history[-FOLLOW_UP_REACH:])):
        if not leans_on_earlier(turn, names):
            return (turn, *([] if names_its_topic else follow_ups[-(_FOLLOW_UP_CHAIN - 1) :]))
        follow_ups.insert(0, turn)
    if any(not leans_on_earlier(turn, names) for turn in _readable(history[:-FOLLOW_UP_REACH])):
        return tuple(follow_ups[-_FOLLOW_UP_CHAIN:])  # the question they follow lies out of reach: the chain is all there is
    return ()  # nothing but follow-ups before it: nothing to follow


def _readable(turns: Iterable[object]) -> Iterator[str]:
    """The earlier turns that can be asked, cleaned as a question is (the client sends them as typed)."""
    for turn in turns:
        try:
            yield clean_question(turn)
        except QuestionError:
            continue


# The words of a question, and the possessive ending a name may carry ("Anthropic's").
_WORD = re.compile(r"[\w’'.&-]+")
_POSSESSIVE = re.compile(r"[’']s$", re.IGNORECASE)
_MOST_NAME_WORDS = 4
_PRONOUNS = frozenset("i me my we us our you your he him his she her it its they them their".split())  # capitalised at a sentence's start, so among "names"
# Days and months are written capitalised but name a time, not who or what is asked about:
# "and Thursday?" after "What did OpenAI say?" asks when, not what Thursday said.
_TIME_WORDS = CALENDAR_WORDS | {"today", "tomorrow", "yesterday", "tonight"}


def _is_name_word(word: str, first: bool, names: frozenset[str]) -> bool:
    """Whether ``word`` names someone or something: written capitalised (not as the question's
    first word, nor "I"), or one of ``names`` (lower-case words the articles only write
    capitalised, ``CorpusIndex.names``) that is no stop word or pronoun; never a day, a month
    or "today"."""
    bare = _POSSESSIVE.sub("", word).strip(".")
    lower = bare.lower()
    if not bare or lower in _TIME_WORDS:
        return False
    return (bare[0].isupper() and not first and bare != "I") or (lower in names and lower not in STOPWORDS and lower not in _PRONOUNS)


# Words that open a question capitalised only because they open it: "What did she say?", "Who lost?".
_OPENERS = STOPWORDS | _PRONOUNS | frozenset(f"{QUESTION_WORDS}|{AUXILIARIES}".split("|")) | frozenset("tell sorry actually please no yes ok okay".split())


def _names_something(text: str) -> bool:
    """Whether ``text`` writes a word capitalised that names someone or something ("OpenAI?", "the
    EU?"), not "I" nor a first word capitalised only because it opens the question ("What did she
    say?")."""
    found = _WORD.findall(text)
    return any(_is_name_word(word, i == 0 and _POSSESSIVE.sub("", word).lower() in _OPENERS, frozenset()) for i, word in enumerate(found))


_NAME_PREFIXES = frozenset("st mt ft dr mr mrs ms sir dame lady lord".split())  # what is written before a name, never alone


def _writes_its_case(question: str) -> bool:
    """Whether ``question`` is written in sentence case, its first letter a capital and a later
    word capitalised ("Which Welland players were booked?"): its case tells its names. Not
    "why did openai call for a pause on frontier AI", nor "Explain why hart sentenced walsh"."""
    found = _WORD.findall(question)
    return bool(found) and found[0][0].isupper() and any(word[0].isupper() and not word.isupper() for word in found[1:])  # not "I", "NHS"


def known_names(question: str, names: frozenset[str]) -> set[str]:
    """The words of ``question`` (lower-cased) that are among ``names``, the words the articles only
    write capitalised (``CorpusIndex.names``), in whatever case the question writes them: "openai"
    in "why did openai call for a pause"; not a stop word, a pronoun, a day or a month, an officer's
    title ("gov." of "Gov. Claire Beaumont", "judge"), nor a word of one or two letters ("AI", "US"),
    which reads as a name too often by chance. A question written in sentence case
    (``_writes_its_case``) writes its names so: a word it writes in lower case is none ("players"
    of "Which Welland players were booked?", where another article names "the Thornbury Players"),
    unless it follows a name's prefix ("St hilda's", ``_NAME_PREFIXES``)."""
    found = set(words(question))
    if _writes_its_case(question):
        written = _WORD.findall(question)
        capitalised = [word for at, word in enumerate(written) if word != word.lower() or (at and written[at - 1].lower() in _NAME_PREFIXES)]
        found &= set(words(" ".join(capitalised)))  # the word after "St", "Dr" is a name's: "St hilda's"
    return {word for word in found if word in names and len(word) > 2 and word not in STOPWORDS | _PRONOUNS | _TIME_WORDS and not is_title(word, plural=False)}


def with_names_capitalised(question: str, names: frozenset[str]) -> str:
    """``question``, when typed all in lower case, with each of its ``known_names`` (the words the
    articles only write capitalised) written as a name is: "how many disposals did ben lucchesi
    have" -> "how many disposals did Ben Lucchesi have", which the readers of names then see as the
    capitalised question. A question with any capital letter is returned as it is: its case tells."""
    if question != question.lower():
        return question
    known = known_names(question, names)
    return _WORD.sub(lambda word: word[0].capitalize() if word[0] in known else word[0], question) if known else question


def name_spans(question: str, names: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of the runs of name words in ``question`` ("David Sacks", "OpenAI's"),
    written capitalised or among ``names`` (``CorpusIndex.names``) in any case."""
    spans: list[tuple[int, int]] = []
    for n, match in enumerate(_WORD.finditer(question)):
        if not _is_name_word(match.group(), n == 0, names):
            continue
        if spans and question[spans[-1][1] : match.start()].isspace() and not _POSSESSIVE.search(question[spans[-1][0] : spans[-1][1]]):
            spans[-1] = (spans[-1][0], match.end())
        else:
            spans.append(match.span())
    return spans


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
# Small words a name rarely holds: a question that writes most of them capitalised ("Who Wrote The
# Post?", "WHAT DID NATO SAY?") is in title case or capitals, and its case names nothing.
_SMALL_WORDS = STOPWORDS | frozenset("about after before did do does from has have had say said says what when where which who why how".split())
# Words a question may write capitalised that name nothing: "… Explain.", "Please", "Thanks".
_NO_NAME = _SMALL_WORDS | QUESTION_FILLER | frozenset(REQUEST_VERBS)


def names_in(question: str) -> list[str]:
    """The names ``question`` writes capitalised, each run of name words as one, without a
    possessive ending ("David Sacks", "EU AI Office", "NATO"): not the first word of any of
    its sentences, "I", a day or a month (see ``_is_name_word``), nor a word of a request or of
    the words naming the kind of answer ("List …", "in plain English"; see
    ``rag.lexical.without_frames``), nor a run of fillers ("… Explain.", "Please"). A question
    that writes its small words capitalised ("Who Wrote The Post?") has none: its case tells
    nothing."""
    text = without_frames(question)
    sentences = _SENTENCE_BREAK.split(text)
    small = [w for sentence in sentences for w in _WORD.findall(sentence)[1:] if w.lower() in _SMALL_WORDS]
    if sum(w[0].isupper() for w in small) * 2 > len(small):
        return []
    names = []
    for sentence in sentences:
        for start, end in name_spans(sentence, frozenset()):
            run = _POSSESSIVE.sub("", sentence[start:end].rstrip(".")).split()
            while run and run[0].lower() in _NO_NAME:  # "Did NATO" -> "NATO"
                run.pop(0)
            while run and run[-1].lower() in _NO_NAME:
                run.pop()
            if run:
                names.append(" ".join(run))
    return names


def name_terms(question: str) -> dict[str, tuple[str, ...]]:
    """Each name of ``question`` (``names_in``) -> its stemmed words in order, stop words aside
    ("Jack Clark" -> ("jack", "clark")); a name of nothing but stop words is left out."""
    found = {name: tuple(stem(word) for word in words(name) if word not in STOPWORDS) for name in names_in(question)}
    return {name: stems for name, stems in found.items() if stems}


def with_subject_swapped(follow_up: str, context: Sequence[str], names: frozenset[str] = frozenset()) -> str | None:
    """The question followed, asked of the follow-up's own subject: "and Anthropic?" after "What
    did OpenAI say?" asks "What did Anthropic say?" (joined to it instead, "OpenAI" would
    weigh as much as "Anthropic"). None unless the follow-up is a conjunction and a name (at
    most four name words, "the" before them allowed; a bare "OpenAI?" may answer a "who"
    instead), read with one question (``context``, see ``context_of``) that names exactly one.
    A name is written capitalised, or is one of ``names`` ("and anthropic?"; see ``_is_name_word``)."""
    if len(context) != 1 or not _CONJUNCTION.match(follow_up):
        return None
    subject = named_subject(follow_up, names)
    spans = name_spans(context[0], names)
    if subject is None or len(spans) != 1:
        return None
    start, end = spans[0]
    if re.search(r"\bthe\s+$", context[0][:start], re.IGNORECASE):  # "the EU" -> "the US", not "the the US"
        subject = re.sub(r"^the\s+", "", subject, flags=re.IGNORECASE)
    possessive = _POSSESSIVE.search(context[0][start:end])
    return context[0][:start] + _POSSESSIVE.sub("", subject) + (possessive.group() if possessive else "") + context[0][end:]


def named_subject(follow_up: str, names: frozenset[str] = frozenset()) -> str | None:
    """The name a follow-up is made of, after the words that continue the question before
    ("what about the EU?" -> "the EU", "and Anthropic?", "OpenAI?"): at most four name words
    (see ``_is_name_word``), "the" before them allowed; None for any other follow-up."""
    subject = own_part(follow_up).strip(" ?!,;:")
    if subject.endswith(".") and "." not in subject[:-1]:  # a full stop, not "U.S."
        subject = subject[:-1]
    words = re.sub(r"^the\s+", "", subject, flags=re.IGNORECASE).split()
    if not 0 < len(words) <= _MOST_NAME_WORDS or not all(_is_name_word(w, False, names) for w in words):
        return None
    return subject


# A question asking two things, the second after "and" opening a question of its own: "Who won the
# race against Gordon Pratt, and by how many votes?", "How many people does it employ, and for how
# long has Northstar pledged to keep the jobs?"; not "When and where …" (one part before "and").
_TWO_PARTS = re.compile(
    rf"^(?P<first>\W*(?:{QUESTION_WORDS}|{AUXILIARIES})\b(?:\W+\w+){{2,}}?),?\s+and\s+(?P<second>(?:(?:{QUESTION_PREPOSITIONS})\s+)?(?:{QUESTION_WORDS}|{AUXILIARIES})\b.+)$",
    re.IGNORECASE,
)


def two_parts(question: str) -> tuple[str, str] | None:
    """The two things ``question`` asks, when it asks two (``_TWO_PARTS``): ("Who won the race
    against Gordon Pratt", "by how many votes?") of "Who won the race against Gordon Pratt, and by
    how many votes?"; else None."""
    found = _TWO_PARTS.match(question)
    return (found["first"], found["second"]) if found else None


def own_part(follow_up: str) -> str:
    """A follow-up without the words that continue the question before it ("and when?" -> "when?")."""
    return _CONJUNCTION.sub("", follow_up, count=1).lstrip(" ,") or follow_up


def own_topic(follow_up: str) -> str:
    """The words of a follow-up that name its own topic: ``own_part`` without the words that ask
    for more ("tell me more about the EU" -> "about the EU", "who else?" -> "?")."""
    return _ASKS_FOR_MORE.sub(" ", own_part(follow_up))


def asks_for_more(follow_up: str) -> bool:
    """Whether a follow-up asks for something beyond the answer before it ("why?", "why did they?",
    "who else?", "tell me more", "go on"; "can you tell me why?"), so that quoting that answer again
    would not answer it."""
    return bool(_ASKS_FOR_MORE.search(_ASKED_INSIDE.sub("", follow_up, count=1))) or asks_to_go_on(follow_up)


_GOES_ON = re.compile(r"^\W*((and|so|ok|okay|please)\W+)*((can|could|would|will) you (please )?)?(tell me more|(say |tell me )?more about (it|that|this)|more details?|go on|elaborate|continue)(\W+please)?\W*$", re.IGNORECASE)


def asks_to_go_on(follow_up: str) -> bool:
    """Whether a follow-up only asks the articles to go on about the answer before it ("tell me
    more", "go on"), which what they say around it answers, unlike "who else?" or "why?", which
    may have no answer."""
    return bool(_GOES_ON.match(follow_up))


# "Which articles mention OpenAI?", "Do the articles agree …?", "What does each article say …?":
# a question of the articles, not of one fact, wants each article's own words.
_ACROSS_ARTICLES = re.compile(
    r"\b(?:articles|stories|each (?:article|story|report)|every (?:article|story|report)|both (?:articles|stories|reports)|"
    r"the coverage|all (?:the |of the )?reports|across (?:the )?(?:articles|sources|reports|coverage))\b",
    re.IGNORECASE,
)


# "Do the reports agree on the turnout?", "What do the two outlets say about the tax credit?", "How do
# the papers differ on the toll?": a question of how the articles' accounts compare; what it is about
# follows these words. Sources in the plural, or each of them: "the report" is often one document.
_SOURCES = (
    r"(?:the\s+)?(?:(?:two|both|all|all\s+the|different)\s+)?(?:articles|stories|reports|outlets|sources|papers|newspapers|accounts)"
    r"|(?:each|every)\s+(?:article|story|report|outlet|source|paper|newspaper|account)"
)
_COMPARING = re.compile(
    rf"^\W*(?:(?:do|does|did)\s+(?:{_SOURCES})\s+(?:agree|disagree|differ|match|conflict)\s+(?:on|about|over|regarding|as\s+to)"
    rf"|(?:what|how)\s+(?:do|does|did)\s+(?:{_SOURCES})\s+(?:(?:say|write|tell\s+us)\s+(?:about|on|of|regarding)|(?:report|cover)(?:\s+(?:on|about))?)"
    rf"|how\s+(?:do|does|did)\s+(?:{_SOURCES})\s+(?:differ|compare|agree|disagree)\s+(?:on|about|over|regarding|in))\b"
    r"(?P<clause>\s+(?:whether|if))?\s*",
    re.IGNORECASE,
)
_OPENS_A_QUESTION = re.compile(rf"^\W*(?:{QUESTION_WORDS})\b", re.IGNORECASE)


def asks_across_articles(question: str) -> bool:
    """Whether ``question`` asks what the articles say, each of them ("Which articles mention
    OpenAI?", "Do the articles agree on the date?", "What does each article say about the pause?",
    "Do the reports agree on the turnout?"), rather than for one fact."""
    return bool(_ACROSS_ARTICLES.search(question) or _COMPARING.match(question))


def compared_topic(question: str) -> str | None:
    """What a question comparing the articles' accounts asks, each article to answer it: "what is
    the cost of the flood wall?" of "Do the reports agree on the cost of the flood wall?" (the
    sources and their agreeing are no words of its topic; "what is" asks for what the topic names, a
    cost an amount), "how many people died?" of "What do the outlets say about how many people
    died?", "the plan will pass?" of "Do the papers agree on whether the plan will pass?"; None
    for any other question, or one with no topic after the frame."""
    found = _COMPARING.match(question)
    topic = question[found.end() :] if found else ""
    if not found or not question_terms(topic):
        return None
    return topic if found["clause"] or _OPENS_A_QUESTION.match(topic) else f"what is {topic}"


# "Did the plant open in July?", "Is it true that …?", "Thanks. Will they pause?": a question asked
# to be confirmed or denied (no question word in it: "Can you tell me what …" asks what).
_YES_NO = re.compile(
    rf"^\W*(?:(?:thanks|thank you|ok|okay|so|and|but|hi|hello)\W+)*(?:(?:{AUXILIARIES})(?:n['’]t)?|won['’]t|can['’]t)\b",
    re.IGNORECASE,
)
_QUESTION_WORD = re.compile(rf"\b(?:{QUESTION_WORDS})\b", re.IGNORECASE)

# A question asked inside a request or a sentence about asking: "Tell me why …", "Can you tell
# me how much …", "Do you know if …", "I'd like to know when …", "I wonder whether …".
_ASKED_INSIDE = re.compile(
    r"^\W*(?:(?:hi|hello|hey|ok|okay|so|and|thanks|thank you)\W+)*(?:please\W+)?(?:"
    r"(?:(?:can|could|would|will)\s+(?:you|someone|anyone)\s+(?:please\s+)?)?(?:tell|show|explain(?:\s+to)?)\s+(?:me|us)"
    r"|(?:do|does)\s+(?:you|anyone|anybody)\s+know|(?:i|we)(?:\s+want|\s+need|\s+would\s+like|['’]d\s+like)\s+to\s+know"
    r"|(?:i|we)(?:\s+am|['’]m|\s+are|['’]re)\s+(?:wondering|curious(?:\s+about)?)|(?:i|we)\s+wonder"
    rf")(?:\W+please)?[\s,:]+(?=(?:{QUESTION_WORDS}|whether|if)\b)",
    re.IGNORECASE,
)
# A question word said another way: "for what reason" is why, "what amount (of)", "what sum",
# "what price" how much, "what number of" how many.
_OTHER_WAYS = (
    (re.compile(r"^\W*for what reason\b", re.I), "why"),
    (re.compile(r"^\W*what (?:amount|sum|price)(?: of)?\b", re.I), "how much"),
    (re.compile(r"^\W*what number of\b", re.I), "how many"),
)
# A request for a thing the answer names: "Tell me the day Anthropic announced it" asks what day,
# "give me the cost of the wall" what the cost of the wall is; not "the time it took" (a span),
# "the year-end profit", "the year's", "the day-to-day cost".
_REQUEST_FOR = re.compile(
    r"^\W*(?:please\s+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?(?:tell|give|show)\s+(?:me|us)\s+the\s+"
    r"(?:(?P<when>day|date|year|month)(?=\s+(?!of\b)\w)|(?P<thing>[\w-]+)(?=\s+of\b))",
    re.I,
)
# A query of keywords that ends in the thing it asks for ("tealeford bridge repair cost", "new head
# teacher name", "victim age?", "single fare new price") or opens with it ("cost of the scheme?"): it
# asks what that thing is, as "what is the cost of the tealeford bridge repair" does. Not one with
# a question word or a verb opening it ("is the cost known?", "list the candidates"), a verb or a
# preposition before the thing ("The bridge was rebuilt at great cost"), only a pronoun or a
# qualifier ("my name", "average price"), the thing capitalised ("Alan Price") or "cost of living".
_THINGS_ASKED = "cost|price|fee|fare|salary|wage|value|date|year|name|age|number|population|total|turnout|height|length|depth|width|weight|speed|distance|address"
_QUALIFIERS = "new|old|current|latest|final|full|average|original|estimated|expected|exact"  # "new price": the price asked is the new one
_KEYWORDS = re.compile(
    rf"^\W*(?:(?:and|so|ok|okay|hey|also)\s+)?(?:the\s+)?(?:(?P<before>(?:[\w'’.&-]+\s+){{1,6}}?)(?P<last>(?:(?:{_QUALIFIERS})\s+)?(?:{_THINGS_ASKED}))|(?P<first>{_THINGS_ASKED})\s+of\s+(?!living\b)(?:the\s+)?(?P<after>[^?]*?\w))\W*$",
    re.I,
)
_RATE_OR_WHICH = frozenset("per a an each every last this next that".split())  # "carbon absorbed per year", "sales last year" ask no year
_IN_A_CLAUSE = frozenset(AUXILIARIES.split("|")) | frozenset("at in on of for with by to from into".split())  # "rebuilt at great cost"
_NAMING_NOTHING = frozenset(_QUALIFIERS.split("|")) | _PRONOUNS | {"the"}  # "my name", "average price"
_NO_KEYWORD_QUERY = re.compile(rf"\b(?:{QUESTION_WORDS})\b|^\W*(?:(?:{AUXILIARIES}|please|tell|{'|'.join(REQUEST_VERBS)})\b)", re.I)


def _keywords_asked(question: str, names: frozenset[str]) -> str | None:
    """A query of keywords (``_KEYWORDS``) as the question it asks ("repair cost" -> "what is the
    cost of the repair?", "victim age" -> "how old is the victim?", "merger date" -> "when is the
    merger?"), its first word in lower case and after "the" unless a name (``_keeps_its_case``);
    None for any other question."""
    found = _KEYWORDS.match(question)
    if not found or _NO_KEYWORD_QUERY.search(question):
        return None
    if found["last"]:
        before = found["before"].lower().split()
        if before[-1] in _RATE_OR_WHICH or found["last"].split()[-1][0].isupper() or _IN_A_CLAUSE.intersection(before) or set(before) <= _NAMING_NOTHING:
            return None
    thing, of = (found["last"], found["before"].strip()) if found["last"] else (found["first"], found["after"])
    named = _keeps_its_case(of.split()[0], names) or bool(found["first"] and of[:1].isupper())  # "cost of Harbour Link?"; a query's own first capital is no name
    of = of if named else of[:1].lower() + of[1:]
    the = "" if named else "the "
    if thing.lower() == "date":
        return f"when is {the}{of}?"  # a date of a month alone too
    return f"how old is {the}{of}?" if thing.lower() == "age" else f"what is the {thing.lower()} of {the}{of}?"


def _keeps_its_case(word: str, names: frozenset[str]) -> bool:
    """Whether ``word``, moved from the start of a question, keeps its case: a name the articles
    write (one of ``names``), "Dr.", "NASA"."""
    return word.lower() in names or word.endswith(".") or word.isupper()


# A phrase put before the question word, set off by a comma: "Right now, how much is it worth?",
# "In 2023, how many …" (a greeting or a filler alone, "Thanks, who …", is no such phrase).
_FRONTED = re.compile(rf"^\W*(?P<fronted>(?:(?!(?:{QUESTION_WORDS})\b)[^\s,?]+\s+){{0,5}}(?!(?:{QUESTION_WORDS})\b)[^\s,?]+),\s+(?=(?:{QUESTION_WORDS})\b)", re.I)
_QUOTE_MARK = re.compile(r"[\"“”‘’«»]|(?<!\w)'")  # '"Make themselves", what does that mean?' asks about the quoted words
_NOT_FRONTED = frozenset("hi hello hey ok okay so and but well thanks please also now then yes no sorry".split())
# "what's", "why's": "has" before a past participle ("what's happened"), else "is"; not "who's",
# which is as often written for "whose" ("Who's chains were made of copper?").
_CONTRACTED = re.compile(r"^\W*(what|why|where|when|how)['’]s\b(?=(\s+(?:been|got|gone|had|done|\w+ed)\b)?)", re.IGNORECASE)
# An embedded question in the order of a statement: a question word (or "whether", "if"), its
# subject, then the auxiliary that a direct question puts first: "why Ashcroft was cleared" is
# "why was Ashcroft cleared". After "how much", "how long" … the subject must open with a
# determiner or a pronoun ("how much the gallery was paid") or be a name alone ("how much Ashcroft
# was paid"), or the words after it are the question word's own ("how many people were killed",
# "how many Carrow schools were flooded" keep their order).
_AUXILIARY = f"{AUXILIARIES}|might|may"
# an auxiliary, with its "n't" when it has one ("can't", "won't", "doesn't"), never "can" of "can't"
_AUXILIARY_WORD = rf"(?:can['’]t|won['’]t|(?:{_AUXILIARY})n['’]t|(?:{_AUXILIARY})(?![\w'’]))"
_STATEMENT_ORDER = re.compile(
    rf"^(?P<asks>why|when|where|how(?P<measure> (?:much|many|long|often|far|old|big|large|soon))?|whether|if)\s+"
    rf"(?P<subject>(?!{_AUXILIARY_WORD}|(?:much|many|long|often|far|old|big|large|soon)\b)(?P<opening>[\w’'.-]+)(?:\s+(?!{_AUXILIARY_WORD})[\w’'.-]+){{0,5}}?)\s+(?P<auxiliary>{_AUXILIARY_WORD})",
    re.IGNORECASE,
)
_OPENS_A_SUBJECT = frozenset("the a an this that these those its his her their our my your he she it they we i you".split())


def as_direct(question: str, names: frozenset[str] = frozenset()) -> str:
    """``question`` as a direct question, which the readers of what a question asks expect to open
    it: "Tell me why Ashcroft was cleared" -> "Why was Ashcroft cleared", "Do you know if the plan
    will pass?" -> "Will the plan pass?", "For what reason …" -> "Why …", "What amount did the
    gallery pay?" -> "How much did the gallery pay?", "What's …" -> "What is …", "In 2023, how many
    …?" -> "How many … in 2023?", "Tell me the day it opened" -> "What day it opened", "Give me the
    cost of it" -> "What is the cost of it", "bridge repair cost" -> "what is the cost of the bridge
    repair?" (``_keywords_asked``). A subject after "how much" may be one of ``names``
    (lower-case words the articles write as names, ``CorpusIndex.names``): "tell me how much
    ashcroft was paid". Any other question is returned as it is."""
    if keywords := _keywords_asked(question, names):
        return keywords[:1].upper() + keywords[1:] if question[:1].isupper() else keywords
    text = _REQUEST_FOR.sub(lambda found: f"what {found['when']}" if found["when"] else f"what is the {found['thing']}", question, count=1)
    inside = _ASKED_INSIDE.sub("", text, count=1)
    embedded, text = inside != text, inside  # in the order of a statement, maybe: "why Ashcroft was cleared"
    fronted = _FRONTED.match(text)
    if fronted and not set(words(fronted["fronted"])) <= _NOT_FRONTED and not _QUOTE_MARK.search(text[: fronted.end()]):  # "Right now, how much …": "how much … right now"
        rest = text[fronted.end() :].rstrip()
        mark = rest[len(rest.rstrip("?.!")) :]
        phrase = fronted["fronted"]
        phrase = phrase if _keeps_its_case(phrase.split()[0], names) else phrase[:1].lower() + phrase[1:]  # "In 2023" -> "in 2023"
        text = f"{rest[: len(rest) - len(mark)]} {phrase}{mark}"
    for asked_another_way, plainly in _OTHER_WAYS:
        text = asked_another_way.sub(plainly, text, count=1)
    text = _CONTRACTED.sub(lambda found: f"{found[1]} {'has' if found[2] else 'is'}", text, count=1)
    if text == question:
        return question
    found = _STATEMENT_ORDER.match(text) if embedded else None
    if embedded and not found and re.match(r"(?:whether|if)\b", text, re.I):
        return question  # "Tell me if it rained": no auxiliary to open a direct question with
    if found and (not found["measure"] or found["opening"].lower() in _OPENS_A_SUBJECT or _is_a_name(found["subject"], names)):
        asks = "" if found["asks"].lower() in ("whether", "if") else f"{found['asks']} "
        text = f"{asks}{found['auxiliary'].lower()} {found['subject']}{text[found.end():]}"
    text = re.sub(r"[.!]*$", "?", text.rstrip(), count=1) if question.rstrip()[-1:] in ".!" else text
    return text[:1].upper() + text[1:] if question[:1].isupper() else text


def _is_a_name(text: str, names: frozenset[str]) -> bool:
    """Whether every word of ``text`` is written as a name or is one of ``names`` ("Ashcroft", "ben lucchesi")."""
    return all(word[:1].isupper() or word.lower() in names for word in text.split())


def asks_yes_or_no(question: str) -> bool:
    """Whether ``question`` asks to be confirmed or denied ("Will the plant open in July?"), so
    that a sentence stating another detail answers it ("… will open in September") rather than
    showing the articles do not."""
    return bool(_YES_NO.match(question)) and not _QUESTION_WORD.search(question)


def asked_subject(question: str) -> list[str]:
    """The terms (``question_terms``' stems) of what a yes/no question asks about: the words after
    its opening verb up to the first that cannot be a noun ("Were customer passwords stolen …?" →
    "custom", "password"; "Is Claude improving …?" → "claud"). None (an empty list) for any other question."""
    if not asks_yes_or_no(question):
        return []
    opening = _YES_NO.match(question)
    subject = []
    for word in words(question[opening.end() if opening else 0 :]):
        if word in STOPWORDS or word in QUESTION_FILLER:
            continue
        if not may_be_noun(word):
            break
        subject.append(stem(word))
    return subject
