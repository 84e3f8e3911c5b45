"""The reader's view as a value (dashboard/view.py): what a link means, what it drops, what it writes back.

No Streamlit and no database: the choices are given here as a reader's data would offer them.
"""

from __future__ import annotations

from datetime import date
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
    chain_exists=lambda chain: chain in {"KHM-C1-82.11"},
    first_assessment=date(2016, 5, 1),
    built=date(2026, 11, 30),
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
    "plan": st.sampled_from(["any", "overdue", "no_plan"]),
    "q": st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30),
    "lang": st.sampled_from(["en", "km"]),
    "by": st.sampled_from(["count", "rate"]),
    "role": st.sampled_from(["lead", "all"]),
    "rec": st.sampled_from(["", "KHM-C2-118.5"]),
    "chain": st.sampled_from(["", "KHM-C1-82.11"]),
    "sdg": st.sampled_from(["any", "1", "16", "17"]),
    "as_of": st.dates(date(2016, 5, 1), date(2026, 11, 30)).map(date.isoformat),
}
LINKS = st.fixed_dictionaries(
    {},
    optional={
        key: strategy.map(lambda v: v if isinstance(v, list) else [v]) for key, strategy in WIRE.items()
    },
)


@settings(max_examples=400, deadline=None)
@given(
    params=LINKS,
    page=st.sampled_from(["", "acceptance", "ministries", "plan", "explore", "noted", "recurring"]),
)
def test_a_views_link_reopens_the_same_view(params, page):
    first = parse(params, CHOICES, page)
    assert first.dropped == ()  # every value here is one the data offers
    again = parse(parse_qs(urlsplit(first.view.link()).query), CHOICES, page)
    assert again.view == first.view
    assert again.dropped == ()


def test_every_declared_parameter_is_written_by_some_view():
    written = {key for key, _ in View(Selection("Cambodia", 2, "noted", ("France",), "WEOG", ("Elections",),
               ("MOJ",), "implemented", "government", "land", "16", date(2020, 1, 1), plan="overdue"), lang="km").to_params()}  # fmt: skip
    for page, key in (
        ("acceptance", "by"),
        ("ministries", "role"),
        ("explore", "rec"),
        ("recurring", "chain"),
    ):
        value = {"by": "rate", "role": "all", "rec": "KHM-C2-118.5", "chain": "KHM-C1-82.11"}[key]
        view = View(Selection("Cambodia", 2), page=page, **{"by": {"order": value}, "role": {"role": value},
                    "rec": {"rec": value}, "chain": {"chain": value}}[key])  # fmt: skip
        written |= {k for k, _ in view.to_params()}
    assert written == {p.key for p in PARAMS}


def test_a_day_in_range_is_a_view_as_of_that_day_and_is_written_back():
    parsed = parse({"as_of": [" 2017-03-01 "], "sdg": ["16"]}, CHOICES, "ministries")
    assert parsed.dropped == ()
    assert (parsed.view.selection.as_of, parsed.view.selection.sdg) == (date(2017, 3, 1), "16")
    assert parsed.view.link() == "/ministries?sur=Cambodia&cycle=3&sdg=16&as_of=2017-03-01"
    # The first assessment's day and the build's day are both in range.
    assert parse({"as_of": ["2016-05-01"]}, CHOICES).view.selection.as_of == date(2016, 5, 1)
    assert parse({"as_of": ["2026-11-30"]}, CHOICES).view.selection.as_of == date(2026, 11, 30)


def test_a_day_the_data_cannot_answer_for_is_dropped_with_its_reason_and_the_nearest_day():
    early = parse({"as_of": ["2016-04-30"]}, CHOICES)
    assert early.view.selection.as_of is None  # statuses as they stand now
    assert early.dropped == (Dropped("as_of", "2016-04-30", "2016-05-01", reason="too_early"),)
    late = parse({"as_of": ["2026-12-01"]}, CHOICES)
    assert late.dropped == (Dropped("as_of", "2026-12-01", "2026-11-30", reason="too_late"),)
    for text in ("2023-02-30", "01/03/2017", "20170301", "2017-W01", "2017-03-01T00:00", "", "yesterday"):
        assert parse({"as_of": [text]}, CHOICES).dropped == (Dropped("as_of", text, reason="not_a_date"),), (
            text
        )
    none_yet = Choices(("Cambodia",), {"Cambodia": (1,)}, (), (), (), ())
    assert parse({"as_of": ["2020-01-01"]}, none_yet).dropped[0].reason == "no_assessments"
    # The last valid day wins, as for every single-valued key; the bad one is still named.
    both = parse({"as_of": ["2018-01-01", "nope"]}, CHOICES)
    assert (both.view.selection.as_of, [d.value for d in both.dropped]) == (date(2018, 1, 1), ["nope"])


def test_a_goal_is_one_of_the_seventeen_and_a_chain_must_exist_on_its_own_page():
    assert parse({"sdg": ["SDG 16"]}, CHOICES).dropped[0].key == "sdg"
    assert parse({"sdg": ["18"]}, CHOICES).dropped == (
        Dropped("sdg", "18", None),
    )  # Cambodia's CSDG 18 is no UN goal
    assert parse({"sdg": ["any"]}, CHOICES).view.selection.sdg is None
    assert parse({"chain": ["KHM-C1-82.11"]}, CHOICES, "recurring").view.chain == "KHM-C1-82.11"
    assert parse({"chain": ["KHM-C9-1"]}, CHOICES, "recurring").dropped == (Dropped("chain", "KHM-C9-1"),)
    assert parse({"chain": ["KHM-C1-82.11"]}, CHOICES, "explore").view.chain == ""


def test_the_plan_filter_is_a_link_value_and_its_day_is_not():
    """``?plan=`` reopens the same filter; the session's day (on which overdue is judged when no
    ``as_of`` is chosen) comes from the session, never from a link."""
    parsed = parse({"plan": ["Overdue"], "today": ["2000-01-01"]}, CHOICES, "plan", today=date(2026, 11, 30))
    assert (parsed.view.selection.plan, parsed.view.selection.today) == ("overdue", date(2026, 11, 30))
    assert parsed.view.link() == "/plan?sur=Cambodia&cycle=3&plan=overdue"
    assert parsed.dropped == ()
    assert parse({"plan": ["NO_PLAN"]}, CHOICES).view.selection.plan == "no_plan"
    assert parse({"plan": ["no plan"]}, CHOICES).dropped == (Dropped("plan", "no plan", "no_plan"),)
