"""Merge an import into a data folder and build it, so that a failure changes nothing at all.

``python -m etl import`` writes the CSVs and leaves the build to the user; ``fetch`` does both, and a
merge whose build would be refused must not leave ``data/`` half-updated. So the merge and the build
are first tried on a copy of the folder in a temporary directory; only when that build passes are
the same (deterministic) merge and the build run on the real folder and database.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from etl import build
from etl.importers import merge
from etl.importers.model import ImportResult
from etl.problems import BuildFailed


class Refused(Exception):
    """The build refused the data folder with the import merged in; nothing was changed.

    ``failed`` holds the problems; ``messages`` what the merge would have done (it often says why:
    a monitor's own assessment left pointing at a replaced recommendation).
    """

    def __init__(self, failed: BuildFailed, messages: list[str]):
        super().__init__(str(failed))
        self.failed, self.messages = failed, messages


def apply(result: ImportResult, folder: Path, database: Path) -> tuple[list[str], build.BuildResult]:
    """Merge ``result`` into ``folder`` and publish it at ``database``.

    Returns the merge's summary lines and the build result. Raises ``Refused`` (or ``SourceError``
    from the merge) with ``folder`` and ``database`` untouched.
    """
    with tempfile.TemporaryDirectory(prefix="upr-fetch-") as work:
        trial = Path(work) / "data"
        trial.mkdir()
        if folder.is_dir():
            for path in folder.iterdir():  # the data files only: not builds, not sub-folders
                if path.is_file() and not path.is_symlink() and ".duckdb" not in path.name:
                    shutil.copy2(path, trial / path.name)
        messages = merge.write(trial, result)
        try:
            build.run(trial, Path(work) / "trial.duckdb")
        except BuildFailed as failed:
            raise Refused(failed, messages) from None
    messages = merge.write(folder, result)
    return messages, build.run(folder, database)
