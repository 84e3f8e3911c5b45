"""``python -m etl fetch``: download an official export, import the chosen states' reviews, build.

One module per job: the resumable download into the cache folder (``download``), the progress display
(``progress``), the streaming filter of the UHRI export (``uhri_stream``), the merge-and-build that
changes nothing when it fails (``apply``) and the command line (``cli``).
"""
