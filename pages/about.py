"""About the data (/about): where every number comes from, what is made up, and how fresh it is."""

from datetime import date
from urllib.parse import urlsplit

import streamlit as st

from dashboard import components, headlines, names, page_filters, provenance, session, wording
from dashboard.data import about, overview
from dashboard.i18n import _, fmt_date, fmt_datetime, fmt_int, ngettext

version, view = session.version(), session.current()
f = view.selection
cycles = about.provenance(version, f.state_under_review)
counts = about.illustrative_counts(version, f.state_under_review)
info = overview.build_info(version)
files = about.source_files(version)
built, latest = info.get("built_at"), info.get("latest_assessment")
ROWS_OF = wording.rows_of_names()
COLUMNS = {"note": st.column_config.TextColumn(_("Note"), width="large")}

head = headlines.about_page(version, view)
st.title(head.title)
st.markdown(head.intro)
page_filters.draw(view)
components.illustrative_notice(about.illustrative_recommendations(version, f.state_under_review))

st.subheader(_("Sources, cycle by cycle"))
st.markdown(
    _(
        "Each review's loaded counts beside the official totals they must match, with the source of those totals and its note."
    )
)
if cycles.empty:
    st.info(_("No review of this state is loaded yet."))
else:
    provenance.sources(overview.reviews(version, f.state_under_review))
    with st.expander(_("Table and CSV: sources, cycle by cycle")):
        components.data_table(cycles, "sources", key="sources", column_config=COLUMNS)
    st.markdown(
        _("Where the recommendations themselves come from (an import names its file and download date):")
    )
    components.data_table(
        about.recommendation_sources(version, f.state_under_review),
        "recommendation-sources",
        key="rec_sources",
    )

st.subheader(_("What is illustrative"))
st.markdown(
    _(
        "Illustrative rows are made-up stand-ins for data not yet available: their ids start with ILLUS-, their "
        "`illustrative` column says `true`, every screen that shows them warns, and every export that holds them "
        "says so in its file name. Importing the official list replaces them (see docs/importing.md)."
    )
)
shown = counts.assign(
    rows_of=counts["rows_of"].map(ROWS_OF),
    official=counts["total"] - counts["illustrative"],
    illustrative_rows=counts["illustrative"],
)
components.data_table(
    shown[["rows_of", "total", "official", "illustrative_rows"]],
    "illustrative",
    key="illustrative",
    column_config=COLUMNS,
)

st.subheader(_("How the counts are derived"))
st.markdown(
    _(
        "- **Final responses count**, not the first listing in the Working Group report: a recommendation "
        "listed as enjoying support and later noted counts as noted (the listing is kept as *WG position*).\n"
        "- **Joint recommendations** count once per recommendation, but once for each of their states in views "
        "by recommending state or regional group.\n"
        "- **Status** is the latest assessment of each assessor; the government's and civil society's are shown "
        "side by side, never merged.\n"
        "- **Stalled** means nobody has assessed a recommendation for 365 days or more, or ever."
    )
)
st.subheader(_("The bundled Cambodia data"))
st.markdown(
    _(
        "- **Cycle 1** (A/HRC/13/4): the report numbers **134** paragraph items; UPR Info's export has **138** rows "
        "because four paragraphs were made jointly by two states and it gives one row per state.\n"
        "- **Cycle 1, item 82.13** is credited to **Brunei Darussalam**, as in the UN report; UPR Info credits it "
        "to Brazil, a known error of that export.\n"
        "- **Cycle 2** (A/HRC/26/16): 205 received, 163 supported, 42 not supported. The UN counts **38 noted and "
        "4 rejected**; UPR Info files all 42 as noted and does not say which four were rejected, so all 42 count "
        "as noted here. 8 items listed as enjoying support were finally noted.\n"
        "- **Cycle 3** (A/HRC/41/17): the itemised list could not be obtained; 198 illustrative rows reproduce "
        "the official totals (173 supported, 25 noted, 73 states), with illustrative assignments and progress."
    )
)

st.subheader(_("The CSV format in brief"))
st.markdown(
    _(
        "The data are plain CSV files a monitor can edit in a spreadsheet: `recommendations.csv`, `states.csv`, "
        "`themes.csv`, `ministries.csv`, `assignments.csv`, `progress.csv` (one row per assessment: add rows, "
        "never overwrite) and `official_totals.csv`. Several values in a cell are separated by ` | `, dates are "
        "YYYY-MM-DD, files are UTF-8. The full reference is **data/README.md** in the repository."
    )
)

st.subheader(_("Last update"))
provenance.rejected_update(version)
cols = st.columns(2)
cols[0].metric(_("Data built"), fmt_datetime(built) + " UTC" if built is not None else "–")
cols[1].metric(_("Latest assessment"), fmt_date(latest))
if files.empty:
    st.info(_("The build recorded no source files."))
else:
    components.data_table(files, "source-files", key="files", column_config=COLUMNS)
    read = about.rows_read(version)
    st.caption(
        ngettext(
            "{n} row read in all; the SHA-256 prefix identifies the exact file each figure was built from.",
            "{n} rows read in all; the SHA-256 prefix identifies the exact file each figure was built from.",
            read,
        ).format(n=fmt_int(read))
    )

st.subheader(_("Licence and citation"))
st.markdown(
    _(
        "The code is free software under the **MIT licence** (see LICENSE). Each data source keeps its own terms (see data/README.md)."
    )
)
parts = urlsplit(st.context.url or "")
url = f"{parts.scheme}://{parts.netloc}/" if parts.netloc else "UPR Monitor"
st.markdown(_("Suggested citation:"))
citation = _("UPR Monitor, “UPR recommendations to {sur}”, data built {built}, {url} (accessed {today}).")
built_day = built.strftime("%Y-%m-%d") if built is not None else "–"
st.code(
    citation.format(
        sur=names.current().state(f.state_under_review),
        built=built_day,
        url=url,
        today=date.today().isoformat(),
    ),
    language=None,
    wrap_lines=True,
)
components.copy_link(view)
