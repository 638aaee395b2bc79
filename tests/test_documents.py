"""Loading a folder of articles: text kept as written, content hashes, titles.

(Files that cannot be read are covered by test_hostile_corpus.py.)
"""

from __future__ import annotations

import hashlib

import pytest

from rag.documents import TITLE_MAX_CHARS, load_corpus, make_title


def test_the_bundled_articles_load_byte_for_byte(corpus_dir):
    report = load_corpus(corpus_dir)
    assert report.skipped == []
    files = sorted(corpus_dir.glob("*.txt"))
    assert [d.doc_id for d in report.documents] == [f.stem for f in files]
    for document, path in zip(report.documents, files):
        raw = path.read_bytes()
        assert document.text == raw.decode("utf-8")
        assert document.sha256 == hashlib.sha256(raw).hexdigest()


def test_titles_of_the_bundled_articles(corpus_dir):
    titles = {d.doc_id: d.title for d in load_corpus(corpus_dir).documents}
    # the first line is a headline: short, no final period
    assert titles["000_1eb8a4053cc42a55"] == "Anthropic urges pause on frontier AI over self-improving risk"
    # the first line is a long sentence: its start, cut at a word, marked as cut
    title = titles["001_78c6a7510baeab71"]
    assert title.endswith("…") and len(title) <= TITLE_MAX_CHARS + 1
    assert "Anthropic is sounding the alarm about AI systems that could eventually improve themselves".startswith(title[:-1])


@pytest.mark.parametrize(
    "text, title",
    [
        ("Harbour reopens after repairs\nBody.", "Harbour reopens after repairs"),
        ("\n\n   Headline after blank lines  \nBody.", "Headline after blank lines"),
        ("The harbour reopened. More follows.", "The harbour reopened."),
        ("Officials in the U.S. and Europe proposed rules on Monday. Then more.", "Officials in the U.S. and Europe proposed rules on Monday."),
        ("Dr. Smith said the harbour was safe. Then more.", "Dr. Smith said the harbour was safe."),
        ("“Reopen the harbour,” says the mayor\nBody.", "“Reopen the harbour,” says the mayor"),
    ],
    ids=["headline", "blank-lines-first", "sentence", "abbreviation-us", "abbreviation-dr", "curly-quotes"],
)
def test_title_is_the_headline_or_the_first_sentence(text, title):
    assert make_title(text) == title


@pytest.mark.parametrize(
    "text, markdown_title, plain_title",
    [
        ("# Harbour reopens after repairs\n\nBody.", "Harbour reopens after repairs", "# Harbour reopens after repairs"),
        ("## Harbour reopens ##\nBody.", "Harbour reopens", "## Harbour reopens ##"),
        ("**Harbour reopens after repairs**\nBody.", "Harbour reopens after repairs", "**Harbour reopens after repairs**"),
        ("**Harbour** reopens after **repairs**\nBody.", "**Harbour** reopens after **repairs**", "**Harbour** reopens after **repairs**"),
        ("# of ferries rose to 12\nBody.", "of ferries rose to 12", "# of ferries rose to 12"),
        ("#harbour trends on social media\nBody.", "#harbour trends on social media", "#harbour trends on social media"),
    ],
    ids=["heading", "closed-heading", "bold", "bold-words-inside", "number-sign", "hashtag"],
)
def test_markdown_marks_leave_the_title_of_a_markdown_article_only(tmp_path, text, markdown_title, plain_title):
    assert make_title(text, markdown=True) == markdown_title
    assert make_title(text) == plain_title
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("Body.", "Other body."), encoding="utf-8")
    titles = {d.doc_id: d.title for d in load_corpus(tmp_path).documents}
    assert titles == {"a": markdown_title, "b": plain_title}


@pytest.mark.parametrize(
    "text, title",
    [
        ('---\ntitle: "Bike lanes approved"\nauthor: Jane Doe\n---\n\n# Council votes\n\nBody.', "Bike lanes approved"),
        ("+++\ntitle = 'Bike lanes approved'\n+++\nBody.", "Bike lanes approved"),
        ("---\nauthor: Jane Doe\n---\n\n# Council votes\n\nBody.", "Council votes"),  # no title: the first line after it
        ("![Cyclist](https://example.com/a.jpg)\n\n# Bike lanes approved\n\nBody.", "Bike lanes approved"),
        ("[Bike lanes approved](https://example.com)\n\nBody.", "Bike lanes approved"),
        ("<h1>Bike lanes approved</h1>\n\nBody.", "Bike lanes approved"),
        ("Advertisement\n\n# Bike lanes approved\n\nBody.", "Bike lanes approved"),
        ("# Bike\tlanes  approved\n\nBody.", "Bike lanes approved"),
        ("---\ntitle: >\n  Bike lanes\n  approved\nauthor: x\n---\nBody.", "Bike lanes approved"),
        ("Subscribers flee streaming service after price rise\nBody.", "Subscribers flee streaming service after price rise"),
        ("Copyright fight over AI training data heads to court\nBody.", "Copyright fight over AI training data heads to court"),
    ],
    ids=["yaml-front-matter", "toml-front-matter", "front-matter-without-title", "image", "link", "html", "boilerplate", "tab",
         "yaml-block-title", "starts-like-boilerplate", "copyright-word"],
)
def test_the_title_of_a_markdown_article_is_its_words_without_markup(text, title):
    assert make_title(text, markdown=True) == title


@pytest.mark.parametrize("first_line", ["word " * 40, "x" * 300, "港口在维修六周后于周一重新开放" * 10])
def test_a_long_first_line_is_cut_short(first_line):
    title = make_title(first_line + "\nBody.")
    assert title.endswith("…") and len(title) <= TITLE_MAX_CHARS + 1
    assert first_line.startswith(title[:-1].rstrip())
