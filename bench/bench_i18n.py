"""What the bot in the server's language costs (run on demand, not in CI).

    .venv/bin/python bench/bench_i18n.py [--rounds 2000]

Prints the time to read and compile each catalogue once (the first message in a language,
once per process), the time to render a notification embed and a compact subscription line
in each language, and the store read the Discord notifier makes per send to learn a
server's language (SQLite in a temporary directory).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bot.discord.embeds import notification_embed  # noqa: E402
from bot.discord.lookups import store_guild_language  # noqa: E402
from bot.discord.styles import compact_line  # noqa: E402
from bot.domain import Notification, NotificationKind, OccasionKind, Status  # noqa: E402
from bot.i18n import SUPPORTED, translations  # noqa: E402
from bot.store import open_store  # noqa: E402
from bot.store.api import GuildSettings  # noqa: E402

DAY = datetime(2021, 2, 14, 8, 0, tzinfo=UTC)
NOTIFICATION = Notification(
    kind=NotificationKind.STATUS, invitation_id=7, inviter="Elon Musk", invitee="Vladimir Putin",
    occasion="a conversation on Clubhouse", status=Status.RESPONDED,
    previous_status=Status.PENDING, source_url="https://news.example/a", outlet="Example",
    source_date=DAY, languages=("de", "en"), evidence="He asked him to talk.", confidence=0.9,
    created_at=DAY, sources=("https://news.example/a", "https://news.example/b"),
    occasion_kind=OccasionKind.CONVERSATION, place="Clubhouse")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2000, help="embeds per language")
    args = parser.parse_args(argv)
    for lang in SUPPORTED:
        start = time.perf_counter()
        translations(lang)
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        for _ in range(args.rounds):
            notification_embed(NOTIFICATION, lang)
        per_embed = (time.perf_counter() - start) / args.rounds
        start = time.perf_counter()
        for _ in range(args.rounds):
            compact_line(NOTIFICATION, "123", lang)
        per_line = (time.perf_counter() - start) / args.rounds
        print(f"{lang}: catalogue {loaded * 1000:6.1f} ms once, embed {per_embed * 1e6:6.1f} µs, "
              f"compact line {per_line * 1e6:6.1f} µs")
    language_read(args.rounds)
    return 0


def language_read(rounds: int) -> None:
    """The notifier reads a server's language at each send (so /setup language applies to
    the next post): one small store read per delivery."""
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/bench.db")
        try:
            with store.unit() as unit:
                unit.save_guild_settings(GuildSettings("1", language="de"))
            lookup = store_guild_language(store)
            start = time.perf_counter()
            for _ in range(rounds):
                lookup("1")
            per_read = (time.perf_counter() - start) / rounds
        finally:
            store.close()
    print(f"language read per send (SQLite): {per_read * 1e6:.0f} µs")


if __name__ == "__main__":
    raise SystemExit(main())
