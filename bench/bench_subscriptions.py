"""Planning cost of subscriptions (not a test): python bench/bench_subscriptions.py
[--subscriptions 5000] [--notifications 1000]

Times `subscription_targets` (the pure filter the Discord notifier runs for every outbox
item over every server's subscriptions) with a mix of filters, and reads all subscriptions
from a SQLite store as the outbox does once per planning pass.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: bot, tests

from bot.discord.filters import subscription_targets
from bot.domain import Party, Status
from bot.store import open_store
from bot.store.api import Subscription
from tests.support.builders import notification

NOW = datetime(2021, 3, 1, tzinfo=UTC)
COUNTRIES = ["RU", "US", "FR", "DE", "UA", "CN"]


def make_subscriptions(n: int, rng: random.Random) -> list[Subscription]:
    subs = []
    for i in range(n):
        filters: dict[str, object] = {}
        pick = i % 5
        if pick == 1:
            filters["figure_keys"] = [f"figure-{rng.randrange(200)}"]
        elif pick == 2:
            filters["countries"] = rng.sample(COUNTRIES, 2)
        elif pick == 3:
            filters["statuses"] = [Status.ACCEPTED, Status.DECLINED]
        elif pick == 4:
            filters["source_kinds"] = ["news"]
        subs.append(Subscription(guild_id=str(1000 + i // 5), channel_id=str(5000 + i),
                                 id=i + 1, **filters))  # type: ignore[arg-type]
    return subs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscriptions", type=int, default=5000)
    parser.add_argument("--notifications", type=int, default=1000)
    args = parser.parse_args()
    rng = random.Random(1)
    subs = make_subscriptions(args.subscriptions, rng)
    facts = {f"figure-{n}": (COUNTRIES[n % len(COUNTRIES)], "head_of_state") for n in range(200)}
    notes = [notification(inviter=Party(f"Figure {a}", f"figure-{a}"),
                          invitee=Party(f"Figure {b}", f"figure-{b}"))
             for a, b in ((rng.randrange(200), rng.randrange(200))
                          for _ in range(args.notifications))]
    started = time.perf_counter()
    targets = sum(len(subscription_targets(n, subs, lambda f: facts.get(f, (None, None))))
                  for n in notes)
    elapsed = time.perf_counter() - started
    print(f"{args.notifications} notifications x {args.subscriptions} subscriptions: "
          f"{elapsed:.2f} s, {elapsed / args.notifications * 1000:.2f} ms per notification, "
          f"{targets / args.notifications:.0f} targets each")
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        with store.unit() as unit:
            for sub in subs:
                unit.add_subscription(sub, NOW)
        started = time.perf_counter()
        with store.unit() as unit:
            read = unit.subscriptions()
        print(f"reading {len(read)} subscriptions (SQLite): "
              f"{(time.perf_counter() - started) * 1000:.0f} ms")
        store.close()


if __name__ == "__main__":
    main()
