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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from .answer_types import PLACING_FRAMES, asks_placing
from .errors import SettingsError
from .lexical import STOPWORDS, question_terms, words
from .officer_titles import written_as
from .premises import (
    FRAME_STEMS,
    asks_closed_type,
    body_swapped,
    group_swapped,
    dated_event_untold,
    half_time_score_untold,
    details_conflict,
    look_alike_names,
    names_elsewhere,
    names_unknown,
    neighbourhood,
    person_swapped,
    possessor_swapped,
    rank_untold,
    typed_off_topic,
)
from .settings import read_json_file
from .sides import side_swapped, side_written
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
    "unknown_terms",  # IDF-weighted share of the question's terms found nowhere in the corpus, rag.premises.FRAME_STEMS aside ("money", "worth", "now")
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


def _detail_features(index: "CorpusIndex", question: str, q_terms: list[str], sentence_id: int) -> dict[str, float]:
    """Which of the question's details the best sentence (and its neighbours) lacks."""
    near = neighbourhood(index, sentence_id)
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
    known = FRAME_STEMS | side_written(index, question) | (PLACING_FRAMES if asks_placing(question) else frozenset())  # "government" where the articles write "minister"; "rank" of a placing
    unknown = sum(index.idf(t) for t in q_terms if t not in index.term_idf and t not in known and not written_as(t, index.term_idf)) / total_idf if q_terms else 1.0
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
          (``person_swapped``): "What did Dario Amodei predict?" of "Jack Clark predicted …", or a
          body or place another of its kind (``body_swapped``): "How much did the Corran Bridge
          plant cost?" of "a second plant at Wexley, at a cost of £45 million", or a group of people
          another (``group_swapped``): "How much will bills rise for businesses?" of "Households
          face a rise of $4.20 a week"; or
          names in full someone or something no article names, a look-alike of one they do
          (``look_alike_names``): "Great Sowerby" of articles on "Little Sowerby"; or asks what
          one side of a dispute said and the best sentence gives the other side's words
          (``rag.sides.side_swapped``): "What did the prosecution say …?" of "Rupert Vane, for the
          defence, told the jury …";
        - ``detail_conflict_penalty`` when the best sentence states another year, month, weekday,
          quarter, currency or span of time than the one asked, or a sentence stating one detail
          asked states another otherwise, or the question states a figure the articles give only
          about something else, or the best sentence denies what a "why" question takes as given
          ("Why is Anthropic calling for a ban?" of "… is not calling for an immediate stop"), or
          the question gives someone a title the articles never give them ("When did Harold Ng
          become president?" of "Harold Ng, a mediator"), or takes as given an event of someone
          that no article naming them reports ("… after he was fired" of "placed on leave"), or
          asks what came of an event the best sentence tells of as still to come ("What did the
          hearing decide?" of "… is scheduled for May 20"; ``details_conflict``); of a question
          asking to be confirmed or denied only the unreported event ("Will the plant open in
          July?" is answered by "… will open in September", "Was Forsythe fired?" not by "placed on leave");
        - ``type_unmet_penalty`` when the question asks for an amount, a percentage, a number, a
          date, a time of day, a span of time or a dose (``CLOSED_TYPES``) and none of the three best
          sentences states one (``asks_closed_type``; a "how many" question wants a count of what
          it names): "How many countries have signed the agreement?" of articles that count no
          countries; or when the question expects any type (a person too) and the best sentences
          that state one share none of its words but its names, or come from articles that never
          mention a name it asks about (``typed_off_topic``): "Who led the funding round?" of
          sentences naming people about something else; or state the figure or date only of
          another name written in one list with the one asked (``rag.siblings``): "How many
          beds does St Hilda's have?" of "Ashford General, which has 620 beds, and St Hilda's";
          or, for a question asking when an event happened, state dates of other events only
          (``dated_event_untold``): "When was the depot built?" of "The depot closed in 1984.";
          or, for a question asking a rank, none of the best sentences of the best one's article
          tells it (``rank_untold``): "Who was the youngest finisher?" of "The oldest finisher was …";
          or, for a question asking the score at half-time, none tells one of the match asked
          (``half_time_score_untold``)

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
            + settings.name_elsewhere_penalty * (
                names_elsewhere(index, asked, scored) or person_swapped(index, asked, scored) or body_swapped(index, asked, scored) or possessor_swapped(index, asked, scored)
                or group_swapped(index, asked, scored)
                or side_swapped(index, asked, scored) or bool(look_alike_names(index, asked))
            )
            + settings.detail_conflict_penalty * details_conflict(index, asked, scored)
            + settings.type_unmet_penalty * ((values["type_unmet"] > 0 and asks_closed_type(question, asked)) or typed_off_topic(index, question, scored, asked) or dated_event_untold(index, question, scored, asked) or rank_untold(index, scored, asked)
                or half_time_score_untold(index, scored, asked))
        )
        return self.probability(values, offset=-offset)
