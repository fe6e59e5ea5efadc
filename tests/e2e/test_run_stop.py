"""`invitewatch run` stopped with Ctrl-C while a feed is being fetched: it must stop cleanly,
without a traceback in the log."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.support.sandbox import USER_ENV, Sandbox

pytestmark = pytest.mark.slow  # each test starts the real bot as a process


@contextmanager
def silent_feed_server() -> Iterator[tuple[int, threading.Event]]:
    """A server on 127.0.0.1 that accepts connections and never answers; the event is set
    once the bot is waiting on it."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    connected = threading.Event()
    stop = threading.Event()
    held: list[socket.socket] = []

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            held.append(conn)
            connected.set()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], connected
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        listener.close()


def test_ctrl_c_during_a_fetch_stops_without_a_traceback(sandbox: Sandbox) -> None:
    with silent_feed_server() as (port, connected):
        (sandbox.config_dir / "feeds.toml").write_text(
            f'[[feeds]]\nurl = "http://127.0.0.1:{port}/feed.xml"\n', encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k not in USER_ENV}
        env.update(INVITEWATCH_DATA_DIR=str(sandbox.data_dir),
                   INVITEWATCH_ALLOW_PRIVATE_ADDRESSES="true", INVITEWATCH_LOG_LEVEL="INFO")
        bot = subprocess.Popen([sys.executable, "-m", "bot", "--config-dir",
                                str(sandbox.config_dir), "run"], cwd=sandbox.root, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            assert connected.wait(60), "the bot never fetched the feed"
            bot.send_signal(signal.SIGINT)
            _, stderr = bot.communicate(timeout=60)
        finally:
            if bot.poll() is None:
                bot.kill()
                bot.communicate()
    log = stderr.decode(errors="replace")
    assert bot.returncode == 0, log[-1500:]
    assert "invitewatch stopped" in log
    assert "Traceback" not in log, log[-1500:]
