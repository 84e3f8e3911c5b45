"""Turn whatever a spreadsheet saved into clean UTF-8 text with LF line endings, or say why not.

Excel alone writes UTF-8 with a BOM ("CSV UTF-8"), UTF-16 ("Unicode text", tab-separated),
Windows-1252 ("CSV") and, on old Macs, Mac Roman with CR line endings. Each is recognised here so
that the rest of the ETL only ever sees one encoding and one line ending.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from etl.problems import Problem


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # what the file was, for the build summary
    delimiter: str
    as_on_disk: bool = False  # the text is the file's bytes exactly (UTF-8, no BOM, no CR)


def decode_file(path: Path) -> tuple[Decoded | None, list[Problem]]:
    """Read ``path`` and return its text, or the problems that stop it from being read."""
    raw = path.read_bytes()
    name = path.name
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
    # Excel's "Unicode text" export is tab-separated, and its "CSV" in locales with a decimal comma
    # (French, German...) uses semicolons; column names contain neither, so the header tells.
    first_line = text.split("\n", 1)[0]
    delimiter = max(("\t", ";"), key=first_line.count)
    if first_line.count(delimiter) <= first_line.count(","):
        delimiter = ","
    return Decoded(text, encoding, delimiter, as_on_disk), []


def _to_text(raw: bytes) -> tuple[str, str]:
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "UTF-8 with BOM"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), "UTF-16"
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
    starts = []
    reader = csv.reader(io.StringIO(decoded.text), delimiter=decoded.delimiter)
    line = 1
    try:
        for _ in reader:
            starts.append(line)
            line = reader.line_num + 1
    except csv.Error:
        pass
    return starts
