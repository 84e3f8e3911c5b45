"""``python -m etl.importers upr-info ...``: the same commands as ``python -m etl import ...``."""

import sys

from etl.importers.cli import main

sys.exit(main(sys.argv[1:]))
