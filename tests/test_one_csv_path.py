"""One way to read a CSV (issue 11): the build and every importer decode files alike, and a build reads
each file once, recording the hash of the very bytes it published."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import duckdb

from etl import build
from tests.conftest import ROOT, read_csv, run_import

EXPORT_HEADER = "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session"


def test_no_module_decodes_or_parses_csv_by_itself():
    """Encodings, BOM, line ends, delimiters and Excel's sep= line are etl/decode.py's job alone."""
    own = re.compile(r"csv\.(reader|DictReader)\(|\.decode\(\"(utf|mac|cp)|read_text\(encoding=\"utf-8-sig")
    # Not a user's CSV: the importers' own UTF-8 table shipped in the repository, and a JSON export.
    exempt = {"etl/importers/countries.py": "_GROUPS_FILE", "etl/importers/uhri.py": "json.loads"}
    offenders = []
    for path in sorted((ROOT / "etl").rglob("*.py")):
        name = str(path.relative_to(ROOT))
        lines = path.read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines, start=1):
            context = "\n".join(lines[max(0, n - 3) : n])
            if name != "etl/decode.py" and own.search(line) and exempt.get(name, "\0") not in context:
                offenders.append(f"{name}:{n}")
    assert offenders == []


def test_an_import_keeps_the_rows_of_a_states_file_excel_saved_with_a_sep_line(tmp_path, capsys):
    """The importer reads data/ the way the build does: a French Excel's states.csv is not lost."""
    out = tmp_path / "data"
    out.mkdir()
    (out / "states.csv").write_bytes(
        "sep=;\r\nname;iso3;regional_group\r\nAtlantis;;other\r\n".encode("cp1252")
    )
    export = tmp_path / "export.csv"
    export.write_text(f"{EXPORT_HEADER}\nCambodia,Asia,,Ratify,France,WEOG,,Accepted,4,Justice,6\n")
    status, _, err = run_import(capsys, "upr-info", export, "--out", out)
    assert status == 0, err
    names = [row["name"] for row in read_csv(out / "states.csv")]
    assert names == ["Atlantis", "Cambodia", "France"]


def test_a_paragraph_list_with_a_line_break_in_a_quoted_text_is_read_whole(tmp_path, capsys):
    """Paragraph lists were split on every line break, quoted ones too: a text with one lost its row."""
    export = tmp_path / "export.csv"
    export.write_text(
        f"{EXPORT_HEADER}\n"
        "Cambodia,Asia,,Ratify the convention,France,WEOG,,Accepted,4,Justice,6\n"
        "Cambodia,Asia,,Protect defenders,Chad,African,,Noted,3,Justice,6\n"
    )
    plist = tmp_path / "paragraphs.csv"
    plist.write_text(
        "paragraph,state_under_review,session,wg_report_symbol,recommending_state,upr_info_text\r\n"
        '82.1,Cambodia,6,A/HRC/13/4,France,"Ratify the\r\nconvention"\r\n'
        "82.2,Cambodia,6,A/HRC/13/4,Chad,Protect defenders\r\n"
    )
    status, _, err = run_import(capsys, "upr-info", export, "--paragraphs", plist, "--out", tmp_path / "data")
    assert status == 0, err
    rows = read_csv(tmp_path / "data" / "recommendations.csv")
    assert [(r["id"], r["paragraph"], r["recommending_states"]) for r in rows] == [
        ("KHM-C1-82.1", "82.1", "France"),
        ("KHM-C1-82.2", "82.2", "Chad"),
    ]


def test_a_build_reads_each_file_once_and_records_the_hash_of_what_it_read(golden_dir, tmp_path, monkeypatch):
    reads: list[str] = []
    real = Path.read_bytes

    def counted(self: Path) -> bytes:
        reads.append(self.name)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    database = tmp_path / "out" / "upr.duckdb"
    build.run(golden_dir, database)
    tables = sorted(p.name for p in golden_dir.glob("*.csv"))
    assert sorted(r for r in reads if r.endswith(".csv")) == tables
    with duckdb.connect(str(database), read_only=True) as con:
        recorded = dict(con.execute("SELECT file, sha256 FROM source_files").fetchall())
    assert recorded == {name: hashlib.sha256(real(golden_dir / name)).hexdigest() for name in tables}
