"""Every curl example in docs/api.md runs against a real server (``streamlit run app.py``, the bundled
data) and gets a 200: the documentation cannot drift from the API, and app.py serves its routes."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from deploy import proxy
from deploy.proxy import ROOT

DOCS = ROOT / "docs" / "api.md"
HOST = "http://localhost:8501"


def examples() -> list[str]:
    """The commands of docs/api.md's ```bash blocks (comments and blank lines left out)."""
    blocks = re.findall(r"```bash\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    return [
        line for block in blocks for line in block.splitlines() if line.strip() and not line.startswith("#")
    ]


def test_the_docs_have_examples_of_every_endpoint():
    commands = examples()
    assert len(commands) >= 8 and all(c.startswith("curl ") for c in commands)
    for path in ("/api/v1/recommendations.csv", "/api/v1/recommendations.json", "/api/v1/summary.json"):
        assert any(path in c for c in commands), path


@pytest.fixture(scope="module")
def server(bundled_db, tmp_path_factory):
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed (apt-get install curl)")
    log = tmp_path_factory.mktemp("api-docs") / "streamlit.log"
    # deploy.proxy's replica checks that the server answering is ours (the machine is shared)
    with proxy.streamlit_replica(proxy.free_port(), bundled_db, log) as running:
        yield running


@pytest.mark.parametrize("command", examples())
def test_every_example_in_docs_api_md_runs_and_gets_a_200(server, command, tmp_path):
    # curl reads ~/.curlrc: every transfer writes its status to stderr, whatever the example does
    # with its output, and fails on 4xx/5xx.
    (tmp_path / ".curlrc").write_text('fail\nwrite-out = "%{stderr}HTTP %{http_code}\\n"\n')
    run = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command.replace(HOST, server.url)],
        cwd=tmp_path,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    statuses = re.findall(r"HTTP (\d{3})", run.stderr)
    assert run.returncode == 0, (command, run.stderr[-500:])
    assert statuses and set(statuses) == {"200"}, (command, run.stderr[-500:])
