"""Building and loading an index: what is saved comes back unchanged, and an index that
no longer matches its articles or its model is refused with a message saying what to do.

(Damaged files, full disks and killed builds are covered by test_index_faults.py.)
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

from rag.chunking import ChunkingSettings, chunk_document, model_fit
from rag.documents import load_corpus
from rag.errors import CorpusError, IndexMismatchError, SkippedFileWarning, StaleIndexWarning
from rag.build import build_index, ensure_built
from rag.index import INDEX_FORMAT, load_index
from rag.lexical import terms
from rag.markup import without_markup_spans
from rag.retrieve import Retriever
from rag.spelling import word_counts
from rag.text import split_sentences

HARBOUR = """Harbour reopens after repairs

The harbour of Port Ellis reopened on Monday after six weeks of repairs.
  • Forty fishing boats returned on the first day.
  • The repairs cost 12 million pounds, the harbour master said.

Further reading: more harbour news.
"""
COUNCIL = """The city council voted on Tuesday to build a new park by the river. Construction will begin in spring.
Will it be finished in time? The mayor said the park should open in two years.
"""

NOTES = """---
title: Ferry notes
author: Jane Doe
---

The island ferry returned to service on Friday, the council said.

```
print("code is never quoted")
```
"""


@pytest.fixture(scope="module")
def small_build(tmp_path_factory, encoder):
    """(corpus folder, index folder, build report) of three short articles and one non-UTF-8 file."""
    root = tmp_path_factory.mktemp("small")
    corpus, index = root / "corpus", root / "index"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (corpus / "council.md").write_text(COUNCIL, encoding="utf-8")
    (corpus / "notes.md").write_text(NOTES, encoding="utf-8")
    (corpus / "latin1.txt").write_bytes("Le café du port a rouvert lundi.\n".encode("latin-1"))
    with pytest.warns(SkippedFileWarning, match="latin1.txt: not UTF-8"):
        report = build_index(corpus, index, encoder=encoder, chunking=ChunkingSettings(max_tokens=24), progress=False)
    return corpus, index, report


@pytest.fixture
def corpus_copy(tmp_path, corpus_dir) -> Path:
    """A private copy of the bundled articles, free to edit."""
    target = tmp_path / "articles"
    shutil.copytree(corpus_dir, target)
    return target


def test_build_then_load_gives_back_the_same_articles_sentences_and_chunks(small_build, encoder):
    corpus, index_dir, report = small_build
    index = load_index(index_dir, corpus_dir=corpus, model_name=encoder.model_name, weights_sha256=encoder.weights_sha256)
    loaded = load_corpus(corpus).documents
    assert index.documents == {d.doc_id: d for d in loaded}
    chunking = ChunkingSettings(max_tokens=24)
    expected_sentences, expected_chunks = [], []
    for doc in loaded:
        sentences = split_sentences(doc.doc_id, doc.text)
        expected_chunks += chunk_document(doc, sentences, len(expected_sentences), len(expected_chunks), chunking, model_fit(encoder))
        expected_sentences += sentences
    assert index.sentences == expected_sentences
    assert index.chunks == expected_chunks
    assert (report.documents, report.sentences, report.chunks) == (3, len(expected_sentences), len(expected_chunks))
    assert [Path(path).name for path, _ in report.skipped] == ["latin1.txt"]
    assert index.manifest["chunking"] == {"max_tokens": 24, "overlap_sentences": 1}
    assert index.manifest["model"]["name"] == encoder.model_name


def test_saved_vectors_are_the_models_vectors_of_the_saved_texts(small_build, encoder):
    _, index_dir, _ = small_build
    index = load_index(index_dir)
    expected = encoder.encode([s.text for s in index.sentences])
    np.testing.assert_allclose(index.sentence_vectors, expected, atol=1e-5)
    chunk_vectors = encoder.encode([c.text for c in index.chunks])
    _, nearest = index.chunk_store.search(chunk_vectors, 1)
    assert nearest[:, 0].tolist() == list(range(len(index.chunks)))


def test_each_sentence_is_also_embedded_read_after_the_one_before_it(small_build, encoder):
    _, index_dir, _ = small_build
    index = load_index(index_dir)
    for sid, sentence in enumerate(index.sentences):
        text = index.documents[sentence.doc_id].text
        before = index.sentences[sid - 1] if sid and index.sentences[sid - 1].doc_id == sentence.doc_id else None
        window = text[before.start : sentence.end] if before else sentence.text  # an article's first sentence: itself
        np.testing.assert_allclose(index.context_vectors[sid], encoder.encode([window])[0], atol=1e-5)
    first_of = {s.doc_id: i for i, s in reversed(list(enumerate(index.sentences)))}
    assert all((index.context_vectors[i] == index.sentence_vectors[i]).all() for i in first_of.values())
    assert sum(not (c == v).all() for c, v in zip(index.context_vectors, index.sentence_vectors)) == len(index.sentences) - len(first_of)


def test_sentence_kinds_survive_the_round_trip(small_build):
    _, index_dir, _ = small_build
    kinds = {s.text: s.kind for s in load_index(index_dir).sentences}
    assert kinds["Harbour reopens after repairs"] == "heading"
    assert kinds["Forty fishing boats returned on the first day."] == "sentence"
    assert kinds["Will it be finished in time?"] == "question"
    assert kinds["Further reading: more harbour news."] == "boilerplate"
    assert kinds["title: Ferry notes"] == kinds['print("code is never quoted")'] == "markup"  # front matter, fenced code
    assert kinds["author: Jane Doe"] == "byline"  # but for who wrote it
    assert kinds["The island ferry returned to service on Friday, the council said."] == "sentence"


def test_the_saved_lexicon_is_the_words_of_the_saved_texts(small_build):
    _, index_dir, _ = small_build
    index = load_index(index_dir)
    assert index.sentence_terms == [frozenset(terms(s.text) if s.kind != "markup" else ()) for s in index.sentences]  # code's words are no article's
    assert "fish" in index.sentence_terms[[s.text for s in index.sentences].index("Forty fishing boats returned on the first day.")]
    assert index.word_counts == word_counts(without_markup_spans(d.text) for d in index.documents.values())
    assert index.word_counts["harbour"] >= 2 and index.word_counts["ferry"] == 1
    # Words only in markup (front matter, fenced code) are never quoted: a question asking for
    # them asks for words the articles lack, and is weighed so.
    assert not {"print", "code", "jane", "doe", "author"} & set(index.word_counts)


def test_ensure_built_rebuilds_only_an_index_that_does_not_load(small_build, tmp_path, encoder):
    corpus, index_dir, _ = small_build
    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy)
    assert not ensure_built(corpus, copy, encoder=encoder)
    manifest_path = copy / (copy / "CURRENT").read_text(encoding="utf-8").strip() / "manifest.json"
    manifest_path.write_text(manifest_path.read_text(encoding="utf-8").replace(f'"format": {INDEX_FORMAT}', f'"format": {INDEX_FORMAT - 1}'), encoding="utf-8")
    with pytest.raises(IndexMismatchError):
        load_index(copy)
    with pytest.warns(SkippedFileWarning, match="latin1.txt"):  # rebuilt: the file is skipped again, and said so
        assert ensure_built(corpus, copy, encoder=encoder)
    assert load_index(copy, corpus_dir=corpus).manifest["format"] == INDEX_FORMAT


def test_the_session_index_holds_every_bundled_article_exactly(index_dir, corpus_dir):
    index = load_index(index_dir, corpus_dir=corpus_dir)
    assert sorted(index.documents) == sorted(p.stem for p in corpus_dir.glob("*.txt"))
    for item in [*index.sentences, *index.chunks]:
        assert index.documents[item.doc_id].text[item.start : item.end] == item.text


@pytest.mark.parametrize(
    "edit, words",
    [
        (lambda folder: (folder / "002_92a117e8a803a66f.txt").write_text("Rewritten.\n", encoding="utf-8"), "changed: 002_92a117e8a803a66f"),
        (lambda folder: (folder / "zz_new.txt").write_text("A new article about harbours.\n", encoding="utf-8"), "added: zz_new"),
        (lambda folder: (folder / "004_250bfd79a5953938.txt").unlink(), "removed: 004_250bfd79a5953938"),
        (lambda folder: (folder / "001_78c6a7510baeab71.txt").rename(folder / "001_78c6a7510baeab71.md"), "changed: 001_78c6a7510baeab71"),
    ],
    ids=["changed", "added", "removed", "renamed-markdown"],  # a .md article reads its title otherwise
)
def test_an_index_whose_articles_changed_is_refused_naming_the_article(index_dir, corpus_dir, corpus_copy, edit, words):
    load_index(index_dir, corpus_dir=corpus_copy)  # an unchanged copy matches
    edit(corpus_copy)
    with pytest.raises(IndexMismatchError) as caught:
        load_index(index_dir, corpus_dir=corpus_copy)
    message = str(caught.value)
    assert words in message and f"the index in {index_dir} was built from {corpus_dir.resolve()}, whose articles differ" in message
    assert f"`rag build --corpus {corpus_copy} --index NEW-FOLDER`" in message  # never over the index of the folder still there


def test_an_index_of_articles_edited_in_place_or_moved_is_to_be_rebuilt_where_it_is(encoder, tmp_path):
    corpus, index = tmp_path / "articles", tmp_path / "index"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    build_index(corpus, index, encoder=encoder, progress=False)
    (corpus / "harbour.txt").write_text(HARBOUR + "A sentence added after the build.\n", encoding="utf-8")
    with pytest.raises(IndexMismatchError, match=re.escape(f"changed since the index was built (changed: harbour); rebuild it with `rag build --corpus {corpus} --index {index}`")):
        load_index(index, corpus_dir=corpus)
    moved = corpus.rename(tmp_path / "moved articles")
    with pytest.raises(IndexMismatchError, match=re.escape(f"rebuild it with `rag build --corpus '{moved}' --index {index}`")):
        load_index(index, corpus_dir=moved)
    corpus.symlink_to(moved)  # the old name now links to the moved folder: the same articles either way
    for name in (corpus, moved):
        with pytest.raises(IndexMismatchError, match=re.escape(f"rebuild it with `rag build --corpus {shlex.quote(str(name))} --index {index}`")):
            load_index(index, corpus_dir=name)


def test_the_rebuild_command_in_a_refusal_can_be_pasted_when_a_path_has_spaces(index_dir, corpus_dir, tmp_path):
    corpus = tmp_path / "my articles"
    shutil.copytree(corpus_dir, corpus)
    (corpus / "zz_new.txt").write_text("A new article about harbours.\n", encoding="utf-8")
    with pytest.raises(IndexMismatchError) as caught:
        load_index(index_dir, corpus_dir=corpus)
    command = str(caught.value).split("`")[1]
    assert shlex.split(command) == ["rag", "build", "--corpus", str(corpus), "--index", "NEW-FOLDER"]


def test_checking_against_a_folder_that_does_not_exist_says_so(index_dir, tmp_path):
    with pytest.raises(CorpusError, match="does not exist"):  # not "all five articles were removed"
        load_index(index_dir, corpus_dir=tmp_path / "artcles")


def test_a_skipped_file_added_to_the_corpus_is_not_a_change(index_dir, corpus_copy):
    (corpus_copy / "latin1.txt").write_bytes("Le café a rouvert.\n".encode("latin-1"))
    assert len(load_index(index_dir, corpus_dir=corpus_copy).documents) == 5


def test_the_retriever_refuses_a_changed_corpus_when_given_one(index_dir, corpus_copy, encoder):
    (corpus_copy / "000_1eb8a4053cc42a55.txt").write_text("Rewritten.\n", encoding="utf-8")
    with pytest.raises(IndexMismatchError, match="changed: 000_1eb8a4053cc42a55"):
        Retriever.load(index_dir, corpus_dir=corpus_copy, encoder=encoder)


@pytest.mark.parametrize(
    "asked, words",
    [({"model_name": "sentence-transformers/all-mpnet-base-v2"}, "not 'sentence-transformers/all-mpnet-base-v2'"), ({"weights_sha256": "0" * 64}, "other weights")],
    ids=["other-model", "other-weights"],
)
def test_an_index_built_with_another_model_than_the_callers_is_refused(index_dir, asked, words):
    with pytest.raises(IndexMismatchError) as caught:
        load_index(index_dir, **asked)
    assert words in str(caught.value) and "rag build" in str(caught.value)


def test_a_sentence_longer_than_the_model_reads_is_embedded_whole(tmp_path, encoder):
    head = "The regional council, after a debate that ran late into the night and touched on " + ", ".join(f"item {i} of the agenda" for i in range(150))
    endings = {"fireworks": ", finally voted to ban all fireworks in the old town.", "salaries": ", finally voted to double the salaries of every teacher."}
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, ending in endings.items():
        (corpus / f"{name}.txt").write_text(f"Council vote\n\n{head}{ending}\n", encoding="utf-8")
    assert encoder.count_model_tokens(head) > encoder.max_seq_length  # the model alone would read only the shared head
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "fireworks.txt").write_text(f"Council vote\n\n{head}{endings['fireworks']}\n", encoding="utf-8")
    report = build_index(alone, tmp_path / "alone-index", encoder=encoder, progress=False)
    assert 0 < report.embedded <= report.chunks + report.sentences  # texts, not the parts of the long sentence
    assert build_index(alone, tmp_path / "alone-index", encoder=encoder, progress=False).embedded == 0  # parts cached too
    build_index(corpus, tmp_path / "index", encoder=encoder, progress=False)
    index = load_index(tmp_path / "index")
    vector = {s.doc_id: index.sentence_vectors[i] for i, s in enumerate(index.sentences) if s.text.startswith("The regional")}
    assert np.allclose([np.linalg.norm(v) for v in vector.values()], 1.0, atol=1e-5)
    question = encoder.encode(["Which council banned fireworks?"])[0]
    assert question @ vector["fireworks"] > question @ vector["salaries"] + 0.05


_OPENED: list[str] | None = None  # paths opened while a test records them (an audit hook cannot be removed)


def _record_open(event: str, args: tuple) -> None:
    if event == "open" and _OPENED is not None and isinstance(args[0], (str, os.PathLike)):
        _OPENED.append(os.fspath(args[0]))


sys.addaudithook(_record_open)


def test_a_load_after_touching_one_article_reads_only_that_article(tmp_path, encoder):
    """A file whose time changed but not its text (touch, git checkout) costs reading it, not the corpus."""
    global _OPENED
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(6):
        (corpus / f"story{n}.txt").write_text(f"Story {n}\n\nThe harbour of town {n} reopened on Monday after {n + 2} weeks.\n", encoding="utf-8")
    build_index(corpus, tmp_path / "index", encoder=encoder)
    os.utime(corpus / "story3.txt")
    _OPENED = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # the same text: no warning
            load_index(tmp_path / "index")
        read = sorted(Path(p).name for p in _OPENED if Path(p).parent == corpus)
    finally:
        _OPENED = None
    assert read == ["story3.txt"]
    (corpus / "story3.txt").write_text("Story 3\n\nThe harbour of town 3 stayed closed.\n", encoding="utf-8")
    with pytest.warns(StaleIndexWarning, match=r"\(changed: story3\)"):
        load_index(tmp_path / "index")


def test_an_article_edited_to_the_same_size_and_time_is_still_seen_as_changed(tmp_path, encoder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article = corpus / "harbour.txt"
    article.write_text("Harbour reopens\n\nThe harbour of Port Ellis reopened on Monday.\n", encoding="utf-8")
    build_index(corpus, tmp_path / "index", encoder=encoder)
    before = article.stat()
    article.write_text("Harbour reopens\n\nThe harbour of Port Ellis reopened on Friday.\n", encoding="utf-8")  # as long
    os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))  # and its time set back
    assert (article.stat().st_size, article.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    with pytest.warns(StaleIndexWarning, match=r"\(changed: harbour\)"):
        load_index(tmp_path / "index")


def test_an_article_saved_while_the_build_embeds_is_still_seen_as_changed(tmp_path, encoder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text("Harbour reopens\n\nThe harbour of Port Ellis reopened on Monday.\n", encoding="utf-8")
    edited = "Harbour reopens\n\nThe harbour of Port Ellis reopened on Tuesday after a storm.\n"
    build_index(corpus, tmp_path / "index", encoder=encoder, on_embedded=lambda *_: (corpus / "harbour.txt").write_text(edited, encoding="utf-8"))  # saved while embedding
    with pytest.warns(StaleIndexWarning, match=r"\(changed: harbour\)"):  # the index holds Monday's text
        load_index(tmp_path / "index")


def test_an_indexed_article_emptied_since_the_build_is_reported_removed(tmp_path, encoder):
    """Emptying an article makes the next build skip it: the index no longer matches the folder."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(3):
        (corpus / f"story{n}.txt").write_text(f"Story {n}\n\nThe ferry of town {n} sailed again on Friday.\n", encoding="utf-8")
    build_index(corpus, tmp_path / "index", encoder=encoder)
    (corpus / "story1.txt").write_text("", encoding="utf-8")
    with pytest.warns(StaleIndexWarning, match=r"removed: story1"):
        load_index(tmp_path / "index")
