"""The read side of UPR Monitor: the only code that reads the published database.

Pages take the reader's view from ``dashboard.session`` (a ``dashboard.view.View``), call
``dashboard.data.*`` for cached query results, ``dashboard.charts.*`` for Plotly figures and
``dashboard.components`` for the pieces every page shares (notices, tables with downloads, the link
to the view). ARCHITECTURE.md has the whole picture.
"""
