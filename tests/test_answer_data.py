"""A stored answer read back with ``Answer.from_dict``: what ``to_dict()`` writes comes back as the
same answer, and anything else is refused with an AnswerDataError that names the field."""

from __future__ import annotations

import json

import pytest

from rag import Answer, AnswerDataError, RagError
from rag.types import Citation, Passage, Quote

ARTICLE = "\n".join(
    [
        "Anthropic urges pause on frontier AI",
        "SAN FRANCISCO, May 2 —",
        "Anthropic proposed a pause on training frontier models. Critics called it “regulatory capture.”",
    ]
)
OTHER = "Several labs reacted. Anthropic proposed a pause on training frontier models."


def span(text: str, part: str) -> tuple[int, int]:
    """The offsets of ``part`` in ``text``."""
    start = text.index(part)
    return start, start + len(part)


def stored_answer() -> Answer:
    """An answer as the answerer makes one: a quote with a corroboration, two passages, a follow-up read with the question before."""
    said = "Anthropic proposed a pause on training frontier models."
    start, end = span(ARTICLE, said)
    other_start, other_end = span(OTHER, said)
    quote = Quote(
        text=ARTICLE[start:end],
        doc_id="000_anthropic",
        start=start,
        end=end,
        score=2.370001,
        title="Anthropic urges pause on frontier AI",
        also_in=("001_reactions",),
        corroborations=(Citation("001_reactions", other_start, other_end, OTHER[other_start:other_end]),),
        dated=Citation("000_anthropic", *span(ARTICLE, "May 2"), "May 2"),
    )
    passages = (
        Passage("000_anthropic", "Anthropic urges pause on frontier AI", 0, len(ARTICLE), ARTICLE, 0.032522),
        Passage("001_reactions", "Several labs reacted", 0, len(OTHER), OTHER, 0.015873),
    )
    return Answer(
        question="and what did they propse?",
        abstained=False,
        answer=f"“{said}” [000_anthropic, 001_reactions]",
        quotes=(quote,),
        passages=passages,
        answerability=0.53,
        read_as="and what did they propose?",
        read_with=("Who wrote about Anthropic?",),
        timings_ms={"encode": 3.1, "retrieve": 0.4, "compose": 1.2, "total": 4.7},
    )


def test_a_stored_answer_reads_back_as_the_same_answer_and_the_same_json():
    answer = stored_answer()
    stored = json.loads(json.dumps(answer.to_dict()))

    again = Answer.from_dict(stored)

    assert again.to_dict() == stored
    assert again == answer  # its scores fit in the 6 places to_dict() rounds to, and its passages' chunk_id is the -1 from_dict gives
    assert isinstance(again.quotes[0].corroborations[0], Citation) and isinstance(again.quotes[0].dated, Citation) and isinstance(again.read_with, tuple)
    assert Quote.from_dict(stored["quotes"][0]) == answer.quotes[0]


def test_whole_numbers_in_a_number_field_are_read_as_floats():
    stored = {**stored_answer().to_dict(), "answerability": 1, "timings_ms": {"total": 5}}

    again = Answer.from_dict(stored)

    assert again.answerability == 1.0 and isinstance(again.answerability, float)
    assert isinstance(again.timings_ms["total"], float)


def test_an_abstention_with_only_the_required_fields_reads_back():
    assert Answer.from_dict({"question": "q", "abstained": True, "answer": "The articles don't say."}) == Answer("q", True, "The articles don't say.")


QUOTE = stored_answer().to_dict()["quotes"][0]
WRONG_VALUES = [
    ({"question": 5}, "question must be text, not 5"),
    ({"abstained": "no"}, "abstained must be true or false, not 'no'"),
    ({"abstained": 0}, "abstained must be true or false, not 0"),
    ({"answer": None}, "answer must be text, not None"),
    ({"answerability": "high"}, "answerability must be a finite number, not 'high'"),
    ({"answerability": True}, "answerability must be a finite number, not True"),
    ({"answerability": float("nan")}, "answerability must be a finite number, not nan"),
    ({"quotes": [{**QUOTE, "score": float("inf")}]}, "quotes[0].score must be a finite number, not inf"),
    ({"read_as": 5}, "read_as must be text or null, not 5"),
    ({"read_with": "abc"}, "read_with must be a list of text, not 'abc'"),
    ({"read_with": ["who?", 7]}, "read_with[1] must be text, not 7"),
    ({"quotes": {"text": "x"}}, "quotes must be a list of quotes (JSON objects), not {'text': 'x'}"),
    ({"quotes": ["x"]}, "quotes[0] must be a quote (a JSON object), not 'x'"),
    ({"quotes": [{**QUOTE, "start": "a"}]}, "quotes[0].start must be a whole number, not 'a'"),
    ({"quotes": [{**QUOTE, "end": 2.0}]}, "quotes[0].end must be a whole number, not 2.0"),
    ({"quotes": [{**QUOTE, "end": True}]}, "quotes[0].end must be a whole number, not True"),
    ({"quotes": [{**QUOTE, "score": "high"}]}, "quotes[0].score must be a finite number, not 'high'"),
    ({"quotes": [{**QUOTE, "doc_id": None}]}, "quotes[0].doc_id must be text, not None"),
    ({"quotes": [{**QUOTE, "also_in": "001_reactions"}]}, "quotes[0].also_in must be a list of text, not '001_reactions'"),
    (
        {"quotes": [{**QUOTE, "corroborations": [{**QUOTE["corroborations"][0], "start": None}]}]},
        "quotes[0].corroborations[0].start must be a whole number, not None",
    ),
    (
        {"quotes": [{**QUOTE, "corroborations": [{"doc_id": "001_reactions", "start": 0, "text": "x"}]}]},
        "quotes[0].corroborations[0]: Citation has no 'end': it is not what to_dict() writes",
    ),
    ({"passages": [{"doc_id": "d", "title": "t", "start": 0, "end": 1, "text": "x", "score": [1]}]}, "passages[0].score must be a finite number, not [1]"),
    ({"timings_ms": [4.7]}, "timings_ms must be a mapping of text to finite numbers, not [4.7]"),
    ({"quotes": [{**QUOTE, "start": QUOTE["end"] + 1}]}, f"quotes[0]: the span {QUOTE['end'] + 1}..{QUOTE['end']} is no span of an article (0 <= start <= end)"),
    ({"quotes": [{**QUOTE, "start": -1, "end": -1}]}, "quotes[0]: the span -1..-1 is no span of an article (0 <= start <= end)"),
    ({"quotes": [{**QUOTE, "text": QUOTE["text"] + "!"}]}, f"quotes[0]: its text has {len(QUOTE['text']) + 1} characters, but its span {QUOTE['start']}..{QUOTE['end']} has {len(QUOTE['text'])}"),
    ({"timings_ms": {"total": "slow"}}, "timings_ms['total'] must be a finite number, not 'slow'"),
]


@pytest.mark.parametrize("change, message", WRONG_VALUES, ids=[message.split(" must")[0].split(":")[0] for _, message in WRONG_VALUES])
def test_a_value_of_the_wrong_type_is_refused_naming_its_field_and_what_was_found(change, message):
    stored = {**stored_answer().to_dict(), **change}

    with pytest.raises(AnswerDataError) as refused:
        Answer.from_dict(stored)

    assert str(refused.value) == message
    assert isinstance(refused.value, RagError) and isinstance(refused.value, ValueError)


def test_the_trial_payload_is_refused_at_its_first_wrong_field():
    trial = {
        "question": 5,
        "abstained": "no",
        "answer": None,
        "quotes": [{"text": 7, "doc_id": None, "start": "a", "end": 2.5, "score": "high"}],
        "read_with": "abc",
    }
    with pytest.raises(AnswerDataError, match="^question must be text, not 5$"):
        Answer.from_dict(trial)
    with pytest.raises(AnswerDataError, match="^quotes\\[0\\].text must be text, not 7$"):
        Answer.from_dict({**trial, "question": "q", "abstained": False, "answer": ""})


def test_a_quote_or_a_passage_read_alone_names_its_own_fields():
    with pytest.raises(AnswerDataError, match="^start must be a whole number, not 'a'$"):
        Quote.from_dict({**QUOTE, "start": "a"})
    with pytest.raises(AnswerDataError, match="^Passage has no 'score': it is not what to_dict\\(\\) writes$"):
        Passage.from_dict({"doc_id": "d", "title": "t", "start": 0, "end": 1, "text": "x"})
    with pytest.raises(AnswerDataError, match="^Quote must be a mapping \\(a JSON object\\) as Quote.to_dict\\(\\) writes it, not 'text'$"):
        Quote.from_dict("text")  # type: ignore[arg-type]
