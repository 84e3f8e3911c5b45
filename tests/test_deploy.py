"""Deployment files: the read-only fallback for the database, the rendered nginx config, systemd units."""

from __future__ import annotations

import configparser
import os
import re
import subprocess
from pathlib import Path

import pytest

import paths
from deploy import proxy
from etl import build

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "fixtures" / "golden"


def test_the_database_moves_to_the_temp_dir_when_data_is_read_only(monkeypatch, tmp_path):
    checkout = tmp_path / "checkout"
    (checkout / "data").mkdir(parents=True)
    monkeypatch.delenv("UPR_DB", raising=False)
    monkeypatch.setattr(paths, "ROOT", checkout)
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(paths.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    assert paths.db_path() == checkout / "data" / "upr.duckdb"  # writable: the usual place
    monkeypatch.setattr(paths.os, "access", lambda path, mode: False)  # as on a read-only mount
    fallback = paths.db_path()
    assert fallback == tmp_path / "tmp" / f"upr-monitor-{os.getuid()}" / "upr.duckdb"
    build.run(GOLDEN, fallback)  # what bootstrap does on first start
    assert fallback.is_symlink() and fallback.resolve().is_file()
    monkeypatch.setenv("UPR_DB", str(tmp_path / "elsewhere.duckdb"))  # an explicit choice wins
    assert paths.db_path() == tmp_path / "elsewhere.duckdb"


def test_a_database_already_published_in_a_read_only_data_dir_is_used(monkeypatch, tmp_path):
    checkout = tmp_path / "checkout"
    build.run(GOLDEN, checkout / "data" / "upr.duckdb")
    monkeypatch.delenv("UPR_DB", raising=False)
    monkeypatch.setattr(paths, "ROOT", checkout)
    monkeypatch.setattr(paths.os, "access", lambda path, mode: False)
    assert paths.db_path() == checkout / "data" / "upr.duckdb"


@pytest.mark.parametrize("brotli", [False, True])
def test_the_rendered_config_is_the_site_file_on_loopback(tmp_path, brotli):
    conf = proxy.render(8660, ["127.0.0.1:8661", "127.0.0.1:8662"], tmp_path, brotli=brotli).read_text()
    assert "daemon off;" in conf and f"pid {tmp_path.resolve() / 'nginx.pid'};" in conf
    assert "listen 127.0.0.1:8660;" in conf
    # both replicas in both upstreams (free and sticky), with the site file's failure settings
    for port in (8661, 8662):
        assert conf.count(f"server 127.0.0.1:{port} max_fails=2 fail_timeout=10s;") == 2
    live = "\n".join(line for line in conf.splitlines() if not line.lstrip().startswith("#"))
    assert "127.0.0.1:85" not in live
    assert "listen 80" not in live and "[::]" not in live and "/var/" not in live
    assert ("\n    brotli on;" in conf) is brotli
    assert ("load_module" in conf) is brotli
    site = proxy.SITE.read_text()
    for line in ("gzip on;", 'add_header X-Content-Type-Options "nosniff" always;', "proxy_read_timeout 1d;"):
        assert line in site and line in conf
    if proxy.nginx_binary() and (not brotli or proxy.brotli_available()):
        check = subprocess.run(
            [proxy.nginx_binary(), "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert check.returncode == 0, check.stderr


def test_no_location_drops_the_server_level_headers():
    """nginx: an add_header or proxy_set_header inside a location silently drops the server's ones."""
    live = "\n".join(
        line for line in proxy.SITE.read_text().splitlines() if not line.lstrip().startswith("#")
    )
    locations = re.findall(r"(?m)^\s*location [^{]*\{([^}]*)\}", live)
    assert len(locations) == 5
    for body in locations:
        assert "add_header" not in body and "proxy_set_header" not in body and "proxy_hide_header" not in body


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(ROOT / "deploy" / "systemd" / name)
    return parser


def test_each_replica_runs_streamlit_on_its_loopback_port_unprivileged_and_restarts():
    service = unit("upr-monitor@.service")["Service"]
    command = service["ExecStart"].replace("\\\n", " ")
    assert "-m streamlit run app.py" in command
    assert "--server.address 127.0.0.1" in command and "--server.port %i" in command  # the instance: a port
    assert service["Restart"] == "always"
    assert service["User"] not in ("", "root") and service["WorkingDirectory"].startswith("/")
    text = (ROOT / "deploy" / "systemd" / "upr-monitor@.service").read_text()
    assert "\nEnvironment=UPR_DB=/" in text  # Environment= repeats: configparser keeps only the last
    # N replicas never each rebuild the same change: the ETL does, on a timer and when the CSVs change
    assert "\nEnvironment=UPR_REBUILD_ON_CHANGE=0\n" in text
    assert unit("upr-monitor@.service")["Install"]["WantedBy"] == "upr-monitor.target"
    target = unit("upr-monitor.target")
    assert set(target["Unit"]["Wants"].split()) == {"upr-monitor-etl.timer", "upr-monitor-etl.path"}
    path = unit("upr-monitor-etl.path")["Path"]
    assert path["Unit"] == "upr-monitor-etl.service"
    assert path["PathChanged"] == text.split("Environment=UPR_DATA_DIR=", 1)[1].split()[0]
    etl = unit("upr-monitor-etl.service")["Service"]
    assert etl["ExecStart"].endswith("-m etl") and etl["User"] == service["User"]
    assert unit("upr-monitor-etl.timer")["Timer"]["OnCalendar"]


def test_the_replicas_of_nginx_are_the_ports_the_docs_enable():
    site = proxy.SITE.read_text()
    ports = re.findall(r"(?m)^    server 127\.0\.0\.1:(\d+) ", site)
    assert len(ports) == 4 and ports[:2] == ports[2:]  # the same replicas in both upstreams
    guide = (ROOT / "docs" / "deploying.md").read_text()
    assert " ".join(f"upr-monitor@{p}.service" for p in ports[:2]) in guide


@pytest.mark.parametrize("page", ["", "acceptance", "ministries", "noted", "explore", "states"])
def test_every_page_ends_with_the_source_line_so_embeds_keep_it(run_page, golden_db, page):
    at = run_page(golden_db, page)
    assert not at.exception
    last = [c.value for c in at.caption][-1]
    assert last.startswith("Data built") and "About page" in last
