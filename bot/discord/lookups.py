"""Store reads the notifier needs at delivery time, as small callables.

The notifier itself never opens the store; it is handed these, so a server's role is known
even for a delivery planned before a restart. (There is deliberately no watcher lookup
here: watchers are needed in `targets()`, which the outbox calls inside its own
transaction, and a second SQLite transaction there would wait for the first.)
"""

from __future__ import annotations

from collections.abc import Callable

from bot.store.api import Store, Subscription


def store_mention_role(store: Store) -> Callable[[str], str | None]:
    def mention_role(guild_id: str) -> str | None:
        with store.unit() as unit:
            return unit.guild_settings(guild_id).mention_role_id

    return mention_role


def store_guild_language(store: Store) -> Callable[[str], str]:
    """A server's language setting: a language code, or "auto" for its preferred locale."""
    def language(guild_id: str) -> str:
        with store.unit() as unit:
            return unit.guild_settings(guild_id).language

    return language


def store_subscription(store: Store) -> Callable[[int], Subscription | None]:
    def subscription(subscription_id: int) -> Subscription | None:
        with store.unit() as unit:
            return unit.get_subscription(subscription_id)

    return subscription
