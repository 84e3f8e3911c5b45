"""Recurring recommendations: which earlier recommendations to the same state a recommendation repeats.

``instruments`` names the treaties and institutions a text mentions, ``text`` turns a text into the
stems and key phrases that are compared, ``linker`` scores pairs (same state under review, earlier
cycle only), ``links_file`` reads and writes ``recurrence_links.csv``, ``cli`` is ``python -m etl
link`` and ``rules`` holds the checks the build runs on the two recurrence files.
``etl/derive_cambodia.py`` runs the linker once on the real cycle 1–2 texts in ../shared.
"""
