"""The one way the project reads a CSV file: the build, every importer and the derive scripts.

Whatever a spreadsheet saved becomes clean UTF-8 text with LF line endings, or the problems that stop
it. Excel alone writes UTF-8 with a BOM ("CSV UTF-8"), UTF-16 ("Unicode text", tab-separated),
Windows-1252 ("CSV"), on old Macs Mac Roman with CR line endings, and, in locales with a decimal comma,
semicolon-separated files that may start with a ``sep=;`` line naming the separator. Each is recognised
here, so the rest of the project only ever sees one encoding, one line ending and known line numbers.
The bytes are read once: their SHA-256 is taken from the same read (provenance, change detection).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from etl.problems import Problem

# Signs of a lossy save or of digits to convert, looked for in the bytes (fast: a literal first byte)
# so that a clean file costs no per-cell check. Mojibake: a UTF-8 lead byte read as Windows-1252 (Ã, â,
# á...) followed by a continuation byte read the same way, then saved again as UTF-8.
_MOJIBAKE_BYTES = re.compile(
    rb"\xc3[\x82-\xb4](?:\xc2[\x80-\xbf]|\xe2[\x80-\x84]|\xc5[\x92\x93\xa0\xa1\xb8\xbd\xbe]|\xc6\x92|\xcb[\x86\x9c])"
)
MOJIBAKE_CHARS = (
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_MOJIBAKE_TEXT = re.compile(MOJIBAKE_CHARS)
KHMER_DIGITS = "០១២៣៤៥៦៧៨៩"
_KHMER_DIGIT_BYTES = re.compile(rb"\xe1\x9f[\xa0-\xa9]")
_KHMER_DIGIT_TEXT = re.compile(f"[{KHMER_DIGITS}]")

# Excel's first line naming the separator, as Excel writes it ("sep=;") and as a re-save may leave it
# (quoted, or followed by the empty cells of the other columns).
_SEP_LINE = re.compile(r' *"?sep=(.)"?[,;\t| ]*', re.IGNORECASE)


@dataclass(frozen=True)
class Decoded:
    text: str  # UTF-8 text with LF line endings, without a "sep=" line
    encoding: str  # what the file was, for the build summary
    delimiter: str
    as_on_disk: bool = False  # the text is the file's bytes exactly (UTF-8, no BOM, no CR, no sep=)
    sha256: str = ""  # of the bytes read (the file as it was when the build read it)
    header_line: int = 1  # the line a person sees the header on (2 after a "sep=" line)
    separator_line: bool = False  # the file declared its separator with Excel's "sep=" line
    lines: tuple[int, ...] | None = None  # the line (sheet row) of every record when not text, header first
    suspects: frozenset[str] = frozenset()  # "mojibake", "lost" (U+FFFD), "khmer_digits": cells to look at


class UnreadableFile(Exception):
    """A file the one reading path cannot turn into text; ``problems`` say why, with their lines."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def decode_file(path: Path) -> tuple[Decoded | None, list[Problem]]:
    """Read ``path`` once and return its text, or the problems that stop it from being read.

    Raises OSError when the file cannot be opened at all (the caller knows it exists).
    """
    raw = path.read_bytes()
    return decode_bytes(raw, path.name)


def decode_bytes(raw: bytes, name: str) -> tuple[Decoded | None, list[Problem]]:
    """The text of a CSV file's bytes (``name`` is used in problems), or the problems."""
    digest = hashlib.sha256(raw).hexdigest()
    if not raw.strip(b"\r\n\t \xef\xbb\xbf\xff\xfe\x00"):
        return None, [
            Problem(name, 1, "(file)", "", "the file is empty: expected a header row of column names")
        ]

    text, encoding = _to_text(raw)
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + text.count("\r", 0, nul) - text.count("\r\n", 0, nul) + 1
        return None, [
            Problem(
                name,
                line,
                "(file)",
                "\x00",
                "a NUL byte: expected plain text (re-save the file as CSV UTF-8)",
            )
        ]
    # CRLF and lone CR become LF; quoted line breaks inside cells become LF too.
    as_on_disk = encoding == "UTF-8" and "\r" not in text
    if not as_on_disk:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    first_line = text.split("\n", 1)[0] if len(text) < 4096 else text[:4096].split("\n", 1)[0]
    declared = _SEP_LINE.fullmatch(first_line)
    if declared:
        # Excel's separator line: it names the delimiter and is not part of the table.
        text = text[len(first_line) + 1 :]
        as_on_disk = False
        delimiter = declared.group(1)
        if not text.strip():
            return None, [
                Problem(name, 2, "(file)", "", "the file is empty: expected a header row of column names")
            ]
    else:
        delimiter = _sniff(first_line)
    return Decoded(
        text,
        encoding,
        delimiter,
        as_on_disk,
        sha256=digest,
        header_line=2 if declared else 1,
        separator_line=bool(declared),
        suspects=suspects(text, raw if encoding.startswith("UTF-8") else None),
    ), []


def suspects(text: str, utf8: bytes | None = None) -> frozenset[str]:
    """Which cell checks a file needs: none for plain ASCII (most files, at no cost).

    ``utf8``, the file's bytes when they are UTF-8, is searched instead of the text: a bytes pattern
    with a literal first byte scans 140 MB in a tenth of the time a character class over text takes.
    """
    if text.isascii():
        return frozenset()
    found = set()
    if "\ufffd" in text:
        found.add("lost")
    if (_MOJIBAKE_BYTES if utf8 is not None else _MOJIBAKE_TEXT).search(utf8 if utf8 is not None else text):
        found.add("mojibake")
    if (_KHMER_DIGIT_BYTES if utf8 is not None else _KHMER_DIGIT_TEXT).search(
        utf8 if utf8 is not None else text
    ):
        found.add("khmer_digits")
    return frozenset(found)


def _sniff(first_line: str) -> str:
    """The delimiter of a header line: column names contain no tabs or semicolons.

    Excel's "Unicode text" export is tab-separated, and its "CSV" in locales with a decimal comma
    (French, German...) uses semicolons.
    """
    delimiter = max(("\t", ";"), key=first_line.count)
    if first_line.count(delimiter) <= first_line.count(","):
        delimiter = ","
    return delimiter


def _to_text(raw: bytes) -> tuple[str, str]:
    # Undecodable bytes become U+FFFD, which validation reports as characters lost (never silently).
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "UTF-8 with BOM"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace"), "UTF-16"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    # Not UTF-8: a legacy single-byte encoding. Classic Mac files end lines with CR alone.
    if b"\r" in raw and b"\n" not in raw:
        return raw.decode("mac_roman"), "Mac Roman"
    return raw.decode("cp1252", errors="replace"), "Windows-1252"


def header_of(decoded: Decoded) -> list[str]:
    """The first record's cells (the column names), parsed as CSV."""
    # Only the first line: copying a 200 MB text to read a header cost most of a second.
    first = decoded.text[: decoded.text.find("\n") + 1] if "\n" in decoded.text else decoded.text
    return next(csv.reader(io.StringIO(first), delimiter=decoded.delimiter), [])


def record_lines(decoded: Decoded) -> list[int]:
    """The line each record starts on (record 0 is the header), counting quoted line breaks.

    Only called when there is something to report, so its cost is paid on the error path alone.
    """
    if decoded.lines is not None:
        return list(decoded.lines)
    return [line for line, _ in records(decoded)]


def records(decoded: Decoded) -> Iterator[tuple[int, list[str]]]:
    """Every record (header first) with the line it starts on; blank lines give an empty list.

    A malformed end of file (an unclosed quote) ends the records there; the build's own parser
    names that line.
    """
    reader = csv.reader(io.StringIO(decoded.text), delimiter=decoded.delimiter)
    offset = decoded.header_line - 1
    line = 1
    try:
        for index, cells in enumerate(reader):
            yield (decoded.lines[index] if decoded.lines else line + offset), cells
            line = reader.line_num + 1
    except csv.Error:
        return


def read_records(path: Path) -> tuple[Decoded, list[tuple[int, list[str]]]]:
    """Every record of a CSV file with its line, through the one decoding path.

    Raises UnreadableFile (empty, NUL bytes) and OSError (cannot be opened).
    """
    decoded, problems = decode_file(path)
    if decoded is None:
        raise UnreadableFile(problems)
    return decoded, list(records(decoded))


def read_dicts(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header as written and every non-blank row as (line, {column as written: cell}).

    Missing cells are ""; cells beyond the header are dropped. Raises as ``read_records``.
    """
    _, rows = read_records(path)
    if not rows:
        return [], []
    (_, header), body = rows[0], rows[1:]
    out = []
    for line, cells in body:
        if any(c.strip() for c in cells):
            out.append((line, {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header)}))
    return header, out
