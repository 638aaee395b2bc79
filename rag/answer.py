"""Composing answers made only of exact quotes, merged across sources, or abstaining.

Steps for one question: retrieve passages; score every quotable sentence in the best
passages (meaning, alone and read after the sentence before it or under its table's header
or list's lead-in; coverage of the question's words; passage rank; expected answer type);
pick the best few within a token budget, each quoted with what it cannot be read without
(``rag.spans``: the sentence it leans on, "That threshold ..."; the one it announces; a row's
header, a list's lead-in and later items; the line naming who said a block quote); merge
sentences from other articles that say the same thing into one quote (``rag.corroboration``);
abstain when the answerability score is below the calibrated threshold. A question of who
wrote an article, or what someone wrote, is answered with bylines (``rag.bylines``).
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from itertools import takewhile

import numpy as np

from .answer_types import (
    ORGANISATION_ENDS,
    age_of_another,
    amount_names,
    asks_about_speech,
    asks_change,
    asks_first_told,
    asks_former,
    asks_frequency,
    asks_future_time,
    asks_half_time_score,
    asks_next_step,
    asks_people_count,
    asks_placing,
    asks_present,
    asks_reason,
    asks_statement,
    asks_what_next,
    counted_things,
    counts_of,
    counts_people,
    act_asked,
    event_after_asked,
    expected_type,
    has_type,
    is_role,
    mentions,
    names_another_of_a_series,
    of_another_year,
    other_period_only,
    rate_periods,
    scorer_asked,
    next_topic,
    question_words,
    reports_speech,
    speaker_asked,
    speaks,
    tells_act,
    tells_after,
    tells_an_earlier_time,
    tells_correction,
    tells_former,
    tells_frequency,
    tells_future,
    tells_half_time_score,
    tells_placing,
    tells_reason,
    tells_present,
    tells_time_to_come,
    things_asked,
    topic_of_statement,
    years_asked,
)
from .answerability import AnswerabilityModel
from .dates import dated_later
from .errors import require_type
from .officer_titles import RoleAsked, holder_asked, names_holder
from .lexical import STOPWORDS, as_matched, is_verb, question_terms, stem, terms, verb_forms, words
from .lists import asks_list, count_read_away, is_list_item
from .premises import ASKS_DEATHS, DEATH_WORDS, OPENS_WITH_PRONOUN, SPEAKER_KINDS, articles_naming, asks_closed_type, asks_last_year, paragraph_before, premise_note, tells_last_year
from .ranks import ranks_asked, sentence_tells_ranks
from .sides import said_by_side, side_asked, side_words, speaker_words
from .succession import predecessor_asked, tells_predecessor
from .question import (
    FOLLOW_UP_REACH,
    as_direct,
    asked_after_preamble,
    asked_subject,
    asks_across_articles,
    compared_topic,
    asks_for_more,
    asks_to_go_on,
    check_history,
    check_passage_count,
    clean_question,
    context_of,
    two_parts,
    known_names,
    leans_on_earlier,
    named_subject,
    name_spans,
    name_terms,
    own_part,
    own_topic,
    quotations_in,
    with_names_capitalised,
    with_subject_swapped,
)
from .retrieve import ChunkHit, Retriever
from .writing_systems import main_script, readable_script
from .settings import AnswerSettings
from .bylines import article_asked, asks_author_of, bylines_asked
from .corroboration import details_differ, same_fact
from .details import asks_tally, tells_tally
from .spans import quote_span, quoted_from
from .text import PRONOUN_REACH, count_tokens, row_under_header, stamps_its_line
from .types import Answer, Citation, Quote, StrPath, searched_text

SCORED_POOL = 40  # candidates kept after scoring: quotes, corroborations and features come from these
CORROBORATION_RATIO = 0.75  # of a quote's score, the least a sentence of another article saying the same must have to be cited with it
# A follow-up's own words weigh this many times an earlier question's in the coverage of a
# sentence: "what are the benefits?" after "What are the risks of RSI?" is about benefits.
OWN_WORDS_WEIGHT = 3.0
# A follow-up that asks for more ("tell me more", "why?") favours the sentences within
# NEIGHBOURS of the quotes before it by this much.
NEXT_TO_ANSWER_BONUS = 1.0
NEIGHBOURS = 2
# Verbs too general to be what a part of a question asks about, and particles that may read as verbs ("get … back").
_NO_PART_VERBS = frozenset(map(stem, "get got make take keep come go give have do say back up out off down over away".split()))
PART_REACH = 3  # sentences from the one answering a question's first part within which its second part's answer is looked for
LEANT_ON_CREDIT = 0.5  # a question's word in the sentence a candidate leans on, against one in the candidate itself
REASON_RATIO = 0.4  # of the best sentence's score, the least a sentence of its article giving a reason may have to be quoted after it
PRESENT_RATIO = 0.5  # how far below the best a sentence telling how things stand now may score and come first
# A sentence's meaning is read this much from it together with the sentence before it
# (``CorpusIndex.context_vectors``: "The company says it has observed early signs ..." after
# a sentence naming Anthropic), the rest from it alone: gold must_contain 0.719 -> 0.750 (dev),
# 0.606 -> 0.636 (held-out); SQuAD 2.0 answer in the quotes 0.862 -> 0.866.
CONTEXT_MIX = 0.5
ABSTAIN_TEXT = "The articles don't say. Nothing in them answers this question."
PREMISE_TEXT = "The articles don't say. {note}"  # what they state otherwise than the question takes as given (``premise_note``)
NOTHING_MORE_TEXT = "The articles say nothing more on this than the answers above."  # to "who else?", "tell me more"
# To a follow-up ("who else?", "and when?") with no earlier question that names its topic: the
# first question of a new tab, or one after nothing but follow-ups.
FOLLOW_UP_ALONE_TEXT = (
    "The articles don't say. This reads as a follow-up, but there is no earlier question for it "
    "to follow: ask it again naming what it is about (a person, a company, an event)."
)
UNSIGNED_TEXT = "The articles don't say. None of the articles it could be about names its author."  # "Who wrote the heater article?" of articles with no byline
UNSIGNED_ARTICLE_TEXT = "The articles don't say. The article it reads as asking about, “{title}”, names no author."  # others may: ask of one by its title
# To a question written in a script the articles do not use (a Russian question about English
# articles): the encoder and the word match can only miss it.
OTHER_SCRIPT_TEXT = "The articles don't say. This question is written in {script} and the articles are not: ask it in the language they are written in."




ACROSS_QUOTES = 5  # quotes at most, one an article, for a question of what the articles say
ACROSS_BUDGETS = 2  # answer budgets such a question's quotes may take, and those of a request answered by a list
ACROSS_RATIO = 0.4  # of the best sentence's score, the least another article's quote may have
# The lower-case words right after a name, naming what of it a question asks about: "warehouse
# fire" of "the Carrow warehouse fire?" (``_latest_first``).
_WRITTEN_AFTER_NAME = re.compile(r"(?:\s+(?!(?:and|or|of|in|on|at|to|for|by|is|was|are|were|be|been|has|have|had|will|still|now|after|before|since|with)\b)[a-z][a-z'’-]*){0,3}")
# A question of what someone said about nothing in particular, or about a topic: "What did the
# government say?", "What has the union said about the offer?"; not "What does the manager say he
# was promised?", whose best sentences hold what is asked.
_SAID_ALONE = re.compile(r"^\W*what (?:did|does|do|has|have|had) [^?]+? (?:say|said)(?:\s+(?:about|regarding|concerning|on)\b[^?]*)?\W*$", re.I)


@dataclass(frozen=True)
class ScoredSentence:
    """A candidate sentence with its combined score and the parts of it (kept for inspection: ``centered`` and ``passage`` are read by nothing else)."""

    sentence_id: int
    score: float
    dense: float
    centered: float
    coverage: float
    passage: float
    type_match: bool


@dataclass(eq=False)
class _Chosen:
    """A quote being composed: its best sentence, span, corroborations, and every sentence it holds."""

    candidate: ScoredSentence
    start: int
    end: int
    others: dict[str, ScoredSentence]
    members: list[int]


class Answerer:
    """Answers questions from an index with exact quotes.

    Without ``settings`` it uses the shipped, calibrated ones (``AnswerSettings.load()``);
    to change one knob, pass ``AnswerSettings(max_quotes=1)`` (its defaults are those).

    >>> answerer = Answerer(Retriever.load("index"))
    >>> result = answerer.answer("Who wrote the blog post?")  # doctest: +SKIP
    >>> result.quotes[0].text  # doctest: +SKIP
    """

    def __init__(
        self,
        retriever: Retriever,
        settings: AnswerSettings | None = None,
        answerability: AnswerabilityModel | None = None,
    ) -> None:
        require_type(retriever, Retriever, "retriever", "load one with Retriever.load(index_dir), or use Answerer.load(index_dir)")
        require_type(settings, (AnswerSettings, type(None)), "settings", "AnswerSettings.load() gives the calibrated ones")
        require_type(answerability, (AnswerabilityModel, type(None)), "answerability")
        self.retriever = retriever
        self.index = retriever.index
        self.settings = settings if settings is not None else AnswerSettings.load()
        self.answerability = answerability or AnswerabilityModel.load()
        self._type_cache: dict[tuple[int, str | None], bool] = {}
        self._mentions_cache: dict[tuple[int, str], tuple[frozenset[str], ...]] = {}

    def __repr__(self) -> str:
        return f"Answerer(index={self.index!r}, abstain_threshold={self.settings.abstain_threshold:g})"

    def __reduce__(self) -> tuple:
        """Refuse pickling with what to do instead (its ONNX session and FAISS index cannot be pickled)."""
        raise TypeError("an Answerer cannot be pickled (it holds an ONNX session and a FAISS index); load one in each process with Answerer.load(index_dir)")

    @classmethod
    def load(cls, index_dir: StrPath = "index", *, corpus_dir: StrPath | None = None, settings: AnswerSettings | None = None) -> Answerer:
        """An answerer over the index in ``index_dir``, with ``settings`` (default: the calibrated ones).

        With ``corpus_dir``, refuses an index whose articles changed since it was built.
        """
        return cls(Retriever.load(index_dir, corpus_dir=corpus_dir), settings)

    # -- scoring -----------------------------------------------------------------------
    def _term_weights(self, q_terms: list[str], own_terms: frozenset[str] = frozenset()) -> dict[str, float]:
        """IDF weight of each question term (times ``OWN_WORDS_WEIGHT`` for a follow-up's own terms), normalised to sum to 1.

        Neighbouring question terms that the same sentences hold, two or more of them, share one
        term's weight (the articles write them together): "Harlow Street" or "LP 918-14" is one
        name, which would otherwise outweigh the word asking about it ("what river does the Harlow
        Street bridge go over")."""
        weights = {t: self.index.idf(t) * (OWN_WORDS_WEIGHT if t in own_terms else 1.0) for t in q_terms}
        for run in self._written_together(q_terms):
            for t in run:
                weights[t] /= len(run)
        total = sum(weights.values())
        return {t: w / total for t, w in weights.items()} if total > 0 else {}

    def _written_together(self, q_terms: list[str]) -> list[list[str]]:
        """``q_terms`` in runs of neighbours held by the same sentences, two or more of them."""
        held_by = self.index.term_sentences
        runs: list[list[str]] = []
        for before, term in zip([None, *q_terms], q_terms):
            sentences = held_by.get(term, frozenset())
            if runs and len(sentences) > 1 and sentences == held_by.get(before or ""):
                runs[-1].append(term)
            else:
                runs.append([term])
        return runs

    def _has_type(
        self, sid: int, kind: str | None, asked: frozenset[str], counted: frozenset[str], named: re.Pattern[str] | None, change: bool = False, future: bool = False
    ) -> bool:
        """``has_type`` of sentence ``sid`` for a question of the words ``asked`` counting the things
        ``counted`` (``counted_things``) or asking for an amount by the ``named`` (``amount_names``)
        or how much something changes (``change``, ``asks_change``: a percentage answers too) or
        when something still to come will happen (``future``, ``asks_future_time``: a time only
        past, "yesterday", does not answer, where any candidate gives another; ``score_sentences``),
        the tests that depend on the sentence alone cached. A figure is read in what the sentence
        states (``_stated``: a table row's "4,210" under "Votes" counts votes), a name in its text,
        a person in its text as a quote shows it (``quoted_from``: a quotation's later sentence
        with who said it)."""
        if kind in ("person", "name", "place"):
            if (sid, kind) not in self._mentions_cache:
                sentence = self.index.sentences[sid]
                start = quoted_from(self.index, sid) if kind == "person" else sentence.start  # '"…," Moran said. "A bed …"'
                self._mentions_cache[sid, kind] = mentions(as_matched(self.index.documents[sentence.doc_id].text[start : sentence.end]), kind)
            return any(not mention <= asked for mention in self._mentions_cache[sid, kind])
        if kind == "number" and counted:
            return counts_of(self._stated(sid), counted)
        if kind == "money" and change and has_type(self._stated(sid), "percent"):
            return True
        if kind == "time" and future:
            return tells_time_to_come(self._stated(sid))
        key = (sid, kind)
        if key not in self._type_cache:
            self._type_cache[key] = has_type(self._stated(sid), kind)
        if kind == "money" and named is not None:
            return self._type_cache[key] and bool(named.search(self._stated(sid)))
        return self._type_cache[key]

    def _just_before(self, sid: int) -> str:
        """The text of the ``PRONOUN_REACH`` sentences before ``sid`` in its article, where whom its "his" or "her" is may be named."""
        doc_id = self.index.sentences[sid].doc_id
        return " ".join(self.index.sentences[i].text for i in range(max(0, sid - PRONOUN_REACH), sid) if self.index.sentences[i].doc_id == doc_id)

    def _names_holder(self, ids: np.ndarray, holder: RoleAsked, asked: frozenset[str]) -> np.ndarray:
        """Which sentences ``ids`` may say who holds the role a question of the words ``asked`` asks
        about (``holder``, ``holder_asked``): those naming its holder ("Referee Anthony Taylor …",
        ``names_holder``) where any does, else those naming someone by name, not by a role
        ("customers"), and not telling of the role with no name ("… spoken to by the fourth
        official") nor of another officer ("its chief operating officer, David Shaw"). A holder
        named in an article that never names whose role the question asks about is not theirs.
        Read after ``_has_type`` has read each sentence's people."""
        owners = [self.index.documents_with(stem(word)) for word in holder.owner | holder.about]  # "The trust's chief executive" of a story never naming Wendmoor Water is not its

        def tied(sid: int) -> bool | None:
            named = names_holder(as_matched(self.index.sentences[sid].text), holder)
            return False if named and not all(self.index.sentences[sid].doc_id in owner for owner in owners) else named

        ties = [tied(sid) for sid in ids.tolist()]
        if any(ties):
            return np.fromiter((tie is True for tie in ties), dtype=bool, count=len(ties))
        return np.fromiter(
            (tie is None and any(not mention <= asked and not is_role(mention) for mention in self._mentions_cache[sid, "person"]) for sid, tie in zip(ids.tolist(), ties)),
            dtype=bool,
            count=len(ties),
        )

    def _of_another(self, sid: int, question: str) -> bool:
        """Whether sentence ``sid`` tells of an earlier such event (``tells_an_earlier_time``) or of
        another of a series the question names one of (``names_another_of_a_series``), not the one asked."""
        text = self.index.sentences[sid].text
        return tells_an_earlier_time(text, question) or names_another_of_a_series(text, question)

    def _stated(self, sid: int) -> str:
        """What sentence ``sid`` states, as patterns read it (``as_matched``: "a \ufb01ne" is "a fine"): its
        text, for a table's row each cell with its column's name (``row_under_header``: "Ruth
        Keller Candidate; 4,210 Votes"), for a live blog's entry its text after its time stamp
        ("Updated 10:05 p.m. The committee has approved the tower …")."""
        lead = self.index.leads.get(sid)
        text = as_matched(self.index.sentences[sid].text)
        if lead is None:
            return text
        led = self.index.sentences[lead]
        if stamps_its_line(self.index.documents[led.doc_id].text, led.start, led.end):
            return f"{as_matched(led.text)} {text}"
        return row_under_header(text, as_matched(led.text))

    def _candidates(self, hits: list[ChunkHit]) -> dict[int, float]:
        """Quotable sentence ids in the best chunks, each with its best passage weight."""
        weight: dict[int, float] = {}
        for rank, hit in enumerate(hits[: self.settings.candidate_chunks]):
            for sid in self.index.chunks[hit.chunk_id].sentence_ids:
                if self.index.sentences[sid].quotable:
                    weight.setdefault(sid, 1.0 / (1.0 + rank))
        return weight

    def _ranked_articles(self, hits: list[ChunkHit]) -> Iterator[str]:
        """The articles of the best ``candidate_chunks`` passages, best first (one per passage), as
        they are read: a question that asks for no byline reads none."""
        return (self.index.chunks[hit.chunk_id].doc_id for hit in hits[: self.settings.candidate_chunks])

    def _in_title_only(self, question: str, weights: Iterable[tuple[str, float]], sentence_ids: Iterable[int]) -> np.ndarray:
        """For each sentence, the weight of the question's terms it lacks but its article's title has.

        A news sentence leaves unsaid what its headline says ("The lawsuit was filed … by the
        Conservancy" under "Judge orders Halvorsen Chemical to pay"), so those terms count in part
        in the ranking (``title_credit``); not for a sentence naming someone the question names and
        its title does not, which is about them ("Rival OpenAI declined to comment" under "Anthropic
        calls for a pause" does not say why OpenAI called for one)."""
        terms_of, titles = self.index.terms_as_quoted, self.index.title_terms
        names = {stem(name) for name in known_names(question, self.index.names)}
        weights = list(weights)
        in_title: dict[str, list[tuple[str, float]]] = {}  # per article: the question's terms its title has
        credits = []
        for sid in sentence_ids:
            doc_id = self.index.sentences[sid].doc_id
            if doc_id not in in_title:
                in_title[doc_id] = [(term, w) for term, w in weights if term in titles[doc_id]]
            here = terms_of[sid]
            elsewhere = (names & here) - titles[doc_id]  # it names someone the question asks about and its headline does not
            credits.append(0.0 if not in_title[doc_id] or elsewhere else sum(w for term, w in in_title[doc_id] if term not in here))
        return np.array(credits, dtype=np.float64)

    def score_sentences(
        self, question: str, vector: np.ndarray, hits: list[ChunkHit], own: str | None = None, near: frozenset[int] = frozenset()
    ) -> list[ScoredSentence]:
        """Candidate sentences scored for ``question``, best first (at most ``SCORED_POOL``).

        For a follow-up, ``question`` is the text it is read as, joined to the earlier
        questions, and ``own`` its own words: they set the expected answer type and weigh
        more in the coverage of the question's words. The sentences ``near`` (around the
        answer before a "tell me more") are candidates too, raised by ``NEXT_TO_ANSWER_BONUS``.
        """
        s = self.settings
        candidates = self._candidates(hits)
        for sid in near:
            candidates.setdefault(sid, 0.0)
        if not candidates:
            return []
        ids = np.fromiter(candidates, dtype=np.int64, count=len(candidates))
        passage = np.fromiter(candidates.values(), dtype=np.float64, count=len(candidates))
        dense = self.index.sentence_vectors[ids] @ vector
        centered_question = vector - self.index.sentence_mean
        centered_question /= max(float(np.linalg.norm(centered_question)), 1e-9)
        own_meaning = self.index.centered_sentence_vectors[ids] @ centered_question
        in_context = self.index.centered_context_vectors[ids] @ centered_question
        centered = (1.0 - CONTEXT_MIX) * own_meaning + CONTEXT_MIX * in_context
        weights = self._term_weights(question_terms(question), frozenset(question_terms(own_topic(own))) if own else frozenset()).items()
        sentence_terms = self.index.terms_as_quoted  # a row or item holds its header's or lead-in's words, a block quote who said it, as its quote does
        leant = self.index.terms_leant_on  # "He was sentenced …" tells of the sentence before it, at LEANT_ON_CREDIT
        coverage = np.fromiter(
            (sum(w if term in sentence_terms[sid] else LEANT_ON_CREDIT * w if term in leant.get(sid, ()) else 0.0 for term, w in weights) for sid in candidates),
            dtype=np.float64,
            count=len(ids),
        )
        in_title_only = self._in_title_only(question, weights, candidates)
        kind = expected_type(question, own)
        asked, counted, named = question_words(own or question), counted_things(own or question), amount_names(own or question)
        change, future = asks_change(own or question), asks_future_time(own or question)
        typed = np.fromiter((self._has_type(sid, kind, asked, counted, named, change, future) for sid in ids.tolist()), dtype=bool, count=len(ids))
        if future and not typed.any():  # no time still to come anywhere: "will reopen when repairs are finished, the council said last week" is the answer there is
            typed = np.fromiter((self._has_type(sid, kind, asked, counted, named, change) for sid in ids.tolist()), dtype=bool, count=len(ids))
        another = np.zeros(len(ids), dtype=bool)
        if kind not in ("person", "name", "place"):  # an earlier such event, or another of a series, is not the one asked about
            asked_of = own or question
            another = np.fromiter((self._of_another(sid, asked_of) for sid in ids.tolist()), dtype=bool, count=len(ids))
        if kind:
            typed &= ~another
        successor = predecessor_asked(own or question) if kind == "person" else None
        if successor is not None:  # "Who ran Maltby before Conrad Ashe?": one told as before him
            told = (tells_predecessor(self.index.sentences[sid].text, successor, self._just_before(sid)) for sid in ids.tolist())
            typed &= np.fromiter(told, dtype=bool, count=len(ids))
        elif kind == "person" and (holder := holder_asked(own or question)) is not None:
            typed &= self._names_holder(ids, holder, asked)
        if kind in ("money", "number") and (periods := rate_periods(own or question)):  # "the annual salary": not "£14.85 an hour"
            typed &= np.fromiter((not other_period_only(self._stated(sid), periods, kind) for sid in ids.tolist()), dtype=bool, count=len(ids))
        if kind == "number" and asks_people_count(own or question) and not ASKS_DEATHS.search(own or question):  # "How many people does it employ?": "Fourteen people now work there", not "900 loaves a week" (the dead: below)
            of_people = np.fromiter((counts_people(self._stated(sid)) for sid in ids.tolist()), dtype=bool, count=len(ids))
            if of_people.any():  # where none counts them, a number may count them under a word of its own
                typed &= of_people
        if kind == "number" and ASKS_DEATHS.search(own or question):  # "How many died?": a count of the dead, "No deaths were reported" too, not of the evacuated
            typed &= np.fromiter((bool(DEATH_WORDS & sentence_terms[sid]) for sid in ids.tolist()), dtype=bool, count=len(ids))
        if kind == "age" and (people := name_terms(own or question)):  # "How old is Leo Marsh?": an age told of him, not "The 24-year-old" after Ortiz,
            surnames = {stems[-1] for stems in people.values()}  # nor "Gareth Pennock, 37," of Joanne Pennock
            typed &= np.fromiter(
                (bool(surnames & (sentence_terms[sid] | leant.get(sid, frozenset()))) and not age_of_another(self.index.sentences[sid].text, [words(name) for name in people]) for sid in ids.tolist()),
                dtype=bool,
                count=len(ids),
            )
        if kind in ("time", "clock") and (scorer := scorer_asked(own or question)):
            told_of = np.fromiter((stem(scorer) in sentence_terms[sid] | leant.get(sid, frozenset()) for sid in ids.tolist()), dtype=bool, count=len(ids))
            if (typed & told_of).any():  # "When did Moran score his try?": a time told of Moran, not "Maguire's second try, on 58 minutes"
                typed &= told_of
        ranks = ranks_asked(own or question)
        if kind and ranks:  # "Who was the youngest?": a name told as the youngest
            typed &= np.fromiter((sentence_tells_ranks(self.index, sid, ranks) for sid in ids.tolist()), dtype=bool, count=len(ids))
        wanted = typed if kind else self._untyped_wanted(ids, own or question)
        if asks_former(own or question):  # "… the course record before this year's race?": "The old record of 2:13:05 …" first
            former = np.fromiter((tells_former(self.index.sentences[sid].text) for sid in ids.tolist()), dtype=bool, count=len(ids))
            wanted = former if wanted is None else wanted & former if (wanted & former).any() else wanted
        score = s.w_dense * dense + s.w_centered * centered + s.w_coverage * (coverage + s.title_credit * in_title_only) + s.w_chunk * passage
        if near:
            score += NEXT_TO_ANSWER_BONUS * np.fromiter((sid in near for sid in ids.tolist()), dtype=bool, count=len(ids))
        if wanted is not None:
            score += s.w_type * wanted
            if asks_last_year(own or question):  # "… finish last year?": "Last year I was 19th" above "finished fourth", as a type again
                score += s.w_type * (wanted & self._of_last_year(ids, own or question))
        elif asks_what_next(own or question):  # "What happens next for …?": what is to come, of its topic, as a type
            topic = set(question_terms(next_topic(own or question)))
            score += s.w_type * np.fromiter((tells_future(self.index.sentences[sid].text) and bool(topic & sentence_terms[sid]) for sid in ids.tolist()), dtype=bool, count=len(ids))
        if asks_frequency(own or question):  # "How often will garbage be collected?" (a number, as a type): a sentence telling how often too
            score += s.w_type * np.fromiter((tells_frequency(self.index.sentences[sid].text) for sid in ids.tolist()), dtype=bool, count=len(ids))
        if quoted := [wanted_words for found in quotations_in(own or question) if len(wanted_words := frozenset(terms(found))) > 1]:  # 'Who said "a decision made on a spreadsheet"?': the sentence holding those words, as a type
            score += s.w_type * np.fromiter((any(words_quoted <= sentence_terms[sid] for words_quoted in quoted) for sid in ids.tolist()), dtype=bool, count=len(ids))
        score -= s.w_type * another  # another's: for a typed question, as far below an untyped sentence as a typed one is above it
        if pinned := years_asked(own or question):  # "… in January 2026?": "A year earlier, in January 2025, …" ranks below, though it may state what is asked
            score -= s.w_type * np.fromiter((of_another_year(self.index.sentences[sid].text, pinned) for sid in ids.tolist()), dtype=bool, count=len(ids))
        order = np.lexsort((ids, -score))[:SCORED_POOL]
        return [
            ScoredSentence(int(ids[i]), float(score[i]), float(dense[i]), float(centered[i]), float(coverage[i]), float(passage[i]), bool(typed[i]))
            for i in order
        ]

    def _untyped_wanted(self, ids: np.ndarray, question: str) -> np.ndarray | None:
        """For a question of no answer type, the sentences among ``ids`` telling what it asks in
        other words, ranked as a type would be: a placing ("Where did Brennan finish?": "finished
        fourth"), a score at half-time, a tally ("What was the council vote on …?": "The vote … was
        6-3."), what came after an event ("What happened after the vote?": "After the vote, …");
        None for any other."""
        tells: Callable[[str], bool]
        if asks_placing(question):
            tells = tells_placing
        elif asks_half_time_score(question):
            tells = tells_half_time_score
        elif asks_tally(question):
            tells = tells_tally
        elif event := event_after_asked(question):
            tells = partial(tells_after, event=event)
        elif act := act_asked(question):
            return self._telling_act(ids, *act)
        else:
            return None  # most questions: no sentence is read
        return np.fromiter((tells(self.index.sentences[sid].text) for sid in ids.tolist()), dtype=bool, count=len(ids))

    def _telling_act(self, ids: np.ndarray, who: str, act: str) -> np.ndarray:
        """Which sentences among ``ids`` tell of ``act`` (``tells_act``: "She promised that …") told
        of ``who``, in an article naming every word of them: a word of them (but those of the
        article's title, their last word aside) in the sentence, in its paragraph before it ("The
        union Unify … said it would fight the closure. … She warned that …"), or among the words
        telling who speaks, "she" standing for the one named before (``rag.sides.speaker_words``);
        or opening with a pronoun after a paragraph telling of one by what they are
        (``SPEAKER_KINDS``: "It blamed rising energy costs" after "The company said …")."""
        words_of_who = frozenset(question_terms(who))
        naming = frozenset.intersection(*(self.index.documents_with(term) for term in words_of_who)) if words_of_who else frozenset()
        # in each article naming them, their words but those of its title, their last word aside: not "Harnley" of a story on Harnley Bridge
        written = words(who)
        head = frozenset(question_terms(written[-1])) if written else frozenset()
        telling = {doc_id: (words_of_who - set(terms(self.index.documents[doc_id].title))) | head or words_of_who for doc_id in naming}
        sentences, quoted = self.index.sentences, self.index.terms_as_quoted

        def told(sid: int) -> bool:
            text = sentences[sid].text
            named = telling.get(sentences[sid].doc_id)
            if named is None or not tells_act(text, act):
                return False
            before = set().union(*(quoted[i] for i in paragraph_before(self.index, sid)))
            if named & (quoted[sid] | before) or (reports_speech(text) and named & speaker_words(self.index, sid)):
                return True
            return bool(OPENS_WITH_PRONOUN.match(text) and SPEAKER_KINDS & before)  # "It blamed …" after "The company said …"

        return np.fromiter((told(sid) for sid in ids.tolist()), dtype=bool, count=len(ids))

    def _of_last_year(self, ids: np.ndarray, question: str) -> np.ndarray:
        """Which sentences among ``ids`` tell something of the year before their article's date
        (``tells_last_year``), in an article naming every name ``question`` names."""
        naming = articles_naming(self.index, question)
        dates = self.index.article_dates

        def told(sid: int) -> bool:
            doc_id = self.index.sentences[sid].doc_id
            dated = dates.get(doc_id)
            return doc_id in naming and tells_last_year(self.index.sentences[sid].text, dated.text if dated else None)

        return np.fromiter((told(sid) for sid in ids.tolist()), dtype=bool, count=len(ids))

    def _naming(self, scored: list[ScoredSentence], follow_up: str, read_with: tuple[str, ...]) -> list[ScoredSentence]:
        """For a follow-up made of a name that the questions it is read with lack ("what about
        Natarajan?" after "How much goes to roads?"), the ``scored`` sentences that name it, or
        whose article's title does ("Councillors approved the rise by 48 votes to 34." of an
        article headed "Bradford council approves tax rise", for "And Bradford?"): it asks about
        that name, which the words of the question before would outweigh. All of ``scored`` for
        any other follow-up, a name the articles lack, or when none names it."""
        subject = named_subject(follow_up, self.index.names)
        terms = frozenset(question_terms(subject)) if subject else frozenset()
        if not terms or terms & set(question_terms(searched_text(read_with, ""))) or not terms <= self.index.term_idf.keys():
            return scored
        sentences, titled = self.index.sentences, self.index.title_terms
        return [s for s in scored if terms <= self.index.sentence_terms[s.sentence_id] or terms <= titled.get(sentences[s.sentence_id].doc_id, frozenset())] or scored

    def _close_to_best(self, scored: list[ScoredSentence]) -> int:
        """How many of the leading ``scored`` sentences (best first) score within ``second_quote_ratio`` of the best."""
        least = self.settings.second_quote_ratio * (scored[0].score if scored else 0.0)
        return sum(1 for _ in takewhile(lambda candidate: candidate.score >= least, scored))

    def _each_part_quoted(self, query: str, vector: np.ndarray, hits: list[ChunkHit], parts: tuple[str, str], scored: list[ScoredSentence]) -> list[ScoredSentence]:
        """``scored`` with a sentence answering each of the two things a question asks
        (``two_parts``) right after the first, where the first does not answer it
        (``_answers_part``): the best for the first part, scored on its own, and the best for the
        second (scored as a follow-up's own words are) among the sentences within ``PART_REACH``
        of the first part's answer in its article. "How many people does Bright Meadow employ, and
        for how long has Northstar pledged to keep the jobs?" is answered by "Northstar has pledged
        to keep all of those jobs for at least 18 months …" and "The creamery employs 142 people."."""
        best = scored[0]
        ranked = (self.score_sentences(parts[0], vector, hits), self.score_sentences(query, vector, hits, own=parts[1]))
        first = next((c for c in [best, *ranked[0][:1]] if self._answers_part(c.sentence_id, parts[0], ranked[0])), best)
        sentences = self.index.sentences
        second = None
        if not any(self._answers_part(c.sentence_id, parts[1], ranked[1]) for c in (best, first)):
            near = (c for c in ranked[1] if 0 < abs(c.sentence_id - first.sentence_id) <= PART_REACH and sentences[c.sentence_id].doc_id == sentences[first.sentence_id].doc_id)
            second = next((c for c in near if self._answers_part(c.sentence_id, parts[1], ranked[1])), None)
        added = {c.sentence_id: c for c in (first, second) if c is not None and c.sentence_id != best.sentence_id}
        floor = self.settings.second_quote_ratio * best.score
        lifted = [replace(c, score=max(c.score, floor)) for c in added.values()]  # quoted, however far the whole question ranks them
        return [best, *lifted, *(c for c in scored[1:] if c.sentence_id not in added)]

    def _answers_part(self, sid: int, part: str, ranked: list[ScoredSentence]) -> bool:
        """Whether sentence ``sid`` answers ``part`` of a question, as ``ranked`` for it scores it:
        it holds a word of the part (or the sentence it leans on does) and, where the part asks for
        a type of answer ("by how many votes?"), states one; where it asks none ("was the sale
        approved?"), a form of its verb, when it has one of its own ("get" is none: "will it get
        the money back?" of "… the money would be recovered")."""
        scored = next((c for c in ranked if c.sentence_id == sid), None)
        told = self.index.terms_as_quoted[sid] | self.index.terms_leant_on.get(sid, frozenset())
        asked = set(question_terms(own_topic(part)))
        typed = expected_type(part) is not None
        if not typed:
            done = {stem(form) for word in words(part) if stem(word) in asked - _NO_PART_VERBS and is_verb(word) for form in verb_forms(word)}
            asked = done or asked
        return scored is not None and (not typed or scored.type_match) and bool(asked & told)

    def _reason_next(self, question: str, scored: list[ScoredSentence]) -> list[ScoredSentence]:
        """``scored`` with the best sentence giving a reason in so many words (``tells_reason``)
        right after the best one, where the best gives none: of those scoring within
        ``second_quote_ratio`` of the best, or, in the best one's article and sharing a word of
        ``question`` that is not one of its names, within ``REASON_RATIO`` (quoted, then, however
        far below the best it ranks). "Why were the nine stores chosen for closure?" is answered by
        the sentence most like it and by "… said the stores had been chosen for two main reasons:
        they were losing money, …", before other sentences like it ("… as it struggles with rising
        costs"); "Why is the post office counter closing?" by "The post office counter will close
        at the end of April" and "… the counter was no longer viable following a steep fall …", not
        by another story of its article ("The school's nativity play, postponed after an outbreak of
        chickenpox" for "Why was Larkfield Primary School closed?")."""
        best = scored[0]
        floor, least = self.settings.second_quote_ratio * best.score, REASON_RATIO * best.score
        doc_id = self.index.sentences[best.sentence_id].doc_id
        event = set(question_terms(question)).difference(*name_terms(question).values())

        def within_reach(candidate: ScoredSentence) -> bool:
            sid = candidate.sentence_id
            return candidate.score >= floor or (self.index.sentences[sid].doc_id == doc_id and bool(event & self.index.terms_as_quoted[sid]))

        reached = takewhile(lambda candidate: candidate.score >= least, scored)
        giving = next((position for position, candidate in enumerate(reached) if within_reach(candidate) and tells_reason(self.index.sentences[candidate.sentence_id].text)), None)
        if not giving:
            return scored
        return [best, replace(scored[giving], score=max(scored[giving].score, floor)), *scored[1:giving], *scored[giving + 1 :]]

    def _best_list_item(self, scored: list[ScoredSentence]) -> int | None:
        """The position in ``scored`` of the best item of a list (a sentence under a lead-in ending
        in a colon, ``CorpusIndex.leads``) scoring within ``second_quote_ratio`` of the best
        sentence, or None. A request to list things is answered by the list."""
        for position, candidate in enumerate(scored[: self._close_to_best(scored)]):
            if is_list_item(self.index, candidate.sentence_id):
                return position
        return None

    def _statements_first(self, question: str, scored: list[ScoredSentence]) -> list[ScoredSentence]:
        """``scored`` with the sentences reporting speech (``reports_speech``) by a name the question
        asks about (by anyone, when it names none) first, of those scoring within
        ``second_quote_ratio`` of the best: a question of what someone said is answered by what they
        said. When none of those reports the person it asks about by a name of two words or more
        (``speaker_asked``) saying something (``speaks``: by the last of their names), the
        sentences further down that do come first:
        "What did Linda Voss say?" of "Voss said …", which names her less fully than
        "Councilmembers Raj Patel and Linda Voss cast the two dissenting votes". Of those, a side's
        words come first for a question of what it said (``rag.sides.said_by_side``: "What did the
        union say?" of "Dawn Pickering, the union's regional organiser, said …"), and those further
        down when none of them gives its words and it asks what the side said alone or about a topic
        they name (``_SAID_ALONE``): "What did the government say?" of "The Health Secretary, Tom
        Vasey, said …", a sentence far from the question's meaning."""
        asked_names = known_names(question, self.index.names) - side_words(question)  # "the defence" is no name, though "Civil Defence" is one
        names = {stem(name) for name in asked_names}
        speaker = [word for word in words(speaker_asked(question) or "") if word in asked_names]
        close = self._close_to_best(scored)

        def said_by_them(candidate: ScoredSentence) -> bool:
            sid = candidate.sentence_id
            return reports_speech(self.index.sentences[sid].text) and (not names or bool(names & self.index.terms_as_quoted[sid]))

        first = [candidate for candidate in scored[:close] if said_by_them(candidate)]
        side = side_asked(question)
        if side is not None:  # "What did the union say?": the union's words first, from further down where none is close
            first.sort(key=lambda candidate: not said_by_side(self.index, candidate.sentence_id, side))
            if (not first or not said_by_side(self.index, first[0].sentence_id, side)) and _SAID_ALONE.match(question):
                topic = frozenset(question_terms(topic_of_statement(question) or ""))  # of the topic asked, if any
                naming = [
                    candidate
                    for candidate in scored
                    if said_by_side(self.index, candidate.sentence_id, side) and (not topic or topic & self.index.sentence_terms[candidate.sentence_id])
                ]
                first = naming + [candidate for candidate in first if candidate not in naming]
        if len(speaker) > 1 and not any(speaks(self.index.sentences[candidate.sentence_id].text, speaker[-1]) for candidate in first):
            first = [candidate for candidate in scored if speaks(self.index.sentences[candidate.sentence_id].text, speaker[-1])] or first
        chosen = {candidate.sentence_id for candidate in first}
        return first + [candidate for candidate in scored if candidate.sentence_id not in chosen]

    def _subject_first(self, question: str, scored: list[ScoredSentence]) -> list[ScoredSentence]:
        """``scored`` with the best sentence naming what a yes/no question asks about first, when
        the best one does not: by the rarest term of its subject (``asked_subject``) the articles
        hold. "Were customer passwords stolen in the Northgate hack?" is answered by "… and
        passwords were not taken", not by the best match, "hackers had stolen personal information
        belonging to … customers". A person's first name does not count ("Derek" of "Derek
        Mullins", whom the answer may call "Mullins": ``_name_as_written``)."""
        runs = [question[start:end] for start, end in name_spans(question, self.index.names)]
        first_names = {stem(word) for run in runs for word in set(words(run)) - set(words(_name_as_written(run)))}
        held = [term for term in asked_subject(question) if term in self.index.term_idf and term not in first_names]
        if not held:
            return scored
        rarest = max(held, key=self.index.idf)
        naming = next((i for i, candidate in enumerate(scored) if rarest in self.index.terms_as_quoted[candidate.sentence_id]), 0)
        return [scored[naming], *scored[:naming], *scored[naming + 1 :]]

    def _present_first(self, question: str, scored: list[ScoredSentence]) -> list[ScoredSentence]:
        """``scored`` with the best sentence of the best one's article that tells how things stand
        now (``tells_present``) first, when the best does not and it scores within
        ``PRESENT_RATIO`` of it (of the answer type asked, when the best is), and either comes
        right after it or holds every word of ``question`` that the best holds: "Corvane now keeps
        a parts depot …, and the wait has fallen to about two days." after "In the robots' first
        two years, a broken drive wheel could take three weeks to replace."; not "Waits for knee
        replacements have fallen to 18 weeks." for a question of hip replacements."""
        if not scored or tells_present(self.index.sentences[scored[0].sentence_id].text):
            return scored
        best = scored[0]
        doc_id = self.index.sentences[best.sentence_id].doc_id
        held = set(question_terms(question)) & self.index.terms_as_quoted[best.sentence_id]
        for position, candidate in enumerate(scored[1:], start=1):
            sid = candidate.sentence_id
            if candidate.score < PRESENT_RATIO * best.score:
                break
            follows = sid == best.sentence_id + 1 or held <= self.index.terms_as_quoted[sid]
            if self.index.sentences[sid].doc_id == doc_id and follows and (candidate.type_match or not best.type_match) and tells_present(self.index.sentences[sid].text):
                return [candidate, *scored[:position], *scored[position + 1 :]]
        return scored

    def _latest_first(self, question: str, scored: list[ScoredSentence]) -> list[ScoredSentence]:
        """``scored`` with a sentence of an article dated after the best one's first, when the best
        states the type asked and it does too, scores within ``PRESENT_RATIO`` of it, stands in an
        article naming every name ``question`` names, and tells what a later report updates: the
        dead, for a count of the dead (``ASKS_DEATHS``), or anything, for a question of how things
        stand now (``asks_present``: "Is the boil-water notice still in force?" of "… has been
        lifted" after "… has been issued"), or a correction of the earlier telling, for any
        question of a type (``tells_correction``: "The crash happened at about 6.25am, not 6.40am as
        first stated"). The latest of them comes first, the earlier telling
        after it: "How many people died in the Carrow warehouse fire?" of "The death toll from
        Saturday's warehouse blaze in Carrow has risen to 19" (Thursday) before "Twelve people
        died in a fire at a furniture warehouse in Carrow" (Monday); not "How many staff were
        working overnight when the fire broke out?", which no later report updates, nor a
        question naming nothing, whose story could be another's; nor another story of the place
        named, whose sentence and title lack a word the question writes right after a name
        (``_story_terms``: "Three people died in a crash on the Carrow bypass" has no "warehouse
        fire")."""
        deaths, present = bool(ASKS_DEATHS.search(question)), asks_present(question)
        if not scored or not known_names(question, self.index.names) or not scored[0].type_match:
            return scored
        best = scored[0]
        naming = articles_naming(self.index, question)
        story = {stem(word) for _, end in name_spans(question, self.index.names) for word in _written_after(question, end)}  # "warehouse fire"

        def updates(sid: int) -> bool:
            return present or (deaths and bool(DEATH_WORDS & self.index.terms_as_quoted[sid])) or corrects(sid)

        def corrects(sid: int) -> bool:
            return tells_correction(self.index.sentences[sid].text)

        def of_the_story(sid: int) -> bool:  # a correction, of any word of it: "The crash happened at about 6.25am, not 6.40am" of "the A481 lorry crash"
            told = self._story_terms(sid)
            return story <= told or (corrects(sid) and bool(story & told))

        later = [
            position
            for position, candidate in enumerate(scored[1:], start=1)
            if candidate.type_match
            and candidate.score >= PRESENT_RATIO * best.score
            and updates(candidate.sentence_id)
            and self.index.sentences[candidate.sentence_id].doc_id in naming
            and of_the_story(candidate.sentence_id)
            and self._dated_later(candidate.sentence_id, best.sentence_id)
        ]
        if not later:
            return scored
        latest = later[0]
        for position in later[1:]:
            if self._dated_later(scored[position].sentence_id, scored[latest].sentence_id):
                latest = position
        return [scored[latest], *scored[:latest], *scored[latest + 1 :]]

    def _quote_whole(self, sid: int, score: float) -> Quote:
        """Sentence ``sid`` quoted as it stands, scored ``score``."""
        sentence = self.index.sentences[sid]
        return Quote(sentence.text, sentence.doc_id, sentence.start, sentence.end, score, self.index.documents[sentence.doc_id].title)

    def _sentences_in(self, quotes: tuple[Quote, ...]) -> frozenset[int]:
        """The ids of the sentences that ``quotes`` (and their corroborations) hold."""
        spans = [(q.doc_id, q.start, q.end) for q in quotes] + [(c.doc_id, c.start, c.end) for q in quotes for c in q.corroborations]
        held: set[int] = set()
        for doc_id, start, end in spans:
            held.update(i for i in self.index.document_sentences[doc_id] if self.index.sentences[i].start < end and start < self.index.sentences[i].end)
        return frozenset(held)

    def _around(self, sentence_ids: frozenset[int]) -> frozenset[int]:
        """The quotable sentences within ``NEIGHBOURS`` of ``sentence_ids``, in their articles."""
        near: set[int] = set()
        for sid in sentence_ids:
            ids = self.index.document_sentences[self.index.sentences[sid].doc_id]
            position = bisect_left(ids, sid)
            near.update(ids[max(0, position - NEIGHBOURS) : position + NEIGHBOURS + 1])
        return frozenset(i for i in near - sentence_ids if self.index.sentences[i].quotable)

    # -- composing ---------------------------------------------------------------------
    def _same_fact(self, sid: int, other_sid: int, similarity: float) -> bool:
        """``same_fact`` of sentences ``sid`` and ``other_sid``, their vectors' cosine ``similarity``."""
        sentence, other = self.index.sentences[sid], self.index.sentences[other_sid]
        return same_fact(sentence.text, other.text, similarity, self.settings.corroboration_similarity, sentence.doc_id != other.doc_id)

    def _corroborations(self, chosen: ScoredSentence, pool: list[ScoredSentence], used: set[int]) -> dict[str, ScoredSentence]:
        """Per other article, the sentence of ``pool`` that says what ``chosen`` says."""
        doc = self.index.sentences[chosen.sentence_id].doc_id
        pool_ids = np.fromiter((o.sentence_id for o in pool), dtype=np.int64, count=len(pool))
        similar = self.index.sentence_vectors[pool_ids] @ self.index.sentence_vectors[chosen.sentence_id]
        found: dict[str, ScoredSentence] = {}
        for other, similarity in zip(pool, similar.tolist()):
            if other.score < CORROBORATION_RATIO * chosen.score or other.sentence_id in used:
                continue
            other_doc = self.index.sentences[other.sentence_id].doc_id
            if other_doc != doc and other_doc not in found and self._same_fact(chosen.sentence_id, other.sentence_id, similarity):
                found[other_doc] = other
        return found

    def _counterpart(self, chosen: ScoredSentence, pool: list[ScoredSentence], used: set[int]) -> ScoredSentence | None:
        """The sentence of ``pool`` in which another article tells what ``chosen`` tells with a detail of
        its own (``details_differ``): "Fourteen people were killed …" for "At least 12 people were
        killed …". Close in meaning as a corroboration must be, and as relevant; None when no article does."""
        sentence = self.index.sentences[chosen.sentence_id]
        vectors = self.index.sentence_vectors
        for other in pool:
            other_sentence = self.index.sentences[other.sentence_id]
            if (
                other.sentence_id not in used
                and other_sentence.doc_id != sentence.doc_id
                and other.score >= CORROBORATION_RATIO * chosen.score
                and float(vectors[other.sentence_id] @ vectors[chosen.sentence_id]) >= self.settings.corroboration_similarity
                and details_differ(sentence.text, other_sentence.text)
            ):
                return other
        return None

    def _story_terms(self, sid: int) -> frozenset[str]:
        """The terms of sentence ``sid``, those it leans on and those of its article's title: what
        story it tells ("The death toll from Saturday's warehouse blaze" under "Carrow fire death
        toll rises")."""
        doc_id = self.index.sentences[sid].doc_id
        return self.index.terms_as_quoted[sid] | self.index.terms_leant_on.get(sid, frozenset()) | self.index.title_terms[doc_id]

    def _dated_later(self, sid: int, other_sid: int) -> bool:
        """Whether sentence ``sid``'s article is dated after sentence ``other_sid``'s (``rag.dates.dated_later``)."""
        dates = self.index.article_dates
        this, other = (dates.get(self.index.sentences[i].doc_id) for i in (sid, other_sid))
        return this is not None and other is not None and dated_later(this.text, other.text)

    def _quote(self, chosen: ScoredSentence, start: int, end: int, others: dict[str, ScoredSentence]) -> Quote:
        doc = self.index.documents[self.index.sentences[chosen.sentence_id].doc_id]
        citations = tuple(
            Citation(s.doc_id, s.start, s.end, s.text) for s in (self.index.sentences[o.sentence_id] for o in others.values())
        )
        return Quote(
            text=doc.text[start:end],
            doc_id=doc.doc_id,
            start=start,
            end=end,
            score=chosen.score,
            title=doc.title,
            also_in=tuple(c.doc_id for c in citations),
            corroborations=citations,
        )

    def _articles_cited(self, chosen: list[_Chosen]) -> set[str]:
        """The articles the quotes ``chosen`` so far cite: each quote's own and its corroborations'."""
        return {doc for entry in chosen for doc in (self.index.sentences[entry.candidate.sentence_id].doc_id, *entry.others)}

    def _overlaps(self, entry: _Chosen, sid: int, start: int, end: int) -> bool:
        """Whether the span ``start:end`` (of sentence ``sid``'s article) shares text with the chosen quote ``entry``."""
        same_doc = self.index.sentences[entry.candidate.sentence_id].doc_id == self.index.sentences[sid].doc_id
        return same_doc and entry.start < end and start < entry.end

    def _articles_naming(self, question: str, scored: list[ScoredSentence]) -> frozenset[str] | None:
        """The articles that mention a name ``question`` writes capitalised (``_name_as_written``: by
        its last word, so "Duarte" counts for "Tiago Duarte", written as a name: "Pennine Gallery"
        is not named by "the public gallery", nor, being a gallery's name, by "the National
        Gallery"; not an acronym such as "RSI", which an article may spell out), when the best
        sentence's article is one of them; None (any article) otherwise. Further quotes come only
        from these: "How much will Duarte earn?" is not padded with a factory's wages from an
        article with no Duarte in it."""
        last_words = {_name_as_written(name) for name in name_terms(question) if not name.isupper()}
        if not last_words or not scored:
            return None
        alternatives = "|".join(re.escape(word).replace("'", "['’]").replace(r"\ ", r"\s+") for word in sorted(last_words))
        written = re.compile(rf"\b(?:{alternatives})\b")  # as a name is: capitalised, not "the public gallery"
        named = frozenset(doc for doc in {self.index.sentences[s.sentence_id].doc_id for s in scored} if written.search(self.index.documents[doc].text))
        return named if self.index.sentences[scored[0].sentence_id].doc_id in named else None

    def compose(
        self,
        scored: list[ScoredSentence],
        said: frozenset[int] = frozenset(),
        only_from: frozenset[str] | None = None,
        across: bool = False,
        listed: bool = False,
        typed: bool = False,
        speech: bool = False,
        things: frozenset[str] = frozenset(),
        next_step: bool = False,
    ) -> list[Quote]:
        """Pick quotes from scored sentences: best first, within the budget, merged across articles.

        A candidate that says what an already chosen quote says is not quoted again: when
        it comes from another article it is added to that quote's corroborations. One that
        shares a sentence with a chosen quote (a sentence quoted with the one it leans on)
        widens that quote instead, so no two quotes overlap. No quote takes in a sentence of
        ``said`` (what the answers before a "why?" quoted). With ``only_from``, a quote after
        the first comes only from those articles (any article may still corroborate one). With
        ``across`` (a question of what the articles say, ``asks_across_articles``), each article
        gives at most one quote, up to ``ACROSS_QUOTES`` of them within ``ACROSS_BUDGETS`` budgets.
        With ``listed`` (a request to list things, answered first by a list), the quotes may take
        ``ACROSS_BUDGETS`` budgets too, so that the list leaves room for what else answers.
        With ``typed`` (a question asking for an amount, a number, a date or another of the
        ``CLOSED_TYPES``), the first candidate stating the type is quoted even over what is left
        of the budget when no quote so far states one. With ``speech`` (a question of what someone
        said, ``asks_about_speech``), a quote telling that someone spoke goes on to their words.
        With ``things`` (what the question asks to have named, ``things_asked``), a quote counting
        them goes on to the sentences naming them ("Members attached four main conditions …").
        With ``next_step`` (a question of what comes next, ``asks_next_step``), the first quote goes
        on to the sentence after it ("First, engineers will take core samples …" to "Second, a load
        assessment will be completed by the end of January.").
        A quote that another article tells with a detail of its own ("At least 12 people were
        killed" where it says "Fourteen") is followed by that article's account (``_counterpart``),
        so that the answer shows both.
        """
        s = self.settings
        chosen: list[_Chosen] = []
        used: set[int] = set()
        budget = s.token_budget * (ACROSS_BUDGETS if across or listed else 1)
        most = max(ACROSS_QUOTES, s.max_quotes) if across else s.max_quotes
        best = scored[0].score if scored else 0.0
        vectors = self.index.sentence_vectors
        queue = list(scored)
        counterparts: set[int] = set()  # sentences queued as another article's account of a chosen quote
        while queue:
            candidate = queue.pop(0)
            sid = candidate.sentence_id
            if sid in used:
                continue
            if chosen and sid not in counterparts and candidate.score < (ACROSS_RATIO if across else s.second_quote_ratio) * best:
                break
            duplicate_of = next(
                (entry for entry in chosen if any(self._same_fact(m, sid, float(vectors[m] @ vectors[sid])) for m in entry.members)), None
            )
            if duplicate_of is not None:
                used.add(sid)
                doc = self.index.sentences[sid].doc_id
                if doc != self.index.sentences[duplicate_of.candidate.sentence_id].doc_id:
                    duplicate_of.others.setdefault(doc, candidate)
                continue
            if chosen and only_from is not None and self.index.sentences[sid].doc_id not in only_from:
                continue
            if across and self.index.sentences[sid].doc_id in self._articles_cited(chosen):
                continue
            start, end = quote_span(
                self.index, sid, self.settings.token_budget, said, budget if chosen else None, speech=speech, things=things, goes_on=next_step and not chosen
            )
            text = self.index.documents[self.index.sentences[sid].doc_id].text
            overlapping = [entry for entry in chosen if self._overlaps(entry, sid, start, end)]
            if overlapping:  # it shares a sentence with quotes (one, or two it bridges): widen them into one
                kept, merged = overlapping[0], overlapping[1:]
                wider = min(start, *(e.start for e in overlapping)), max(end, *(e.end for e in overlapping))
                cost = count_tokens(text[wider[0] : wider[1]]) - sum(count_tokens(text[e.start : e.end]) for e in overlapping)
                used.add(sid)
                if cost <= budget:
                    budget -= cost
                    kept.start, kept.end = wider
                    kept.members.append(sid)
                    for entry in merged:
                        kept.members += entry.members
                        for doc, other in entry.others.items():
                            kept.others.setdefault(doc, other)
                    chosen = [entry for entry in chosen if entry not in merged]
                continue
            if len(chosen) >= most:
                break
            cost = count_tokens(text[start:end])
            if chosen and cost > budget and not (typed and candidate.type_match and not any(entry.candidate.type_match for entry in chosen)):
                continue  # over the budget, unless it is the first to state the type a closed question asks for
            others = self._corroborations(candidate, scored, used)
            used.add(sid)
            used.update(o.sentence_id for o in others.values())
            budget -= cost
            chosen.append(_Chosen(candidate, start, end, others, [sid]))
            counterpart = self._counterpart(candidate, scored, used)
            if counterpart is not None:
                counterparts.add(counterpart.sentence_id)
                queue.insert(0, counterpart)
        return [self._quote(entry.candidate, entry.start, entry.end, entry.others) for entry in chosen]

    def answer(self, question: str, *, history: Sequence[str] | None = None, k: int | None = None) -> Answer:
        """Answer ``question`` with exact quotes, or abstain.

        ``history`` holds the earlier questions of the conversation, oldest first (None, or a
        list, tuple or other sequence of strings); a follow-up is read together with the
        question it follows. Earlier questions that could not be asked themselves (empty, too
        long) are passed over, as the chat's own refused questions are.
        ``k`` is how many passages come back in ``Answer.passages`` (default: the settings'
        ``passages``); it does not change the answer: quotes are chosen from the best
        ``candidate_chunks`` passages whatever ``k`` is, so a quote may lie outside ``passages``.
        Raises QuestionError for an unusable question, ``history`` or ``k``.
        """
        count = self.settings.passages if k is None else check_passage_count(k)
        return self._reply(question, check_history(history), count)[0]

    def _abstention_text(
        self, question: str, context: tuple[str, ...], nothing_more: bool, read_as: str, scored: list[ScoredSentence], unsigned: str | None
    ) -> str:
        """Why there is no answer: nothing more than was said (``nothing_more``: a "why?" or "who else?"
        of an answered question finds nothing new), a question in a script the articles
        do not use, no earlier question to follow (``context`` is what it was read with), a premise
        the articles do not bear out (``premise_note`` of ``read_as``, the question as searched,
        and its best sentences ``scored``), a question of who wrote an article that no byline
        answers (``unsigned``: the title of the article it asks about, "" when none holds its
        topic; None for any other question), or nothing at all."""
        if nothing_more:
            return NOTHING_MORE_TEXT
        script = main_script(question)
        if script is not None and script not in self.index.scripts:
            return OTHER_SCRIPT_TEXT.format(script=readable_script(script))
        if not context and leans_on_earlier(question, self.index.names):
            return FOLLOW_UP_ALONE_TEXT
        note = premise_note(self.index, read_as, scored)
        if note:
            return PREMISE_TEXT.format(note=note)
        if unsigned is None:
            return ABSTAIN_TEXT
        return UNSIGNED_ARTICLE_TEXT.format(title=unsigned) if unsigned else UNSIGNED_TEXT

    def _with_swaps_asked(self, context: tuple[str, ...]) -> tuple[str, ...]:
        """``context`` (a question, then the follow-ups after it) with each follow-up that was
        asked as another question in place of what it followed, as it was answered: "and
        OpenAI?" after "What did Sacks say?" was "What did OpenAI say?", and "and Anthropic?"
        after it "What did Anthropic say?", so "why?" then follows that, not Sacks."""
        asked = context[:1]
        for turn in context[1:]:
            instead = with_subject_swapped(turn, asked, self.index.names)  # None unless ``asked`` is one question
            asked = (instead,) if instead else (*asked, turn)
        return asked

    def _earlier_reply(self, turns: tuple[str, ...], count: int, replies: dict) -> tuple[Answer, frozenset[int]]:
        """``_reply`` to the last of ``turns`` asked after the others, worked out once per answer."""
        key = (turns[-1], turns[:-1][-FOLLOW_UP_REACH:])
        if key not in replies:
            replies[key] = self._reply(*key, count, replies)
        return replies[key]

    def _reply(self, question: str, earlier: tuple[str, ...], count: int, replies: dict | None = None) -> tuple[Answer, frozenset[int]]:
        """``answer``, with the ids of the sentences said so far: those it quotes, and for a
        follow-up that asks for more, those said in reply to the turns before it (which it never
        quotes again). ``replies`` holds the replies to earlier turns worked out so far."""
        started = time.perf_counter()
        text = clean_question(question)
        asked = asked_after_preamble(text)  # "I still cannot find it. Who criticised …?": the question asked
        across = asks_across_articles(asked)  # what each article says: a quote an article
        asked = compared_topic(asked) or asked  # "Do the reports agree on the turnout?": the turnout is what is asked about
        read_as = self.retriever.read(asked)
        context = tuple(self.retriever.read(turn) for turn in context_of(asked, earlier, self.index.names))  # each with its typos read away
        context = self._with_swaps_asked(context)
        swapped = with_subject_swapped(read_as, context, self.index.names)  # "and Anthropic?" after "What did OpenAI say?"
        read_as = swapped or read_as
        shown = read_as  # the question as read, shown when it is not as typed
        read_as = as_direct(with_names_capitalised(read_as, self.index.names), self.index.names)  # "tell me why x was cleared": "why was X cleared"
        read_with = () if swapped else context  # a swapped question is asked instead of the one before, not with it
        query = searched_text(read_with, read_as)  # BM25's words; Answer.searched shows the question as read, before as_direct
        vector = self.retriever.encode(searched_text(read_with, shown))  # its meaning as typed; its words and kind read directly
        encoded = time.perf_counter()
        hits = self.retriever.rank_chunks(query, vector)
        passages = tuple(self.retriever.passages(hits, count))
        retrieved = time.perf_counter()
        said_before: frozenset[int] = frozenset()
        before: Answer | None = None
        if context and asks_for_more(asked):  # "why?", "who else?": not what was said, what is around it
            replies = {} if replies is None else replies
            said = [self._earlier_reply(earlier[:i], count, replies) for i in range(max(1, len(earlier) - FOLLOW_UP_REACH + 1), len(earlier) + 1)]
            before, said_before = said[-1][0], frozenset().union(*(ids for _, ids in said))
            near = self._around(self._sentences_in(before.quotes))
            scored = [s for s in self.score_sentences(query, vector, hits, own_part(read_as), near) if s.sentence_id not in said_before]
        elif read_with:
            scored = self._naming(self.score_sentences(query, vector, hits, own=own_part(read_as)), read_as, read_with)
        else:
            scored = self.score_sentences(query, vector, hits)
        listed = self._best_list_item(scored) if asks_list(read_as) else None  # a list of the things asked for, by its best item
        judged, judged_as = query, read_as
        if listed is not None:  # "What are its three demands?" of three items: "three" is no figure to find
            judged, judged_as = (count_read_away(self.index, text, scored[listed].sentence_id) for text in (query, read_as))
        answerability = self.answerability.score(self.index, judged, scored, hits, self.settings, asked=judged_as)
        if before is not None and asks_to_go_on(asked) and not before.abstained:  # "tell me more" of an answered question: as answerable as it
            answerability = max(answerability, before.answerability)
        abstained = not scored or answerability < self.settings.abstain_threshold or (not context and asks_to_go_on(asked))  # "tell me more" of nothing
        item = None if abstained else listed
        if item is not None:  # "List the main terms of …": the list, quoted from its lead-in, comes first
            scored = [scored[item], *scored[:item], *scored[item + 1 :]]
        elif not abstained and asks_statement(read_as):  # "What did Pruitt say?": what he said comes first
            scored = self._statements_first(read_as, scored)
        elif not abstained and asks_reason(read_as):  # "Why were the stores chosen?": a sentence giving a reason comes next
            scored = self._reason_next(read_as, scored)
        elif not abstained and not across:  # "Were passwords stolen?": a sentence of passwords comes first
            scored = self._subject_first(read_as, scored)
        if not abstained and item is None and (asks_closed_type(query, read_as) or asks_present(read_as) or expected_type(read_as)) and not asks_first_told(read_as):  # told again days later: its latest telling first
            scored = self._latest_first(read_as, scored)
        if not abstained and item is None and asks_present(read_as):  # "How long does it take now?": the figure since the change first
            scored = self._present_first(read_as, scored)
        if not abstained and item is None and (parts := two_parts(read_as)) is not None:  # "…, and by how many votes?": what answers each part, next
            scored = self._each_part_quoted(query, vector, hits, parts, scored)
        quotes = () if abstained else tuple(
            self.compose(
                scored, said_before, self._articles_naming(read_as, scored), across, item is not None, asks_closed_type(query, read_as), asks_about_speech(read_as), things_asked(read_as), asks_next_step(read_as)
            )
        )
        bylines = () if read_with else bylines_asked(self.index, read_as, self._ranked_articles(hits), self.settings.max_quotes)
        if bylines:  # who wrote it, or what they wrote: the bylines first, then what else answers
            best = max((q.score for q in quotes), default=1.0)  # first, so scored as the best
            written = tuple(self._quote_whole(sid, best) for sid in bylines)
            quotes = (*written, *(q for q in quotes if (q.doc_id, q.start) not in {(w.doc_id, w.start) for w in written}))[: self.settings.max_quotes]
            answerability = 1.0  # a byline says who wrote it: answered at any threshold, rag eval's sweep included
        unsigned = None  # for a question of who wrote an article that names none: the title of the one it asks about, or ""
        if not read_with and not bylines and asks_author_of(read_as):  # only a byline says who wrote an article, not a person it quotes
            piece = article_asked(self.index, read_as, self._ranked_articles(hits))
            unsigned = "" if piece is None else self.index.documents[piece].title
            quotes, answerability = (), 0.0  # abstained at any threshold, rag eval's sweep included
        abstained = (abstained and not bylines) or not quotes
        quotes = tuple(replace(quote, dated=self.index.article_dates.get(quote.doc_id)) for quote in quotes)  # what "on Thursday" counts from
        done = time.perf_counter()
        answer = Answer(
            question=text,
            abstained=abstained,
            answer=self._abstention_text(asked, context, before is not None and not before.abstained, read_as, scored, unsigned) if abstained else format_quotes(quotes),
            quotes=quotes,
            passages=passages,
            answerability=answerability,
            read_as=shown if shown != text else None,
            read_with=read_with,
            timings_ms={
                "encode": 1000 * (encoded - started),
                "retrieve": 1000 * (retrieved - encoded),
                "compose": 1000 * (done - retrieved),
                "total": 1000 * (done - started),
            },
        )
        return answer, said_before | self._sentences_in(quotes)


def _written_after(question: str, end: int) -> list[str]:
    """The lower-case words right after a name ending at ``end`` of ``question`` (``_WRITTEN_AFTER_NAME``):
    ["warehouse", "fire"] of "… in the Carrow warehouse fire?"."""
    found = _WRITTEN_AFTER_NAME.match(question, end)
    return found.group().split() if found else []


def _name_as_written(name: str) -> str:
    """What of ``name`` an article must write to name it: its last word that is no stop word ("Tiago
    Duarte" -> "Duarte", which an article may write alone), or the whole name when that word could end
    any organisation's or place's name ("Pennine Gallery", not "the National Gallery")."""
    found = [word.replace("’", "'") for word in re.findall(r"\w[\w’'-]*", name) if word.lower() not in STOPWORDS] or [name]
    return " ".join(found) if len(found) > 1 and found[-1].lower() in ORGANISATION_ENDS else found[-1]


_QUOTATION_PAIRS = (("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"))
_DOUBLE_MARKS = ("“", "”", '"', "„")


def in_quotation_marks(text: str) -> str:
    """``text`` between quotation marks: curly double ones, unless it already is one quotation
    of its own (an article's line “Like this”, which would otherwise show as ““Like this””),
    or single ones when it holds double ones itself (‘He said “soon.”’, never “… “soon.””)."""
    inner = text[1:-1]
    for opening, closing in _QUOTATION_PAIRS:
        if len(text) > 2 and text[0] == opening and text[-1] == closing and opening not in inner and closing not in inner:
            return text
    if any(mark in text for mark in _DOUBLE_MARKS):
        return f"‘{text}’"
    return f"“{text}”"


def dated_note(quote: Quote) -> str:
    """What follows a quote's article where it is cited: ", dated Wednesday 27 November 2024" as
    the article dates itself (``Quote.dated``), or nothing for an undated one."""
    return f", dated {quote.dated.text}" if quote.dated is not None else ""


def format_quotes(quotes: tuple[Quote, ...] | list[Quote]) -> str:
    """The answer as text: each quote in quotation marks followed by its sources."""
    lines = []
    for quote in quotes:
        sources = ", ".join((quote.doc_id, *quote.also_in))
        lines.append(f"{in_quotation_marks(quote.text)} [{sources}]")
    return "\n".join(lines)
