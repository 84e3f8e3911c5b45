"""Importers: turn the files users download (UPR Info export, OHCHR UHRI export, OHCHR Word matrix)
into the canonical CSV files of ``data/README.md``.

One module per job: a reader per format (``upr_info``, ``paragraphs``, ``uhri``, ``ohchr_matrix``),
the country mapper (``countries``), the WG session calendar (``sessions``), the canonical CSV writer
(``canonical_csv``), the merge/replace logic (``merge``) and the command line (``cli``).
"""
