"""Sections a page draws with one call, where drawing them in the page would take it past 150 lines.

Each takes the version, the reader's view (or its selection) and plain values, reads named queries
from dashboard/data/ and draws with dashboard/components.py, like a page does.
"""
