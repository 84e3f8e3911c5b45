"""Run the app as a reader meets it: a real streamlit server and the system Chromium.

Shared by the browser tests (tests/browser/) and the benchmarks, so both measure the same thing.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This project's machines reserve these ports for test and benchmark servers.
PORTS = range(8631, 8650)
CHROMIUM = Path("/usr/bin/chromium")
# Without the last flags Chromium keeps trying to reach the (closed) network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Page name (for reports, test ids and screenshot files) -> URL path, as app.py routes them.
PAGES = {
    "overview": "",
    "acceptance": "acceptance",
    "ministries": "ministries",
    "plan": "plan",
    "noted": "noted",
    "explore": "explore",
    "recurring": "recurring",
    "states": "states",
    "about": "about",
}
SCRIPT_IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"
CHART = "[data-testid=stPlotlyChart]"
CHART_DRAWN = "[data-testid=stPlotlyChart] .js-plotly-plot .main-svg"


def chromium_path() -> Path | None:
    """The system Chromium, or None where it is not installed."""
    if CHROMIUM.exists():
        return CHROMIUM
    found = shutil.which("chromium")
    return Path(found) if found else None


def free_port(ports: range = PORTS) -> int:
    """A port in ``ports`` that nothing listens on."""
    for port in ports:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {ports.start}-{ports.stop - 1}")


class StreamlitServer:
    """``python -m streamlit run APP`` on a free port, logging to a file, stopped on exit."""

    def __init__(self, app: Path, log: Path, env: dict[str, str] | None = None, timeout: float = 60) -> None:
        self.app, self.log, self.extra_env, self.timeout = app, log, env or {}, timeout
        self.port = 0
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def __enter__(self) -> StreamlitServer:
        self.port = free_port()
        command = [sys.executable, "-m", "streamlit", "run", str(self.app), "--server.headless", "true",
                   "--server.port", str(self.port), "--server.address", "127.0.0.1",
                   "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]  # fmt: skip
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("wb") as log:  # the child keeps its own handle; a file never fills up like a pipe
            self.process = subprocess.Popen(
                command, cwd=ROOT, env={**os.environ, **self.extra_env}, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"streamlit exited with {self.process.returncode}:\n{self.log.read_text()}"
                )
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"streamlit did not answer within {self.timeout} s:\n{self.log.read_text()}")

    def __exit__(self, *_exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def rss_bytes(self) -> int:
        """Resident memory of the server process now (Linux /proc)."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        raise RuntimeError("no VmRSS in /proc status")


def launch_chromium(playwright, executable: Path | None = None):
    """The system Chromium through Playwright (never a downloaded browser)."""
    return playwright.chromium.launch(
        executable_path=str(executable or chromium_path() or CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )


def wait_for_view(page, timeout: float = 60_000, settle_ms: int = 100) -> int:
    """Wait until the script is idle and every chart on the page is drawn; return the chart count.

    ``settle_ms``: look again after this pause, as a rerun (a URL or state write) may be on its way;
    the benchmarks pass 0 so as not to add it to what they measure.
    """
    page.wait_for_selector(SCRIPT_IDLE, timeout=timeout)
    if settle_ms:
        page.wait_for_timeout(settle_ms)
        page.wait_for_selector(SCRIPT_IDLE, timeout=timeout)
    # Lazily loaded elements (metrics, tables) show a skeleton until their code arrives.
    page.wait_for_function("!document.querySelector('[data-testid=stSkeleton]')", timeout=timeout)
    charts = page.locator(CHART).count()
    for index in range(charts):
        page.locator(CHART).nth(index).locator(".js-plotly-plot .main-svg").first.wait_for(timeout=timeout)
    return charts
