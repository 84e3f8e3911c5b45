"""The write side of UPR Monitor: validate the canonical tables in data/ and publish them to DuckDB.

`python -m etl` builds; `python -m etl import ...` converts files users download into the canonical
CSVs. Nothing else in the project writes the database. The app calls only ``etl.entry``
(``build_published``, ``source_files``); every CSV is read through ``etl.decode``.
"""
