"""Sentence splitting: exact offsets always, and the messy cases of real news articles.

A sentence is what the product may quote, so ``text[start:end] == sentence.text`` must
hold for any input, and headings, questions and footers must never be quotable.
"""

from __future__ import annotations

import textwrap
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generated_text import assert_exact_spans, news_text
from rag.documents import load_corpus, make_title
from rag.text import LEAD_TOKENS, LEANS_ON_PREVIOUS, PIECE_CHARS, block_quote_attributions, count_tokens, interview_roles, row_under_header, sentence_leads, split_sentences

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def articles(corpus_dir) -> dict[str, str]:
    """doc_id -> text of the bundled articles."""
    return {d.doc_id: d.text for d in load_corpus(corpus_dir).documents}


def kinds(text: str) -> list[tuple[str, str]]:
    """(kind, text) of every sentence of ``text``."""
    return [(s.kind, s.text) for s in split_sentences("doc", text)]


def sentence_of(article: str, containing: str):
    """The one sentence of ``article`` that contains ``containing``."""
    [found] = [s for s in split_sentences("doc", article) if containing in s.text]
    return found


# -- exact offsets ----------------------------------------------------------------------


def test_every_sentence_of_the_real_articles_indexes_its_article_exactly(articles):
    for doc_id, text in articles.items():
        found = split_sentences(doc_id, text)
        assert len(found) >= 10
        assert {s.doc_id for s in found} == {doc_id}
        assert_exact_spans(text, found)


@PROPERTY
@given(data=st.data())
def test_any_excerpt_of_a_real_article_splits_into_exact_spans(articles, data):
    text = data.draw(st.sampled_from(sorted(articles.values())))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert_exact_spans(text[start:end], split_sentences("doc", text[start:end]))


@PROPERTY
@given(news_text)
def test_generated_article_text_splits_into_exact_spans(text):
    assert_exact_spans(text, split_sentences("doc", text))


@PROPERTY
@given(st.text())
def test_arbitrary_unicode_splits_into_exact_spans(text):
    assert_exact_spans(text, split_sentences("doc", text))


# -- the messy cases --------------------------------------------------------------------


def test_bullets_are_quotable_sentences_without_their_marker(articles):
    fact = sentence_of(articles["003_d04b17a40513e639"], "self-improving faster than internal projections")
    assert fact.text == "Anthropic says Claude is self-improving faster than internal projections suggested"
    assert fact.kind == "sentence" and fact.quotable
    assert kinds("Key Facts\n\n  • The company is calling for a global pause\n  - Critics say the timing is odd\n") == [
        ("heading", "Key Facts"),
        ("sentence", "The company is calling for a global pause"),
        ("sentence", "Critics say the timing is odd"),
    ]


def test_markdown_structure_is_not_quoted_and_markup_inside_a_sentence_stays():
    text = (
        "# Lab opens in Paris\n\n*By Jane Doe, staff writer*\n\n"
        "OpenAI said on **Monday** that it will open a lab in Paris.\n\n## Why Paris\n\n"
        "France offers [research tax credits](https://example.com).\n\n"
        "## What the new lab in Paris will study first and who will lead its research teams there\n\n"
        "### The lab opens in spring.\n\n# of researchers hired so far: twelve, the company said.\n\n"
        "##\tiPhone sales fall for the third quarter in a row as buyers wait for the next model\n"
    )
    assert kinds(text) == [
        ("heading", "# Lab opens in Paris"),
        ("byline", "*By Jane Doe, staff writer*"),
        ("sentence", "OpenAI said on **Monday** that it will open a lab in Paris."),  # verbatim
        ("heading", "## Why Paris"),
        ("sentence", "France offers [research tax credits](https://example.com)."),
        ("heading", "## What the new lab in Paris will study first and who will lead its research teams there"),  # long, still a heading
        ("heading", "### The lab opens in spring."),  # a final period too
        ("sentence", "# of researchers hired so far: twelve, the company said."),  # "#" as in "number of"
        ("heading", "##\tiPhone sales fall for the third quarter in a row as buyers wait for the next model"),
    ]
    assert_exact_spans(text, split_sentences("doc", text))


def test_front_matter_code_and_html_comments_are_never_quoted():
    text = (
        '---\ntitle: "Bike lanes approved"\nauthor: Jane Doe\n---\n\n# Bike lanes approved\n\n'
        "The city council voted 7-2 on Tuesday to approve the plan.\n\n"
        '```python\nprint("this is code and should never be quoted.")\n```\n\n'
        "<!-- editor note: check the number of schools before this goes out -->\n\n"
        "The lanes open in May, the mayor said at the meeting.\n"
    )
    quoted = [s.text for s in split_sentences("doc", text) if s.quotable]
    assert quoted == ["The city council voted 7-2 on Tuesday to approve the plan.", "The lanes open in May, the mayor said at the meeting."]
    assert {s.kind for s in split_sentences("doc", text) if "print" in s.text or "editor" in s.text or "title:" in s.text} == {"markup"}
    assert [s.kind for s in split_sentences("doc", text) if "Jane" in s.text] == ["byline"]  # quoted only to say who wrote it
    assert_exact_spans(text, split_sentences("doc", text))


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Monday to vote on the plan.\n---\nThe mayor said the lanes open in May.\n---\n",  # rules in the middle
        "---\nThe mayor said the lanes open in May.\n---\nThe council met on Monday to vote on the plan.\n",  # no "key: value"
        "The council met on Monday to vote on the plan.\n```\nThe mayor said the lanes open in May.\n",  # a fence never closed
        "The council met on Monday to vote on the plan. <!-- editor: check -->\nThe mayor said the lanes open in May.\n",  # a short comment
    ],
    ids=["rules", "no-keys", "unclosed-fence", "inline-comment"],
)
def test_prose_around_markup_like_marks_stays_quotable(text):
    quoted = [s.text for s in split_sentences("doc", text) if s.quotable]
    assert any(q.startswith("The council met on Monday") for q in quoted) and "The mayor said the lanes open in May." in quoted


def test_a_fence_closes_only_on_a_fence_as_long_of_its_own_character():
    text = "````\ncode line one\n```\ncode line two\n````\n\nThe mayor said the lanes open in May.\n"
    kinds_of = {t: k for k, t in kinds(text)}
    assert kinds_of["code line two"] == "markup" and kinds_of["The mayor said the lanes open in May."] == "sentence"


def test_bare_fences_around_prose_are_scene_breaks_not_code():
    text = (
        "The ferry left the harbour at dawn on Monday.\n\n~~~\n\n"
        "By noon the crew had reached the island, and the captain said the sea was calm.\n\n~~~\n\n"
        "The return trip took two hours longer than planned, the council said.\n\n~~~\n\n"
        "```\nferry.depart(at=\"dawn\"); log.write(\"left the harbour.\")\n```\n"
    )
    kinds_of = {t: k for k, t in kinds(text)}
    assert kinds_of["By noon the crew had reached the island, and the captain said the sea was calm."] == "sentence"
    assert kinds_of["The return trip took two hours longer than planned, the council said."] == "sentence"
    assert kinds_of['ferry.depart(at="dawn"); log.write("left the harbour.")'] == "markup"  # code between bare fences stays code
    assert kinds_of["~~~"] == kinds_of["```"] == "markup"  # the fence lines themselves are no headings
    assert_exact_spans(text, split_sentences("doc", text))


def test_html_tags_around_a_sentence_are_not_quoted_and_script_is_never_quoted():
    text = (
        "<html><head><title>Bakery wins award</title></head><body>\n<h1>Local bakery wins national award</h1>\n"
        "<p>The Sunrise Bakery on Elm Street won the national bread award on Friday.</p>\n"
        "<p>Owner Priya Natarajan said the recipe took <b>five years</b> to perfect.</p>\n"
        "<script>var note = 'This script text is code and never a quote.';</script>\n"
        "<style>p { color: red; } /* Styles are not prose either. */</style>\n</body></html>\n"
    )
    sentences = split_sentences("doc", text)
    assert [s.text for s in sentences if s.quotable] == [
        "The Sunrise Bakery on Elm Street won the national bread award on Friday.",
        "Owner Priya Natarajan said the recipe took <b>five years</b> to perfect.",  # tags inside a sentence stay: quotes are verbatim
    ]
    assert {s.kind for s in sentences if "script" in s.text or "Styles" in s.text} == {"markup"}
    assert_exact_spans(text, sentences)


def test_html_on_one_line_splits_where_its_block_tags_stand():
    text = "<html><body><h1>Zoo opens new wing</h1><p>The city zoo opened a new reptile wing on Saturday, housing 30 species.</p></body></html>\n"
    assert kinds(text) == [
        ("heading", "Zoo opens new wing"),
        ("sentence", "The city zoo opened a new reptile wing on Saturday, housing 30 species."),
    ]
    assert make_title(text) == "Zoo opens new wing"


@pytest.mark.parametrize(
    "text",
    [
        'The mayor <img src="m.png"> spoke at length on Monday about the plan.',
        "The price rose to <del>10</del> <ins>12</ins> euros on Monday, she said.",
        "The first line of the poem<br>and the second line are famous, she said.",
        "Use the `<div>` element to group content, the style guide says.",  # a tag written about
        "The council met <!-- a <p> here --> on Monday to vote on the plan.",  # a tag in a comment
    ],
)
def test_a_tag_inside_a_line_of_text_or_written_about_keeps_its_sentence_whole(text):
    assert [s.kind for s in split_sentences("doc", text)] == ["sentence"]


def test_a_comment_the_splitter_cuts_at_its_exclamation_mark_is_left_out_of_the_next_sentence():
    text = "<!-- internal: check --> The council met on Monday to vote on the plan. The mayor said the lanes open in May.\n"
    assert [s.text for s in split_sentences("doc", text) if s.quotable] == [
        "The council met on Monday to vote on the plan.", "The mayor said the lanes open in May."]


def test_emphasis_marks_a_sentence_does_not_close_are_left_out_of_it():
    text = "*The council met on Monday. It voted to close the pool.*\n\n**The vote was close.** Two of its members abstained.\n\n**Status:** Final for the season.\n"
    assert kinds(text) == [
        ("sentence", "The council met on Monday."),
        ("sentence", "It voted to close the pool."),
        ("sentence", "The vote was close."),
        ("sentence", "Two of its members abstained."),  # not "** Two of its members abstained."
        ("sentence", "**Status:** Final for the season."),  # marks it closes stay
    ]
    assert_exact_spans(text, split_sentences("doc", text))


def test_an_image_and_its_caption_are_never_quoted():
    text = (
        "Nimbo raised $12 million in a Series A round on Monday.\n\n![Photo of the office](office.jpg)\n*Nimbo's office in Lisbon.*\n\n"
        "![The founders](founders.jpg \"Founders\")\n\n_The founders, Ana Ruiz and Tom Lee, in 2021._\n\n"
        "![A chart](chart.png)\n\nThe company will hire 40 engineers, its chief executive said.\n\n"
        "![A map](map.png)\n\n*Exclusive:* Nimbo will open an office in Porto, its founder told *The Herald*.\n\n"
        "![A desk](desk.png)\nNimbo has 30 staff. It plans to hire 40 more this year.\n"
    )
    assert [s.text for s in split_sentences("doc", text) if s.quotable] == [
        "Nimbo raised $12 million in a Series A round on Monday.",
        "The company will hire 40 engineers, its chief executive said.",  # after a blank line, not in emphasis: prose
        "*Exclusive:* Nimbo will open an office in Porto, its founder told *The Herald*.",  # emphasis in it, not all of it
        "Nimbo has 30 staff.",  # a paragraph under an image, not a one-sentence caption
        "It plans to hire 40 more this year.",
    ]


def test_markup_is_found_where_it_is_after_letters_that_grow_when_lower_cased():
    text = "İİİİ İstanbul council met on Monday.\n\n<!-- editor: check the figure -->\n\nThe İzmir budget rose by four percent.\n"
    sentences = split_sentences("doc", text)
    assert [s.text for s in sentences if s.quotable] == ["İİİİ İstanbul council met on Monday.", "The İzmir budget rose by four percent."]
    comment_start, comment_end = text.index("<!--"), text.index("-->") + 3
    assert {s.kind for s in sentences if s.start < comment_end and s.end > comment_start} == {"markup"}  # it was "<!" as a fragment
    assert_exact_spans(text, sentences)


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("If a < b and c > d, the test fails, the engineer said on Monday.\n", ["If a < b and c > d, the test fails, the engineer said on Monday."]),
        ("Analysts said growth was <half of last year's pace.\n\nThe central bank held rates at four percent.\n\nInflation stayed >2 percent.\n",
         ["Analysts said growth was <half of last year's pace.", "The central bank held rates at four percent.", "Inflation stayed >2 percent."]),
        ('The council approved the <a href="https://www.example.com/news/2024/03/council-approves-the-budget">budget</a> on Tuesday.\n',
         ['The council approved the <a href="https://www.example.com/news/2024/03/council-approves-the-budget">budget</a> on Tuesday.']),
        ('<p><a href="https://example.com">Reuters</a> reported the deal on Monday.</p>\n',
         ['<a href="https://example.com">Reuters</a> reported the deal on Monday.']),  # an inline tag opening the text stays with its closing one
    ],
    ids=["comparison-signs", "signs-paragraphs-apart", "long-link", "link-first"],
)
def test_prose_with_angle_brackets_or_links_stays_quotable(text, quoted):
    assert [s.text for s in split_sentences("doc", text) if s.quotable] == quoted


@pytest.mark.parametrize("text", ["<!-- " * 20_000, "```x\n" * 20_000, "~~~~ a\n~~~\n" * 10_000, "<script " * 20_000, "<p " * 40_000,
                                  ("Owner said yes" + "</p>" * 3000 + "\n\n") * 20, "<a" + " " * 50_000 + "\n"])
def test_unclosed_markup_takes_linear_time(text):
    import time

    started = time.perf_counter()
    split_sentences("doc", text)
    assert time.perf_counter() - started < 20  # quadratic, it took a minute at twice this size


def test_a_number_that_ends_a_sentence_stays_with_it():
    text = "The city unveiled its metro plan. Digging starts in Phase 1. The stations follow in Phase 2. Trains run in Phase 3. It costs 9 billion.\n"
    assert [s.text for s in split_sentences("doc", text)] == [
        "The city unveiled its metro plan.", "Digging starts in Phase 1.", "The stations follow in Phase 2.", "Trains run in Phase 3.", "It costs 9 billion."]
    assert [s.text for s in split_sentences("doc", "Key points:\n1. Income tax will fall by two percent.\n2. Pensions will rise next year.\n")] == [
        "Key points:", "Income tax will fall by two percent.", "Pensions will rise next year."]  # a numbered list keeps its items' numbers off
    assert [s.text for s in split_sentences("doc", "The plan has three parts: 1. New roads are built first. 2. Bridges are repaired next.\n")] == [
        "The plan has three parts:", "New roads are built first.", "Bridges are repaired next."]  # a run-in list too


def test_a_heading_line_is_never_joined_to_the_text_around_it():
    text = "A long line of text without a final period that goes on and on, longer than any headline\n## Next section\nBody text starts here and is a sentence.\n"
    assert kinds(text) == [
        ("sentence", "A long line of text without a final period that goes on and on, longer than any headline"),
        ("heading", "## Next section"),
        ("sentence", "Body text starts here and is a sentence."),
    ]
    assert kinds("国务院宣布经济刺激计划\n国务院周三宣布了新的经济刺激计划。\n") == [  # no words to measure a wrap by
        ("heading", "国务院宣布经济刺激计划"), ("sentence", "国务院周三宣布了新的经济刺激计划。")]


def test_chinese_and_japanese_sentences_are_quotable():
    chinese = "中国宣布新的经济刺激计划\n\n国务院周三宣布了一项新的经济刺激计划。该计划包括减税和基础设施投资，总额为五千亿元人民币。\n"
    japanese = "日本銀行は金利を据え置いた\n\n日本銀行は水曜日、政策金利を据え置くと発表した。物価上昇率は目標を上回っている。\n"
    assert kinds(chinese) == [
        ("heading", "中国宣布新的经济刺激计划"),
        ("sentence", "国务院周三宣布了一项新的经济刺激计划。"),
        ("sentence", "该计划包括减税和基础设施投资，总额为五千亿元人民币。"),
    ]
    assert [kind for kind, _ in kinds(japanese)] == ["heading", "sentence", "sentence"]
    assert kinds("你好吗？\n") == [("question", "你好吗？")]


def test_local_news_layout_gives_whole_sentences_and_quotes_no_caption_or_stamp():
    text = (
        "Flash floods swamp Millbrook after 6 inches of rain; two injured, dozens rescued\n\n"
        "*Updated at 4:15 p.m. Jan. 22 with comment from the fire chief.*\n\n"
        "MILLBROOK, Ohio. — Storms dumped rain on the town. No deaths were reported.\n\n"
        "The weather service measured 6.4 inches between 5 p.m. and 9 p.m. Sunday. Kickoff is set for 1 p.m. Tickets cost $10 at the gate.\n\n"
        "The river crested at 2 a.m. Thursday, officials said. Police were called at 11 p.m. Friday's flood was the worst since 1913.\n\n"
        "Free cleanup kits are at the First Baptist Church, 210 Mill St., from 9 a.m. daily.\n\n"
        "*Photo caption: Volunteers stack sandbags on Monday. (Staff photo by Aisha Rahman)*\n"
    )
    found = kinds(text)
    assert found[0] == ("heading", "Flash floods swamp Millbrook after 6 inches of rain; two injured, dozens rescued")  # the headline, 13 words
    stamp = [kind for kind, said in found if said in "*Updated at 4:15 p.m. Jan. 22 with comment from the fire chief.*"]
    assert stamp and set(stamp) == {"boilerplate"}  # however pysbd cuts it
    assert found[len(stamp) + 1 :] == [
        ("fragment", "MILLBROOK, Ohio. —"),  # the dateline keeps its dash; the sentence starts at its first word
        ("sentence", "Storms dumped rain on the town."),
        ("sentence", "No deaths were reported."),
        ("sentence", "The weather service measured 6.4 inches between 5 p.m. and 9 p.m. Sunday."),  # not cut at "p.m."
        ("sentence", "Kickoff is set for 1 p.m."),  # a sentence that ends in one
        ("sentence", "Tickets cost $10 at the gate."),
        ("sentence", "The river crested at 2 a.m. Thursday, officials said."),  # the day goes with the time it dates
        ("sentence", "Police were called at 11 p.m."),
        ("sentence", "Friday's flood was the worst since 1913."),  # a weekday's possessive opens a sentence
        ("sentence", "Free cleanup kits are at the First Baptist Church, 210 Mill St., from 9 a.m. daily."),
        ("boilerplate", "Photo caption: Volunteers stack sandbags on Monday."),  # the caption to its end, credit included
        ("boilerplate", "(Staff photo by Aisha Rahman)"),  # its emphasis marks left out
    ]
    datelines = ("MILLBROOK, Ohio —", "SAN LUIS OBISPO, Calif. —", "LONDON —", "BOSTON, March 4 —", "FRANKFURT (AP) —")
    datelines += ("SAN JOSE, Calif., Oct. 24 (Reuters) —", "OSLO, Sept. 9, 2026 (NTB) —", "FRANKFURT, Dec 12 (Reuters) -")  # dated, credited to an agency
    datelines += ("CASTRELLE, Feb 5 (Meridian Wire) —", "PORT HALLEN, March 12 (Herald) -", "(Meridian Wire) —", "GENEVA, June 5 (Science Desk) -")  # a paper's or desk's credit, or only the credit
    datelines += ("CARROW, Tuesday 19 November 2024 -", "LEEDSWORTH, 14 March 2024 -", "OSLO, 24 October 2024 (Thursday) -")  # day first, with its weekday
    datelines += ("**PORT HALLEN, March 12 (The Ledger)** —", "*LONDON, May 3* —", "LONDON, Tuesday —")  # set in bold or italics; dated by its weekday alone
    for dateline in datelines:  # pysbd keeps these in the sentence
        assert kinds(f"{dateline} A storm hit the town on Sunday.\n") == [("fragment", dateline), ("sentence", "A storm hit the town on Sunday.")]
    assert kinds("The US — and Europe — agreed on Monday.\n") == [("sentence", "The US — and Europe — agreed on Monday.")]
    assert kinds("RSI (Recursive Self-Improvement) — The stage at which AI rewrites itself.\n") == [
        ("sentence", "RSI (Recursive Self-Improvement) — The stage at which AI rewrites itself.")  # an expansion in brackets is no agency
    ]
    for opening in ("GPT (Generative Pre-trained Transformer) — It writes text.", "TSMC (Taiwan Semiconductor) — Shares rose 5%.", "NVIDIA (NVDA) — Shares rose 5%."):
        assert kinds(opening + "\n") == [("sentence", opening)]  # an expansion or a ticker in brackets is no paper's credit
    for prose in ("NASA — the space agency — said Monday it would delay the launch.", "Storms hit the town.\n\nLONDON — The lecture drew a crowd."):
        assert [kind for kind, _ in kinds(prose)] == ["sentence"] * (prose.count("\n\n") + 1)  # an acronym, or past the first paragraph: no dateline
    for prose in ("Reporters asked Trump. He declined to answer.", "It rained in Rome. Roads flooded."):
        assert len(kinds(prose)) == 2  # a name or place is no abbreviation: its sentence ends there
    for paragraph in ("Updated on Tuesday, the forecast calls for more rain. Residents should prepare sandbags now.",
                      "Source: the county budget office. The county spent $4 million on repairs last year."):
        assert kinds(paragraph)[-1][0] == "sentence"  # prose, not a stamp; only a caption or stamp takes its paragraph
    assert kinds("- A first list item that runs on for more than twelve words but has no period\n")[0][0] == "sentence"  # not a headline
    assert kinds("| Ward | Votes |\n| --- | --- |\n| 3rd | 512 |\n\nA line after the table that runs on for more than twelve words\n")[-1][0] == "sentence"
    assert kinds("Intro.\n\nFlash floods swamp Millbrook after 6 inches of rain; two injured, dozens rescued\n")[1][0] == "sentence"  # only the first line is a headline


def test_boilerplate_is_told_from_news_that_starts_with_its_words():
    text = ("Advertisement\n\nCopyright 2024 Reuters.\n\nSubscribe to our newsletter for more news.\n\n"
            "Subscribers fled the service after a price rise this week.\n\nCopyright fights over AI training data head to court.\n")
    assert [kind for kind, _ in kinds(text)] == ["boilerplate", "boilerplate", "boilerplate", "sentence", "sentence"]
    footers = ("Related coverage: What the $3.2 million library bond will pay for • Photos: Election night\n\n"
               "More coverage: Transit strike day by day\n\nAlso read: The council's budget, explained\n\n"
               "Related party transactions rose 4% last year.\n\nRelated to the vote, the mayor said: no comment.\n\n"
               "Related costs: the city paid $1.2 million for the audit.\n")
    assert [kind for kind, _ in kinds(footers)] == ["boilerplate", "boilerplate", "boilerplate", "sentence", "sentence", "sentence"]
    corrections = ("Correction: An earlier version of this story said the fire had destroyed 32 homes. Officials revised the count to 27 homes.\n\n"
                   "(This story has been corrected to show that Hollis Creek opened in 2009, not 2008.)\n\n"
                   "An earlier version of the plan called for 40 homes.\n\n"
                   "*Clarification, 14 June: A previous version of this article described Councillor Mehta as the chair. The chair is Ann Lowther.*\n\n"
                   "Editor's note: An earlier version of this report misstated the fee.\n")
    assert [kind for kind, _ in kinds(corrections)] == ["boilerplate", "sentence", "sentence", "sentence", "boilerplate", "sentence", "boilerplate"]  # the retracted claim only


def test_a_byline_on_its_own_line_is_never_quoted_but_prose_that_starts_with_by_is():
    text = (
        "*By Staff Reporter — published on the [Millbrook Ledger](https://millbrook-ledger.example.com/news/2025/budget-story)*\n\n"
        "BY JANE SMITH | Staff Writer\n\nReporting by Ana Ruiz; editing by Tom Lee\n\n"
        "*Comment by Farida Haque*\n\n"
        "By Tuesday, the council had voted six to one to pass the budget.\n\nThe plan was passed by Mayor Hartley and her allies on Monday.\n"
    )
    assert [kind for kind, _ in kinds(text)] == ["byline", "byline", "byline", "byline", "sentence", "sentence"]


def test_a_greater_than_sign_is_part_of_the_sentence():
    # "> 50%" means "more than half": it is text, not a marker to leave out
    assert kinds("> 50% of labs now publish safety evaluations.\nAdoption grew fast this year. > 50% of labs agree.\n") == [
        ("sentence", "> 50% of labs now publish safety evaluations."),
        ("sentence", "Adoption grew fast this year."),
        ("sentence", "> 50% of labs agree."),
    ]


def test_a_markdown_table_row_is_quoted_whole_and_its_header_and_rule_never():
    text = (
        "The farm opened on Monday.\n\n| Item | Value |\n|------|:-----:|\n| Capacity | 180 MW |\n"
        "| Homes powered | 52,000 |\n| Cost | |\n\n```\n| a | b |\n```\n"
    )
    assert kinds(text) == [
        ("sentence", "The farm opened on Monday."),
        ("heading", "| Item | Value |"),  # the row above the rule names the columns
        ("markup", "|------|:-----:|"),
        ("sentence", "| Capacity | 180 MW |"),  # a fact however short, and no cell a sentence of its own
        ("sentence", "| Homes powered | 52,000 |"),
        ("fragment", "| Cost | |"),  # one cell with words: nothing to quote
        ("markup", "```"), ("markup", "| a | b |"), ("markup", "```"),  # a table in code is code
    ]
    assert_exact_spans(text, split_sentences("doc", text))
    windows = text.replace("\n", "\r\n")  # a file with Windows line ends: the same table
    assert kinds(windows) == kinds(text)
    assert_exact_spans(windows, split_sentences("doc", windows))


def leads_by_text(text: str) -> dict[str, str]:
    """What each sentence of ``text`` (an article) is read under (``sentence_leads``), by the two sentences' texts."""
    sentences = split_sentences("doc", text)
    return {sentences[i].text: sentences[lead].text for i, lead in sentence_leads({"doc": text}, sentences).items()}


def test_a_list_item_is_read_under_the_line_that_announces_its_list_and_a_row_under_its_header():
    long_item = "A review of the brakes, ordered by the regulator after two trams failed to stop in testing at the depot. " * 9
    text = (
        "The council gave five reasons for the delay:\n\n- Cost overruns. They reached two million pounds.\n- Staff shortages at the depot.\n"
        f"3. {long_item.strip()}\n* Flooding of the tunnel in March.\n\n"
        "Key facts\n\n- The line is ten miles long.\n\n| Ticket | Adult |\n|---|---|\n| Single | £2.40 |\n| Day | £5.00 |\n"
    )
    leads = leads_by_text(text)
    lead_in = "The council gave five reasons for the delay:"
    assert {item: lead_in for item in ("Cost overruns.", "They reached two million pounds.", "Staff shortages at the depot.")}.items() <= leads.items()
    assert "Flooding of the tunnel in March." not in leads  # over LEAD_TOKENS below it: quoted alone, not with most of the list
    assert "The line is ten miles long." not in leads  # a heading announces nothing: its items are facts of their own
    assert leads["| Single | £2.40 |"] == leads["| Day | £5.00 |"] == "| Ticket | Adult |"
    assert count_tokens(text[text.index(lead_in) : text.index("Flooding")]) > LEAD_TOKENS
    assert row_under_header("| Single | £2.40 |", "| Ticket | Adult |") == "Single Ticket; £2.40 Adult"  # what the row states
    assert row_under_header("| Single | £2.40 | £1.20 |", "| Ticket | Adult |") == "| Single | £2.40 | £1.20 |"  # another width


def test_a_markdown_posts_field_line_is_quotable_and_its_byline_and_footnote_labels_are_told_apart():
    text = (
        "# Post-mortem: payments outage\n\n_Posted by Priya Raman, Head of Product — March 12, 2024_\n\n"
        "**Status:** Final · **Severity:** SEV-1 · **Duration:** 2 hours 47 minutes\n\n**Update:**\n\n**Update: payments are back**\n\n"
        "The record dive lasted 53 months.[^2]\n\n[^2]: The record was set by a *Graneledone boreopacifica* female.\n"
    )
    assert [(kind, quoted) for kind, quoted in kinds(text) if kind != "fragment"] == [
        ("heading", "# Post-mortem: payments outage"),
        ("byline", "_Posted by Priya Raman, Head of Product — March 12, 2024_"),
        ("sentence", "**Status:** Final · **Severity:** SEV-1 · **Duration:** 2 hours 47 minutes"),  # fields, as a table row has
        ("heading", "**Update:**"),  # a label with nothing after it
        ("heading", "**Update: payments are back**"),  # a bold heading with a colon in it
        ("sentence", "The record dive lasted 53 months.[^2]"),  # with its reference, as "[1, 2]" is kept
        ("sentence", "The record was set by a *Graneledone boreopacifica* female."),  # without its "[^2]: " label
    ]
    assert all(text[s.start : s.end] == s.text for s in split_sentences("doc", text))  # exact, the label left out


def test_a_block_quote_is_quoted_without_its_marker():
    text = (
        '> "This is what a just transition looks like," said Ana Ruiz, the mayor.\n\n> > Nested quotes keep their words too.\n\n'
        '> "We waited years for this," said Tomas Berg,\n> the head of the anglers\' club, on Monday.\n\n> > 50 people came to the meeting.\n'
    )
    assert kinds(text) == [
        ("sentence", '"This is what a just transition looks like," said Ana Ruiz, the mayor.'),
        ("sentence", "Nested quotes keep their words too."),
        ("sentence", '"We waited years for this," said Tomas Berg,\n> the head of the anglers\' club, on Monday.'),  # one sentence, hard-wrapped
        ("sentence", "> > 50 people came to the meeting."),  # "> 50" is a figure: no marker is left out
    ]
    assert all(text[s.start : s.end] == s.text for s in split_sentences("doc", text))  # exact, the markers left out


def test_a_list_of_further_reading_and_a_line_of_links_are_never_quoted():
    text = (
        "The tram opened on Monday after years of delays.\n\nFurther reading:\n- [Tram costs: where did the money go?](costs.md)\n"
        "- The audit office's review of the tram line, June 2025\n\nThe fares start at two pounds for a single ticket.\n\n"
        "## See also\n\n- Harwick City Council, *Line T2 Preferred Route Report*, 2025\n\n"
        "[Plans for Line T2 unveiled](plans.md) · https://example.com/t2\n\n"
        "- [Tram timetable](times.md)\n- The first tram leaves the depot at five in the morning.\n"
    )
    assert kinds(text) == [
        ("sentence", "The tram opened on Monday after years of delays."),
        ("boilerplate", "Further reading:"),
        ("boilerplate", "[Tram costs: where did the money go?](costs.md)"),
        ("boilerplate", "The audit office's review of the tram line, June 2025"),  # an item of the list it opens
        ("sentence", "The fares start at two pounds for a single ticket."),  # the list is over
        ("heading", "## See also"),
        ("boilerplate", "Harwick City Council, *Line T2 Preferred Route Report*, 2025"),
        ("boilerplate", "[Plans for Line T2 unveiled](plans.md) · https://example.com/t2"),  # nothing but links
        ("boilerplate", "[Tram timetable](times.md)"),
        ("sentence", "The first tram leaves the depot at five in the morning."),  # a list of its own: its prose is prose
    ]


def test_a_heading_without_a_final_period_is_not_quotable(articles):
    heading = sentence_of(articles["001_78c6a7510baeab71"], "Self-improvement as a systemic risk")
    assert heading.text == "Self-improvement as a systemic risk"
    assert heading.kind == "heading" and not heading.quotable


def test_a_missing_space_after_a_period_still_ends_the_sentence(articles):
    before = sentence_of(articles["003_d04b17a40513e639"], "less focused on safety.")
    assert before.text.endswith("developers less focused on safety.") and before.quotable
    assert kinds("Labs must focus on safety.Anthropic policy document\n") == [
        ("sentence", "Labs must focus on safety."),
        ("fragment", "Anthropic policy document"),
    ]


def test_reference_markers_stay_with_the_sentence_they_follow(articles):
    first = sentence_of(articles["004_250bfd79a5953938"], "coordinated global pause")
    assert first.text.endswith("self-improving AI systems [1, 2].")
    assert kinds("Labs need safeguards.[1, 2] The warning came on Monday.") == [
        ("sentence", "Labs need safeguards.[1, 2]"),
        ("sentence", "The warning came on Monday."),
    ]


def test_curly_quotes_and_em_dashes_stay_inside_one_sentence(articles):
    quoted = sentence_of(articles["000_1eb8a4053cc42a55"], "AI that can build itself")
    assert quoted.text.startswith("“AI that can build itself") and quoted.text.endswith("losing control of systems.")
    dashed = sentence_of(articles["002_92a117e8a803a66f"], "months, not years")
    assert dashed.text.startswith("They want a structured, transparent period — months, not years — during")


def test_abbreviations_do_not_end_a_sentence(articles):
    regulators = sentence_of(articles["002_92a117e8a803a66f"], "Regulators in the U.S.")
    assert regulators.text.endswith("no binding rules exist that could force a slowdown.")
    assert [text for _, text in kinds("Dr. Smith met Mr. Jones at 3 p.m. in the U.S. capital. They spoke.")] == [
        "Dr. Smith met Mr. Jones at 3 p.m. in the U.S. capital.",
        "They spoke.",
    ]


def test_faq_questions_are_not_quotable_but_their_answers_are(articles):
    faq = articles["001_78c6a7510baeab71"].split("Frequently asked questions", 1)[1]
    found = split_sentences("doc", faq)
    questions = [s for s in found if s.kind == "question"]
    assert len(questions) == 4 and all(q.text.endswith("?") and not q.quotable for q in questions)
    answers = [s for s in found if s.quotable]
    assert len(answers) == 4 and answers[0].text.startswith("Anthropic describes it as AI systems")


def test_boilerplate_footer_is_not_quotable(articles):
    footer = sentence_of(articles["003_d04b17a40513e639"], "Further reading")
    assert footer.kind == "boilerplate" and not footer.quotable


def test_hard_wrapped_lines_of_one_paragraph_are_one_sentence():
    text = "The company said on Monday that its\nmodels are improving quickly.\nA new paragraph starts here."
    assert [s.text for s in split_sentences("doc", text)] == [
        "The company said on Monday that its\nmodels are improving quickly.",
        "A new paragraph starts here.",
    ]


def test_a_wrapped_line_that_starts_with_a_capital_or_a_figure_continues_its_sentence():
    text = (  # wrapped at 45 columns, as an editor or textwrap leaves it
        "Senate passes infrastructure bill\n\n"
        "The House is expected to take up the bill in\n"
        "September, Speaker Nancy Pelosi told\n"
        "reporters on Wednesday. The bill would cost\n"
        "1.2 trillion dollars over eight years, the\n"
        "budget office said in a report.\n"
        "Key points\n"
        "Rural areas get 65 billion dollars.\n"
    )
    assert [" ".join(s.text.split()) for s in split_sentences("doc", text) if s.kind == "sentence"] == [
        "The House is expected to take up the bill in September, Speaker Nancy Pelosi told reporters on Wednesday.",
        "The bill would cost 1.2 trillion dollars over eight years, the budget office said in a report.",
        "Rural areas get 65 billion dollars.",  # "Key points" fitted on its line: a heading, not a wrapped line
    ]


def test_a_footnote_reference_stays_with_the_sentence_it_marks():
    text = "# Bridge to close\n\nThe bridge closes in May.[^state] Mayor Keith Brannigan called it overdue.\n\n[^state]: The state approved it on Feb. 20."
    assert kinds(text)[1:] == [
        ("sentence", "The bridge closes in May.[^state]"),
        ("sentence", "Mayor Keith Brannigan called it overdue."),
        ("sentence", "The state approved it on Feb. 20."),
    ]


@pytest.mark.parametrize("text", ["  •   • \nthe end.", "- - \nthe end."])
def test_a_sentence_after_bullets_left_alone_on_their_line_starts_at_its_first_word(text):
    assert [s.text for s in split_sentences("doc", text)] == ["the end."]


BUDGET = [
    "The Riverton City Council voted 7-2 on Tuesday night to approve a $48 million transit budget that adds three bus routes and extends weekend service hours.",
    "Council members Dana Whitfield and Arturo Beltran voted against the budget, saying the fare increase would hurt low-income riders most.",
]


@pytest.mark.parametrize(
    "text, sentences",
    [
        (  # a paragraph to a line: a lead-in longer than its items is no line left wide by a wrap
            "The council listed the reasons it gave for delaying the vote on the new transit budget until March:\n"
            "Cost overruns on the eastern extension of the light rail line\nA shortfall in state funding for the coming fiscal year\n"
            "Delays in hiring drivers and mechanics",
            ["The council listed the reasons it gave for delaying the vote on the new transit budget until March:",
             "Cost overruns on the eastern extension of the light rail line", "A shortfall in state funding for the coming fiscal year",
             "Delays in hiring drivers and mechanics"],
        ),
        (  # a line wider than the wrap, which the wrap left whole, goes on to nothing
            "Source: https://example.org/news/2025/03/city-council-transit-budget-vote-analysis\n" + textwrap.fill(" ".join(BUDGET), 72),
            ["Source: https://example.org/news/2025/03/city-council-transit-budget-vote-analysis", *BUDGET],
        ),
        (textwrap.fill(" ".join(BUDGET), 34), BUDGET),  # a narrow newspaper column
        (  # a title never ends a line's sentence; "U.S." before a capital does
            "The findings were presented at Tuesday's meeting by the study's lead author, Dr.\nElena Marchetti, a neurologist.\n"
            "The suit seeks damages for customers of the company anywhere in the U.S.\nAcme Widgets said it would fight the suit in court.",
            ["The findings were presented at Tuesday's meeting by the study's lead author, Dr. Elena Marchetti, a neurologist.",
             "The suit seeks damages for customers of the company anywhere in the U.S.", "Acme Widgets said it would fight the suit in court."],
        ),
        ("The vaccine cut hospitalizations by 71 percent.[1] Researchers said the effect may fade over time.[2]",  # references stay
         ["The vaccine cut hospitalizations by 71 percent.[1]", "Researchers said the effect may fade over time.[2]"]),
    ],
)
def test_lines_are_joined_only_where_a_wrap_or_a_title_broke_a_sentence(text, sentences):
    assert [" ".join(s.text.split()) for s in split_sentences("doc", text)] == sentences


def wrapped_by_eye(paragraph: str, widths: list[int]) -> str:
    """``paragraph`` wrapped as by hand: each line ends before the word that would take it past
    the next of ``widths`` in turn, so some lines end well short of the widest."""
    lines, line = [], ""
    for word in paragraph.split(" "):
        if line and len(line) + 1 + len(word) > widths[len(lines) % len(widths)]:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


def test_a_real_article_wrapped_by_eye_with_a_line_left_long_splits_into_the_same_sentences(articles):
    """Lines wrapped short of the widest, and one left wider than the wrap (a link, a comment):
    the wrap width is read from most lines, not the widest, and a line that ends short of it by
    a few characters is still wrapped."""
    link = "<!-- source: https://example.org/news/2025/03/anthropic-recursive-self-improvement-pause-analysis -->"
    for text in articles.values():
        wrapped = "\n".join(wrapped_by_eye(line, [80, 74, 77, 71]) for line in text.split("\n")) + "\n\n" + link
        assert [" ".join(s.text.split()) for s in split_sentences("doc", wrapped) if s.text != link] == [s.text for s in split_sentences("doc", text)]


@pytest.mark.parametrize("width", [72, 80, 100])
def test_a_real_article_hard_wrapped_splits_into_the_same_sentences(articles, width):
    for text in articles.values():
        wrapped = "\n".join(textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) for line in text.split("\n"))
        assert [" ".join(s.text.split()) for s in split_sentences("doc", wrapped)] == [s.text for s in split_sentences("doc", text)]


def test_quotable_sentences_of_the_real_articles_are_whole_statements(articles):
    for text in articles.values():
        for sentence in split_sentences("doc", text):
            if sentence.quotable:
                assert len(sentence.text.split()) >= 4 and not sentence.text.endswith("?")


def test_tokens_are_counted_with_cl100k():
    assert count_tokens("hello world") == 2
    assert count_tokens("") == 0
    assert count_tokens("<|endoftext|>") > 1  # special-token text is counted as plain text


def test_a_long_paragraph_cut_into_pieces_still_ends_sentences_where_the_splitter_does():
    filler = "The committee met again on a rainy afternoon to discuss the budget for the coming year. "
    text = filler * 113 + "The vote was delayed by Mr. Smith and his allies in the chamber until late evening. " + filler * 40
    assert text.index("Mr. Smith") < PIECE_CHARS < text.index("evening.")  # the sentence runs past a piece
    split = split_sentences("d", text)
    assert_exact_spans(text, split)
    assert "The vote was delayed by Mr. Smith and his allies in the chamber until late evening." in [s.text for s in split]
    assert all(s.text.endswith("year.") for s in split if "Smith" not in s.text)


@pytest.mark.timeout(120)  # a hang guard, not a speed test: each took minutes when splitting was quadratic
def test_rejoining_a_run_of_abbreviations_takes_linear_time():
    import time

    from rag.text import _abbreviations_rejoined

    block = "Dec. " * 40_000  # 200 KB of spans that each end in an abbreviation and are too short to stand alone
    started = time.perf_counter()
    assert _abbreviations_rejoined(block, [(5 * i, 5 * i + 4) for i in range(40_000)]) == [(0, len(block) - 1)]
    assert time.perf_counter() - started < 10  # it took minutes when each step searched the whole span joined so far


def test_a_long_article_on_one_line_or_without_periods_splits_in_pieces_without_losing_a_sentence():
    sentences = [f"The company said on day {i} that revenue grew by {i % 97} percent." for i in range(7500)]
    one_line = " ".join(sentences)  # 460 KB: scraped articles often have no line breaks
    split = split_sentences("d", one_line)
    assert [s.text for s in split] == sentences
    wrapped = "Title here\n\n" + "the quick brown fox jumps over the lazy dog and\n" * 8000  # 384 KB, no period
    split = split_sentences("d", wrapped)
    assert_exact_spans(wrapped, split)


@pytest.mark.parametrize(
    "text, budget, opening",
    [
        ("The river flooded the valley after heavy rain", 3, "The river flooded"),  # ends at a word's end
        ("😀" * 500, 1, "😀"),  # one emoji is several tokens: never an empty opening
        ("e\u0301" * 600, 7, None),  # no spaces: cut between letters, never between a letter and its accent
        ("短" * 400, 10, None),
    ],
    ids=["words", "emoji", "combining-accents", "cjk"],
)
def test_the_opening_of_a_text_within_a_token_budget(text, budget, opening):
    from rag.text import count_tokens, opening_length

    cut = opening_length(text, budget)
    assert 0 < cut < len(text) and not unicodedata.combining(text[cut])
    if opening is not None:
        assert text[:cut] == opening
    if len(text[:cut]) > 1:
        assert count_tokens(text[:cut]) <= budget


def test_the_prose_of_a_passage_leaves_out_the_markup_around_and_inside_it():
    from rag.markup import without_markup_spans

    text = "The tram opened on Monday. <!-- Editor: confirm the number of stops --> It has 19 stops.\n\n```\nprint('x')\n```\nFares start at two pounds.\n"
    assert " ".join(without_markup_spans(text).split()) == "The tram opened on Monday. It has 19 stops. Fares start at two pounds."
    cut = text.index("Editor")  # a passage that starts inside the comment: none of it is shown
    assert " ".join(without_markup_spans(text, cut, text.index("Fares")).split()) == "It has 19 stops."


def test_a_second_table_has_its_own_header_and_a_paragraph_under_a_list_is_no_item():
    text = (
        "Fares\n\n| Ticket | Adult | Child |\n|---|---|---|\n| Single | 2.40 | 1.20 |\n\n| Pass | Price |\n|---|---|\n| Monthly | 60.00 |\n\n"
        "The council gave two reasons for the delay:\n- Staff shortages at the depot.\n- Cost overruns on steel.\n"
        "The mayor disagreed with all of them.\nShe called the report a fiction.\n"
    )
    leads = leads_by_text(text)
    assert leads["| Single | 2.40 | 1.20 |"] == "| Ticket | Adult | Child |"
    assert leads["| Monthly | 60.00 |"] == "| Pass | Price |" and "| Pass | Price |" not in leads
    assert leads["Cost overruns on steel."] == "The council gave two reasons for the delay:"
    assert "The mayor disagreed with all of them." not in leads and "She called the report a fiction." not in leads


def test_every_sentence_of_a_block_quote_is_read_with_the_line_naming_who_said_it():
    text = (
        "# Library reopens\n\nThe library reopened on Monday.\n\n"
        "> We waited four years. The roof leaked every winter.\n>\n> The books were moved twice. Now they are home.\n"
        "> — and it will stay open late.\n"  # a quoted line that opens on a dash is the quote's own words
        "— Amara Osei, head librarian\n\n"
        "> Two quotes in a row.\n> — Person A\n> The second one.\n> — Person B\n\n"
        "> A quote no one is named for.\n\nThe council paid for the roof.\n"
    )
    sentences = split_sentences("library", text)
    sid = {s.text: i for i, s in enumerate(sentences)}
    said_by = block_quote_attributions({"library": text}, sentences)
    osei = sid["— Amara Osei, head librarian"]
    osei_quote = ["We waited four years.", "The roof leaked every winter.", "The books were moved twice.", "Now they are home.", "— and it will stay open late."]
    assert {sid[t]: said_by.get(sid[t]) for t in osei_quote} == dict.fromkeys((sid[t] for t in osei_quote), osei)  # the first of five too
    assert said_by[sid["Two quotes in a row."]] == sid["— Person A"] and said_by[sid["The second one."]] == sid["— Person B"]
    assert sid["— Person A"] not in said_by  # a line naming someone is no sentence of the next quote
    assert {sid["A quote no one is named for."], sid["The council paid for the roof."], sid["The library reopened on Monday."]}.isdisjoint(said_by)



def test_a_wire_storys_editors_note_credit_line_and_exchange_rate_are_told_apart():
    text = (
        "UPDATE 2-Kestrel Line shares recover after CEO rules out capital raise\n\n"
        "(Corrects size of job-cut savings in paragraph 5; adds CEO comments)\n\n"
        "COPENHAGEN, Feb 6 (Reuters) - Shares in Danish shipper Kestrel Line recovered on Thursday.\n\n"
        "($1 = 7.1750 Danish crowns)\n\n(Reporting by Jens Kofoed; Editing by Anna Ringstrom)\n"
    )
    assert kinds(text) == [
        ("heading", "UPDATE 2-Kestrel Line shares recover after CEO rules out capital raise"),
        ("boilerplate", "(Corrects size of job-cut savings in paragraph 5; adds CEO comments)"),  # what changed, not news
        ("fragment", "COPENHAGEN, Feb 6 (Reuters) -"),  # the dateline, still set apart after the note
        ("sentence", "Shares in Danish shipper Kestrel Line recovered on Thursday."),
        ("sentence", "($1 = 7.1750 Danish crowns)"),  # a fact a reader may ask for
        ("byline", "(Reporting by Jens Kofoed; Editing by Anna Ringstrom)"),  # who wrote it
    ]


def test_the_author_named_in_front_matter_is_a_byline():
    text = '---\ntitle: "Eastbrook wins battery grant"\nauthor: "Marcus Lee"\ndate: 2025-03-04\n---\n\nThe university won a $48 million grant.\n'
    assert kinds(text) == [
        ("markup", "---"),
        ("markup", 'title: "Eastbrook wins battery grant"'),
        ("byline", 'author: "Marcus Lee"'),  # who wrote it, for "Who wrote the article on …?"
        ("markup", "date: 2025-03-04"),
        ("markup", "---"),
        ("sentence", "The university won a $48 million grant."),
    ]
    signed = "---\nauthor: Ana Ruiz\n---\n\n*By Ana Ruiz*\n\nThe council met.\n"
    assert [quoted for kind, quoted in kinds(signed) if kind == "byline"] == ["*By Ana Ruiz*"]  # the article's own byline is the one


INTERVIEW = (
    "Startup chief on cutting jobs\n\nEmberline's chief executive spoke to the Herald. The interview has been edited.\n\n"
    "Q: You raised A$62 million and cut 85 jobs. Was that hard?\n\n"
    "A: It was the hardest week I've had. We hired too fast.\n\n"
    "**Q:** Where are the cuts falling?\n\n"
    "**A:** Mostly in sales. Our Perth office is closing.\n\n"
    "The company has 390 staff.\n"
)


def test_an_interviews_answer_is_read_under_its_question_and_the_question_is_never_quoted_alone():
    sentences = split_sentences("doc", INTERVIEW)
    leads = leads_by_text(INTERVIEW)
    assert leads["A: It was the hardest week I've had."] == leads["We hired too fast."] == "Q: You raised A$62 million and cut 85 jobs."  # its first sentence
    assert leads["Our Perth office is closing."] == "**Q:** Where are the cuts falling?"  # set in bold
    assert "The company has 390 staff." not in leads  # the interview is over
    kinds = {s.text: s.kind for s in sentences}
    assert kinds["Q: You raised A$62 million and cut 85 jobs."] == "question"  # the interviewer's, read with the answer only
    assert kinds["A: It was the hardest week I've had."] == "sentence"


NAMED_INTERVIEW = (
    "Mayor Delacroix on buses and bins\n\nThe mayor spoke to the Courier's Priya Natarajan.\n\n"
    "NATARAJAN: Ridership is down again this year. Why?\n\n"
    "DELACROIX: The main reason is reliability. We lost forty drivers last year.\n\n"
    "NATARAJAN: Whose fault are the missed bin collections?\n\n"
    "DELACROIX: Ultimately mine, because I am the mayor.\n"
)


def test_an_interview_whose_turns_are_labelled_by_who_speaks_is_read_as_one():
    assert interview_roles(NAMED_INTERVIEW) == {"NATARAJAN": "Q", "DELACROIX": "A"}  # the first to speak asks
    assert interview_roles(INTERVIEW.replace("Q:", "MK:").replace("A:", "HB:")) == {"MK": "Q", "HB": "A"}  # initials, in bold too
    assert interview_roles("Storm live\n\nUPDATE: Roads closed.\n\nNOTE: Schools shut.\n\nUPDATE: Roads open.\n") == {}  # labels, no dialogue
    sentences = split_sentences("doc", NAMED_INTERVIEW)
    leads = leads_by_text(NAMED_INTERVIEW)
    assert leads["DELACROIX: Ultimately mine, because I am the mayor."] == "NATARAJAN: Whose fault are the missed bin collections?"
    assert leads["We lost forty drivers last year."] == "NATARAJAN: Ridership is down again this year."
    assert {s.text: s.kind for s in sentences}["NATARAJAN: Ridership is down again this year."] == "question"  # the interviewer's


def test_an_answer_is_read_under_no_question_of_another_article():
    texts = {"a": INTERVIEW, "b": "A: Yes, the budget passed on Monday with nine votes.\n\nThe council met again later.\n"}
    sentences = split_sentences("a", texts["a"]) + split_sentences("b", texts["b"])
    leads = sentence_leads(texts, sentences)
    assert not [i for i in leads if sentences[i].doc_id == "b"]  # its "A:" follows no question of its own


FAQ = (
    "# Heat pump grants: your questions answered\n\nThe Warm Homes Grant opens on 1 April.\n\n"
    "## Do I need to have my loft insulated first?\n\nNo. The old scheme required loft insulation. That requirement has been dropped.\n\n"
    "**Is there a deadline?**\nThe scheme runs until 31 March 2028.\n\n"
    "What is the budget? The budget for the first year is 450 million pounds.\n"
    "Ofgem will run the scheme.\n"
)


def test_an_faqs_answer_is_read_under_its_question():
    leads = leads_by_text(FAQ)
    assert leads["No."] == leads["That requirement has been dropped."] == "## Do I need to have my loft insulated first?"  # the paragraph under it
    assert leads["The scheme runs until 31 March 2028."] == "Is there a deadline?"  # a question set in bold, the answer on the next line
    assert leads["The budget for the first year is 450 million pounds."] == "What is the budget?"  # on the question's own line
    assert "Ofgem will run the scheme." not in leads  # a sentence opening a line of its own: the answer is over
    one = "Council budget\n\nSo what went wrong? The contractor left in May.\n"
    assert sentence_leads({"doc": one}, split_sentences("doc", one)) == {}  # one question answered is no FAQ


LIVE_BLOG = (
    "Live: council votes on the Riverside tower\n\nThe planning committee meets tonight.\n\n"
    "Updated 10:05 p.m.\nThe committee has approved the tower by six votes to five. Fitch used her casting vote.\n\n"
    "**Updated 9:40 p.m.**\n\nCouncillor Peter Ngata has proposed a condition limiting the tower to 20 storeys.\n\n"
    "### 77'\n\nGOAL! Substitute Callum Rees heads in a corner.\n\n"
    "Sunday\n1. 9:42 p.m. A passing taxi driver calls 999 to report smoke.\n2. 9:51 p.m. The first two fire engines arrive.\n"
)


def test_one_update_stamp_or_one_question_makes_no_live_blog_or_faq():
    text = (
        "Warehouse fire\n\nUpdated 10:25 a.m. GMT\n\nFirefighters fought the blaze overnight. No one was hurt.\n\n"
        "Why did it spread so fast? The roof was timber.\n\nUpdated 11:40 a.m.\nThe road has reopened.\n"
    )
    assert sentence_leads({"doc": text}, split_sentences("doc", text)) == {}  # a stamp above the story, a question, one stamp in it


def test_a_short_lead_in_announces_its_list():
    text = "School changes\n\nNot everything went ahead. The board rejected:\n\n- a proposal to scrap homework\n- plans to close Eastgate Primary\n"
    leads = leads_by_text(text)
    assert leads["plans to close Eastgate Primary"] == "The board rejected:"  # a fragment, but it says what the items are


def test_a_list_written_as_prose_is_read_under_its_lead_in():
    text = (
        "Review makes three recommendations\n\n"
        "The review makes three recommendations:\n\n"
        "First, hospitals should accept patients from ambulances within 30 minutes.\n\n"
        "Second, two new ambulance bases should be built. One would serve Carrigmore.\n\n"
        "Thirdly, 40 more paramedics should be recruited.\n\n"
        "The minister accepted them. In ballot paper order, the candidates are:\n\n"
        "Sandra Holt (Greens), a teacher;\nCol Draper (One Nation), a truck driver;\nMeredith Sayle (Independent), a former mayor.\n\n"
        "Counting begins at 6pm.\n"
    )
    leads = leads_by_text(text)
    recommendations = "The review makes three recommendations:"
    assert {item: recommendations for item in ("Second, two new ambulance bases should be built.", "One would serve Carrigmore.", "Thirdly, 40 more paramedics should be recruited.")}.items() <= leads.items()
    assert leads["Col Draper (One Nation), a truck driver;"] == leads["Meredith Sayle (Independent), a former mayor."] == "In ballot paper order, the candidates are:"
    assert "The minister accepted them." not in leads and "Counting begins at 6pm." not in leads  # the paragraphs after each list
    kinds = {s.text: s.kind for s in split_sentences("doc", text)}
    assert kinds["Col Draper (One Nation), a truck driver;"] != "heading"  # an item of a list, quotable with it


def test_a_time_stamp_heads_a_live_blogs_entry_and_stays_with_a_timelines_item():
    sentences = split_sentences("doc", LIVE_BLOG)
    kinds = {s.text: s.kind for s in sentences}
    assert kinds["Updated 10:05 p.m."] == kinds["**Updated 9:40 p.m.**"] == kinds["### 77'"] == "heading"  # never quoted as an answer
    assert kinds["9:42 p.m. A passing taxi driver calls 999 to report smoke."] == "sentence"  # the item's stamp is no sentence of its own
    leads = leads_by_text(LIVE_BLOG)
    assert leads["Fitch used her casting vote."] == "Updated 10:05 p.m."
    assert leads["Councillor Peter Ngata has proposed a condition limiting the tower to 20 storeys."] == "**Updated 9:40 p.m.**"
    assert leads["Substitute Callum Rees heads in a corner."] == "### 77'"
    windows = LIVE_BLOG.replace("\n", "\r\n")  # saved with Windows line ends
    assert {s.text: s.kind for s in split_sentences("doc", windows)}["Updated 10:05 p.m."] == "heading"


def test_a_label_by_only_before_a_name_is_a_byline():
    kinds_of = {s.text: s.kind for s in split_sentences("doc", "Rates outlook\n\n- Analysis by Moody's shows default rates rising to 4% next year\n- Spreads widened\n")}
    assert kinds_of["Analysis by Moody's shows default rates rising to 4% next year"] == "sentence"  # a list item, not who wrote it


def test_a_time_of_day_goes_on_with_its_zone_spelt_out():
    text = "The outage began at 9:42 a.m. Eastern Time (1342 GMT) in the US-East-2 region. Service returned at 4 p.m. Pacific Daylight Time.\n"
    assert kinds(text) == [
        ("sentence", "The outage began at 9:42 a.m. Eastern Time (1342 GMT) in the US-East-2 region."),
        ("sentence", "Service returned at 4 p.m. Pacific Daylight Time."),
    ]
    assert kinds("It kicked off at 3 p.m. Extra Time was needed.\n") == [("sentence", "It kicked off at 3 p.m."), ("sentence", "Extra Time was needed.")]
    assert kinds("Doors open at 7 p.m. The Time Machine is shown first.\n") == [("sentence", "Doors open at 7 p.m."), ("sentence", "The Time Machine is shown first.")]


@pytest.mark.parametrize(
    "sentence, leans",
    [
        ("Holloway Park Secondary had the lowest, at -0.41.", True),  # the lowest of what the sentence before says
        ("Riley was the oldest.", True),
        ("St Aldhelm's had the highest turnout in the borough.", False),  # says what it is the highest of
        ("The oldest finisher was 84-year-old Walter Pim.", False),
    ],
)
def test_a_superlative_naming_nothing_leans_on_the_sentence_before(sentence, leans):
    assert bool(LEANS_ON_PREVIOUS.match(sentence)) is leans


@pytest.mark.parametrize(
    "sentence, leans",
    [
        ("No one else was hurt.", True),
        ("No-one else was hurt.", True),
        ("No one was hurt.", False),
        ('Hussain said Mrs Rowe took him on "when nobody else would give me a job".', False),  # the speaker's own "else"
    ],
)
def test_no_one_else_leans_on_who_the_sentence_before_tells_of(sentence, leans):
    assert bool(LEANS_ON_PREVIOUS.match(sentence)) is leans
