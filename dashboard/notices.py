"""Notes every rendering of a view shows, as plain text: the source and data-as-of line, and the
recommendations with no answer counted (the interactive pages draw them with Streamlit,
dashboard/components.py; the share pages and their pictures as HTML and SVG). The illustrative warning
and the dropped-values notice are in dashboard/labels.py.
"""

from __future__ import annotations

from dashboard.i18n import _, fmt_date, fmt_datetime, fmt_int, ngettext


def source_line(info: dict) -> str:
    """When the data was built and how recent its latest assessment is, in the reader's notation."""
    return _(
        "Data built {built}; latest assessment dated {latest}. Every figure links to its source on the About page."
    ).format(
        built=fmt_datetime(info.get("built_at")) + " UTC", latest=fmt_date(info.get("latest_assessment"))
    )


def built(info: dict) -> str:
    """ "UPR Monitor · data built Nov 30, 2026 1:30 PM UTC": a picture's source line."""
    return _("UPR Monitor · data built {built}").format(built=fmt_datetime(info.get("built_at")) + " UTC")


def unanswered(count: int) -> str:
    """That ``count`` recommendations have no answer counted (awaiting it, or a position not read), so
    rates are over the answered ones ("" for none)."""
    if not count:
        return ""
    return ngettext(
        "{n} recommendation has no answer counted yet (awaiting the government's answer, or a "
        "position the import could not read): acceptance is counted over the answered ones.",
        "{n} recommendations have no answer counted yet (awaiting the government's answer, or a "
        "position the import could not read): acceptance is counted over the answered ones.",
        int(count),
    ).format(n=fmt_int(count))
