"""`python -m eval.typos` refuses what `rag eval` refuses and counts must_contain as it does."""

from __future__ import annotations

import json

import pytest

from eval.typos import main, score
from rag.answer import Answerer
from rag.evaluation import answer_gold
from rag.gold import load_gold
from rag.gold_scoring import summarize

ARTICLES = {
    "mayor": "Varga to run for mayor of Kelmouth\n\nIlse Varga, the harbour master who oversaw the new container terminal, announced on Wednesday "
    "that she will run for mayor.\nVarga said her first priority would be cheaper housing for young families.\nThe current mayor, Piet Anholt, "
    "has not said whether he will seek a third term.\nThe election will be held on 14 May.\nVarga will step down as harbour master at the end of March.\n",
    "harbor": "Port of Kelmouth opens new container terminal\n\nThe Port of Kelmouth opened its new container terminal on Monday after three years "
    "of construction.\nThe terminal cost 412 million euros and can handle 1.2 million containers a year.\nHarbour master Ilse Varga said the project "
    "was finished two months ahead of schedule.\nLocal fishermen complained that the dredging had driven away the cod.\nThe port authority said it "
    "would pay 3 million euros into a fund for the fishing fleet.\n",
    "library": "Kelmouth library reopens after flood repairs\n\nThe Kelmouth public library reopened on Saturday, fourteen months after a flood "
    "damaged its ground floor.\nHead librarian Tomas Reyes said about 9,000 books had to be thrown away.\nThe city council paid for the repairs, "
    "which cost 2.4 million euros.\nA new children's reading room now occupies the former basement archive.\nReyes said the library would stay "
    "open until 9 p.m. on weekdays.\n",
}
# "mayor" is in a gold quote and in the cited article's id, not in the sentence the answer quotes
GOLD = [
    {"id": "m001", "question": "what is varga's first priority", "answerable": True, "gold": [
        {"doc_id": "mayor", "quote": "Varga said her first priority would be cheaper housing for young families."},
        {"doc_id": "mayor", "quote": "she will run for mayor"}], "must_contain": ["housing", "mayor"], "kind": "factoid"},
    {"id": "m002", "question": "what is the population of kelmouth", "answerable": False, "gold": [], "must_contain": [], "kind": "unanswerable"},
]


@pytest.fixture(scope="module")
def town(tmp_path_factory, encoder):
    from rag.build import build_index

    root = tmp_path_factory.mktemp("town")
    (root / "articles").mkdir()
    for doc_id, text in ARTICLES.items():
        (root / "articles" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    build_index(root / "articles", root / "index", encoder=encoder, progress=False)
    (root / "gold.jsonl").write_text("".join(json.dumps(row) + "\n" for row in GOLD), encoding="utf-8")
    return root


def test_must_contain_is_counted_as_rag_eval_counts_it(town):
    answerer = Answerer.load(town / "index")
    gold = load_gold(town / "gold.jsonl")
    answer = answerer.answer(gold[0].question)
    assert "[mayor" in answer.answer and "mayor" not in " ".join(q.text for q in answer.quotes).lower()  # what makes this a test
    records = answer_gold(answerer, gold)
    expected = summarize(records, answerer.settings.abstain_threshold)["answers"]["must_contain_hit"]
    assert score(answerer, gold, [g.question for g in gold])["must_contain hit"] == expected == 0.0


def test_a_gold_set_that_does_not_match_the_index_is_refused(town, index_dir, capsys):
    assert main(["--gold", str(town / "gold.jsonl"), "--index", str(index_dir)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("eval.typos: error: none of the gold set's articles (mayor) is in the index, whose articles are 000_")
    assert "… (5 in all)" in err
    assert "point --index at the index built from the gold set's articles" in err and "Traceback" not in err


@pytest.mark.parametrize("problem", ["no index", "bad gold"])
def test_errors_are_one_line_not_tracebacks(problem, town, tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{bad\n", encoding="utf-8")
    argv = ["--index", str(tmp_path / "no-such-index")] if problem == "no index" else ["--gold", str(bad), "--index", str(town / "index")]
    assert main(argv) == 2
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith("eval.typos: error: ") and ("no index in" in first if problem == "no index" else str(bad) in first)


def test_the_table_reads_without_the_docs(town, capsys):
    assert main(["--gold", str(town / "gold.jsonl"), "--index", str(town / "index"), "--show"]) == 0
    out = capsys.readouterr().out
    rows = {line.split("  ")[0]: line for line in out.splitlines() if line.startswith(("clean", "typo'd"))}
    assert set(rows) == {"clean questions", "typo'd, spelling step", "typo'd, no spelling step"}
    assert all(len(cell) == 5 and cell[1] == "." for row in rows.values() for cell in row.split("  ") if cell.strip() and cell[0].isdigit())  # 0.000, not 0
    assert "0.000" in rows["clean questions"]  # m001's needed fact is in no quote, even asked clean
    assert "must_contain hit: answerable questions whose answer holds the needed fact" in out
    assert "2 of 2 questions got typos (seed 7); the spelling step read" in out


def test_it_answers_with_the_settings_named_and_refuses_an_index_of_changed_articles(town, tmp_path, encoder, capsys):
    import shutil

    from rag.build import build_index
    from rag.settings import AnswerSettings

    never = AnswerSettings(abstain_threshold=1.0).save(tmp_path / "never.json")  # abstains on everything
    assert main(["--gold", str(town / "gold.jsonl"), "--index", str(town / "index"), "--settings", str(never)]) == 0
    out = capsys.readouterr().out
    clean = next(line for line in out.splitlines() if line.startswith("clean questions"))
    assert clean.split()[-3:] == ["0.000", "1.000", "1.000"]  # no fact, every answerable question abstained on, the unanswerable one too
    assert f"settings: {never} (abstain_threshold 1, unknown_term_penalty 6, unknown_name_penalty 2, name_elsewhere_penalty 6, detail_conflict_penalty 8, type_unmet_penalty 5)" in out
    changed = tmp_path / "articles"
    shutil.copytree(town / "articles", changed)
    build_index(changed, tmp_path / "index", encoder=encoder)
    (changed / "mayor.txt").write_text(ARTICLES["mayor"] + "Varga is 51.\n", encoding="utf-8")
    assert main(["--gold", str(town / "gold.jsonl"), "--index", str(tmp_path / "index")]) == 2  # the folder it was built from, as rag eval checks
    assert capsys.readouterr().err.startswith(f"eval.typos: error: the articles in {changed} changed since the index was built (changed: mayor)")



@pytest.mark.parametrize("tool", ["eval.typos", "eval.conversations"])
def test_each_option_of_the_evaluation_tools_says_what_it_is_and_its_default(tool, capsys):
    import importlib

    with pytest.raises(SystemExit):
        importlib.import_module(tool).main(["--help"])
    shown = " ".join(capsys.readouterr().out.split()).split("options:", 1)[1]
    for option, default in {"--index": "index", **({"--gold": "eval/gold.jsonl", "--seed": "7"} if tool == "eval.typos" else {"--conversations": "eval/conversations.jsonl"})}.items():
        assert f"(default: {default})" in shown.split(f"{option} {option.strip('-').upper()}", 1)[1].split(" --", 1)[0], option
