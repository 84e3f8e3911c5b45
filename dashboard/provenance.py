"""Where the figures come from, said where readers look: a review's official totals with the source
cited and the UN report one tap away, the sources cycle by cycle, and a refused data update."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import bootstrap, columns, labels, markdown, names, rejections, wording
from dashboard.documents import document_url
from dashboard.i18n import _, fmt_datetime, fmt_int, ngettext


def official_totals(row: dict) -> None:
    """A review's official totals with where they come from: the source cited (with its link when the
    data gives one) and the UN report itself, one tap away."""
    st.caption(markdown.escape(wording.official_totals_line(row)))  # the source's name is data: as text
    links = [
        (_("Open the source of these totals"), row.get("official_source_url")),
        (
            _("Open the report {document} on undocs.org").format(
                document=markdown.escape(row.get("document"))
            ),
            document_url(row.get("document")),
        ),
    ]
    shown = [(text, url) for text, url in links if isinstance(url, str) and url]
    for column, (text, url) in zip(st.columns(len(shown) or 1), shown, strict=False):
        column.link_button(text, url, icon="📄")  # labels render Markdown: data in them is escaped


def sources(reviews: pd.DataFrame) -> None:
    """Each cycle's official totals as text a phone can read: the counts, the source cited with its
    link, the UN report, and the data's note (as the data's maintainers wrote it, not translated)."""
    for row in reviews.to_dict("records"):
        st.markdown(f"**{labels.cycle_name(row['cycle'])}**")
        if pd.isna(row.get("official_received")):
            st.caption(_("No official totals are recorded for this cycle."))
            continue
        official_totals(row)
        if isinstance(row.get("official_note"), str) and row["official_note"]:
            st.caption(_("Note: {note}").format(note=markdown.escape(row["official_note"])))


def rejected_update(version: str) -> None:
    """On the About page, for every visitor: the refused data update, when, and what was wrong with
    it (file, line, column, value; the first 50 problems, then how many more)."""
    refused = bootstrap.rejected(version)
    if refused is None:
        return
    st.error(
        _(
            "The last data update was rejected: the files changed on {at} could not be loaded, so the "
            "dashboard still shows the data built before. Nothing of the rejected files is shown anywhere."
        ).format(at=fmt_datetime(refused.at) + " UTC")
    )
    rows, more = rejections.problems(refused.report)
    st.dataframe(
        columns.blank_missing(columns.for_reader(rows, names.current())),
        width="stretch",
        hide_index=True,
        column_config=columns.config_for(rows.columns),
        key="rejected_problems",
    )
    if more:
        st.caption(
            ngettext("… and {n} more problem.", "… and {n} more problems.", more).format(n=fmt_int(more))
        )
