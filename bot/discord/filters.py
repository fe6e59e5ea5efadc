"""Which servers and channels want a notification: pure, so the rules are tested on data."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.domain import Notification, Party
from bot.store.api import GuildSettings

TARGET_PREFIX = "discord"


@dataclass(frozen=True, slots=True)
class ChannelTarget:
    guild_id: str
    channel_id: str

    def __str__(self) -> str:
        return f"{TARGET_PREFIX}:{self.guild_id}:{self.channel_id}"


def parse_target(target: str) -> ChannelTarget:
    """`discord:<guild_id>:<channel_id>` -> ChannelTarget; ValueError for anything else."""
    parts = target.split(":")
    if len(parts) != 3 or parts[0] != TARGET_PREFIX or not all(p.isdigit() for p in parts[1:]):
        raise ValueError(f"not a Discord channel target: {target!r} "
                         f"(expected '{TARGET_PREFIX}:<guild id>:<channel id>')")
    return ChannelTarget(parts[1], parts[2])


def figure_keys(notification: Notification) -> set[str]:
    """The Party keys of both figures, as guild filters store them."""
    return {
        Party(notification.inviter, notification.inviter_id).key,
        Party(notification.invitee, notification.invitee_id).key,
    }


def wants(settings: GuildSettings, notification: Notification) -> bool:
    """Does this server's filter let the notification through? Empty filters let all through."""
    if settings.figure_keys and not figure_keys(notification) & set(settings.figure_keys):
        return False
    if settings.statuses and notification.status not in settings.statuses:
        return False
    if settings.languages:
        wanted = {lang.casefold() for lang in settings.languages}
        if not wanted & {lang.casefold() for lang in notification.languages}:
            return False
    return notification.confidence >= settings.min_confidence


def channel_targets(notification: Notification, guilds: Iterable[GuildSettings]) -> list[str]:
    """One target per configured channel of every server that wants the notification.

    A channel marked forbidden (the bot got a 403 there) is skipped until an admin runs
    /setup channel for it again, so one missing permission does not cause a 403 per post.
    """
    targets: list[str] = []
    seen: set[str] = set()
    for settings in guilds:
        if not settings.channel_ids or not wants(settings, notification):
            continue
        for channel_id in settings.channel_ids:
            if channel_id in settings.forbidden_channels:
                continue
            target = str(ChannelTarget(settings.guild_id, channel_id))
            if target not in seen:
                seen.add(target)
                targets.append(target)
    return targets


def role_for_guild(guilds: Sequence[GuildSettings], guild_id: str) -> str | None:
    for settings in guilds:
        if settings.guild_id == guild_id:
            return settings.mention_role_id
    return None
