"""The read side of UPR Monitor: the only code that reads the published database.

Pages call ``dashboard.data.*`` for cached DataFrames, ``dashboard.charts.*`` for Plotly figures,
``dashboard.filters`` for the shared, URL-bound filters and ``dashboard.components`` for the pieces
every page shares (notices, tables with downloads, the link to the view).
"""
