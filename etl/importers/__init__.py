"""Importers: turn the files users download (UPR Info export, OHCHR UHRI export, OHCHR Word matrix)
into the canonical CSV files of ``data/README.md``.

One module per job: a reader per format (``upr_info``, ``paragraphs``, ``uhri``, ``ohchr_matrix``),
the one position reader (``positions``: supported, noted, pending or unclassified, negation first),
the country mapper (``countries``), Unicode tidying of names and words (``text``), the WG session
calendar (``sessions``), the canonical CSV writer (``canonical_csv``), the merge/replace logic
(``merge``) and the command line (``cli``).

Modules import only downward: ``text``, ``positions``, ``countries`` and ``sessions`` at the bottom,
then ``model``; the UPR Info row and its ids (``upr_info_rows``) below ``known_errors`` and
``paragraphs``, which the UPR Info reader calls; the readers above them; ``cli`` on top
(tests/test_import_layering.py).
"""
