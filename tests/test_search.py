"""Search forgives what phones and PDFs do to text: the same folding on both sides (curly apostrophes
and quotes, dashes, Unicode forms, case in any script, Khmer zero-width spaces), and a "did you mean"
for a mistyped state or theme."""

from __future__ import annotations

import csv
import shutil

import duckdb
import pytest

from dashboard.data.filtering import where
from dashboard.search import fold, suggestions, terms
from dashboard.view import Selection
from tests.conftest import GOLDEN, build_database

# Made-up texts (never a source's) spelt as real files spell them.
TEXTS = {
    "ATL-C2-20.4": "Protect women\u2019s rights defenders",
    "ATL-C2-20.5": "Adopt the anti-corruption law",
    "ATL-C2-20.6": "Soutenir l'e\u0301cole publique",
    "ATL-C2-20.7": "Защитить СВОБОДУ прессы",
    "ATL-C2-20.8": "ការពារ\u200bសិទ្ធិ\u200bស្ត្រី",
    "ATL-C2-20.9": "Ratify the \u201cOptional Protocol\u201d promptly",
}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    folder = tmp_path_factory.mktemp("search")
    data = shutil.copytree(GOLDEN, folder / "data")
    path = data / "recommendations.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    template = next(r for r in rows if r["id"] == "ATL-C2-20.2")
    for number, (rec_id, text) in enumerate(TEXTS.items(), start=4):
        rows.append(template | {"id": rec_id, "paragraph": f"20.{number}", "text": text, "themes": "Justice"})
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    connection = duckdb.connect(str(build_database(data, folder / "db")), read_only=True)
    yield connection
    connection.close()


def found(con, q: str) -> set[str]:
    condition, params = where(Selection("Atlantis", None, search=q))
    sql = f"SELECT r.id FROM recommendations r WHERE {condition}"  # noqa: S608 (where() gives parameters)
    return {row[0] for row in con.execute(sql, params).fetchall()}


@pytest.mark.parametrize(
    "typed, plain",
    [
        ("women\u2019s", "women's"),  # a phone's apostrophe; the data has the other one too
        ("anti\u2013corruption", "anti-corruption"),  # an en dash
        ("ANTI\u2014CORRUPTION", "anti-corruption"),  # an em dash, in capitals
        ("e\u0301cole", "\u00e9cole"),  # a decomposed accent against a composed one
        ("свободу", "СВОБОДУ"),  # case in another script
        ("ការពារសិទ្ធិ", "ការពារ\u200bសិទ្ធិ"),  # Khmer without the zero-width space the data has
        ("\u201coptional protocol\u201d", '"Optional Protocol"'),  # curly quotes make a phrase too
    ],
)
def test_look_alikes_find_the_same_recommendations(con, typed, plain):
    assert found(con, typed) == found(con, plain) != set()


def test_each_made_up_text_is_found_by_its_plain_spelling(con):
    assert "ATL-C2-20.4" in found(con, "women's rights defenders")
    assert found(con, "anti-corruption") == {"ATL-C2-20.5"}
    assert found(con, "école") == {"ATL-C2-20.6"}
    assert found(con, "свободу прессы") == {"ATL-C2-20.7"}
    assert found(con, "ការពារសិទ្ធិស្ត្រី") == {"ATL-C2-20.8"}
    assert found(con, '"optional protocol"') == {"ATL-C2-20.9"}
    assert found(con, '"protocol optional"') == set()  # a phrase keeps its order


def test_a_search_reads_phrases_with_any_quotes_and_keeps_apostrophes():
    assert terms("women\u2019s \u201cfreedom of expression\u201d land") == [
        "women\u2019s",
        "freedom of expression",
        "land",
    ]
    assert terms('say "unbalanced') == ["say", "unbalanced"]
    assert fold("Women\u2019s \u201cRIGHTS\u201d \u2013 e\u0301\u200b") == 'women\'s "rights" - é'


NAMES = {
    "state": {"France": "បារាំង", "Republic of Korea": "កូរ៉េខាងត្បូង"},
    "theme": {"Right to education": "សិទ្ធិទទួលបានការអប់រំ", "Justice": "យុត្តិធម៌"},
}


def test_did_you_mean_a_mistyped_state_or_theme():
    hints = suggestions("Frnace eductaion land", NAMES)
    assert [(h.typed, h.name, h.kind) for h in hints] == [
        ("Frnace", "France", "state"),
        ("eductaion", "Right to education", "theme"),
    ]
    assert [h.name for h in suggestions("ប្រារាំង", NAMES)] == ["France"]  # a misspelt Khmer name
    assert suggestions("France education justice", NAMES) == []  # spelt right: nothing to suggest
    assert suggestions("land", NAMES) == []  # too short to guess


def test_the_explorer_offers_the_name_and_a_click_makes_it_a_filter(run_page, golden_db):
    at = run_page(golden_db, "explore", {"cycle": "all", "q": "Frnace"})
    assert any("Did you mean France" in i.value for i in at.info)
    assert "0 recommendations" in [s.value for s in at.subheader]
    at.button(key="suggest_filter_0").click().run()
    assert at.multiselect(key="state").value == ["France"]
    assert at.text_input(key="q").value == ""
    assert "3 recommendations" in [s.value for s in at.subheader]


def test_the_search_button_puts_the_right_spelling_in_the_box(run_page, golden_db):
    at = run_page(golden_db, "explore", {"cycle": "all", "q": "Frnace courts"})
    at.button(key="suggest_search_0").click().run()
    assert at.text_input(key="q").value == "France courts"
    assert "1 recommendation" in [s.value for s in at.subheader]
