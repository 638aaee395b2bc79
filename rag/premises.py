"""Checks that the articles do not hold what a question takes as given: a name they never mention
or mention only elsewhere, a person the best sentence leaves out for another, a detail or figure
they state otherwise, a premise they deny or state the opposite of, an answer type they state
only about something else.

Each is a yes or no that ``AnswerabilityModel.score`` turns into a penalty on the answerability
logit (the ``*_penalty`` settings), because the learned features cannot see them: every word of
such a question may be in the articles.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from itertools import islice, takewhile
from typing import TYPE_CHECKING, Iterator, Sequence

from .acronyms import well_known_spellings
from .answer_types import (
    ASKS_WHY,
    CLOSED_TYPES,
    CONTACT_TYPES,
    COMPANY_ENDS,
    MEASURE_UNITS_ASKED,
    ORGANISATION_ENDS,
    SCORELINE,
    asks_half_time_score,
    counted_things,
    counts_of,
    expected_type,
    mentions,
    names_a_person,
    question_words,
    reports_reaction,
    reports_speech,
    speaker_asked,
    tells_half_time_score,
    time_unit_asked,
    topic_of_statement,
)
from .dates import day_named
from .details import asked_details, changed_amount, conflicting_details, misattributed_figure, miscounted, mismatched_details, stated_details, years_of_months
from .lexical import NEGATION, QUESTION_FILLER, STOPWORDS, is_verb, may_be_noun, name_key, question_terms, stem, terms, verb_forms, words
from .lists import list_miscounted
from .question import asks_yes_or_no, known_names, name_spans, name_terms, names_in, own_part, quotations_in
from .roles import told_the_other_way
from .succession import predecessor_asked
from .ranks import ranks_asked, sentence_tells_ranks, tells_rank_of_what_is_asked
from .events import events_asked, spans_a_life, tells_event, told_of_a_description
from .siblings import KINDS, another_of_its_kind_named, kind_written_after, names_ending_in, told_of_a_sibling
from .sides import said_by_side, side_asked, side_note, side_words, speaker_words
from .spans import quoted_from
from .spelling import english_word
from .unnamed import left_unnamed
from .text import AUXILIARIES, BLOCK_QUOTE_LINE, CALENDAR_WORDS, NUMBER_WORDS, PRONOUN_REACH, QUESTION_WORDS, interview_roles, line_start
from .officer_titles import HONORIFICS, TITLE_GROUP, TITLE_PATTERN, TITLE_WORD, holder_asked, is_title, of_the_other_sex, relation_sides, written_as

if TYPE_CHECKING:
    from .answer import ScoredSentence
    from .index import CorpusIndex


def neighbourhood(index: "CorpusIndex", sentence_id: int) -> list[int]:
    """The sentence and its neighbours on each side within its article."""
    ids = index.document_sentences[index.sentences[sentence_id].doc_id]
    position = bisect_left(ids, sentence_id)
    return ids[max(0, position - 1) : position + 2]


_QUOTATION = re.compile(r"""\W*["“‘«]""")  # a sentence opening a quotation


def paragraph_before(index: "CorpusIndex", sentence_id: int) -> list[int]:
    """The sentences before ``sentence_id`` in its paragraph (no line break between them), nearest
    last: who said a quotation the sentence carries on ("Dr. Helen Brandt … noted that …" before
    "“… frozen,” she said. “Habitable zone is an orbital definition.”")."""
    ids = index.document_sentences[index.sentences[sentence_id].doc_id]
    position = bisect_left(ids, sentence_id)
    start = position
    while start > 0 and index.same_paragraph(ids[start - 1], ids[start]):
        start -= 1
    return ids[start:position]


def asks_closed_type(question: str, asked: str) -> bool:
    """Whether ``question`` asks for an amount, a percentage, a number, a date, a time of day, a
    span of time or a dose (``CLOSED_TYPES``), read as the ranking reads it: for a follow-up ``asked``
    searched with the questions before it, the kind its own words ask for. A question of who holds
    a role ("Who is the chief executive of Wendmoor Water?", ``holder_asked``) asks for one too: a
    name the articles tie to that role, not anyone they name; so does one asking a number of a unit
    of measure ("How many acres of the moor burned?", ``MEASURE_UNITS_ASKED``), which a measure
    otherwise need not state."""
    kind = expected_type(question, own_part(asked) if asked != question else None)
    return (
        kind in CLOSED_TYPES
        or (kind == "person" and holder_asked(own_part(asked)) is not None)
        or (kind == "person" and predecessor_asked(own_part(asked)) is not None)  # "Who ran Maltby before Conrad Ashe?": one told as before him
        or (kind == "measure" and bool(MEASURE_UNITS_ASKED.search(own_part(asked))))  # "How many acres …?" asks a number of them
    )


DATE_KINDS = frozenset({"time", "day", "year"})  # the kinds asking when


def dated_event_untold(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"], asked: str, candidates: int = 3) -> bool:
    """Whether ``question`` asks when (``DATE_KINDS``) an event happened that it names in a word
    the articles tell it with (``rag.events.events_asked``: "When was the depot built?") and the
    first ``candidates`` sentences state dates, none of them telling that event of what is asked
    (``_tells_event_asked``): "The depot closed in 1984." states the date of another event, "The
    airfield's control tower, built in 1941" that of another thing, neither of which answers it.
    One stating no date is left to the answerability model, as for any question asking when."""
    kind = expected_type(question, own_part(asked) if asked != question else None)
    events = events_asked(own_part(asked)) if kind in DATE_KINDS else frozenset()
    dated = [s.sentence_id for s in scored[:candidates] if s.type_match] if events else []
    names = known_names(asked, index.names)
    spelt = {term for spelling in well_known_spellings(asked) for term in terms(spelling)}  # "NHS" told as "The National Health Service"
    subject = ({stem(name) for name in names} | _topic_terms(own_part(asked), names, index.capitalised) | spelt) - events
    return bool(dated) and not any(_tells_event_asked(index, sid, events, names, subject) for sid in dated)


def _tells_event_asked(index: "CorpusIndex", sid: int, events: frozenset[str], names: set[str], subject: set[str]) -> bool:
    """Whether sentence ``sid`` tells one of ``events``, itself or in the sentence it leans on
    (``rag.events.tells_event``), of what is asked: naming one of ``subject`` (the stems of the
    question's names and topic, ``_topic_terms``) or telling it of what it names by no name
    (``rag.events.told_of_a_description``: "The school opened in 1954."); not of someone or
    something else ("Born Margaret Ann Hewitt …" for Frank Ellison's birth)."""
    text = index.sentences[sid].text
    told = index.terms_as_quoted[sid] | index.terms_leant_on.get(sid, frozenset())
    return tells_event(text, told, events, names) and (not subject or bool(subject & told) or told_of_a_description(text, events))


def half_time_score_untold(index: "CorpusIndex", scored: Sequence["ScoredSentence"], asked: str, candidates: int = 3) -> bool:
    """Whether ``asked`` asks the score at half-time (``asks_half_time_score``) and none of the
    first ``candidates`` sentences tells one (``tells_half_time_score``) in a paragraph, or an
    article's title and opening, naming one of the names it asks of: "What was the half-time
    score in Stourby v Ashcombe?" of "Stourby beat Ashcombe 31-10" and another match's "a 15-7
    lead at half-time" (in an article on Kellford's match)."""
    if not scored or not asks_half_time_score(own_part(asked)):
        return False
    names = {stem(name) for name in known_names(asked, index.names)}

    def of_the_match(sid: int) -> bool:
        doc_id = index.sentences[sid].doc_id
        around = [*_paragraph_of(index, sid), *_opening_sentences(index, doc_id)]
        return not names or bool(names & index.title_terms[doc_id]) or any(names & index.sentence_terms[i] for i in around)

    return not any(tells_half_time_score(index.sentences[s.sentence_id].text) and of_the_match(s.sentence_id) for s in scored[:candidates])


def rank_untold(index: "CorpusIndex", scored: Sequence["ScoredSentence"], asked: str, candidates: int = 3) -> bool:
    """Whether ``asked`` (a question, or a follow-up's own part) asks a rank (``rag.ranks.ranks_asked``:
    "Who was the youngest participant?", "Who finished fourth?") that none of the first
    ``candidates`` sentences of the best one's article tells (``rag.ranks.sentence_tells_ranks``):
    "The oldest participant was 93-year-old Reg Haskins" tells another rank, which does not answer
    it; "Brennan finished second" in another article is another's rank."""
    ranks = ranks_asked(own_part(asked))
    if not ranks or not scored:
        return False
    article = index.sentences[scored[0].sentence_id].doc_id
    return not any(index.sentences[s.sentence_id].doc_id == article and sentence_tells_ranks(index, s.sentence_id, ranks) for s in scored[:candidates])


# Words that frame what is asked rather than name what it is about: "how much is it worth now",
# "where does he work" (an answer need not say "works": "Azizi Othman of Asia e University"),
# "who makes it" (nor "makes": "made by Calloway", a form the stems do not meet), "how much
# money" (a sentence gives "14 million euros"), "which person is the CEO" (an answer names one),
# "which university is she from" (one "of Asia e University"):
# articles without them may still answer.
FRAME_STEMS = frozenset(stem(w) for w in "worth cost price paid pay value valued valuation budget money amount number total now current currently today still work live based located situated headquartered from make made person individual".split())  # stemmed: "works", "lives" too


# Verbs so light that an article tells what they say in other words ("come out" is "be released"):
# no event to be told, nor a topic.
LIGHT_VERBS = frozenset(map(stem, "become make take keep come".split()))
# For the topic, "run" too: "who runs it" asks for its chief executive, "what time did she run" for "won in 2:05:41".
_TOPIC_FRAMES = LIGHT_VERBS | {stem("run"), stem("ran")}
# The words asking for a way to reach someone ("Is there a phone number I can ring about …?"): the
# topic is what the rest asks about, not the GP surgery's "single phone number".
_CONTACT_FRAMES = frozenset(map(stem, "phone telephone number line helpline hotline email e-mail address website web site page url contact details call ring dial text reach touch".split()))
# The words asking who came before ("Who ran Maltby before Conrad Ashe?", ``predecessor_asked``): a
# sentence telling it says "took over from" or "replaces".
_PREDECESSOR_FRAMES = frozenset(map(stem, "before previous previously predecessor former prior replace succeed".split()))


def _topic_terms(question: str, names: set[str], capitalised: frozenset[str]) -> set[str]:
    """The content words of ``question`` (``question_terms``) that say what it is about: not its
    ``names`` (``known_names``) nor a word of a name it writes capitalised (``names_in``) that the
    articles do not write only capitalised (not among ``capitalised``, ``CorpusIndex.capitalised``:
    "City" of "Harbour City") or that is written with one of ``names`` ("Maria" of "Maria Okafor"
    where the articles write "Maria" only opening a sentence; not "Sandford" of "Sandford Mill",
    nor "Maria" alone, which tell what the question is about), nor the words that frame an answer
    type (``FRAME_STEMS``; the unit a span is asked in, "weeks" of "How many weeks …?", ``time_unit_asked``)."""
    of_names = {word for name in names_in(question) for word in words(name) if word not in capitalised or names.intersection(words(name))}
    unit = time_unit_asked(question)
    return set(question_terms(question)) - {stem(word) for word in [*names, *of_names, *([unit] if unit else [])]} - FRAME_STEMS


# A count of the dead is a count of nothing else: a question asking one is not answered by a
# sentence that counts the same people for another reason ("12,000 people" evacuated). Not the
# hurt: "were treated for heat exhaustion" counts them in other words.
ASKS_DEATHS = re.compile(  # "how many people were killed", "how many died", "how many deaths": the dead are what is counted
    r"\bhow\s+many\s+(?:[\w'’-]+\s+){0,3}?(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:killed|die|dies|died|dead|perished|deaths|fatalities)\b", re.I
)
DEATH_WORDS = frozenset(map(stem, "kill die dead death fatal fatality perish drown slain toll lives bodies".split()))  # "claimed 14 lives", "death toll"


# A doer's noun is its deed's stem with an agent's ending ("win" -> "winner", "lead" -> "leader",
# "vote" -> "voter", "resid" -> "resident"); not after a short word of another kind ("may" -> "mayor").
_AGENT_ENDING = re.compile(r"er|or|r|ist|ee|ant|ent")
_NOT_A_DEED = frozenset("may can per cent off new see use who she her too".split())


def _is_doer(long: str, short: str) -> bool:
    """Whether stem ``long`` is the doer of the deed ``short`` (``_AGENT_ENDING``, its last letter doubled or not: "winner" of "win")."""
    if len(short) < 3 or short in _NOT_A_DEED or not long.startswith(short):
        return False
    ending = long[len(short) :]
    return bool(_AGENT_ENDING.fullmatch(ending) or (ending[:1] == short[-1] and _AGENT_ENDING.fullmatch(ending[1:])))


def _shares_a_form(terms: set[str], other: frozenset[str]) -> bool:
    """Whether a stem of ``terms`` is in ``other``, or one is the other's doer (``_is_doer``):
    "the winner" meets "a 3-2 win"; "mayor" does not meet "may", nor "centre" "per cent"."""
    return bool(terms & other) or any(_is_doer(term, word) or _is_doer(word, term) for term in terms for word in other)


def _told_from_the_other_side(index: "CorpusIndex", doc_id: str, term: str, told: frozenset[str], text: str) -> bool:
    """Whether a sentence ``text`` of article ``doc_id`` whose words are ``told`` tells the relation
    of stem ``term`` from its other side (``rag.officer_titles.relation_sides``: "Who is Callum
    Danvers' father?" of "Danvers is the son of Lee Danvers") in an article that never writes the
    relation itself (one that does, "His mum would have words with me", tells it by its own word,
    and "the son of Lee Danvers" does not say who his mother is), telling of no one only of the
    other sex (``of_the_other_sex``: "his granddaughter" of a grandmother asked)."""
    own_side, other_side = relation_sides(term)
    return bool(other_side & told) and not any(doc_id in index.documents_with(word) for word in own_side) and not of_the_other_sex(term, words(text))


# What a match's score is told by: the words asking for one, and a scoreline ("made it 10-17", "to
# make it 2-2") or what a goal does to it ("Kelby went ahead in the 12th minute when …").
_SCORING = frozenset(map(stem, "score goal try point".split()))
_SCORE_TOLD = re.compile(
    rf"{SCORELINE}"
    r"|\b(?:went ahead|levell?ed|equali[sz]\w*|opener|winner|pulled one back|(?:doubled|restored|extended) (?:the|their|his|her) lead|made it|netted|struck)\b",
    re.I,
)


def _tells_a_score(index: "CorpusIndex", sid: int) -> bool:
    """Whether sentence ``sid`` or the next of its paragraph tells of a score (``_SCORE_TOLD``): "Dara
    Moran barrelled over in the 49th minute. Burke's conversion made it 10-17." tells of a try scored."""
    paragraph = _paragraph_of(index, sid)
    at = paragraph.index(sid)
    return any(_SCORE_TOLD.search(index.sentences[i].text) for i in paragraph[at : at + 2])


# The kinds a figure of one thing is stated in, which does not answer for another of its list
# (``rag.siblings``): counts, amounts, dates; not who or where.
SIBLING_KINDS = CLOSED_TYPES | {"time"}


def typed_off_topic(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"], asked: str, candidates: int = 3) -> bool:
    """Whether ``question`` expects an answer type and each of the first ``candidates`` sentences
    stating one is about something else: it shares none of the question's content words
    (``question_terms``; a doer meets its deed, ``_shares_a_form``: "the winner" of "a 3-2
    win"; a verb its other forms, ``verb_forms``: "leave" meets "left"), its names (``known_names``), light verbs
    (``_TOPIC_FRAMES``: "When will the film come out?" of "It is expected to be released …") and the words that frame the type ("worth",
    "now") aside ("Who led the latest funding round?" of "Researchers Favaro and Clark are arguing
    that …"), or its article never mentions one of the question's names ("What was Halvorsen
    Chemical's revenue?" of a hospital merger's "annual revenue of about $1.9 billion"). Read in
    ``asked``, the question as the user wrote it, with the type its ranking looked for. A count of
    the dead ("How many people were killed?") is about something else in each of those sentences
    that names no death ("forced 12,000 people from their homes"); one counting what the question
    counts is on its topic, in other words ("How many fans attended?" of "A crowd of 41,200 …"). A
    sentence leaning on the one before tells of its words too ("She also ordered Almond to pay …"
    after "Judge Amelia Hart imposed the sentence", ``CorpusIndex.terms_leant_on``); what an acronym
    stands for is about the acronym alone ("What does IRS stand for in the Almond story?"). A
    figure or date stated only of another name written in one list with the one asked is about
    that other (``rag.siblings.told_of_a_sibling``: "The sports centre housed 180 people" for St
    Anne's church hall); a life's span in brackets tells of a birth or death asked ("John Gallagher
    (1919–1980)", ``rag.events.spans_a_life``)."""
    kind = expected_type(question, own_part(asked) if asked != question else None)
    if kind in (None, "measure"):
        return False  # a measure ("How deep was the earthquake?" of "… at a depth of 10 kilometres") is told in other words
    names = known_names(asked, index.names)
    content = set() if kind == "expansion" else _topic_terms(asked, names, index.capitalised) - _TOPIC_FRAMES
    if kind in CONTACT_TYPES:
        content -= _CONTACT_FRAMES
    elif kind == "person" and predecessor_asked(own_part(asked)) is not None:
        content -= _PREDECESSOR_FRAMES
    typed = [s.sentence_id for s in scored[:candidates] if s.type_match]
    if typed and ASKS_DEATHS.search(asked) and not any(DEATH_WORDS & index.terms_as_quoted[sid] for sid in typed):
        return True  # "How many people were killed?" of "forced 12,000 people from their homes": a count of something else

    counted = counted_things(own_part(asked)) if kind == "number" else frozenset()  # not the unit a span is asked in: "How many days …?"
    asked_names = frozenset(stem(name) for name in names) if kind in SIBLING_KINDS else frozenset()
    events = events_asked(own_part(asked)) if kind in DATE_KINDS else frozenset()

    def on_topic(sid: int, content: set[str]) -> bool:
        doc_id = index.sentences[sid].doc_id
        in_article = all(any(doc_id in index.documents_with(stem(form)) for form in _SAME_PLACE.get(name, {name})) for name in names)
        counts_them = bool(counted) and counts_of(index.sentences[sid].text, counted)  # "a crowd of 41,200" of how many fans came
        told = index.terms_as_quoted[sid] | index.terms_leant_on.get(sid, frozenset())
        if kind in CONTACT_TYPES:  # "calling the council's waste team on 01632 960 412" after "Residents who cannot wheel their bin …"
            told = told.union(*(index.terms_as_quoted[i] for i in _paragraph_of(index, sid)))
        spans_a_life_asked = spans_a_life(index.sentences[sid].text, events, names)  # "John Gallagher (1919–1980)" of when he was born
        of_a_sibling = bool(asked_names) and told_of_a_sibling(index, sid, asked_names, kind, own_part(asked))
        shares = _shares_a_form(content, told) or any(written_as(term, told) or _told_from_the_other_side(index, doc_id, term, told, index.sentences[sid].text) for term in content)  # "boss" meets "managing director"
        scored_then = bool(content & _SCORING) and _tells_a_score(index, sid)  # "When did Moran score his try?" of "Moran barrelled over …"
        return in_article and (not content or shares or counts_them or spans_a_life_asked or scored_then) and not of_a_sibling

    if not (content or names) or not typed or any(on_topic(sid, content) for sid in typed):
        return False
    verbs = {stem(form) for word in words(asked) if stem(word) in content for form in verb_forms(word)}  # "leave" meets "left"; read only here (lemminflect loads slowly)
    return not (verbs - content and any(on_topic(sid, content | verbs) for sid in typed))


def names_unknown(index: "CorpusIndex", question: str) -> bool:
    """Whether ``question`` writes capitalised a name (``rag.question.name_terms``) with a word
    found nowhere in the articles ("the EU AI Office", "Sam Altman")."""
    return bool(unknown_names(index, question))


def unknown_names(index: "CorpusIndex", question: str) -> list[str]:
    """The names ``question`` writes capitalised (``rag.question.name_terms``) with a word found
    nowhere in the articles, as it writes them: ["Sam Altman"]. A place is found as its adjective
    ("Canadian" where they say "Canada", ``_SAME_PLACE``); an officer's title ("CEOs", which
    they may write "chief executives") names no one."""

    def found(word: str) -> bool:
        return any(stem(form) in index.term_idf for form in _SAME_PLACE.get(word, {word})) or is_title(word)

    return [name for name in name_terms(question) if not all(found(word) for word in words(name) if word not in STOPWORDS)]


def look_alike_names(index: "CorpusIndex", question: str) -> list[str]:
    """The full names ``question`` writes (``rag.question.names_in``) that no article writes, whose
    later word the articles write only after other names: "Great Sowerby" where they write "Little
    Sowerby", "James Okafor" where they write "Danielle Okafor", "Harrier Foods" where they write
    "Kestrel Foods" (``CorpusIndex.written_before``). A title, an initial, a day or a month makes
    no other name ("President Biden", "Fed Chair Powell", "John F. Kennedy"), nor does a word an
    article naming the other writes too, capitalised ("NSW Rural Fire Service" of an article on
    "NSW" and the "New South Wales Rural Fire Service"), nor a kind of place or body added to a word
    they write as a name ("New York City" of "New York" where "Mexico City" is written too)."""
    found = []
    for name in names_in(question):
        run = [name_key(word) for word in _NAME_WORD.findall(name) if len(word.rstrip(".")) > 1 and word.lower() not in STOPWORDS]
        for before, key in zip(run, run[1:]):
            written = index.written_before.get(key, frozenset())
            if before in written or _names_nothing_apart(before) or _names_nothing_apart(key) or all(map(_names_nothing_apart, written)):
                continue
            if key in ORGANISATION_ENDS and before in index.capitalised_in:
                continue  # "New York City" of articles writing "New York" (and "Mexico City"): the kind added to a name they write
            if not index.named_after_in.get(key, frozenset()) & index.capitalised_in.get(before, frozenset()):
                found.append(name)
                break
    return found


_NAME_WORD = re.compile(r"[\w'’.&-]+")


def _names_nothing_apart(word: str) -> bool:
    """Whether ``word`` (lower-cased) is no name of its own beside another: a title, a stop word, a
    day or a month, an initial."""
    word = word.rstrip(".")
    return word in STOPWORDS or word in CALENDAR_WORDS or word in HONORIFICS or bool(TITLE_WORD.fullmatch(word)) or len(word) <= 1


_NEGATION_OR_LACK = re.compile(rf"{NEGATION.pattern}|\bwithout\b", re.I)  # "without success" states none
DENIAL_REACH = 3  # words after a negation that it denies


def premise_denied(question: str, best: str) -> bool:
    """Whether ``question`` asks why something is so (without a negation of its own) and the
    best sentence denies one of its words within ``DENIAL_REACH`` words of a negation: "Why is
    Anthropic calling for a permanent ban?" of "Anthropic is not calling for an immediate stop"."""
    if not ASKS_WHY.match(question) or NEGATION.search(question):
        return False
    return bool(set(question_terms(question)) & _denied(best))


def _denied(text: str, negation: re.Pattern[str] = NEGATION) -> set[str]:
    """The terms of ``text`` within ``DENIAL_REACH`` words after a ``negation``."""
    return {term for found in negation.finditer(text) for term in terms(" ".join(words(text[found.end() :])[:DENIAL_REACH]))}


# Pairs of opposite events, stances, extremes and directions: a question taking one as given ("Why
# did Sacks praise the push?", "What is the lowest point?") is not answered by a sentence stating
# the other ("Sacks accused the company of …", "The highest point is …"). The first four were
# chosen on the news tuning sets, the rest on SQuAD 2.0's training titles, whose unanswerable
# questions often swap a word for its antonym.
_OPPOSITES = (  # compared stemmed, so "praised" and "criticism" count too; irregular forms ("rose", "won") are listed
    ("praise applaud commend hail laud welcome endorse support", "criticise accuse condemn slam oppose dissent worried warned blasted disappointed"),
    ("rise rose risen increase grow grew grown growth gain climb jump surge soar", "fall fell fallen drop decline decrease shrink shrank slump plunge slid slide"),
    ("win won victory", "lose lost concede"),  # not "defeat": "X defeated Y" is X's win
    ("pass approve accept adopt", "fail reject"),
    ("succeed success successful", "fail failure unsuccessful"),
    ("largest biggest", "smallest"),
    ("high higher highest", "low lower lowest"),
    ("upper", "lower"),
    ("inside inner interior", "outside outer exterior"),
    ("north northern", "south southern"),
    ("eastbound", "westbound"),  # "the 40mph limit on the westbound A481" is not the eastbound carriageway's
    ("northbound", "southbound"),
    ("inbound", "outbound"),
    ("strong stronger strongest", "weak weaker weakest"),
    ("major", "minor"),
    ("majority", "minority"),
    ("rich richer richest wealthy wealthiest", "poor poorer poorest"),
    ("positive", "negative"),
)
_OPPOSITE_STEMS = tuple((frozenset(map(stem, a.split())), frozenset(map(stem, b.split()))) for a, b in _OPPOSITES)
# Phrasal verbs read as the word of a pair they mean: "voted down the agreement", "turned down the offer" rejected them.
_REJECTED = re.compile(r"\b(?:vot(?:e|es|ed|ing)|turn(?:s|ed|ing)?)\s+down\b", re.I)
_ANY_OPPOSITE = frozenset().union(*(one | other for one, other in _OPPOSITE_STEMS))
# A loss of something no contest is ("Porthaven lost two early wickets", "lost power", "lost their
# jobs"): no defeat, the opposite of no win ("lost against Leeds", "lost the second leg 3-1" are).
_LOST_SOMETHING = re.compile(
    r"\b(?:lose|loses|lost|losing)\s+(?:(?:the|a|an|two|three|four|five|six|seven|eight|nine|ten|\d[\d,.]*|their|its|his|her|our|some|many|more|all|"
    r"early|late|key|quick|most|much)\s+)*(?:wickets?|power|money|jobs?|control|sight|weight|lives|homes?|touch|value|customers|members|staff|workers|"
    r"employees|time|contact|interest|patience|confidence|faith|blood|consciousness|track|momentum|ground|market\s+share|share)\b"
    r"(?!\s+(?:game|match|tie|fixture|leg|opener|final|trial|race|series)\b)",  # "lost their home game" is a defeat
    re.IGNORECASE,
)


def premise_reversed(question: str, *texts: str, names: frozenset[str] = frozenset(), also_told: Sequence[str] = ()) -> bool:
    """Whether ``question`` takes an event, stance or extreme as given that ``texts`` (the best
    sentence, or the sentences of its article naming what the question names) state the
    opposite of, naming none of its own kind: "Why did David Sacks praise the push?" of "David
    Sacks accused the company …", "by how many votes did the bond fail?" of "Voters also
    approved a $3.2 million bond …", "how many votes did Pruitt win by?" of the sentences naming
    Pruitt, one of which says "Pruitt conceded …". Not for a question that negates one, asks to
    have one confirmed ("Did Sacks praise it?" is answered by "Sacks accused …") or asks who or
    what company ("Who won the race?" is answered by "Pruitt lost to Delgado-Reyes"). "Voted
    down" and "turned down" read as "rejected". With ``names`` (stemmed), an opposite counts only
    where one of them is named before it: "Pruitt conceded the race to Delgado-Reyes" states
    nothing Delgado-Reyes did. Sentences ``also_told`` that state the question's side too, not
    denied nor only expected, are read as ``texts`` are for it, not against it ("Fuel costs fell
    9%" beside "a 13% rise in profit"; not "Analysts had expected fuel costs to fall")."""
    if not texts or NEGATION.search(question) or asks_yes_or_no(question) or expected_type(question) in ("person", "name"):
        return False
    asked = _opposite_words_asked(question)
    if not asked:
        return False  # most questions: no texts to read
    if asked & _CONTEST and (subject := names_in(question)[:1]):  # "Why did Alemu lose?" of "Kiprono won … against Ethiopia's Dawit Alemu": his defeat
        texts = tuple(text for text in texts if not _names_as_opponent(text, set(words(subject[0]))))
    texts = tuple(_LOST_SOMETHING.sub(" ", _REJECTED.sub("reject", text)) for text in texts)
    stated_too = (_LOST_SOMETHING.sub(" ", _REJECTED.sub("reject", text)) for text in also_told if not (_UNDONE_FRAME.search(text) or _HEDGED.search(text) or _TO_COME.search(text)))
    said = set().union(*(terms(text) for text in texts), *(set(terms(text)) - _denied(text, _NEGATION_OR_LACK) for text in stated_too))
    of_them = [_from_first_of(text, names) for text in texts] if names else texts  # what is said of them
    stated = set().union(*(set(terms(text)) - _denied(text, _NEGATION_OR_LACK) for text in of_them))  # "not successful", "without success" state no success
    return any(asked & one and (stated & other) - asked and not said & one for pair in _OPPOSITE_STEMS for one, other in (pair, pair[::-1]))


# A contest's result, either side ("beat" and "defeat" only as telling one, in ``_told``: "X defeated Y" is no side of the pairs).
_CONTEST = frozenset(map(stem, "win won victory lose lost concede beat beaten defeat".split()))
# Who a contest was won against: "against Ethiopia's Dawit Alemu", "beating Alemu", "ahead of Alemu".
_OPPONENT = re.compile(
    r"\b(?:against|beat|beats|beating|defeated|defeating|edged|edging|ahead\s+of|(?:win|victory|triumph)\s+over)\s+((?:[\w'’.-]+\s+){0,3}[\w'’.-]+)", re.IGNORECASE
)
# One named as who won or lost it themselves: "Sven Lind, who lost by 8 points", "Lind conceded" (a
# comma or a space between words, one way each: no backtracking over a long run of spaces).
_BETWEEN = r"(?:\s*,\s*|\s+)"
_OWN_RESULT = rf"(?:{_BETWEEN}(?:who|had|has|have|was|were|then|also))*{_BETWEEN}(?:won|wins|win|lost|loses|lose|conceded|concedes|beat|defeated)\b"


def _names_as_opponent(text: str, named: set[str]) -> bool:
    """Whether ``text`` names one of ``named`` (lower-case name words) only as who a contest was won
    against (``_OPPONENT``, not as an owner: "a row over Walsh's taxes"), never as winning or losing
    it themselves ("Lind, who lost …"): its wins and losses are the other side's."""
    against = any(
        named & {word for word in words(found.group(1)) if not re.search(rf"\b{re.escape(word)}['’]s\b", found.group(1), re.IGNORECASE)}
        for found in _OPPONENT.finditer(text)
    )
    return against and not any(re.search(rf"\b{re.escape(name)}\b{_OWN_RESULT}", text, re.IGNORECASE) for name in named)


def _opposite_words_asked(question: str) -> set[str]:
    """The terms of ``question`` (stemmed; "voted down" read as "reject") that a pair of opposites
    holds (``_OPPOSITES``), not after a name's first word ("Ashford Falls"): none for most questions, whose
    premises no opposite can reverse."""
    unnamed = _NAME_AFTER_ITS_FIRST_WORD.sub(r"\1", _REJECTED.sub("reject", question))
    return set(question_terms(unnamed)) & _ANY_OPPOSITE  # no word of _OPPOSITES is a stop word


# A name's words after its first ("Falls" of "Ashford Falls"), not the first, which may set it
# apart from another ("Upper Market Hall", "Lower Market Hall").
_NAME_AFTER_ITS_FIRST_WORD = re.compile(r"\b([A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*)+")


# What tells of an event as expected, forecast or planned, not as stated: "Analysts had expected fuel costs to fall".
_HEDGED = re.compile(r"\b(?:expect\w*|forecast\w*|predict\w*|projected|hop(?:e|es|ed|ing)|plan(?:s|ned|ning)?|aim(?:s|ed|ing)?|estimat\w*)\b", re.IGNORECASE)


# What a name has, three ways round: "Arland's economy", "Nordavia's quarterly profit"; "the economy
# of Arland"; "the Arland economy" (a name between "the" and words in lower case).
_POSSESSED = re.compile(
    r"\b(?!(?i:what|who|that|it|there|here|where|how|when|why|he|she)['’]s\b)\w+['’]s\s+((?:[\w-]+\s+){0,2}[\w-]+)"
    r"|\bthe\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)\s+of\s+(?:the\s+)?[A-Z]"
    r"|\bthe\s+(?:[A-Z][\w-]*\s+)+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)"
)


def _naming_what_is_asked(index: "CorpusIndex", question: str, doc_id: str, names: frozenset[str]) -> list[str]:
    """``_naming``, but for a question asking of something a name has ("How much did Arland's
    economy grow?", "… the economy of Arland …", "… the Arland economy …"), only the sentences
    with a word of that thing: "The Arland crown fell 0.4%" tells nothing of its economy."""
    texts = _naming(index, doc_id, names)
    wanted = _possessed_terms(question)
    return [text for text in texts if wanted & set(terms(text))] if wanted else texts


def _possessed_terms(question: str) -> set[str]:
    """The terms of what a name has that ``question`` asks of ("economy" of "Arland's economy"),
    or none: no event of the pairs of opposites ("the Carrow Council approve the plan" asks of no
    thing the council has), nor a verb after "the Carrow Council"."""
    possessed = _POSSESSED.search(question)
    if not possessed:
        return set()
    found = next(group for group in possessed.groups() if group)
    if possessed.lastindex == 3 and is_verb(found.split()[0]) and not may_be_noun(found.split()[0]):
        return set()
    return set(terms(found)) - _ANY_OPPOSITE


def _telling_what_is_asked(index: "CorpusIndex", question: str, doc_id: str) -> list[str]:
    """The sentences of article ``doc_id`` holding every word of what a name has that ``question``
    asks of, but its opposites, naming it or not: "Fuel costs fell 9% …" for "Why did Nordavia's
    fuel costs fall?" (none for a question asking of no such thing)."""
    thing = _possessed_terms(question)
    return [index.sentences[i].text for i in index.document_sentences[doc_id] if thing and thing <= index.sentence_terms[i]]


_WORD_AT = re.compile(r"[^\W_]+")  # a word as ``words`` reads it: "Delgado-Reyes" is "delgado", "reyes"


# Where a sentence goes on to another's deed, in a clause with its own subject: "… for the first
# time in 16 years, after a night in which the Conservative council leader lost his own seat",
# "… take control of the council as Conservative leader loses seat", "…, while the Tories lost 15".
_OTHER_CLAUSE = re.compile(r";|\s(?:as|while|whereas|in which)\s+(?=(?:the|a|an|his|her|their|its)\s|[A-Z])")  # not "led after the first count but lost"


def _from_first_of(text: str, names: frozenset[str]) -> str:
    """``text`` from its first word whose stem is one of ``names`` on, to where it goes on to
    another's deed (``_OTHER_CLAUSE``); all of it when no word is."""
    start = next((word.start() for word in _WORD_AT.finditer(text) if stem(word.group().lower()) in names), None)
    if start is None:
        return text
    other = _OTHER_CLAUSE.search(text, start)
    return text[start : other.start() if other else len(text)]


# A question that asks why someone did something, or what happened after, since or before they did
# it, takes the event as given: "Why did Superintendent David Ostrowski vote against the budget?",
# "who replaced alan forsythe after he was fired"; one asking whether it happened ("Was Alan
# Forsythe fired?", "Has anyone at Northgate been fired?") is not answered by articles that never
# tell of it. The name is a run of name words (``rag.question.name_spans``) right after these
# words, not after "the" ("why did the Riverside board vote": "Riverside" names the board); the
# event is the word after the name or pronoun, past an auxiliary ("had been placed") and an
# adverb in -ly ("reportedly ignored"); after "is", "was" (groups 1 and 2) only a participle. "How
# come Forsythe resigned?" (and "why Forsythe resigned", as "tell me why …" leaves it) needs no auxiliary.
_EVENT_ASKED_OF = re.compile(
    r"^\W*(?:(?:why|how come)(?:\s+(?:did|does|do|has|have|had|would|will|(is|are|was|were)))?"
    r"|(?:did|has|have|had|(was|were))(?:\s+(?:anyone|anybody|someone|somebody)\s+(?:at|from|in))?)\s+$",
    re.I,
)
_PARTICIPLE = re.compile(r"(?:ed|en|ing)$")  # after "why is/was NAME" only an event ("fired", "calling"), not a state ("important")
_EVENT_CLAUSE = r"\b(?:after|since|before|once|until|because)\s+"
_CLAUSE_OF = re.compile(rf"{_EVENT_CLAUSE}$", re.I)
_CLAUSE_OF_PRONOUN = re.compile(rf"{_EVENT_CLAUSE}(?:he|she|they)(?=\s)", re.I)
_EVENT_WORD = re.compile(
    r"\s+(?:(?:was|were|is|are|got|gets|had|has|have)\s+)?(?:(?:been|being|be)\s+)?(?:[a-z]{3,}ly\s+)?([a-z]{3,})\b(?![’']t)"
)  # lower case: a capitalised word would be part of the name; not "didn't"
# Words after a name that name no event of it, or so general that an article tells it in other words (stemmed).
_NO_EVENT = frozenset(map(stem, QUESTION_FILLER | STOPWORDS)) | frozenset(
    map(
        stem,
        "both never ever first later still also even only need feel seem try consider expect plan hope decide "
        "see find show know notice hear learn choose pick select".split(),  # what someone saw, learnt or chose is told in many words ("observed", "wanted a partner who")
    )
) | LIGHT_VERBS | FRAME_STEMS
# An event told in the words of its result: "jailed" as "a custodial sentence" (not "prison", which
# a "prison governor" holds).
_TOLD_AS = {stem("jail"): frozenset({stem("custodial"), stem("imprisoned")}), stem("imprison"): frozenset({stem("custodial"), stem("jailed")})}
# A side of a pair of opposites is one event told in other words: "lost" and "conceded".
_SAME_EVENT = {term: frozenset().union(*(side for pair in _OPPOSITE_STEMS for side in pair if term in side)) for term in _ANY_OPPOSITE}


def _events_asked(index: "CorpusIndex", question: str) -> Iterator[tuple[str, frozenset[str], str]]:
    """(name as written, the stems of its words the articles write as names, event word) for
    each event ``question`` takes as given of someone or something it names: ("Superintendent
    David Ostrowski", {"david", "ostrowski"}, "vote"); for "after he was fired", the one name
    written before it (none when two or more are: whose event it is cannot be told)."""
    spans = name_spans(question, index.names)
    for at, (start, end) in enumerate(spans):
        named = question[start:end]
        known = frozenset(stem(name) for name in known_names(named, index.names))
        if not known or named.endswith(("'s", "’s")):
            continue
        asked_of = _EVENT_ASKED_OF.match(question[:start])
        starts = [(end, bool(asked_of.group(1) or asked_of.group(2)))] if asked_of else [(end, False)] if _CLAUSE_OF.search(question[:start]) else []
        if at == 0:  # "he", "she", "they" stand for the only name before them
            next_name = spans[1][0] if len(spans) > 1 else len(question)
            starts += [(clause.end(), False) for clause in _CLAUSE_OF_PRONOUN.finditer(question, end, next_name)]
        for position, after_copula in starts:
            event = _EVENT_WORD.match(question, position)
            if event and not (after_copula and not _PARTICIPLE.search(event.group(1))):
                yield named, known, event.group(1)


# "Why did the newborn tiger cubs die?": a thing named by common nouns after "the", then its event.
# Words in lower case only: a capitalised word makes the thing a name's (``_events_asked``).
_EVENT_OF_THING = re.compile(r"^\W*(?i:why|how come)\s+(?i:did|does|do|would|will)\s+((?:the|this|these|those|its|their)(?:\s+[a-z][a-z’'-]*){2,5})\b")
_MOST_THING_WORDS = 4  # "the newborn tiger cubs"


def _things_asked(index: "CorpusIndex", question: str) -> list[tuple[str, frozenset[str], str]]:
    """Each reading (the thing as written, the stem of its noun, event word) of a "why did the …
    VERB" question of a thing no name names: [("the newborn tiger cubs", {"cub"}, "die")]. Many
    nouns are verbs too ("the old bridge collapse": "bridge" or "collapse"), so each word of the
    phrase that is a verb's, after a word of the articles, gives a reading; a possessive gives
    none ("the cubs' mother": whose?)."""
    found = _EVENT_OF_THING.match(question)
    if not found:
        return []
    article, *rest = found.group(1).split()
    readings = []
    for at in range(1, min(len(rest), _MOST_THING_WORDS + 1)):
        if any("'" in word or "’" in word for word in rest[: at + 1]):
            return []
        noun, event = rest[at - 1], rest[at]
        if len(event) >= 3 and stem(noun) in index.term_idf and is_verb(event):
            readings.append((" ".join([article, *rest[:at]]), frozenset({stem(noun)}), event))
    return readings


NOTE_NAME_CHARS = 60  # longest name a note repeats back (a longer run of capitals is no one's name)


def event_unreported(index: "CorpusIndex", question: str) -> tuple[str, str] | None:
    """(name, event word) for the first event ``question`` takes as given that someone or
    something it names did, or had done to them (``_events_asked``: "why did …", "after he
    was …", "was NAME …"), that no article naming them (with a word of the name the articles write
    as a name) tells near that name: no sentence within ``EVENT_REACH`` of one naming them holds
    the event's word, stemmed ("decision" tells "decided"),
    another form of it (``rag.lexical.verb_forms``: "broke" tells "break", "suits" "sued"), or a
    word of its side of a pair of opposites (``_OPPOSITES``: "conceded" tells "lost"). "who replaced
    alan forsythe after he was fired" of an article saying he "was placed on paid administrative
    leave"; else None. The sentences beside the name are read, not those naming them alone: an
    event is often told in other words beside them ("three dissenting members — Luis Navarro …"
    for "why did Navarro vote against …"), or of them as "he" or "she"; but not the whole
    article, which, when long, tells of others' events too ("sacked" of the manager before the one
    asked about). Words too general to be told the same way
    (``_NO_EVENT``: "think", "become", "decide", "see") are not checked, nor a word neither the articles
    nor an English dictionary know: a typo, not an event, nor a state a thing (no person,
    ``names_a_person``) stays in (``_STATES``)."""
    for named, known, event in _events_asked(index, question):
        if stem(event) in _STATES and not names_a_person(named):
            continue  # "Why did Brookfield Library remain open?": a state, told in other words
        if _told(index, known, event) is False:
            return named, event
    readings = [reading for reading in _things_asked(index, question) if stem(reading[2]) not in _STATES]  # of a thing: only when no reading is told
    if readings and all(_told(index, known, event) is False for _, known, event in readings):
        return readings[-1][0], readings[-1][2]
    return None


# What a thing stays is a state, told in other words: "Why did the payments stay under $5,000?" of
# "kept each payment under …", "Why did Brookfield Library remain open?" (of someone, "Why did Bright
# stay at Kestrel?", an event to be told).
_STATES = frozenset(map(stem, "stay remain continue".split()))
EVENT_REACH = 4  # sentences from one naming someone within which their event is told ("… Luis Navarro …. He voted against …")


def _told(index: "CorpusIndex", known: frozenset[str], event: str) -> bool | None:
    """Whether a sentence within ``EVENT_REACH`` of one with a word of ``known`` tells ``event`` in
    any of its forms (see ``event_unreported``), or any sentence of an article about them (its
    title or opening naming them: "The mayor's resignation takes effect …" paragraphs on); None
    for a word not checked (too general, or a typo)."""
    forms = {stem(form) for form in verb_forms(event)} | {stem(event)}
    if forms & _NO_EVENT or (stem(event) not in index.term_idf and not english_word(event)):
        return None
    told = forms.union(*(_SAME_EVENT.get(form, frozenset()) | _TOLD_AS.get(form, frozenset()) for form in forms))
    told |= _CONTEST if told & _CONTEST else set()  # a contest is told from either side: "Kiprono won … against Alemu" tells his loss
    sentences, terms_of = index.sentences, index.sentence_terms
    naming, telling = (frozenset().union(*(index.documents_with(term) for term in words)) for words in (known, told))
    if any(_about(index, doc_id, known) for doc_id in naming & telling):
        return True  # an article about them tells it, of them as "the mayor" too
    for named in frozenset().union(*(index.term_sentences.get(term, ()) for term in known)):
        doc_id = sentences[named].doc_id
        near = [i for i in range(max(0, named - EVENT_REACH), min(len(sentences), named + EVENT_REACH + 1)) if sentences[i].doc_id == doc_id]
        if any(told & terms_of[i] for i in near) or _told_of_them_after(index, named, told):
            return True
    return False


def _about(index: "CorpusIndex", doc_id: str, known: frozenset[str]) -> bool:
    """Whether article ``doc_id`` is about whom ``known`` (stems of name words) names: its title or
    opening sentences name them."""
    opening = set(terms(index.documents[doc_id].title)).union(*(index.sentence_terms[i] for i in _opening_sentences(index, doc_id)))
    return bool(known & opening)


def _told_of_them_after(index: "CorpusIndex", named: int, told: set[str]) -> bool:
    """Whether a sentence after ``EVENT_REACH`` of sentence ``named``, in a run of sentences each
    telling of "he" or "she" and naming no one else (within ``PRONOUN_REACH``), holds a term of
    ``told``: "Sorensen, 44, grew up in Bergen. She played … She then spent six years … In 2022
    she was sacked by Hammarby …"."""
    sentences = index.sentences
    for i in range(named + 1, min(len(sentences), named + PRONOUN_REACH + 1)):
        text = sentences[i].text
        if sentences[i].doc_id != sentences[named].doc_id or not _PERSON_PRONOUN.search(text) or _names_someone(index, text):
            return False
        if i > named + EVENT_REACH and told & index.sentence_terms[i]:
            return True
    return False


# What tells of an event as wanted, proposed, possible or denied, not as done, within
# ``_UNDONE_REACH`` words before it in its clause: "calling for a global mechanism to pause or
# halt", "urged a temporary pause", "could halt", "aren't calling for a permanent halt"; not "The
# project, proposed by Northcastle, received …" (another clause) nor "In May, …" (the month).
_UNDONE_FRAME = re.compile(
    rf"\b(?:(?:call|ask)(?:s|ed|ing)?\s+for|advocat\w*|urg(?:e|es|ed|ing)|propos\w*|want\w*|seek\w*|option|could|would|might|(?-i:may)|should|whether|if)\b"
    rf"|{NEGATION.pattern}",
    re.IGNORECASE,
)
_UNDONE_REACH = 10
_CLAUSE_MARK = re.compile(r"[,;:()—–]")


def event_only_wanted(index: "CorpusIndex", question: str) -> tuple[str, str] | None:
    """(name, event word) for the first event ``question`` takes as given that someone it names did
    (``_events_asked``) which every sentence holding it, in the articles naming them, tells only as
    wanted, proposed, possible or denied (``_UNDONE_FRAME``): "Why did Anthropic halt development?"
    of articles saying it is "calling for a global mechanism to pause or halt frontier AI
    development" and "aren't calling for a permanent halt"; else None."""
    for named, known, event in _events_asked(index, question):
        forms = {stem(form) for form in verb_forms(event)} | {stem(event)}
        if forms & _NO_EVENT:
            continue
        naming = frozenset().union(*(index.documents_with(term) for term in known))
        telling = [index.sentences[i].text for doc in naming for i in index.document_sentences[doc] if forms & index.sentence_terms[i]]
        if telling and all(_told_as_undone(text, forms) for text in telling):
            return named, event
    return None


def _told_as_undone(text: str, forms: set[str]) -> bool:
    """Whether each word of ``text`` in one of the event's ``forms`` (stems) has a word wanting,
    proposing, allowing or denying it within ``_UNDONE_REACH`` words before it in its clause."""
    found = [match for match in re.finditer(r"[\w’'-]+", text) if stem(match.group().lower()) in forms]
    return bool(found) and all(_UNDONE_FRAME.search(" ".join(_CLAUSE_MARK.split(text[: match.start()])[-1].split()[-_UNDONE_REACH:])) for match in found)


# A question asking what came of an event or when it was done ("What did the May 20 hearing decide?",
# "When was Ruiz's work permit approved?", "the result of the vote"): a word of an outcome or of
# completion after "did", "was" or "were", a participle after "was" or "were" ("When was Brennick
# discharged?"), "in the end"; not who (a person is asked for, whatever the event), nor
# what someone said, planned or expected ("When did Calloway say it will ask regulators?", "When
# was the ward originally due to open?"). "Find"
# only as what an inquiry found ("What did the jury find?"), not of a thing ("How did astronomers
# find the planet?").
_OUTCOME = (
    r"decid\w*|decision|(?:find|found)(?!\s+(?:(?-i:[A-Z])|(?:the|a|an|it|them|him|her|its|their|this|these|those)\b))|findings?|conclud\w*|rul(?:e|ed|ing)|show(?:ed|n)?|reveal\w*|approv\w*|complet\w*|"
    r"finish\w*|end(?:ed)?|happen\w*|tak(?:e|en)\s+place|held|hold|sign(?:ed)?|pass(?:ed)?|vot(?:e|ed)|open(?:ed)?|launch(?:ed)?"
)
_ASKS_DONE = re.compile(
    rf"^\W*(?:(?:so|and|but|then)\s+)?(?:what|when|how|why|where|which)\b.*\b(?:did|was|were)\b.*\b(?:{_OUTCOME})\b"
    r"|^\W*(?:(?:so|and|but|then)\s+)?(?:what|when|how|which)\b.*\b(?:was|were)\s+(?:[\w'’-]+\s+){0,6}?[a-z]+ed\b"
    r"|\b(?:was|were)\s+the\s+(?:result|outcome|verdict)\s+of\b|\bin\s+the\s+end\b",
    re.I,
)
_ASKS_WORDS = re.compile(
    r"\b(?:say|said|says|announc(?:e|es|ed|ing)|tell|told|plan(?:s|ned|ning)?|expect(?:s|ed|ing)?|predict(?:s|ed|ing)?"
    r"|promis(?:e|es|ed|ing)|warn(?:s|ed|ing)?|propos(?:e|es|ed|ing)|intend(?:s|ed|ing)?|tipped|favoured|favored|forecast"
    r"|scheduled|supposed|originally|initially|due\s+to\s+(?:open|close|reopen|start|begin|finish|end|be|launch|arrive|run|take|meet|report|vote|decide|return|resume|complete))\b",  # a plan asked: "When was the ward due to open?", not "closures due to staff shortages"
    re.I,
)
# What tells of an event as still to come: "will vote", "is scheduled for", "was expected to be
# discharged", "is due to", "said it would", "expected fewer than ten", "expects to", "has not yet
# been approved"; "will" in lower case only, not before a name ("Will Lewis signed"); "would" only
# after a word of saying or expecting, not "would have" ("a bridge that would link …" tells nothing
# to come); not "due to the strike" (a cause), "as expected", "better-than-expected".
_TO_COME = re.compile(
    r"\bwill\b(?!\s+[A-Z])"
    r"|\b(?i:said|says|announced|promised|pledged|expected|expects|hoped|hopes|planned|warned|insisted|agreed)\s+(?:[\w'’-]+\s+){0,3}?would\b(?!\s+(?:\w+\s+)?have\b)"
    r"|\b(?i:(?:is|are|was|were)\s+(?:scheduled|expected|planned|due)\b|plans?\s+to\b|not\s+yet\b"
    r"|(?<!-)expect(?:s|ed)?\s+(?:to|fewer|more|about|around|up\s+to|at\s+least|some|no\s+more|\d))"
)
_CLAUSE_BREAK = re.compile(r",(?!\d)|[;:—–]|\s(?:and|but|while|whereas)\s", re.I)  # where one clause of a sentence ends (not in "500,000")


# What was so before a change still to come: "How much did a pass cost before the rise?" is
# answered by "A ten-visit pass will go up from $58 to $64".
_BEFORE_A_CHANGE = re.compile(r"\bbefore\s+(?:the|its|their|this|that)\s+(?:\w+\s+)?(?:rise|increase|cut|change|move|switch|merger|takeover|closure|rebuild|refit|upgrade|revamp)s?\b", re.I)


def told_as_to_come(index: "CorpusIndex", question: str, best: str) -> bool:
    """Whether ``question`` asks what came of an event or when it was done (``_ASKS_DONE``: an
    outcome or completion word after "did", "was" or "were", a participle after "was" or "were"
    ("When was Brennick discharged?"), "in the end"; not a yes/no question nor one asking what
    someone said or planned) and ``best``, the best sentence, tells of it only as still to come:
    each of its clauses that holds one of the question's words (its names and the words that
    frame an answer type aside) tells of it as to come (``_TO_COME``: "will", "said it would", "is
    scheduled", "was expected to", "is due", "plans to", "not yet" …), and none states the
    participle asked as done ("rejected", not "to be discharged"). "What did the May 20 hearing on
    heater safety decide?" of "A public hearing on heater safety standards is scheduled for May
    20"; not "When did the library open?" of "The library opened on Saturday, and the town will
    open a second branch next year", nor what was so before a change to come
    (``_BEFORE_A_CHANGE``: "How much did a pass cost before the rise?")."""
    if not _ASKS_DONE.search(question) or _ASKS_WORDS.search(question) or asks_yes_or_no(question) or _BEFORE_A_CHANGE.search(question):
        return False
    asked = _topic_terms(question, known_names(question, index.names), index.capitalised)
    telling = [clause for clause in _CLAUSE_BREAK.split(best) if asked & set(terms(clause))]
    participles = "|".join(re.escape(word) for word in words(question) if len(word) > 4 and word.endswith("ed"))
    done = re.compile(rf"(?<!\bbe )\b(?:{participles})\b", re.I) if participles else None  # "… and rejected in 2017 on the grounds that it would not …"
    return bool(telling) and all(_TO_COME.search(clause) and not (done and done.search(clause)) for clause in telling)


def _naming(index: "CorpusIndex", doc_id: str, names: frozenset[str]) -> list[str]:
    """The sentences of article ``doc_id`` that hold every one of ``names`` (stemmed), none without names."""
    if not names:
        return []
    return [index.sentences[i].text for i in index.document_sentences[doc_id] if names <= index.sentence_terms[i]]


# What gives the name before it a title: "harold ng become president", "whitfield take over as ceo", "Pruitt, the town's mayor".
_GIVEN_TITLE = r"(?:,?(?:\s+\w+){0,2}?\s+(?:become|became|becomes|becoming|as|is|was|named|appointed|elected)|,)\s+(?:(?:the|a|an|new|[\w-]+(?:'s|’s))\s+)*"
TITLE_REACH = 8  # words on either side of a name in which a sentence may give its title


def _titles_asked(question: str, names: set[str]) -> list[tuple[int, str]]:
    """(title group, name word) for each title ``question`` gives one of ``names`` (``known_names``):
    "nordavia ceo markus lindgren" -> (CEO, "lindgren"), "when did harold ng become president" -> (president, "harold")."""
    name = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    run = rf"(?:{name})\b(?:\s+(?:{name}|\w{{1,2}})\b)*"  # "harold ng": a word of two letters is never a known name
    lowered = question.lower()
    before = [(found.group(1), found.group(2)) for found in re.finditer(rf"\b({TITLE_PATTERN})\s+({run})", lowered)]
    after = [(found.group(2), found.group(1)) for found in re.finditer(rf"\b({run}){_GIVEN_TITLE}({TITLE_PATTERN})(?!\w)", lowered)]
    return [(TITLE_GROUP[title], [word for word in named.split() if word in names][-1]) for title, named in before + after]


def _titles_near(text: str, name: str) -> set[int]:
    """The title groups within ``TITLE_REACH`` words of ``name`` (a lower-case word) in ``text``."""
    tokens = words(text)
    return {
        TITLE_GROUP[title.lower()]
        for at, token in enumerate(tokens)
        if token == name
        for title in TITLE_WORD.findall(" ".join(tokens[max(0, at - TITLE_REACH) : at + TITLE_REACH + 1]))
    }


def title_swapped(index: "CorpusIndex", question: str) -> bool:
    """Whether ``question`` gives someone the articles name a title ("nordavia ceo markus lindgren",
    "when did harold ng become president") and the sentences naming them give them titles, none of
    them that one ("Chief financial officer Dr. Markus Lindgren", "Harold Ng, a mediator")."""
    names = known_names(question, index.names)
    if not names:
        return False
    for group, name in _titles_asked(question, names):
        term = stem(name)
        naming = [text for doc_id in index.documents_with(term) for text in _naming(index, doc_id, frozenset({term}))]
        held = set().union(*(_titles_near(text, name) for text in naming))
        if held and group not in held:
            return True
    return False


MISMATCH_CANDIDATES = 10  # sentences read for one stating a detail asked and another otherwise (``mismatched_details``)


def details_conflict(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"], candidates: int = 3) -> bool:
    """Whether the best sentence states another year, month, weekday, quarter or half-year, currency, rate's period or span of time than
    ``question`` asks, and none of the first ``candidates`` sentences of its article states the
    one asked (``rag.details.conflicting_details``): "What was the revenue in euros?" of an
    article giving it in dollars; or whether one of the first ``MISMATCH_CANDIDATES`` sentences
    states one detail the question asks and another otherwise, none stating them all
    (``rag.details.mismatched_details``): "Why did the 1998 strike last eleven days?" of "… since
    1998, when drivers stayed off the job for six days"; or whether the question counts something
    that one of those sentences counts otherwise and none as asked (``rag.details.miscounted``:
    "close three schools" of "close two schools"), or asks for a list by a count the list found
    does not hold (``rag.lists.list_miscounted``: "What are its five demands?" of three items);
    or whether the question states a figure
    that those sentences state only about something else (``rag.details.misattributed_figure``,
    the question's names aside), or an amount of money that those of them from articles naming
    what the question names state otherwise (``rag.details.changed_amount``: "Why did Harbor
    City pay $60 million for Ruiz?" of "a fee of $42 million"): "What's behind the forecast of $1 trillion in annual revenue?" of
    "… valuing it near $1 trillion"; or whether the best sentence denies what a "why" question
    takes as given (``premise_denied``) or states its opposite, or the sentences of its article
    naming what the question names do (``premise_reversed``); or whether the question gives
    someone a title the articles never give them (``title_swapped``); or whether it asks what came
    of an event the best sentence tells of as still to come (``told_as_to_come``): "What did the
    May 20 hearing decide?" of "… is scheduled for May 20"; or whether it takes as given an event
    of someone it names that the articles tell of only as called for, proposed, possible or denied
    (``event_only_wanted``: "Why did Anthropic halt development?" of "… calling for a global
    mechanism to pause or halt …"), or that no article naming them reports (``event_unreported``);
    or whether it asks about a year no article naming what it names mentions (``year_unmentioned``),
    or for a figure of a year none of the best sentences is told of (``year_told_elsewhere``), or
    of the year before where none of them tells of an earlier time (``last_year_untold``);
    or whether it asks what someone said about what nothing they are told saying mentions
    (``said_nothing_on``), or quotes words no article holds (``quotation_unfound``); or whether
    it asks the name of what the best sentence tells of unnamed (``rag.unnamed.left_unnamed``:
    "Which private equity firm is buying Calderway Guard?" of "… to a private equity firm").
    A question asking to be confirmed or denied (``asks_yes_or_no``) is checked for the event
    alone: a sentence stating a detail otherwise answers it ("Will the plant open in July?" of
    "… will open in September"); one no article tells of does not ("Was Alan Forsythe fired?")."""
    return next(_conflicts(index, question, scored, candidates), None) is not None


# What each kind of detail is called, for the one who asked.
_DETAIL_WORDS = {"weekday": "day", "tally": "tally (of votes or goals)", "rate": "period (a figure per week, month or year)", "quarter": "quarter or half of the year"}
_SPAN_UNITS = ("hours", "days", "weeks", "months", "years")


# A question asking who or which holds what it takes as given, not why: "Which school had the
# lowest score?" is answered by the school told as the lowest; "Why did Kingsmead have the lowest
# score?" takes as given what another sentence tells of another school.
_ASKS_WHICH = re.compile(r"\W*(?:which|who|whom|whose|what)\b", re.IGNORECASE)


def _conflicts(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"], candidates: int = 3) -> Iterator[str]:
    """What the articles state otherwise than ``question`` (``details_conflict``), each as a
    sentence that tells the one who asked ("They state a different year from the question's."),
    checked lazily, in the order ``details_conflict`` names them."""
    if not scored:
        return
    unquoted = quotation_unfound(index, question)
    if unquoted:
        yield f"None of them quotes “{unquoted if len(unquoted) <= NOTE_QUOTATION_CHARS else 'the words the question quotes'}”."
    if asks_yes_or_no(question):
        unreported = event_unreported(index, question)
        if unreported and not _rest_told_of_them(index, question, *unreported, scored[:MISMATCH_CANDIDATES]):
            yield _unreported_note(*unreported)
        return
    best = index.sentences[scored[0].sentence_id]
    offered = " ".join(index.sentences[s.sentence_id].text for s in scored[:candidates] if index.sentences[s.sentence_id].doc_id == best.doc_id)
    for kind in conflicting_details(question, best.text, offered):
        detail = "length of time" if kind in _SPAN_UNITS else _DETAIL_WORDS.get(kind, kind)
        yield f"They state a different {detail} from the question's."
    nearest_ids = [s.sentence_id for s in scored[:MISMATCH_CANDIDATES]]
    nearest = [index.sentences[sid].text for sid in nearest_ids]
    names = frozenset(stem(name) for name in known_names(question, index.names)).union(*name_terms(question).values())
    if mismatched_details(question, nearest, [_article_day(index, index.sentences[sid].doc_id) for sid in nearest_ids]):
        yield "They state the details the question asks about as one fact in different facts."
    if miscounted(question, nearest):
        yield "They state a different number from the question's."
    listed = list_miscounted(index, question, scored)
    if listed:
        yield f"They list {listed}, not the number the question asks for."
    if misattributed_figure(question, nearest, names):
        yield "They give the question's figure for something else."
    naming = frozenset.intersection(*(index.documents_with(name) for name in names)) if names else frozenset()
    if changed_amount(question, [text for sid, text in zip(nearest_ids, nearest) if index.sentences[sid].doc_id in naming]):
        yield "They state a different amount of money from the question's."
    told: list[str] = []
    if _opposite_words_asked(question):  # read only for a question an opposite may reverse
        told = _telling_what_is_asked(index, question, best.doc_id)
        if _ASKS_WHICH.match(question):  # "Which school had the lowest score?" of "… had the highest … Holloway Park had the lowest, at -0.41."
            told += [text for text in (index.sentences[s.sentence_id].text for s in scored[:candidates]) if tells_rank_of_what_is_asked(text, question)]
    if (
        premise_denied(question, best.text)
        or premise_reversed(question, best.text, also_told=told)
        or premise_reversed(question, *_naming_what_is_asked(index, question, best.doc_id, names), names=names, also_told=told)
    ):
        yield "They state the opposite of what the question takes as given."
    if told_the_other_way(question, best.text, [index.sentences[s.sentence_id].text for s in scored[1:candidates]]):
        yield "They tell it the other way round."
    if title_swapped(index, question):
        yield "They give the person it names another title."
    if told_as_to_come(index, question, best.text):
        yield "They tell of it as still to come (planned, scheduled or expected), not as done."
    if event_only_wanted(index, question):
        yield "They tell of it only as called for, proposed, possible or denied, not as done."
    unquoted = speaker_unquoted(index, question)
    if unquoted:
        yield f"None of them reports {unquoted if len(unquoted) <= NOTE_NAME_CHARS else 'whom it asks about'} saying anything."
    silent = said_nothing_on(index, question, frozenset(index.sentences[s.sentence_id].doc_id for s in scored))
    if silent:
        yield f"Nothing they report {silent[0]} saying is about {silent[1]}."
    yield from _event_unreported_note(index, question)
    unmentioned = year_unmentioned(index, question)
    if unmentioned:
        yield _unreported_note(*unmentioned) if unmentioned[0] else f"They never mention “{unmentioned[1]}”."
    elsewhere = year_told_elsewhere(index, question, scored, candidates)
    if elsewhere:
        yield f"They do not give it for {elsewhere}."
    if last_year_untold(index, question, scored, candidates):
        yield "They do not give it for the year before."
    unnamed = left_unnamed(index, question, scored, candidates)
    if unnamed:
        yield f"They tell of the {unnamed} without naming it."


def year_told_elsewhere(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"], candidates: int = 3) -> str | None:
    """The year a question asking for a figure or a date (``SIBLING_KINDS``) pins it to
    (``asked_details``; any of them, for a span) when one of the first ``candidates`` sentences
    states one (``type_match``) and none is told of that year: it mentions the year neither
    itself nor in the sentence it leans on, the sentences before it in its paragraph, its
    article's title, opening or date. "How many members did the pension scheme have in 2017?" of
    "The pension scheme had 212 members when the fraud came to light." in an article mentioning
    2017 only of something else (a sentence of an article not naming every name the question
    names tells of no year for it: "a 2024 study" of a housing site, for a bridge); else None."""
    years = asked_details(question).get("year", set())
    first = [s.sentence_id for s in scored[:candidates]]
    if not years or expected_type(question) not in SIBLING_KINDS or not any(s.type_match for s in scored[:candidates]):
        return None
    naming = articles_naming(index, question)
    if any(_told_of_year(index, sid, year) for sid in first if index.sentences[sid].doc_id in naming for year in years):
        return None
    return min(years)


def _article_day(index: "CorpusIndex", doc_id: str) -> date | None:
    """The day article ``doc_id`` is dated, with its year (``rag.dates.day_named``), or None."""
    dated = index.article_dates.get(doc_id)
    named = day_named(dated.text) if dated else None
    return named[0] if named and named[1] else None


def _told_of_year(index: "CorpusIndex", sid: int, year: str) -> bool:
    """Whether sentence ``sid`` is told of ``year`` (see ``year_told_elsewhere``): its own "last
    year", "this year" or "next year" tell the year before, of or after its article's date, and
    may tell any year in an article with no date; a month it states without a year is of its
    article's year or the year before (``years_of_months``)."""
    doc_id = index.sentences[sid].doc_id
    dated = index.article_dates.get(doc_id)
    context = [sid, *paragraph_before(index, sid), *_opening_sentences(index, doc_id)]
    texts = [index.documents[doc_id].title, dated.text if dated else "", *(index.sentences[i].text for i in context)]
    if year in index.terms_leant_on.get(sid, frozenset()) or any(_mentions_year(text, year) for text in texts):
        return True
    day = _article_day(index, doc_id)
    if day is not None and year in years_of_months(stated_details(index.sentences[sid].text).get("month", set()), day):
        return True  # "… in December", in an article of 8 January 2026, for 2025
    relative = {_RELATIVE_YEARS[found.lower()] for found in _RELATIVE_YEAR.findall(index.sentences[sid].text)}
    article_year = _YEARS.search(dated.text) if dated else None
    return bool(relative) and (article_year is None or int(year) - int(article_year.group()) in relative)


_RELATIVE_YEAR = re.compile(r"\b(last|this|next)\s+year\b", re.I)
_RELATIVE_YEARS = {"last": -1, "this": 0, "next": 1}

# A question pinning a figure to the year before ("How many runners finished last year?", "last
# year's grand final"), and what tells of an earlier time: "last year", "a year earlier", a year,
# a figure set against another ("up from 12,480", "compared with", "from £16 to £17").
_ASKS_LAST_YEAR = re.compile(  # not someone's own last year: "his base salary in his last year"
    r"(?<!\bhis )(?<!\bher )(?<!\bits )(?<!\btheir )(?<!\bmy )(?<!\byour )(?<!\bour )\b(?:last|previous|prior)\s+year(?:['’]s)?\b|\bthe\s+year\s+before\b|\ba\s+year\s+(?:earlier|ago|before)\b",
    re.I,
)
_TELLS_LAST_YEAR = re.compile(
    r"\b(?:last|previous|prior|preceding|past)\s+(?:financial\s+)?year\b|\b(?:previous|past|last)\s+12\s+months\b|\ba\s+year\s+(?:earlier|ago|before)\b|\bthe\s+year\s+before\b", re.I
)
_TELLS_EARLIER = re.compile(
    rf"{_TELLS_LAST_YEAR.pattern}|\b(?:1\d|20)\d\d\b"
    r"|\b(?:up|down|rising|falling|rose|fell|increase[ds]?|decrease[ds]?|rise|fall)\s+from\b|\bcompared\s+(?:with|to)\b|\bfrom\s+[£$€]?\d[\d,.]*\w*\s+(?:\w+\s+)?to\b",
    re.I,
)
_THIS_YEAR = re.compile(r"\b(?:this|next)\s+year\b", re.I)
_COMPARES_YEARS = re.compile(r"\bthan\b|\bthis\s+year\b|\bcompared?\b", re.I)  # "How much more did this year's raise than last year's?"


def last_year_untold(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"], candidates: int = 3) -> bool:
    """Whether ``question`` asks of the year before (``_ASKS_LAST_YEAR``) and the articles answer
    of another: the best sentence tells of this year ("… the per-student grant, which sits at
    $11,840 this year") and not of an earlier time (``_tells_earlier``); or, for a figure or a
    date asked (``SIBLING_KINDS``), the first of the first ``candidates`` stating one
    (``type_match``) tells of none, nor does its article's title or opening tell of the year
    before ("… visitors last year"), nor one of the ``MISMATCH_CANDIDATES`` best of their articles
    on the question's topic ("The number of finishers was up from 3,870 last year."): "How many
    people did St John Ambulance treat at last year's marathon?" of "St John Ambulance said it had
    treated 212 people during the day"."""
    first = scored[:candidates]
    if not first or not _ASKS_LAST_YEAR.search(question) or _COMPARES_YEARS.search(question):
        return False
    best = first[0].sentence_id
    if _THIS_YEAR.search(index.sentences[best].text) and not _tells_earlier(index, best):
        return True
    typed = next((s.sentence_id for s in first if s.type_match), None)
    if typed is None or expected_type(question) not in SIBLING_KINDS:
        return False
    doc_id = index.sentences[typed].doc_id  # an article on last year's figures: "… had a record 412,000 visitors last year"
    opening = [index.documents[doc_id].title, *(index.sentences[i].text for i in _opening_sentences(index, doc_id))]
    if _tells_earlier(index, typed) or any(_TELLS_LAST_YEAR.search(text) for text in opening):
        return False
    topic = set(question_terms(_ASKS_LAST_YEAR.sub(" ", question))) - {stem(name) for name in known_names(question, index.names)} - FRAME_STEMS
    articles = {index.sentences[s.sentence_id].doc_id for s in first}
    nearest = [s.sentence_id for s in scored[:MISMATCH_CANDIDATES] if index.sentences[s.sentence_id].doc_id in articles]  # "The number of finishers was up from 3,870 last year."
    return not any(topic & index.terms_as_quoted[sid] and _tells_earlier(index, sid) for sid in nearest)


def asks_last_year(question: str) -> bool:
    """Whether ``question`` pins what it asks to the year before ("Where did Brennan finish last
    year?", "last year's final"), not comparing it with this year's."""
    return bool(_ASKS_LAST_YEAR.search(question)) and not _COMPARES_YEARS.search(question)


def tells_last_year(sentence: str, dated: str | None = None) -> bool:
    """Whether ``sentence`` tells something of the year before in so many words ("Last year I was
    19th.", "up from 5,940 last year", "a year earlier"), or by its number, the year before that of
    its article's date ``dated`` ("In 2024 the festival raised £41,000" of an article of 2025)."""
    year = _YEARS.search(dated) if dated else None
    return bool(_TELLS_LAST_YEAR.search(sentence)) or (year is not None and re.search(rf"\b{int(year.group()) - 1}\b", sentence) is not None)


def _tells_earlier(index: "CorpusIndex", sid: int) -> bool:
    """Whether sentence ``sid``, or one before it in its paragraph, tells of an earlier time (``_TELLS_EARLIER``)."""
    return any(_TELLS_EARLIER.search(index.sentences[i].text) for i in (sid, *paragraph_before(index, sid)))


def articles_naming(index: "CorpusIndex", question: str) -> frozenset[str]:
    """The articles mentioning every name ``question`` names (``known_names``); all of them when it names none."""
    names = known_names(question, index.names)
    return frozenset.intersection(*(index.documents_with(stem(name)) for name in names)) if names else frozenset(index.documents)


def year_unmentioned(index: "CorpusIndex", question: str) -> tuple[str, str] | None:
    """(what it names, year) for a year ``question`` asks about (``asked_details``) that no article
    naming everything it names (every article, when it names nothing they do) mentions, or None:
    "How many people died in the 1987 Glenmoor flood?" of articles on Glenmoor's floods of 1958 and
    this year. A year counts as mentioned within a word ("FY2024") and as the second of a span
    written short ("2024/25" for 2025), by an article that may tell of the month asked
    without its year (``_may_tell_month_of``) and by one telling a figure of "last year", "this
    year" or "next year" of its date (``_relative_years``). What it names is "" when it names nothing. Not read when
    more than ``YEAR_ARTICLES`` articles would be."""
    years = asked_details(question).get("year", set())
    if not years:
        return None
    naming = articles_naming(index, question)
    if not naming or len(naming) > YEAR_ARTICLES:
        return None
    months = asked_details(question).get("month", set())
    for year in sorted(years):
        if not naming & index.documents_with(year) and not any(
            _mentions_year(index.documents[doc_id].text, year) or _may_tell_month_of(index, doc_id, months, year) or year in _relative_years(index, doc_id)
            for doc_id in naming
        ):
            named = next((question[start:end] for start, end in name_spans(question, index.names) if known_names(question[start:end], index.names)), "")
            return re.sub(r"['’]s$", "", named), year
    return None


def _may_tell_month_of(index: "CorpusIndex", doc_id: str, months: set[str], year: str) -> bool:
    """Whether article ``doc_id`` may tell of one of ``months`` (as numbers) of ``year`` without
    writing the year: dated early in the year after, it tells of last December as "December"."""
    day = _article_day(index, doc_id)
    return day is not None and year in years_of_months(months, day)


def _relative_years(index: "CorpusIndex", doc_id: str) -> set[str]:
    """The years article ``doc_id`` tells a figure of as "last year", "this year" or "next year" of
    the year it is dated (``_FIGURE_OF_RELATIVE_YEAR``): "up from 39,900 in the same period last
    year" in an article of August 2026 tells 2025."""
    day = _article_day(index, doc_id)
    return {str(day.year + _RELATIVE_YEARS[found.lower()]) for found in _FIGURE_OF_RELATIVE_YEAR.findall(index.documents[doc_id].text)} if day else set()


# A figure told of "last year", "this year" or "next year" in its clause: "up from 39,900 in the same
# period last year"; not "the museum, which opened last year, …".
_FIGURE_OF_RELATIVE_YEAR = re.compile(r"\d[^,;:.!?]{0,60}?\b(last|this|next)\s+year\b", re.I)


YEAR_ARTICLES = 200  # articles read for a year, at most: a question naming nothing of a large corpus is not checked


def _mentions_year(text: str, year: str) -> bool:
    """Whether ``text`` mentions ``year`` (four digits), within a word too ("FY2024"), as the
    second year of a span written short ("2024/25", "2024-25" for 2025), or as a count with its
    thousands marked ("1,500" for the question's "the 1500 jobs")."""
    before = str(int(year) - 1)
    grouped = rf"{year[0]}[,.]{year[1:]}"  # "1,500": a count the question wrote without its comma
    return bool(re.search(rf"(?<!\d){year}(?!\d)|(?<!\d){before}\s?[/–-]\s?{year[2:]}(?!\d)|(?<![\d,.]){grouped}(?![\d,])", text))


def _event_unreported_note(index: "CorpusIndex", question: str) -> Iterator[str]:
    """What ``event_unreported`` finds in ``question``, as a sentence for the one who asked."""
    unreported = event_unreported(index, question)
    if unreported:
        yield _unreported_note(*unreported)


def _unreported_note(named: str, event: str) -> str:
    """That what the articles say of ``named`` never mentions ``event``, for the one who asked."""
    return f"What they say of {named if len(named) <= NOTE_NAME_CHARS else 'whom it names'} never mentions “{event}”."


_YEARS = re.compile(r"\b(?:1[89]|20)\d\d\b")
_CALENDAR_STEMS = frozenset(stem(word) for word in CALENDAR_WORDS)


def _rest_told_of_them(index: "CorpusIndex", question: str, named: str, event: str, scored: Sequence["ScoredSentence"]) -> bool:
    """Whether one of the sentences ``scored``, in an article naming ``named``, holds every other
    word of a yes/no ``question`` than the name and its ``event``: it may tell the event in other
    words, and answer yes or no. "Did Vargas pass a medical?" of "Vargas completed a medical …",
    "Did Pruitt ask for a recount?" of "He said he would not seek a recount"; not "Was Alan
    Forsythe fired?", which asks nothing else, nor "Was Vargas arrested in Madrid?" of "Vargas
    flew to Madrid": a name or a day, month or year is no part of the event, only where or when."""
    named_terms = set(terms(named))
    where_or_when = {stem(name) for name in known_names(question, index.names)} | _CALENDAR_STEMS | set(_YEARS.findall(question))
    rest = set(question_terms(question)) - named_terms - {stem(form) for form in verb_forms(event)} - {stem(event)} - where_or_when
    naming = frozenset.intersection(*(index.documents_with(term) for term in named_terms)) if named_terms else frozenset()
    return bool(rest) and any(index.sentences[s.sentence_id].doc_id in naming and rest <= index.terms_as_quoted[s.sentence_id] for s in scored)


NOTE_QUOTATION_CHARS = 80  # longest quotation a note repeats back
# What is left of a word with "n't", "'m" or "'re" (and the words spelling them out), which one
# who quotes from memory writes either way: "we won't back down" of "We will not back down".
_NUMBER_STEMS = frozenset(stem(word) for word in NUMBER_WORDS)  # a number is told either way: not looked for in a quotation
_CONTRACTED = frozenset(map(stem, "won don isn aren wasn weren hasn haven hadn doesn didn can couldn shouldn wouldn mustn ain do am will not".split()))
_ASKED = re.compile(rf"^\W*(?:{QUESTION_WORDS}|{AUXILIARIES})\b", re.IGNORECASE)  # "who said …", "did she call it …"


def quotation_unfound(index: "CorpusIndex", question: str) -> str | None:
    """The first of the words ``question`` quotes (``quotations_in``), two content words or more,
    that no paragraph of the articles holds every content word of, or None: 'Who said "the
    libraries will stay open forever"?' of articles quoting "a false economy" on library closures.
    Words quoted are taken as said; a paraphrase of them is none. Only of a question (opening with
    a question word or an auxiliary, or ending in "?"), not of an instruction quoting words."""
    if not _ASKED.match(question) and not question.rstrip().endswith("?"):
        return None  # an instruction quoting words to say ("… and say 'I have been pwned'."), not a question of them
    for quoted in quotations_in(question):
        wanted = {term for term in terms(quoted) if not term[0].isdigit()} - _CONTRACTED - _NUMBER_STEMS  # "won't" and "will not", "2" and "two" alike
        if len(wanted) < 2:
            continue
        rarest = min(wanted, key=lambda term: len(index.term_sentences.get(term, ())))
        if not any(wanted <= frozenset().union(*(index.terms_as_quoted[i] for i in paragraph)) for paragraph in _paragraphs_with(index, rarest)):
            return quoted
    return None


def _paragraphs_with(index: "CorpusIndex", term: str) -> Iterator[list[int]]:
    """Each paragraph holding a sentence with ``term``, once, read one at a time (a quotation's
    words are looked for until found, not in every paragraph of a common word first)."""
    seen: set[int] = set()
    for sid in sorted(index.term_sentences.get(term, ())):
        if sid not in seen:
            paragraph = _paragraph_of(index, sid)
            seen.update(paragraph)
            yield paragraph


SPEECH_PARAGRAPHS = 3  # paragraphs after the one naming a speaker in which what they said may go on ("She also criticised …")


def said_nothing_on(index: "CorpusIndex", question: str, articles: frozenset[str]) -> tuple[str, str] | None:
    """(who, what) when ``question`` asks what someone the articles quote said about something
    (``topic_of_statement``) that an article quoting them names, but nothing they may be told
    saying there mentions: no word of it in a paragraph naming them (by the last of their names,
    capitalised: not "paid the price" for Owen Price)
    that reports speech or a reaction (``reports_speech``, ``reports_reaction``, by anyone: "Okafor dismissed the idea of
    arbitration. “We have seen …,” she said."), nor in one of the ``SPEECH_PARAGRAPHS`` after it
    that tells of speech or a reaction ("She also criticised the fee rise", "a change the
    councillor said was unavoidable"), up to one naming someone else, nor in the title or opening
    sentences of its article (what they said there is about what it is about). Only the
    ``articles`` given are read (those the question's best sentences come from). "What did Ruth
    Mensah say about parking fees?" of a councillor quoted on library closures, the fees told
    beside her words. So too for one side of a dispute (``rag.sides.side_asked``), in the paragraphs
    giving its words (``rag.sides.said_by_side``): "What did the tenants association say about
    insurance premiums?" of the landlord's words on them. None for anyone else, for someone named
    by a role ("the Nurses' Federation leader": a last word neither capitalised nor a name of the
    articles), for someone no such paragraph names, for a topic their articles never name (the
    question's word for what they spoke of, it may be: "the budget" of library cuts), or for a
    topic of a day, a date or where they said it alone. Someone the articles name only in a list's
    items or a table's rows, none of them telling speech, said nothing on it either ("What has
    Sandra Holt promised about the maternity unit?" of a list of the candidates)."""
    who, topic = speaker_asked(question), topic_of_statement(question)
    if not who or not topic:
        return None
    asked = set(question_terms(topic)) - set(terms(who)) - _CALENDAR_STEMS - set(_YEARS.findall(topic)) - _WHERE_SAID
    named = _WORD_AT.findall(who)
    side = side_asked(question)
    if side is not None:  # "What did the tenants association say about insurance premiums?": the paragraphs giving its words
        naming = [sid for doc_id in articles for sid in index.document_sentences[doc_id] if said_by_side(index, sid, side)]
    elif named:
        last = named[-1]
        surname = last.lower()
        if not (surname in index.names or last[0].isupper()):
            return None  # "the Nurses' Federation leader" is someone of it, whom the paragraphs naming it need not quote
        naming = [sid for sid in index.term_sentences.get(stem(surname), ()) if index.sentences[sid].doc_id in articles and _writes_name(index.sentences[sid].text, surname)]
    else:
        return None  # "What did ... say about the budget?"
    if not asked:
        return None
    paragraphs = {tuple(_paragraph_of(index, sid)) for sid in naming}
    speaking = [paragraph for paragraph in paragraphs if any(_tells_speech(index, i) for i in paragraph)]
    if naming and not speaking and side is None and all(sid in index.leads for sid in naming):  # named only in a list's items or a table's rows
        named_in = {index.sentences[sid].doc_id for sid in naming}  # "What has Sandra Holt promised …?" of a list of the candidates
        return (who, topic) if any(index.documents_with(term) & named_in for term in asked) else None
    their_articles = {index.sentences[paragraph[0]].doc_id for paragraph in speaking}
    if not speaking or not any(index.documents_with(term) & their_articles for term in asked):
        return None  # their articles never name it: the question's word for what they spoke of, not theirs ("the budget" of library cuts)
    for paragraph in speaking:
        doc_id = index.sentences[paragraph[0]].doc_id
        carried = _words_carried_on(index, paragraph[-1], set(words(who))) if side is None else []  # a side's words are each found where they stand
        said = set().union(*(index.terms_as_quoted[i] for i in [*paragraph, *carried]))
        about = set(terms(index.documents[doc_id].title)).union(*(index.terms_as_quoted[i] for i in _opening_sentences(index, doc_id)))
        beyond = {term for term in asked - about if doc_id in index.documents_with(term)}  # "shifts" of "the length of bus drivers' shifts" in a story on a bus strike
        if said & beyond if beyond else asked & (said | about):
            return None
    return who, topic


# Words telling what a speaker is, not who: "a spokesperson", "officials", "the company", and an
# organisation's kind ("the trust", "the council"). One asked by these alone may be quoted under
# any name ("What did the company say?" of "Halbrook said …").
SPEAKER_KINDS = frozenset(
    map(stem, [*ORGANISATION_ENDS, *"spokesperson spokesman spokeswoman spokespeople official officials source sources people staff police officers government minister ministers management union members residents organisers".split()])
)
_AFTER_HEAD = re.compile(r"\s+(?:of|for|at|from|in|on|with)\s.*$", re.I)  # "the principal of the local school": "the principal"


def speaker_unquoted(index: "CorpusIndex", question: str) -> str | None:
    """Who ``question`` asks what they said (``speaker_asked``), as it writes them, when an article
    names them (every word of them but those telling what they are, ``SPEAKER_KINDS``) but no
    sentence of such an article tells them speaking, taking a stand or holding a view by the words
    telling who does (``_holding_views``), nor signs a block quote with them ("— Rosa Delgado,
    county emergency manager"): by a name, any capitalised word of it ("the Jobcentre", "Graham
    Pask"); by what they are, the word naming it ("premier" of "the provincial premier",
    "executive" of "Halbrook's chief executive", "principal" of "the principal of the local
    school"). None for someone asked by what they are alone ("the company", "police"),
    for a group ("care home owners", speaking by whoever speaks for it), or whom no article names."""
    who = speaker_asked(question)
    if who is None:
        return None
    specific = {stem(word) for word in words(who) if word not in STOPWORDS and word not in HONORIFICS} - SPEAKER_KINDS
    if not specific:
        return None
    naming = frozenset.intersection(*(index.documents_with(term) for term in specific))
    written = _WORD_AT.findall(_AFTER_HEAD.sub("", who))
    if not naming or not written:
        return None
    head = written[-1].lower()
    if written[-1][0].islower() and head.endswith("s"):
        return None  # "care home owners", "neighbouring shires": a group, speaking by whoever speaks for it
    named = {stem(word.lower()) for word in written if word[0].isupper() and word.lower() not in HONORIFICS and not is_title(word.lower(), plural=False)}
    if written[-1][0].isupper() and named:  # a name: "Halbrook Foods" may be "Halbrook said …"
        speaker = named
    else:  # what they are ("the Premier"), or whose they are for one speaking for another ("the Anthropic spokesperson")
        speaker = {stem(head)} | (named if stem(head) in SPEAKER_KINDS else set())
    signing = frozenset(index.attributions.values())  # "— Rosa Delgado, county emergency manager" under a block quote
    for doc_id in naming:
        for sid in index.document_sentences[doc_id]:
            if sid in signing and speaker & index.sentence_terms[sid] or speaker & _holding_views(index, sid):
                return None
    return who


# Verbs telling someone's words or views beyond those of saying and reacting ("Dr Reekie explained
# that …", "Ms Lyle believes …"): a speaker told by them is no one the articles never quote.
_VIEWS = re.compile(
    r"\b(?:explain|suggest|conced|believ|think|thought|estimat|describ|predict|point(?:s|ed)? out|reveal|confirm|ask|call|recall|acknowledg|"
    r"insist|argu|stress|emphasi[sz]|add|note|appeal|question|hope|fear|expect|object|apologi[sz]|accept|reject)\w*",
    re.IGNORECASE,
)


def _holding_views(index: "CorpusIndex", sid: int) -> frozenset[str]:
    """The stems of the words telling who speaks or reacts in sentence ``sid`` (``_tells_speech``,
    ``rag.sides.speaker_words``), else of those before a verb telling who holds a view
    (``_VIEWS``: "Police believe …"); empty for a sentence telling neither."""
    if _tells_speech(index, sid):
        return speaker_words(index, sid)
    text = index.sentences[sid].text
    view = _VIEWS.search(text)
    return frozenset(terms(text[: view.start()])) if view else frozenset()


def _tells_speech(index: "CorpusIndex", sid: int) -> bool:
    """Whether sentence ``sid`` reports speech or a reaction (``reports_speech``, ``reports_reaction``)."""
    text = index.sentences[sid].text
    return reports_speech(text) or reports_reaction(text)


def _writes_name(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` (a lower-case word) capitalised, as a name: "Price said …",
    not "paid the price", nor "stranded" for Strand."""
    return any(found.group()[0].isupper() and found.group().lower() == name for found in _WORD_AT.finditer(text))


# Where or how something was said, no topic of it: "on Twitter", "on the radio", "on behalf of".
_WHERE_SAID = frozenset(map(stem, "radio television tv twitter facebook instagram tiktok social media behalf air camera record stage phone podcast".split()))


def _paragraph_of(index: "CorpusIndex", sid: int) -> list[int]:
    """The sentences of ``sid``'s paragraph, in reading order."""
    ids = index.document_sentences[index.sentences[sid].doc_id]
    position = bisect_left(ids, sid)
    end = position
    while end + 1 < len(ids) and index.same_paragraph(ids[end], ids[end + 1]):
        end += 1
    return [*paragraph_before(index, sid), *ids[position : end + 1]]


def _words_carried_on(index: "CorpusIndex", last: int, names: set[str]) -> list[int]:
    """The sentences of the paragraphs, of the ``SPEECH_PARAGRAPHS`` after the one ending with
    sentence ``last``, that tell of speech or a reaction (``reports_speech``, ``reports_reaction``),
    up to one naming someone other than ``names`` (lower-case words): what was said in it may go on
    there ("Asked about the fees, she said …", "She also criticised the fee rise")."""
    ids = index.document_sentences[index.sentences[last].doc_id]
    carried: list[int] = []
    for _ in range(SPEECH_PARAGRAPHS):
        position = bisect_left(ids, last) + 1
        if position >= len(ids):
            break
        paragraph = _paragraph_of(index, ids[position])
        texts = [index.sentences[i].text for i in paragraph]
        if any(_names_someone(index, text) and not names & set(words(text)) for text in texts):
            break
        if any(_tells_speech(index, i) for i in paragraph):
            carried += paragraph
        last = paragraph[-1]
    return carried


def premise_note(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"]) -> str | None:
    """Why the articles do not answer ``question`` when it takes as given what they do not say,
    as a sentence for the one who asked ("They never mention Sam Altman.", "They state a different
    tally (of votes or goals) from the question's."), or None: a name they never mention
    (``names_unknown``) or only a look-alike of (``look_alike_names``: "Great Sowerby" of "Little
    Sowerby"), the other side's words for one side's (``rag.sides.side_note``), or what they state
    otherwise (``details_conflict``)."""
    unknown = [name for name in [*unknown_names(index, question), *look_alike_names(index, question)] if len(name) <= NOTE_NAME_CHARS]
    if unknown:
        return f"They never mention {unknown[0]}."
    return side_note(index, question, scored) or next(_conflicts(index, question, scored), None)


LEAD_SENTENCES = 3  # an article's opening sentences (headings, bylines and datelines aside), which name what it is about
# A place and the adjective made from it name one thing: "Spanish summers" of an article on Spain.
_PLACE_ADJECTIVES = (
    "afghanistan afghan, africa african, albania albanian, algeria algerian, america american, argentina argentine argentinian, "
    "armenia armenian, asia asian, australia australian, austria austrian, bangladesh bangladeshi, belgium belgian, "
    "bolivia bolivian, brazil brazilian, britain british, bulgaria bulgarian, cambodia cambodian, canada canadian, chile chilean, "
    "china chinese, colombia colombian, croatia croatian, cuba cuban, cyprus cypriot, czechia czech, denmark danish, "
    "egypt egyptian, england english, estonia estonian, ethiopia ethiopian, europe european, finland finnish, france french, "
    "georgia georgian, germany german, ghana ghanaian, greece greek, hungary hungarian, iceland icelandic, india indian, "
    "indonesia indonesian, iran iranian, iraq iraqi, ireland irish, israel israeli, italy italian, japan japanese, "
    "jordan jordanian, kenya kenyan, korea korean, latvia latvian, lebanon lebanese, libya libyan, lithuania lithuanian, "
    "malaysia malaysian, mexico mexican, morocco moroccan, nepal nepalese nepali, netherlands dutch, nigeria nigerian, "
    "norway norwegian, pakistan pakistani, peru peruvian, philippines filipino philippine, poland polish, portugal portuguese, "
    "qatar qatari, romania romanian, russia russian, scotland scottish scots, serbia serbian, singapore singaporean, "
    "slovakia slovak, slovenia slovenian, somalia somali, spain spanish, sudan sudanese, sweden swedish, switzerland swiss, "
    "syria syrian, taiwan taiwanese, thailand thai, tunisia tunisian, turkey turkish, ukraine ukrainian, venezuela venezuelan, "
    "vietnam vietnamese, wales welsh, yemen yemeni, zimbabwe zimbabwean"
)
_SAME_PLACE = {word: frozenset(group.split()) for group in _PLACE_ADJECTIVES.split(", ") for word in group.split()}


def _opening_sentences(index: "CorpusIndex", doc_id: str) -> list[int]:
    """The first ``LEAD_SENTENCES`` sentences of an article that are prose (no heading, byline or dateline)."""
    return list(islice((i for i in index.document_sentences[doc_id] if index.sentences[i].kind == "sentence"), LEAD_SENTENCES))


def names_elsewhere(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"]) -> bool:
    """Whether ``question`` names someone or something the articles mention (``known_names``)
    that neither the best sentence and its neighbours (and for a quotation, the sentences before it
    in its paragraph, where who said it is named; so too for a sentence naming it by its kind, "The
    library, built in 1911, …", ``_names_by_its_kind``, or opening with "he", "she", "they" or
    "it", "She warned that the union would ballot …" after "The union Unify … said …") nor the
    title and opening sentences of its article mention, nor the table header or list lead-in it is read under, nor who said it: "Why
    did OpenAI call for a pause?" of a sentence on Anthropic's call, in an article about Anthropic.
    A name the article is about may be missing from the sentence that answers ("the bank cut its
    deposit rate" in an article on the ECB); a place stands for its adjective ("Spain", "Spanish");
    a company its short name ("Northcastle" for "Northcastle Resources", ``_left_off_short_names``);
    the one who wrote an opinion piece is named by its byline where a sentence speaks as "I" ("But
    I don't think a ban is the answer." of "By Rachel Emmerson"); a side of a dispute is no name
    ("What does the defence say …?" where "Civil Defence" makes "defence" a name word,
    ``rag.sides.side_words``); whom "he" or "she" stands for in the sentence, or before a
    quotation in its paragraph ('"…," she said. "The state government needs …"'), is named
    before it (``_named_before``)."""
    if not scored:
        return False
    names = known_names(question, index.names) - side_words(question)
    if not names:
        return False
    best = scored[0].sentence_id
    sentence = index.sentences[best]
    read_under = [*index.read_under(best), *[i for i in (index.attributions.get(best),) if i is not None]]  # a row's header, an answer's question, a quote's speaker
    runs = [words(question[start:end]) for start, end in name_spans(question, index.names)]
    kinds = [kind for _, end in name_spans(question, index.names) if (kind := kind_written_after(question, end))]
    earlier = paragraph_before(index, best) if _QUOTATION.match(sentence.text) or OPENS_WITH_PRONOUN.match(sentence.text) or _names_by_its_kind(sentence.text, runs, kinds) else []
    byline = index.article_bylines.get(sentence.doc_id) if _speaks_as_writer(index, best) else None
    leaning = [sentence.text, *(index.sentences[i].text for i in earlier)]  # '"The state government needs …"' after '"…," she said.'
    named_before = _named_before(index, best, names) if any(_PERSON_PRONOUN.search(text) for text in leaning) else []
    around = {*neighbourhood(index, best), *earlier, *_opening_sentences(index, sentence.doc_id), *read_under, *named_before, *([byline] if byline is not None else [])}
    mentioned = set(words(" ".join([index.documents[sentence.doc_id].title, *(index.sentences[i].text for i in around)])))
    missing = {name for name in names if not _SAME_PLACE.get(name, {name}) & mentioned}
    return bool(missing - _left_off_short_names(runs, mentioned) - _left_off_first_names(index, sentence.doc_id, runs, mentioned))


_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|his|her|hers)\b", re.IGNORECASE)
OPENS_WITH_PRONOUN = re.compile(r"\W*(?:he|she|they|it)\b", re.IGNORECASE)  # "She warned that the union would ballot …": of whom its paragraph names


def _named_before(index: "CorpusIndex", sid: int, names: set[str]) -> list[int]:
    """The sentences before ``sid`` in its article, within ``PRONOUN_REACH``, back to the nearest
    one naming someone (a person ``mentions`` by a name word of the articles; "a neighbour" is
    none) but none of ``names`` (lower-case words), which is left out: where whom its "he" or "she"
    is may be named ("Her record over the season was 12 wins …" paragraphs after "Imelda Sorensen
    replaced Ian Harcourt as manager.", which names another beside her)."""
    ids = index.document_sentences[index.sentences[sid].doc_id]
    position = bisect_left(ids, sid)
    before: list[int] = []
    for i in reversed(ids[max(0, position - PRONOUN_REACH) : position]):
        text = index.sentences[i].text
        if not names & set(words(text)) and _names_someone(index, text):
            break
        before.append(i)
    return before


def _names_someone(index: "CorpusIndex", text: str) -> bool:
    """Whether ``text`` names a person (``mentions``) by a name word of the articles: "Rob Yelland", not "a neighbour"."""
    return any(mention & index.names for mention in mentions(text, "person"))


def _speaks_as_writer(index: "CorpusIndex", sid: int) -> bool:
    """Whether sentence ``sid`` speaks as "I" outside quotation marks in an article that is no
    interview (whose "I" is the one interviewed, not the byline's), not in a block quote nor
    inside a quotation carried on from the sentences before it."""
    sentence = index.sentences[sid]
    text = index.documents[sentence.doc_id].text
    if sum(sentence.text.count(mark) for mark in '"“”') % 2 or quoted_from(index, sid) != sentence.start:
        return False  # a quotation's sentence: '… I learned to read there," she said.'
    if not _FIRST_PERSON.search(_QUOTED_WORDS.sub(" ", sentence.text)) or BLOCK_QUOTE_LINE.match(text, line_start(text, sentence.start)):
        return False
    return not interview_roles(text)


_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b")  # the writer speaking ("I" capitalised only)
_QUOTED_WORDS = re.compile(r"[“\"][^“”\"]*[”\"]")  # someone else's words, quoted


def _names_by_its_kind(text: str, runs: list[list[str]], kinds_after: Sequence[str] = ()) -> bool:
    """Whether ``text`` names one of the question's names (``runs`` of its words) by its kind after
    "the": the last word of an organisation's or place's name ("The library, built in 1911, …"
    after "the Hollis Memorial Library" earlier in its paragraph), or ``kinds_after``, the kinds
    the question writes right after a name (``rag.siblings.kind_written_after``: "The pension
    scheme had 212 members" for "the Kestrel pension scheme")."""
    kinds = {run[-1] for run in runs if len(run) > 1 and run[-1] in ORGANISATION_ENDS} | set(kinds_after)
    return any(re.search(rf"\bthe\s+{re.escape(kind)}\b", text, re.IGNORECASE) for kind in kinds)


def _left_off_short_names(runs: list[list[str]], mentioned: set[str]) -> set[str]:
    """The last words of the company names the question writes in full (``runs`` of its name
    words) whose short names (the rest of their words) are all ``mentioned``: "resources" of
    "Northcastle Resources" where a sentence says "Northcastle CEO Raymond Achebe"."""
    return {run[-1] for run in runs if len(run) > 1 and run[-1] in COMPANY_ENDS and set(run[:-1]) <= mentioned}


def _left_off_first_names(index: "CorpusIndex", doc_id: str, runs: list[list[str]], mentioned: set[str]) -> set[str]:
    """The first words of the full names the question gives (``runs`` of its name words) whose
    last word is ``mentioned`` and which article ``doc_id`` writes in full somewhere: "derek" of
    "Derek Mullins" where a sentence says "Mullins, 61, pleaded guilty …" in an article naming
    "Derek Mullins"; not where it names only another Mullins ("His wife, Karen, wept as Mullins
    …" writes no "Karen Mullins"). So too for a body's name, by its kind ("the trust" of the
    "Evergreen Learning Trust"), where the article names no other body of that kind ("Ashcombe
    District Council" is not told of by "the council" of an article on Otterbury Borough Council's
    election, ``_another_body_of_its_kind``)."""
    text = index.documents[doc_id].text
    left_off: set[str] = set()
    for run in runs:
        if len(run) > 1 and run[-1] in mentioned and not _another_body_of_its_kind(text, run) and re.search(r"\b" + r"[\s-]+".join(map(re.escape, run)) + r"\b", text, re.IGNORECASE):
            left_off.update(run[:-1])
    return left_off


def _another_body_of_its_kind(text: str, run: list[str]) -> bool:
    """Whether ``text`` names a body of the kind that ends the name ``run`` (lower-case words; its
    last one among ``KINDS``: "council") with none of its other words: "Ashcombe District Council"
    beside "Otterbury Borough Council" (``rag.siblings.names_ending_in``); not "On Monday Fenby
    Borough Council" for the Fenby Borough Council, nor "the Labour council leader"."""
    if run[-1] not in KINDS:
        return False
    return any(not set(words(name)) & set(run[:-1]) for name in names_ending_in(text, run[-1]))


# A name of one or two words written after "the" is a place's, a body's or an event's, no person's: "the Tate Riverside", "the Grand Prix".
_THE_NAMED = re.compile(r"\b[Tt]he\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?(?![\w'’.-]|\s+[A-Z])")  # two words at most: "the Labour MP Priya Shah" is a person


def body_swapped(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"]) -> bool:
    """Whether ``question`` asks for a figure or a date (``SIBLING_KINDS``) of something it names
    with its kind ("the Corran Bridge plant", "Millbeck Community Hospital") and the best sentence
    names another of that kind in its place (``rag.siblings.another_of_its_kind_named``): "a second
    plant at Wexley, at a cost of £45 million", "St Aldhelm's, which has 540 beds, is the larger of
    the trust's two hospitals". As ``person_swapped`` for people."""
    return bool(scored) and expected_type(question) in SIBLING_KINDS and another_of_its_kind_named(index, scored[0].sentence_id, question)


# Whom an amount is told for, by group, each group's words alike: households or residents,
# businesses, renters, pensioners, pupils or children. A rise for households is none for businesses.
# Not "firm" or "company", most often the payer ("The firm was ordered to pay £25,000 to Ms Grey's
# relatives"), nor "customer" ("customs") or "shop" (a verb too).
_GROUPS = tuple(
    frozenset(map(stem, group.split()))
    for group in (
        "household resident homeowner ratepayer family families",
        "business businesses trader retailer",
        "renter tenant",
        "pensioner retiree",
        "student pupil child children",
    )
)


_COUNT_ASKED = re.compile(r"\bhow\s+many\b", re.I)


def _groups_named(text: str) -> set[int]:
    """The groups (``_GROUPS``, by position) ``text`` names."""
    said = set(terms(text))
    return {at for at, group in enumerate(_GROUPS) if group & said}


def group_swapped(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"], candidates: int = 3) -> bool:
    """Whether ``question`` asks how much (money or a number, not "how many") for one group of
    people (``_GROUPS``) and the best sentence gives it for another only, none of the first
    ``candidates`` sentences of its article naming the one asked: "How much will water bills rise
    per week for businesses?" of "Households … face a rise of about $4.20 a week". Not a count
    ("How many residents were evacuated?" of "about 300 people from homes and businesses")."""
    if not scored or expected_type(question) not in ("money", "number") or _COUNT_ASKED.search(question) or len(asked := _groups_named(question)) != 1:
        return False
    best = index.sentences[scored[0].sentence_id]
    named = _groups_named(best.text)
    if not named or named & asked:
        return False
    same_article = (index.sentences[s.sentence_id] for s in scored[:candidates])
    return not any(asked & _groups_named(sentence.text) for sentence in same_article if sentence.doc_id == best.doc_id)


# A name and what it has: "Orrin Telecom's headquarters", "Maltby Brands' net debt", "St Bride's A&E".
_POSSESSION = re.compile(r"((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*?)(?:['’]s|(?<=s)['’])\s+((?:[\w&-]+\s+){0,2}[\w&-]+)")


def _possessions(text: str, names: frozenset[str]) -> list[tuple[frozenset[str], frozenset[str]]]:
    """(the name's words, the stems of what it has, up to a small word) for each possession
    ``text`` writes (``_POSSESSION``) by a name of the articles (a word of ``names``: not
    "What's", "It's"): ({"brightwire"}, {"headquart"}) of "Brightwire's headquarters in Tarrow"."""
    found = []
    for match in _POSSESSION.finditer(text):
        had = list(takewhile(lambda word: word not in STOPWORDS, (word.lower().strip("?.,") for word in match[2].split())))
        if (named := frozenset(words(match[1]))) & names and had:
            found.append((named, frozenset(map(stem, had))))
    return found


def possessor_swapped(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"]) -> bool:
    """Whether ``question`` asks of what a name has ("Where is Orrin Telecom's headquarters?",
    ``_POSSESSION``) and the best sentence gives it as another name's, never as the one asked:
    "Orrin said it would keep Brightwire's headquarters in Tarrow", "… more than 300 complaints
    about Ridgeway's A&E" for St Bride's A&E. What it tells is that other's. Only for a figure or a
    date (``SIBLING_KINDS``) or a place: who scored "Alvey's goal" may be told beside "Marsh's first goal"."""
    if not scored or expected_type(question) not in SIBLING_KINDS | {"place"}:
        return False
    told = _possessions(index.sentences[scored[0].sentence_id].text, index.names)
    return any(
        any(had <= its and not name & other for other, its in told) and not any(had <= its and name & other for other, its in told)
        for name, had in _possessions(question, index.names)
    )


# A name and a capitalised word it has, a shop's or a firm's name, no person's: "Brennan's Shoes".
_A_SHOPS_NAME = re.compile(r"\b[A-Z][\w.-]*['’]s\s+(?=[A-Z])")


def person_swapped(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"]) -> bool:
    """Whether ``question`` names people the articles mention, by names of two words or more
    ("Dario Amodei"), and the best sentence names none of their words but another person by name:
    "What did Dario Amodei predict in his London lecture?" of "Jack Clark predicted during a
    London lecture …", where the article names Amodei in the next sentence; or names another of
    the same surname ("How much was Ryan Lydgate ordered to pay?" of "He was sentenced … and
    ordered to pay £6,400" after "Gary Lydgate, 47, … had pleaded guilty"), the sentence a best
    sentence leans on read with it, and the surname not named apart ("Lydgate, whose brother Gary
    Lydgate …" may be Ryan). Not of a question
    asking who: its answer names another person ("Who won the race at the Lakeshore Marathon?"); nor
    of a name written after "the" ("How many visitors does the Tate Riverside expect?", ``_THE_NAMED``),
    nor of a shop's ("Will Brennan's Shoes reopen?" of "Owner Declan Brennan said …", ``_A_SHOPS_NAME``)."""
    if not scored or expected_type(question) == "person":
        return False
    names = known_names(question, index.names)
    people = [person for person in mentions(_A_SHOPS_NAME.sub(" ", _THE_NAMED.sub(" ", question)), "person") if len(person) > 1 and person & names]
    best = scored[0].sentence_id
    told = [index.sentences[i].text for i in (best, best - 1)[: 2 if best in index.terms_leant_on else 1]]  # "He was sentenced …" of the name before
    said, asked = set().union(*map(words, told)), question_words(question)
    named_in = [[mention for mention in mentions(text, "person") if len(mention) > 1] for text in told]  # the best sentence's, then the one it leans on
    another = any(not mention & asked for mention in named_in[0])
    if people and another and not any(person & said for person in people):
        return True
    named = [mention for mentioned in named_in for mention in mentioned]
    told_words = [word for text in told for word in words(text)]

    def named_apart(word: str) -> bool:  # "Lydgate, whose brother Gary Lydgate …": the surname stands alone too
        return told_words.count(word) > sum(word in mention for mention in named)

    return any(_namesake(person, mention) and not person <= said and not any(named_apart(word) for word in person & mention) for person in people for mention in named)


def _namesake(person: frozenset[str], mention: frozenset[str]) -> bool:
    """Whether ``mention`` names another person of the name ``person`` shares a word with, each by
    two words: "Gary Lydgate" of "Ryan Lydgate"; not "Ms Osei" of "Maya Osei", nor "Danielle
    Okafor" of "Ms Okafor" (a title is no other name)."""
    apart = [*(mention - person), *(person - mention)]
    return len(person) == len(mention) == 2 and len(apart) == 2 and not any(is_title(word, plural=False) for word in apart)
