"""Pieces every page shares: notices, charts with their summaries, tables with downloads, links."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import columns, exports, markdown, names, notices, plan_template, session
from dashboard.data.options import filter_options
from dashboard.i18n import _, fmt_date, fmt_int, ngettext
from dashboard.labels import describe, illustrative_warning
from dashboard.view import Selection, View

# The modebar keeps "download as PNG" (every chart exports) and drops what confuses on a phone.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


# Room above a table for its toolbar, which Streamlit draws above the table's top edge on hover.
TABLE_TOOLBAR_PX = 32


def illustrative_notice(count: int, total: int | None = None) -> None:
    """Say plainly when a view includes made-up rows."""
    if count:
        st.warning(illustrative_warning(count), icon="⚠️")


def as_of_notice(selection: Selection) -> None:
    """Say, on every page, that statuses are shown as they stood on the reader's past day."""
    if selection.as_of:
        st.info(
            _(
                "Statuses as they stood on {day}: the latest assessment on or before that day. Later "
                "assessments are left out. Clear “Statuses as of” in the filters to see today's."
            ).format(day=fmt_date(selection.as_of)),
            icon="🕰️",
        )


def sdg_coverage(coverage: dict) -> None:
    """How many recommendations of the view name a Sustainable Development Goal, saying so when none do
    (only imported recommendations carry goals: UHRI, the OHCHR matrices of cycle 4)."""
    if not coverage["with_goal"]:
        st.info(
            _(
                "None of these recommendations names a Sustainable Development Goal. Only imported "
                "recommendations carry goals (the UN Human Rights Index and OHCHR's cycle-4 matrices list "
                "them)."
            )
        )
    else:
        st.caption(
            ngettext(
                "{k} of {n} recommendation names a goal; one naming several counts once for each, and a "
                "target (16.3) counts for its goal (16).",
                "{k} of {n} recommendations name a goal; one naming several counts once for each, and a "
                "target (16.3) counts for its goal (16).",
                coverage["recommendations"],
            ).format(k=fmt_int(coverage["with_goal"]), n=fmt_int(coverage["recommendations"]))
        )


def unanswered_notice(count: int) -> None:
    """Say that some recommendations have no answer counted (awaiting it, or a position not read), so
    rates are over the answered ones."""
    if count:
        st.info(notices.unanswered(count))


def chart(figure: go.Figure, summary: str, key: str) -> None:
    """A Plotly chart with its plain-language summary, shown and given to screen readers."""
    st.plotly_chart(figure, width="stretch", config=PLOTLY_CONFIG, key=key)
    st.caption(markdown.escape(summary))  # summaries quote data: names, themes


def data_table(
    frame: pd.DataFrame, name: str, key: str, column_config: dict | None = None, hidden=()
) -> None:
    """``frame`` (data values, data/'s column names) as a table in the reader's words, and its CSV.

    The table and the CSV hold the same cells (dashboard/columns.py's ``for_reader``: names and
    words in the reader's language, the document link beside the paragraph); ``hidden`` columns are
    in the CSV only. ``frame`` must say whether illustrative rows are behind it (an ``illustrative``
    flag or an ``illustrative_rows`` count; exports.UnmarkedExport otherwise): the file name says so too.

    The file is made here, during the page's run, and the button only fetches it: a file made on
    click (``data=callable``) is registered under a new id on every run, and the rerun the click
    itself starts (or any other session's run ending) can drop the id the click is still asking
    for; about 1 click in 6 then produced no file. Made now, the file is stored under a hash of its
    bytes, so a rerun of the same view re-registers the same file, and ``on_click="ignore"`` means
    the click starts no rerun at all. Tables hold one review's rows (a few hundred), so this costs
    milliseconds.
    """
    table = columns.for_reader(exports.with_document_links(frame), names.current())
    shown = columns.shown_order(table.columns, hidden)
    st.space(TABLE_TOOLBAR_PX)  # the table's toolbar (search, full screen) appears here, not over a heading
    st.dataframe(
        columns.blank_missing(table),
        width="stretch",
        hide_index=True,
        column_order=shown,
        column_config=columns.config_for(table.columns, column_config, shown),
        key=f"{key}_table",
    )
    st.download_button(
        ngettext("Download CSV ({n} row)", "Download CSV ({n} rows)", len(table)).format(
            n=fmt_int(len(table))
        ),
        data=exports.to_csv_bytes(table),
        file_name=exports.file_name(name, table, date.today()),
        mime="text/csv",
        key=f"{key}_download",
        icon="⬇️",
        on_click="ignore",
    )


def copy_link(view: View) -> None:
    """The addresses of exactly this view, in a box with copy buttons: its share page (plain HTML, for
    chats and articles) first, then the interactive view (state under review, cycle and language
    always in both, so a link keeps its meaning when the data grows)."""
    try:
        parts = urlsplit(st.context.url or "")
        base = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    except Exception:
        base = ""
    with st.expander(_("🔗 Link to this view")):
        # The share page first: in a chat or an article it shows a preview and opens fast on any phone.
        st.caption(_("For chats and articles: a light page with these figures and a preview picture."))
        st.code(base + view.share_link(), language=None)
        st.caption(
            _("The interactive view: copy this address to share exactly what you see, filters included.")
        )
        st.code(base + view.link(), language=None)
        names = filter_options(session.version()).ministry_labels(view.selection.ministries)
        st.text(describe(view, names))  # the view in words; it quotes the reader's search: shown as text


def source_line(info: dict) -> None:
    """When the data was built and how recent its latest assessment is, in the reader's notation."""
    st.caption(notices.source_line(info))


def plan_template_download(version: str, view: View, lang: str) -> None:
    """Choose a ministry and download its plan template (.xlsx, built on click): its supported
    recommendations of the review in view, sheets for actions, indicators and values, in ``lang``."""
    options = filter_options(version)
    if not options.ministry_ids:
        return
    f = view.selection
    st.subheader(_("The government's plan: a template for each ministry"))
    st.caption(
        _(
            "An Excel workbook listing a ministry's supported recommendations of this review, with sheets for its "
            "actions, indicators and reported values and dropdowns for the fixed lists. Filled in and saved into "
            "the data folder, it builds as it is."
        )
    )
    names = options.ministry_labels(options.ministry_ids)
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    ministry = left.selectbox(
        _("Ministry"), options.ministry_ids, format_func=names.get, key="plan_template_ministry"
    )
    right.download_button(
        _("Download the plan template"),
        data=lambda: plan_template.build(version, f.state_under_review, f.cycle, ministry, lang),
        file_name=plan_template.file_name(version, f.state_under_review, f.cycle, ministry),
        mime=plan_template.MIME,
        key="plan_template_download",
        icon="⬇️",
    )
