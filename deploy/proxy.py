"""Run UPR Monitor and the nginx proxy of deploy/nginx/upr-monitor.conf locally, without root.

The tests and the benchmark use this; an operator can use it to try the proxy before installing it:

    python -m deploy.proxy --port 8660 --upstream 127.0.0.1:8501 --upstream 127.0.0.1:8502
    python -m deploy.proxy --render-only --port 8660 --prefix /tmp/upr-nginx  # just write the config

The rendered config is the committed site file with three changes: it listens on 127.0.0.1:PORT, its
upstreams hold the given replicas' addresses (one or more, with the site file's ``max_fails`` and
``fail_timeout``), and its caches, pid, logs and temp files live under PREFIX (so nginx runs
unprivileged with ``nginx -p PREFIX -c PREFIX/nginx.conf`` and ``daemon off``). Brotli is switched on
where Debian's nginx brotli module is installed. Its access log names the replica that answered each
request and the cache's verdict (``$upstream_addr``, ``$upstream_cache_status``), for the tests.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "deploy" / "nginx" / "upr-monitor.conf"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
# Ports this project's tests and benchmarks may use.
PORTS = range(8651, 8670)
# The site file's replica lines (deploy/nginx/upr-monitor.conf): "    server 127.0.0.1:8501 max_fails=...;"
REPLICA_LINES = re.compile(
    r"(?m)^(    server) 127\.0\.0\.1:85\d\d((?: [^;\n]*)?);\n(?:    server 127\.0\.0\.1:85\d\d[^;\n]*;\n)*"
)
ACCESS_LOG = (
    '$remote_addr "$request" $status $body_bytes_sent $upstream_addr $upstream_cache_status $request_time'
)


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/sbin/nginx") if os.access(p, os.X_OK)), None
    )


def brotli_available() -> bool:
    return BROTLI_MODULE.is_file()


def render(port: int, upstream: str | Sequence[str], prefix: Path, brotli: bool | None = None) -> Path:
    """Write ``prefix/nginx.conf`` for a proxy on 127.0.0.1:``port`` in front of the replica(s) ``upstream``
    (``host:port`` each)."""
    brotli = brotli_available() if brotli is None else brotli
    replicas = [upstream] if isinstance(upstream, str) else list(upstream)
    prefix = prefix.resolve()
    for folder in ("logs", "cache", "tmp"):
        (prefix / folder).mkdir(parents=True, exist_ok=True)
    site = SITE.read_text(encoding="utf-8")
    site, upstreams = REPLICA_LINES.subn(
        lambda m: "".join(f"{m.group(1)} {address}{m.group(2)};\n" for address in replicas), site
    )
    if upstreams != 2:
        raise ValueError(f"{SITE}: expected the replica lines of two upstreams, found {upstreams}")
    replacements = [
        ("    listen 80;", f"    listen 127.0.0.1:{port};"),
        ("    listen [::]:80;\n", ""),
        (
            "proxy_cache_path /var/lib/nginx/upr-monitor-cache ",
            f"proxy_cache_path {prefix / 'cache' / 'static'} ",
        ),
        (
            "proxy_cache_path /var/lib/nginx/upr-monitor-answers ",
            f"proxy_cache_path {prefix / 'cache' / 'answers'} ",
        ),
    ]
    for old, new in replacements:
        if site.count(old) != 1:
            raise ValueError(f"{SITE}: expected exactly one {old.strip()!r} to replace")
        site = site.replace(old, new)
    if brotli:
        site = re.sub(r"(?m)^(\s*)#(brotli\w* )", r"\1\2", site)
    temp = prefix / "tmp"
    conf = "\n".join(
        [
            "# Rendered by deploy/proxy.py from deploy/nginx/upr-monitor.conf: do not edit.",
            "daemon off;",
            # As root (CI containers), nginx would start its workers as `nobody`, which cannot reach
            # the 0700 temp folders this prefix lives in; an installed nginx runs them as www-data.
            "user root;" if os.geteuid() == 0 else "",
            "worker_processes auto;",  # one per core, as Debian's nginx.conf has it
            f"pid {prefix / 'nginx.pid'};",
            f"error_log {prefix / 'logs' / 'error.log'} warn;",
            f"load_module {BROTLI_MODULE};" if brotli else "",
            # Each reader holds a connection to nginx and, during a request, one to a replica.
            "events { worker_connections 4096; }",
            "http {",
            "    default_type application/octet-stream;",
            "    sendfile on;",
            f"    log_format upr '{ACCESS_LOG}';",
            f"    access_log {prefix / 'logs' / 'access.log'} upr;",
            *(
                f"    {kind}_temp_path {temp / kind};"
                for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
            ),
            site,
            "}",
            "",
        ]
    )
    path = prefix / "nginx.conf"
    path.write_text(conf, encoding="utf-8")
    return path


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port(exclude: tuple[int, ...] = ()) -> int:
    """A free loopback port in 8651-8669."""
    for port in PORTS:
        if port not in exclude and port_is_free(port):
            return port
    raise RuntimeError("no free port in 8651-8669")


def listening_pids(port: int) -> set[int] | None:
    """The processes holding a listening TCP socket on ``port`` (Linux /proc), or None where unknown.

    On a machine shared by several people's tests, another server may take a port between our check
    and our start; its health check would then pass for ours.
    """
    inodes = set()
    try:
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":  # 0A: LISTEN
                    inodes.add(fields[9])
    except OSError:
        return None
    pids = set()
    for fd_dir in Path("/proc").glob("[0-9]*/fd"):
        try:
            links = {os.readlink(fd) for fd in fd_dir.iterdir()}
        except OSError:
            continue
        if any(f"socket:[{inode}]" in links for inode in inodes):
            pids.add(int(fd_dir.parent.name))
    return pids


class PortTaken(RuntimeError):
    """Another process answers on the port this server was started on."""


def wait_for(url: str, timeout: float, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the server exited ({process.returncode}); see {log}:\n{_tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback only)
                if response.status == 200:
                    owners = listening_pids(int(url.split(":")[2].split("/")[0]))
                    if owners is None or process.pid in owners:
                        return
                    raise PortTaken(
                        f"{url}: answered by process(es) {sorted(owners)}, not ours ({process.pid})"
                    )
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url}: no answer within {timeout:.0f} s; see {log}:\n{_tail(log)}")


def _tail(log: Path, lines: int = 20) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def _stop(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class Replica:
    """One running app server: its URL and process (a test or benchmark may kill it)."""

    url: str
    process: subprocess.Popen

    @property
    def address(self) -> str:
        """``host:port``, as an nginx upstream names it."""
        return self.url.removeprefix("http://")


@contextlib.contextmanager
def streamlit_replica(
    port: int, database: Path, log: Path, python: str = sys.executable, env: dict[str, str] | None = None
) -> Iterator[Replica]:
    """Run ``python -m streamlit run app.py`` on 127.0.0.1:``port`` on ``database``; yield it, stop it after."""
    env = {**os.environ, "UPR_DB": str(database), "PYTHONUNBUFFERED": "1", **(env or {})}
    command = [
        python,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
    ]
    log.parent.mkdir(parents=True, exist_ok=True)
    for _attempt in range(5):
        with log.open("wb") as out:
            process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            wait_for(f"{url}/_stcore/health", 90, process, log)
        except PortTaken:
            _stop(process)
            port = free_port(exclude=(port,))
            command[command.index("--server.port") + 1] = str(port)
            continue
        except BaseException:
            _stop(process)
            raise
        try:
            yield Replica(url, process)
        finally:
            _stop(process)
        return
    raise RuntimeError(f"no free port for a replica after 5 tries (last {port})")


@contextlib.contextmanager
def streamlit_app(port: int, database: Path, log: Path, python: str = sys.executable) -> Iterator[str]:
    """Run ``python -m streamlit run app.py`` on 127.0.0.1:``port`` on ``database``; yield its URL."""
    with streamlit_replica(port, database, log, python) as replica:
        yield replica.url


@contextlib.contextmanager
def nginx_proxy(
    port: int, upstream: str | Sequence[str], prefix: Path | None = None, brotli: bool | None = None
) -> Iterator[str]:
    """Run nginx with the rendered config on 127.0.0.1:``port`` in front of the replica(s) ``upstream``;
    yield its URL (on another free port if someone else's server took ``port`` meanwhile)."""
    binary = nginx_binary()
    if binary is None:
        raise FileNotFoundError("nginx is not installed (apt-get install nginx)")
    with contextlib.ExitStack() as stack:
        if prefix is None:
            prefix = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="upr-nginx-")))
        for _attempt in range(5):
            conf = render(port, upstream, prefix, brotli)
            command = [binary, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "logs" / "error.log")]
            check = subprocess.run([binary, "-t", *command[1:]], capture_output=True, text=True, check=False)
            if check.returncode:
                raise RuntimeError(f"nginx -t failed for {conf}:\n{check.stderr}")
            with (prefix / "logs" / "nginx.out").open("wb") as out:
                process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
            url = f"http://127.0.0.1:{port}"
            try:
                wait_for(f"{url}/_stcore/health", 30, process, prefix / "logs" / "error.log")
            except PortTaken:
                _stop(process, signal.SIGQUIT)
                port = free_port(exclude=(port,))
                continue
            except BaseException:
                _stop(process, signal.SIGQUIT)
                raise
            try:
                yield url
            finally:
                _stop(process, signal.SIGQUIT)  # graceful: finish open requests
            return
        raise RuntimeError(f"no free port for nginx after 5 tries (last {port})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.proxy", description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8660, help="port to listen on (127.0.0.1)")
    parser.add_argument(
        "--upstream", action="append", help="a replica's host:port (repeat for each; default 127.0.0.1:8501)"
    )
    parser.add_argument("--prefix", type=Path, default=None, help="folder for config, cache, logs")
    parser.add_argument("--render-only", action="store_true", help="write the config and exit")
    parser.add_argument("--no-brotli", action="store_true", help="gzip only, even if brotli is installed")
    args = parser.parse_args(argv)
    brotli = False if args.no_brotli else None
    args.upstream = args.upstream or ["127.0.0.1:8501"]
    if args.render_only:
        prefix = args.prefix or Path(tempfile.mkdtemp(prefix="upr-nginx-"))
        print(render(args.port, args.upstream, prefix, brotli))
        return 0
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop nginx on `kill` too
    with nginx_proxy(args.port, args.upstream, args.prefix, brotli) as url:
        print(f"proxying {url} -> {', '.join(args.upstream)} (Ctrl-C stops)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)
    return 0


if __name__ == "__main__":
    sys.exit(main())
