"""Answers: exact quotes with citations, merged across articles, or an abstention.

Whatever the question, every quote is ``document.text[start:end]`` of the article it
cites, is a whole statement (never a heading, a question or a footer), and lists in
``also_in`` the other articles that say the same thing.

(Unusable and hostile questions are covered by test_hostile_questions.py.)
"""

from __future__ import annotations

import json
from dataclasses import replace
from itertools import islice
from pathlib import Path

import pytest

from hostile_checks import assert_grounded
from rag.lists import asks_list
from rag.answer import ABSTAIN_TEXT, Answerer, ScoredSentence, in_quotation_marks
from rag.gold import load_gold
from rag.evaluation import unsuppressed
from rag.build import build_index
from rag.lexical import question_terms, terms
from rag.premises import _told_of_year, event_unreported, told_as_to_come, unknown_names
from rag.question import asks_across_articles
from rag.text import count_tokens
from rag.retrieve import Retriever
from rag.spans import announces_what_follows
from rag.types import Answer
from webchat.render import answer_message, sources_of

GOLD = Path(__file__).resolve().parents[1] / "eval" / "gold.jsonl"
MAIN = "000_1eb8a4053cc42a55"
NINE_MODELS = "003_d04b17a40513e639"
PER_KIND = 3  # gold questions per kind checked for the invariants (the full set runs in `rag eval`)


def gold_sample() -> list[str]:
    """The first PER_KIND questions of every kind of the gold set."""
    rows = load_gold(GOLD)
    kinds = sorted({row.kind for row in rows})
    return [row.question for kind in kinds for row in islice((r for r in rows if r.kind == kind), PER_KIND)]


def assert_grounded_quotes(answer: Answer, answerer: Answerer) -> None:
    """Every quote and corroboration is exact, is a quotable sentence, and cites each article once."""
    index = answerer.index
    assert_grounded(answer, index.documents)
    kind_of = {(s.doc_id, s.start, s.end): s.kind for s in index.sentences}
    for quote in answer.quotes:
        assert quote.title == index.documents[quote.doc_id].title
        inside = [kind for (doc, start, end), kind in kind_of.items() if doc == quote.doc_id and quote.start <= start < end <= quote.end]
        assert inside and set(inside) == {"sentence"}, (quote.text, inside)
        assert quote.doc_id not in quote.also_in and len(set(quote.also_in)) == len(quote.also_in)
        assert [c.doc_id for c in quote.corroborations] == list(quote.also_in)
        for other in quote.corroborations:
            assert kind_of[(other.doc_id, other.start, other.end)] == "sentence"
    spans = [(q.doc_id, q.start, q.end) for q in answer.quotes]
    for i, (doc, start, end) in enumerate(spans):
        assert not any(doc == d and start < e and s < end for d, s, e in spans[i + 1 :]), f"quotes overlap: {spans}"


# -- real questions on the bundled articles ---------------------------------------------


@pytest.mark.parametrize(
    "question, doc_id, words",
    [
        ("Who accused Anthropic of pursuing a regulatory capture agenda?", MAIN, "David Sacks"),
        ("What annual revenue run rate does Anthropic expect by the end of the month?", MAIN, "$50 billion"),
        ("Which security researcher warned that self-modifying AI could be made to accept backdoors?", MAIN, "Azizi Othman"),
        ("Who wrote the blog post that recommended the pause?", MAIN, "Marina Favaro and Jack Clark"),
        ("How much faster than human researchers did the nine Claude models solve the safety problem?", NINE_MODELS, "four times faster"),
        ("In which city did Jack Clark give his lecture?", MAIN, "London lecture"),
        ("What is RSI short for?", MAIN, "recursive self-improvement, or RSI"),
        ("Define RSI.", MAIN, "recursive self-improvement, or RSI"),  # a request, not a question
        ("Can you name the security researcher who warned about backdoors?", MAIN, "Azizi Othman"),
    ],
    ids=["sacks", "revenue", "backdoors", "blog-post", "nine-models", "lecture-city", "acronym", "define", "can-you-name"],
)
def test_the_first_quote_states_the_answer(answerer, question, doc_id, words):
    answer = answerer.answer(question)
    assert not answer.abstained, (question, answer.answerability)
    best = answer.quotes[0]
    assert best.doc_id == doc_id and words in best.text, [q.text for q in answer.quotes]
    assert_grounded_quotes(answer, answerer)
    assert best.text in answer.answer and doc_id in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "What is the boiling point of mercury?",
        "Who won the 2018 World Cup?",
        "What is Anthropic's headquarters address?",  # a place, which no sentence gives ("addressed" is no address)
        "How many employees does Anthropic have?",
        "What did NATO say about recursive self-improvement?",  # a name the articles never mention
        "Did the UN back Anthropic's call for a coordinated pause?",
    ],
)
def test_questions_the_articles_cannot_answer_abstain(answerer, question):
    answer = answerer.answer(question)
    assert answer.abstained and answer.quotes == () and answer.answer
    assert answer.answerability < answerer.settings.abstain_threshold
    assert answer.passages, "an abstention still shows the closest passages"
    assert_grounded_quotes(answer, answerer)


@pytest.mark.parametrize("question", ["How many employees does Anthropic have?", "Who won the 2018 World Cup?"])
def test_a_question_the_articles_cannot_answer_abstains_after_one_they_can(answerer, question):
    # a chat passes the earlier questions along; one with its own topic must not borrow theirs
    first = "Who wrote the blog post calling for a pause?"
    assert not answerer.answer(first).abstained
    after = answerer.answer(question, history=[first])
    assert after.abstained and after.quotes == ()
    assert after.to_dict()["passages"] == answerer.answer(question).to_dict()["passages"]


@pytest.mark.parametrize("first, follow_up", [("Who accused Anthropic of regulatory capture?", "why?"), ("What did Anthropic propose?", "anything else?")])
def test_a_follow_up_asking_for_more_never_gets_the_answer_before_again(answerer, first, follow_up):
    before = answerer.answer(first)
    assert before.quotes
    after = answerer.answer(follow_up, history=[first])
    assert after.read_with == (first,) and after.to_dict()["read_with"] == [first]
    for quote in after.quotes:
        assert not any(q.doc_id == quote.doc_id and q.start < quote.end and quote.start < q.end for q in before.quotes)


def overlapping(quotes, others) -> list[str]:
    """The texts of ``quotes`` that share text with one of ``others`` (the same article, overlapping spans)."""
    return [q.text for q in quotes if any(o.doc_id == q.doc_id and o.start < q.end and q.start < o.end for o in others)]


def test_no_follow_up_asking_for_more_quotes_the_answer_before_again(answerer, corpus_dir):
    from rag.gold import load_gold

    questions = [g.question for g in load_gold(corpus_dir.parents[1] / "eval" / "gold.jsonl") if g.split == "dev"]
    for question in questions:
        before = answerer.answer(question)
        for follow_up in ("why?", "tell me more", "anything else?", "who else?"):
            after = answerer.answer(follow_up, history=[question])
            assert not overlapping(after.quotes, before.quotes), (question, follow_up)


def test_asking_for_more_of_an_answered_question_is_as_answerable_as_the_question(answerer):
    """The sentence after the answer gives the reason; on its own words "tell me more" scored below the threshold."""
    question = "Why is it hard to enforce a pause?"
    before = answerer.answer(question)
    for go_on in ("tell me more", "go on", "more details please"):
        more = answerer.answer(go_on, history=[question])
        assert not before.abstained and not more.abstained and more.answerability >= before.answerability, go_on
        assert any("training runs are far easier to conceal" in quote.text for quote in more.quotes), (go_on, more.answer)


def test_a_chain_of_follow_ups_asking_for_more_never_goes_back_to_what_it_said(answerer):
    first = "What did Anthropic propose?"
    said = [answerer.answer(first)]
    for turn in range(1, 4):
        more = answerer.answer("tell me more", history=[first, *["tell me more"] * (turn - 1)])
        assert more.read_with[0] == first  # the question they all follow, however long the chain
        assert not overlapping(more.quotes, [q for earlier in said for q in earlier.quotes])
        said.append(more)


def test_asking_for_more_after_another_follow_up_quotes_nothing_any_turn_before_it_quoted(answerer):
    turns = ["who criticised the pause?", "and when?"]
    said = [answerer.answer(turns[0]), answerer.answer(turns[1], history=turns[:1])]
    more = answerer.answer("tell me more", history=turns)
    assert more.quotes and not overlapping(more.quotes, [q for earlier in said for q in earlier.quotes])


def test_tell_me_more_quotes_what_the_articles_say_around_the_answer_before(answerer):
    first = "What did Anthropic propose?"
    before = answerer.answer(first)
    more = answerer.answer("tell me more", history=[first])
    assert before.quotes and more.quotes

    def position(doc_id: str, start: int) -> int:
        ids = answerer.index.document_sentences[doc_id]
        return next(n for n, i in enumerate(ids) if answerer.index.sentences[i].end > start)

    for quote in more.quotes:  # each one next to (within two sentences of) a quote before, never one of them
        distances = [abs(position(quote.doc_id, quote.start) - position(q.doc_id, q.start)) for q in before.quotes if q.doc_id == quote.doc_id]
        assert distances and 0 < min(distances) <= 2, quote.text


@pytest.mark.parametrize("asked_inside, asked", [("Can you tell me more?", "tell me more"), ("Tell me who else is worried.", "who else is worried?")])
def test_a_follow_up_asked_inside_a_request_is_answered_as_the_follow_up(answerer, asked_inside, asked):
    """"Can you tell me more?" was read alone, a question naming nothing, and answered with whatever came first."""
    first = ["Who criticized Anthropic?"]
    inside, plain = answerer.answer(asked_inside, history=first), answerer.answer(asked, history=first)
    assert inside.read_with == plain.read_with == tuple(first)
    assert inside.abstained == plain.abstained
    said = {(q.doc_id, q.start) for q in answerer.answer(first[0]).quotes}
    assert not said & {(q.doc_id, q.start) for q in inside.quotes}  # more, never the answer before again


def test_a_follow_up_naming_another_subject_asks_the_question_before_of_it(answerer):
    first = answerer.answer("What did OpenAI say?")
    swapped = answerer.answer("and Anthropic?", history=["What did OpenAI say?"])
    assert (swapped.read_as, swapped.read_with, swapped.searched) == ("What did Anthropic say?", (), "What did Anthropic say?")  # asked instead of it, not with it
    assert swapped.quotes == answerer.answer("What did Anthropic say?").quotes
    assert any("OpenAI" in quote.text for quote in first.quotes) and not any("OpenAI" in quote.text for quote in swapped.quotes)


def test_a_follow_up_after_one_asked_as_another_question_follows_that_question(answerer):
    """ "why?" after "and OpenAI?" (asked "What did OpenAI say?") asks why of OpenAI, not of Sacks two turns back."""
    history = ["What did David Sacks say?", "and OpenAI?"]
    sacks = answerer.answer(history[0]).quotes
    why = answerer.answer("why?", history=history)
    assert why.read_with == ("What did OpenAI say?",)
    assert not {(q.doc_id, q.start) for q in sacks} & {(q.doc_id, q.start) for q in why.quotes}
    more = answerer.answer("who else?", history=[*history, "why?"])
    assert more.read_with == ("What did OpenAI say?", "why?")
    twice = answerer.answer("why?", history=[*history, "and Anthropic?"])  # asked "What did Anthropic say?" in turn
    assert twice.read_with == ("What did Anthropic say?",)


def test_where_someone_works_is_answered_by_whom_they_work_for_asked_alone_or_as_a_follow_up(answerer):
    alone = answerer.answer("Where does Azizi Othman work?")
    follow_up = answerer.answer("where does he work?", history=["What did Azizi Othman warn about?"])
    for answer in (alone, follow_up):
        assert not answer.abstained and "Azizi Othman of Asia e University" in answer.quotes[0].text, answer.answer


@pytest.mark.parametrize("follow_up", ["who else?", "and when?", "tell me more", "why?"])
def test_a_follow_up_asked_with_no_earlier_question_says_so(answerer, follow_up):
    """After a reload the chat has no conversation: a bare follow-up is told to name its subject."""
    from rag.answer import FOLLOW_UP_ALONE_TEXT

    alone = answerer.answer(follow_up)
    assert alone.abstained and alone.answer == FOLLOW_UP_ALONE_TEXT
    after_follow_ups = answerer.answer(follow_up, history=["why?", "and who?"])  # nothing but follow-ups before it: still nothing to follow
    assert after_follow_ups.abstained and after_follow_ups.answer == FOLLOW_UP_ALONE_TEXT and after_follow_ups.read_with == ()
    assert answerer.answer("What will the weather be like tomorrow?").answer == ABSTAIN_TEXT  # a question of its own: the usual verdict
    short = answerer.answer("what is the weather?")  # short enough to be a follow-up, but it leans on nothing: the usual verdict too
    assert short.abstained and short.answer == ABSTAIN_TEXT


@pytest.mark.parametrize(
    "question, script",
    [("Что сказала Anthropic о паузе?", "Cyrillic script"), ("谁写了这篇博客文章？", "Chinese characters"), ("من كتب المقال؟", "Arabic script"),
     ("浜崎光司は何を受賞しましたか?", "Japanese")],  # kanji among kana: Japanese, however many kanji
)
def test_a_question_in_a_script_the_articles_do_not_use_is_told_so(answerer, question, script):
    from rag.answer import OTHER_SCRIPT_TEXT

    result = answerer.answer(question)
    assert result.abstained and result.answer == OTHER_SCRIPT_TEXT.format(script=script)
    assert answerer.index.scripts == {"LATIN"}


def test_the_scripts_of_the_articles_are_those_of_more_than_a_stray_letter():
    from rag.writing_systems import main_script, scripts_used

    assert scripts_used({"компания": 50, "anthropic": 3, "ω": 1}) == {"CYRILLIC", "LATIN"}  # one Greek letter in 428 makes no Greek articles
    assert main_script("Что сказала Anthropic?") == "CYRILLIC" and main_script("Who wrote it? 李") == "LATIN" and main_script("2025?") is None


@pytest.mark.parametrize(
    "earlier, follow_up, name",
    [("What would a pause require?", "what about Meta?", "Meta"), ("What are the risks of recursive self-improvement?", "what about Google DeepMind?", "DeepMind")],
)
def test_a_follow_up_made_of_a_name_the_question_before_lacks_quotes_only_what_names_it(answerer, earlier, follow_up, name):
    result = answerer.answer(follow_up, history=[earlier])
    assert result.read_with == (earlier,) and result.quotes  # read with it (not swapped: it names nothing to swap) and answered
    assert all(name in quote.text for quote in result.quotes)  # the question before no longer brings in its own answer


def test_who_else_quotes_someone_not_quoted_before(answerer):
    first = "Who criticized Anthropic?"
    before = answerer.answer(first)
    assert before.quotes and not any("Sacks" in q.text for q in before.quotes)
    more = answerer.answer("who else?", history=[first])
    assert any("David Sacks accused" in q.text for q in more.quotes)
    assert not {(q.doc_id, q.start) for q in more.quotes} & {(q.doc_id, q.start) for q in before.quotes}


def test_asking_for_more_than_the_articles_say_above_the_threshold_gets_told_so(answerer):
    from rag.answer import NOTHING_MORE_TEXT

    first = "Who criticized Anthropic?"
    answered, more = answerer.answer(first), answerer.answer("who else?", history=[first])
    assert more.answerability < answered.answerability
    strict = Answerer(answerer.retriever, replace(answerer.settings, abstain_threshold=(more.answerability + answered.answerability) / 2))
    assert not strict.answer(first).abstained
    told = strict.answer("who else?", history=[first])  # what is left is below the threshold
    assert told.abstained and told.answer == NOTHING_MORE_TEXT and told.quotes == ()
    unanswered = answerer.answer("who else?", history=["What is the weather in Paris?"])  # nothing was said before
    assert unanswered.abstained and unanswered.answer == ABSTAIN_TEXT
    after_an_abstention = answerer.answer("why?", history=[first, "What is the capital of France?"])  # answers above, but none of France
    assert after_an_abstention.abstained and after_an_abstention.answer != NOTHING_MORE_TEXT


def test_a_question_read_alone_says_so(answerer):
    assert answerer.answer("What is Claude?", history=["Who wrote the blog post?"]).read_with == ()
    assert answerer.answer("What is Claude?").to_dict()["read_with"] == []


def test_a_short_question_naming_its_subject_is_answered_as_if_asked_alone(answerer):
    first = "Who accused Anthropic of regulatory capture?"
    for question in ("What is Claude?", "What did OpenAI say?"):
        assert answerer.answer(question, history=[first]).to_dict()["quotes"] == answerer.answer(question).to_dict()["quotes"]


@pytest.mark.parametrize(
    "question, echoed",
    [
        ("What does recursive self-improvement actually mean?", "What Recursive Self-Improvement Actually Means"),
        ("Is AI self-improvement a realistic risk or science fiction?", "Is AI self-improvement a realistic risk or science fiction?"),
        ("Where can I learn more about Claude's model family?", "Further reading: Learn more about Claude's model family"),
    ],
    ids=["heading", "faq-question", "footer"],
)
def test_a_heading_question_or_footer_the_question_echoes_is_never_quoted(answerer, question, echoed):
    [sentence] = [s for s in answerer.index.sentences if s.text.startswith(echoed)]
    assert not sentence.quotable
    answer = answerer.answer(question)
    assert_grounded_quotes(answer, answerer)
    assert all(echoed not in quote.text for quote in answer.quotes)


@pytest.mark.parametrize("question", gold_sample())
def test_answers_to_gold_questions_quote_only_whole_sentences_exactly(answerer, question):
    assert_grounded_quotes(answerer.answer(question), answerer)


def test_an_answer_is_a_plain_value_equal_to_the_same_answer_again(answerer):
    import copy
    import dataclasses
    import pickle

    first, again = (answerer.answer("Who wrote the blog post?") for _ in range(2))
    assert first == again and hash(first) == hash(again)  # its timings differ, and do not count
    assert len({first, again}) == 1
    assert pickle.loads(pickle.dumps(first)) == copy.deepcopy(first) == first  # it can cross a process boundary
    assert dataclasses.asdict(first)["quotes"][0]["text"] == first.quotes[0].text


def test_answer_json_has_the_documented_fields_and_types(answerer):
    answer = answerer.answer("Who accused Anthropic of pursuing a regulatory capture agenda?")
    payload = json.loads(json.dumps(answer.to_dict(), ensure_ascii=False))
    assert isinstance(payload["question"], str) and isinstance(payload["answer"], str)
    assert payload["abstained"] is False
    assert payload["quotes"] and payload["passages"]
    for quote in payload["quotes"]:
        assert {"text": str, "doc_id": str, "start": int, "end": int, "score": float, "also_in": list}.items() <= {k: type(v) for k, v in quote.items()}.items()
    for passage in payload["passages"]:
        assert {"doc_id": str, "start": int, "end": int, "score": float}.items() <= {k: type(v) for k, v in passage.items()}.items()


# -- corroboration ------------------------------------------------------------------------

LUMEN = "Lumen Robotics posts record results\n\nLumen Robotics, a maker of warehouse robots, published its annual report on Monday. The company reported revenue of $9 billion in 2025. It plans to open two factories in Ohio next year.\n"
ROBOT_MAKER = "Robot maker Lumen grows fast\n\nShares of Lumen Robotics rose after the annual report. Revenue reached $9 billion in 2025, the company said. Analysts expect further growth as warehouses automate.\n"
PARK = "City council approves new park\n\nThe city council voted on Tuesday to build a new park by the river. Construction will begin in spring and take two years. The park will include a playground and a small lake.\n"


def candidate(sentence_id: int, score: float = 1.0) -> ScoredSentence:
    """Sentence ``sentence_id`` as a scored candidate for ``Answerer.compose``, scored ``score`` and nothing else."""
    return ScoredSentence(sentence_id, score, 0.0, 0.0, 0.0, 0.0, False)


def answerer_over(folder: Path, articles: dict[str, str], encoder, answerer: Answerer) -> Answerer:
    """An answerer with ``answerer``'s settings and model over ``articles`` (file name -> text),
    written to ``folder``/corpus and indexed in ``folder``/index."""
    corpus = folder / "corpus"
    corpus.mkdir()
    for name, text in articles.items():
        (corpus / name).write_text(text, encoding="utf-8")
    build_index(corpus, folder / "index", encoder=encoder, progress=False)
    return Answerer(Retriever.load(folder / "index", encoder=encoder), answerer.settings, answerer.answerability)


def answer_over(folder: Path, articles: dict[str, str], encoder, answerer: Answerer, question: str) -> Answer:
    """The answer to ``question`` of an answerer over ``articles`` (``answerer_over``)."""
    return answerer_over(folder, articles, encoder, answerer).answer(question)


def with_settings(answerer: Answerer, **changes) -> Answerer:
    """An answerer over ``answerer``'s index and model whose settings differ by ``changes``
    (``with_settings(local, detail_conflict_penalty=0.0)``: the same answerer without that penalty)."""
    return Answerer(answerer.retriever, replace(answerer.settings, **changes), answerer.answerability)


def assert_abstains_or_quotes_first(answer: Answer, quoted: str | None) -> None:
    """``answer`` abstains when ``quoted`` is None, else answers with a first quote holding ``quoted``."""
    if quoted is None:
        assert answer.abstained, answer.answer
    else:
        assert not answer.abstained and quoted in answer.quotes[0].text, answer.answer


def assert_answered_as_without(answerer: Answerer, without: Answerer, question: str, quoted: str) -> None:
    """``question`` is answered, its first quote holding ``quoted``, as answerable as ``without`` finds it."""
    answer = answerer.answer(question)
    assert not answer.abstained and quoted in answer.quotes[0].text, answer.answer
    assert answer.answerability == without.answer(question).answerability


def assert_abstains_only_with(answerer: Answerer, without: Answerer, question: str) -> None:
    """``answerer`` abstains on ``question`` and ``without`` (it without one setting) does not:
    that setting, not the question's words, tells it."""
    answer = answerer.answer(question)
    assert answer.abstained, [q.text for q in answer.quotes]
    assert not without.answer(question).abstained


@pytest.fixture(scope="module")
def three_articles(tmp_path_factory, encoder, answerer) -> Answerer:
    """An answerer over three articles, two of which state the same revenue in other words."""
    articles = {"lumen.txt": LUMEN, "robot_maker.txt": ROBOT_MAKER, "park.txt": PARK}
    return answerer_over(tmp_path_factory.mktemp("corroboration"), articles, encoder, answerer)


@pytest.mark.parametrize("question", ["What was Lumen Robotics' revenue in 2025?", "How much revenue did Lumen Robotics report?"])
def test_a_fact_stated_by_two_articles_is_one_quote_citing_both(three_articles, question):
    answer = three_articles.answer(question)
    assert_grounded_quotes(answer, three_articles)
    revenue = [q for q in answer.quotes if "$9 billion" in q.text]
    assert len(revenue) == 1, [q.text for q in answer.quotes]
    [quote] = revenue
    assert {quote.doc_id, *quote.also_in} == {"lumen", "robot_maker"}
    [other] = quote.corroborations
    assert "$9 billion" in other.text


TRANSFER = (
    "Real Madrid sign Duarte\n\nReal Madrid have signed Tiago Duarte from Benfica. Duarte will earn 280,000 euros a week. "
    "Duarte scored 31 goals last season. Fans sang Duarte's name at the airport. Duarte passed a medical on Monday.\n"
)
WAGES = "Factory wages rise\n\nFactory workers will earn 950 euros a week under the new deal. The union said workers earn more than last year.\n"
OLD_CLUB = "Benfica count the cost\n\nAt Benfica, Duarte earned 40,000 euros a week. The club will miss his goals.\n"


FROST = (
    "Frost damages apple harvest in Vell Valley\n\nFarmers in the Vell Valley lost about a third of their apple crop to a late frost in April.\n"
    "The regional farmers' association estimated the losses at 14 million euros.\nGrowers plan to install wind machines before next spring.\n"
)


@pytest.mark.parametrize("question", ["How much did the frost cost farmers?", "How much money did farmers lose?"])
def test_a_loss_asked_for_as_a_cost_or_as_money_lost_is_answered_by_the_amount_lost(tmp_path, encoder, answerer, question):
    """A cost to someone is any amount, "lose" names a loss, and "money", which the article never
    writes, frames the question rather than names what it is about."""
    answer = answerer_over(tmp_path, {"orchard.txt": FROST, "transfer.txt": TRANSFER}, encoder, answerer).answer(question)
    assert not answer.abstained and "14 million euros" in answer.quotes[0].text, answer.answer


NIMBO = (
    "Nimbo raises $40 million for delivery drones\n\nNimbo, a drone delivery startup, raised $40 million on Tuesday. "
    "The company's chief executive, Ana Ruiz, said the money would pay for 200 new drones.\n"
)


FIRE = (
    "Wildfire forces evacuations\n\nThe Cedar Ridge Fire forced about 12,000 people from their homes on Sunday. "
    "Gov. Daniel Ortega declared a state of emergency for the county on Sunday night. He said he would visit the fire area on Tuesday.\n\n"
    "Two firefighters were treated for heat exhaustion. No civilian injuries have been reported.\n"
)


@pytest.mark.parametrize(
    ("article", "question", "read_as", "answered_by"),
    [
        (NIMBO, "Who is Nimbo's CEO?", "Who is Nimbo's chief executive?", "Ana Ruiz"),  # an acronym the article spells out
        (FIRE, "What did Governor Ortega declare?", "What did Gov. Ortega declare?", "state of emergency"),  # a title it abbreviates
    ],
)
def test_a_title_the_article_writes_another_way_is_read_as_it_writes_it(tmp_path, encoder, answerer, article, question, read_as, answered_by):
    """"CEO" or "Governor", which the article never writes, is read as its "chief executive" or
    "Gov." (and said so), rather than taken for a word or a name the articles lack."""
    answer = answerer_over(tmp_path, {"article.txt": article, "orchard.txt": FROST}, encoder, answerer).answer(question)
    assert answer.read_as == read_as
    assert not answer.abstained and answered_by in answer.quotes[0].text, answer.answer


SAFETY_HEARING = (
    "Heater maker recalls 410,000 units\n\nBrightwell is recalling about 410,000 space heaters that can overheat. "
    "A public hearing on heater safety is scheduled for May 20 in Washington. The recall will cost the company about $28 million.\n"
)


def test_an_event_the_articles_tell_of_as_still_to_come_is_not_answered_as_done(tmp_path, encoder, answerer):
    hearing = answerer_over(tmp_path, {"hearing.txt": SAFETY_HEARING, "nimbo.txt": NIMBO}, encoder, answerer)
    decided = hearing.answer("What did the May 20 hearing on heater safety decide?")
    assert decided.abstained and decided.answer == "The articles don't say. They tell of it as still to come (planned, scheduled or expected), not as done."
    assert not hearing.answer("When is the hearing on heater safety?").abstained  # asked as still to come
    assert not hearing.answer("How many heaters did Brightwell recall?").abstained  # "will cost" tells of the cost, not the recall
    opened = "The new library opened on Saturday, and the town will open a second branch next year."
    assert not told_as_to_come(hearing.index, "When did the library open?", opened)  # its own clause says it opened
    assert not told_as_to_come(hearing.index, "When did Will Lewis sign the contract?", "Will Lewis signed the contract on Monday.")  # a name
    assert not told_as_to_come(hearing.index, "How did inspectors find the heaters?", "Inspectors will test the heaters in May.")  # found a thing: no inquiry's finding
    assert told_as_to_come(hearing.index, "What did the heater safety hearing find?", "A hearing on heater safety will be held on May 20.")
    assert told_as_to_come(hearing.index, "What did the heater safety hearing find regarding the recall?", "The hearing on heater safety will publish its findings in May.")
    # a participle asked after "was" or "were", or "in the end"; "was expected", "due to", "would" tell of it as to come
    assert told_as_to_come(hearing.index, "When was the heater maker's chief executive discharged from hospital?", "The chief executive was expected to be discharged later this week.")
    assert told_as_to_come(hearing.index, "How many heaters did Brightwell recall in the end?", "Brightwell said it expected to recall fewer than 500,000 heaters.")
    assert told_as_to_come(hearing.index, "When were the heaters tested?", "Inspectors are due to test the heaters in May.")
    assert not told_as_to_come(hearing.index, "When were the heaters tested?", "Inspectors tested the heaters in May, and will publish the results in June.")
    assert not told_as_to_come(hearing.index, "Which heater was rejected in 2017?", "A cheaper heater, which would have cost $20, was considered and rejected in 2017.")
    assert not told_as_to_come(hearing.index, "Which heater was rejected in 2017?", "A cheaper heater was rejected in 2017 on the grounds that it would not sell.")
    # (from the code review) a cause, "as expected", a relative clause's "would" tell nothing to come
    assert not told_as_to_come(hearing.index, "How many heaters were recalled?", "About 300 heaters were recalled due to the fault.")
    assert not told_as_to_come(hearing.index, "When were the heaters recalled?", "Brightwell recalled the heaters on Monday as expected.")
    assert not told_as_to_come(hearing.index, "Which firm was awarded the heater contract?", "Orrin won the heater contract for a plant that would employ 40.")


MINE_HALT = (
    "Miners urge halt at Kestrel pit\n\nUnion leader Dana Ruiz on Monday called for a halt to blasting at the Kestrel pit after a "
    "wall collapsed. Ruiz said the company should halt work until inspectors return. She is not calling for a permanent halt, "
    "Ruiz said. The company said output rose 4 per cent last year.\n"
)


BUS_LANE = (
    "Mayor halts bus lane\n\nIn May, Mayor Tom Reyes halted the bus lane works on Ferry Road after traders complained. "
    "The lane, proposed by the transport board, was approved by Councillor Amy Hart in 2024.\n"
)


def test_an_event_the_articles_tell_of_only_as_called_for_is_not_answered_as_done(tmp_path, encoder, answerer):
    mine = answerer_over(tmp_path, {"mine.txt": MINE_HALT, "heat.txt": HEAT}, encoder, answerer)
    halted = mine.answer("Why did Dana Ruiz halt blasting at the pit?")  # she called for it, said the company should, not for good
    assert halted.abstained and halted.answer == "The articles don't say. They tell of it only as called for, proposed, possible or denied, not as done."
    assert not mine.answer("Why did Dana Ruiz call for a halt?").abstained  # what she did
    (tmp_path / "works").mkdir()
    works = answerer_over(tmp_path / "works", {"works.txt": BUS_LANE, "heat.txt": HEAT}, encoder, answerer)
    for done in ("Why did Tom Reyes halt the bus lane works?", "Why did Amy Hart approve the bus lane?"):
        assert "only as called for" not in works.answer(done).answer  # "In May, …" is no "may"; "proposed …," another clause


def test_a_count_of_the_dead_is_not_answered_with_a_count_of_something_else(tmp_path, encoder, answerer):
    fire = answerer_over(tmp_path, {"fire.txt": FIRE, "nimbo.txt": NIMBO}, encoder, answerer)
    assert fire.answer("How many people were killed in the Cedar Ridge Fire?").abstained  # 12,000 were evacuated
    assert not fire.answer("How many people were forced from their homes by the Cedar Ridge Fire?").abstained
    assert not fire.answer("How many people did the deadly fire force from their homes?").abstained  # "deadly" asks no count of the dead
    allergy = "Peanut pill approved\n\nPeanut allergy affects about 2 percent of children, or about 1.5 million, in the United States.\n"
    (tmp_path / "pill").mkdir()
    pill = answerer_over(tmp_path / "pill", {"allergy.txt": allergy, "nimbo.txt": NIMBO}, encoder, answerer)
    assert pill.answer("How many children die of peanut allergy each year?").abstained  # 1.5 million have it


def test_who_makes_something_is_answered_by_who_made_it(tmp_path, encoder, answerer):
    """"makes" and "made" do not meet as stems: a word that frames "who", as "works" does."""
    drug = "Pill approved\n\nThe drug, called Arbenza and made by Calloway Therapeutics of Boston, was approved for children on Friday.\n"
    answer = answerer_over(tmp_path, {"drug.txt": drug, "nimbo.txt": NIMBO}, encoder, answerer).answer("Who makes Arbenza?")
    assert not answer.abstained and "Calloway Therapeutics" in answer.quotes[0].text, answer.answer


SENTENCING = (
    "Former treasurer sentenced\n\nJudge Ellen Marquez sentenced Raymond Pierce to seven years in prison on Thursday.\n\n"
    "Millbrook's supervisor, Angela Russo, said the town had raised property taxes to cover the missing money.\n\n"
    "The district attorney, Marcus Lee, said his office would seek to seize the lake house.\n"
)


def test_a_town_supervisor_asked_about_as_a_judge_is_a_false_premise(tmp_path, encoder, answerer):
    sentencing = answerer_over(tmp_path, {"sentencing.txt": SENTENCING, "nimbo.txt": NIMBO}, encoder, answerer)
    judge = sentencing.answer("What did Judge Angela Russo say?")
    assert judge.abstained and judge.answer == "The articles don't say. They give the person it names another title."
    assert not sentencing.answer("What did Supervisor Angela Russo say?").abstained
    assert not sentencing.answer("What did prosecutor Marcus Lee say?").abstained  # a district attorney prosecutes


LIBRARY = (
    "Council approves library expansion\n\nThe Millbrook City Council voted 5-2 on Tuesday night to approve a $14 million expansion "
    "of the Central Library. Councilmember Raj Patel argued that the city should first repair its water mains, which he estimated "
    "would cost $9 million. The board will close two branch libraries next year.\n\n"
    "Dr. Helen Brandt, the library's director, noted that the old building was too small. \"We turn people away every day,\" she said. "
    "\"A library is a promise to every child in this city.\"\n"
)


@pytest.mark.parametrize("question", ["How much will the library expansion cost?", "What is the library expansion's budget?"])
def test_a_price_asked_for_is_an_amount_written_before_what_it_buys(tmp_path, encoder, answerer, question):
    """"a $14 million expansion" is what the expansion costs, though the sentence never says
    "cost" and another one does, of the water mains' $9 million."""
    answer = answerer_over(tmp_path, {"library.txt": LIBRARY, "orchard.txt": FROST}, encoder, answerer).answer(question)
    assert not answer.abstained and "$14 million expansion" in answer.quotes[0].text, answer.answer


def test_a_count_the_article_states_otherwise_is_a_false_premise(tmp_path, encoder, answerer):
    library = answerer_over(tmp_path, {"library.txt": LIBRARY, "orchard.txt": FROST}, encoder, answerer)
    assert library.answer("Why will the board close three branch libraries?").abstained  # two, says the article
    assert not library.answer("Why will the board close two branch libraries?").abstained
    tally = library.answer("Why did the council vote 6-1 for the expansion?")  # 5-2
    assert tally.abstained and tally.answer == "The articles don't say. They state a different tally (of votes or goals) from the question's."
    unknown = library.answer("What did Mayor Linda Okafor say about the library?")
    assert unknown.abstained and unknown.answer == "The articles don't say. They never mention Mayor Linda Okafor."


def test_an_amount_of_money_the_articles_state_otherwise_is_a_false_premise(tmp_path, encoder, answerer):
    library = answerer_over(tmp_path, {"library.txt": LIBRARY, "orchard.txt": FROST}, encoder, answerer)
    changed = library.answer("Why did the Millbrook City Council agree to spend $20 million on the library?")  # $14 million
    assert changed.abstained and changed.answer == "The articles don't say. They state a different amount of money from the question's."
    assert not library.answer("Why did the Millbrook City Council agree to spend $14 million on the library?").abstained


def test_a_quotation_carried_on_after_who_said_it_is_what_they_said(tmp_path, encoder, answerer):
    """The sentence answering is a quotation two sentences after the one naming who said it, in
    the same paragraph: the question's name is not taken for someone the answer is not about."""
    answer = answerer_over(tmp_path, {"library.txt": LIBRARY, "orchard.txt": FROST}, encoder, answerer).answer(
        "What did Helen Brandt say about a promise to every child?"
    )
    assert not answer.abstained and any("a promise to every child" in quote.text for quote in answer.quotes), answer.answer


def test_a_quotation_is_quoted_with_who_said_it_whichever_of_its_sentences_answers(tmp_path, encoder, answerer):
    """'"We turn people away every day," she said. "A library is a promise …"': what she said goes
    on past who said it, and the quote with it; "she" is named in the sentence before, and the
    quote starts there, as it does for the quotation's last sentence alone; a sentence quoting no
    one stops where it ends."""
    library = answerer_over(tmp_path, {"library.txt": LIBRARY, "orchard.txt": FROST}, encoder, answerer)
    sentences = library.index.sentences
    whole = (
        "Dr. Helen Brandt, the library's director, noted that the old building was too small. "
        '"We turn people away every day," she said. "A library is a promise to every child in this city."'
    )
    said = next(i for i, s in enumerate(sentences) if s.text.endswith("she said."))
    promise = next(i for i, s in enumerate(sentences) if s.text.startswith('"A library is a promise'))
    for answering in (said, promise):
        [quote] = library.compose([candidate(answering)])
        assert quote.text == whole
    noted = next(i for i, s in enumerate(sentences) if s.text.endswith("was too small."))
    [alone] = library.compose([candidate(noted)])
    assert alone.text == sentences[noted].text


APPEAL = (
    "Chemical firm to appeal cleanup order\n\nA judge ordered Tarn Chemical to pay for the cleanup of Lake Osric on Friday. "
    "The company's spokesman, Glen Hart, said it would appeal.\n\n"
    '"We disagree with the court\'s findings,"{said} "We have been a good neighbour for 60 years. Our record speaks for itself."\n'
)


@pytest.mark.parametrize("said", [" Hart said.", " said company spokesman Glen Hart.", " company spokesman Glen Hart told reporters."])
def test_a_quotation_s_later_sentences_are_quoted_from_where_its_speaker_is_named(tmp_path, encoder, answerer, said):
    """A party's claim is never shown as a bare fact: '"We have been a good neighbour …"' is
    quoted from '"We disagree …," Hart said.', and so is the sentence after it in the quotation."""
    court = answerer_over(tmp_path, {"appeal.txt": APPEAL.format(said=said), "orchard.txt": FROST}, encoder, answerer)
    sentences = court.index.sentences
    whole = f'"We disagree with the court\'s findings,"{said} "We have been a good neighbour for 60 years. Our record speaks for itself."'
    for answering in ("We have been a good neighbour", "Our record speaks"):
        [quote] = court.compose([candidate(next(i for i, s in enumerate(sentences) if answering in s.text))])
        assert quote.text == whole


SPEECH = (
    "Mayor sets out budget\n\nMayor Ruth Keller spoke for an hour. \"We will fix the roads,\" she said. \"We will open two libraries,\" "
    "she added. \"We will hire forty teachers,\" she said. \"We will cut no jobs,\" she said. \"We will keep fares where they are,\" she said.\n"
)


def test_a_long_quotation_is_not_quoted_whole_for_its_last_sentence(tmp_path, encoder, answerer):
    """A speech quoted sentence after sentence: its last sentence is quoted back at most
    ``ATTRIBUTION_REACH`` sentences, not to the speaker five sentences before."""
    speech = answerer_over(tmp_path, {"speech.txt": SPEECH, "orchard.txt": FROST}, encoder, answerer)
    sentences = speech.index.sentences
    [quote] = speech.compose([candidate(next(i for i, s in enumerate(sentences) if "keep fares" in s.text))])
    assert quote.text.startswith('"We will open two libraries," she added.') and quote.text.endswith("where they are,\" she said."), quote.text


LEAVE = (
    "Works director placed on leave\n\nPublic Works Director Alan Forsythe was placed on paid administrative leave on Tuesday. "
    "Deputy director Maria Lopez will run the department while the city investigates. Forsythe could not be reached for comment. "
    "He wrote to the council in March about cracks in the Harlow Street bridge.\n\n"
    "Councilmember Raj Patel voted against the repair budget, saying the city had ignored the warnings. He broke with the mayor for the first time.\n\n"
    "The bridge carries 31,000 vehicles a day. Repairs will take a year. Two shop owners have filed suits against Harlow County over the closure.\n\n"
    "Mayor Ruth Keller conceded that the city had moved too slowly. She promised a review of every inspection.\n"
)


@pytest.mark.parametrize(
    ("unreported", "reported"),
    [
        ("Who replaced Alan Forsythe after he was fired?", "Who is running the department since Alan Forsythe was placed on leave?"),
        ("Was Alan Forsythe fired?", "Was Alan Forsythe placed on leave?"),
    ],
    ids=["taken as given", "asked whether it happened"],
)
def test_an_event_the_articles_never_report_of_who_the_question_names_is_not_answered(tmp_path, encoder, answerer, unreported, reported):
    """"after he was fired", "was he fired" of "placed on leave": no article naming him says so."""
    leave = answerer_over(tmp_path, {"leave.txt": LEAVE, "orchard.txt": FROST}, encoder, answerer)
    fired = leave.answer(unreported)
    assert fired.abstained and fired.answer == "The articles don't say. What they say of Alan Forsythe never mentions “fired”."
    assert not leave.answer(reported).abstained


def test_a_yes_or_no_question_is_answered_by_what_is_told_of_the_rest_of_it_in_other_words(tmp_path, encoder, answerer):
    """"warn" is never said of Forsythe, but the council, the cracks and the bridge are: the
    sentence that tells them may answer yes or no, and is quoted."""
    leave = answerer_over(tmp_path, {"leave.txt": LEAVE, "orchard.txt": FROST}, encoder, answerer)
    warned = leave.answer("Did Alan Forsythe warn the council about cracks in the bridge?")
    assert not warned.abstained and "He wrote to the council in March about cracks" in warned.answer, warned.answer
    assert leave.answer("Was Alan Forsythe fired?").abstained  # it asks nothing else: what is said of him never says so


SCHOOL_VOTE = (
    "Board votes to close Linwood\n\nThe school board voted 4-3 on Tuesday to close Linwood Elementary. The three dissenting members, "
    "Luis Navarro, Beth Sorensen and Anthony Greer, backed a plan to keep it open for a year. Navarro said the closure sent the wrong message.\n"
)


def test_dissenting_tells_of_opposing(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"school.txt": SCHOOL_VOTE, "orchard.txt": FROST}, encoder, answerer)
    opposed = local.answer("Why did Luis Navarro oppose closing Linwood?")  # "dissenting members": not an event no article tells
    assert event_unreported(local.index, "Why did Luis Navarro oppose closing Linwood?") is None
    assert not opposed.abstained and "Navarro" in opposed.quotes[0].text, opposed.answer
    assert local.answer("Why did Luis Navarro praise closing Linwood?").abstained  # he dissented: the opposite


def test_an_event_is_read_in_any_of_its_forms_and_only_when_it_is_one(tmp_path, encoder, answerer):
    leave = answerer_over(tmp_path, {"leave.txt": LEAVE, "orchard.txt": FROST}, encoder, answerer)
    assert leave.answer("Why did Mayor Ruth Keller resign?").abstained
    assert leave.answer("Has anyone at Harlow County been arrested?").abstained
    assert not leave.answer("Why did Raj Patel vote against the repair budget?").abstained
    assert not leave.answer("Did Raj Patel vote against the repair budget?").abstained
    for told in (
        "What did Ruth Keller say after she lost?",  # "conceded": the other word of a win or a loss
        "Why did Raj Patel vte against the repair budget?",  # a typo, not an event
        "Why has Alan Forsythe been placed on leave?",  # the event is "placed", not "been"
        "Why did Raj Patel reportedly vote against the budget?",  # nor "reportedly"
        "Why is Alan Forsythe important?",  # a state, not an event
        "What did Maria Lopez say after Alan Forsythe had been placed on leave?",  # past "had been"
        "Why did Alan Forsythe write to the council?",  # "wrote": another form of the word
        "Did Raj Patel break with the mayor?",  # "broke" (a word of its own to a dictionary of lemmas)
        "Why was Harlow County sued?",  # "suits"
        "Has Raj Patel seen the inspection reports?",  # what someone saw is told in many words
    ):
        assert event_unreported(leave.index, told) is None, told


BRIDGE = (
    "Harlow Street Bridge to stay closed\n\nThe city closed the Harlow Street Bridge on Monday after inspectors found corrosion. "
    "Inspectors first warned about the Harlow Street Bridge in January. Businesses on Harlow Street say sales have fallen by a third. "
    "The Harlow Street Bridge may reopen in the spring. The four-lane bridge carries about 31,000 vehicles a day across the Tesh River.\n"
)


def test_a_name_of_several_words_weighs_as_one_word_against_the_word_asking_about_it(tmp_path, encoder, answerer):
    """"Harlow" and "Street" are only ever written together: counted as two words, the name would
    outweigh "river", the word asking about it, and draw the ranking to every sentence naming the
    street, none of which says what river the bridge crosses."""
    bridge = answerer_over(tmp_path, {"bridge.txt": BRIDGE, "orchard.txt": FROST}, encoder, answerer)
    weights = bridge._term_weights(question_terms("What river does the Harlow Street bridge go over?"))
    idf = bridge.index.idf
    assert weights["harlow"] + weights["street"] == pytest.approx(idf("harlow") / (idf("river") + idf("harlow") + idf("bridg")))
    answer = bridge.answer("What river does the Harlow Street bridge go over?")
    assert not answer.abstained and "Tesh River" in answer.quotes[0].text, answer.answer


COUNCIL = (
    "Council backs library plan\n\nThe council voted 5-2 on Tuesday to approve the library plan. Councilmembers Raj Patel and Linda "
    "Voss cast the two dissenting votes. Patel argued that the city should first repair its water mains.\n\n"
    "More than 120 residents attended the meeting, and 47 of them spoke. The library's director said visits had doubled.\n\n"
    "Voss said the bond would raise the average homeowner's property tax bill by about $38 a year.\n"
)


def test_what_someone_said_is_quoted_though_a_sentence_naming_them_more_fully_ranks_higher(tmp_path, encoder, answerer):
    council = answerer_over(tmp_path, {"council.txt": COUNCIL, "orchard.txt": FROST}, encoder, answerer)
    answer = council.answer("What did Linda Voss say?")
    assert not answer.abstained and answer.quotes[0].text.startswith("Voss said the bond"), answer.answer


BREACH = (
    "Outdoor retailer says hackers took customer data\n\nHalden Outdoor, a camping-gear chain with 85 stores, said on Monday that hackers "
    "had stolen the names, email addresses and phone numbers of about 400,000 customers in the Halden hack. The intruders got in "
    "through a supplier's account in March. The company said card numbers and passwords were not taken. Halden is offering "
    "affected customers a year of free credit monitoring.\n"
)


def test_a_yes_or_no_question_is_answered_first_by_a_sentence_of_what_it_asks_about(tmp_path, encoder, answerer):
    """The best match for "Were customer passwords stolen?" says what else was stolen, of customers:
    the answer is the sentence that speaks of passwords."""
    breach = answerer_over(tmp_path, {"breach.txt": BREACH, "orchard.txt": FROST}, encoder, answerer)
    answer = breach.answer("Were customer passwords stolen in the Halden hack?")
    assert not answer.abstained and "passwords were not taken" in answer.quotes[0].text, answer.answer


RESULTS = (
    "# Town election results announced\n\nThe town of Millbrook counted votes on Tuesday night. The results were as follows:\n\n"
    "| Candidate | Party | Votes |\n| --- | --- | --- |\n| Ruth Keller | Green | 4,210 |\n| Omar Haddad | Independent | 3,877 |\n\n"
    "Turnout was 61 percent, the clerk said.\n"
)


@pytest.mark.parametrize(("question", "row"), [("How many votes did Ruth Keller get?", "| Ruth Keller | Green | 4,210 |"),
                                               ("How many votes did Omar Haddad receive?", "| Omar Haddad | Independent | 3,877 |")])
def test_a_table_row_gives_a_count_its_column_names(tmp_path, encoder, answerer, question, row):
    """"4,210" counts votes because its column is "Votes": the row is read with its header's names."""
    answer = answerer_over(tmp_path, {"results.md": RESULTS, "orchard.txt": FROST}, encoder, answerer).answer(question)
    assert not answer.abstained and row in answer.quotes[0].text, answer.answer


def test_a_question_naming_someone_is_not_padded_from_an_article_that_never_names_them(tmp_path, encoder, answerer):
    both = answerer_over(tmp_path, {"transfer.txt": TRANSFER, "wages.txt": WAGES}, encoder, answerer)
    answer = both.answer("How much will Duarte earn a week?")
    assert "280,000 euros a week" in answer.quotes[0].text
    assert {q.doc_id for q in answer.quotes} == {"transfer"}, [q.text for q in answer.quotes]  # not the factory's 950 euros
    unnamed = both.answer("How much will workers earn a week?")  # no name: any article may answer
    assert "950 euros a week" in unnamed.quotes[0].text
    assert_grounded_quotes(answer, both)


def test_an_article_naming_someone_by_surname_alone_still_answers_a_question_giving_the_full_name(tmp_path, encoder, answerer):
    three = answerer_over(tmp_path, {"transfer.txt": TRANSFER, "wages.txt": WAGES, "old_club.txt": OLD_CLUB}, encoder, answerer)
    answer = three.answer("How much will Tiago Duarte earn a week?")
    assert [q.doc_id for q in answer.quotes] == ["transfer", "old_club"], [q.text for q in answer.quotes]


def test_a_follow_ups_own_words_are_read_for_names_not_the_question_before(answerer):
    without_penalty = with_settings(answerer, unknown_name_penalty=0.0)
    for question, history in (("Who said that?", ["What did Anthropic propose?"]), ("Thanks. Who wrote the blog post?", None)):
        assert answerer.answer(question, history=history).answerability == without_penalty.answer(question, history=history).answerability


PAINTING = (
    "Lost Dutch painting goes on show\n\nA lost Dutch painting went on show on Thursday at the Harbour Gallery of Art after a two-year restoration.\n"
    '"Woman Reading by a Window", which the Harbour Gallery of Art put on show on Thursday after a two-year restoration by a team of six conservators, '
    "was thought lost after it was last recorded at an auction in Amsterdam in 1938.\n"
    "The painting, which measures 48 by 41 centimetres, was acquired by the gallery in 2022 for £1.9 million, with £1.2 million coming from "
    "the National Heritage Memorial Fund and the remainder from the Art Fund charity and a public appeal that raised more than £180,000 from 4,600 donors.\n"
    "Visitors queued along the harbour wall before the doors opened.\n"
)


FLOOD_WALL = (
    "Council backs flood wall\n\nResidents watched from the public gallery as the council voted for a new flood wall on Tuesday.\n"
    "The council will pay £6.2 million from its reserves to raise the harbour wall, and borrow the rest.\n"
)


HARBOUR_GALLERY = (
    "Harbour Gallery shows a lost painting\n\nThe Harbour Gallery put a lost Dutch painting on show on Thursday.\n"
    "It paid £1.9 million for the painting in 2022.\n"
)
NATIONAL_GALLERY = (
    "National Gallery buys a Turner\n\nThe National Gallery in London has paid £6.2 million for a Turner seascape.\n"
    "It will hang beside the harbour scenes in room 34 from May.\n"
)


def test_a_name_ending_in_a_word_any_gallery_ends_in_is_named_only_whole(tmp_path, encoder, answerer):
    """"the Harbour Gallery" is not "the National Gallery": "Gallery" alone, written as a name in another
    article, does not make that gallery's £6.2 million an answer to what the Harbour Gallery paid."""
    both = answerer_over(tmp_path, {"harbour.txt": HARBOUR_GALLERY, "national.txt": NATIONAL_GALLERY}, encoder, answerer)
    answer = both.answer("How much did the Harbour Gallery pay for the painting?")
    assert {q.doc_id for q in answer.quotes} == {"harbour"}, [q.text for q in answer.quotes]


def test_a_name_is_what_an_article_writes_capitalised_not_a_common_word_it_ends_in(tmp_path, encoder, answerer):
    """"the Harbour Gallery" is named only where "Gallery" is written as a name: the council's
    "public gallery" does not make its £6.2 million an answer to what the gallery paid."""
    both = answerer_over(tmp_path, {"painting.txt": PAINTING, "flood_wall.txt": FLOOD_WALL}, encoder, answerer)
    answer = both.answer("How much did the Harbour Gallery pay for Woman Reading by a Window?")
    assert {q.doc_id for q in answer.quotes} == {"painting"}, [q.text for q in answer.quotes]


def test_an_amount_asked_for_is_quoted_though_its_sentence_is_longer_than_the_budget_left(tmp_path, encoder, answerer):
    """The title of the painting matches the question best; the long sentence with what was paid
    comes next and is quoted, over what the budget leaves: a question asking for an amount is
    not answered without one."""
    both = answerer_over(tmp_path, {"painting.txt": PAINTING, "flood_wall.txt": FLOOD_WALL}, encoder, answerer)
    answer = both.answer("How much did the Harbour Gallery pay for Woman Reading by a Window?")
    assert any("£1.9 million" in q.text for q in answer.quotes), answer.answer
    assert_grounded_quotes(answer, both)


RIVER = (
    "Storm floods Carrow\n\nHundreds of residents of the riverside town of Carrow spent Monday night in shelters after Storm Hollis brought a "
    "month's rain in 36 hours and the River Wend burst its banks.\nThe river peaked at 4.62 metres at the Carrow Bridge gauge on Tuesday.\n"
    "Storm Hollis was the third named storm of the season.\n"
)


@pytest.mark.parametrize("question", ["How high did the River Wend get during Storm Hollis?", "What was the height of the River Wend at its peak?"])
def test_a_question_of_how_high_is_answered_by_a_measure(tmp_path, encoder, answerer, question):
    """"How high" wants a number with its unit ("4.62 metres"), not the sentence naming the river and the storm."""
    answer = answerer_over(tmp_path, {"river.txt": RIVER, "flood_wall.txt": FLOOD_WALL}, encoder, answerer).answer(question)
    assert not answer.abstained and "4.62 metres" in answer.quotes[0].text, answer.answer


MATCH = (
    "Okonkwo header sends Castlebridge top\n\nEmeka Okonkwo's header in the 88th minute gave Castlebridge United a 3-2 win over Dunmore Rovers "
    "at Fenwick Park on Saturday.\nRovers had led twice through Sam Tillett and Kofi Mensah.\nCastlebridge have scored in every home game this season.\n"
    "A crowd of 24,318 stayed on to cheer the winner.\n"
)


def test_a_question_of_the_doer_is_on_the_topic_of_the_deed(tmp_path, encoder, answerer):
    """"the winner" is what "a 3-2 win" tells: a sentence naming who won it is on the question's topic, so the bot answers."""
    answer = answerer_over(tmp_path, {"match.txt": MATCH, "flood_wall.txt": FLOOD_WALL}, encoder, answerer).answer("who scored the winner for castlebridge")
    assert not answer.abstained and "Emeka Okonkwo" in answer.quotes[0].text, answer.answer


GARDEN_WASTE = (
    "Council sets garden waste charge\n\nMayor Ruth Bell opened Tuesday's meeting of the council.\n"
    "Residents may have to pay £45 a year for garden waste collection from April.\nCouncillors earn allowances set by an independent panel.\n"
)


def test_a_doer_is_not_any_longer_word_that_starts_like_a_short_one(tmp_path, encoder, answerer):
    """"mayor" is no doer of "may": a charge residents "may have to pay" says nothing of what the mayor earns."""
    answer = answerer_over(tmp_path, {"garden.txt": GARDEN_WASTE, "match.txt": MATCH}, encoder, answerer).answer("How much does the mayor earn?")
    assert answer.abstained, answer.answer


def test_what_something_is_worth_is_not_what_was_paid_for_it(tmp_path, encoder, answerer):
    """"What is the painting worth now?" asks for a value, which the article never gives: what the gallery paid in 2022 is no answer."""
    both = answerer_over(tmp_path, {"painting.txt": PAINTING, "flood_wall.txt": FLOOD_WALL}, encoder, answerer)
    assert both.answer("What is Woman Reading by a Window worth now?").abstained
    assert not both.answer("How much did the gallery pay for Woman Reading by a Window?").abstained


PAUSED = "Harbour council halts tram works\n\nThe harbour council paused work on the new tram line on Monday. Engineers found cracks in the bridge deck.\n"
NOT_PAUSED = "Tram works go on\n\nThe harbour council has not paused work on the new tram line, its leader said on Monday. Crews were on the bridge all week.\n"


def test_a_sentence_that_denies_what_another_article_says_does_not_corroborate_it(tmp_path, encoder, answerer):
    both = answerer_over(tmp_path, {"paused.txt": PAUSED, "not_paused.txt": NOT_PAUSED}, encoder, answerer)
    said, denied = (next(i for i, s in enumerate(both.index.sentences) if s.text.startswith(opening)) for opening in ("The harbour council paused", "The harbour council has not"))
    vectors = both.index.sentence_vectors
    assert float(vectors[said] @ vectors[denied]) >= both.settings.corroboration_similarity  # close enough to merge, but for the denial

    answer = both.answer("Did the harbour council pause work on the tram line?")
    assert_grounded_quotes(answer, both)
    assert all(not quote.also_in for quote in answer.quotes), [(q.text, q.also_in) for q in answer.quotes]
    assert {q.doc_id for q in answer.quotes} == {"paused", "not_paused"}  # each article's own words, side by side


@pytest.mark.parametrize("k", [0, -1, 2.5, 2.0, True, "5"])
def test_the_passage_count_must_be_a_positive_whole_number(answerer, retriever, k):
    from rag.errors import QuestionError

    for asked in (lambda: answerer.answer("Who wrote the blog post?", k=k), lambda: retriever.search("Who wrote the blog post?", k=k)):
        with pytest.raises(QuestionError, match="whole number") as refused:
            asked()
        wrong_type = isinstance(k, (bool, float, str))  # no whole number at all: a TypeError too, as range(2.0) is; 0 is one too small
        assert isinstance(refused.value, TypeError) == wrong_type


@pytest.mark.parametrize(
    "text, shown",
    [
        ("Anthropic urged a pause.", "“Anthropic urged a pause.”"),
        ("“Anthropic urges a global pause”", "“Anthropic urges a global pause”"),  # a quoted line of an article
        ('"Pause now"', '"Pause now"'),
        ("“Soon,” he said, “very soon.”", "‘“Soon,” he said, “very soon.”’"),  # two quotations and words between
        ("Clark said it “could happen soon.”", "‘Clark said it “could happen soon.”’"),  # never “… soon.””
        ('He said "soon" twice.', '‘He said "soon" twice.’'),
    ],
)
def test_a_quote_is_shown_in_one_pair_of_quotation_marks(text, shown):
    assert in_quotation_marks(text) == shown


def leaning_pairs(answerer: Answerer) -> list[tuple[str, str]]:
    """Texts of adjacent quotable sentences where the second leans on the first ("He called for ...")."""
    from rag.text import LEANS_ON_PREVIOUS

    sentences = answerer.index.sentences
    return [
        (before.text, after.text)
        for before, after in zip(sentences, sentences[1:])
        if before.doc_id == after.doc_id and before.quotable and after.quotable and LEANS_ON_PREVIOUS.match(after.text)
    ]


def test_a_sentence_quoted_with_the_one_it_leans_on_is_never_quoted_again(answerer):
    pairs = leaning_pairs(answerer)
    assert len(pairs) >= 5
    for before, after in pairs:  # a question naming words of both sentences picks both
        answer = answerer.answer(f"what about {' '.join(question_terms(before)[:3])} and {' '.join(question_terms(after)[:3])}?")
        assert_grounded_quotes(answer, answerer)


def test_a_sentence_that_points_back_further_on_is_quoted_with_the_one_before(answerer):
    sid = next(i for i, s in enumerate(answerer.index.sentences) if s.text.startswith("Anthropic appears to be using that kind of"))
    [quote] = answerer.compose([candidate(sid)])
    assert quote.text.startswith("Nine Claude models recently solved") and quote.text.endswith("rather than speculation.")  # what "that kind of internal data point" is


def test_a_quote_widened_by_the_sentence_that_leans_on_it_is_one_quote(answerer):
    answer = answerer.answer("what security risks did Azizi Othman raise?")
    assert_grounded_quotes(answer, answerer)
    first = answer.quotes[0].text
    assert first.startswith("Azizi Othman") and "He called for RSI security" in first


def test_an_article_line_that_is_itself_a_quotation_is_not_quoted_twice(answerer):
    quoted_lines = [s for s in answerer.index.sentences if s.quotable and s.text.startswith("“") and s.text.endswith("”")]
    assert quoted_lines, "the bundled articles have such a line (a headline quoted in article 004)"
    line = quoted_lines[0]
    answer = answerer.answer(line.text.strip("“”"))
    assert any(line.text in q.text for q in answer.quotes)
    assert "““" not in answer.answer and "””" not in answer.answer


def test_an_article_in_decomposed_unicode_answers_like_a_composed_question(tmp_path, encoder, answerer):
    import unicodedata

    strike = "Zürich bus strike\n\nBus drivers in Zürich went on strike on Monday over pay. The strike in Zürich is expected to last three days, the union said.\n"
    nfd = answerer_over(
        tmp_path,
        {
            "strike.txt": unicodedata.normalize("NFD", strike),  # as macOS may save it
            "park.txt": PARK,
        },
        encoder,
        answerer,
    )
    answer = nfd.answer("How long will the Zürich strike last?")
    assert not answer.abstained and "three days" in answer.quotes[0].text
    assert_grounded_quotes(answer, nfd)  # quoted as the article writes it, decomposed


def test_a_sentence_that_bridges_two_quotes_joins_them_into_one(tmp_path, encoder, answerer):
    local = answerer_over(
        tmp_path,
        {
            "reactor.txt": "Acme reactor opens\n\nAcme built a new reactor in Ohio last spring. It produces power for ten thousand homes nearby. "
            "It cost nine hundred million dollars in the end. That figure was twice the original budget estimate.\n",
            "park.txt": PARK,
            "audit.txt": "Audit note\n\nThat figure was twice the original budget estimate.\n",
        },
        encoder,
        answerer,
    )
    ids = [i for i, s in enumerate(local.index.sentences) if s.doc_id == "reactor" and s.quotable]
    [audit] = [i for i, s in enumerate(local.index.sentences) if s.doc_id == "audit" and s.quotable]
    assert len(ids) == 4  # each of the last three leans on the one before it
    # quoted in this order: [0, 1], then [2, 3], then 2 again, which would bridge the two; then
    # another article's copy of sentence 3, which is the joined quote's corroboration, not a quote
    order = ((ids[1], 1.0), (ids[3], 0.95), (ids[2], 0.9), (audit, 0.65))
    quotes = local.compose([candidate(sid, score) for sid, score in order])
    assert [q.text for q in quotes] == [local.index.documents["reactor"].text[local.index.sentences[ids[0]].start : local.index.sentences[ids[3]].end]]
    assert quotes[0].also_in == ("audit",)


def test_a_question_pasted_with_markup_is_answered_as_the_plain_question(answerer):
    plain = answerer.answer("who wrote the blog post?")
    pasted = answerer.answer("who wrote the <b>blog post</b>? <img src=x>")
    assert not pasted.abstained and pasted.read_as == "who wrote the blog post?"
    assert [(q.doc_id, q.start) for q in pasted.quotes] == [(q.doc_id, q.start) for q in plain.quotes]


def test_a_sentence_that_announces_the_next_is_quoted_with_it(tmp_path, encoder, answerer):
    local = answerer_over(
        tmp_path,
        {
            "noise.md": "# The tram is wonderful, unless you live next to it\n\nResidents of Mill Lane say the trams squeal on the curve at night. "
            "A council engineer told a residents' meeting something different:\n\n"
            "> Lubrication units can be fitted to the curve within weeks, but the budget for this year has been spent.\n",
            "park.txt": PARK,
        },
        encoder,
        answerer,
    )
    lead_in = next(i for i, s in enumerate(local.index.sentences) if s.text.endswith("something different:"))
    [quote] = local.compose([candidate(lead_in)])
    assert quote.text.startswith("A council engineer told") and quote.text.endswith("the budget for this year has been spent.")
    assert_grounded_quotes(local.answer("What did the council engineer say?"), local)


def test_who_wrote_an_article_and_what_someone_wrote_are_answered_with_bylines(tmp_path, encoder, answerer):
    local = answerer_over(
        tmp_path,
        {
            "tram.md": "# Harwick's tram line opens\n\n*By Elena Marsh, Transport Correspondent*\n\nThe tram line opened on Monday after six years of works.\n",
            "fares.md": "# A guide to the tram fares\n\nA single ticket costs two pounds.\n\nWritten by Sam Okafor\n",
            "rise.md": "# Tram fares rise in April\n\n*By Elena Marsh and Sam Okafor*\n\nTram fares rise by ten pence in April, the operator said.\n",
            "app.md": "# Introducing Tramline 2.0\n\n_Posted by Priya Raman, Head of Product — March 12, 2024_\n\nToday we are shipping the new tram app.\n",
            "heaters.txt": "Brightwell recalls space heaters\n\nBrightwell is recalling 410,000 space heaters. Teresa Alvarez, a safety advocate, said the recall came too late.\n",
            "park.txt": PARK,
        },
        encoder,
        answerer,
    )
    for question, byline in [("Who wrote the article about the tram line opening?", "*By Elena Marsh, Transport Correspondent*"),
                             ("Who is the author of the fares guide?", "Written by Sam Okafor"),
                             ("Who wrote the article about the tram fares rise?", "*By Elena Marsh and Sam Okafor*"),  # the one whose title says so
                             ("Who wrote the Tramline 2.0 announcement?", "_Posted by Priya Raman, Head of Product — March 12, 2024_")]:
        answer = local.answer(question)
        assert not answer.abstained and answer.quotes[0].text == byline, (question, answer.answer)
        assert_grounded(answer, local.index.documents)  # exact, as every quote
        assert unsuppressed(local).answer(question).answerability == 1.0  # so rag eval, which applies thresholds after, answers it too
    works = local.answer("Which articles did Sam Okafor write?")  # what someone wrote: every byline naming them
    assert {q.text for q in works.quotes[:2]} == {"Written by Sam Okafor", "*By Elena Marsh and Sam Okafor*"}, works.answer
    assert local.answer("Who wrote the article about the Mars landing?").abstained  # no article of that topic
    unsigned = local.answer("Who wrote the heater article?")  # an article with no byline: not a person it names
    assert unsigned.abstained and unsigned.answerability == 0.0 and not unsigned.quotes, unsigned.answer
    assert unsigned.answer == "The articles don't say. The article it reads as asking about, “Brightwell recalls space heaters”, names no author."
    assert local.answer("Who wrote the statement in the heater article?").answerability != 0.0  # a statement it tells of, not the article
    assert not any(q.text.startswith("*By") for q in local.answer("When did the tram line open?").quotes)  # never quoted otherwise


def test_who_wrote_an_unsigned_article_is_not_answered_by_the_byline_of_another_sharing_a_word(tmp_path, encoder, answerer):
    local = answerer_over(
        tmp_path,
        {
            "marathon.md": "# Chepkoech wins the city marathon\n\n*By Tomasz Wrona*\n\nFaith Chepkoech won the marathon in record time. "
            "Organizers added extra water stations along the course.\n",
            "water.md": "# Water bills to rise in July\n\nThe city council voted to raise water rates by 12 percent from July 1.\n",
            "park.txt": PARK,
        },
        encoder,
        answerer,
    )
    unsigned = local.answer("Who wrote the article about the water rates?")  # the marathon's byline shares "water" only
    assert unsigned.abstained and not unsigned.quotes, unsigned.answer
    assert unsigned.answer == "The articles don't say. The article it reads as asking about, “Water bills to rise in July”, names no author."  # not "none of them"
    signed = local.answer("Who wrote the article about the marathon?")
    assert not signed.abstained and signed.quotes[0].text == "*By Tomasz Wrona*", signed.answer
    (tmp_path / "corpus" / "grant.md").write_text('---\ntitle: "Eastbrook wins battery grant"\nauthor: "Marcus Lee"\n---\n\n'
                                                  "The university won a $48 million battery research grant.\n", encoding="utf-8")
    build_index(tmp_path / "corpus", tmp_path / "index", encoder=encoder, progress=False)
    with_grant = Answerer(Retriever.load(tmp_path / "index", encoder=encoder), answerer.settings, answerer.answerability)
    front_matter = with_grant.answer("Who wrote the article about the battery grant?")  # named in its front matter
    assert not front_matter.abstained and front_matter.quotes[0].text == 'author: "Marcus Lee"', front_matter.answer


def test_how_many_came_and_how_big_something_is_are_answered_in_the_articles_words(tmp_path, encoder, answerer):
    """"Fans" and "big" are words the article never uses: a crowd counts fans, and "how big" asks
    for a size, which a budget's amount gives."""
    local = answerer_over(
        tmp_path,
        {
            "match.txt": "Harbor City go top\n\nSamuel Okonjo scored three times as Harbor City beat Westbrook 4-1 on Saturday. "
            "A crowd of 41,200 at Harbor Stadium, the largest of the season, saw the win.\n",
            "budget.txt": "Millbrook passes budget\n\nThe Millbrook City Council voted 5-4 on Monday to approve a $182 million budget for 2026.\n",
            "park.txt": PARK,
        },
        encoder,
        answerer,
    )
    fans = local.answer("How many fans attended at Harbor Stadium?")
    assert not fans.abstained and "41,200" in fans.quotes[0].text, fans.answer
    budget = local.answer("How big is Millbrook's budget?")
    assert not budget.abstained and "$182 million" in budget.quotes[0].text, budget.answer


def test_a_place_asked_for_is_answered_by_the_item_numbered_for_it(tmp_path, encoder, answerer):
    race = (
        "Chepkoech breaks course record\n\nFaith Chepkoech of Kenya won the women's race at the Lakeshore Marathon on Sunday in "
        "2 hours 19 minutes 42 seconds.\n\nTop three women:\n\n1. Faith Chepkoech (Kenya), 2:19:42\n2. Stella Chesang (Uganda), 2:21:30\n"
        "3. Tigist Alemu (Ethiopia), 2:22:11\n"
    )
    local = answerer_over(tmp_path, {"race.md": race, "park.txt": PARK}, encoder, answerer)
    second = local.index.sentences[next(i for i, s in enumerate(local.index.sentences) if s.text.startswith("Stella"))]
    assert second.text == "Stella Chesang (Uganda), 2:21:30"  # the number is the list's, not the quote's
    place = local.index.terms_as_quoted[local.index.sentences.index(second)]
    assert set(question_terms("second")) <= place and not set(question_terms("third")) & place  # read as the place it is numbered
    answer = local.answer("Who finished second in the women's race?")
    assert not answer.abstained and any("Stella Chesang" in q.text for q in answer.quotes), answer.answer


def test_a_table_row_is_quoted_under_its_header(tmp_path, encoder, answerer):
    rows = ["| Ticket | Adult | Child |", "| --- | --- | --- |", "| Single | £2.40 | £1.20 |", "| Day | £5.00 | £2.50 |",
            "| Week | £18.00 | £9.00 |", "| Month | £60.00 | £30.00 |",
            *(f"| Zone {n} season | £{100 * n}.00 | £{50 * n}.00 |" for n in range(1, 11)), "| Year | £600.00 | £300.00 |"]
    fares = "# Tram fares\n\nThe fares below apply from 1 April.\n\n" + "\n".join(rows) + "\n"
    local = answerer_over(tmp_path, {"fares.md": fares, "park.txt": PARK}, encoder, answerer)
    sid = {s.text: i for i, s in enumerate(local.index.sentences)}
    [single] = local.compose([candidate(sid[rows[2]])])
    assert single.text == "\n".join(rows[:3])  # which price is whose: the header names the columns
    [month] = local.compose([candidate(sid[rows[5]])])
    assert month.text == "\n".join(rows[:6])  # and no row after it: the others are other tickets
    [year] = local.compose([candidate(sid[rows[-1]])])
    assert year.text == rows[-1]  # over LEAD_TOKENS below it: the row alone, not most of the table
    budget = local.settings.token_budget
    far = next(row for row in rows if count_tokens(fares[fares.index(rows[0]) : fares.index(row) + len(row)]) > budget)
    assert sid[far] in local.index.leads
    [first] = local.compose([candidate(sid[far])])
    assert first.text.startswith(rows[0]) and first.text.endswith(far)  # the first quote: under its header, whatever the budget
    opening = candidate(sid["The fares below apply from 1 April."])
    [_, later] = local.compose([opening, candidate(sid[far], 0.9)])
    assert later.text == far  # a later quote with its header would overrun the answer: the row alone, not left out
    assert set(terms("child")) <= local.index.terms_as_quoted[sid[rows[3]]]  # read with its header's words


def test_a_list_item_is_quoted_with_the_line_that_announces_its_list_and_the_rest_of_the_list(tmp_path, encoder, answerer):
    items = ["Cost overruns of two million pounds on the bridge.", "Staff shortages at the Eastfield depot.",
             "A safety review of the brakes. The regulator ordered it in March.", "Late deliveries of rails from Spain."]
    lead_in = "The council gave four reasons for the delay:"
    tests = "The brake tests ran for six weeks on the test track at the depot, with trams loaded to full weight. " * 10
    trams = (
        "# Harbour tram line delayed until spring\n\nThe harbour tram line will open in May, four months later than planned.\n\n"
        + lead_in + "\n\n" + "".join(f"- {item}\n" for item in items)
        + f"\nThe regulator listed what it found:\n\n- {tests.strip()}\n- Sand on the rails of the harbour curve.\n"
    )
    local = answerer_over(tmp_path, {"trams.md": trams, "park.txt": PARK}, encoder, answerer)

    answer = local.answer("What happened at the Eastfield depot?")
    assert_grounded(answer, local.index.documents)
    first = answer.quotes[0].text
    assert first.startswith(lead_in) and all(item in first for item in items), first  # the item, what it is an item of, and the others
    sid = {s.text: i for i, s in enumerate(local.index.sentences)}
    assert set(terms("reasons delay")) <= local.index.terms_as_quoted[sid[items[1]]]  # matched by its lead-in's words too
    [brakes] = local.compose([candidate(sid["A safety review of the brakes."])])
    assert brakes.text.startswith(lead_in) and brakes.text.endswith(items[3])  # an item's every sentence, then the items after it
    opening = candidate(sid["The harbour tram line will open in May, four months later than planned."])
    tight = replace(local.settings, token_budget=count_tokens(lead_in + items[0] + items[2]) + 24)  # room for the item, not all of it
    _, later = Answerer(local.retriever, tight, local.answerability).compose([opening, candidate(sid["A safety review of the brakes."], 0.9)])
    assert later.text.startswith(lead_in) and later.text.endswith("A safety review of the brakes.")  # a later quote: what fits, not nothing
    [sand] = local.compose([candidate(sid["Sand on the rails of the harbour curve."])])
    assert sand.text == "Sand on the rails of the harbour curve."  # far below its lead-in: the item alone, not a long list


def test_a_block_quote_is_quoted_with_the_line_naming_who_said_it(tmp_path, encoder, answerer):
    local = answerer_over(
        tmp_path,
        {
            "fares.md": "# Transit board raises fares\n\nThe transit board voted to raise fares from July 1.\n\n"
            "> Nobody on this board wanted to raise fares. But a transit system without a reserve is one bad winter away from cutting service.\n"
            "> — Gloria Mbeki, board chair\n\nTwo members voted against the increase.\n",
            "vote.md": "# Council keeps library open\n\n> We heard every one of you. Keep it. The library stays open on Sundays, and it stays free.\n>\n"
            "> — Tom Reilly, mayor\n",  # a pull quote of three sentences, its attribution under a bare ">" line
            "park.txt": PARK,
        },
        encoder,
        answerer,
    )
    answer = local.answer("Who said a transit system without a reserve is one bad winter away from cutting service?")
    assert_grounded(answer, local.index.documents)
    assert answer.quotes[0].text.endswith("— Gloria Mbeki, board chair"), answer.quotes[0].text  # the words and who said them
    sid = {s.text: i for i, s in enumerate(local.index.sentences)}
    [first] = local.compose([candidate(sid["Nobody on this board wanted to raise fares."])])
    assert first.text.endswith("— Gloria Mbeki, board chair")
    [pulled] = local.compose([candidate(sid["We heard every one of you."])])
    assert pulled.text.endswith("— Tom Reilly, mayor"), pulled.text  # a line with no words is no sentence between
    [after] = local.compose([candidate(sid["Two members voted against the increase."])])
    assert after.text == "Two members voted against the increase."  # a paragraph of its own: no one's line


def test_a_word_only_in_code_is_no_word_of_the_articles(tmp_path, encoder, answerer):
    local = answerer_over(
        tmp_path,
        {
            "release.md": "# Transit app update\n\nThe transit agency released version 2 of its trip planner on Monday.\n\n"
            "```\nzorblax --frobnicate\n```\n\nRiders can update the app from the store now.\n",
            "park.txt": PARK,
        },
        encoder,
        answerer,
    )
    assert local.answer("What does zorblax frobnicate do?").abstained  # found only in the code block, as if nowhere
    released = local.answer("When did the transit agency release version 2 of the trip planner?")
    assert not released.abstained and "on Monday" in released.quotes[0].text


def test_a_block_quote_is_found_by_the_name_or_role_of_who_said_it(tmp_path, encoder, answerer):
    quote = (
        "> We have never seen water move this fast through the lower town. The levee held, but the storm drains simply could not keep up.\n"
        "— Rosa Delgado, county emergency manager\n"  # under the quote, without its marker
    )
    local = answerer_over(
        tmp_path,
        {
            "flood.md": "# Millbrook flood damage estimated at $12 million\n\nThe flood that hit Millbrook in April caused $12 million in damage, "
            "the county said.\n\n" + quote + "\nThe county has applied for federal disaster aid.\n",
            "park.txt": PARK,
        },
        encoder,
        answerer,
    )
    sid = {s.text[:20]: i for i, s in enumerate(local.index.sentences)}
    said_by = sid["— Rosa Delgado, coun"]
    assert local.index.attributions == {sid["We have never seen w"]: said_by, sid["The levee held, but "]: said_by}
    assert set(terms("Rosa Delgado emergency manager")) <= local.index.terms_as_quoted[sid["The levee held, but "]]
    for question in ("What did Rosa Delgado say?", "What did the county emergency manager say about the flood?"):
        answer = local.answer(question)
        assert_grounded(answer, local.index.documents)
        assert any(q.text.endswith("— Rosa Delgado, county emergency manager") for q in answer.quotes), (question, answer.answer)
    assert local.answer("What did Rosa Delgado say?").quotes[0].text.startswith("We have never seen water")  # her words first


def test_two_articles_giving_the_same_telling_figure_in_other_words_corroborate_each_other(tmp_path, encoder, answerer):
    local = answerer_over(
        tmp_path,
        {
            "explainer.txt": "Lead pipes in Riverton\n\nRiverton still has roughly 6,200 lead pipes connecting homes to the water mains, according to the utility.\n",
            "rates.txt": "Water rates to rise\n\nThe utility estimates that 6,200 lead service lines remain, almost all of them in homes built before 1950.\n"
            "Its budget was set in 2025. Bills were last raised in 2025.\n",
            "park.txt": PARK,
        },
        encoder,
        answerer,
    )
    sid = {s.text[:20]: i for i, s in enumerate(local.index.sentences)}
    pipes, lines, budget = sid["Riverton still has r"], sid["The utility estimate"], sid["Its budget was set i"]
    vectors = local.index.sentence_vectors
    assert float(vectors[pipes] @ vectors[lines]) < local.settings.corroboration_similarity  # not close enough by meaning alone
    [quote] = local.compose([candidate(pipes), candidate(lines, 0.9)])
    assert quote.also_in == ("rates",) and "6,200" in quote.corroborations[0].text
    assert not local._same_fact(budget, sid["Bills were last rais"], 0.6)  # a year is no telling figure


def test_a_telling_figure_is_not_corroborated_by_a_sentence_that_gives_none(tmp_path, encoder, answerer):
    local = answerer_over(
        tmp_path,
        {
            "notice.txt": "Boil notice issued\n\nThe water authority told about 41,000 households to boil their water after a main burst under Ferris Avenue.\n",
            "lifted.txt": "Boil notice lifted\n\nThe water authority lifted the notice after a main burst under Ferris Avenue left tens of thousands of homes under it.\n"
            "For 2 days after a main burst under Ferris Avenue, tens of thousands of households were told to boil their water.\n"
            "A main burst under Ferris Avenue, the water authority said, and households were told to boil their water.\n",
            "park.txt": PARK,
        },
        encoder,
        answerer,
    )
    figure, vague, plain, dated = (next(i for i, s in enumerate(local.index.sentences) if words in s.text) for words in ("41,000", "left tens", "A main burst", "For 2 days"))
    assert not local._same_fact(figure, vague, 0.95) and not local._same_fact(vague, figure, 0.95)  # however close: it does not say 41,000
    assert not local._same_fact(figure, dated, 0.95)  # nor does a sentence with a small figure of its own
    assert local._same_fact(vague, plain, 0.95)  # neither gives a figure: close enough is the same fact


def test_two_outlets_that_tell_one_event_otherwise_are_each_quoted_with_their_own_account(tmp_path, encoder, answerer):
    """"At least 12 people were killed" and "Fourteen people were killed" (the same words, the same
    "9 a.m.") are two accounts: neither is cited for the other's figure, and the answer quotes both, one after the other."""
    local = answerer_over(
        tmp_path,
        {
            "herald.txt": "Roof collapse at Castrelle market\n\nAt least 12 people were killed when the snow-laden roof of Castrelle's "
            "covered market collapsed shortly after 9 a.m. on Tuesday, officials said. The market was built in 1968.\n",
            "wire.txt": "Fourteen dead in Castrelle\n\nFourteen people were killed when the snow-laden roof of Castrelle's covered market "
            "collapsed shortly after 9 a.m. on Tuesday, officials said. Engineers will inspect the site on Thursday.\n",
            "mill.txt": "Harrowgate to close mill\n\nHarrowgate, which employs about 5,200 people, reported a net loss of 18 million pounds last year.\n",
            "park.txt": PARK,
        },
        encoder,
        answerer,
    )
    for compared in ("Do the reports agree on the death toll in the Castrelle market collapse?", "What do the two outlets say about how many people were killed in Castrelle?"):
        both = local.answer(compared)  # what each outlet says of the toll, not a sentence that "reported" something
        assert sorted(quote.doc_id for quote in both.quotes[:2]) == ["herald", "wire"] and all("killed" in q.text for q in both.quotes[:2]), both.answer
    answer = local.answer("How many people were killed when the Castrelle market roof collapsed?")
    tolls = [quote for quote in answer.quotes if "killed" in quote.text]
    assert [(quote.doc_id, quote.also_in) for quote in tolls] in ([("herald", ()), ("wire", ())], [("wire", ()), ("herald", ())]), answer.answer
    assert answer.quotes.index(tolls[1]) == answer.quotes.index(tolls[0]) + 1  # side by side
    sid = {s.text[:12]: i for i, s in enumerate(local.index.sentences)}
    ranked = [candidate(sid["At least 12 "]), candidate(sid["The market w"], 0.95), candidate(sid["Engineers wi"], 0.9), candidate(sid["Fourteen peo"], 0.8)]
    assert [quote.text[:12] for quote in local.compose(ranked)] == ["At least 12 ", "Fourteen peo", "The market w"]  # the other account next, not crowded out


def test_a_lead_in_that_leans_on_the_sentence_before_is_quoted_with_it(tmp_path, encoder, answerer):
    local = answerer_over(
        tmp_path,
        {
            "plan.md": "# Water plan\n\nThe utility's five-year capital plan totals $186 million. Its main items are:\n\n"
            "- Water main replacement: $74 million.\n- Lead service line removal: $48 million.\n",
            "park.txt": PARK,
        },
        encoder,
        answerer,
    )
    item = next(i for i, s in enumerate(local.index.sentences) if s.text.startswith("Lead service line removal"))
    [quote] = local.compose([candidate(item)])
    assert quote.text.startswith("The utility's five-year capital plan") and quote.text.endswith("$48 million.")  # whose main items


BOARD = (
    "# Transit board raises fares\n\nThe transit board voted to raise fares after a long debate.\n\n"
    "> Nobody on this board wanted to raise fares. We had no choice this year.\n> {dash} Gloria Mbeki, board chair\n\nTwo members voted against.\n"
)


@pytest.mark.parametrize("dash, newline", [("—", "\n"), ("—", "\r\n"), ("–", "\n"), ("--", "\n")], ids=["em", "CRLF", "en", "double-hyphen"])
def test_the_line_naming_who_said_a_block_quote_goes_with_it_and_nowhere_else(tmp_path, encoder, answerer, dash, newline):
    local = answerer_over(tmp_path, {"board.md": BOARD.format(dash=dash).replace("\n", newline), "park.txt": PARK}, encoder, answerer)
    sid = {s.text[:12]: i for i, s in enumerate(local.index.sentences)}
    [said] = local.compose([candidate(sid["Nobody on th"])])
    assert said.text.endswith("Gloria Mbeki, board chair") and said.text.startswith("Nobody")
    [narrator] = local.compose([candidate(sid["The transit "])])
    assert narrator.text == "The transit board voted to raise fares after a long debate."  # not the chair's words
    [again] = local.compose([candidate(sid["Nobody on th"])], said=frozenset({sid["We had no ch"]}))
    assert again.text == "Nobody on this board wanted to raise fares."  # a follow-up quotes nothing said before


def test_a_list_is_quoted_whole_at_an_articles_end_and_when_its_items_are_hard_wrapped(tmp_path, encoder, answerer):
    strike = (
        "# Drivers strike\n\nThe union gave three reasons for the strike:\n\n- Pay has not kept up with prices.\n"
        "- Rosters change at a day's notice. The union blames\n  the new software for it.\n- Depots lack heating in winter.\n"
    )
    local = answerer_over(tmp_path, {"a-strike.md": strike, "b-park.txt": PARK}, encoder, answerer)  # the list ends its article, another follows
    sid = {s.text[:12]: i for i, s in enumerate(local.index.sentences)}
    assert local.index.leads[sid["The union bl"]] == sid["The union ga"]  # the item's second sentence, on a wrapped line, is in the list
    [quote] = local.compose([candidate(sid["Pay has not "])])
    assert quote.text.startswith("The union gave three reasons") and quote.text.endswith("Depots lack heating in winter.")


BUS_DEAL = (
    "# Bus drivers approve contract\n\nThe new contract for the city's 900 bus drivers runs for three years and covers pay, "
    "hours and safety on the buses.\n\nUnder the contract, the city agreed to:\n\n- raise pay by 4% a year;\n- cap shifts at ten hours;\n"
    "- fit new cameras on every bus.\n\nThe union's members approved it on Sunday.\n"
)


def test_a_request_to_list_things_is_answered_first_by_the_list(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"deal.md": BUS_DEAL, "park.txt": PARK}, encoder, answerer)
    lead_in, items = "Under the contract, the city agreed to:", ("raise pay by 4% a year;", "cap shifts at ten hours;", "fit new cameras on every bus.")
    request = "List the main terms of the new bus contract."
    read = local.retriever.read(request)
    vector = local.retriever.encode(read)
    best = local.score_sentences(read, vector, local.retriever.rank_chunks(read, vector))[0]
    assert best.sentence_id not in local.index.leads  # the ranking alone puts the summary first
    listed = local.answer(request)
    assert_grounded(listed, local.index.documents)
    assert listed.quotes[0].text.startswith(lead_in) and all(item in listed.quotes[0].text for item in items)
    assert any(quote.text.startswith("The new contract") for quote in listed.quotes[1:])  # and room is left for what else answers
    asked = local.answer("What does the new bus contract cover?")  # a question, not a request to list
    assert asked.quotes[0].text.startswith("The new contract")


LONG_BUS_DEAL = BUS_DEAL.replace(
    "- fit new cameras on every bus.\n",
    "- fit new cameras on every bus;\n"
    + "".join(f"- repaint depot {depot} in the city's colours and fit it with new lockers, showers and a drivers' rest room;\n" for depot in range(1, 11))
    + "- review the rosters with the union every six months.\n",
)


def test_a_request_to_list_things_is_answered_by_a_list_too_long_to_count(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"deal.md": LONG_BUS_DEAL, "park.txt": PARK}, encoder, answerer)
    sid = {s.text[:24]: i for i, s in enumerate(local.index.sentences)}
    assert sid["review the rosters with "] not in local.index.leads  # the list runs on past what is read under its lead-in
    listed = local.answer("List the main terms of the new bus contract.")
    assert_grounded(listed, local.index.documents)
    assert listed.quotes[0].text.startswith("Under the contract, the city agreed to:")


MAYORS_RACE = (
    "Pruitt loses Millbrook mayor's race\n\nVoters in Millbrook turned out Mayor Gary Pruitt on Tuesday, handing the job to council "
    "member Ana Delgado after a race fought over property taxes.\n\nResults released after midnight showed Delgado with 1,842 votes to "
    "Pruitt's 1,617.\n\nPruitt, 58, a former insurance agent, was first elected in 2017.\n\n"
    '"It has been an honour to serve this town, and I wish Ana well," Pruitt said in a statement.\n\nDelgado will be sworn in next month.\n'
)


def test_a_question_of_what_someone_said_is_answered_first_by_what_they_said(tmp_path, encoder, answerer):
    local = with_settings(answerer_over(tmp_path, {"race.txt": MAYORS_RACE, "park.txt": PARK}, encoder, answerer), abstain_threshold=0.0)
    statement = '"It has been an honour to serve this town, and I wish Ana well," Pruitt said in a statement.'
    asked = "What did Pruitt say after he lost?"
    read = local.retriever.read(asked)
    vector = local.retriever.encode(read)
    ranked = local.score_sentences(read, vector, local.retriever.rank_chunks(read, vector))
    assert local.index.sentences[ranked[0].sentence_id].text.startswith("Voters in Millbrook")  # the ranking alone puts the result first
    answered = local.answer(asked)
    assert_grounded(answered, local.index.documents)
    assert answered.quotes[0].text == statement and len(answered.quotes) > 1  # what he said, then what else answers
    assert local.answer("Why did Pruitt lose?").quotes[0].text != statement  # not a question of what he said
    assert local.answer("What did Delgado say after she won?").quotes[0].text != statement  # Pruitt's words are not hers


def test_one_articles_two_sentences_with_one_figure_are_two_facts(tmp_path, encoder, answerer):
    pipes = (
        "Lead pipes in Riverton\n\nRiverton still has roughly 6,200 lead pipes connecting homes to the water mains.\n\n"
        "Replacing all 6,200 lead pipes will cost the utility $48 million over five years.\n"
    )
    local = answerer_over(tmp_path, {"pipes.txt": pipes, "park.txt": PARK}, encoder, answerer)
    sid = {s.text[:12]: i for i, s in enumerate(local.index.sentences)}
    quotes = local.compose([candidate(sid["Riverton sti"]), candidate(sid["Replacing al"], 0.9)])
    assert len(quotes) == 2  # the cost is a fact of its own, not a copy of the count


QUARTO = (
    "Quarto reports record sales\n\nQuarto Ltd said its revenue rose to $4.1 billion in 2025, helped by demand for its delivery robots. "
    "Chief executive Ana Reyes said the company would open a plant in Lyon.\n"
)
STRIKE = (
    "Transit strike ends\n\nBuses returned to Port Calder on Friday after an 11-day strike that left riders stranded for nearly two weeks. "
    "It was the first strike since 1998, which lasted six days. The union's 4,200 members will vote on the deal next week.\n"
)
WALKOUT = (
    "Drivers walk out\n\nBus drivers in Carrow walked off the job on March 3 after rejecting a pay offer of 4 per cent. "
    "The union said talks with the council would resume on March 21.\n"
)


@pytest.mark.parametrize(
    "article, conflicting, agreeing, quoted",
    [
        (
            QUARTO,
            ("What was Quarto's revenue in 2023?", "What was Quarto's revenue in euros?"),
            ("What was Quarto's revenue in 2025?", "What was Quarto's revenue in dollars?", "What was Quarto's revenue?"),
            "$4.1 billion",
        ),
        (QUARTO, ("Why is Quarto valued at $4.1 billion?",), ("Why did Quarto's revenue rise to $4.1 billion?",), "$4.1 billion"),  # its revenue
        (
            STRIKE,
            ("Why did the 1998 strike last two days?", "Why did the 1998 strike last eleven days?"),  # it lasted six; this one eleven
            ("Why did the 1998 strike last six days?",),
            "six days",
        ),
        (
            WALKOUT,
            ("Why did the Carrow bus drivers walk off the job on March 13?",),  # the month is the article's, the day is not
            ("Why did the Carrow bus drivers walk off the job on March 3?",),
            "March 3",
        ),
    ],
)
def test_a_question_asking_for_another_year_day_currency_or_span_than_the_article_states_abstains(
    article, conflicting, agreeing, quoted, tmp_path, encoder, answerer
):
    local = answerer_over(tmp_path, {"article.txt": article}, encoder, answerer)
    blind = with_settings(local, detail_conflict_penalty=0.0)
    for asked in conflicting:
        assert_abstains_only_with(local, blind, asked)  # every word is in the article
    for asked in agreeing:
        assert_answered_as_without(local, blind, asked, quoted)


FACTORY = (
    "Biscuit factory to close\n\nThe Kirkcaldy biscuit factory will close next spring with the loss of 420 jobs. "
    "Staff were told on Monday that a 45-day consultation on the job losses would begin immediately.\n"
)
LIBRARY_CLOSED = "Library reopens\n\nThe Millbrook library reopened on Monday after being closed for 12 days. The council spent £40,000 on a new roof.\n"
BYPASS = (
    "Bypass approved\n\nCouncillors voted nine to four in favour of the 3.2-mile relief road on Tuesday. "
    "Work will start in six weeks. The school nearby is 23 kilometres from the county town.\n"
)


@pytest.mark.parametrize(
    "question, quoted",
    [
        ("How many weeks will the consultation on the job losses last?", "45-day consultation"),
        ("How many kilometres long is the relief road?", "3.2-mile relief road"),  # not the school's "23 kilometres"
    ],
)
def test_a_span_or_measure_asked_in_another_unit_is_answered_in_the_articles_unit(tmp_path, encoder, answerer, question, quoted):
    answer = answer_over(tmp_path, {"factory.txt": FACTORY, "bypass.txt": BYPASS}, encoder, answerer, question)
    assert not answer.abstained and quoted in answer.quotes[0].text, answer.answer


@pytest.mark.parametrize(
    "told, quoted",
    [
        ("Firefighters spent two days tackling a fire on Marsden Moor. The fire destroyed 120 hectares of the moor.", "120 hectares"),
        ("Firefighters spent two days tackling a fire on Marsden Moor. The cause of the fire is not known.", None),  # no measure stated
    ],
)
def test_a_number_of_a_unit_of_measure_is_answered_only_by_a_measure(tmp_path, encoder, answerer, told, quoted):
    articles = {"moor.txt": f"Moor fire\n\n{told}\n", "library.txt": LIBRARY_CLOSED}
    assert_abstains_or_quotes_first(answer_over(tmp_path, articles, encoder, answerer, "How many acres of Marsden Moor were burned in the fire?"), quoted)


def test_a_span_of_something_else_in_the_unit_asked_does_not_answer(tmp_path, encoder, answerer):
    """"days" frames what "How many days …?" asks: a library closed for 12 days says nothing of the factory."""
    articles = {"factory.txt": "Biscuit factory to close\n\nThe Kirkcaldy biscuit factory will close next spring with the loss of 420 jobs.\n", "library.txt": LIBRARY_CLOSED}
    closing = answerer_over(tmp_path, articles, encoder, answerer)
    assert closing.answer("How many days will the biscuit factory stay open?").abstained
    assert "closed for 12 days" in closing.answer("How many days was the Millbrook library closed?").quotes[0].text


BAN = (
    "Lab urges a pause\n\nHarbor Labs on Monday called for a six-month pause in training larger models. "
    "The company said it is not calling for a permanent ban on research. It wants time to agree on safety tests.\n"
)


def test_a_question_asked_to_be_confirmed_is_answered_by_the_detail_that_denies_it(tmp_path, encoder, answerer):
    quarto = answerer_over(tmp_path, {"quarto.txt": QUARTO}, encoder, answerer)
    denied = quarto.answer("Did Quarto's revenue reach $4.1 billion in 2023?")  # "… in 2025" answers it
    assert not denied.abstained and "in 2025" in denied.quotes[0].text


def test_a_question_asking_for_a_number_that_no_sentence_states_abstains(tmp_path, encoder, answerer):
    strike = answerer_over(tmp_path, {"strike.txt": STRIKE}, encoder, answerer)
    blind = with_settings(strike, type_unmet_penalty=0.0)
    for asked in ("How many buses did Port Calder run?", "How much did the strike cost Port Calder?"):
        assert_abstains_only_with(strike, blind, asked)  # no sentence counts buses or states an amount
    assert_answered_as_without(strike, blind, "How many members does the union have?", "4,200 members")
    assert_answered_as_without(strike, blind, "How long did the strike last?", "11-day strike")


FUNDING = (
    "Harbor Labs closes a funding round\n\nHarbor Labs said on Monday that it had closed a new funding round. "
    "The round values the company at $2 billion.\n\nChief executive Mia Tan said the company would hire 200 engineers. "
    "Investors have welcomed the news.\n"
)


def test_a_question_whose_answer_type_the_best_sentences_state_only_about_something_else_abstains(tmp_path, encoder, answerer):
    funding = answerer_over(tmp_path, {"funding.txt": FUNDING}, encoder, answerer)
    blind = with_settings(funding, type_unmet_penalty=0.0)
    assert_abstains_only_with(funding, blind, "Who led Harbor Labs' funding round?")  # Mia Tan is named about hiring
    assert_answered_as_without(funding, blind, "Who is the chief executive of Harbor Labs?", "Mia Tan")
    assert_answered_as_without(funding, blind, "How many engineers will Harbor Labs hire?", "200 engineers")


GROCER = (
    "Orchard Foods reports a record year\n\nOrchard Foods said on Tuesday that its revenue rose to $410 million last year. "
    "The grocer plans to open ten stores in the spring.\n"
)


PAUSE_CALL = (
    "Anthropic calls for a pause\n\nAnthropic on Thursday called for a pause in the race to build ever more capable AI systems. "
    "The company said labs should agree on safety tests before they scale further. Its chief executive said the risks were growing.\n\n"
    "The proposal drew mixed reactions across the industry. Several investors warned that a pause would slow progress.\n\n"
    "Rival OpenAI declined to comment on the proposal.\n"
)
HEAT = (
    "Heatwave grips the south\n\nTemperatures passed 44 C in Seville on Tuesday. Officials urged people to stay indoors. "
    "Hospitals reported a rise in admissions.\n\nSpanish summers have warmed by 1.5 C since 1975, the weather agency said. "
    "The agency publishes its figures each spring.\n\nFarmers across Spain reported losses.\n"
)


def test_a_question_naming_someone_the_articles_mention_but_not_where_the_answer_is_abstains(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"pause.txt": PAUSE_CALL, "park.txt": PARK, "heat.txt": HEAT}, encoder, answerer)
    blind = with_settings(local, name_elsewhere_penalty=0.0, detail_conflict_penalty=0.0)  # nor that nothing said of OpenAI reports a call
    swapped = "Why did OpenAI call for a pause?"  # Anthropic did; OpenAI only declined to comment
    assert local.answer(swapped).abstained and not blind.answer(swapped).abstained
    place = "How much have summers in Spain warmed since 1975?"  # the article writes "Spanish summers"
    assert local.answer(place).answerability == blind.answer(place).answerability and not local.answer(place).abstained
    for asked in ("Why did Anthropic call for a pause?", "why did anthropic call for a pause"):
        assert_answered_as_without(local, blind, asked, "called for a pause")


MINE = (
    "Court quashes permit for Silver Fork mine\n\nA provincial court on Friday quashed the permit for the Silver Fork copper mine. "
    "The judge found that the province had not consulted two First Nations whose land the mine would cross. "
    "The ruling sends the decision back to the minister.\n\n"
    "The mine, proposed by Denver-based Brantwood Holdings, was approved in 2023. It would employ about 400 people. "
    "Environmental groups had warned of damage to salmon rivers downstream.\n\n"
    "Lawyers for the First Nations called the ruling a turning point. "
    "Brantwood CEO Lena Marsh said the company was disappointed and would consider an appeal.\n"
)


def test_a_company_named_in_full_is_the_one_its_short_name_names(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"mine.txt": MINE, "pause.txt": PAUSE_CALL, "heat.txt": HEAT}, encoder, answerer)
    blind = with_settings(local, name_elsewhere_penalty=0.0)
    for asked in ("Who is the CEO of Brantwood Holdings?", "Which person is the CEO of Brantwood Holdings?"):
        assert_answered_as_without(local, blind, asked, "Lena Marsh")  # "Brantwood CEO Lena Marsh"
    assert local.answer("Why did OpenAI call for a pause?").abstained  # another company, named in full, still is not


FRAUD = (
    "Finance director guilty of fraud\n\nA jury on Thursday found Martin Ashcroft guilty of defrauding the hospital trust of £2.3 million. "
    "The invoices came from a company controlled by his brother-in-law, Derek Mullins.\n\n"
    "Mullins, 61, pleaded guilty to conspiracy to commit fraud at an earlier hearing in January. "
    "Both men will be sentenced in April.\n"
)
FARM_FRAUD = (
    "Farm owner admits fraud\n\nA farm owner, Sarah Mullins, admitted claiming grants for land she did not farm. "
    "Mullins, 58, pleaded guilty to fraud by false representation at a hearing last week.\n"
)


def test_a_person_named_in_full_is_the_one_the_article_then_calls_by_surname(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"fraud.txt": FRAUD, "heat.txt": HEAT}, encoder, answerer)
    blind = with_settings(local, name_elsewhere_penalty=0.0)
    assert_answered_as_without(local, blind, "Did Derek Mullins plead guilty?", "pleaded guilty")  # first: the sentence that answers
    assert_answered_as_without(local, blind, "When did Derek Mullins plead guilty?", "pleaded guilty")


def test_a_surname_does_not_stand_for_another_person_with_it(tmp_path, encoder, answerer):
    unpleaded = FRAUD.replace("Mullins, 61, pleaded guilty to conspiracy to commit fraud at an earlier hearing in January. ", "")
    local = answerer_over(tmp_path, {"farm.txt": FARM_FRAUD, "fraud.txt": unpleaded, "heat.txt": HEAT}, encoder, answerer)
    blind = with_settings(local, name_elsewhere_penalty=0.0)
    assert_abstains_only_with(local, blind, "When did Derek Mullins plead guilty to fraud?")  # the Mullins who pleaded guilty is Sarah


BUS_STRIKE = (
    "Bus strike ends in Carrow\n\nCarrow's bus drivers went back to work on Monday. Their strike ended on March 21 after 19 days, "
    "when the union accepted a raise of 9 per cent over three years. Carrow bus drivers last went on strike in 2012, when a 33-day "
    "walkout ended with a settlement.\n"
)


def test_an_earlier_such_event_does_not_answer_for_the_one_reported(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"strike.txt": BUS_STRIKE, "heat.txt": HEAT}, encoder, answerer)
    assert "19 days" in local.answer("How long did the Carrow bus strike last?").quotes[0].text  # not the 2012 walkout's 33 days
    assert "2012" in local.answer("When did Carrow bus drivers last go on strike?").quotes[0].text  # asked of the earlier one
    assert "2012" not in local.answer("Why did the Carrow bus strike end?").quotes[0].text  # a question of no type too


TRIALS = (
    "Pill cuts repeat strokes\n\nA daily pill cut repeat strokes by 40 per cent in the ORBIT-2 trial, researchers said on Monday. "
    "The study followed 3,120 patients at 140 hospitals. A larger trial, ORBIT-3, will begin enrolling 8,000 patients next year.\n"
)


def test_another_of_a_series_does_not_answer_for_the_one_asked(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"trials.txt": TRIALS, "heat.txt": HEAT}, encoder, answerer)
    assert "3,120" in local.answer("How many patients were in the ORBIT-2 trial?").answer  # not ORBIT-3's 8,000
    assert "8,000" in local.answer("How many patients will ORBIT-3 enrol?").quotes[0].text


RATES = (
    "Arland cuts interest rates\n\nThe Reserve Bank of Arland cut its cash rate to 3.75% on Tuesday. The bank's forecasts show the "
    "economy growing 1.1% this year. The Arland crown fell 0.4% against the U.S. dollar after the announcement.\n"
)


def test_what_a_name_has_is_not_reversed_by_what_else_of_theirs_fell(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"rates.txt": RATES, "heat.txt": HEAT}, encoder, answerer)
    grew = local.answer("How much did Arland's economy grow?")  # the crown fell, not the economy
    assert not grew.abstained and "1.1%" in grew.quotes[0].text, grew.answer
    for asked in ("How much did the economy of Arland grow?", "How much did the Arland economy grow?"):
        grew = local.answer(asked)
        assert not grew.abstained and "1.1%" in grew.quotes[0].text, (asked, grew.answer)
    assert local.answer("Why did Arland's crown rise?").abstained  # it fell


FLOOD_VOTE = (
    "Council backs flood wall\n\nCARROW, Wednesday 27 November 2024 - Carrow District Council voted on Tuesday evening to spend "
    "£14.8 million raising the flood wall. Work is due to start in spring 2025.\n"
)


def test_a_quote_carries_the_date_its_article_is_dated_with(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"vote.txt": FLOOD_VOTE, "heat.txt": HEAT}, encoder, answerer)
    voted = local.answer("When did the council vote to raise the flood wall?")
    quote = voted.quotes[0]
    assert "on Tuesday evening" in quote.text and quote.dated is not None, voted.answer
    assert quote.dated.text == "Wednesday 27 November 2024" == FLOOD_VOTE[quote.dated.start : quote.dated.end]  # what "Tuesday" counts from
    assert voted.to_dict()["quotes"][0]["dated"]["text"] == "Wednesday 27 November 2024"
    shown = answer_message(voted, sources_of(voted, local.index.documents), 1)  # the web chat, under the quote
    assert '<div class="quote-source" dir="auto">Council backs flood wall, dated Wednesday 27 November 2024</div>' in shown
    assert all(q.dated is None for q in local.answer("How hot did it get in Seville?").quotes)  # an article with no dateline has no date


BINS = (
    "Black bins to be emptied every three weeks\n\nBlack bins in Brackenford will be emptied every three weeks from March, the council said. "
    "Residents who cannot wheel their bin to the kerb because of illness or disability can ask for an assisted collection. "
    "New applicants can request one online or by calling the council's waste team on 01632 960 412.\n"
)
ROAD_CLOSURE = (
    "Weir Street to close for bridge repairs\n\nWeir Street in Castlemoor will close for 14 weeks from 2 June while the bridge is repaired. "
    "Anyone with questions about the closure can email roadworks@northyarrow.gov.uk. Updates will be posted each Friday.\n"
)
SURGERY = (
    "Danbury surgeries to merge\n\nThe two GP surgeries in Danbury will merge in October. "
    "From 1 October the partnership will use a single phone number, 01632 961 500.\n"
)


def test_a_way_to_reach_someone_is_quoted_only_from_what_the_question_is_about(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"bins.txt": BINS, "bridge.txt": ROAD_CLOSURE, "surgery.txt": SURGERY}, encoder, answerer)
    called = local.answer("I can't wheel my bin to the kerb because of my arthritis - who do I call?")
    assert "01632 960 412" in called.answer  # the number, not only that collections exist
    emailed = local.answer("Who do I email with a question about the Weir Street closure?")
    assert "roadworks@northyarrow.gov.uk" in emailed.quotes[0].text, emailed.answer
    assert "01632 961 500" in local.answer("What's the new phone number for the Danbury surgeries?").answer
    rung = local.answer("Is there a phone number I can ring about the Weir Street closure?")
    assert rung.abstained, rung.answer  # the surgery's number is no number for the road closure


PAY_DISPUTE = (
    "Bus drivers to strike over pay\n\nDrivers at Trentway Buses will strike next month after rejecting a pay offer. "
    "Trentway drivers are paid £13.40 an hour, and the union is asking for £15.00 an hour. "
    "Drivers at the neighbouring operator, Kestrel Coaches, are paid £14.85 an hour.\n"
)


def test_a_rate_asked_over_one_period_is_not_answered_by_a_rate_over_another(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"pay.txt": PAY_DISPUTE, "heat.txt": HEAT}, encoder, answerer)
    assert "£14.85 an hour" in local.answer("What are Kestrel Coaches drivers paid an hour?").answer
    annual = local.answer("What is the annual salary of a Kestrel Coaches driver?")
    assert annual.abstained, annual.answer  # the pay is told by the hour only


TAKEOVER = (
    "Orrin Telecom agrees to buy Brightwire\n\nOrrin Telecom has agreed to buy the broadband provider Brightwire for £410 million. "
    "Orrin said it would keep Brightwire's headquarters in Tarrow for at least two years. "
    "Brightwire employs 1,150 people.\n"
)


def test_what_another_name_has_does_not_answer_for_the_name_asked(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"takeover.txt": TAKEOVER, "heat.txt": HEAT}, encoder, answerer)
    assert "Tarrow" in local.answer("Where is Brightwire's headquarters?").answer
    orrin = local.answer("Where is Orrin Telecom's headquarters?")
    assert orrin.abstained, orrin.answer  # the headquarters in Tarrow are Brightwire's


CHIEF_EXECUTIVES = (
    "Maltby profits fall\n\nMaltby Brands reported a fall in profit. Its chief executive, Conrad Ashe, who took over in January "
    "from the long-serving Peter Lund, said the company would cut costs. Mr Lund had led the business for 14 years.\n\n"
    "Carradine Foods did better. Its chief executive, Gareth Nolan, who has run the company since 2011, said demand was strong.\n"
)


def test_who_came_before_someone_is_quoted_only_where_the_articles_tell_it(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"results.txt": CHIEF_EXECUTIVES, "heat.txt": HEAT}, encoder, answerer)
    assert "Peter Lund" in local.answer("Who ran Maltby before Conrad Ashe?").answer
    nolan = local.answer("Who ran Carradine Foods before Gareth Nolan?")
    assert nolan.abstained, nolan.answer  # "has run the company since 2011" names no one before him


RECORD_FIELD = (
    "Kiprono wins Harbourside Marathon\n\nDaniel Kiprono won the Harbourside Marathon on Sunday in 2:09:41. He finished 38 seconds ahead "
    "of Abebe Tesfaye. The women's race was won by Isla McBride.\n\nOrganisers said 14,210 runners started the race, up from 12,480 "
    "last year.\n\nSt John Ambulance said it had treated 212 people during the day, most for blisters and cramp.\n\n"
    "The race director, Gemma Lowther, is to retire. In her last year in the post she was paid £48,000.\n"
)


def test_a_figure_of_the_year_before_is_not_answered_by_this_years(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"marathon.txt": RECORD_FIELD, "heat.txt": HEAT}, encoder, answerer)
    assert "12,480" in local.answer("How many runners started the marathon last year?").answer
    treated = local.answer("How many people did St John Ambulance treat at last year's marathon?")
    assert treated.abstained and "the year before" in treated.answer, treated.answer  # 212 were treated this year
    assert "£48,000" in local.answer("How much was Gemma Lowther paid in her last year as race director?").answer  # her own last year


STORM = (
    "Storm floods Carrow\n\nMore than 300 residents of Carrow spent the night in shelters after Storm Hollis flooded 340 homes. "
    "No deaths or serious injuries were reported in Carrow. The river is expected to fall by Thursday.\n"
)


def test_how_many_died_is_answered_by_a_count_of_the_dead_even_of_none(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"storm.txt": STORM, "heat.txt": HEAT}, encoder, answerer)
    died = local.answer("How many people died in Carrow during Storm Hollis?")
    assert not died.abstained and died.quotes[0].text == "No deaths or serious injuries were reported in Carrow.", died.answer  # not the 300 in shelters


INTERVIEW = (
    "Emberline chief on cutting jobs\n\nBushfire detection startup Emberline raised A$62 million this month. "
    "Chief executive Mei Harcourt spoke to the Herald.\n\n"
    "Q: Blackwattle partner Tom Reyes is joining your board. What does he bring?\n\n"
    "A: He's built and sold two hardware businesses. He'll ask uncomfortable questions.\n\n"
    "Q: When will you be profitable?\n\n"
    "A: We're targeting break-even by the end of the 2026 financial year.\n"
)


def test_an_interviews_answer_is_quoted_with_its_question(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"interview.txt": INTERVIEW, "heat.txt": HEAT}, encoder, answerer)
    brings = local.answer("What does Tom Reyes bring to Emberline's board?")  # he is named only in the question
    assert not brings.abstained and brings.quotes[0].text.startswith("Q: Blackwattle partner Tom Reyes"), brings.answer
    assert "He's built and sold two hardware businesses." in brings.quotes[0].text
    profitable = local.answer("When will Emberline be profitable?")
    assert any(q.text.startswith("Q: When will you be profitable?") and "break-even" in q.text for q in profitable.quotes), profitable.answer


def test_an_interview_question_set_in_bold_is_quoted_with_both_its_marks(tmp_path, encoder, answerer):
    bold = INTERVIEW.replace("Q: When will you be profitable?", "**Q: When will you be profitable?**")
    local = answerer_over(tmp_path, {"interview.md": bold, "heat.txt": HEAT}, encoder, answerer)
    profitable = local.answer("When will Emberline be profitable?")
    quote = next(q for q in profitable.quotes if "break-even" in q.text)
    assert quote.text.startswith("**Q: When will you be profitable?**"), quote.text  # not "Q: … profitable?**", a mark left open


HEAT_PUMP_FAQ = (
    "# Heat pump grants: your questions answered\n\nThe government's new Warm Homes Grant opens to applications on 1 April.\n\n"
    "## How much is it worth?\n\nThe grant is 7,500 pounds for an air source heat pump.\n\n"
    "## Is there a deadline?\n\nThe scheme runs until 31 March 2028 or until the money runs out, whichever comes first.\n\n"
    "## Do I need to have my loft insulated first?\n\nNo. The old scheme required loft and cavity wall insulation to be in place first.\n"
)


def test_an_faqs_answer_is_found_and_quoted_under_its_question(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"faq.md": HEAT_PUMP_FAQ, "heat.txt": HEAT}, encoder, answerer)
    deadline = local.answer("Is there a deadline for the Warm Homes Grant?")  # the answer names no grant and no deadline
    assert deadline.quotes[0].text.startswith("The scheme runs until 31 March 2028"), deadline.answer  # the question never quoted
    loft = local.answer("Do I need loft insulation before getting a heat pump?")
    assert loft.quotes[0].text.startswith("No. The old scheme required"), loft.answer  # the answer's "No." with it, not the old rule alone


BUDGET_LIVE = (
    "# Budget day live\n\nChancellor Eleanor Marsh is delivering her first budget.\n\n"
    "**Updated 2:20 p.m.**\n\nMarsh has sat down after speaking for 68 minutes.\n\n"
    "**Updated 1:40 p.m.**\n\nFuel duty is frozen for another 12 months, Marsh announces.\n\n"
    "**Updated 1:30 p.m.**\n\nThe Chancellor opens by saying growth has been revised up to 1.4 percent.\n"
)


def test_a_live_blogs_entry_is_quoted_with_its_time_stamp(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"live.md": BUDGET_LIVE, "heat.txt": HEAT}, encoder, answerer)
    when = local.answer("When was the fuel duty freeze announced?")
    assert not when.abstained and when.quotes[0].text.startswith("**Updated 1:40 p.m.**") and "Fuel duty is frozen" in when.quotes[0].text, when.answer
    at = local.answer("What happened at 2:20 p.m.?")
    assert "Marsh has sat down" in at.quotes[0].text, at.answer  # not the stamp "Updated 2:20 p.m." alone


SOWERBY_VOTE = (
    "Little Sowerby votes for parking charges\n\nLittle Sowerby parish council voted 8-3 on Tuesday to bring in parking charges on the green. "
    "Council leader Danielle Okafor said the money would repair the village hall.\n"
)


def test_a_name_the_articles_write_only_as_another_is_never_answered_from_that_one(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"sowerby.txt": SOWERBY_VOTE, "heat.txt": HEAT}, encoder, answerer)
    other = local.answer("How did Great Sowerby council vote on parking charges?")
    assert other.abstained and "They never mention Great Sowerby." in other.answer, other.answer  # not Little Sowerby's 8-3
    person = local.answer("What did James Okafor say about the money?")
    assert person.abstained and "They never mention James Okafor." in person.answer, person.answer
    asked = local.answer("How did Little Sowerby council vote on parking charges?")
    assert not asked.abstained and "voted 8-3" in asked.quotes[0].text, asked.answer
    titled = local.answer("What did council leader Okafor say about the money?")  # a title before the name is no other name
    assert not titled.abstained, titled.answer
    mister = local.answer("What did Ms Okafor say about the money?")  # nor an honorific
    assert not mister.abstained, mister.answer


BRADFORD_TAX = (
    "Bradford council approves 9.99% tax rise\n\nCouncillors approved the rise by 48 votes to 34 after a long debate. "
    "The leader of Bradford council said the rise was needed to close a gap of £200 million.\n"
)
LEEDS_TAX = (
    "Leeds council approves 4.99% tax rise\n\nCouncillors approved the rise by 61 votes to 20 on Wednesday. "
    "Leeds will also cut library hours to save money.\n"
)


def test_a_follow_up_naming_a_place_is_answered_from_the_article_headed_with_it(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"bradford.txt": BRADFORD_TAX, "leeds.txt": LEEDS_TAX, "heat.txt": HEAT}, encoder, answerer)
    bradford = local.answer("What about Bradford?", history=["How many votes did the council tax rise get?"])
    assert not bradford.abstained and any("48 votes to 34" in quote.text for quote in bradford.quotes), bradford.answer  # its sentence names no Bradford


NURSES = (
    "Hospital waits reach record\n\nThe Nurses' Federation said the government's response came too late.\n\n"
    "\"Our members are at breaking point,\" Moran said. \"Nurses did not train for years to work like this.\n\n"
    "\"A bed without a nurse is just furniture. Until the government fixes staffing, these figures will only get worse.\"\n"
)


def test_a_quotation_going_on_into_the_next_paragraph_is_quoted_with_who_said_it(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"nurses.txt": NURSES, "heat.txt": HEAT}, encoder, answerer)
    said = local.answer('Who said "A bed without a nurse is just furniture"?')
    assert said.quotes[0].text.startswith('"Our members are at breaking point," Moran said.') and "just furniture" in said.quotes[0].text, said.answer


VILLAGE_HALL = (
    "Village hall to reopen\n\nCouncil leader Danielle\u00a0Okafor said the money would repair the village hall. "
    "Élise Moreau, the treasurer, said the repairs would cost £40,000.\n"
)
OTHER_OKAFOR = "Farm sold\n\nFarmer James Okafor has sold his farm to Jean Moreau for £1.2 million.\n"


def test_a_name_written_with_an_accent_or_a_non_breaking_space_is_no_look_alike(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"hall.txt": VILLAGE_HALL, "farm.txt": OTHER_OKAFOR, "heat.txt": HEAT}, encoder, answerer)
    for question in ("What did Danielle Okafor say about the village hall?", "What did Élise Moreau say about the repairs?"):
        answer = local.answer(question)
        assert not answer.abstained and answer.quotes[0].doc_id == "hall", (question, answer.answer)


INTERVIEW_WITH_BYLINE = (
    "Nimbo founder on starting out\n\n*By Tom Baker*\n\nSara Lind founded Nimbo.\n\n"
    "Q: How did it start?\n\nA: I started Nimbo in 2019 in my parents' garage with £3,000 of savings.\n\n"
    "Q: What next?\n\nA: We will open an office in Leeds.\n"
)


def test_an_interviews_i_is_not_the_interviewers_byline(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"nimbo.md": INTERVIEW_WITH_BYLINE, "heat.txt": HEAT}, encoder, answerer)
    wrong = local.answer("When did Tom Baker start Nimbo in his parents' garage?")
    assert wrong.abstained, wrong.answer  # Sara Lind did; Tom Baker wrote it up


LIBRARY_QUOTED = (
    "Libraries close\n\n\"Nobody is against libraries,\" council leader Piotr Kowalczyk told reporters. "
    "\"But we had a $9 million hole in the budget,\" he said on Tuesday.\n"
)


def test_a_quotation_goes_on_to_its_next_sentence_told_on_a_day(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"library.txt": LIBRARY_QUOTED, "heat.txt": HEAT}, encoder, answerer)
    told = local.answer("What did Kowalczyk tell reporters about libraries?")
    assert told.quotes[0].text.endswith('he said on Tuesday.'), told.answer  # "Tuesday" names no other speaker


COLUMN_QUOTING = (
    "# Eastgate library to close despite protests\n\nBy Tom Reed\n\nThe council voted on Monday to close the Eastgate branch library to save £400,000 a year.\n\n"
    "Councillor Ruth Mensah said she had struggled with the decision. \u201cI love those libraries.\n\n"
    "I grew up in the Eastgate branch and I learned to read there,\u201d she said.\n\nCampaigners said they would challenge the decision in court.\n"
)


def test_the_i_of_a_quotation_is_not_the_bylines(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"library.md": COLUMN_QUOTING}, encoder, answerer)
    wrong = local.answer("Where did Tom Reed learn to read?")
    assert wrong.abstained, wrong.answer  # Ruth Mensah did


LIBRARY_CAMPAIGN = (
    "Libraries lose hours\n\nThe council voted 9-4 on Tuesday to cut opening hours at all six libraries. "
    "Councillor Ruth Mensah said the council had no choice because its grant had been cut. "
    "\"This is a betrayal of every child in this town,\" said campaigner Tom Price. \"We will take the council to court.\"\n"
)


def test_what_someone_said_stops_where_another_speakers_words_begin(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"library.txt": LIBRARY_CAMPAIGN, "heat.txt": HEAT}, encoder, answerer)
    said = local.answer("What did Ruth Mensah say about the library cuts?")
    assert said.quotes[0].text.startswith("Councillor Ruth Mensah") and "Tom Price" not in said.quotes[0].text, said.answer


COLUMN = (
    "# I teach high school English. AI has changed everything.\n\n*By Rachel Emmerson*\n\n"
    "I have taught English at Northgate High School for 16 years. Of 31 essays, I am confident at least 12 were written largely by a chatbot.\n\n"
    "Some of my colleagues want to ban devices entirely.\n"
)


def test_an_opinion_pieces_i_is_the_one_its_byline_names(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"column.md": COLUMN, "heat.txt": HEAT}, encoder, answerer)
    essays = local.answer("How many essays did Rachel Emmerson think were written by a chatbot?")
    assert not essays.abstained and "at least 12 were written largely by a chatbot" in essays.quotes[0].text, essays.answer


LIBRARY_VOTE = (
    "Council cuts library hours\n\nThe council voted 9-4 to cut library hours. "
    "Councillor Ruth Mensah, who voted in favour, said she had struggled with the decision. \"I love those libraries. "
    "I grew up in the Eastgate branch,\" she said. \"But the alternative was cutting bus routes.\"\n\n"
    "The cuts take effect in March.\n"
)


def test_what_someone_said_goes_on_to_their_words(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"library.txt": LIBRARY_VOTE, "heat.txt": HEAT}, encoder, answerer)
    said = local.answer("What did Ruth Mensah say about the budget?")
    assert said.quotes[0].text.startswith("Councillor Ruth Mensah") and said.quotes[0].text.endswith('"But the alternative was cutting bus routes."'), said.answer
    voted = local.answer("How did Ruth Mensah vote?")  # not what she said: the sentence alone
    assert voted.quotes[0].text == "Councillor Ruth Mensah, who voted in favour, said she had struggled with the decision.", voted.answer


LAKE_CASE = (
    "Judge orders cleanup of Lake Wendell\n\nA judge ruled on Friday that Halvorsen Chemical contaminated Lake Wendell for two decades. "
    "The case was filed in August 2021 by the Lake Wendell Conservancy and 212 people who own property along the lake.\n\n"
    "The property owners' claims for damages will be decided in a separate phase of the case, scheduled to begin in January 2026.\n"
)


def test_what_happens_next_is_answered_by_what_is_to_come(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"lake.txt": LAKE_CASE, "heat.txt": HEAT}, encoder, answerer)
    next_ = local.answer("What happens next in the Lake Wendell case?")
    assert not next_.abstained and "will be decided in a separate phase" in next_.quotes[0].text, next_.answer  # not when it was filed


WALK_STUDY = (
    "Short walks cut blood sugar spikes\n\nA short walk after each meal lowered blood sugar spikes in adults over 60, a trial found. "
    "The authors acknowledged several limitations. Most participants were white and lived in urban areas.\n\n"
    "The study followed 312 participants for 24 weeks.\n"
)


def test_a_sentence_announcing_what_follows_is_quoted_with_it(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"walk.txt": WALK_STUDY, "heat.txt": HEAT}, encoder, answerer)
    limits = local.answer("What limitations did the authors acknowledge?")
    assert limits.quotes[0].text == "The authors acknowledged several limitations. Most participants were white and lived in urban areas.", limits.answer
    for fact in ("Police arrested two teenagers.", "Vargas scored three goals.", "Police arrested three men on Friday after a long search of the woods."):
        assert not announces_what_follows(fact), fact  # a fact of its own, not only an announcement


AIRLINE = (
    "Airline profit climbs\n\nNordavia, the Oslo airline, reported a 13% rise in profit as lower fuel prices outweighed the cost of a "
    "pilots' strike. Fuel costs fell 9% to 10.1 billion kroner as oil prices dropped. Ticket sales reached a record.\n"
)


def test_what_a_name_has_is_told_by_a_sentence_of_its_article_that_does_not_name_it(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"airline.txt": AIRLINE, "heat.txt": HEAT}, encoder, answerer)
    fell = local.answer("Why did Nordavia's fuel costs fall?")  # "Fuel costs fell 9%", not the profit's rise
    assert not fell.abstained and "Fuel costs fell 9%" in fell.answer, fell.answer


# The session's code review: what the rules above must not read too widely.
REVIEW_CORPORA = {
    "vargas.txt": "Vargas flies to Madrid\n\nStriker Leo Vargas flew to Madrid on Monday for talks with the club. Vargas completed a medical on Tuesday.\n",
    "council.txt": (
        "Harbour plan vote\n\nThe harbour plan, drawn up for the Carrow Council over two years, would add 300 homes and a ferry terminal "
        "to the waterfront.\n\nIn a vote on Tuesday evening, the Carrow Council rejected it by nine votes to four.\n"
    ),
    "fuel.txt": (
        "Northwind results\n\nNorthwind's fuel costs rose 9% in the third quarter, the airline said on Thursday. Analysts had expected "
        "fuel costs to fall as oil prices eased. Its fuel costs have not fallen in any quarter since 2019.\n"
    ),
    "rowing.txt": (
        "Former treasurer admits fraud\n\nA former club treasurer admitted stealing from the Carrow Rowing Club at Carrow Crown Court on Monday.\n\n"
        "Mullins, 61, pleaded guilty to two counts of fraud by abuse of position. Derek Mullins took £42,000 over six years, the court heard.\n\n"
        "His wife, Karen, who was in the public gallery, wept as Mullins was led away.\n"
    ),
}


def test_the_readings_of_this_session_do_not_reach_past_what_they_are_for(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {**REVIEW_CORPORA, "heat.txt": HEAT}, encoder, answerer)
    assert local.answer("Was Vargas arrested in Madrid?").abstained  # "flew to Madrid": a place is no part of the event
    assert local.answer("Why did the Carrow Council approve the harbour plan?").abstained  # "approve" is the event, not a thing the council has
    assert local.answer("Why did Northwind's fuel costs fall?").abstained  # expected to fall, not fallen: they rose
    assert local.answer("Did Karen Mullins plead guilty?").abstained  # "Karen" and "Mullins" in one sentence: another Mullins's plea


def test_a_list_items_marker_is_no_emphasis_to_close(tmp_path, encoder, answerer):
    points = "Budget key points\n\nThe council set its budget on Monday.\n\n* The harbour budget is *final*, the treasurer said on Monday.\n* Parking fees rise in May.\n"
    local = answerer_over(tmp_path, {"points.md": points, "heat.txt": HEAT}, encoder, answerer)
    final = local.answer("Is the harbour budget final?")
    assert final.quotes[0].text.startswith("The harbour budget is *final*"), final.answer  # not "* The harbour …"


def test_a_headline_spells_out_no_acronym(tmp_path, encoder, answerer):
    pay = "# Budget Meets Anger From Junior Doctors\n\nJunior doctors in Carrow said on Monday that the 3% pay offer in the budget was an insult.\n"
    local = answerer_over(tmp_path, {"pay.md": pay, "heat.txt": HEAT}, encoder, answerer)
    assert local.answer("What did the BMA say about junior doctors' pay?").read_as is None  # not "the Budget Meets Anger"


LIBRARY_BOND = (
    "Voters back library bond\n\nMillbrook voters on Tuesday approved a $3.2 million bond. Turnout was 41 per cent. "
    "The town clerk said results would be certified on Friday.\n\n"
    "The bond will pay to renovate the Kestrel Memorial Library. The project will add a lift and a new roof. "
    "The library, built in 1911, has not been renovated since 1974.\n"
)


def test_a_name_the_answering_sentence_gives_by_its_kind_is_one_it_is_about(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"bond.txt": LIBRARY_BOND, "heat.txt": HEAT}, encoder, answerer)
    built = local.answer("When was the Kestrel Memorial Library built?")  # "The library, built in 1911", two sentences after its name
    assert not built.abstained and "1911" in built.quotes[0].text, built.answer


PILL = (
    "Migraine pill halves attack days\n\nAn experimental pill halved the number of days with migraine in a trial of 1,400 adults. "
    "Its developer, Corvane, said it plans to ask the Food and Drug Administration to approve the pill in 2026. "
    "Side effects were mild. The trial ran at 40 hospitals in Canada.\n"
)


def test_an_acronym_the_articles_only_spell_out_is_asked_about_as_they_spell_it(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"pill.txt": PILL, "heat.txt": HEAT}, encoder, answerer)
    answer = local.answer("Has the FDA approved the migraine pill?")  # never "FDA": not a name they never mention
    assert answer.read_as == "Has the Food and Drug Administration approved the migraine pill?"
    assert not answer.abstained and "Food and Drug Administration" in answer.quotes[0].text, answer.answer
    assert local.answer("Has the SEC approved the migraine pill?").read_as is None  # well known as another body: left as asked


def test_a_place_asked_of_by_its_adjective_is_one_the_articles_mention(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"pill.txt": PILL, "heat.txt": HEAT}, encoder, answerer)
    assert unknown_names(local.index, "How many Canadian hospitals ran the trial?") == []  # "40 hospitals in Canada"
    assert unknown_names(local.index, "How many Mexican hospitals ran the trial?") == ["Mexican"]


TRAM = (
    "Council approves tram extension\n\nThe city council on Monday approved a plan to extend the tram line to the airport, 7 to 2. "
    "Councillor Ruth Okafor criticised the plan as too costly for a city facing a budget gap. The first trams are due to run in 2028.\n"
)
PEAKS = (
    "Harbor County at a glance\n\nThe highest point in Harbor County is Mount Tallis, at 1,204 metres. The lowest farms lie "
    "along the river. The county has 14 lakes and two rivers.\n"
)
RACE = (
    "Delgado wins Millbrook race\n\nResults released after midnight showed Ana Delgado with 1,842 votes to Gary Pruitt's 1,617, a "
    "margin of 225. Pruitt conceded in a phone call on Wednesday. Turnout was about 42%.\n"
)
TALKS = (
    "Bus strike talks resume\n\nThe talks are led by Harold Ng, a mediator with the state labor board, who took on the dispute in 2021. "
    "Denise Okafor leads the drivers' union. Ng declined to comment on Thursday.\n"
)
LECTURE = (
    "Lab leaders warn on AI\n\nJack Clark predicted during a London lecture that such systems could arrive within two years. "
    "Chief executive Dario Amodei has raised concerns about job losses. Both spoke after the company's report.\n"
)


@pytest.mark.parametrize(
    "articles, penalty, false_premise, asked, quoted",
    [
        (  # a why-question the best sentence denies: it is not calling for a ban
            {"ban.txt": BAN},
            "detail_conflict_penalty",
            "Why is Harbor Labs calling for a permanent ban on research?",
            "Why did Harbor Labs call for a pause?",
            "pause",
        ),
        (  # a why-question taking as given the opposite of what the best sentence states: she criticised it
            {"tram.txt": TRAM},
            "detail_conflict_penalty",
            "Why did Ruth Okafor praise the tram plan?",
            "Why did Ruth Okafor criticise the tram plan?",
            "too costly",
        ),
        (  # an extreme swapped for its opposite, as SQuAD 2.0's unanswerable questions often are
            {"peaks.txt": PEAKS},
            "detail_conflict_penalty",
            "What is the lowest point in Harbor County?",
            "What is the highest point in Harbor County?",
            "Mount Tallis",
        ),
        (  # an event whose opposite another sentence naming him states: Pruitt conceded, so he won nothing
            {"race.txt": RACE},
            "detail_conflict_penalty",
            "By how many votes did Pruitt win?",
            "By how many votes did Delgado win?",
            "225",
        ),
        (  # a title the articles never give him: Ng is a mediator (of the labor board, so the question is on his topic)
            {"talks.txt": TALKS},
            "detail_conflict_penalty",
            "When did Harold Ng become president of the labor board?",
            "When did Harold Ng take on the dispute?",
            "2021",
        ),
        (  # an answer type stated only in an article about someone else: the grocer's revenue is no answer
            {"funding.txt": FUNDING, "grocer.txt": GROCER},
            "type_unmet_penalty",
            "What was the revenue of Harbor Labs after the round?",
            "What was Orchard Foods' revenue last year?",
            "$410 million",
        ),
        (  # a person asked about, answered by what another person did: Jack Clark predicted it
            {"lecture.txt": LECTURE},
            "name_elsewhere_penalty",
            "What did Dario Amodei predict in his London lecture?",
            "What did Jack Clark predict in his London lecture?",
            "two years",
        ),
    ],
)
def test_a_false_premise_that_only_its_penalty_sees_abstains(articles, penalty, false_premise, asked, quoted, tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, articles, encoder, answerer)
    blind = with_settings(local, **{penalty: 0.0})
    assert_abstains_only_with(local, blind, false_premise)
    assert_answered_as_without(local, blind, asked, quoted)


LAKE_RULING = (
    "Judge orders Halvorsen Chemical to pay for lake cleanup\n\nA judge ruled on Friday that the company contaminated the lake with "
    "industrial chemicals. The lawsuit was filed in 2021 by the Lake Wendell Conservancy, a nonprofit group. The company said it would appeal.\n"
)
PLANT_EXPANSION = (
    "Halvorsen Chemical to expand its plant\n\nHalvorsen Chemical filed plans on Monday for a new warehouse at its riverside plant. "
    "The expansion would add 200 jobs. Construction could begin next spring.\n"
)


def test_a_sentence_that_leaves_its_headline_unsaid_gets_part_of_its_words(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"lake.txt": LAKE_RULING, "plant.txt": PLANT_EXPANSION, "park.txt": PARK}, encoder, answerer)
    without = with_settings(local, title_credit=0.0)
    asked = "When was the lawsuit against Halvorsen Chemical filed?"  # the sentence saying when leaves the company's name to its headline
    assert local.answer(asked).quotes[0].text.startswith("The lawsuit was filed in 2021"), local.answer(asked).answer
    assert without.answer(asked).quotes[0].text.startswith("Halvorsen Chemical filed plans")  # the company's name, another filing
    expansion = "When did Halvorsen Chemical file plans to expand its plant?"  # "expand": in the headline only
    credited, plain = local.answer(expansion).quotes[0], without.answer(expansion).quotes[0]
    assert credited.text == plain.text and credited.text.startswith("Halvorsen Chemical filed plans on Monday")
    assert credited.score > plain.score  # naming the headline's own subject, it keeps the credit


STRIKE_COUNCIL = (
    "Council braces for tram strike\n\nThe city council said the tram strike planned for Friday would close all three lines. "
    "Officials urged commuters to use buses instead.\n"
)
STRIKE_UNION = (
    "Tram drivers vote to walk out\n\nTram drivers voted by a large majority to strike on Friday over pay. "
    "The union said talks with the operator had broken down.\n"
)
STRIKE_SHOPS = (
    "Shops fear a quiet Friday\n\nCity centre traders expect fewer customers during Friday's tram strike. "
    "One baker said she would open late.\n"
)
STRIKE_SCHOOLS = (
    "Schools stay open\n\nHead teachers said schools would stay open during the tram strike, though some pupils may arrive late. "
    "Exams will go ahead as planned.\n"
)


def test_a_question_of_what_the_articles_say_gets_one_quote_from_each_article(tmp_path, encoder, answerer):
    articles = {"council.txt": STRIKE_COUNCIL, "union.txt": STRIKE_UNION, "shops.txt": STRIKE_SHOPS, "schools.txt": STRIKE_SCHOOLS, "park.txt": PARK}
    local = answerer_over(tmp_path, articles, encoder, answerer)
    across = local.answer("Which articles mention the tram strike?")
    cited = [q.doc_id for q in across.quotes]
    assert sorted(cited) == ["council", "schools", "shops", "union"], across.answer  # each once, more than max_quotes; not the park story
    assert len(local.answer("What will happen during the tram strike?").quotes) <= local.settings.max_quotes  # a question of one thing
    assert all("strike" in q.text for q in across.quotes)
    assert_grounded_quotes(across, local)


@pytest.mark.parametrize(
    "question, across",
    [
        ("Which articles mention OpenAI?", True),
        ("Do the articles agree on when the pause would start?", True),
        ("What does each article say about the pause?", True),
        ("What do both reports say about the vote?", True),
        ("What did Anthropic propose?", False),
        ("Which article was published first?", False),  # one article, asked of by its date
    ],
)
def test_a_question_of_what_the_articles_say_is_told_from_a_question_of_one_fact(question, across):
    assert asks_across_articles(question) == across



HEARING = (
    "Bridge hearing ends\n\nThe council met on Tuesday to hear residents on the Elm Street bridge. "
    "The hearing heard testimony from the city engineer, Maria Lopez, who inspected the bridge in May. "
    "Council members said the bridge was in poor shape. "
    "Its decision to close the bridge to trucks takes effect in June.\n"
)


@pytest.mark.parametrize(
    "with_verb, with_noun, quoted",
    [
        ("Who testified about the bridge?", "Who gave testimony about the bridge?", "The hearing heard testimony from the city engineer"),
        ("What did the council decide about the bridge?", "What was the council's decision about the bridge?", "Its decision to close the bridge"),
    ],
)
def test_a_question_asked_with_a_verb_meets_the_articles_noun(tmp_path, encoder, answerer, with_verb, with_noun, quoted):
    local = answerer_over(tmp_path, {"hearing.txt": HEARING, "park.txt": PARK}, encoder, answerer)
    answered = local.answer(with_verb)
    assert_grounded(answered, local.index.documents)
    assert not answered.abstained and any(quoted in quote.text for quote in answered.quotes)
    assert answered.answerability >= 0.5 * local.answer(with_noun).answerability  # the verb is no word the articles lack


MARATHON = (
    "Kiprono breaks Lakeshore Marathon record\n\nKenyan runner Joseph Kiprono broke the Lakeshore Marathon course record on Saturday, "
    "finishing in 2:09:41. The women's race was won by Megan Thorsby, a 34-year-old teacher from Two Harbors, in 2:29:54. "
    "Thorsby pulled away from Almaz Bekele at about mile 22.\n\n"
    "Elena Ruiz, owner of Sparkle Auto Wash on Grand Avenue, said road closures for the race cost her a busy Saturday.\n"
)


def test_a_who_question_naming_an_event_and_a_where_question_saying_located_are_answered(tmp_path, encoder, answerer):
    """A name in a question asking who is not someone the answer must name ("the Lakeshore
    Marathon"), and "located" only frames a question asking where."""
    race = answerer_over(tmp_path, {"marathon.txt": MARATHON, "orchard.txt": FROST}, encoder, answerer)
    winner = race.answer("Who won the women's race at the Lakeshore Marathon?")
    assert not winner.abstained and "Megan Thorsby" in winner.quotes[0].text
    located = race.answer("Where is Sparkle Auto Wash located?")
    assert not located.abstained and "on Grand Avenue" in located.quotes[0].text


def test_an_event_of_a_thing_the_question_names_in_common_words_is_checked_too(tmp_path, encoder, answerer):
    """"Why did the bridge collapse?" of articles whose bridge has cracks, not a collapse; checked
    only where the verb is plain ("why did the water board vote": "board" may be the verb)."""
    leave = answerer_over(tmp_path, {"leave.txt": LEAVE, "orchard.txt": FROST}, encoder, answerer)
    collapsed = leave.answer("Why did the old bridge collapse?")
    assert collapsed.abstained and collapsed.answer == "The articles don't say. What they say of the old bridge never mentions “collapse”."
    for told in (
        "Why did the shop owners file suits against Harlow County?",  # "filed"
        "Why did the bridge close?",  # "the closure": the noun of the verb
        "Why did the water board vote against the budget?",  # "board" may be the event: not checked
        "Why did the council's members ignore the warnings?",  # whose? not checked
    ):
        assert event_unreported(leave.index, told) is None, told


@pytest.mark.parametrize(
    "question",
    [
        "Tell me why Mayor Ruth Keller resigned.",  # "Why did Mayor Ruth Keller resign?"
        "Do you know if Alan Forsythe was fired?",  # "Was Alan Forsythe fired?"
        "was alan forsythe fired",  # typed in lower case
        "why did maria lopez vote against the repair budget",  # Raj Patel did: read with its names, as capitalised
    ],
)
def test_an_unreported_event_asked_inside_a_request_or_in_lower_case_is_not_answered(tmp_path, encoder, answerer, question):
    """A question asked the way people type it ("Tell me why …", "do you know if …", no capitals)
    is read as the direct question with its names written as names: no article says Keller
    resigned, Forsythe was fired or Lopez voted."""
    leave = answerer_over(tmp_path, {"leave.txt": LEAVE, "orchard.txt": FROST}, encoder, answerer)
    assert leave.answer(question).abstained, leave.answer(question).answer
    reported = leave.answer("Can you tell me why Raj Patel voted against the repair budget?")
    assert not reported.abstained and "ignored the warnings" in reported.answer


@pytest.mark.parametrize(
    "question",
    ["What price did the Harbour Gallery pay for Woman Reading by a Window?", "Tell me how much the Harbour Gallery paid for Woman Reading by a Window."],
)
def test_an_amount_asked_for_in_other_words_is_quoted_as_how_much_asks_it(tmp_path, encoder, answerer, question):
    both = answerer_over(tmp_path, {"painting.txt": PAINTING, "flood_wall.txt": FLOOD_WALL}, encoder, answerer)
    answer = both.answer(question)
    assert any("£1.9 million" in q.text for q in answer.quotes), answer.answer


BUSHFIRE = (
    "Bushfire forces evacuations near Ballarat\n\nMore than 3,000 people were told to leave their homes on Saturday as a bushfire tore through farmland west of Ballarat.\n"
    "Relief centres opened at the Wendouree sports stadium and the Learmonth recreation reserve.\n"
    "The fire's cause is under investigation, and crews expect to contain it by Tuesday.\n"
)


@pytest.mark.parametrize("question", ["Where were the relief centers?", "Where did the relief centres open?"])
def test_a_question_in_american_spelling_is_answered_from_an_article_in_british_spelling(tmp_path, encoder, answerer, question):
    """"centers" is the word the article writes "centres": no word the articles lack, and the sentence naming them answers."""
    fire = answerer_over(tmp_path, {"bushfire.txt": BUSHFIRE, "orchard.txt": FROST}, encoder, answerer)
    answer = fire.answer(question)
    assert not answer.abstained and "Wendouree" in answer.quotes[0].text, answer.answer


LIBRARY_CLOSURES = (
    "Council votes to close three libraries\n\nRiverton council voted 7-4 on Monday to close three branch libraries to save £2 million a year.\n\n"
    "Councillor Ruth Mensah, who voted in favour, said she had struggled with the decision. \"I grew up in the Eastgate branch,\" she said.\n\n"
    "\"But the alternative was cutting bus routes, and for many of my constituents the bus is the only way to get to work.\"\n\n"
    "Parking fees in the town centre will rise by 20 percent in April.\n\n"
    "Mensah dismissed the idea of a public inquiry. \"We have had two consultations already,\" she said.\n\n"
    "Passengers were stranded at the bus station for two hours, the operator said.\n\nIts owner, Oliver Strand, did not respond to requests for comment.\n"
)


def test_how_someone_took_something_is_quoted_on_to_their_words_told_by_a_pronoun(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"library.txt": LIBRARY_CLOSURES, "heat.txt": HEAT}, encoder, answerer)
    inquiry = local.answer("What did Mensah say about a public inquiry?")
    assert inquiry.quotes[0].text == 'Mensah dismissed the idea of a public inquiry. "We have had two consultations already," she said.', inquiry.answer


GRANT_QUESTIONS = (
    "Heat pump grants: what readers asked\n\nThe county pays up to £7,500 towards an air-source heat pump. "
    "Several readers who installed heat pumps at their own expense have asked whether they can claim the grant retrospectively. "
    "They cannot. The scheme only covers installations that have not yet begun.\n\n"
    "Questions have also focused on why the grant opened in March, a month later than promised. "
    "The council's energy officer said the application portal had failed its security review.\n"
)


def test_a_question_told_as_asked_is_quoted_with_the_sentence_answering_it(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"grants.txt": GRANT_QUESTIONS, "heat.txt": HEAT}, encoder, answerer)
    claim = local.answer("Can I claim the grant for a heat pump I already installed?")
    assert claim.quotes[0].text.endswith("claim the grant retrospectively. They cannot."), claim.answer  # a short reply, read as a fragment
    late = local.answer("Why did the grant open late?")
    assert any(quote.text.endswith("had failed its security review.") and quote.text.startswith("Questions have") for quote in late.quotes), late.answer


QUESTION_THEN_NEWS = (
    "Evacuation questions\n\nThe dam failed at 1:55 a.m. and Millwick was told to leave at once. "
    "Questions have focused on why the evacuation order for Saltry came so late.\n\n"
    "Separately, the council confirmed that bin collections would resume on Wednesday.\n"
)


def test_a_question_told_as_asked_is_not_quoted_on_into_the_next_paragraph(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"dam.txt": QUESTION_THEN_NEWS, "heat.txt": HEAT}, encoder, answerer)
    late = local.answer("Why was the Saltry evacuation order late?")
    assert not any("bin collections" in quote.text and "Questions have" in quote.text for quote in late.quotes), late.answer


CHARITY_CASES = (
    "Charity chief convicted\n\nLorna Quaite was convicted on Thursday of stealing from the charity she ran. Her sentencing is set for February.\n\n"
    "It is not the county's first such case. In 2009, the treasurer of the Westbridge Food Pantry, Carl Ingersoll, admitted to taking "
    "about $240,000 over five years. He was sentenced to three years in prison and ordered to repay the money.\n"
)


def test_a_sentence_telling_of_the_one_before_it_is_found_by_that_ones_words(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"charity.txt": CHARITY_CASES, "heat.txt": HEAT}, encoder, answerer)
    ingersoll = local.answer("What sentence did Carl Ingersoll get?")  # "He was sentenced …" names him only in the sentence before
    assert ingersoll.quotes[0].text.endswith("He was sentenced to three years in prison and ordered to repay the money."), ingersoll.answer


ROBOT_REPAIRS = (
    "Corvane's robots in the field\n\nCorvane's picking robots work in 41 warehouses. "
    "In the robots' first two years, a broken drive wheel could take three weeks to replace. "
    "Corvane now keeps a parts depot in Hazleton, and the wait has fallen to about two days.\n"
)


def test_a_question_of_how_things_stand_now_is_answered_by_the_change_first(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"robots.txt": ROBOT_REPAIRS, "heat.txt": HEAT}, encoder, answerer)
    now = local.answer("How long does it take to replace a broken drive wheel now?")
    assert "about two days" in now.quotes[0].text, now.answer  # not the first two years' three weeks
    then = local.answer("How long did it take to replace a broken drive wheel at first?")
    assert "three weeks" in then.quotes[0].text, then.answer


CARROW_FIRE = (
    "Warehouse fire in Carrow kills twelve\nCarrow Courier, Monday 9 March 2026\n\n"
    "Twelve people died in a fire at a furniture warehouse in Carrow on Saturday night, police said. "
    "Firefighters took six hours to bring the blaze under control. The cause of the fire is not yet known.\n\n"
    "The warehouse, owned by Delmont Homes, employed about 80 people. About 40 staff were on the night shift in Carrow when the fire broke out.\n\n"
    "Delmont Homes said an early estimate put the cost of the damage at about £3 million. Police have closed Mill Lane next to the Carrow warehouse.\n"
)
CARROW_FIRE_TOLL = (
    "Carrow fire death toll rises\nCarrow Courier, Thursday 12 March 2026\n\n"
    "The death toll from Saturday's warehouse blaze in Carrow has risen to 19, police said on Wednesday, as search teams finished clearing the building. "
    "Delmont Homes said it was cooperating fully with the investigation. Mill Lane next to the Carrow warehouse has been reopened.\n"
)

CARROW_CRASH = (
    "Crash on Carrow bypass kills three\nCarrow Courier, Friday 13 March 2026\n\n"
    "Three people died in a crash on the Carrow bypass on Wednesday night, police said. Two other people were taken to hospital.\n"
)


def test_a_count_told_again_days_later_is_answered_by_its_latest_telling_first(tmp_path, encoder, answerer):
    articles = {"fire.txt": CARROW_FIRE, "toll.txt": CARROW_FIRE_TOLL, "crash.txt": CARROW_CRASH, "heat.txt": HEAT}  # the crash: another story of Carrow, told later still
    local = answerer_over(tmp_path, articles, encoder, answerer)
    for question in ("How many people died in the Carrow warehouse fire?", "How many people have now died in the Carrow warehouse fire?"):
        died = local.answer(question)
        assert [quote.doc_id for quote in died.quotes[:2]] == ["toll", "fire"], died.answer  # Thursday's 19, then Monday's twelve
        assert died.quotes[0].dated is not None and died.quotes[0].dated.text == "Thursday 12 March 2026"
    first = local.answer("How many people were initially reported dead in the Carrow warehouse fire?")
    assert "Twelve" in first.quotes[0].text, first.answer  # how it was first told
    lane = local.answer("Is Mill Lane next to the Carrow warehouse still closed?")  # Thursday's telling first, not Monday's
    assert not lane.abstained and "has been reopened" in lane.quotes[0].text, lane.answer
    assert "fire" not in lane.quotes[0].also_in, lane.answer  # Monday's "Police have closed Mill Lane" does not say it reopened
    estimate = local.answer("What was the first estimate of the cost of the Carrow fire damage?")  # no rank to be told: how it was first told
    assert not estimate.abstained and "£3 million" in estimate.answer, estimate.answer
    shift = local.answer("How many staff were working overnight when the Carrow fire broke out?")
    assert "About 40 staff" in shift.quotes[0].text, shift.answer  # a fact no later report updates


HIP_KNEE = (
    "Dene General waiting times\n\nPatients at Dene General waited an average of 41 weeks for a hip replacement last year. "
    "The hospital blamed a shortage of theatre staff. Surgeons said the backlog was the worst in a decade.\n\n"
    "Waits for knee replacements at Dene General have fallen to 18 weeks.\n"
)


def test_a_change_of_something_else_does_not_answer_how_things_stand_now(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"waits.txt": HIP_KNEE, "heat.txt": HEAT}, encoder, answerer)
    hip = local.answer("How long is the wait for a hip replacement at Dene General now?")
    assert "41 weeks" in hip.quotes[0].text, hip.answer  # not the knee's 18 weeks


def test_what_someone_said_about_what_they_never_spoke_of_is_not_answered_with_their_other_words(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"library.txt": LIBRARY_CLOSURES, "heat.txt": HEAT}, encoder, answerer)
    parking = local.answer("What did Ruth Mensah say about parking fees?")  # the fees stand next to her words, which are on libraries and buses
    assert parking.abstained and parking.answer.endswith("Nothing they report Ruth Mensah saying is about parking fees."), parking.answer
    buses = local.answer("What did Ruth Mensah say about bus routes?")  # in the paragraph that carries her words on
    assert not buses.abstained and any("cutting bus routes" in quote.text for quote in buses.quotes), buses.answer
    inquiry = local.answer("What did Mensah say about a public inquiry?")  # told beside her words, "she said"
    assert not inquiry.abstained, inquiry.answer
    closures = local.answer("What did Ruth Mensah say about the library closures?")  # what the article is about, by its title
    assert not closures.abstained, closures.answer
    owner = local.answer("What did Oliver Strand say about the delays?")  # "stranded" is no word of Strand's
    assert "Nothing they report" not in owner.answer, owner.answer


KESTRELS_SEASON = (
    "Kestrels survive on final day\n\nThe Kestrels stayed up on the last day of the season with a 2-1 win at Pellingham. "
    "More than 17,000 fans travelled to the match. The club finished 20th.\n\n"
    "The club appointed Imelda Sorensen as manager on November 27. She switched the team to a back three within a week. "
    "The change took time to work.\n\nBy the end of January the side were still 23rd, six points from safety. "
    "Her record over the league season was 12 wins, 10 draws and 7 losses from 29 matches.\n\n"
    "Her contract runs until 2027.\n\nBefore her arrival, youth coach Rob Yelland took charge as caretaker. "
    "He was paid £40,000 for six weeks in charge.\n"
)


def test_someone_told_of_as_he_or_she_sentences_after_their_name_is_no_name_the_answer_lacks(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"kestrels.txt": KESTRELS_SEASON, "heat.txt": HEAT}, encoder, answerer)
    record = local.answer("What was Sorensen's record in the league?")  # "Her record …", four sentences after her name
    assert not record.abstained and "12 wins, 10 draws" in record.quotes[0].text, record.answer
    paid = local.answer("How much was Sorensen paid?")  # "He" is Yelland, named in between
    assert paid.abstained, paid.answer


NEW_MANAGER = (
    "Kestrels name new manager\n\nThe Kestrels sacked Ian Harcourt in October after nine defeats in ten games. The board met for six hours. "
    "Chairman Paul Dunn said the decision was unanimous. Supporters had protested for weeks. Attendances had fallen by a fifth. "
    "Season-ticket sales had stalled.\n\nOn November 27 the club appointed Imelda Sorensen, the former Norway international, as manager.\n"
)


def test_an_event_told_of_someone_else_far_from_the_name_asked_is_not_theirs(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"manager.txt": NEW_MANAGER, "heat.txt": HEAT}, encoder, answerer)
    sorensen = local.answer("Why was Imelda Sorensen sacked?")  # Harcourt was, six sentences before her name
    assert sorensen.abstained and sorensen.answer.endswith("What they say of Imelda Sorensen never mentions “sacked”."), sorensen.answer
    harcourt = local.answer("Why was Ian Harcourt sacked?")
    assert "never mentions" not in harcourt.answer, harcourt.answer


CORVANE = (
    "Corvane at ten\n\nMara Lind founded Corvane in 2016 with two former Lintel engineers, Marcus Tollefsen and Dana Whitlock. "
    "Tollefsen became chief technology officer; Whitlock ran operations until 2021, when she left to start a consultancy.\n"
)


def test_a_verb_asked_meets_its_irregular_forms_in_the_answer(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"corvane.txt": CORVANE, "heat.txt": HEAT}, encoder, answerer)
    left = local.answer("When did Dana Whitlock leave Corvane?")  # "left", no form of "leave" the stemmer knows
    assert not left.abstained and any("until 2021" in quote.text for quote in left.quotes), left.answer


GLENMOOR_FLOOD = (
    "Glenmoor dam fails\n\nThe Glenmoor dam failed on Monday night, and the flood killed 13 people in the valley below. "
    "Around 1,900 people were evacuated.\n\nThe valley last flooded in 1958, when a storm surge overtopped the old embankment. "
    "Three people died.\n"
)


def test_a_year_the_articles_never_give_what_the_question_names_is_not_answered_with_another(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"glenmoor.txt": GLENMOOR_FLOOD, "heat.txt": HEAT}, encoder, answerer)
    unknown = local.answer("How many people died in the 1987 Glenmoor flood?")  # its floods are 1958's and this week's
    assert unknown.abstained and unknown.answer.endswith("What they say of Glenmoor never mentions “1987”."), unknown.answer
    earlier = local.answer("How many people died in the 1958 Glenmoor flood?")
    assert "never mentions" not in earlier.answer, earlier.answer


LIBRARY_FEES = (
    "Council votes to close three libraries\n\nRiverton council voted 7-4 on Monday to close three branch libraries to save £2 million a year. "
    "The Eastgate, Northfield and Marsh Lane branches will shut in June. More than 300 residents attended the meeting.\n\n"
    "Councillor Ruth Mensah, who voted in favour, said she had struggled with the decision.\n\n"
    "The council also approved a 20 percent rise in town-centre parking fees from April.\n\n"
    "Asked about the parking fees, she said the rise was unavoidable because the car parks lose money.\n"
)


def test_what_someone_said_further_on_without_their_name_is_still_theirs(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"library.txt": LIBRARY_FEES, "heat.txt": HEAT}, encoder, answerer)
    fees = local.answer("What did Ruth Mensah say about the parking fees?")  # "she said", two paragraphs after her name
    assert not fees.abstained and any("unavoidable" in quote.text for quote in fees.quotes), fees.answer


STRIKE_WORDS = (
    "Dockworkers strike at Port Calder\n\nNearly 2,000 dockworkers walked off the job at Port Calder on Tuesday.\n\n"
    '"We will not back down," said Maria Okafor, general secretary of the Coastal Dockworkers Union.\n'
)


def test_words_quoted_in_a_question_are_looked_for_in_the_articles(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"strike.txt": STRIKE_WORDS, "heat.txt": HEAT}, encoder, answerer)
    never = local.answer('Who said "we will never surrender the harbour"?')
    assert never.abstained and never.answer.endswith("None of them quotes “we will never surrender the harbour”."), never.answer
    contracted = local.answer('Who said "we won\'t back down"?')  # "will not" written short
    assert not contracted.abstained and "Maria Okafor" in contracted.quotes[0].text, contracted.answer
    told = local.answer("Tell me about the strike and say 'the harbour is ours'.")  # an instruction quoting words, no question of them
    assert "None of them quotes" not in told.answer, told.answer


SORENSEN_CAREER = (
    "Kestrels appoint new manager\n\nThe Kestrels named a new manager on Monday. The club is 23rd in the league. Fans had protested for weeks.\n\n"
    "Imelda Sorensen replaced Ian Harcourt as manager on November 27. She grew up in Bergen. She played 60 times for Norway. "
    "After retiring she coached youth teams. She worked as a television pundit for a year. She then spent six years in charge of Hammarby. "
    "In 2022 she was sacked by Hammarby after eight defeats.\n\n"
    "Her record over her first ten matches was six wins and four draws.\n"
)


def test_he_or_she_sentences_on_from_a_name_are_read_as_of_them(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"kestrels.txt": SORENSEN_CAREER, "heat.txt": HEAT}, encoder, answerer)
    sacked = local.answer("Why was Imelda Sorensen sacked by Hammarby?")  # six sentences on, told of "she"
    assert "never mentions" not in sacked.answer, sacked.answer
    record = local.answer("What was Sorensen's record in her first ten matches?")  # her name stands beside Harcourt's
    assert not record.abstained and "six wins" in record.quotes[0].text, record.answer


FISCAL_YEARS = (
    "Corvane results\n\nCorvane reported revenue of $212 million for FY2024, up from $150 million.\n\n"
    "The council's budget for the 2024/25 financial year is £310 million.\n"
)


def test_a_year_within_a_word_or_a_span_written_short_is_mentioned(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"results.txt": FISCAL_YEARS, "heat.txt": HEAT}, encoder, answerer)
    fiscal = local.answer("What was Corvane's revenue in fiscal 2024?")
    assert not fiscal.abstained and "$212 million" in fiscal.quotes[0].text, fiscal.answer
    span = local.answer("What is the council's budget for the 2024/2025 financial year?")  # "2024/25"
    assert not span.abstained and "£310 million" in span.quotes[0].text, span.answer


NURSES_LEADER = (
    "Hospital waits reach record\n\nWaiting times at the county's hospitals reached a record in January. Ministers blamed flu. "
    "Hospitals cancelled 400 operations.\n\nThe Nurses' Federation said the government's response came too late.\n\n"
    "\"They are treating patients in corridors, in ambulances parked outside, in cupboards,\" said its general secretary, Bridget Moran.\n"
)


def test_what_someone_named_by_a_role_said_is_not_refused_by_the_paragraphs_naming_whom_they_speak_for(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"nurses.txt": NURSES_LEADER, "heat.txt": HEAT}, encoder, answerer)
    leader = local.answer("What did the Nurses' Federation leader say about corridors?")
    assert "Nothing they report" not in leader.answer, leader.answer


INTERIM_COACH = (
    "Ashford sack manager\n\nAshford United dismissed manager Stefan Kessler on Sunday. The club is second from bottom. "
    "Fans had protested for weeks.\n\n"
    "Neil Carter, chairman of the supporters' trust, said fans were angry with the board. \"Kessler has paid the price,\" Carter said.\n\n"
    "First-team coach Owen Price will take charge. Price said he was \"honoured and a bit nervous\".\n"
)


def test_a_speakers_name_written_as_a_common_word_is_not_them(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"coach.txt": INTERIM_COACH, "heat.txt": HEAT}, encoder, answerer)
    board = local.answer("What did Owen Price say about the board?")  # "paid the price" is Carter's, about the board
    assert board.abstained and board.answer.endswith("Nothing they report Owen Price saying is about the board."), board.answer


CHARGES_RISE = (
    "Town centre changes\n\nThe council published its spring plans on Monday. New benches will go in on the high street. "
    "The market moves to Saturdays.\n\nFinance chair Ruth Mensah said the benches would be paid for by market fees.\n\n"
    "Campaigner Tom Price said the market should stay on Fridays.\n\n"
    "Town centre parking charges rose from £1.20 to £2 an hour in August, after a vote by the transport committee.\n\n"
    "Mensah criticised the transport committee for pushing the rise through without a consultation.\n"
)
MAYOR_LEAVES = (
    "Mayor Ingrid Halvorsen to step down\n\nMayor Ingrid Halvorsen announced on Monday that she would leave office in June. "
    "The council will choose an interim leader. Two deputies have said they will stand. The vote is in May. "
    "Varo Motors will cut 1,500 jobs at its plant. Turnout at the last election was 31 percent. The city has had four mayors in ten years. "
    "Business groups called for stability. Unions asked for a quick contest.\n\nThe mayor's resignation takes effect on 30 June. "
    "\"I have served two terms, and that is enough,\" she said.\n"
)


def test_what_the_reviews_found_of_the_premise_checks_is_mended(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"charges.txt": CHARGES_RISE, "mayor.txt": MAYOR_LEAVES, "heat.txt": HEAT}, encoder, answerer)
    charges = local.answer("What did Ruth Mensah say about the transport committee?")  # told with a verb of reaction, after another's words
    assert not charges.abstained and any("criticised the transport committee" in quote.text for quote in charges.quotes), charges.answer
    dots = local.answer("What did ... say about the budget?")  # no name at all: no crash
    assert dots.abstained or dots.quotes, dots.answer
    resigned = local.answer("Why did Halvorsen resign?")  # "The mayor's resignation …", sentences after her name, in an article about her
    assert "never mentions" not in resigned.answer, resigned.answer
    served = local.answer('Who said "I have served 2 terms"?')  # "two" written as a figure
    assert "None of them quotes" not in served.answer, served.answer
    jobs = local.answer("How many of the 1500 jobs will go?")  # a count written without its comma is no year
    assert "never mention" not in jobs.answer, jobs.answer


HARBOUR_STORM = (
    "Storm Ines to bring flooding to the coast\n\nPORT ALDER, Sept. 4 — Tropical Storm Ines was moving slowly toward the coast on Thursday. "
    "Forecasters expect 8 to 12 inches of rain.\n\n\"The wind is not the main story with Ines. The water is,\" said Dana Kim, a forecaster at "
    "the weather service. \"Because the storm is moving so slowly, it will rain over the same towns for two days.\"\n\n"
    "Gov. Marcus Reyes declared a state of emergency on Wednesday.\n"
)
TRUST_FRAUD = (
    "Former school bursar jailed for six years over $2.3 million fraud\n\nGregory Almond, 58, pleaded guilty in November to one count "
    "of wire fraud and one count of filing a false tax return. Prosecutors said he diverted money from the Millbrook Valley School "
    "District's activity accounts into a shell company he controlled, Almond Educational Supplies LLC, between 2014 and 2023.\n\n"
    "U.S. District Judge Amelia Hart imposed the sentence after a two-hour hearing in Columbus, rejecting a defense request for home "
    "confinement. She also ordered Almond to pay $2.3 million in restitution and to serve three years of supervised release after his "
    "prison term.\n\nAlmond kept each payment under $5,000, the amount that needed a second signature.\n\n"
    "Investigators from the Internal Revenue Service (IRS) traced 400 payments.\n\n"
    "In a separate case in the same courthouse last month, a former township clerk, Dennis Almonte, was sentenced to 18 months for "
    "stealing $240,000 from a parks fund. The two cases are not related.\n"
)
RIVERSIDE_RACE = (
    "Kiprono retains Riverside title\n\nIn the men's race, Kiprono won a sprint finish against Ethiopia's Dawit Alemu to win in 2:05:41, "
    "one second ahead of his rival. Alemu said he had misjudged the finish.\n\n"
    "Race director Tom Whelan said a record 38,400 runners had started the Riverside Marathon, up from 35,100 last year.\n\n"
    "A measles outbreak in the county has grown to 87 confirmed cases, health officials said, and runners were urged to check their vaccinations.\n"
)


@pytest.mark.parametrize(
    ("question", "answered_by"),
    [
        ("Who sentenced Gregory Almond?", "Judge Amelia Hart"),  # "She also ordered Almond to pay …" is quoted with the sentence it leans on
        ("What does IRS stand for in the Almond story?", "Internal Revenue Service"),  # "story" is no topic of an acronym's spelling
        ("Why did the payments stay under $5,000?", "second signature"),  # "stay" is no event an article must tell
        ("Why did Alemu lose the sprint finish?", "misjudged"),  # "Kiprono won … against … Alemu" tells his loss
        ("What time did Kiprono run?", "2:05:41"),  # a race's time
        ("How many measles cases are there now?", "87 confirmed cases"),  # "measles cases" counts cases
        ("When will 'The Salt Road' come out in the US?", "October"),  # "come out" is told as "released"
        ("How many visitors does the Tate Riverside expect?", "400,000"),  # a name after "the" is no person swapped for the director
    ],
)
def test_what_the_desk_reviews_found_answerable_is_answered(desk_articles, question, answered_by):
    answer = desk_articles.answer(question)
    assert not answer.abstained and any(answered_by in quote.text for quote in answer.quotes), answer.answer

SALT_ROAD = (
    "Iranian drama wins top prize\n\n'The Salt Road', a drama by Parisa Golzar, won the festival's top prize on Saturday. "
    "It is expected to be released in U.S. cinemas in October.\n\nThe Tate Riverside opens a Vermeer show on Friday. The gallery "
    "expects more than 400,000 visitors, director Ana Ruiz said.\n"
)
HARBOUR_MATCH = (
    "Late header lifts Harbour City\n\nKofi Mensah rose highest three minutes from time to give Harbour City a 2-1 victory over "
    "league leaders Westbridge United on Saturday. Diego Marquez had put the home side ahead with a free kick before Tom Ashby "
    "equalised.\n\nThe city council will hold a parade if the club wins the league.\n"
)


def test_a_word_of_a_name_a_question_writes_is_no_topic_an_answer_shares(desk_articles):
    referee = desk_articles.answer("Who refereed Harbour City v Westbridge?")  # "City" is a word of the club's name, not what is asked
    assert referee.abstained, referee.answer


@pytest.fixture(scope="module")
def desk_articles(tmp_path_factory, encoder, answerer) -> Answerer:
    """An answerer over a storm, a fraud sentencing, a marathon, a football match and a film prize, as a news desk writes them."""
    articles = {"storm.txt": HARBOUR_STORM, "fraud.txt": TRUST_FRAUD, "race.txt": RIVERSIDE_RACE, "match.txt": HARBOUR_MATCH, "film.txt": SALT_ROAD, "heat.txt": HEAT}
    return answerer_over(tmp_path_factory.mktemp("desks"), articles, encoder, answerer)


# Short articles a code review of the desk mends wrote, each a case a first draft of them got wrong.
REVIEWED_BRIEFS = {
    "anthropic.txt": 'Anthropic rejects calls for AI moratorium\nAnthropic has urged lawmakers to adopt new safety rules for advanced AI systems.\nThe company is not calling for a permanent ban on AI research, a spokesperson said on Tuesday.\nChief executive Dario Amodei said the rules should be reviewed every two years.\n',
    "audi.txt": 'Carrow dealer recalls Audi Q3 models\nA Carrow dealer recalled 40 Audi Q3 cars on Friday over a brake fault.\n',
    "chess.txt": 'Okoro beats Lind in Northgate chess final\nAda Okoro defeated Sven Lind in the final of the Northgate chess championship on Saturday.\nThe match lasted five hours.\nOkoro said she had prepared for months.\n',
    "council.txt": 'Harbourside Council votes to close library\nHarbourside Council voted on Monday to close the Elm Street library to save money.\nThe library, built in 1911, will shut in March.\nCouncillor Ruth Okafor said the decision was painful.\nOfficials are not planning to sell the building, Okafor said.\n',
    "court.txt": 'Almond sentenced to four years for tax fraud\nJudge Amelia Hart sentenced Peter Almond to four years in prison on Friday.\nShe also ordered Almond to pay $2.1 million in restitution to the IRS.\nProsecutors argued that Almond hid income in offshore accounts.\nThe jurors did not acquit Almond on any count.\n',
    "election.txt": 'Reyes defeats Walsh in mayoral race\nMaria Reyes defeated incumbent Tom Walsh in the Carrow mayoral election on Tuesday.\nWalsh conceded late on Tuesday night, thanking his supporters.\nReyes took 54 per cent of the vote.\n',
    "harris.txt": "Walsh keeps Danby seat despite tax row\nTom Walsh won the Danby council seat on Thursday after a row over Walsh's taxes dominated the campaign.\nMaria Reyes beat Sven Lind, who lost by 8 points, in the neighbouring ward.\n",
    "hockey.txt": 'Danby Senators hire new coach\nThe Danby Senators named Greta Holm as head coach on Monday.\nHolm previously coached in Sweden for six seasons.\n',
    "kestrel.txt": 'Kestrel Foods posts higher third-quarter revenue\nKestrel Foods said its third-quarter revenue rose 11 per cent to $412 million.\nChief executive Laura Bright said demand for frozen meals was strong.\nThe company expects fourth-quarter sales to grow more slowly.\n',
    "bridge.txt": "Bridge repairs to cost £2 million\nLabour MP Jack Ferris predicted on Tuesday that repairs to the Mill Bridge would cost £2 million.\nLabour MP Priya Shah visited the bridge on Wednesday.\n",
    "library.txt": "Library stays open through strike\nStaff at the Brookfield Library kept its doors open throughout the three-day council strike, because volunteers covered every shift.\n",
    "race.txt": "Kiprono wins Lakeside Marathon in record time\nJoseph Kiprono won the Lakeside Marathon on Sunday in 2:05:41, finishing ahead of Ethiopia's Dawit Alemu.\nAlemu, who led for most of the race, faded after the 35-kilometre mark.\nThe race director, Helen Marsh, said conditions were ideal.\nA crowd of 41,200 lined the course along the lake.\n",
}


@pytest.fixture(scope="module")
def reviewed_briefs(tmp_path_factory, encoder, answerer) -> Answerer:
    """An answerer over the code review's short articles."""
    return answerer_over(tmp_path_factory.mktemp("briefs"), REVIEWED_BRIEFS, encoder, answerer)


@pytest.mark.parametrize(
    "false_premise",
    [
        "Explain why hart sentenced walsh to four years",  # a name in lower case is still a name after "Explain"
        "Why did Walsh lose the Danby council seat?",  # "a row over Walsh's taxes" names no opponent
        "Why did Lind win in the neighbouring ward?",  # "Sven Lind, who lost by 8 points": his own loss
        "Who won the Harbourside Marathon?",  # a look-alike of the Lakeside Marathon, though "Harbourside" is written
        "Who did the Harbourside Senators hire as coach?",  # a look-alike of the Danby Senators: a plural title names a team
        "Why did Ruth Okafor run for mayor?",  # "run" is an event the articles must tell of her
        "Why did Laura Bright stay at Kestrel Foods?",  # so is someone's staying
        "What did the Labour MP Priya Shah predict about the Mill Bridge repairs?",  # a person after "the", swapped for Jack Ferris
    ],
)
def test_what_the_code_review_of_the_desk_mends_found_is_refused(reviewed_briefs, false_premise):
    answer = reviewed_briefs.answer(false_premise)
    assert answer.abstained, answer.answer


def test_a_quarter_written_short_that_the_articles_write_so_is_left_as_asked(reviewed_briefs):
    recalled = reviewed_briefs.answer("How many Audi Q3 cars were recalled?")
    assert recalled.read_as is None and not recalled.abstained and "40 Audi Q3 cars" in recalled.quotes[0].text, recalled.answer
    lost = reviewed_briefs.answer("Why did Lind lose the chess final?")  # "Okoro defeated Lind" tells it
    assert "never mentions" not in lost.answer, lost.answer
    stayed = reviewed_briefs.answer("Why did Brookfield Library remain open during the strike?")  # a place's state, told as "kept its doors open"
    assert "never mentions" not in stayed.answer, stayed.answer


MATCH_REPORT = (
    "Castlebridge edge Rovers to go top\n\nEmeka Okonkwo's header in the 88th minute gave Castlebridge United a 3-2 win over "
    "Dunmore Rovers at Fenwick Park on Saturday.\n\nRovers captain Luis Ferreira was sent off for a second yellow card after 55 "
    "minutes.\n\nRovers manager Paul Grealish was furious on the touchline and was spoken to by the fourth official.\n\n"
    "Castlebridge chairman Tom Brady said the club would invest in a new training ground next year.\n"
)
WATER_FINE = (
    "Water company fined over sewage spills\n\nWendmoor Water has been fined £3.2 million for discharging untreated sewage into "
    "the River Wend. Wendmoor's chief operating officer, David Shaw, told the court the company apologised.\n\n"
    "Wendmoor Water supplies 1.4 million customers.\n"
)
HOSPITAL_CUTS = (
    "Hospital trust to cut 200 posts\n\nNorthgate Hospitals Trust will cut 200 administrative posts to save £9 million a year.\n\n"
    "The trust's chief executive, Dr Helen Marsh, said the decision had been taken reluctantly.\n"
)
REFEREED_REPORT = MATCH_REPORT.replace("after 55 minutes.", "after 55 minutes. Referee Anthony Taylor waved away appeals for a penalty soon after.")


def test_who_holds_a_role_is_answered_only_by_a_sentence_naming_them_beside_it(tmp_path, encoder, answerer):
    (tmp_path / "unnamed").mkdir()
    (tmp_path / "named").mkdir()
    unnamed = answerer_over(tmp_path / "unnamed", {"match.txt": MATCH_REPORT, "water.txt": WATER_FINE, "trust.txt": HOSPITAL_CUTS}, encoder, answerer)
    official = unnamed.answer("Who was the fourth official?")  # the article tells of them, but never names them
    assert official.abstained, official.answer
    chief = unnamed.answer("Who is the chief executive of Wendmoor Water?")  # its chief operating officer, and the trust's chief executive, are named
    assert chief.abstained, chief.answer
    chairman = unnamed.answer("Who is the Castlebridge chairman?")
    assert not chairman.abstained and "Tom Brady" in chairman.quotes[0].text, chairman.answer
    named = answerer_over(tmp_path / "named", {"match.txt": REFEREED_REPORT, "heat.txt": HEAT}, encoder, answerer)
    referee = named.answer("Who was the referee at Fenwick Park?")  # the lead, naming the ground and other people, does not say
    assert not referee.abstained and "Anthony Taylor" in referee.quotes[0].text, referee.answer


CUP_SEMI_FINAL = (
    "Rovers reach county cup final\n\nRovers went ahead in the 17th minute when striker Jamal Ortiz headed in a corner. Alvey "
    "equalised through a penalty from their captain, Sean Doherty.\n\nSubstitute Leo Marsh sealed the win in the 84th minute.\n\n"
    "Ortiz's two goals took his total for the season to 23. The 24-year-old, who joined from a club in the Netherlands two years ago, "
    "has been linked with several clubs in the division above.\n"
)


def test_how_old_someone_is_is_answered_only_by_an_age_told_of_them(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"cup.txt": CUP_SEMI_FINAL, "heat.txt": HEAT}, encoder, answerer)
    ortiz = local.answer("How old is Jamal Ortiz?")  # "The 24-year-old" leans on the sentence naming him, and is quoted with it
    assert not ortiz.abstained and any("Ortiz's two goals" in quote.text and "24-year-old" in quote.text for quote in ortiz.quotes), ortiz.answer
    for someone in ("Sean Doherty", "Leo Marsh"):  # named in the article, their age never told
        unknown = local.answer(f"How old is {someone}?")
        assert unknown.abstained, unknown.answer


MATERNITY_CLOSURE = (
    "Brampton maternity unit to close\n\nThe maternity unit at Brampton Community Hospital will stop delivering babies from "
    "14 April.\n\nMaria Okafor, a former midwife who founded the Save Brampton Births campaign, said the closure would hit rural "
    "families hardest. Okafor worked at Brampton for 22 years before retiring in 2020.\n"
)


def test_a_first_name_the_articles_write_only_opening_a_sentence_is_part_of_the_name_not_the_topic(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"maternity.txt": MATERNITY_CLOSURE, "heat.txt": HEAT}, encoder, answerer)
    worked = local.answer("How long did Maria Okafor work at Brampton?")  # "Okafor worked at Brampton for 22 years" never says "Maria"
    assert not worked.abstained and "22 years" in worked.quotes[0].text, worked.answer


PLANNING_CONDITIONS = (
    "Planners approve 650-home Wendside scheme\n\nPlans for 650 homes beside the River Wend were approved by Kessington's planning "
    "committee on Tuesday.\n\nThe committee voted 9-4 in favour. Members attached four main conditions to the permission. Merriton "
    "must raise the ground level of the site by at least 1.5 metres. It must pay £3.8 million towards school places. It must build "
    "the health centre before the 300th home is occupied. And no homes may be occupied until a new junction on the A614 is "
    "completed.\n\nCommittee chair Hugh Barrett said the decision had been finely balanced.\n"
)


def test_a_sentence_counting_the_things_asked_for_is_quoted_with_the_sentences_naming_them(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"homes.txt": PLANNING_CONDITIONS, "heat.txt": HEAT}, encoder, answerer)
    conditions = local.answer("What conditions did the planning committee attach to the permission?")
    assert not conditions.abstained, conditions.answer
    first = conditions.quotes[0].text
    assert first.startswith("Members attached four main conditions") and "1.5 metres" in first and "A614" in first, conditions.answer
    assert "finely balanced" not in first  # the next paragraph names none of them



HARBOUR_LINK = (
    "Harbour Link bridge closed\n\nThe Harbour Link was closed to all traffic on Monday evening after engineers found corrosion.\n\n"
    "The Harbour Link opened in 1998 at a cost of £86 million. It is 1.2 kilometres long, with a main span of 420 metres, and was at "
    "the time the longest cable-stayed bridge in Britain. It replaced a car ferry that had operated since 1931.\n\n"
    "The Harbour Link last closed for an extended period in 2009, when it was shut for 11 days after a lorry fire.\n"
)


def test_a_sentence_leaning_on_one_that_leans_in_turn_tells_of_and_is_quoted_back_to_what_they_name(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"bridge.txt": HARBOUR_LINK, "heat.txt": HEAT}, encoder, answerer)
    replaced = local.answer("What did the Harbour Link replace?")  # "It replaced a car ferry" after "It is 1.2 kilometres long …"
    assert not replaced.abstained, replaced.answer
    first = replaced.quotes[0].text
    assert first.startswith("The Harbour Link opened in 1998") and first.endswith("operated since 1931."), replaced.answer


LONG_CHAIN = HARBOUR_LINK.replace(
    "It replaced a car ferry",
    "It carries four lanes of traffic. It cost £86 million to build. It replaced a car ferry",
)


def test_a_chain_of_leaning_sentences_longer_than_the_reach_is_quoted_one_sentence_back(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"bridge.txt": LONG_CHAIN, "heat.txt": HEAT}, encoder, answerer)
    replaced = local.answer("What did the Harbour Link replace?")
    assert not replaced.abstained, replaced.answer
    quote = next(quote.text for quote in replaced.quotes if "car ferry" in quote.text)
    assert quote.startswith("It cost £86 million"), replaced.answer  # five back is beyond the reach: the sentence before only


TWO_HOSPITALS = (
    "Northvale trust to cut night surgery\n\n"
    "The Northvale Hospitals Trust runs two hospitals, Ashford General, which has 620 beds, and St Hilda's in Marlow, and employs "
    "about 5,200 staff.\n\n"
    "The trust said on Monday that overnight surgery at St Hilda's would move to Ashford General from March. Unions said the change "
    "would put pressure on staff at both sites.\n"
)
REST_CENTRES = (
    "Hundreds flooded in Tarrow\n\nMore than 300 homes were flooded in Tarrow on Sunday after the River Lune burst its banks.\n\n"
    "Tarrow Sports Centre and St Anne's church hall were opened as rest centres. The sports centre housed 180 people overnight, the "
    "council said.\n\nThe Environment Agency said river levels would fall by Wednesday.\n"
)

THREE_SCHOOLS = (
    "Three schools to close\n\nThree schools in Tarrow will close next summer, the council said on Tuesday.\n\n"
    "The schools are Ridgeway Primary, Holloway Junior and Fernbank Infant School.\n\n"
    "Parents at Ridgeway Primary have fought the closure.\n\n"
    "Headteacher of Ridgeway, James Pell, said he was saddened but would help the children move. The school opened in 1954.\n"
)


@pytest.mark.parametrize(
    "question, named",
    [
        ("How many beds does St Hilda's have?", None),  # 620 is Ashford General's, in its own clause
        ("How many beds does Ashford General have?", "620 beds"),
        ("How many people stayed overnight at St Anne's church hall?", None),  # "the sports centre": the other rest centre
        ("How many people stayed overnight at Tarrow Sports Centre?", "180 people"),
        ("When did Ridgeway Primary open?", "1954"),  # "The school" is no other school of the list: any of them is one
    ],
)
def test_a_figure_of_another_name_of_a_list_does_not_answer_for_the_one_asked(tmp_path, encoder, answerer, question, named):
    articles = {"hospitals.txt": TWO_HOSPITALS, "flood.txt": REST_CENTRES, "schools.txt": THREE_SCHOOLS, "heat.txt": HEAT}
    assert_abstains_or_quotes_first(answer_over(tmp_path, articles, encoder, answerer, question), named)


RAIL_DEPOT = (
    "Homes approved for old depot\n\nPlans for 400 homes on the site of the old Fenwick rail depot were approved on Tuesday.\n\n"
    "The Fenwick rail depot closed in 1984 and the site has been empty since. The developer, Harlow Homes, said work would start next "
    "year.\n\nThe homes will include 120 for social rent. The historians John Gallagher (1919–1980) and Ronald Robinson wrote about "
    "the depot's railwaymen.\n"
)


@pytest.mark.parametrize(
    "question, dated",
    [
        ("When was the Fenwick rail depot built?", None),  # only its closing is dated
        ("When did the Fenwick rail depot close?", "1984"),
        ("When was John Gallagher born?", "1919"),  # a life's span in brackets tells a birth
    ],
)
def test_a_date_of_another_event_does_not_answer_when_one_happened(tmp_path, encoder, answerer, question, dated):
    assert_abstains_or_quotes_first(answer_over(tmp_path, {"depot.txt": RAIL_DEPOT, "heat.txt": HEAT}, encoder, answerer, question), dated)


AIRFIELD_HOMES = (
    "Homes approved for Ridgeway airfield\n\nPlans for 900 homes at the former Ridgeway airfield were approved on Wednesday.\n\n"
    "One of the original hangars, Hangar 3, was listed at Grade II in 2002 and will be kept as a sports hall. The airfield's "
    "wartime control tower, built in 1941, will be restored as a café.\n"
)
HEALTH_SERVICE = (
    "Health service marks its anniversary\n\nHospitals held open days on Saturday to mark the anniversary.\n\n"
    "The National Health Service was founded in 1948 by the then health secretary, Aneurin Bevan.\n"
)
THEATRE_OBITUARY = (
    "Margaret Ellison, founder of the Thornbury Players, dies at 91\n\n"
    "Margaret Ellison, the teacher who founded the Thornbury Players, has died aged 91.\n\n"
    "Born Margaret Ann Hewitt in Lowthorpe on 14 April 1933, she trained as a teacher in Leeds. In 1962 she married Frank "
    "Ellison, an architect. He died in 2001.\n"
)


@pytest.mark.parametrize(
    "question, dated",
    [
        ("When was Hangar 3 at Ridgeway built?", None),  # "built" is told of the control tower
        ("When was the control tower at Ridgeway built?", "built in 1941"),
        ("When was Frank Ellison born?", None),  # "Born Margaret Ann Hewitt": another's birth
        ("When was Margaret Ellison born?", "14 April 1933"),
        ("When was the NHS founded?", "founded in 1948"),  # what the acronym stands for names it
    ],
)
def test_a_date_of_the_event_asked_told_of_something_else_does_not_answer(tmp_path, encoder, answerer, question, dated):
    articles = {"airfield.txt": AIRFIELD_HOMES, "obituary.txt": THEATRE_OBITUARY, "nhs.txt": HEALTH_SERVICE, "heat.txt": HEAT}
    assert_abstains_or_quotes_first(answer_over(tmp_path, articles, encoder, answerer, question), dated)


HALF_MARATHON = (
    "Oduya breaks course record at Kestrel Bay\n\nDaniel Oduya won the Kestrel Bay Half Marathon on Sunday in 1:04:12, a course record.\n\n"
    "Euan Pritchard, who had led from the start, was second in 1:04:40. Liam Castellano was third in 1:05:03.\n\n"
    "The oldest finisher was 84-year-old Walter Pim, from Portlow, who completed the course in 2 hours 51 minutes.\n"
)
CONVERTER_GANG = (
    "Gang leader jailed over catalytic converter thefts\n\n"
    "The leader of a gang that stole catalytic converters from hundreds of parked cars across nine counties has been jailed, "
    "along with two accomplices.\n\n"
    "Craig Ashworth, 41, of Marlpit Road, Fenmouth, organised the network. Ashworth received the longest sentence, seven years "
    "and six months.\n\nShaun Riley, 52, who ran a scrap metal yard, was jailed for two years and eight months.\n"
)

SCHOOL_TABLES = (
    "Kingsmead rated outstanding\n\nKingsmead Academy has been rated outstanding by inspectors.\n\n"
    "The report comes a month after the performance tables, in which Kingsmead Academy had the highest Progress 8 score in "
    "Tolbridge at +0.62. Holloway Park Secondary had the lowest, at -0.41.\n"
)

TRAM_STOPS = (
    "Tram extension over budget\n\nThe extension of the Corringham tram network to Eastfield will cost £231 million.\n\n"
    "The first stop to be finished was Canal Basin, which was completed last autumn. Five new stops will be built.\n"
)


@pytest.mark.parametrize(
    "question, ranked",
    [
        ("Who finished third at Kestrel Bay?", "Liam Castellano"),
        ("Who finished fourth at Kestrel Bay?", None),  # only three are placed
        ("Who was the oldest finisher at Kestrel Bay?", "Walter Pim"),
        ("Who was the youngest finisher at Kestrel Bay?", None),  # the oldest is another rank
        ("Who received the longest sentence in the catalytic converter case?", "seven years and six months"),
        ("Who received the shortest sentence in the catalytic converter case?", None),
        ("Which Tolbridge school had the lowest Progress 8 score?", "Holloway Park Secondary had the lowest"),  # with the sentence it leans on
        ("Why did Kingsmead Academy have the lowest Progress 8 score?", None),  # Holloway Park's lowest is no reason for Kingsmead's
        ("Which tram stop was finished first?", "Canal Basin"),
        ("Which tram stop was finished second?", None),  # "Pritchard … was second" is a runner's rank
    ],
)
def test_a_rank_is_answered_only_by_a_sentence_telling_that_rank(tmp_path, encoder, answerer, question, ranked):
    articles = {"race.txt": HALF_MARATHON, "court.txt": CONVERTER_GANG, "schools.txt": SCHOOL_TABLES, "tram.txt": TRAM_STOPS, "heat.txt": HEAT}
    assert_abstains_or_quotes_first(answer_over(tmp_path, articles, encoder, answerer, question), ranked)


MANAGER_PRAISED = (
    "Rovers go top after late winner\n\nRovers moved to the top of the league on Saturday with a 2-1 win at Fenwick Park.\n\n"
    "Gail Hendry, who replaced Steve Rudd as Rovers manager in the summer, praised her side's resilience.\n\n"
    "The Sentinel's columnist, Paul Okafor, criticised the referee, Mark Tolley, for his handling of the second half.\n"
)


@pytest.mark.parametrize(
    "question, quoted",
    [
        ("Who replaced Gail Hendry as Rovers manager?", None),  # she replaced Rudd: told the other way round
        ("Who replaced Steve Rudd as Rovers manager?", "Gail Hendry"),
        ("Who criticised Paul Okafor?", None),  # he criticised the referee
        ("Who did Paul Okafor criticise?", "Mark Tolley"),
    ],
)
def test_a_relation_told_the_other_way_round_does_not_answer(tmp_path, encoder, answerer, question, quoted):
    assert_abstains_or_quotes_first(answer_over(tmp_path, {"rovers.txt": MANAGER_PRAISED, "heat.txt": HEAT}, encoder, answerer, question), quoted)


FENBY_ELECTION = (
    "Greens take control of Fenby council as Labour leader loses seat\n\n"
    "The Green Party has taken control of Fenby Borough Council for the first time, after a night in which the Labour council "
    "leader lost his own seat.\n\n"
    "The party won 22 of the council's 40 seats. Labour, who had run the council since 2019, were reduced to 9 seats from 24.\n\n"
    "The results were declared at Fenby Town Hall on Friday. Turnout was 31.5 per cent, down from 35.1 per cent at the last "
    "election in 2021.\n"
)
PENSION_RAID = (
    "Former director jailed for pension raid\n\n"
    "A former finance director who took £900,000 from his colleagues' pension scheme has been jailed for five years.\n\n"
    "The court heard that Alan Ware, who was finance director of Brindle Pumps between 2008 and 2020, moved money out of the "
    "company's staff pension scheme on 31 occasions.\n\n"
    "Brindle Pumps was founded in 1958 and at its peak employed 380 people. It went into administration in 2021, weeks after "
    "auditors found the missing money. Former staff said they had been let down by the board. The pension scheme had 164 members "
    "when the fraud came to light.\n\n"
    "The judge said Ware had shown no remorse. Ware's lawyer said he had paid back £120,000 since his arrest in March 2022.\n"
)
ROAD_BUDGET = (
    "Fenby council approves road budget\n\nFenby Borough Council approved a road repair budget on Monday.\n\n"
    "The council will spend £4.2 million on repairs this year. Councillors voted 30-10 in favour.\n\n"
    "Meanwhile, Marsh Vale District Council has delayed its own decision until the spring.\n"
)


@pytest.mark.parametrize(
    "question, quoted",
    [
        ("How many seats did the Green Party win on Fenby Borough Council?", "22 of the council"),  # the Labour leader lost, not the Greens
        ("How many seats did Labour win on Fenby Borough Council?", "9 seats"),
        ("What was the turnout in the Fenby Borough Council election?", "31.5 per cent"),  # the last election's is only set against it
        ("How many members did the Brindle Pumps pension scheme have when the fraud came to light?", "164 members"),
        ("How many members did the Brindle Pumps pension scheme have in 2022?", None),  # 2022 is only the year of the arrest
        ("How much will Fenby Borough Council spend on road repairs?", "£4.2 million"),
        ("How much will Marsh Vale District Council spend on road repairs?", None),  # "the council" is Fenby's
    ],
)
def test_a_figure_is_told_of_the_body_and_the_year_asked(tmp_path, encoder, answerer, question, quoted):
    articles = {"election.txt": FENBY_ELECTION, "pension.txt": PENSION_RAID, "roads.txt": ROAD_BUDGET, "heat.txt": HEAT}
    assert_abstains_or_quotes_first(answer_over(tmp_path, articles, encoder, answerer, question), quoted)


TWO_PLANTS = (
    "Bakery chain to open second plant\n\nThe bakery chain Lindon Foods reported a 12 per cent rise in profits on Tuesday.\n\n"
    "The company said it would build a second plant at Wexley, at a cost of £45 million. Staff at the Corran Bridge plant have "
    "been offered a pay rise of 4 per cent.\n\nCarla Hewitt, the chief executive, said demand had never been higher.\n"
)
NIGHT_CLOSURE = (
    "Night closure for Millford A&E\n\n"
    "The accident and emergency department at Millford Community Hospital will close overnight from June.\n\n"
    "St Edith's, which has 540 beds, is the larger of the trust's two hospitals. Patients will be taken there instead.\n\n"
    "Millford Community Hospital opened in 1978 on the site of a former workhouse. Campaigners said the longer journey would put "
    "lives at risk, and the trust said the closure would be reviewed after a year.\n"
)

OVERNIGHT_PATIENTS = (
    "Overnight A&E to close at Carrow\n\n"
    "The emergency department at Carrow Community Hospital will close overnight from April, the trust said.\n\n"
    "According to trust figures, Carrow's emergency department saw an average of nine patients a night between 10pm and 8am. "
    "Patients will be sent to St Winifred's Hospital, 14 miles away.\n\n"
    "In March, only 61 per cent of patients at St Winifred's were seen within the four-hour target.\n"
)

FLOODED_TOWN = (
    "Flood water reaches Carrowmoor\n\n"
    "Carrowmoor Community Hospital stayed open on Sunday, while patients were moved from Selby General Hospital.\n\n"
    "Heavy rain swept across Carrowmoor overnight. Flood water reached 300 homes, twice as many as in Selby.\n"
)


NEW_WARD = (
    "Ashby General Hospital to add ward\n\nAshby General Hospital will open a new ward in March, its managers said on Monday.\n\n"
    "The hospital has 320 beds, according to Northvale University Hospitals NHS Trust.\n"
)
TWO_WARDS = (
    "Northvale trust to merge wards\n\nThe Northvale trust runs Ashford General and St Hilda's in Marlow.\n\n"
    "St Hilda's will lose its maternity ward. With 240 beds, it is less than half the size of its neighbour in Ashford.\n\n"
    "The Northvale Trust, which runs the hospital at Harby, said Harby Cottage Hospital treated 31,000 patients last year.\n"
)
FLOOD_PLAN = (
    "Flood plan agreed for Fenby\n\nFenby Borough Council and Wessex Water have agreed a flood defence plan for the town centre.\n\n"
    "The plan will cost £3 million, a Wessex Water spokesman said. Work is due to start in the spring.\n"
)


@pytest.mark.parametrize(
    "question, quoted",
    [
        ("How many beds does Ashby General Hospital have?", "320 beds"),  # the trust that says so is no other hospital
        ("How much will the Fenby Borough Council flood plan cost?", "£3 million"),  # Wessex Water only says so
        ("How much did the Corran Bridge plant cost to build?", None),  # "a second plant at Wexley" costs £45 million
        ("How much will the Wexley plant cost?", "£45 million"),
        ("How many beds does Millford Community Hospital have?", None),  # St Edith's, the other of the trust's hospitals, has 540
        ("How many beds does St Edith's have?", "540 beds"),
        ("How many patients a night use St Winifred's A&E between 10pm and 8am?", None),  # "Carrow's emergency department": the other hospital
        ("How many patients a night use Carrow's A&E between 10pm and 8am?", "nine patients a night"),
        ("What percentage of Carrow patients were seen within four hours in March?", None),  # St Winifred's figure
        ("What percentage of St Winifred's patients were seen within four hours in March?", "61 per cent"),
        ("How many homes were flooded in Carrowmoor?", "300 homes"),  # the town, which names a hospital too; "as in Selby" is a place
    ],
)
def test_a_figure_of_another_of_the_kind_asked_does_not_answer_for_it(tmp_path, encoder, answerer, question, quoted):
    articles = {"plants.txt": TWO_PLANTS, "closure.txt": NIGHT_CLOSURE, "ward.txt": NEW_WARD, "flood.txt": FLOOD_PLAN, "nights.txt": OVERNIGHT_PATIENTS, "town.txt": FLOODED_TOWN, "heat.txt": HEAT}
    assert_abstains_or_quotes_first(answer_over(tmp_path, articles, encoder, answerer, question), quoted)


@pytest.mark.parametrize(
    "question, quoted",
    [
        ("How many beds does St Hilda's have?", "240 beds"),  # "in Ashford" is where its neighbour is, not Ashford General
        ("How many patients did Harby Cottage Hospital treat last year?", "31,000 patients"),  # the trust that runs it is no other hospital
    ],
)
def test_a_place_or_a_body_of_another_kind_is_no_other_of_the_kind_asked(tmp_path, encoder, answerer, question, quoted):
    answer = answerer_over(tmp_path, {"wards.txt": TWO_WARDS, "heat.txt": HEAT}, encoder, answerer).answer(question)
    assert not answer.abstained and quoted in answer.quotes[0].text, answer.answer


DATED_SCHEME = (
    "Pension scheme deficit grows\n\n"
    "LONDON, March 3, 2024 — The Brindle pension scheme has a deficit of £40 million, its trustees said on Wednesday.\n\n"
    "Last year the scheme paid out £12 million in pensions. Regulators reviewed the scheme in 2021 after a complaint from members.\n"
)


def test_last_year_is_the_year_before_the_articles_date(tmp_path, encoder, answerer):
    index = answerer_over(tmp_path, {"scheme.txt": DATED_SCHEME, "heat.txt": HEAT}, encoder, answerer).index
    last_year = next(i for i, sentence in enumerate(index.sentences) if sentence.text.startswith("Last year"))
    assert _told_of_year(index, last_year, "2023") and not _told_of_year(index, last_year, "2022")


SALE = (
    "Calderway sells its security arm\n\nCalderway Services has won a five-year contract worth £40 million to clean hospitals in Westmarch. "
    "The company has also confirmed that it has agreed to sell its security division, Calderway Guard, {buyer} for an undisclosed sum. "
    "The division, which supplies door staff and patrol officers to shopping centres, employs about 900 people. "
    "Analysts at Tessel Bank said private equity firms had shown interest in the division for more than a year. "  # a name, not the buyer's
    "Chief executive Ruth Mallory said the sale would allow the group to focus on cleaning, catering and waste.\n"
)


def test_a_question_asking_the_name_of_what_the_article_leaves_unnamed_abstains_saying_so(tmp_path, encoder, answerer):
    (tmp_path / "unnamed").mkdir()
    (tmp_path / "named").mkdir()
    unnamed = answerer_over(tmp_path / "unnamed", {"sale.txt": SALE.format(buyer="to a private equity firm")}, encoder, answerer)
    asked = "Which private equity firm is buying Calderway Guard?"
    assert_abstains_only_with(unnamed, with_settings(unnamed, detail_conflict_penalty=0.0), asked)
    assert unnamed.answer(asked).answer.endswith("They tell of the firm without naming it.")
    named = answerer_over(tmp_path / "named", {"sale.txt": SALE.format(buyer="to Harbour Capital, a private equity firm,")}, encoder, answerer)
    assert_abstains_or_quotes_first(named.answer(asked), "Harbour Capital")
    (tmp_path / "named_after").mkdir()
    named_after = SALE.format(buyer="to a private equity firm") + "Harbour Capital, the private equity firm, said it would keep all 900 staff.\n"
    assert not answerer_over(tmp_path / "named_after", {"sale.txt": named_after}, encoder, answerer).answer(asked).abstained  # named in the next sentence


def test_a_hospital_by_a_saints_name_is_no_person_left_out_of_the_answer(tmp_path, encoder, answerer):
    """"St Aldric's" names a hospital: a sentence naming the Royal Linford Infirmary has not put another person in its place."""
    hospital = (
        "Patients moved as burst main floods St Aldric's Hospital\n\nMore than forty patients were moved out of St Aldric's Hospital in Dunmere "
        "on Saturday after a burst water main flooded its basement. Eight patients from the intensive care unit were transferred to the Royal "
        "Linford Infirmary in Linford. Fourteen patients from the stroke unit were taken to Marsh Lane Hospital in Tannock.\n"
    )
    answer = answer_over(tmp_path, {"hospital.txt": hospital}, encoder, answerer, "Where were the intensive care patients from St Aldric's taken?")
    assert_abstains_or_quotes_first(answer, "Royal Linford Infirmary")


COURT = (
    "Man jailed for glassing his brother-in-law\n\nDarren Holcroft, 41, of Kettlewick, admitted wounding with intent. "
    "The court heard that Holcroft attacked Gareth Pennock, 37, outside the Wheatsheaf Inn shortly after 11pm. "
    "Mr Pennock is married to Holcroft's younger sister, Joanne, and the two men had not spoken for years.\n"
)
BAKERY = (
    "Daughter takes over family bakery\n\nKatie Dorran, 34, will become managing director of Dorran's Bakery on 1 April, "
    "taking over from her father, Geoffrey Dorran, 68. The bakery was founded in 1961 by Geoffrey's father, Albert Dorran. "
    "Her younger brother, Luke Dorran, 29, runs the bakery's delivery side and will continue to do so.\n"
)


def test_a_chinese_article_is_quoted(tmp_path, encoder, answerer):
    text = "中国宣布新的经济刺激计划\n\n国务院周三宣布了一项新的经济刺激计划。该计划包括减税和基础设施投资，总额为五千亿元人民币。\n"
    harbour = "Harbour reopens\n\nThe harbour of Port Ellis reopened on Monday after six weeks.\n"
    answer = answer_over(tmp_path, {"zh.txt": text, "harbour.txt": harbour}, encoder, answerer, "国务院宣布了什么？")
    assert not answer.abstained
    quote = answer.quotes[0]
    assert quote.text == "国务院周三宣布了一项新的经济刺激计划。" == text[quote.start : quote.end]


def test_keywords_ending_in_the_thing_asked_for_ask_for_it(tmp_path, encoder, answerer):
    """"bridge repair cost" asks for an amount, as "How much will the repair cost?" does: an article
    that gives the closure's dates and no cost does not answer it."""
    bridge = (
        "Tealeford Bridge to close for repairs\n\nTealeford Bridge, the only road crossing of the River Teale between Ashcombe and "
        "Kilnsey, will close to traffic from Monday 3 March while engineers repair its corroded steel beams. The council expects it to "
        "reopen on Friday 25 April, although officers said the date depended on the weather. Tealeford Bridge was built in 1931 and is "
        "a three-span steel and concrete structure.\n"
    )
    local = answerer_over(tmp_path, {"bridge.txt": bridge}, encoder, answerer)
    assert_abstains_or_quotes_first(local.answer("tealeford bridge reopening date"), "25 April")
    assert local.answer("tealeford bridge repair cost").abstained


def test_a_role_asked_in_everyday_words_is_answered_by_the_words_reporters_write(tmp_path, encoder, answerer):
    """"boss" is written "managing director", "lawyer" "solicitor"; a role never filled is still not told."""
    articles = {
        "homes.txt": "Traders fight plan for 84 flats\n\nKestrel Homes wants to build 84 flats on the Brennock Street car park. A spokesman "
        "for Kestrel Homes, Owen Brightwell, said the company had listened to traders. Kestrel's managing director, Fiona Lacey, is "
        "expected to present the scheme at a public exhibition next month.\n",
        "inquiry.txt": "Ward 7 inquiry hears from nurses\n\nThe inquiry into care on Ward 7 at St Cuthbert's Hospital heard from two nurses "
        "on Monday. The families of the three patients are represented by solicitor Aaron Mbeki, of the firm Fenwick Lowe. The trust "
        "has apologised to the families.\n",
    }
    local = answerer_over(tmp_path, articles, encoder, answerer)
    assert_abstains_or_quotes_first(local.answer("Who is the boss of Kestrel Homes?"), "Fiona Lacey")
    assert_abstains_or_quotes_first(local.answer("Who is the lawyer for the families?"), "Aaron Mbeki")
    assert local.answer("Who is Kestrel Homes' lawyer?").abstained


@pytest.mark.parametrize(
    "article, answered, quoted, unanswered",
    [
        (COURT, "How old is Gareth Pennock?", "Gareth Pennock, 37", "How old is Joanne Pennock?"),  # not the age told after another's name
        (BAKERY, "Who is Katie Dorran's brother?", "Luke Dorran", "Who is Katie Dorran's husband?"),  # a relation, of someone named in two words
    ],
)
def test_who_someone_is_related_to_and_how_old_they_are_is_told_of_them(tmp_path, encoder, answerer, article, answered, quoted, unanswered):
    local = answerer_over(tmp_path, {"article.txt": article}, encoder, answerer)
    assert_abstains_or_quotes_first(local.answer(answered), quoted)
    assert local.answer(unanswered).abstained


VILLAGE_SCHOOL = (
    "Parents vow to fight Glenarrow school plan\n\n"
    "The council's education committee voted on Monday to consult on closing Glenarrow Primary and moving its pupils to Kilbride Primary.\n\n"
    "Glenarrow Primary has 34 pupils in a building designed for 120. The council's director of education, Morag Sutherland, "
    "said the school cost £11,200 per pupil to run each year.\n\n"
    "Strathmoor Council will also close two branch libraries, with the loss of 40 jobs. "
    "A developer plans to build 24 apartments on the Eastgate library site.\n"
)
BREWER_OFFER = (
    "Brewer rejects raised offer\n\n"
    "Corrigan Capital has raised its offer for the brewer Harlow & Finch to €4.10 a share, valuing the company at €286 million. "
    "The brewer's board urged shareholders to reject it.\n"
)


def test_a_word_the_articles_write_another_way_is_read_as_theirs(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"school.txt": VILLAGE_SCHOOL, "brewer.txt": BREWER_OFFER, "heat.txt": HEAT}, encoder, answerer)
    students = local.answer("How many students attend Glenarrow Primary?")  # the article says "pupils"
    assert not students.abstained and "34 pupils" in students.quotes[0].text, students.answer
    jobs = local.answer("How many redundancies will the library closures cause?")  # "the loss of 40 jobs"
    assert not jobs.abstained and "40 jobs" in jobs.quotes[0].text, jobs.answer
    cost = local.answer("What does the council say Glenarrow Primary costs per pupil?")  # "Glenarrow Primary" is a school, not a person someone else speaks for
    assert not cost.abstained and "£11,200" in cost.quotes[0].text, cost.answer
    flats = local.answer("How many flats will be built on the Eastgate library site?")  # "24 apartments"
    assert not flats.abstained and "24 apartments" in flats.quotes[0].text, flats.answer
    for bid in ("What does the bid value Harlow & Finch at?", "What is the bid per share?"):  # a bid the article calls an offer
        valued = local.answer(bid)
        assert not valued.abstained and "€286 million" in valued.quotes[0].text, valued.answer


TAX_RISES = (
    "Three councils set their budgets\n\n"
    "Kelby District Council faces a shortfall of £6.8 million. It will raise council tax by 4.99 per cent and draw £2 million from its reserves.\n\n"
    "Neighbouring Ashworth Borough Council has a gap of £12.3 million. It has been given permission to raise council tax by 9.99 per cent.\n\n"
    "Ashworth also put up its parking charges by 12 per cent in April.\n"
)


def test_how_much_something_changes_is_answered_by_a_percentage_too(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"budgets.txt": TAX_RISES, "heat.txt": HEAT}, encoder, answerer)
    rise = local.answer("By how much will Ashworth Borough Council raise council tax?")
    assert not rise.abstained and "9.99 per cent" in rise.quotes[0].text, rise.answer  # not Kelby's 4.99, which stands beside £2 million
    parking = local.answer("By how much did Ashworth's parking charges go up?")
    assert not parking.abstained and "12 per cent" in parking.quotes[0].text, parking.answer  # no amount of money is asked for


CARE_REVIEW = (
    "Care review calls for night staffing ratio\n\n"
    "An independent review into the deaths of eight residents at Larchfield care home has called for a minimum night staffing ratio.\n\n"
    "Care Minister Patricia Holloway said the government accepted most of the recommendations but would not introduce the ratio yet. "
    "She said the ratio would cost about £240 million a year.\n\n"
    "The review also recommended unannounced inspections every 12 months and a national register of care workers.\n\n"
    "The opposition's social care spokesman, Owen Tranter, said the register was long overdue.\n"
)


def test_what_one_side_said_is_not_answered_with_the_other_sides_words(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"care.txt": CARE_REVIEW, "heat.txt": HEAT}, encoder, answerer)
    cost = local.answer("What did the opposition say the night staffing ratio would cost?")  # only the minister gave a cost
    assert cost.abstained and cost.answer.endswith("The words they report on it are another side's, not the opposition's."), cost.answer
    minister = local.answer("What did the government say the night staffing ratio would cost?")
    assert not minister.abstained and "£240 million" in minister.answer, minister.answer
    register = local.answer("What did the opposition say about the register of care workers?")
    assert not register.abstained and "Owen Tranter" in register.quotes[0].text, register.answer
    inspections = local.answer("What did the government say about unannounced inspections?")  # the minister spoke of the ratio alone
    assert inspections.abstained and inspections.answer.endswith("Nothing they report the government saying is about unannounced inspections."), inspections.answer


WAITING_LISTS = (
    "Hospital waiting lists to be cut with new surgical hubs\n\n"
    "The Health Secretary, Tom Vasey, said four surgical hubs would open by next summer to cut waiting lists.\n\n"
    "The first hub will open at Corran General Hospital in March. Each will carry out about 9,000 operations a year.\n\n"
    "Shadow health spokeswoman Ruth Abernethy said the hubs would not be staffed without more nurses.\n\n"
    "The union's general secretary, Maggie Doyle, said nurses would be balloted on strike action.\n"
)


def test_a_minister_named_by_their_title_alone_speaks_for_the_government(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"hubs.txt": WAITING_LISTS}, encoder, answerer)  # no article writes "government"
    for question in ("What did the government say about the surgical hubs?", "What did the government say?"):
        hubs = local.answer(question)
        assert not hubs.abstained and "Tom Vasey" in hubs.quotes[0].text, hubs.answer
    ballot = local.answer("What did the government say about a strike ballot?")  # a union's general secretary is no minister
    assert ballot.abstained, ballot.answer


BRANCH_CLOSURES = (
    "Corrib Bank to shut nine branches\n\n"
    "Corrib Bank is to close nine of its branches, with the loss of 140 jobs, the bank confirmed yesterday. "
    "It has closed 31 branches since 2020.\n\n"
    "The branches that will close on 29 May are Castlefinn Bridge, Rathmoy and Kilbarra.\n"
)


def test_when_something_still_to_come_will_happen_is_not_answered_by_a_time_only_past(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"bank.txt": BRANCH_CLOSURES, "heat.txt": HEAT}, encoder, answerer)
    close = local.answer("When will the Corrib Bank branches close?")
    assert not close.abstained and "29 May" in close.quotes[0].text, close.answer  # not "confirmed yesterday", nor "since 2020"
    closed = local.answer("When did Corrib Bank confirm the closures?")
    assert not closed.abstained and "yesterday" in closed.quotes[0].text, closed.answer


PAY_OFFER = (
    "Bus drivers to strike over pay\n\n"
    "Drivers at Kestrel Buses will walk out next week after rejecting a 4.5 per cent pay offer.\n\n"
    "Graham Stott, Kestrel's managing director, said the union's demand would cost more than £4 million and the pay offer was fair.\n\n"
    "Dawn Pickering, a regional organiser for the drivers, said the offer was an insult after two years of frozen wages.\n"
)


def test_what_one_side_said_is_answered_with_its_own_words_first(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"buses.txt": PAY_OFFER, "heat.txt": HEAT}, encoder, answerer)
    union = local.answer("What did the union say about the pay offer?")
    assert not union.abstained and "Dawn Pickering" in union.quotes[0].text, union.answer
    company = local.answer("What did the company say about the pay offer?")
    assert not company.abstained and "Graham Stott" in company.quotes[0].text, company.answer


STAFFING_RATIO = (
    "Nurses to stop work over staffing\n\n"
    "Nurses at Wyndale Base Hospital will hold a stop-work meeting on 5 March over what their union says are dangerous staffing levels. "
    "The district's chief executive, Simon Achterberg, said mandated staffing ratios would be inflexible.\n\n"
    "Federation branch secretary Kylie Brandt said nurses were exhausted and wanted a legally enforceable ratio of one nurse to every three patients.\n"
)


def test_a_ratio_asked_for_is_one_figure_of_something_to_another(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"nurses.txt": STAFFING_RATIO, "heat.txt": HEAT}, encoder, answerer)
    ratio = local.answer("What staffing ratio do the Wyndale nurses want?")
    assert not ratio.abstained and "one nurse to every three patients" in ratio.quotes[0].text, ratio.answer  # not "ratios would be inflexible"


REVIEW_LIST = (
    "Dunmore review calls for surprise inspections\n\n"
    "An independent review into the deaths of residents at Dunmore House has made 12 recommendations, including surprise inspections. "
    "The families welcomed the review.\n\n"
    "Its four main recommendations are:\n\n"
    "- a minimum ratio of one carer to every five residents at night;\n"
    "- a national register of care workers;\n"
    "- unannounced inspections of every care home once a year;\n"
    "- a Commissioner for Older People.\n\n"
    "The minister said the government would respond in the spring.\n"
)


def test_several_things_asked_for_by_their_count_are_answered_by_the_list(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"review.txt": REVIEW_LIST, "heat.txt": HEAT}, encoder, answerer)
    listed = local.answer("What were the four main recommendations of the Dunmore review?")
    assert not listed.abstained and listed.quotes[0].text.startswith("Its four main recommendations are:"), listed.answer
    assert all(item in listed.quotes[0].text for item in ("register of care workers", "Commissioner for Older People")), listed.answer


UNION_DEMANDS = (
    "Bus drivers to strike over pay and rotas\n\n"
    "Bus drivers at Northway Coaches will walk out for five days from 16 November, the Transport Workers Union said yesterday.\n\n"
    "Its demands are:\n"
    "  • a pay rise of 7 per cent\n"
    "  • an end to split shifts\n"
    "  • 30 minutes of paid break on every shift\n\n"
    "Northway's managing director, Colin Ure, said the company had offered 4 per cent and could not afford more.\n"
)


def test_a_count_of_things_listed_is_met_by_a_list_of_that_many_items(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"drivers.txt": UNION_DEMANDS, "heat.txt": HEAT}, encoder, answerer)
    listed = local.answer("What are the union's three demands?")  # the lead-in gives no count: "three" is no figure to find
    assert not listed.abstained and listed.quotes[0].text.startswith("Its demands are:"), listed.answer
    assert "an end to split shifts" in listed.quotes[0].text, listed.answer
    miscounted = local.answer("What are the union's five demands?")  # "five days" is no list of five
    assert miscounted.abstained and "They list 3 demands" in miscounted.answer, miscounted.answer


GREEN_CARTS = (
    "Green carts roll out in May\n\n"
    "Households in Port Elwood will start separating food scraps this spring, when the city's green cart program begins on 4 May. "
    "The program will save the city about $900,000 a year in landfill fees.\n\n"
    "Green carts will be collected weekly. Garbage will move to every two weeks from the same date.\n\n"
    "The candidates for the two council seats are:\n\n"
    "Ruth Abano (Green), a nurse;\nPeter Lusk (Independent), a plumber.\n\n"
    "Councillor Jean Morel, who voted against the program, said she still had concerns about smells in the summer.\n"
)


def test_how_often_is_answered_by_a_sentence_telling_how_often(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"carts.txt": GREEN_CARTS, "heat.txt": HEAT}, encoder, answerer)
    often = local.answer("How often will garbage be collected in Port Elwood under the new program?")
    assert not often.abstained and "every two weeks" in often.quotes[0].text, often.answer  # not the $900,000 a year it saves


def test_what_someone_never_told_speaking_promised_is_not_answered(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"carts.txt": GREEN_CARTS, "heat.txt": HEAT}, encoder, answerer)
    promised = local.answer("What has Ruth Abano promised to do about the green cart program?")  # a candidate, never quoted
    assert promised.abstained and "None of them reports Ruth Abano saying anything" in promised.answer, promised.answer
    said = local.answer("What did Jean Morel say about the green cart program?")
    assert not said.abstained and "concerns about smells" in said.quotes[0].text, said.answer


STORE_CLOSURES = (
    "Marlow & Finch to close six stores\n\n"
    "The department store chain Marlow & Finch will close six of its 31 stores, putting 420 jobs at risk, as it struggles with rising costs and a shift to online shopping.\n\n"
    "Retail analyst Tom Reyes said Marlow & Finch stores were too big for today's town centres and that the chain had been slow to close them.\n\n"
    "Chief executive Dana Whitcombe said the six stores had been chosen for two reasons: they were losing money, and their leases end next year. "
    "She said staff at the closing stores would be offered jobs at other Marlow & Finch stores.\n\n"
    "The chain will spend £18 million refurbishing its other stores.\n"
)


def test_why_something_was_done_is_answered_by_the_sentence_giving_the_reason_too(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"stores.txt": STORE_CLOSURES, "heat.txt": HEAT}, encoder, answerer)
    why = local.answer("Why is Marlow & Finch closing stores?")
    assert not why.abstained and any("losing money" in quote.text for quote in why.quotes[:2]), why.answer


HOSPITAL_WAITS = (
    "Kelby General misses four-hour target again\n"
    "Vale Echo, Friday 13 February 2026\n\n"
    "At Ashby Royal Hospital, just 61.8 per cent of emergency patients were seen within four hours in January, against a standard of 78 per cent. "
    "At Kelby General the figure was 68.4 per cent.\n\n"
    "Ashby Royal also had 1,204 patients who waited more than 12 hours in January, compared with 630 at Kelby General.\n\n"
    "A year earlier, in January 2025, Ashby Royal's four-hour figure was 66.2 per cent and Kelby General's was 72.1 per cent.\n"
)


def test_a_month_told_without_its_year_is_of_the_year_its_article_is_dated(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"waits.txt": HOSPITAL_WAITS, "heat.txt": HEAT}, encoder, answerer)
    dated = local.answer("What was Kelby General's four-hour figure in January 2026?")  # not "one fact in different facts"
    assert not dated.abstained and any("68.4 per cent" in quote.text for quote in dated.quotes), dated.answer
    assert "72.1 per cent" not in dated.quotes[0].text, dated.answer  # January 2025's figure
    earlier = local.answer("What was Kelby General's four-hour figure in January 2024?")
    assert earlier.abstained, earlier.answer


FERRY_CHANGES = (
    "Ferry operator sets out timetable changes\nValley Courier, Monday 2 March 2026\n\n"
    "Carrow Ferries has announced changes to its winter timetable after complaints from island residents.\n\n"
    "The company said the new timetable would bring these changes:\n\n"
    "- An extra sailing on Saturdays. It will leave Carrow at 7 p.m.\n- Cheaper fares for island residents. A return ticket will cost £6 instead of £9.\n- A new booking app. It will replace the phone line from April.\n\n"
    "Residents welcomed the changes but said they did not go far enough.\n"
)


BRIDGE_OPTIONS = (
    "Council weighs future of Carrow bridge\nValley Courier, Wednesday 8 April 2026\n\n"
    "Ardlow council has published a report on the future of the\nCarrow bridge, which has been closed since March. The report sets\nout the council's options:\n\n"
    "- Repair the existing bridge at a cost of £4 million.\n- Replace it with a new bridge costing £11 million.\n- Close the bridge permanently and improve the detour.\n\n"
    "Councillors will vote on the options on 12 May. Officers favour replacement;\nthey say repairs would only keep the bridge open for ten years.\n\n"
    "Residents have started a petition to keep the bridge open.\n"
)


HUSTINGS = (
    "Maternity unit dominates Ardlow by-election campaign\nValley Courier, Thursday 19 March 2026\n\n"
    "The future of the maternity unit at Ardlow Hospital has become the main issue of the by-election campaign.\n\n"
    "Sandra Holt, the Greens candidate, explained at a hustings on Tuesday that she would fight to reopen the maternity unit within a year if elected. She confirmed she would also push for a new midwife-led birth centre in Carrow.\n\n"
    "Priya Raman, the Labour candidate, said the unit had closed because the health board could not recruit enough midwives.\n\n"
    "The health board closed the unit in 2024, and mothers now travel 50 miles to give birth.\n"
)


BUS_DEPOT_CLOSURE = (
    "Bus depot closure confirmed\nValley Courier, Friday 20 March 2026\n\n"
    "Kestrel Buses will close its Halden Road depot in June, moving 80 drivers to its site in Carrow.\n\n"
    "Dave Ward, the union's Regional Secretary, said the closure would add an hour to many drivers' working day. \"Our members were not consulted once,\" he said.\n\n"
    "The company said the depot was too small for its new electric buses.\n"
)


STADIUM_PLAN = (
    "Ardlow Rovers stadium plan approved\nValley Courier, Monday 16 March 2026\n\n"
    "Plans for a new 12,000-seat stadium for Ardlow Rovers were approved by the planning committee on Monday.\n\n"
    "The club's Company Secretary, Janet Foley, said the club hoped to play its first match there in August 2027.\n\n"
    "Residents living near the site said they feared traffic on match days.\n"
)


BUS_ROUTE = (
    "New bus route links Carrow and Ardlow hospital\nValley Courier, Monday 9 March 2026\n\n"
    "A new bus route linking Carrow with Ardlow hospital will start running on 6 April, Kestrel Buses said.\n\n"
    "The 42 service will run every half hour between 7 a.m. and 7 p.m., stopping at the railway station and the retail park.\n\n"
    "Kestrel's operations manager, Tom Reilly, told the Ardlow Daily Post that the route would be reviewed after six months.\n"
)


GRITTING = (
    "Council spent record sum on gritting during cold snap\nValley Courier, Thursday 8 January 2026\n\n"
    "Ardlow council spent £2.3 million on gritting roads in December, more than in any month on record, after the coldest start to winter in a decade.\n\n"
    "Crews spread 14,000 tonnes of salt on the region's roads during the month, the council said.\n\n"
    "The council has already spent most of its winter budget of £4 million.\n"
)


EURO_STADIUM = (
    "Work to begin on Euro 2028 stadium upgrade\nValley Courier, Monday 16 February 2026\n\n"
    "Ardlow Park will be upgraded to host matches at Euro 2028, the football association confirmed on Monday.\n\n"
    "The upgrade will cost £45 million and is due to be finished by December 2027, the council said.\n\n"
    "The council has already spent £3 million on design work for the stadium.\n\n"
    "The government will pay half of the cost.\n"
)


BRIDGE_CRACKS = (
    "Carrow bridge closed after cracks found\nValley Courier, Wednesday 4 March 2026\n\n"
    "The Carrow bridge was closed to all traffic on Tuesday after engineers found cracks in two of its steel support beams during a routine inspection.\n\n"
    "Drivers face a 20-minute detour through Little Sowerby, which residents say has led to queues at the village school.\n\n"
    "The council said the bridge would stay shut until repairs were complete.\n\n"
    "Engineers will take core samples from the beams next week. A full load assessment will then be carried out before any decision on reopening.\n"
)


def test_a_list_is_counted_by_its_items_not_its_sentences_nor_a_prose_line_after_it(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"ferry.txt": FERRY_CHANGES, "bridge.txt": BRIDGE_OPTIONS, "heat.txt": HEAT}, encoder, answerer)
    changes = local.answer("What are the three changes to the ferry timetable?")  # three items of two sentences each
    assert not changes.abstained and "A new booking app" in changes.quotes[0].text, changes.answer
    options = local.answer("What are the council's three options for the Carrow bridge?")  # "Officers favour replacement;" is no option
    assert not options.abstained and "Close the bridge permanently" in options.quotes[0].text, options.answer
    more = local.answer("What are the five changes to the ferry timetable?")
    assert more.abstained and "They list 3 changes" in more.answer, more.answer
    assert asks_list("What are the nurses' three demands?") and asks_list("What are the union's three demands?")  # a plural's possessive too


def test_someone_told_explaining_or_confirming_is_answered_by_what_they_said(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"hustings.txt": HUSTINGS, "heat.txt": HEAT}, encoder, answerer)
    said = local.answer("What has Sandra Holt said about the maternity unit?")  # "explained", "confirmed": named outside any list
    assert not said.abstained and "reopen the maternity unit" in said.quotes[0].text, said.answer


def test_a_union_or_club_secretary_is_no_minister(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"depot.txt": BUS_DEPOT_CLOSURE, "stadium.txt": STADIUM_PLAN}, encoder, answerer)
    stadium = local.answer("What did the government say about the stadium?")  # a union's Regional Secretary, a club's Company Secretary
    assert stadium.abstained, stadium.answer


ROAD_FUNDING = (
    "Hospital closure plan and road funding announced\nValley Courier, Tuesday 17 March 2026\n\n"
    "The health board has proposed closing the minor injuries unit at Little Sowerby hospital, moving its services to Ardlow.\n\n"
    "Unison, which represents nurses at the hospital, said the closure would leave villagers with a 40-minute drive for treatment. "
    "Hundreds of people signed a petition against the plan on its first day.\n\n"
    "Separately, the government announced £12 million for pothole repairs across the region. "
    "The Transport Secretary, Helen Marsh, said the money would fix 40,000 potholes by the end of the year.\n"
)


def test_a_sides_words_on_another_topic_are_not_put_first(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"roads.txt": ROAD_FUNDING, "heat.txt": HEAT, "park.txt": PARK}, encoder, answerer)
    unit = local.answer("What did the government say about the minor injuries unit?")  # its words are on potholes
    assert not unit.abstained and "pothole" not in unit.quotes[0].text, unit.answer


def test_how_often_is_answered_by_every_half_hour_and_a_year_of_a_name_is_no_year_asked(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"bus.txt": BUS_ROUTE, "euro.txt": EURO_STADIUM, "heat.txt": HEAT}, encoder, answerer)
    often = local.answer("How often will the 42 bus run?")
    assert not often.abstained and "every half hour" in often.quotes[0].text, often.answer
    cost = local.answer("How much will the Euro 2028 stadium upgrade cost?")
    assert not cost.abstained and "£45 million" in cost.quotes[0].text, cost.answer


def test_a_month_later_than_its_articles_date_is_of_the_year_before(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"gritting.txt": GRITTING, "heat.txt": HEAT}, encoder, answerer)
    spent = local.answer("How much did the council spend on gritting in December 2025?")  # "in December", dated 8 January 2026
    assert not spent.abstained and "£2.3 million" in spent.quotes[0].text, spent.answer


def test_what_happens_next_goes_on_within_its_paragraph_only(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"bridge.txt": BRIDGE_CRACKS, "heat.txt": HEAT}, encoder, answerer)
    after = local.answer("What happens next with the Carrow bridge?")
    assert not after.abstained, after.answer  # the closure sentence is not run on into the next paragraph's detour
    assert not any(quote.text.startswith("The Carrow bridge was closed") and "detour" in quote.text for quote in after.quotes), after.answer


FLOOD_REVIEW = (
    "Flood review makes four recommendations\n\n"
    "An independent review of the Kelby floods found that warnings reached residents two hours late.\n\n"
    "The review makes four recommendations:\n\n"
    "First, river gauges should be checked every month.\n\n"
    "Second, warnings should be sent by text message as well as by siren.\n\n"
    "Third, the flood wall at Mill Lane should be raised by half a metre.\n\n"
    "Fourth, a volunteer flood warden should be named for every street.\n\n"
    "The council said it would publish its response in May. First, councillors will debate the report on 3 March. "
    "Then a public consultation will run for six weeks.\n"
)


def test_a_list_written_as_paragraphs_opening_with_ordinals_answers_by_its_count(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"floods.txt": FLOOD_REVIEW, "heat.txt": HEAT}, encoder, answerer)
    listed = local.answer("What are the four recommendations of the Kelby flood review?")
    assert not listed.abstained and listed.quotes[0].text.startswith("The review makes four recommendations:"), listed.answer
    assert "Mill Lane" in listed.quotes[0].text and "flood warden" in listed.quotes[0].text, listed.answer


def test_what_happens_after_a_step_is_answered_with_the_step_after_it(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"floods.txt": FLOOD_REVIEW, "heat.txt": HEAT}, encoder, answerer)
    after = local.answer("What happens after councillors debate the flood report?")
    assert not after.abstained and "public consultation will run for six weeks" in after.quotes[0].text, after.answer


FERRY_ROW = (
    "Ferry costs blow out\n\n"
    "The cost of the state's six new ferries has risen to $412 million, Transport Minister Leanne Tobin confirmed.\n\n"
    "The opposition called for an inquiry into the contract.\n\n"
    "Crossbench MP Rosa Kettering said both major parties had missed the point. \"We should be buying electric ferries, "
    "not another fleet of diesel boats,\" she said.\n"
)


def test_what_someone_wants_is_answered_by_their_words(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"ferries.txt": FERRY_ROW, "heat.txt": HEAT}, encoder, answerer)
    wants = local.answer("What does crossbench MP Rosa Kettering want the state to buy?")
    assert not wants.abstained and "electric ferries" in wants.quotes[0].text, wants.answer  # her words after "said both major parties had missed the point"


TENANTS_UNION = (
    "Rents climb again in Coralbay\n\n"
    "The median rent for a three-bedroom house in Coralbay has climbed 11 per cent in a year to $640 a week.\n\n"
    "The rental vacancy rate fell to 0.9 per cent, the lowest on record. Renters now spend 38 per cent of their income on rent.\n\n"
    "Mei Lin Chow, a spokesperson for the Coralbay Tenants' Union, said members were being squeezed from every side.\n\n"
    "\"We are hearing from nurses and teachers who are sleeping in their cars,\" she said. "
    "\"The state government needs to limit rent increases to once a year.\"\n\n"
    "Brett Callister, of the Real Estate Institute, said more homes were the only answer.\n"
)


def test_a_quotation_after_she_said_is_of_whom_the_paragraph_before_names(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"rents.txt": TENANTS_UNION, "heat.txt": HEAT}, encoder, answerer)
    wants = local.answer("What does the tenants' union want the state government to do?")
    assert not wants.abstained and "limit rent increases to once a year" in wants.answer, wants.answer  # Chow is named a paragraph before "she said"


CARE_HOME_TRIAL = (
    "Care home manager denies theft\n\n"
    "A former care home manager took £86,400 from residents' comfort fund, a jury heard. "
    "Opening the case for the prosecution, Ian Stavely KC said Ms Petch had spent the money on holidays.\n\n"
    "Rachel Odunsi, defending, said Ms Petch accepted that her bookkeeping had been chaotic but denied acting dishonestly.\n\n"
    "The trial continues.\n\n"
    "\"This is a case about sloppy paperwork, not about theft,\" Ms Odunsi told the jury.\n"
)
CIVIL_DEFENCE_FLOOD = (
    "Floods force hundreds from homes\n\n"
    "Civil Defence said 212mm of rain fell in the 24 hours to 6am. "
    "Civil Defence controller Mark Hemi said at least 85 homes had been flooded.\n"
)


def test_the_defence_asked_about_is_not_a_body_named_defence(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"trial.txt": CARE_HOME_TRIAL, "flood.txt": CIVIL_DEFENCE_FLOOD, "heat.txt": HEAT}, encoder, answerer)
    case = local.answer("What does the defence say the case is really about?")  # Ms Odunsi is the one "defending", named so before
    assert not case.abstained and "sloppy paperwork" in case.quotes[0].text, case.answer
    assert all(quote.doc_id == "trial" for quote in case.quotes), case.answer  # not Civil Defence's words


DEPOT_CLOSURE = (
    "Dunford bus depot to close\n\n"
    "Management told drivers on Monday that the Dunford depot would close in June, the union said.\n\n"
    "Network Rail, which employs 40,000 workers, said the pay offer for signallers was fair. "
    "The RMT union said the pay offer was an insult to its members.\n\n"
    "Council leader Amy Ross said the council would stop weekly bin collections in Dunford.\n\n"
    "She said the change would save £400,000 a year, which would be spent on repairing potholes.\n\n"
    "The Kelby footbridge will reopen when repairs are finished, the council said last week.\n"
)


def test_who_speaks_is_read_where_the_sentence_tells_it(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, {"dunford.txt": DEPOT_CLOSURE, "heat.txt": HEAT}, encoder, answerer)
    depot = local.answer("What did the union say about the Dunford depot?")  # ", the union said." closes the sentence
    assert not depot.abstained and "the union said" in depot.quotes[0].text, depot.answer
    potholes = local.answer("What did the council say about potholes?")  # "She said" opens a paragraph after the one naming her
    assert not potholes.abstained and "potholes" in potholes.quotes[0].text, potholes.answer
    offer = local.answer("What did the union say about the pay offer?")  # not Network Rail, "which employs 40,000 workers"
    assert not offer.abstained and "The RMT union said" in offer.quotes[0].text, offer.answer
    bridge = local.answer("When is the Kelby footbridge due to reopen?")  # no time still to come anywhere: the condition there is
    assert not bridge.abstained and "when repairs are finished" in bridge.quotes[0].text, bridge.answer


# Short articles of plans, periods and people a judging review of them (and the code review of its mends) found answered wrongly.
PLANS_AND_PERIODS = {
    "fly-tipping.txt": (
        "Builder sentenced over fly-tipping\n\nHallam Courier, Friday 6 March 2026\n\n"
        "Derek Pole, 52, of Mill Lane, Hallam, admitted dumping building waste on farmland. "
        "He was sentenced at Hallam Magistrates' Court on Thursday and was ordered to pay £3,100 in costs.\n\n"
        "The magistrates told Pole they had stepped back from a custodial sentence because of his early guilty plea.\n\n"
        "His son, Liam Pole, 24, who drove the van, admitted a lesser offence and was given a conditional discharge.\n\n"
        "The council said fly-tipping cost it £90,000 a year.\n"
    ),
    "board.txt": (
        "Elm Ridge voters oust two board members\n\nThree newcomers won seats on Tuesday, unseating two incumbents.\n\n"
        "The new board will elect its chair at its Jan. 12 meeting, at 7 p.m. at the district office, 44 Larch Ave.\n"
    ),
    "museum.txt": (
        "Quarry museum has record spring\n\nDales Courier, Thursday 13 August 2026\n\n"
        "The Fellside Quarry Museum welcomed 22,500 visitors in the first half of 2026, up from 18,200 in the same period last year.\n\n"
        "The museum's trust credited a new underground tour. An annual pass to the Fellside Quarry Museum costs £30.\n"
    ),
    "water.txt": (
        "Water bills to rise\n\nHouseholds in Tarn Shire face a rise of about $3.10 a week in their water bills from July, after the "
        "pricing tribunal approved the utility's plan.\n\nThe typical household bill will rise by $160 a year.\n"
    ),
    "westgate.txt": (
        "Four shops to close at Westgate\n\nBrennan's Shoes, Page Turner Books and two cafés will close when the Westgate Centre shuts in March.\n\n"
        "Brennan's Shoes has traded in the town since 1961. Owner Declan Brennan, whose grandfather founded the business, said he would "
        "not be reopening elsewhere.\n"
    ),
    "towers.txt": (
        "Tenants withhold rent at Riverside Towers\n\nAbout 90 households at Riverside Towers have stopped paying rent to Pinecrest "
        "Properties over broken heating.\n\nPinecrest spokeswoman Karen Dietz said repairs were under way. She said the company was "
        "investing $1.2 million in upgrades at the complex this year.\n"
    ),
    "stores.txt": (
        "Hale's to close nine stores\n\nThe department store chain Hale's will close nine stores, including those in Stallford and "
        "Market Orton.\n\nIn Stallford, council leader Amina Choudhury said the closure was \"a blow to the high street\".\n\n"
        "Market Orton's store, the chain's oldest, opened in 1889.\n"
    ),
    "maternity.txt": (
        "Maternity unit delayed again\n\nWest Courier, Thursday 12 November 2026\n\n"
        "The new maternity unit at Ardmore General Hospital will not open until May 2027, hospital managers said.\n\n"
        "The £30 million unit was due to open in October of this year.\n"
    ),
    "rovers.txt": "Rovers edge Town\n\nTom Barrow scored the winner in the 58th minute, after a goalless first half.\n",
    "fair.txt": "Harbour Fair returns\n\nThe Harbour Fair returned to Port Elwin at the weekend.\n\nAbout 12,000 people went through the gates, with tickets at £15 a day.\n",
    "fire.txt": "Fire on Calder Street\n\nPolice evacuated about 300 people from homes and businesses on Calder Street as the flames spread.\n",
    "crash.txt": (
        "Haulier fined over driver's death\n\nHarlow Haulage was fined £400,000 over the death of driver Anne Grey. "
        "The firm was also ordered to pay £25,000 to Ms Grey's relatives.\n"
    ),
    "homes.txt": (
        "Housing plan row\n\nCouncil leader Tom Hale unveiled a plan on Monday to build 2,000 homes.\n\n"
        'Opposition leader Maya Osei, speaking alongside her deputy Jack Clark, called the housing plan "a fantasy".\n'
    ),
    "theft.txt": (
        "Shoplifter fined\n\nRyan Lydgate, 19, admitted stealing goods from a chemist.\n\n"
        "Lydgate, whose brother Gary Lydgate was jailed last year, was fined £500 on Thursday.\n"
    ),
    "westvale.txt": (
        "Mining museum busy\n\nMoorside Courier, Thursday 13 August 2026\n\n"
        "The Westvale Mining Museum, which opened last year, welcomed 22,500 visitors in the first half of 2026.\n"
    ),
    "ward.txt": "Ward closures reviewed\n\nA review of the ward closures due to staff shortages will report its findings in June.\n",
    "fraud.txt": (
        "Fraudster admits theft\n\nCarl Ingersoll, 51, a former prison governor, admitted stealing £240,000 from a charity. "
        "He will be sentenced next month.\n"
    ),
}


@pytest.fixture(scope="module")
def plans_and_periods(tmp_path_factory, encoder, answerer) -> Answerer:
    """An answerer over short articles of plans, periods and people."""
    return answerer_over(tmp_path_factory.mktemp("plans"), PLANS_AND_PERIODS, encoder, answerer)


@pytest.mark.parametrize(
    ("question", "answered_by"),
    [
        ("How much did Derek Pole have to pay in costs?", "£3,100"),  # "Hallam Magistrates' Court" names no one in his place
        ("When will the new Elm Ridge school board elect its chair?", "Jan. 12"),  # "Larch Ave." is a street, no person named in the place of "Elm Ridge"
        ("How many visitors did the Fellside Quarry Museum have in the first half of 2025?", "18,200"),  # "last year" of an article of 2026
        ("When was Ardmore's new maternity unit originally due to open?", "October"),  # a plan asked, told as a plan
        ("How much does an annual pass to the Fellside Quarry Museum cost?", "£30"),
        ("Was Derek Pole jailed?", "custodial sentence"),  # "jailed" written as "a custodial sentence"
        ("How much will Tarn Shire water bills rise per week for households?", "$3.10 a week"),
        ("Will Brennan's Shoes reopen somewhere else?", "not be reopening"),  # a shop's name, no namesake of Declan Brennan
        ("How much is Pinecrest investing in upgrades at Riverside Towers this year?", "$1.2 million"),  # its spokeswoman named before "She said"
    ],
)
def test_plans_periods_and_places_that_read_as_names_are_answered(plans_and_periods, question, answered_by):
    answer = plans_and_periods.answer(question)
    assert not answer.abstained and any(answered_by in quote.text for quote in answer.quotes), answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "How many visitors did the Fellside Quarry Museum have in the first half of 2023?",  # a year no article tells, even as "last year"
        "How much was Liam Pole ordered to pay in costs?",  # "He was … ordered to pay £3,100" is his father Derek's
        "How much does a monthly pass to the Fellside Quarry Museum cost?",  # an annual pass is no monthly one
        "How many visitors did the Fellside Quarry Museum have in the third quarter of 2026?",  # the first half is not the third quarter
        "How much will Tarn Shire water bills rise per week for businesses?",  # households' rise is no business's
        "What did the leader of Market Orton council say about the store closure?",  # Stallford's leader spoke
    ],
)
def test_what_plans_and_periods_do_not_tell_is_refused(plans_and_periods, question):
    answer = plans_and_periods.answer(question)
    assert answer.abstained, answer.answer


TWO_PART_STORIES = {
    "creamery.txt": (
        "Hollin Creamery sold to Dale Farms\n\nThe Hollin Creamery, a fixture of the town for sixty years, has been sold to Dale Farms "
        "for $9 million, its owners said on Monday.\n\nThe creamery employs 64 people. Dale Farms has pledged to keep all of those jobs "
        "for at least two years after the sale.\n\nThe plant makes about 9,000 pounds of butter a week.\n"
    ),
    "board-race.txt": (
        "Ruiz unseats Hale\n\nNurse Ana Ruiz defeated longtime school board member Tom Hale in Tuesday's election.\n\n"
        "According to the county elections office, Ruiz received 2,140 votes to Hale's 1,905. Hale had served on the board for eight years.\n\n"
        "Voters also approved a $12 million bond for a new gym.\n"
    ),
}


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        ("How many people does the Hollin Creamery employ, and for how long has Dale Farms pledged to keep the jobs?", ("64 people", "two years")),
        ("Who won the school board race against Tom Hale, and by how many votes?", ("Ana Ruiz", "2,140 votes")),
    ],
)
def test_a_question_asking_two_things_is_answered_by_both(tmp_path, encoder, answerer, question, facts):
    local = answerer_over(tmp_path, TWO_PART_STORIES, encoder, answerer)
    answer = local.answer(question)
    assert_grounded(answer, local.index.documents)
    assert all(any(fact in quote.text for quote in answer.quotes) for fact in facts), answer.answer


def test_a_yes_or_no_part_is_answered_only_by_its_own_verb(tmp_path, encoder, answerer):
    local = answerer_over(tmp_path, TWO_PART_STORIES, encoder, answerer)
    sale = local.answer("How much did Dale Farms pay for the Hollin Creamery and was the sale approved?")
    assert not sale.abstained and "$9 million" in sale.quotes[0].text, sale.answer
    assert not any("pledged" in quote.text for quote in sale.quotes), sale.answer  # the jobs pledge says nothing of an approval




@pytest.mark.parametrize(
    ("question", "answered_by"),
    [
        ("Who scored for Rovers in the second half?", "Tom Barrow"),  # a match's half is no half-year
        ("How many people attended the annual Harbour Fair?", "12,000"),  # "annual" names the fair, asks no rate
        ("How many residents were evacuated after the Calder Street fire?", "300 people"),  # a count, not an amount for a group
        ("How much was Harlow Haulage ordered to pay Anne Grey's family?", "£25,000"),  # "the firm" pays
        ("What did Maya Osei say about Tom Hale's housing plan?", "a fantasy"),  # one of two people asked named is enough
        ("How much was Ryan Lydgate fined?", "£500"),  # "Lydgate, whose brother Gary Lydgate …" may be Ryan
    ],
)
def test_what_the_code_review_of_periods_groups_and_namesakes_found_answerable_is_answered(plans_and_periods, question, answered_by):
    answer = plans_and_periods.answer(question)
    assert not answer.abstained and any(answered_by in quote.text for quote in answer.quotes), answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "How many visitors did the Westvale Mining Museum have in 2025?",  # "which opened last year" tells no figure of 2025
        "What did the review of the ward closures due to staff shortages find?",  # "due to" a cause asks no plan
        "Was Carl Ingersoll jailed?",  # a "prison governor" was not jailed
    ],
)
def test_what_the_code_review_of_periods_groups_and_namesakes_found_unanswerable_is_refused(plans_and_periods, question):
    answer = plans_and_periods.answer(question)
    assert answer.abstained, answer.answer


ROLES_AND_RELATIONS = {
    "derby.txt": (
        "Pryor sends Marsh Town top\n\nMarsh Town 2 Kelby Athletic 1\n\n"
        "Owen Pryor, son of Marsh Town manager Gareth Pryor, scored the winner as Marsh Town came from behind on Saturday.\n\n"
        "Kelby went ahead in the 12th minute when Sam Oduya turned in a cross from the left.\n\n"
        "Referee Carl Mottram booked four players. His mum watched from the stand.\n"
    ),
    "asbestos.txt": (
        "Roofer fined over dumped asbestos\n\nNeil Farrant, 52, of Mill Road, Thorpe, admitted dumping asbestos sheets in a lay-by.\n\n"
        "The judge said the offence had put walkers at risk. District Judge Helen Carver told him: \"This was reckless.\"\n\n"
        "As well as the fine, she ordered Farrant to pay £900 in costs.\n"
    ),
    "coles.txt": (
        "Cole's Bakery turns fifty\n\nCole's Bakery opened on Bridge Street in 1976. Cole's Bakery now bakes about 2,000 loaves a week.\n\n"
        "Nineteen people now work there, among them the owners' son, Adam.\n\nCole's Bakery signed a new ten-year lease last spring.\n"
    ),
    "northway.txt": (
        "Northway Buses cuts routes\n\nNorthway Buses was bought by the Swiss transport group Alpenlink in 2022.\n\n"
        "Its old depot was sold in 2019 to Harbour Estates, which now owns it.\n\n"
        "Northway Buses' operations director, Sam Reid, apologised to passengers for the cuts.\n"
    ),
    "cup.txt": "Burke sends Kelby through\n\nKelby's Liam Burke restored the lead on 58 minutes, and Kelby held on to win the cup tie.\n",
    "elmlane.txt": (
        "Elm Lane Primary closes for repairs\n\nElm Lane Primary School closed on Monday after surveyors found rotten roof timbers.\n\n"
        "Headteacher Jo Pike said the pupils would be taught in the village hall.\n"
    ),
    "joinery.txt": (
        "Joinery fined after fall\n\nBrook Joinery, founded in 1979 by brothers Ray and Colin Brook, was bought in 2018 by its managing director, Sue Lane.\n\n"
        "Tarn Harriers coach Joe Birch, whose team train beside the yard, said the firm had always been careful.\n"
    ),
    "meadow.txt": (
        "Homes refused at Long Meadow\n\nPlans for 80 homes at Long Meadow have been refused by Harlow District Council.\n\n"
        "Committee chairwoman Cllr Ruth Dean said the junction was unsafe.\n\n"
        "Greyfield's land director, Tom Hall, said the company was disappointed.\n\n"
        "A spokeswoman for the council, Lyn Marsh, said the decision notice would follow within ten days.\n"
    ),
    "lettings.txt": (
        "Landlord fined over mould\n\nLandlord Ray Vick lets his flats through an agency run by his daughter, Amy Stone.\n\n"
        "Tenants had complained of mould for two years.\n"
    ),
    "counter.txt": (
        "Ashby post office counter to close\n\nThe post office counter in Ashby, however, will close at the end of May.\n\n"
        "The village shop has been sold to Corley Stores, which runs 14 other shops across the county.\n\n"
        "The nearest post office after the closure will be in Elm Cross, five miles away.\n\n"
        "Mr Patel said the counter was no longer viable following a fall in the number of customers using it.\n"
    ),
}


@pytest.fixture(scope="module")
def roles_and_relations(tmp_path_factory, encoder, answerer) -> Answerer:
    """An answerer over short articles of roles, relations, a match and a closure."""
    return answerer_over(tmp_path_factory.mktemp("roles"), ROLES_AND_RELATIONS, encoder, answerer)


@pytest.mark.parametrize(
    ("question", "answered_by"),
    [
        ("Who is Owen Pryor's father?", "Gareth Pryor"),  # told from the son's side
        ("Who is Amy Stone's father?", "Ray Vick"),  # "his daughter": a father
        ("Which judge fined Neil Farrant?", "Helen Carver"),  # a role asked after "which"
        ("Who refereed the match between Marsh Town and Kelby Athletic?", "Carl Mottram"),  # a role asked by what its holder does
        ("Who chairs Harlow District Council's planning committee?", "Ruth Dean"),
        ("Who speaks for Harlow District Council?", "Lyn Marsh"),  # not the developer's director
        ("Who coaches Tarn Harriers?", "Joe Birch"),  # "Tarn Harriers coach Joe Birch" names a coach, tells nothing the other way round
        ("Who founded Brook Joinery?", "Ray and Colin Brook"),  # "founded in 1979 by" is done to the firm
        ("Who owns Northway Buses?", "Alpenlink"),  # a buyer in one word, told as "bought by"
        ("Who is Northway Buses' operations director?", "Sam Reid"),
        ("When did Oduya score?", "12th minute"),  # a time in a match, told of him
        ("When did Liam Burke score?", "58 minutes"),  # a goal told by what it did to the score
        ("How many people does Cole's Bakery employ?", "Nineteen"),  # a count of people, not of loaves
        ("Why is the Ashby post office counter closing?", "following a fall"),  # a reason told further down its article
    ],
)
def test_roles_relations_and_reasons_told_in_other_words_are_answered(roles_and_relations, question, answered_by):
    answer = roles_and_relations.answer(question)
    assert not answer.abstained and any(answered_by in quote.text for quote in answer.quotes), answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Who is Owen Pryor's mother?",  # his article writes "His mum", naming no one: "son of Gareth Pryor" does not tell her
        "Who is Amy Stone's mother?",  # "his daughter" tells of her father
        "Who owns Harbour Estates?",  # it owns the depot; who owns it is not told
        "Who is Northway Buses' managing director?",  # its operations director is another
        "Who is the deputy headteacher of Elm Lane Primary School?",  # "Headteacher Jo Pike" is no deputy
        "What was Cole's Bakery's profit last year?",  # an amount by a name no sentence gives
    ],
)
def test_roles_and_relations_the_articles_do_not_tell_are_refused(roles_and_relations, question):
    answer = roles_and_relations.answer(question)
    assert answer.abstained, answer.answer


ORDER_AND_CHANGE = {
    "pool.txt": (
        "Hillbrook pool prices to rise\n\nAdult entry to Hillbrook pool will rise from $6.50 to $7.20 in January.\n\n"
        "A ten-visit pass will go up from $58 to $64.\n\nThe pool had 210,000 visits last year. Prices last rose in April 2024.\n"
    ),
    "bridge.txt": (
        "Ashford Falls bridge bill climbs\n\nThe cost of rebuilding the Mill Street Bridge has jumped to $6.5 million.\n\n"
        "The federal grant is fixed, so the town's share will rise from $1.1 million to $3.4 million.\n\n"
        "While it is closed, drivers must use the Depot Street Bridge, about a mile and a half downstream.\n\nIts weight limit was cut in 2024.\n"
    ),
    "sites.txt": (
        "Three sites named for new homes\n\nPlanners have named three sites for 900 homes in Port Vale.\n\n"
        "Port Vale planning staff will report on each housing site to councillors in March.\n\n"
        "Staff want every Port Vale site built to the new energy standard.\n\n"
        "Ms Kwan said staff favour building Riverside Yards first, because it is closest to the station.\n\n"
        "The smallest site is a field on Birch Road, at the back of the Westgate estate.\n"
    ),
    "crash.txt": (
        "Lorry crash closes A40\nHillbrook Post, Wednesday 14 October 2026\n\n"
        "Three people were hurt when a lorry collided with a car and a minibus on the A40 near Dunton.\n\n"
        "The crash happened at about 6.40am on the eastbound carriageway near Dunton.\n\n"
        "Police said the lorry struck the back of a silver hatchback before hitting a minibus.\n\n"
        "The lorry driver, a 52-year-old man from Darnton, was arrested at the scene on suspicion of dangerous driving.\n"
    ),
    "crash_update.txt": (
        "Five now hurt in A40 crash\nHillbrook Post, Thursday 15 October 2026\n\n"
        "Five people were hurt in yesterday's crash on the A40 near Dunton, two more than first reported.\n\n"
        "Police also corrected details released on Wednesday. The crash happened at about 6.25am, not 6.40am as first stated.\n\n"
        "A 40mph limit will stay in place on the eastbound carriageway until the end of the month.\n"
    ),
    "marathon.txt": (
        "Lagat breaks Bayside record\n\nPeter Lagat won the Bayside Marathon on Sunday in a course record.\n\n"
        "Kyle Brennan trains on the Bayside Marathon course at Harbor Park in Ferndale.\n\n"
        "Local runner Kyle Brennan, a chemistry teacher, finished fourth in 2:16:40. "
        '"I saw fourth on the board and I couldn\'t believe it," Brennan said. "Last year I was 19th."\n'
    ),
    "hub.txt": (
        "Wattle Creek library hours cut\n\nThe Wattle Creek hub, on Banksia Drive, cost $18.6 million to build.\n\n"
        "A second hub, at Mirrabee, is planned for 2029.\n"
    ),
    "dorran.txt": (
        "Dorran Tools to cut jobs\n\nDorran Tools will lay off 40 workers at its Carlow plant by March.\n\n"
        "Once the layoffs are complete, the workforce will stand at 210, down from 250 a year ago.\n\n"
        "Dorran Tools makes dies for truck makers.\n"
    ),
    "library.txt": (
        "Library hours cut in Wattle Creek\n\nThe library at the Wattle Creek Community Hub will close two hours earlier on weekday evenings from 1 December.\n\n"
        "Other options for cutting costs had included closing the library on Mondays or cutting its hours in winter.\n\n"
        "The vote at Wednesday's council meeting was 6-3.\n\nAfter the vote, about 40 residents left the public gallery.\n"
    ),
    "fest.txt": (
        "Tarrow festival breaks fundraising record\n\nPublished: 14 July 2025\n\n"
        "This year's Tarrow music festival raised £52,000 for the hospice, well ahead of last year.\n\n"
        "In 2024 the festival raised £41,000, organisers said.\n\nAbout 6,000 people attended over the weekend.\n"
    ),
    "strike.txt": (
        "Bus drivers back strike in pay dispute\n\nBus drivers at Kestrel Travel have voted to strike over pay.\n\n"
        "Drivers backed walkouts by 412 votes to 38 in the strike vote.\n\nTurnout was 71%, well above the legal threshold, the Unite union said.\n"
    ),
    "semi.txt": (
        "Kellford hold off Marsden Vale\n\nKellford 25 Marsden Vale 19\n\nIn the sixth minute Tom Oduya scored the first try.\n\n"
        "A Whitlock penalty two minutes before the break gave Kellford a 15-7 lead at half-time.\n\n"
        "Kellford will meet Stourby in the final. Stourby beat Ashcombe 31-10 in the other semi-final.\n"
    ),
}


@pytest.fixture(scope="module")
def order_and_change(tmp_path_factory, encoder, answerer) -> Answerer:
    """An answerer over short articles of prices that change, a crash told twice, a race's placings and places told from others."""
    return answerer_over(tmp_path_factory.mktemp("order"), ORDER_AND_CHANGE, encoder, answerer)


@pytest.mark.parametrize(
    ("question", "answered_by"),
    [
        ("How much did a ten-visit pass at Hillbrook pool cost before the rise?", "$58"),  # what was so before a change to come
        ("By how much will Ashford Falls' share of the Mill Street Bridge cost rise?", "$3.4 million"),  # "Falls" is a name's, no fall
        ("Where is the Depot Street Bridge in relation to the Mill Street Bridge?", "downstream"),  # a place told from another
        ("What did the lorry hit first in the A40 crash near Dunton?", "hatchback"),  # first, "before hitting" another
        ("Where did Kyle Brennan finish in the Bayside Marathon last year?", "19th"),  # told of last year
        ("How many people will Dorran Tools employ after the layoffs?", "210"),  # people counted as a workforce
        ("How much did the Wattle Creek hub cost to build?", "$18.6 million"),
        ("When will the 40mph limit on the eastbound A40 be lifted?", "end of the month"),
        ("What was the half-time score in Kellford v Marsden Vale?", "15-7"),  # a score told at half-time
        ("What was the council vote on cutting Wattle Creek library hours?", "6-3"),  # a tally, with "vote" further back
        ("What happened after the vote on cutting Wattle Creek library hours?", "40 residents"),  # "After the vote, …"
        ("How much did the Tarrow festival raise last year?", "£41,000"),  # 2024 in an article of 2025, not this year's "well ahead of last year"
    ],
)
def test_orders_changes_placings_and_places_told_from_others_are_answered(order_and_change, question, answered_by):
    answer = order_and_change.answer(question)
    assert not answer.abstained and any(answered_by in quote.text for quote in answer.quotes), answer.answer


def test_a_placing_asked_by_where_is_quoted_first(order_and_change):
    answer = order_and_change.answer("Where did Kyle Brennan finish in the Bayside Marathon?")
    assert not answer.abstained and "fourth" in answer.quotes[0].text, answer.answer  # a placing, not where he trains


def test_a_typed_question_about_a_vote_asks_its_type_not_a_tally(order_and_change):
    answer = order_and_change.answer("What was the turnout in the strike vote?")
    assert not answer.abstained and "71%" in answer.quotes[0].text, answer.answer


def test_a_time_corrected_by_a_later_report_is_quoted_first(order_and_change):
    answer = order_and_change.answer("At what time did the A40 lorry crash near Dunton happen?")
    assert not answer.abstained and "6.25am" in answer.quotes[0].text, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "How much will the Mirrabee hub cost to build?",  # the Wattle Creek hub's cost is another hub's
        "When will the 40mph limit on the westbound A40 be lifted?",  # the limit is on the eastbound carriageway
        "What was the half-time score in Stourby v Ashcombe?",  # only Kellford's match is told at half-time
        "What was Ashford Falls' share of the Mill Street Bridge cost in 2024?",  # "April 2024" is the pool's
    ],
)
def test_another_place_side_match_or_year_than_asked_is_refused(order_and_change, question):
    answer = order_and_change.answer(question)
    assert answer.abstained, answer.answer


# A quarry dispute, a school closure and a mill closure, each told by several speakers: who said what, in their own
# sentences or in one opening "He", "She" or "It" after them.
STATEMENTS = {
    "quarry.txt": (
        "Brackley quarry expansion opposed\n\nPlans to extend the Brackley quarry by 40 hectares have drawn 230 objections.\n\n"
        "The operator, Tarnhill Aggregates, said the extension would secure 85 jobs for another 20 years. "
        'Its site manager, Owen Fairleigh, said: "We have listened to neighbours." '
        "He promised that lorries would not use Brackley High Street.\n\n"
        "The Brackley Residents' Forum said the quarry already caused dust and noise. Its chairwoman, Lena Ashgrove, "
        "warned that house prices would fall. She called for a new access road to be built first.\n\n"
        "Brackley Traders' Group chairman Tom Hale said quarry lorries already clogged the high street every morning. "
        '"We back the extension, but not more lorries," he said.\n\n'
        "Geologist Ruth Kemble explained that wet clay on the site would keep dust down.\n\n"
        "The county council's minerals officer will report to the planning committee in May.\n"
    ),
    "school.txt": (
        "Board votes to close Fenwick Lane school\n\nThe Ostrey Valley school board voted 6-3 on Monday to close Fenwick Lane Elementary "
        "in June 2027. Its 112 pupils will move to Mardale Public School, 11 kilometres away.\n\n"
        'Board chair Helen Cordwell said the decision was "the most painful this board has taken", but that Fenwick Lane '
        "was half empty and needed $4.1 million in repairs.\n\n"
        "Trustee Colin Arkwright, who voted against closure, said the board had ignored rural families. He said some pupils "
        'would spend an hour a day on a bus. "This is a decision made on a spreadsheet, not in the community," he said.\n'
    ),
    "mill.txt": (
        "Corbridge paper mill to shut\n\nOrrin Paper will close its Corbridge mill in June, with the loss of 140 jobs.\n\n"
        "The union Voxa, which represents most of the staff, said it would fight the closure. Regional officer Dana Pryce "
        'said workers had been "let down". "They told us in spring the mill was safe," she said. '
        "She warned that the union would ballot for strikes if the company refused to talk.\n\n"
        "The company said the mill, which opened in 1961, was no longer viable. It blamed rising energy prices and falling demand for newsprint.\n\n"
        "Corbridge's mayor, Ian Redfern, said the closure was a blow to the town. He has written to Orrin Paper's chief executive.\n\n"
        "Requests to the company for a spokesperson to be interviewed went unanswered.\n"
    ),
}


@pytest.fixture(scope="module")
def statements(tmp_path_factory, encoder, answerer) -> Answerer:
    """An answerer over three stories told by several speakers (``STATEMENTS``)."""
    return answerer_over(tmp_path_factory.mktemp("statements"), STATEMENTS, encoder, answerer)


@pytest.mark.parametrize(
    ("question", "answered_by"),
    [
        ("What did Owen Fairleigh promise?", "Brackley High Street"),  # "He promised …" after his quotation
        ("What did Lena Ashgrove call for?", "access road"),  # "She called for …" after what she warned
        ("What did Voxa warn it would do over the Corbridge closure?", "ballot for strikes"),  # the union's officer: "She warned …"
        ("What did Orrin Paper blame for closing the Corbridge mill?", "energy prices"),  # "It blamed …" after "The company said …"
        ("What did the Voxa spokesperson say?", "fight the closure"),  # one speaking for Voxa: Voxa's words
        ("Does the Brackley Traders' Group support the quarry extension?", "We back the extension"),  # its chairman's words, after his name
        ("What did Ruth Kemble say about dust from the Brackley quarry?", "wet clay"),  # told as explained, no verb of saying
    ],
)
def test_what_someone_promised_warned_or_blamed_is_quoted_from_their_own_sentence(statements, question, answered_by):
    answer = statements.answer(question)
    assert not answer.abstained and any(answered_by in quote.text for quote in answer.quotes), answer.answer


def test_who_said_the_words_a_question_quotes_is_answered_first_by_the_sentence_holding_them(statements):
    quoted = 'Who said the Fenwick Lane closure was "a decision made on a spreadsheet"?'
    answer = statements.answer(quoted)
    assert not answer.abstained and "spreadsheet" in answer.quotes[0].text and "Colin Arkwright" in answer.quotes[0].text, answer.answer

    def score_of_the_quotation(question: str) -> float:
        read = statements.retriever.read(question)
        vector = statements.retriever.encode(read)
        ranked = statements.score_sentences(read, vector, statements.retriever.rank_chunks(read, vector))
        return next(s.score for s in ranked if "spreadsheet" in statements.index.sentences[s.sentence_id].text)

    unmarked = quoted.replace('"', "")  # the same words, not quoted: no sentence is owed them
    assert score_of_the_quotation(quoted) - score_of_the_quotation(unmarked) >= statements.settings.w_type * 0.9


@pytest.mark.parametrize(
    "question",
    [
        "What did the minerals officer say about the Brackley quarry?",  # named, never quoted
        "What did Orrin Paper's chief executive say about the Corbridge closure?",  # no chief executive speaks
        "What did Lena Ashgrove say about lorries from the Brackley quarry?",  # the lorries are Fairleigh's; the quarry is what the story is about
    ],
)
def test_what_someone_never_quoted_or_never_quoted_on_it_said_is_refused(statements, question):
    answer = statements.answer(question)
    assert answer.abstained and "articles don't say" in answer.answer, answer.answer
