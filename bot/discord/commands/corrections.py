"""/correct merge|split|status|hide: editors' corrections of the tracked records.

Records are shared by every server, so only admins (Manage Server) of a server that
`feed_admin_servers` allows may correct them, as for feeds. The work is done by
`bot.corrections` (the same as `invitewatch correct`): audited with the server's id,
noted in the record's timeline, and announced through the outbox like any status change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import discord
from discord import app_commands

from bot.corrections import (
    CorrectionResult,
    hide_record,
    merge_records,
    set_record_status,
    split_entry,
)
from bot.discord import limits
from bot.discord.arguments import UserInputError
from bot.discord.commands.common import (
    MANAGE_GUILD,
    CommandGroup,
    actor_of,
    answer_language,
    in_store,
    reply,
    require_manage_guild,
)
from bot.discord.deps import DiscordDeps
from bot.domain import Status
from bot.i18n import tn
from bot.store.api import Unit

NOTE_MAX = 500
STATUS_CHOICES = [app_commands.Choice(name=s.value.replace("_", " "), value=s.value)
                  for s in Status]

Change = Callable[[Unit, str, str, datetime], CorrectionResult]


def require_record_editor(deps: DiscordDeps, guild_id: str) -> None:
    """Records are shared by every server: only the host's chosen servers may correct them."""
    allowed = deps.feed_admin_guilds()
    # As for feeds: no listed server means nobody from Discord (the host still corrects
    # records with `invitewatch correct`).
    if guild_id not in allowed:
        raise UserInputError("Records are shared by every server this bot is in, and on this "
                             "bot only the host's own servers may correct them. Ask the bot's "
                             "host, or an admin of one of those servers.")


def _note(note: str) -> None:
    note = " ".join(note.split())
    if not note:
        raise UserInputError("Say why in `note`: it is kept in the record's timeline.")
    if len(note) > NOTE_MAX:
        raise UserInputError("Keep the note under {most} characters.", most=NOTE_MAX)


async def _correct(deps: DiscordDeps, interaction: discord.Interaction, note: str,
                   change: Change) -> None:
    guild_id = require_manage_guild(interaction)
    require_record_editor(deps, guild_id)
    _note(note)  # refused before anything is read or written
    actor = actor_of(interaction)
    result = await in_store(deps, lambda unit: change(unit, actor, guild_id, deps.now()))
    # The result's message is bot.corrections' own (shared with the command line): English.
    text = "✏️ " + result.message
    if result.notifications:
        text += "\n" + tn(await answer_language(interaction), "{n} announcement queued.",
                          "{n} announcements queued.", result.notifications)
    await reply(interaction, content=limits.clip(text, limits.CONTENT), ephemeral=True)


class CorrectGroup(CommandGroup, name="correct", description="Correct tracked records (admins)",
                   default_permissions=MANAGE_GUILD, guild_only=True):

    @app_commands.command(name="merge",
                          description="Fold one record into another (a figure in common)")
    @app_commands.describe(keep="The record to keep (its number)", other="The record folded "
                           "into it", note="Why: kept in the record's timeline")
    async def merge(self, interaction: discord.Interaction, keep: app_commands.Range[int, 1],
                    other: app_commands.Range[int, 1], note: str) -> None:
        why = " ".join(note.split())
        await _correct(self.deps, interaction, note, lambda unit, actor, guild, now: merge_records(
            unit, keep, other, actor=actor, note=why, now=now, guild_id=guild,
            retry=self.deps.retry_waiting))

    @app_commands.command(name="split",
                          description="Split a timeline entry off into a record of its own")
    @app_commands.describe(record="The record (its number)", entry="The timeline entry "
                           "(numbered as /invitation shows them)", note="Why")
    async def split(self, interaction: discord.Interaction, record: app_commands.Range[int, 1],
                    entry: app_commands.Range[int, 1], note: str) -> None:
        why = " ".join(note.split())
        await _correct(self.deps, interaction, note, lambda unit, actor, guild, now: split_entry(
            unit, record, entry, actor=actor, note=why, now=now, guild_id=guild,
            retry=self.deps.retry_waiting))

    @app_commands.command(name="status", description="Set a record's status, with a note")
    @app_commands.describe(record="The record (its number)", status="The right status",
                           note="Why: shown in the timeline as an editorial entry")
    @app_commands.choices(status=STATUS_CHOICES)
    async def status(self, interaction: discord.Interaction, record: app_commands.Range[int, 1],
                     status: app_commands.Choice[str], note: str) -> None:
        why = " ".join(note.split())
        chosen = Status(status.value)
        await _correct(self.deps, interaction, note, lambda unit, actor, guild, now:
                       set_record_status(unit, record, chosen, actor=actor, note=why,
                                         now=now, guild_id=guild,
                                         retry=self.deps.retry_waiting))

    @app_commands.command(name="hide", description="Hide a false record (or show it again)")
    @app_commands.describe(record="The record (its number)", note="Why",
                           undo="Show the record again instead")
    async def hide(self, interaction: discord.Interaction, record: app_commands.Range[int, 1],
                   note: str, undo: bool = False) -> None:
        why = " ".join(note.split())
        await _correct(self.deps, interaction, note, lambda unit, actor, guild, now: hide_record(
            unit, record, actor=actor, note=why, now=now, guild_id=guild, hidden=not undo,
            retry=self.deps.retry_waiting))
