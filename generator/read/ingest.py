"""Files → ``RawDoc``: which files are articles, and their bytes decoded to text.

Decoding order, most certain first: a byte-order mark; strict UTF-8; UTF-16 without a BOM
(recognised by its NUL pattern); then charset-normalizer limited to the Arabic legacy code
pages (Windows-1256, ISO-8859-6). A file that is none of these is decoded as UTF-8 with the
bad bytes replaced, and the first bad byte's offset is reported. Newlines become "\\n".
"""
from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from ..model import Problem, RawDoc
from .input_files import link_outside, link_problem
from .readers import ARTICLE_SUFFIXES, reader_for

# A news article is rarely over 100 KB; a file twenty times that is a dump or a mistake, and
# cleaning it would take the build minutes (about 8 s per MB).
MAX_ARTICLE_BYTES = 2_000_000
LEGACY_ARABIC_CODECS = ("cp1256", "iso8859_6")

# Signatures of files that are certainly not text, so the message can say what they are.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF file"), (b"PK\x03\x04", "a ZIP/DOCX archive"), (b"RIFF", "a RIFF (WebP/WAV) file"),
    (b"\x7fELF", "a program"),
)

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def list_article_files(seeds_dir: Path, root: Path | None = None) -> tuple[list[Path], list[Problem]]:
    """The article files in ``seeds_dir``, sorted; other entries are reported. A link is
    followed only inside the project ``root`` (``input_files``)."""
    root = root or seeds_dir.parent
    real = link_outside(seeds_dir, root)
    if real is not None:
        return [], [link_problem(f"{seeds_dir.name}/", real)]
    files, problems = [], []
    for entry in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        shown = f"{seeds_dir.name}/{entry.name}"
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and (real := link_outside(entry, root)) is not None:
            problems.append(link_problem(shown, real))
        elif entry.is_dir():
            problems.append(Problem(shown, "is a folder; seeds/ is read one level deep",
                                    hint="move its files up into seeds/"))
        elif entry.suffix.lower() not in ARTICLE_SUFFIXES:
            problems.append(Problem(shown, f"ignored: only {', '.join(ARTICLE_SUFFIXES)} files are articles",
                                    hint="rename it to .txt if it is an article"))
        else:
            files.append(entry)
    return files, problems


def read_article(path: Path, shown: str) -> RawDoc | Problem:
    """Read and decode one file; a ``Problem`` instead when it cannot be an article."""
    reader = reader_for(path)
    limit = getattr(reader, "max_bytes", MAX_ARTICLE_BYTES)  # a saved page is mostly markup and scripts
    try:
        size = path.stat().st_size
        if size > limit:
            return Problem(shown, f"is {size / 1_000_000:.1f} MB, over the {limit // 1_000_000} MB "
                                  "an article may be",
                           hint=getattr(reader, "too_big_hint", "split it into one file per article, or remove it"))
        data = path.read_bytes()
    except OSError as exc:
        return Problem(shown, f"cannot be read: {exc.strerror}", hint="check the file's permissions")
    if not data.strip():
        return Problem(shown, "is empty", hint="paste the article's text into it, or remove it")
    kind = _binary_kind(data)
    if kind:
        return Problem(shown, f"is {kind}, not text", hint="save the article as plain text (.txt)")
    text, encoding, problems = decode_bytes(data, shown)
    if not text.strip():
        return Problem(shown, "holds no visible text", hint="paste the article's text into it, or remove it")
    reading = reader.read(text, shown)
    if not reading.text.strip() and reading.problems:  # the reader refused the file (a page with no article)
        return reading.problems[0]
    problems += reading.problems
    return RawDoc(source=path.name, data=data, text=text, encoding=encoding, problems=tuple(problems),
                  reading=None if reading.text == text else reading.text, front_matter=reading.front_matter)


def decode_bytes(data: bytes, shown: str = "") -> tuple[str, str, list[Problem]]:
    """Bytes → (text with "\\n" newlines, codec name, problems)."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode_reporting(data, codec, shown)
    # Before UTF-8: UTF-16 Arabic (bytes like 0x27 0x06) is also valid, meaningless, UTF-8.
    codec = _utf16_without_bom(data)
    if codec:
        return _decode_reporting(data, codec, shown)
    try:
        return unify_newlines(data.decode("utf-8")), "utf-8", []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    codec = _legacy_arabic_codec(data)
    if codec:
        return _decode_reporting(data, codec, shown)
    text, _, _ = _decode_reporting(data, "utf-8", shown)
    return text, "utf-8", [Problem(shown, f"is not valid UTF-8 (first bad byte at offset {first_bad}) "
                                          "nor a known Arabic encoding; bad bytes shown as �",
                                   _line_at(data, first_bad), hint="re-save the file as UTF-8")]


def unify_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_reporting(data: bytes, codec: str, shown: str) -> tuple[str, str, list[Problem]]:
    try:
        return unify_newlines(data.decode(codec)), codec, []
    except UnicodeDecodeError as exc:
        return (unify_newlines(data.decode(codec, errors="replace")), codec,
                [Problem(shown, f"has bytes that are not valid {codec} (first at offset {exc.start}); "
                                "shown as �", _line_at(data, exc.start) if codec.startswith("utf-8") else 0,
                         hint="re-save the file as UTF-8")])


def _line_at(data: bytes, offset: int) -> int:
    """The 1-based line of a byte offset (counting LF, as the decoded text does)."""
    return data.count(b"\n", 0, offset) + 1


def _binary_kind(data: bytes) -> str | None:
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    if any(data.startswith(bom) for bom, _ in BOMS):
        return None
    if b"\x00" in data[:4096] and not _utf16_without_bom(data):
        return "binary data (it contains NUL bytes)"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM has a NUL in nearly every other byte (for ASCII) or a run of
    0x06 high bytes (for Arabic, U+06xx)."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for high, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        share = sum(1 for b in high if b in (0x00, 0x06, 0x20)) / len(high)
        if share > 0.9:
            return codec
    return None


def _legacy_arabic_codec(data: bytes) -> str | None:
    best = from_bytes(data, cp_isolation=list(LEGACY_ARABIC_CODECS)).best()
    return best.encoding if best else None
