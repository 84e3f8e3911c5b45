"""The reader's view as a value (dashboard/view.py): what a link means, what it drops, what it writes back.

No Streamlit and no database: the choices are given here as a reader's data would offer them.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.view import PARAMS, Choices, Dropped, Selection, View, parse

CHOICES = Choices(
    states_under_review=("Atlantis", "Cambodia"),
    cycles_of={"Cambodia": (1, 2, 3), "Atlantis": (2,)},
    recommending_states=("Côte d'Ivoire", "France", "Germany", "Netherlands (Kingdom of the)"),
    regional_groups=("African", "WEOG"),
    themes=("Elections", "Women's rights"),
    ministries=("MOJ", "MOI"),
    recommendation_exists=lambda rec: rec in {"KHM-C2-118.5"},
)


def test_a_bare_link_means_todays_default_and_writes_it_out():
    parsed = parse({}, CHOICES)
    assert parsed.view.selection == Selection("Cambodia", 3)
    assert parsed.view.link() == "/?sur=Cambodia&cycle=3"  # tomorrow's default may be cycle 4


def test_a_link_always_names_state_under_review_and_cycle_and_khmer():
    view = parse({"cycle": ["all"], "lang": ["km"]}, CHOICES).view
    assert parse_qs(urlsplit(view.link()).query) == {"sur": ["Cambodia"], "cycle": ["all"], "lang": ["km"]}
    assert view.on("noted").link() == "/noted?sur=Cambodia&cycle=all&lang=km"


def test_the_default_cycle_is_the_chosen_state_under_reviews_latest():
    assert parse({"sur": ["Atlantis"]}, CHOICES).view.selection.cycle == 2


def test_spelling_differences_are_not_errors_but_misspellings_get_a_suggestion():
    parsed = parse(
        {"state": ["france", "Cote d'Ivoire", "Frnace", "Co\u0302te d'Ivoire"], "theme": ["ELECTIONS"]},
        CHOICES,
    )
    # A decomposed accent (text copied from a PDF) is the same name, found silently.
    assert parsed.view.selection.recommending_states == ("France", "Côte d'Ivoire")
    assert parsed.view.selection.themes == ("Elections",)
    assert Dropped("state", "Frnace", "France") in parsed.dropped
    assert Dropped("state", "Cote d'Ivoire", "Côte d'Ivoire") in parsed.dropped
    decomposed = parse({"state": ["Co\u0302te d\u2019Ivoire"]}, CHOICES)
    assert decomposed.dropped[0].suggestion == "Côte d'Ivoire"  # a curly apostrophe is another name


def test_page_owned_values_are_checked_on_their_page_and_ignored_elsewhere():
    on_page = parse(
        {"by": ["[click me](https://example.org) **bold**"], "role": ["xyz"]}, CHOICES, "acceptance"
    )
    assert on_page.view.order == "count"
    assert [d.key for d in on_page.dropped] == ["by"]  # role belongs to another page
    assert parse({"role": ["xyz"]}, CHOICES, "ministries").dropped == (Dropped("role", "xyz"),)
    assert parse({"rec": ["NOPE"]}, CHOICES, "explore").dropped == (Dropped("rec", "NOPE"),)
    assert parse({"rec": ["KHM-C2-118.5"]}, CHOICES, "explore").view.rec == "KHM-C2-118.5"
    elsewhere = parse({"rec": ["KHM-C2-118.5"], "by": ["rate"]}, CHOICES, "noted")
    assert (elsewhere.view.rec, elsewhere.view.order, elsewhere.dropped) == ("", "count", ())


def test_page_owned_values_are_written_only_on_their_page():
    view = View(Selection("Cambodia", 2), page="acceptance", order="rate")
    assert view.link() == "/acceptance?sur=Cambodia&cycle=2&by=rate"
    assert view.link("states") == "/states?sur=Cambodia&cycle=2"


def test_an_oversized_or_repeated_value_is_dropped_and_named():
    parsed = parse({"q": ["x" * 201], "state": ["France"] * 60}, CHOICES)
    assert parsed.view.selection.search == ""
    assert {d.reason for d in parsed.dropped} == {"too_long", "too_many"}
    assert parse({"q": ["  land   rights "]}, CHOICES).view.selection.search == "land rights"


def test_keys_no_page_uses_are_reported_apart_and_streamlits_own_are_not():
    parsed = parse({"fbclid": ["abc"], "embed": ["true"]}, CHOICES)
    assert parsed.unknown_keys == ("fbclid",)
    assert parsed.dropped == ()


WIRE = {
    "sur": st.sampled_from(CHOICES.states_under_review),
    "cycle": st.sampled_from(["1", "2", "3", "all"]),
    "response": st.sampled_from(["any", "supported", "noted"]),
    "state": st.lists(st.sampled_from(CHOICES.recommending_states), max_size=3, unique=True),
    "region": st.sampled_from(["any", *CHOICES.regional_groups]),
    "theme": st.lists(st.sampled_from(CHOICES.themes), max_size=2, unique=True),
    "ministry": st.lists(st.sampled_from(CHOICES.ministries), max_size=2, unique=True),
    "status": st.sampled_from(["any", "implemented", "not_implemented"]),
    "assessor": st.sampled_from(["any", "government", "civil_society"]),
    "q": st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30),
    "lang": st.sampled_from(["en", "km"]),
    "by": st.sampled_from(["count", "rate"]),
    "role": st.sampled_from(["lead", "all"]),
    "rec": st.sampled_from(["", "KHM-C2-118.5"]),
}
LINKS = st.fixed_dictionaries(
    {},
    optional={
        key: strategy.map(lambda v: v if isinstance(v, list) else [v]) for key, strategy in WIRE.items()
    },
)


@settings(max_examples=400, deadline=None)
@given(params=LINKS, page=st.sampled_from(["", "acceptance", "ministries", "explore", "noted"]))
def test_a_views_link_reopens_the_same_view(params, page):
    first = parse(params, CHOICES, page)
    assert first.dropped == ()  # every value here is one the data offers
    again = parse(parse_qs(urlsplit(first.view.link()).query), CHOICES, page)
    assert again.view == first.view
    assert again.dropped == ()


def test_every_declared_parameter_is_written_by_some_view():
    written = {key for key, _ in View(Selection("Cambodia", 2, "noted", ("France",), "WEOG", ("Elections",),
               ("MOJ",), "implemented", "government", "land"), lang="km").to_params()}  # fmt: skip
    for page, key in (("acceptance", "by"), ("ministries", "role"), ("explore", "rec")):
        value = {"by": "rate", "role": "all", "rec": "KHM-C2-118.5"}[key]
        view = View(Selection("Cambodia", 2), page=page, **{"by": {"order": value}, "role": {"role": value},
                    "rec": {"rec": value}}[key])  # fmt: skip
        written |= {k for k, _ in view.to_params()}
    assert written == {p.key for p in PARAMS}
