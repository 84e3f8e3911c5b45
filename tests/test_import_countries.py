"""Country names: every spelling the sources use lands on one canonical name and ISO3."""

from __future__ import annotations

import csv

import pytest

from etl.importers.countries import regional_group, resolve, split_names
from etl.importers.model import ImportResult
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("spelling", "name", "iso3"),
    [
        ("Iran (Islamic Republic of)", "Iran (Islamic Republic of)", "IRN"),
        ("Iran", "Iran (Islamic Republic of)", "IRN"),
        ("Venezuela (Bolivarian Republic of)", "Venezuela (Bolivarian Republic of)", "VEN"),
        ("Bolivarian Republic of Venezuela", "Venezuela (Bolivarian Republic of)", "VEN"),
        ("Côte d'Ivoire", "Côte d'Ivoire", "CIV"),
        ("Cote d'Ivoire", "Côte d'Ivoire", "CIV"),
        ("Ivory Coast", "Côte d'Ivoire", "CIV"),
        ("Democratic People\u2019s Republic of Korea", "Democratic People's Republic of Korea", "PRK"),
        ("DPR Korea", "Democratic People's Republic of Korea", "PRK"),
        ("Laos", "Lao People's Democratic Republic", "LAO"),
        ("Lao People's Democratic Republic", "Lao People's Democratic Republic", "LAO"),
        ("Brunei", "Brunei Darussalam", "BRN"),
        ("Brunei Darussalam", "Brunei Darussalam", "BRN"),
        ("State of Palestine", "State of Palestine", "PSE"),
        ("Palestine", "State of Palestine", "PSE"),
        ("Holy See", "Holy See", "VAT"),
        ("Republic of Korea", "Republic of Korea", "KOR"),
        ("Viet Nam", "Viet Nam", "VNM"),
        ("Türkiye", "Turkey", "TUR"),
        ("Turkey", "Turkey", "TUR"),
        ("Czechia", "Czech Republic", "CZE"),
        ("United Kingdom", "United Kingdom", "GBR"),
        ("United Kingdom of Great Britain and Northern Ireland", "United Kingdom", "GBR"),
        ("United States", "United States", "USA"),
        ("United States of America", "United States", "USA"),
        ("St Kitts & Nevis", "Saint Kitts and Nevis", "KNA"),
        ("Macedonia FYR", "North Macedonia", "MKD"),
        ("  the Netherlands ", "Netherlands", "NLD"),
        ("Democratic Republic of Congo", "Democratic Republic of the Congo", "COD"),
        ("Republic of Congo", "Congo", "COG"),
        # current UN names, and the UN's bracketed forms read the other way round
        ("Netherlands (Kingdom of the)", "Netherlands", "NLD"),
        ("Kingdom of the Netherlands", "Netherlands", "NLD"),
        ("Congo (Democratic Republic of the)", "Democratic Republic of the Congo", "COD"),
        ("Korea (Republic of)", "Republic of Korea", "KOR"),
        ("Moldova (Republic of)", "Republic of Moldova", "MDA"),
        ("Gambia (Republic of The)", "Gambia", "GMB"),
        ("Türkiye (Republic of)", "Turkey", "TUR"),
        ("Eswatini", "Eswatini", "SWZ"),
        ("Swaziland", "Eswatini", "SWZ"),
        ("North Macedonia", "North Macedonia", "MKD"),
        ("Cabo Verde", "Cabo Verde", "CPV"),
        ("Burma", "Myanmar", "MMR"),
        # an accent decomposed, as text copied from a PDF has it
        ("Co\u0302te d'Ivoire", "Côte d'Ivoire", "CIV"),
        ("Sa\u0303o Tome\u0301 and Pri\u0301ncipe", "Sao Tome and Principe", "STP"),
    ],
)
def test_tricky_names_map_to_one_canonical_name(spelling: str, name: str, iso3: str) -> None:
    placed = resolve(spelling)
    assert placed is not None and (placed.name, placed.iso3) == (name, iso3)


@pytest.mark.parametrize("unknown", ["&#40;Unknown&#41;", "Texas", "Sovereign Order of Atlantis", ""])
def test_names_that_are_no_state_are_not_guessed(unknown: str) -> None:
    assert resolve(unknown) is None


def test_unplaced_name_is_kept_as_written_and_reported() -> None:
    result = ImportResult()
    name = result.state("&#40;Unknown&#41;", "&#40;Unknown&#41;")
    assert name == "(Unknown)"
    assert result.unplaced == {"(Unknown)": 1}
    assert result.states["(Unknown)"].iso3 == "" and result.states["(Unknown)"].regional_group == "other"


def test_regional_groups_come_from_the_un_table_first() -> None:
    assert regional_group("KHM") == "Asia-Pacific"
    assert regional_group("BRA", "Observer") == "GRULAC"
    assert regional_group("VAT", "Observer") == "other"
    assert regional_group("", "Africa") == "African"


def test_every_un_member_state_of_the_bundled_table_places_by_its_un_name() -> None:
    with (ROOT / "etl" / "importers" / "un_regional_groups.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 195
    misplaced = [
        (r["name"], r["iso3"]) for r in rows if (resolve(r["name"], fuzzy=False) or r).iso3 != r["iso3"]
    ]
    assert misplaced == []


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ("Bosnia and Herzegovina, Croatia", ["Bosnia and Herzegovina", "Croatia"]),
        (
            "Trinidad and Tobago and Saint Vincent and the Grenadines",
            ["Trinidad and Tobago", "Saint Vincent and the Grenadines"],
        ),
        ("Antigua and Barbuda, France, and Italy", ["Antigua and Barbuda", "France", "Italy"]),
        (
            "Sao Tome and Principe & Bosnia and Herzegovina",
            ["Sao Tome and Principe", "Bosnia and Herzegovina"],
        ),
        (
            "Netherlands (Kingdom of the), Venezuela (Bolivarian Republic of)",
            ["Netherlands (Kingdom of the)", "Venezuela (Bolivarian Republic of)"],
        ),
        ("France and Lemuria and Mu and Spain", ["France", "Lemuria and Mu", "Spain"]),
        ("Portugal; Slovakia", ["Portugal", "Slovakia"]),
    ],
)
def test_lists_of_names_split_longest_known_names_first(written: str, names: list[str]) -> None:
    assert split_names(written) == names


def test_a_decomposed_unplaced_name_is_one_name() -> None:
    result = ImportResult()
    assert result.state("Atla\u0301ntida") == result.state("Atlántida") == "Atlántida"
    assert result.unplaced == {"Atlántida": 2}
