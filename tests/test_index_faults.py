"""Faults in the index folder: each gives a clear error that says what to do, and a
failed or killed rebuild leaves the previous index loading and answering."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from hostile_checks import RAG, ROOT, assert_friendly_failure, assert_grounded, comparable, remount, run_rag, tmpfs
from rag.answer import Answerer
from rag.errors import IndexCorruptError, IndexMismatchError, IndexMissingError, IndexWriteError, RagError
from rag.build import build_index
from rag.index import CACHE_FILE, CURRENT_FILE, INDEX_FORMAT, LOCK_FILE, load_index, manifest_checksum
from rag.retrieve import Retriever

QUESTION = "Who wrote the blog post?"
REBUILD_HINT = "rag build --corpus "  # a hint that works as written names the articles too
DAMAGES = ("missing", "empty", "truncated", "flipped")


def live_build(index: Path) -> Path:
    """The build folder CURRENT points at."""
    return index / (index / CURRENT_FILE).read_text(encoding="utf-8").strip()


def answer_with(index: Path, encoder, reference: Answerer):
    """Load ``index`` the way the app does and answer QUESTION with the reference settings."""
    answerer = Answerer(Retriever.load(index, encoder=encoder), reference.settings, reference.answerability)
    result = answerer.answer(QUESTION)
    assert_grounded(result, answerer.index.documents)
    return result


def assert_serves_like_reference(index: Path, encoder, answerer: Answerer) -> None:
    """``index`` loads, verifies and answers exactly like the session's pristine index."""
    got = answer_with(index, encoder, answerer)
    assert comparable(got.to_dict()) == comparable(answerer.answer(QUESTION).to_dict())


def leftovers(index: Path) -> list[str]:
    """Half-written builds and temporary files a failed build might leave behind (the build lock stays by design)."""
    return sorted(p.name for p in index.iterdir() if p.name.startswith(".") and p.name != LOCK_FILE)


def extra_article(folder: Path, n: int) -> None:
    """Write a new, distinct article (number ``n``) into ``folder``."""
    rng = random.Random(n)
    towns = ["Port Ellis", "Grantham Bay", "Lowmarsh", "Oakridge", "Saltcombe", "Westerby"]
    lines = [f"Harbour report {n}: {rng.choice(towns)} reopens its quay", ""]
    for k in range(12):
        town = rng.choice(towns)
        lines.append(
            f"In {town}, {rng.randint(2, 90)} fishing boats returned on day {k + 1} after "
            f"{rng.randint(2, 30)} weeks of repairs costing {rng.randint(1, 99)} million pounds, "
            f"the harbour master {rng.choice(['Ada', 'Bram', 'Cleo', 'Dov'])} Hale told reporters."
        )
    (folder / f"zz_extra_{n}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def index_copy(tmp_path: Path, index_dir: Path) -> Path:
    """A private copy of the session's index, free to damage."""
    target = tmp_path / "index"
    shutil.copytree(index_dir, target)
    return target


@pytest.fixture
def corpus_plus_one(tmp_path: Path, corpus_dir: Path) -> Path:
    """The bundled articles plus one new article, so a rebuild has something to embed."""
    folder = tmp_path / "corpus"
    shutil.copytree(corpus_dir, folder)
    for path in folder.iterdir():
        path.chmod(0o644)
    extra_article(folder, 0)
    return folder


def build_files(index_dir: Path) -> list[str]:
    """Every file of the live build, relative to its folder."""
    folder = live_build(index_dir)
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def damage(path: Path, how: str) -> None:
    """Remove, empty, truncate or flip bytes in the middle of ``path``."""
    if how == "missing":
        path.unlink()
        return
    data = bytearray(path.read_bytes())
    if how == "empty":
        data = bytearray()
    elif how == "truncated":
        data = data[: len(data) // 2]
    elif how == "flipped":
        middle = len(data) // 2
        for i in range(middle, min(middle + 8, len(data))):
            data[i] ^= 0x5A
    path.write_bytes(bytes(data))


def test_every_damaged_file_is_refused_with_a_rebuild_hint(tmp_path, index_dir, encoder):
    names = build_files(index_dir)
    assert {"manifest.json", "store.json", "chunks.faiss", "sentences.npy", "sentence-contexts.npy"} <= set(names)
    assert any(name.startswith("bm25/") for name in names)
    tried = 0
    for name in names:
        for how in DAMAGES:
            copy = tmp_path / f"{name.replace('/', '_')}-{how}"
            shutil.copytree(index_dir, copy)
            damage(live_build(copy) / name, how)
            with pytest.raises((IndexCorruptError, IndexMismatchError)) as caught:
                Retriever.load(copy, encoder=encoder)
            assert REBUILD_HINT in str(caught.value), (name, how, str(caught.value))
            tried += 1
    assert tried == len(names) * len(DAMAGES)


@pytest.mark.parametrize("how", ["truncated", "empty"])
def test_faiss_reader_refuses_a_damaged_vector_file_even_unverified(index_copy, how):
    damage(live_build(index_copy) / "chunks.faiss", how)
    with pytest.raises(IndexCorruptError) as caught:
        load_index(index_copy, verify_files=False)
    assert REBUILD_HINT in str(caught.value)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda lexicon: lexicon.pop("word_counts"),
        lambda lexicon: lexicon.update(word_counts=["pause", 3]),
        lambda lexicon: lexicon["sentence_terms"].pop(),
        lambda lexicon: lexicon["sentence_terms"][0].append(10**6),
    ],
    ids=["no-word-counts", "word-counts-not-a-mapping", "a-sentence-short", "unknown-term-id"],
)
def test_a_store_with_a_damaged_lexicon_is_refused_even_unverified(index_copy, spoil):
    store_path = live_build(index_copy) / "store.json"
    store = json.loads(store_path.read_text(encoding="utf-8"))
    spoil(store["lexicon"])
    store_path.write_text(json.dumps(store), encoding="utf-8")
    with pytest.raises(IndexCorruptError) as caught:
        load_index(index_copy, verify_files=False)
    assert REBUILD_HINT in str(caught.value)


@pytest.mark.parametrize(
    "change, error, words",
    [
        (lambda m: m["model"].update(name="sentence-transformers/all-mpnet-base-v2"), IndexMismatchError, "all-mpnet-base-v2"),
        (lambda m: m["model"].update(weights_sha256="0" * 64), IndexMismatchError, "other weights"),
        (lambda m: m.update(format=INDEX_FORMAT + 1), IndexMismatchError, f"format {INDEX_FORMAT + 1}"),
        (lambda m: m.update(format=INDEX_FORMAT - 1), IndexMismatchError, f"format {INDEX_FORMAT - 1}"),
        (lambda m: m.pop("format"), IndexMismatchError, "format None"),
        (lambda m: m.pop("files"), IndexCorruptError, "checksums"),
    ],
    ids=["other-model", "other-weights", "newer-format", "older-format", "no-format", "no-checksums"],
)
def test_manifest_from_another_model_or_version_is_refused(index_copy, encoder, change, error, words):
    manifest_path = live_build(index_copy) / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    change(manifest)
    manifest_path.write_text(json.dumps({**manifest, "checksum": manifest_checksum(manifest)}), encoding="utf-8")  # written so, not damaged
    with pytest.raises(error) as caught:
        Retriever.load(index_copy, encoder=encoder)
    assert words in str(caught.value) and REBUILD_HINT in str(caught.value)


@pytest.mark.parametrize("edit", [lambda m: m["counts"].update(sentences=1), lambda m: m.update(corpus_dir="/elsewhere"), lambda m: m.pop("checksum")])
def test_a_manifest_changed_in_any_field_is_refused(index_copy, encoder, edit):
    manifest_path = live_build(index_copy) / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    edit(manifest)
    manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    with pytest.raises(IndexCorruptError, match="manifest .* was changed or damaged since it was written") as caught:
        Retriever.load(index_copy, encoder=encoder)
    assert REBUILD_HINT in str(caught.value)


@pytest.mark.parametrize("payload", ["[]", '"manifest"', "null", '{"format": 1, "model": "x", "files": []}'])
def test_manifest_of_the_wrong_shape_is_refused(index_copy, encoder, payload):
    (live_build(index_copy) / "manifest.json").write_text(payload, encoding="utf-8")
    with pytest.raises(RagError) as caught:
        Retriever.load(index_copy, encoder=encoder)
    assert REBUILD_HINT in str(caught.value)


@pytest.mark.parametrize("field, value", [("documents", []), ("documents", "x"), ("markdown", {"a": 1})])
def test_a_manifest_whose_article_list_has_the_wrong_shape_is_corrupt_when_the_corpus_is_checked(index_copy, encoder, corpus_dir, field, value):
    manifest_path = live_build(index_copy) / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest[field] = value
    manifest_path.write_text(json.dumps({**manifest, "checksum": manifest_checksum(manifest)}), encoding="utf-8")
    with pytest.raises(IndexCorruptError) as caught:
        Retriever.load(index_copy, encoder=encoder, corpus_dir=corpus_dir)
    assert "manifest" in str(caught.value) and REBUILD_HINT in str(caught.value)


@pytest.mark.parametrize(
    "current, error",
    [(None, IndexMissingError), (b"", IndexMissingError), (b"build-that-never-was\n", IndexCorruptError), (b"\xff\xfe\x00garbage", IndexCorruptError)],
    ids=["missing", "empty", "dangling", "binary"],
)
def test_current_pointer_faults(index_copy, encoder, current, error):
    pointer = index_copy / CURRENT_FILE
    if current is None:
        pointer.unlink()
    else:
        pointer.write_bytes(current)
    with pytest.raises(error) as caught:
        Retriever.load(index_copy, encoder=encoder)
    assert REBUILD_HINT in str(caught.value)


def test_current_pointing_outside_the_index_is_refused(index_copy, encoder):
    """A whole, valid build elsewhere is not loaded through a CURRENT that leads out of the index folder."""
    outside = index_copy.parent / "elsewhere"
    shutil.copytree(live_build(index_copy), outside / live_build(index_copy).name)
    (index_copy / CURRENT_FILE).write_text(f"../elsewhere/{live_build(index_copy).name}\n", encoding="utf-8")
    with pytest.raises(IndexCorruptError, match="does not name a build folder") as caught:
        Retriever.load(index_copy, encoder=encoder)
    assert REBUILD_HINT in str(caught.value)


def test_no_index_folder_at_all(tmp_path, encoder):
    with pytest.raises(IndexMissingError) as caught:
        Retriever.load(tmp_path / "nowhere", encoder=encoder)
    assert REBUILD_HINT in str(caught.value)


def test_damaged_embedding_cache_only_costs_a_re_embedding(tmp_path, encoder, answerer):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    extra_article(corpus, 7)
    build_index(corpus, index, encoder=encoder, progress=False)
    cache = index / CACHE_FILE
    cache.write_bytes(cache.read_bytes()[: cache.stat().st_size // 2])
    extra_article(corpus, 8)
    report = build_index(corpus, index, encoder=encoder, progress=False)
    fresh = build_index(corpus, tmp_path / "fresh", encoder=encoder, progress=False)  # no cache at all
    assert (report.embedded, report.reused) == (fresh.embedded, fresh.reused) and report.embedded >= report.sentences + report.chunks
    assert report.warnings == [f"the embedding cache {cache} could not be read (it holds no embedding cache this program wrote), so every text was embedded again"]
    assert fresh.warnings == []  # no cache yet is no problem
    assert load_index(index).manifest["counts"]["documents"] == 2
    answer_with(index, encoder, answerer)
    np.savez(cache, keys=np.array([{"not": "a key"}], dtype=object), vectors=np.zeros((1, 384)))  # pickled objects: never loaded, nor advised to be
    extra_article(corpus, 9)
    [warning] = build_index(corpus, index, encoder=encoder, progress=False).warnings
    assert warning == f"the embedding cache {cache} could not be read (it holds no embedding cache this program wrote), so every text was embedded again"


def test_read_only_folder_serves_but_refuses_a_rebuild(tmp_path, index_dir, corpus_plus_one, encoder, answerer):
    with tmpfs(tmp_path / "ro", "4m") as mount:
        shutil.copytree(index_dir, mount / "index")
        remount(mount, "ro")
        assert_serves_like_reference(mount / "index", encoder, answerer)
        with pytest.raises(RagError) as caught:
            build_index(corpus_plus_one, mount / "index", encoder=encoder, progress=False)
        message = str(caught.value)
        assert "cannot write the index" in message and "Read-only file system" in message and "Choose a folder you may write to." in message and "--index" not in message
        assert_serves_like_reference(mount / "index", encoder, answerer)


def _pages(path: Path) -> int:
    """Bytes ``path`` takes on a tmpfs (whole 4 KiB pages per file)."""
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(-(-p.stat().st_size // 4096) * 4096 for p in files)


@pytest.mark.parametrize("room", ["none", "half-a-build", "no-room-for-the-cache"])
def test_full_disk(tmp_path, index_dir, corpus_plus_one, encoder, answerer, room):
    with tmpfs(tmp_path / "disk", "16m") as mount:
        index = mount / "index"
        shutil.copytree(index_dir, index)
        used = os.statvfs(mount).f_blocks - os.statvfs(mount).f_bfree
        build_bytes, cache_bytes = _pages(live_build(index)), _pages(index / CACHE_FILE)
        free = {"none": 8192, "half-a-build": build_bytes // 2, "no-room-for-the-cache": build_bytes + 64 * 1024 + cache_bytes // 2}[room]
        remount(mount, f"size={used * os.statvfs(mount).f_frsize + free}")
        before = live_build(index).name
        if room == "no-room-for-the-cache":
            report = build_index(corpus_plus_one, index, encoder=encoder, progress=False)
            assert any(CACHE_FILE in warning for warning in report.warnings), report.warnings
            assert live_build(index).name != before and load_index(index).manifest["counts"]["documents"] == 6
            answer_with(index, encoder, answerer)
        else:
            with pytest.raises(RagError) as caught:
                build_index(corpus_plus_one, index, encoder=encoder, progress=False)
            message = str(caught.value)
            assert "cannot write the index" in message and "Free disk space" in message
            assert live_build(index).name == before
            assert_serves_like_reference(index, encoder, answerer)
        assert leftovers(index) == []


def test_index_path_that_is_a_file(tmp_path, corpus_dir, encoder):
    blocker = tmp_path / "index"
    blocker.write_text("not a folder\n", encoding="utf-8")
    with pytest.raises(IndexWriteError) as caught:  # an OSError too, for code that handles those
        build_index(corpus_dir, blocker, encoder=encoder, progress=False)
    assert "cannot write the index" in str(caught.value) and isinstance(caught.value, OSError)
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


def test_cli_reports_index_faults_without_a_traceback(index_copy, tmp_path):
    damage(live_build(index_copy) / "chunks.faiss", "truncated")
    assert_friendly_failure(run_rag(["ask", "--index", str(index_copy), QUESTION]), "truncated or corrupted", REBUILD_HINT)
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    assert_friendly_failure(run_rag(["build", "--index", str(blocker / "index")]), "cannot write the index")


@pytest.mark.parametrize("encoder_choice", ["auto", "onnx"])
def test_cli_refuses_an_index_of_a_model_not_installed_here_without_a_traceback(index_copy, tmp_path, monkeypatch, encoder_choice):
    manifest_path = live_build(index_copy) / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["model"]["name"] = "sentence-transformers/all-mpnet-base-v2"
    manifest_path.write_text(json.dumps({**manifest, "checksum": manifest_checksum(manifest)}), encoding="utf-8")
    monkeypatch.setenv("RAG_CACHE_DIR", str(tmp_path / "cache"))  # no ONNX export made yet (run_rag passes the environment on)
    if encoder_choice != "auto":
        monkeypatch.setenv("RAG_ENCODER", encoder_choice)
    message = assert_friendly_failure(run_rag(["ask", "--index", str(index_copy), QUESTION]))
    assert "all-mpnet-base-v2" in message


# -- killing a rebuild at random points -------------------------------------------------


class BuildWorker:
    """tests/build_worker.py: a process with the model loaded that forks one build at a time."""

    def __init__(self, log: Path) -> None:
        self._log = open(log, "wb")
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "build_worker.py")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log, text=True, cwd=ROOT,
        )
        assert self._read() == {"ready": True}

    def _read(self) -> dict:
        line = self.process.stdout.readline()
        assert line, "the build worker died"
        return json.loads(line)

    def start(self, corpus: Path, index: Path) -> int:
        """Start a build; returns the pid of the process doing it."""
        self.process.stdin.write(json.dumps({"corpus": str(corpus), "index": str(index)}) + "\n")
        self.process.stdin.flush()
        return self._read()["pid"]

    def outcome(self) -> dict:
        """Wait for the build to end: {"status": "exit 0" | "signal 9" | ..., "seconds": ...}."""
        return self._read()

    def close(self) -> None:
        """Stop the worker."""
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self._log.close()


def _wait_for_staging(index: Path, pid: int, limit: float) -> float | None:
    """Poll until a half-written build folder appears; its time, or None if the build ended first."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if any(index.glob(".build-*")):
            return time.monotonic()
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        time.sleep(0.001)
    return None


def _new_corpus(tmp_path: Path, corpus_dir: Path, n: int) -> Path:
    folder = tmp_path / f"corpus-{n}"
    shutil.copytree(corpus_dir, folder)
    extra_article(folder, n)
    return folder


# Eight kills, a quarter of them at least while the new build is written: each kill lands at
# a fresh random point. Twenty (as at first), then twelve, found no failure more; the suite is
# kept under ten minutes.
KILLS = 8


@pytest.mark.timeout(400)
def test_killed_rebuilds_leave_a_working_index(tmp_path, index_dir, corpus_dir, encoder, answerer):
    """Rebuilds killed with SIGKILL at random points until KILLS kills landed mid-build;
    after each the index loads and answers.

    Each rebuild adds a new article, so it loads the corpus, embeds, writes and swaps.
    Even-numbered attempts kill anywhere in the build; odd-numbered ones wait until the
    new build folder appears on disk and kill at a random point of the write phase.
    """
    index = tmp_path / "index"
    shutil.copytree(index_dir, index)
    worker = BuildWorker(tmp_path / "worker.log")
    rng = random.Random(20261123)
    try:
        for n in (1000, 1001):  # the first build in the worker is slower: time the second
            pid = worker.start(_new_corpus(tmp_path, corpus_dir, n), index)
            writing_from = _wait_for_staging(index, pid, 120)
            calibration = worker.outcome()
            assert calibration["status"] == "exit 0", (tmp_path / "worker.log").read_text()
        build_seconds = calibration["seconds"]
        write_seconds = max(0.01, time.monotonic() - writing_from) if writing_from else 0.05

        attempts = killed = killed_writing = 0
        previous_answer = comparable(answer_with(index, encoder, answerer).to_dict())
        for n in range(2 * KILLS):
            if killed == KILLS:
                break
            attempts += 1
            previous = live_build(index).name
            corpus = _new_corpus(tmp_path, corpus_dir, n)
            pid = worker.start(corpus, index)
            if n % 2:
                _wait_for_staging(index, pid, 120)
                time.sleep(rng.uniform(0, 0.8 * write_seconds))
            else:
                time.sleep(rng.uniform(0, 0.9 * build_seconds))
            writing = any(index.glob(".build-*"))
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            outcome = worker.outcome()
            assert outcome["status"] in ("exit 0", "signal 9"), (outcome, (tmp_path / "worker.log").read_text())
            if outcome["status"] == "signal 9":
                killed += 1
                killed_writing += writing
            answer = comparable(answer_with(index, encoder, answerer).to_dict())
            if live_build(index).name == previous:
                assert answer == previous_answer
            else:
                assert sorted(load_index(index).manifest["documents"]) == sorted(p.stem for p in corpus.iterdir())
            previous_answer = answer
        print(f"{attempts} rebuilds of ~{build_seconds:.1f} s (write phase ~{write_seconds:.2f} s): {killed} killed, {killed_writing} of them while writing")
        assert killed == KILLS, (killed, attempts)
        assert killed_writing >= KILLS // 4, killed_writing

        # A build that is left alone completes and sweeps away what the killed ones left.
        worker.start(_new_corpus(tmp_path, corpus_dir, 2000), index)
        assert worker.outcome()["status"] == "exit 0"
        assert leftovers(index) == []
        assert len(list(index.glob("build-*"))) <= 2
        answer_with(index, encoder, answerer)
    finally:
        worker.close()


# -- builds of one index at the same time -------------------------------------------------


def test_builds_started_together_take_turns_and_leave_a_working_index(tmp_path, index_dir, corpus_dir, encoder, answerer):
    index = tmp_path / "index"
    shutil.copytree(index_dir, index)
    command = [str(RAG), "build", "--corpus", str(corpus_dir), "--index", str(index)]
    for _ in range(4):  # unchanged articles: each build takes about a second, so they overlap
        builds = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(2)]
        errors = [build.communicate(timeout=300)[1].decode("utf-8", "replace") for build in builds]
        assert [build.returncode for build in builds] == [0, 0], errors
        assert live_build(index).is_dir()
        assert_serves_like_reference(index, encoder, answerer)


def test_a_build_waits_while_another_holds_the_index(tmp_path, index_dir, corpus_dir):
    import fcntl

    index = tmp_path / "index"
    shutil.copytree(index_dir, index)
    before = live_build(index).name
    with open(index / LOCK_FILE, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as a build in progress does
        waiting = subprocess.Popen([str(RAG), "build", "--corpus", str(corpus_dir), "--index", str(index)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        with pytest.raises(subprocess.TimeoutExpired):
            waiting.wait(timeout=8)
        assert live_build(index).name == before  # it wrote nothing meanwhile
    _, stderr = waiting.communicate(timeout=300)
    assert waiting.returncode == 0 and b"waiting for another build" in stderr
    assert live_build(index).name != before and live_build(index).is_dir()


def powerless_prefix(root_power: str) -> list[str]:
    """The command prefix that runs a program without root's power to ignore file permissions
    (``setpriv`` dropping it), so that a chmod holds for it; none when not root. Skips the test as
    root without ``setpriv``: root ``root_power``, and the permission could not be tested."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip(f"root {root_power}, and setpriv (util-linux) is not here to drop that power")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps=-all"]


def test_an_unreadable_index_file_is_refused_as_damage_not_a_permission_crash(index_copy):
    """chmod 000 on one of the index's files: the library raises IndexCorruptError naming it (as
    root, which reads any file, the check runs without the capabilities that let it)."""
    unreadable = live_build(index_copy) / "chunks.faiss"
    unreadable.chmod(0)
    without_root_powers = powerless_prefix("reads any file")
    script = (
        "import sys\nfrom rag.errors import IndexCorruptError\nfrom rag.index import load_index\n"
        "try:\n    load_index(sys.argv[1])\nexcept IndexCorruptError as exc:\n    print(exc)\n"
    )
    done = subprocess.run([*without_root_powers, sys.executable, "-c", script, str(index_copy)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"{unreadable} cannot be read (Permission denied)" in done.stdout and REBUILD_HINT in done.stdout


def test_a_build_over_an_up_to_date_index_it_cannot_write_to_writes_nothing_and_says_so(tmp_path, encoder):
    """An index shipped read-only (an image, say) whose articles have not changed: building it
    again, as a program does at its start, is a build with nothing to write, not an error; once an
    article changes, the folder it cannot write is an error as before."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "ferry.txt").write_text("Ferry returns\n\nThe ferry of Port Ellis sailed again on Friday.\n", encoding="utf-8")
    build_index(corpus, index)
    for path in [index, *index.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    without_root_powers = powerless_prefix("writes any folder")
    script = (
        "import sys\nfrom pathlib import Path\nfrom rag import IndexWriteError, build_index\n"
        "report = build_index(sys.argv[1], sys.argv[2])\nprint(report.written, report.embedded, report.documents)\nprint(report.summary().splitlines()[-1])\n"
        "(Path(sys.argv[1]) / 'tram.txt').write_text('Tram opens\\n\\nThe tram opened on Monday.\\n', encoding='utf-8')\n"
        "try:\n    build_index(sys.argv[1], sys.argv[2])\nexcept IndexWriteError as exc:\n    print('refused:', exc)\n"
    )
    done = subprocess.run([*without_root_powers, sys.executable, "-c", script, str(corpus), str(index)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    written, summary, refused = done.stdout.splitlines()
    assert written == "False 0 1"
    assert summary == f"the index in {index} is up to date: nothing written (the folder cannot be written to)"
    assert refused.startswith(f"refused: cannot write the index to {index}")
