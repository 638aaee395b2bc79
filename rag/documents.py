"""Loading a folder of articles: text kept byte-for-byte, titles, content hashes.

Files that cannot be read as articles (binary, not UTF-8, empty, too large, vanished,
symlink loops, a second file with an id or text already loaded) are skipped, each listed
with its reason in ``LoadReport.skipped`` (``build_index`` also warns of each, with a
``SkippedFileWarning``); the rest are loaded.
"""

from __future__ import annotations

import errno
import hashlib
import itertools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CorpusError, require_type
from .markup import EMPHASISED, FRONT_MATTER, as_read
from .text import BOILERPLATE, MARKDOWN_HEADING, TITLE_MAX_CHARS, reads_as_headline, split_sentences
from .types import Document, StrPath

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_ARTICLE_BYTES = 5_000_000
_CLOSING_HASHES = re.compile(r"[ \t]+#+$")  # "## Title ##"
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\([^)]*\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_FRONT_MATTER_TITLE = re.compile(r"""^title[ \t]*[:=][ \t]*(?P<quote>["']?)(?P<title>.*?)(?P=quote)[ \t]*$""", re.M | re.I)


@dataclass
class LoadReport:
    """Documents read from a folder and the files skipped, each with its reason."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        """One line per skipped file, for people."""
        lines = [f"{len(self.documents)} article(s) loaded"]
        lines += [f"skipped {path}: {why}" for path, why in self.skipped]
        return "\n".join(lines)


def sha256_text(text: str) -> str:
    """Hex sha256 of a text's UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _without_markdown(line: str) -> str:
    """A Markdown headline without its markup: "# Title #", "**Title**", "[Title](url)" and
    "<h1>Title</h1>" read "Title"; an image alone reads ""."""
    line = _HTML_TAG.sub("", _MARKDOWN_LINK.sub(r"\g<text>", _MARKDOWN_IMAGE.sub("", line))).strip()
    opening = MARKDOWN_HEADING.match(line)
    line = _CLOSING_HASHES.sub("", line[opening.end() :] if opening else line).strip()
    emphasised = EMPHASISED.fullmatch(line)
    return emphasised["inner"].strip() if emphasised else line


def make_title(text: str, *, markdown: bool = False) -> str:
    """The first line when it reads as a headline, else the first sentence cut short.

    A headline is short and has no final period (``rag.text.reads_as_headline``). With
    ``markdown`` (a .md article) its heading or emphasis marks, links, images and HTML tags
    are dropped first ("# Title", "**Title**"); in plain text "# of staff" stays. Front matter
    gives its ``title:`` or is passed over, and so are boilerplate lines ("Advertisement").
    """
    front_matter = FRONT_MATTER.match(text)
    if front_matter:
        titled = _FRONT_MATTER_TITLE.search(front_matter.group())
        title = titled["title"].strip() if titled else ""
        if title in (">", "|", ">-", "|-", ">+", "|+"):  # a YAML block: the indented lines below
            below = front_matter.group()[titled.end() :].splitlines()[1:] if titled else []
            title = " ".join(line.strip() for line in itertools.takewhile(lambda line: line[:1] in (" ", "\t"), below))
        if title:
            return make_title(title)
        text = text[front_matter.end() :]
    lines = (line.strip() for line in text.splitlines())
    if markdown:
        lines = (_without_markdown(line) for line in lines)
    first_line = " ".join(next((line for line in lines if line and not BOILERPLATE.match(line)), "").split())
    if reads_as_headline(first_line):
        return first_line
    # the sentence splitter knows abbreviations ("U.S.", "Dr."); a title needs only the start
    sentences = split_sentences("", first_line[: TITLE_MAX_CHARS * 4])
    first_sentence = sentences[0].text if sentences else first_line
    if len(first_sentence) <= TITLE_MAX_CHARS:
        return first_sentence
    cut = first_sentence[:TITLE_MAX_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:—- ") + "…"


def is_markdown(path: StrPath) -> bool:
    """Whether an article file is Markdown (``.md``), by its name."""
    return Path(path).suffix.lower() == ".md"


def as_shown(text: str, document: Document) -> str:
    """Text of ``document`` (a quote) as a reader sees it: from a Markdown article, as its rendered
    page reads (``as_read``: no "**", no block-quote "> "); from a plain-text one, as written,
    markup-like text and all. The quote itself (``Quote.text``) stays the article's exact text."""
    return as_read(text) if is_markdown(document.path) else text


def _looks_binary(raw: bytes) -> bool:
    return b"\x00" in raw[:8192]


def article_id(path: Path, folder: Path) -> str:
    """The doc id of the article at ``path`` in the corpus ``folder``: its file stem, with the
    sub-folders it lies in ("000_1eb8a4053cc42a55", "2024/03/story", "post-a/index")."""
    relative = path.relative_to(folder)
    return "/".join([*relative.parent.parts, relative.stem])


_SAVE_AS_UTF8 = "save it as UTF-8 (iconv -f {} -t utf-8)"


def read_article(path: Path, doc_id: str, *, title: bool = True) -> tuple[Document | None, str]:
    """Read the article at ``path`` as ``doc_id``; returns (document, "") or (None, reason it was skipped).

    With ``title=False`` the document's title is left empty (working it out runs the
    sentence splitter, which callers that need only ids and hashes can skip).
    """
    try:
        if path.stat().st_size > MAX_ARTICLE_BYTES:
            return None, f"larger than {MAX_ARTICLE_BYTES // 1_000_000} MB"
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, "vanished while reading"
    except OSError as exc:
        return None, f"unreadable ({exc.strerror or exc})"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, f"UTF-16 text; {_SAVE_AS_UTF8.format('utf-16')}"
    if _looks_binary(raw):
        return None, "binary file"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, f"not UTF-8 (byte {exc.start}); {_SAVE_AS_UTF8.format('cp1252')} if it is Windows-1252"
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        return None, "empty"
    if not any(ch.isalnum() for ch in text):
        return None, "no words (only symbols or invisible characters)"
    return (
        Document(
            doc_id=doc_id,
            title=make_title(text, markdown=is_markdown(path)) if title else "",
            text=text,
            sha256=sha256_text(text),
            path=str(path),
        ),
        "",
    )


def printable_path(path: Path) -> str:
    """The path as text that can always be printed (bytes that are not UTF-8 escaped)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _files_under(folder: Path, skipped: list[tuple[str, str]]) -> list[Path]:
    """Every file under ``folder``, sorted, in linked folders too (each real folder once, so a
    link back up the tree does not loop) but not in hidden ones; a folder that cannot be read is
    noted in ``skipped``."""
    found: list[Path] = []
    seen: set[str] = set()

    def unreadable(error: OSError) -> None:
        skipped.append((printable_path(Path(error.filename or folder)), f"folder cannot be read ({error.strerror or error})"))

    for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # no hidden folders (.git, .trash); one real folder
        # reached by two paths is read by the first in name order, on any machine
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        found += (Path(root) / name for name in files)
    return sorted(found)


def _article_paths(folder: Path, skipped: list[tuple[str, str]]) -> list[Path]:
    paths = []
    for path in _files_under(folder, skipped):
        if path.suffix.lower() not in ARTICLE_SUFFIXES or path.name.startswith("."):
            continue
        try:
            path.resolve(strict=True)
        except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop (Python < 3.13)
            looping = isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP
            skipped.append((printable_path(path), "symbolic link that loops" if looping else "broken link or unreadable path"))
            continue
        if path.is_dir():
            continue
        if not path.is_file():
            skipped.append((printable_path(path), "not a regular file (a pipe, socket or device)"))
        elif printable_path(path) != str(path):
            skipped.append((printable_path(path), "file name is not UTF-8; rename the file"))
        else:
            paths.append(path)
    return paths


def _relative(path: Path, folder: Path) -> str:
    """``path`` as it lies in ``folder`` ("2024/story.txt"), or whole when it lies elsewhere."""
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return str(path)


def article_stats(folder: StrPath) -> dict[str, list[int]]:
    """[size, modification time, status change time (ns)] of every article file under ``folder``,
    read or skipped, by its path there: a cheap sign that the articles changed, without reading
    them. The status change time moves at every write, even one that keeps the size and sets the
    modification time back (which ``os.utime`` can, and ``rsync --times`` does)."""
    folder = Path(folder)
    stats = {}
    for path in _article_paths(folder, []):
        try:
            status = path.stat()
        except OSError:
            continue
        stats[_relative(path, folder)] = [status.st_size, status.st_mtime_ns, status.st_ctime_ns]
    return stats


def corpus_folder(folder: StrPath) -> Path:
    """``folder`` as a Path if it is a folder; else CorpusError saying it is missing or a file
    (TypeError when it is not a path at all)."""
    require_type(folder, (str, os.PathLike), "folder", "the folder of the articles, such as 'data/articles'")
    folder = Path(folder)
    if not folder.is_dir():
        problem = "is not a folder" if folder.exists() else "does not exist"
        raise CorpusError(f"the corpus folder {folder} {problem}; name a folder of .txt or .md articles")
    return folder


def load_corpus(folder: StrPath, *, titles: bool = True, empty_ok: bool = False) -> LoadReport:
    """Load every .txt/.md article under ``folder``; raises CorpusError if none loads (unless
    ``empty_ok``) or the folder is missing.

    ``titles=False`` leaves every title empty (see ``read_article``).
    """
    folder = corpus_folder(folder)
    report = LoadReport()
    seen_ids: dict[str, str] = {}
    seen_hashes: dict[str, str] = {}
    for path in _article_paths(folder, report.skipped):
        document, reason = read_article(path, article_id(path, folder), title=titles)
        if document is None:
            report.skipped.append((str(path), reason))
            continue
        if document.doc_id in seen_ids:
            report.skipped.append((str(path), f"same id as {seen_ids[document.doc_id]}; rename one of them to index both"))
            continue
        if document.sha256 in seen_hashes:
            report.skipped.append((str(path), f"same text as {seen_hashes[document.sha256]}"))
            continue
        seen_ids[document.doc_id] = seen_hashes[document.sha256] = _relative(path, folder)  # named as in the folder
        report.documents.append(document)
    if not report.documents and not empty_ok:
        shown = "; ".join(f"{_relative(Path(path), folder)}: {why}" for path, why in report.skipped[:5])
        more = f"; and {len(report.skipped) - 5} more" if len(report.skipped) > 5 else ""
        raise CorpusError(f"no readable .txt or .md article in {folder}" + (f" (skipped {shown}{more})" if shown else ""))
    return report
