"""The government's plan on screen (issue 17): the page's figures, overdue actions, an indicator's chart,
the overdue / no-plan filter on every page, the Overview's coverage and the plan in the Explorer."""

from __future__ import annotations

import datetime as dt

from tests.conftest import build_database
from tests.etl_helpers import write
from tests.pages_helpers import charts, numbers

MOEYS = "Ministry of Education, Youth and Sport"


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def table_with(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_the_figures_a_reader_sees_and_that_they_add_up(run_page, golden_db):
    at = run_page(golden_db, "plan", {"cycle": "all"})
    assert not at.exception
    shown = metrics(at)
    # tests/fixtures/golden/README.md: 3 of 7 supported have a plan; A1 answers two, so 4 pairs.
    assert shown["Supported recommendations with a plan"] == "3 of 7"
    assert (shown["No plan"], shown["Actions"], shown["Action × recommendation"]) == ("4", "3", "4")
    assert (shown["Done"], shown["On track"], shown["Overdue"]) == ("0", "2", "2")
    assert shown["With an overdue action"] == "2"
    assert any("4 = 0 done + 2 on track + 2 overdue" in c.value for c in at.caption)
    assert any("counts once for each of them" in m.value for m in at.markdown)
    per = table_with(at, "with_plan").set_index("ministry")
    assert per.loc[MOEYS, ["actions", "with_plan", "overdue", "no_plan"]].tolist() == [1, 2, 2, 1]
    assert per.loc["no lead assigned", "no_plan"] == 3  # cycle 1's recommendations have no assignment
    assert per[["done", "on_track", "overdue"]].to_numpy().sum() == 4
    assert any("illustrative" in w.value for w in at.warning)


def test_an_action_past_its_due_date_on_a_recommendation_not_implemented_shows_as_overdue(
    run_page, golden_dir, tmp_path
):
    today = dt.date.today()
    yesterday, tomorrow = today - dt.timedelta(days=1), today + dt.timedelta(days=1)
    write(
        golden_dir / "actions.csv",
        "id,recommendation_ids,ministry_id,description,start_date,due_date,source,illustrative\n"
        f"LATE,ATL-C2-20.3,MOJ,Pass the law,2016-01-01,{yesterday},Plan,false\n"
        f"SOON,ATL-C2-20.3,MOJ,Publish the law,2016-01-01,{tomorrow},Plan,false\n"
        f"CLAIMED,ATL-C2-20.2,MOEYS,Open schools,2016-01-01,{yesterday},Plan,false\n",
    )
    write(golden_dir / "indicators.csv", (golden_dir / "indicators.csv").read_text().split("\n")[0] + "\n")
    write(
        golden_dir / "indicator_values.csv",
        (golden_dir / "indicator_values.csv").read_text().split("\n")[0] + "\n",
    )
    at = run_page(build_database(golden_dir, tmp_path), "plan", {"cycle": "all"})
    actions = table_with(at, "action_id").set_index("action_id")
    # 20.3: civil society's latest says partially implemented; 20.2: not implemented (the government says done).
    assert actions.loc["LATE", "plan_state"] == "Overdue"
    assert actions.loc["SOON", "plan_state"] == "On track"
    assert (actions.loc["CLAIMED", "plan_state"], actions.loc["CLAIMED", "government_plan_state"]) == (
        "Overdue",
        "Done",
    )
    assert str(actions.loc["LATE", "due_date"])[:10] == yesterday.isoformat()
    assert metrics(at)["Overdue"] == "2"


def test_an_indicator_s_chart_shows_its_baseline_values_and_target(run_page, golden_db):
    at = run_page(golden_db, "plan", {"cycle": "all"})
    assert at.selectbox(key="plan_indicator").value == "ATL-I1"
    figure = next(
        c for c in charts(at) if c["layout"]["title"]["text"].startswith("Schools with trained teachers")
    )
    assert figure["layout"]["title"]["text"] == "Schools with trained teachers (%)"
    traces = {t["name"]: t for t in figure["data"]}
    baseline = traces["Baseline 12 (2015-01-01)"]
    assert (baseline["x"], numbers(baseline, "y")) == (["2015-01-01T00:00:00"], [12.0])
    government = traces["Government"]  # from the baseline through its reports
    assert numbers(government, "y") == [12.0, 20.0, 30.0]
    assert government["x"][-1].startswith("2017-06-01")
    assert numbers(traces["Civil society"], "y") == [12.0, 25.0]
    target = traces["Target 50 by 2017-12-31"]
    assert (target["x"][0][:10], numbers(target, "y")) == ("2017-12-31", [50.0])
    assert figure["layout"]["shapes"][0]["x0"].startswith("2017-12-31")  # the target date, down the chart
    assert figure["layout"]["yaxis"]["title"]["text"] == "%"
    summary = "baseline 12 % (Jan 1, 2015); Government reported 20 % (Jun 1, 2016)"
    assert any(summary in c.value.replace("\\", "") for c in at.caption)


def test_the_plan_filter_on_the_explorer_through_the_link(run_page, golden_db):
    at = run_page(golden_db, "explore", {"cycle": "all", "plan": "overdue"})
    assert at.selectbox(key="plan").value == "overdue"
    assert set(table_with(at, "recommending_states")["id"]) == {"ATL-C2-20.2", "ATL-C2-20.3"}
    at = run_page(golden_db, "explore", {"cycle": "all", "plan": "no_plan"})
    assert set(table_with(at, "recommending_states")["id"]) == {
        "ATL-C1-10.1",
        "ATL-C1-10.2",
        "ATL-C1-10.4",
        "ILLUS-ATL-C3-003",
    }
    assert any(t.value.endswith("plan: No plan") for t in at.text)  # the link box says it in words


def test_the_plan_page_under_its_own_filter(run_page, golden_db):
    at = run_page(golden_db, "plan", {"cycle": "all", "plan": "no_plan"})
    assert metrics(at)["Supported recommendations with a plan"] == "0 of 4"
    assert len(table_with(at, "civil_society_status")) == 4
    at = run_page(golden_db, "plan", {"cycle": "all", "plan": "overdue"})
    assert metrics(at)["Supported recommendations with a plan"] == "2 of 2"


def test_the_overview_says_how_many_supported_recommendations_have_a_plan(run_page, golden_db):
    label = "Supported recommendations with a plan"
    assert metrics(run_page(golden_db, "", {"cycle": "all"}))[label] == "3 of 7"
    at = run_page(golden_db, "", {"cycle": "3"})
    assert metrics(at)[label] == "1 of 2"
    note = "Of these plans, 1 include illustrative actions: made up, not the government's."
    assert note in [c.value for c in at.caption]
    cycle_2 = run_page(golden_db, "", {"cycle": "2"})
    assert metrics(cycle_2)[label] == "2 of 2"
    assert not any("illustrative actions" in c.value for c in cycle_2.caption)


def test_a_recommendation_s_detail_shows_its_plan_beside_both_assessments(run_page, golden_db):
    at = run_page(golden_db, "explore", {"cycle": "all", "rec": "ATL-C2-20.3"})
    assert "The government's plan for it" in [s.value for s in at.subheader]
    plan = table_with(at, "government_plan_state").set_index("action_id")
    assert plan.loc["ATL-A1", ["plan_state", "government_plan_state", "indicator"]].tolist() == [
        "Overdue",
        "Overdue",
        "Schools with trained teachers",
    ]
    assert (plan.loc["ATL-A2", "plan_state"], plan.loc["ATL-A1", "latest_value"]) == ("On track", 25.0)
    at = run_page(golden_db, "explore", {"cycle": "all", "rec": "ATL-C1-10.1"})
    assert any("No action of the government's plan" in i.value for i in at.info)
    at = run_page(golden_db, "explore", {"cycle": "all", "rec": "ATL-C2-20.1"})
    noted = "Only supported recommendations are planned for; this one is: Noted."
    assert any(noted in i.value for i in at.info)


def test_in_khmer(run_page, golden_db):
    at = run_page(golden_db, "plan", {"cycle": "all", "lang": "km"})
    assert not at.exception
    assert at.title[0].value == "ផែនការរបស់រដ្ឋាភិបាល"
    assert metrics(at)["អនុសាសន៍ដែលបានគាំទ្រ ដែលមានផែនការ"] == "3 នៃ 7"


def test_a_view_as_of_a_past_day_judges_the_plan_on_that_day(run_page, golden_db):
    """?as_of= (statuses as they stood then) judges due dates on that day too: ATL-A1, due 2017-12-31,
    was on track on 2017-06-01, and its indicator had only the values reported by then."""
    at = run_page(golden_db, "plan", {"cycle": "all", "as_of": "2017-06-01"})
    actions = table_with(at, "action_id").set_index(["action_id", "recommendation_id"])
    assert actions.loc[("ATL-A1", "ATL-C2-20.2"), "plan_state"] == "On track"
    assert metrics(at)["Overdue"] == "0"
    figure = next(c for c in charts(at) if c["layout"]["title"]["text"].startswith("Schools with trained"))
    assert numbers(next(t for t in figure["data"] if t["name"] == "Government"), "y") == [12.0, 20.0, 30.0]
    assert not any(t["name"] == "Civil society" for t in figure["data"])  # its 25 came on 2017-09-01
    explorer = run_page(golden_db, "explore", {"cycle": "all", "plan": "overdue", "as_of": "2017-06-01"})
    assert any("No recommendation matches" in i.value for i in explorer.info)  # none was overdue then
