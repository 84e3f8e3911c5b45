"""The write side of UPR Monitor: validate the canonical CSVs in data/ and publish them to DuckDB.

`python -m etl` builds; `python -m etl import ...` converts files users download into the canonical
CSVs. Nothing else in the project writes the database.
"""
