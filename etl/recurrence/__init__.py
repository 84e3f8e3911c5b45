"""Recurring recommendations: which earlier recommendations to the same state a recommendation repeats.

``instruments`` names the treaties and institutions a text mentions, ``text`` turns a text into the
words and phrases that are compared, ``linker`` scores pairs (same state under review, earlier cycle
only) and ``links_file`` reads and writes ``recurrence_links.csv``. ``python -m etl link`` runs it on a
data folder; ``etl/derive_cambodia.py`` runs it once on the real cycle 1–2 texts in ../shared.
"""
