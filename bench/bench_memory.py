"""Memory of a polling bot against feedparser alone (not a test):

    python bench/bench_memory.py [--shared ../shared] [--settle 3] [--timeout 300]

Serves the `feeds-real` files of the shared corpus from 127.0.0.1, runs `invitewatch run`
on them as a process (console mode: no token; a fresh SQLite database), waits for its first
poll cycle to finish (its status.json says so) and for the outbox to settle, then sums the
PSS (proportional set size: shared pages counted once across processes) of the bot and
every process it started, from /proc/<pid>/smaps_rollup. The baseline is a process that
imports feedparser and parses the same files, holding the results. Goal: <= 250 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
GOAL_MB = 250.0
# Variables a developer may have exported that would point the bot at their own setup.
USER_ENV = ("DATABASE_URL", "DISCORD_TOKEN", "DISCORD_TOKEN_FILE", "INVITEWATCH_CONFIG_DIR",
            "INVITEWATCH_DATA_DIR", "INVITEWATCH_LOG_LEVEL", "INVITEWATCH_CONSOLE",
            "INVITEWATCH_POLL_INTERVAL_MINUTES", "INVITEWATCH_ALLOW_PRIVATE_ADDRESSES",
            "INVITEWATCH_MONITORING_ADDRESS")

FEEDPARSER_ALONE = """
import sys, feedparser
from pathlib import Path
held = [feedparser.parse(p.read_bytes()) for p in sorted(Path(sys.argv[1]).rglob('*')) if p.is_file()]
print(sum(len(f.entries) for f in held), flush=True)
sys.stdin.readline()
"""


def kib(pid: int, field: str) -> int:
    """One field (Pss, Rss, ...) of /proc/<pid>/smaps_rollup, in KiB (0 if gone)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def tree(pid: int) -> list[int]:
    """The process and every process it started, recursively."""
    try:
        root = psutil.Process(pid)
        return [pid] + [child.pid for child in root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def describe(pids: list[int]) -> tuple[float, str]:
    total = sum(kib(p, "Pss") for p in pids) / 1024
    parts = []
    for p in pids:
        try:
            name = " ".join(psutil.Process(p).cmdline()[1:4])
        except psutil.Error:
            name = "?"
        parts.append(f"    pid {p}: PSS {kib(p, 'Pss') / 1024:7.1f} MB, RSS "
                     f"{kib(p, 'Rss') / 1024:7.1f} MB  ({name})")
    return total, "\n".join(parts)


@contextmanager
def feed_server(folder: Path) -> Iterator[int]:
    handler = partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def feedparser_alone(folder: Path) -> float:
    process = subprocess.Popen([sys.executable, "-c", FEEDPARSER_ALONE, str(folder)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdin is not None
        entries = process.stdout.readline().strip()
        total, _ = describe([process.pid])
        print(f"feedparser alone, {entries} entries parsed and held: PSS {total:.1f} MB")
        process.stdin.write("\n")
        process.stdin.flush()
    finally:
        process.wait(timeout=30)
    return total


def write_sandbox(root: Path, port: int, files: list[Path], folder: Path, workers: str = "0"
                  ) -> Path:
    config = root / "config"
    config.mkdir()
    (config / "invitewatch.toml").write_text(
        f'[storage]\ndata_dir = "{root / "data"}"\n\n[polling]\nworkers = {workers}\n',
        encoding="utf-8")
    feeds = "".join(f'[[feeds]]\nurl = "http://127.0.0.1:{port}/{p.relative_to(folder)}"\n\n'
                    for p in files)
    (config / "feeds.toml").write_text(feeds, encoding="utf-8")
    return config


def wait_for_first_cycle(bot: subprocess.Popen[bytes], status: Path, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if bot.poll() is not None:
            raise SystemExit(f"the bot exited early with status {bot.returncode}")
        try:
            state = json.loads(status.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            state = {}
        if state.get("last_cycle_at"):
            return dict(state)
        time.sleep(0.2)
    raise SystemExit(f"no poll cycle finished within {timeout:.0f} s")


def run_bot(folder: Path, settle: float, timeout: float, workers: str = "0") -> float:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    with feed_server(folder) as port, tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        config = write_sandbox(root, port, files, folder, workers)
        env = {k: v for k, v in os.environ.items() if k not in USER_ENV}
        env.update(INVITEWATCH_ALLOW_PRIVATE_ADDRESSES="true",
                   INVITEWATCH_MONITORING_ADDRESS=f"127.0.0.1:{free_port()}",
                   PYTHONPATH=str(ROOT))
        started = time.monotonic()
        bot = subprocess.Popen([sys.executable, "-m", "bot", "--config-dir", str(config), "run"],
                               cwd=root, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        try:
            state = wait_for_first_cycle(bot, root / "data" / "status.json", timeout)
            took = time.monotonic() - started
            time.sleep(settle)  # the delivery pass and the collector after the cycle
            total, detail = describe(tree(bot.pid))
            print(f"invitewatch run, {len(files)} feeds, first poll cycle done "
                  f"({state.get('last_cycle_due')} due, {state.get('last_cycle_failed')} "
                  f"failed) {took:.1f} s after start: PSS {total:.1f} MB over "
                  f"{len(tree(bot.pid))} process(es)")
            print(detail)
        finally:
            bot.send_signal(signal.SIGINT)
            try:
                bot.wait(timeout=60)
            except subprocess.TimeoutExpired:
                bot.kill()
                bot.wait()
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    parser.add_argument("--settle", type=float, default=3.0,
                        help="seconds to wait after the first cycle before measuring")
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--workers", default="0",
                        help='the bot\'s polling.workers: 0 (the default), N or "auto"')
    args = parser.parse_args()
    folder = args.shared / "corpus" / "feeds-real"
    if not folder.is_dir():
        print(f"no corpus at {folder.resolve()}: pass --shared", file=sys.stderr)
        return 2
    baseline = feedparser_alone(folder)
    workers = args.workers if args.workers.isdigit() else f'"{args.workers}"'
    bot = run_bot(folder, args.settle, args.timeout, workers)
    print(f"summary: invitewatch run {bot:.1f} MB PSS = {bot / baseline:.1f}x feedparser alone "
          f"({baseline:.1f} MB); goal <= {GOAL_MB:.0f} MB: "
          f"{'met' if bot <= GOAL_MB else 'not met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
