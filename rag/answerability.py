"""How likely it is that the retrieved sentences answer the question (0..1).

A logistic model over a handful of retrieval and sentence features. Its weights are
learned on SQuAD 2.0 (`python -m eval.train_answerability`, split by article title) and
shipped as ``answerability.json``; the abstention threshold itself is an
``AnswerSettings`` value calibrated on the gold set's dev split.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from .answer_types import CLOSED_TYPES, expected_type, mentions, question_words
from .details import conflicting_details, misattributed_figure, mismatched_details
from .errors import SettingsError
from .lexical import STOPWORDS, question_terms, stem, terms, words
from .question import asks_yes_or_no, known_names, name_terms, own_part
from .settings import read_json_file
from .types import StrPath

if TYPE_CHECKING:
    from .answer import ScoredSentence
    from .settings import AnswerSettings
    from .index import CorpusIndex
    from .retrieve import ChunkHit

WEIGHTS_FILE = Path(__file__).with_name("answerability.json")
FEATURES = (
    "best_score",  # combined score of the best sentence
    "best_dense",  # highest question-sentence cosine among the candidates
    "best_coverage",  # highest IDF-weighted share of the question's terms in one candidate
    "top_sentence_coverage",  # that share for the best sentence
    "top_chunk_dense",  # question-passage cosine of the first passage
    "unknown_terms",  # IDF-weighted share of the question's terms found nowhere in the corpus
    "type_unmet",  # an expected answer type (person, time, number, place) absent from the top 3
    "n_terms",  # number of question terms, capped at 10, /10
    "window_coverage",  # IDF-weighted share of question terms in the best sentence and its neighbours
    "missing_terms",  # question terms absent from the best sentence, capped at 4, /4
    "missing_name",  # a capitalised question word (a name) absent from the best sentence's neighbourhood
    "missing_number",  # a number in the question absent from the best sentence
    "missing_contrast",  # a comparative/direction/order word of the question absent from the best sentence
    "negated_question",  # the question has a negation ("not", "never", "n't", ...)
)
# Hand-set starting weights, replaced by the learned ones in answerability.json.
_DEFAULT_BIAS = -4.0
_DEFAULT_WEIGHTS = {"best_score": 3.0, "best_dense": 2.0, "best_coverage": 2.0, "top_sentence_coverage": 1.0,
                    "top_chunk_dense": 1.0, "unknown_terms": -4.0, "type_unmet": -1.0}
# SQuAD 2.0's unanswerable questions, like a user's false premise, are often a real
# sentence with one detail changed: a name, a number, a comparison, a negation.
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds "
    "thousand thousands million millions billion billions first second third fourth fifth half twice double".split()
)
_CONTRAST_WORDS = frozenset(
    "more less most least fewer greater larger smaller largest smallest biggest highest lowest higher lower longest "
    "shortest longer shorter oldest newest earliest latest early late earlier later first last before after increase "
    "increased increasing decrease decreased decreasing rise fall rose fell gain loss won lost win lose major minor "
    "eastern western northern southern east west north south upper inner outer positive negative same different "
    "similar opposite maximum minimum best worst only never always all none every both neither either".split()
)
_NEGATIONS = frozenset("not never no none nor neither without nothing cannot".split())
_CAPITALISED = re.compile(r"(?<=\s)[A-Z][\w'’-]*")
_CONTRACTED_NOT = re.compile(r"n[’']t\b", re.I)


def _neighbourhood(index: "CorpusIndex", sentence_id: int) -> list[int]:
    """The sentence and its neighbours on each side within its article."""
    ids = index.document_sentences[index.sentences[sentence_id].doc_id]
    position = bisect_left(ids, sentence_id)
    return ids[max(0, position - 1) : position + 2]


def _detail_features(index: "CorpusIndex", question: str, q_terms: list[str], sentence_id: int) -> dict[str, float]:
    """Which of the question's details the best sentence (and its neighbours) lacks."""
    near = _neighbourhood(index, sentence_id)
    near_terms = frozenset().union(*(index.sentence_terms[i] for i in near))
    total_idf = sum(index.idf(t) for t in q_terms) or 1.0
    sentence_words = set(words(index.sentences[sentence_id].text))
    near_words = set(words(" ".join(index.sentences[i].text for i in near)))
    question_words = words(question)
    names = {w.lower() for w in _CAPITALISED.findall(question)}
    return {
        "window_coverage": sum(index.idf(t) for t in q_terms if t in near_terms) / total_idf if q_terms else 0.0,
        "missing_terms": min(sum(t not in index.sentence_terms[sentence_id] for t in q_terms), 4) / 4.0,
        "missing_name": float(any(not set(words(name)) <= near_words for name in names if name not in STOPWORDS)),
        "missing_number": float(any((w in _NUMBER_WORDS or w[0].isdigit()) and w not in sentence_words for w in question_words)),
        "missing_contrast": float(any(w in _CONTRAST_WORDS and w not in sentence_words for w in question_words)),
    }


def features(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"], hits: Sequence["ChunkHit"]) -> dict[str, float]:
    """The answerability features of one question against its candidate sentences (see FEATURES)."""
    q_terms = question_terms(question)
    total_idf = sum(index.idf(t) for t in q_terms) or 1.0
    unknown = sum(index.idf(t) for t in q_terms if t not in index.term_idf) / total_idf if q_terms else 1.0
    top = scored[:3]
    nothing_found = {"window_coverage": 0.0, "missing_terms": 1.0, "missing_name": 0.0, "missing_number": 0.0, "missing_contrast": 0.0}
    return {
        "best_score": scored[0].score if scored else 0.0,
        "best_dense": max((s.dense for s in scored), default=0.0),
        "best_coverage": max((s.coverage for s in scored), default=0.0),
        "top_sentence_coverage": scored[0].coverage if scored else 0.0,
        "top_chunk_dense": hits[0].dense if hits else 0.0,
        "unknown_terms": unknown,
        "type_unmet": float(bool(top) and not any(s.type_match for s in top)),  # type_match is True when no type is expected
        "n_terms": min(len(q_terms), 10) / 10.0,
        **(_detail_features(index, question, q_terms, scored[0].sentence_id) if scored else nothing_found),
        "negated_question": float(bool(_NEGATIONS.intersection(words(question)) or _CONTRACTED_NOT.search(question))),
    }


@dataclass
class AnswerabilityModel:
    """Logistic regression over ``FEATURES``."""

    bias: float = _DEFAULT_BIAS
    weights: dict[str, float] = field(default_factory=lambda: dict(_DEFAULT_WEIGHTS))
    provenance: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: StrPath | None = None) -> AnswerabilityModel:
        """The learned model from ``path`` (default: the one shipped with the package).

        Without ``path``, the hand-set defaults stand in only when the shipped file is absent.
        A file that is missing (when named), unreadable, not JSON or not a model raises
        SettingsError naming it, rather than silently scoring with other weights.
        """
        retrain = "name the file `python -m eval.train_answerability` wrote"
        found = read_json_file(path, WEIGHTS_FILE, "the answerability model", missing=retrain, invalid=retrain)
        if found is None:
            return cls()
        path, data = found
        not_a_model = f"the answerability model {path} is not a model (a 'bias' number and a 'weights' mapping); {retrain}"
        if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
            raise SettingsError(not_a_model)
        try:
            return cls(float(data["bias"]), {k: float(data["weights"].get(k, 0.0)) for k in FEATURES}, dict(data.get("provenance", {})))
        except (KeyError, TypeError, ValueError) as exc:
            raise SettingsError(not_a_model) from exc

    def save(self, path: StrPath | None = None) -> Path:
        """Write the model as JSON."""
        path = Path(path or WEIGHTS_FILE)
        path.write_text(json.dumps({"bias": self.bias, "weights": self.weights, "provenance": self.provenance}, indent=2) + "\n", encoding="utf-8")
        return path

    def probability(self, values: dict[str, float], offset: float = 0.0) -> float:
        """Probability that the question is answerable, from its features (``offset`` adds to the logit)."""
        z = self.bias + offset + sum(self.weights.get(name, 0.0) * values[name] for name in FEATURES)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def score(
        self,
        index: "CorpusIndex",
        question: str,
        scored: Sequence["ScoredSentence"],
        hits: Sequence["ChunkHit"],
        settings: "AnswerSettings | None" = None,
        asked: str | None = None,
    ) -> float:
        """Probability that ``scored`` holds an answer to ``question``, the logit lowered by the
        penalties of ``settings`` (none without it), each set for a small closed corpus:

        - ``unknown_term_penalty`` times the IDF-weighted share of question words found nowhere
          in the corpus: such words mean the articles are not about what is asked (on SQuAD's
          many paragraphs they are more often typos, so the learned weight of that feature is 0);
        - ``unknown_name_penalty`` when the question names someone or something the articles
          never mention (``names_unknown``): "What did the EU AI Office say?" of articles with no EU;
        - ``name_elsewhere_penalty`` when it names someone or something the articles mention, but
          not where the best sentence is (``names_elsewhere``): "Why did OpenAI call for a pause?"
          answered by Anthropic's call; or names a person the best sentence leaves out for another
          (``person_swapped``): "What did Dario Amodei predict?" of "Jack Clark predicted …";
        - ``detail_conflict_penalty`` when the best sentence states another year, month, weekday,
          quarter, currency or span of time than the one asked, or a sentence stating one detail
          asked states another otherwise, or the question states a figure the articles give only
          about something else (``details_conflict``), or denies what a "why" question
          takes as given (``premise_denied``: "Why is Anthropic calling for a ban?" of "… is not
          calling for an immediate stop"), unless the question asks
          to be confirmed or denied ("Will the plant open in July?" of "… will open in September":
          that sentence answers it; ``asks_yes_or_no``);
        - ``type_unmet_penalty`` when the question asks for an amount, a percentage, a number, a
          date, a time of day or a span of time (``CLOSED_TYPES``) and none of the three best
          sentences states one (``asks_closed_type``; a "how many" question wants a count of what
          it names): "How many countries have signed the agreement?" of articles that count no
          countries; or when the question expects any type (a person too) and the best sentences
          that state one share none of its words but its names, or come from articles that never
          mention a name it asks about (``typed_off_topic``): "Who led the funding round?" of
          sentences naming people about something else.

        Those names and details are read in ``asked``, the question as the user wrote it (default
        ``question``), when ``question`` is a follow-up searched with the questions before it.
        """
        values = features(index, question, scored, hits)
        if settings is None:
            return self.probability(values)
        asked = asked or question
        offset = (
            settings.unknown_term_penalty * values["unknown_terms"]
            + settings.unknown_name_penalty * names_unknown(index, asked)
            + settings.name_elsewhere_penalty * (names_elsewhere(index, asked, scored) or person_swapped(index, asked, scored))
            + settings.detail_conflict_penalty
            * ((details_conflict(index, asked, scored) or bool(scored) and premise_denied(asked, index.sentences[scored[0].sentence_id].text)) and not asks_yes_or_no(asked))
            + settings.type_unmet_penalty * ((values["type_unmet"] > 0 and asks_closed_type(question, asked)) or typed_off_topic(index, question, scored, asked))
        )
        return self.probability(values, offset=-offset)


def asks_closed_type(question: str, asked: str) -> bool:
    """Whether ``question`` asks for an amount, a percentage, a number, a date, a time of day or a
    span of time (``CLOSED_TYPES``), read as the ranking reads it: for a follow-up ``asked``
    searched with the questions before it, the kind its own words ask for."""
    return expected_type(question, own_part(asked) if asked != question else None) in CLOSED_TYPES


# Words that frame what is asked rather than name what it is about: "how much is it worth now".
_FRAME_STEMS = frozenset(stem(w) for w in "worth cost price paid pay value valued valuation money amount number total now current currently today still".split())


def typed_off_topic(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"], asked: str, candidates: int = 3) -> bool:
    """Whether ``question`` expects an answer type and each of the first ``candidates`` sentences
    stating one is about something else: it shares none of the question's content words
    (``question_terms``), its names (``known_names``) and the words that frame the type ("worth",
    "now") aside ("Who led the latest funding round?" of "Researchers Favaro and Clark are arguing
    that …"), or its article never mentions one of the question's names ("What was Halvorsen
    Chemical's revenue?" of a hospital merger's "annual revenue of about $1.9 billion"). Read in
    ``asked``, the question as the user wrote it, with the type its ranking looked for."""
    if expected_type(question, own_part(asked) if asked != question else None) is None:
        return False
    names = known_names(asked, index.names)
    content = set(question_terms(asked)) - {stem(name) for name in names} - _FRAME_STEMS
    typed = [s.sentence_id for s in scored[:candidates] if s.type_match]

    def on_topic(sid: int) -> bool:
        doc_id = index.sentences[sid].doc_id
        in_article = all(any(doc_id in index.documents_with(stem(form)) for form in _SAME_PLACE.get(name, {name})) for name in names)
        return in_article and (not content or bool(content & index.terms_as_quoted[sid]))

    return bool((content or names) and typed) and not any(on_topic(sid) for sid in typed)


def names_unknown(index: "CorpusIndex", question: str) -> bool:
    """Whether ``question`` writes capitalised a name (``rag.question.name_terms``) with a word
    found nowhere in the articles ("the EU AI Office", "Sam Altman")."""
    return any(term not in index.term_idf for stems in name_terms(question).values() for term in stems)


# "not", "never", "no" (not "No. 9", nor "whether or not"), "isn't": a word that denies what follows it.
_NEGATION = re.compile(r"(?<!\bor )\bnot\b|\b(?:never|no)\b(?!\.)|\w+n['’]t\b", re.I)
_WHY = re.compile(r"^\W*(?:why|how come)\b", re.I)
DENIAL_REACH = 3  # words after a negation that it denies


def premise_denied(question: str, best: str) -> bool:
    """Whether ``question`` asks why something is so (without a negation of its own) and the
    best sentence denies one of its words within ``DENIAL_REACH`` words of a negation: "Why is
    Anthropic calling for a permanent ban?" of "Anthropic is not calling for an immediate stop"."""
    if not _WHY.match(question) or _NEGATION.search(question):
        return False
    asked = set(question_terms(question))
    return any(asked & set(terms(" ".join(words(best[negation.end() :])[:DENIAL_REACH]))) for negation in _NEGATION.finditer(best))


MISMATCH_CANDIDATES = 10  # sentences read for one stating a detail asked and another otherwise (``mismatched_details``)


def details_conflict(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"], candidates: int = 3) -> bool:
    """Whether the best sentence states another year, month, weekday, quarter, currency or span of time than
    ``question`` asks, and none of the first ``candidates`` sentences of its article states the
    one asked (``rag.details.conflicting_details``): "What was the revenue in euros?" of an
    article giving it in dollars; or whether one of the first ``MISMATCH_CANDIDATES`` sentences
    states one detail the question asks and another otherwise, none stating them all
    (``rag.details.mismatched_details``): "Why did the 1998 strike last eleven days?" of "… since
    1998, when drivers stayed off the job for six days"; or whether the question states a figure
    that those sentences state only about something else (``rag.details.misattributed_figure``,
    the question's names aside): "What's behind the forecast of $1 trillion in annual revenue?" of
    "… valuing it near $1 trillion"."""
    if not scored:
        return False
    best = index.sentences[scored[0].sentence_id]
    offered = " ".join(index.sentences[s.sentence_id].text for s in scored[:candidates] if index.sentences[s.sentence_id].doc_id == best.doc_id)
    nearest = [index.sentences[s.sentence_id].text for s in scored[:MISMATCH_CANDIDATES]]
    names = frozenset(stem(name) for name in known_names(question, index.names)).union(*name_terms(question).values())
    return bool(conflicting_details(question, best.text, offered)) or mismatched_details(question, nearest) or misattributed_figure(question, nearest, names)


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
    that neither the best sentence and its neighbours nor the title and opening sentences of its
    article mention, nor the table header or list lead-in it is read under, nor who said it: "Why
    did OpenAI call for a pause?" of a sentence on Anthropic's call, in an article about Anthropic.
    A name the article is about may be missing from the sentence that answers ("the bank cut its
    deposit rate" in an article on the ECB); a place stands for its adjective ("Spain", "Spanish")."""
    if not scored:
        return False
    names = known_names(question, index.names)
    if not names:
        return False
    best = scored[0].sentence_id
    sentence = index.sentences[best]
    read_under = [i for i in (index.leads.get(best), index.attributions.get(best)) if i is not None]  # a row's header, a quote's speaker
    around = {*_neighbourhood(index, best), *_opening_sentences(index, sentence.doc_id), *read_under}
    mentioned = set(words(" ".join([index.documents[sentence.doc_id].title, *(index.sentences[i].text for i in around)])))
    return any(not _SAME_PLACE.get(name, {name}) & mentioned for name in names)


def person_swapped(index: "CorpusIndex", question: str, scored: Sequence["ScoredSentence"]) -> bool:
    """Whether ``question`` names a person the articles mention, by a name of two words or more
    ("Dario Amodei"), and the best sentence names none of its words but another person by name:
    "What did Dario Amodei predict in his London lecture?" of "Jack Clark predicted during a
    London lecture …", where the article names Amodei in the next sentence."""
    if not scored:
        return False
    names = known_names(question, index.names)
    people = [person for person in mentions(question, "person") if len(person) > 1 and person & names]
    best = index.sentences[scored[0].sentence_id].text
    said, asked = set(words(best)), question_words(question)
    return bool(people) and not any(person & said for person in people) and any(len(m) > 1 and not m & asked for m in mentions(best, "person"))

