"""Read-only commands: /invitations, /invitation, /figure, /stats."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from enum import Enum
from typing import Any

import discord
from discord import app_commands

from bot.discord import limits
from bot.discord.arguments import UserInputError, parse_since
from bot.discord.commands.common import Figure, answer_language, in_store, reply
from bot.discord.deps import DiscordDeps
from bot.discord.formatting import invitation_detail_embed, invitation_page_embed, stats_embed
from bot.discord.pagination import COUNT_CAP, PAGE_SIZE, Page
from bot.discord.safety import NO_MENTIONS, escape_untrusted
from bot.domain import InvitationState, Status
from bot.i18n import N_, SOURCE, format_day, status_label, t
from bot.store.api import InvitationFilter, ListCursor, Unit

MAX_INVITATION_ID = 2**53  # Discord integers beyond this lose precision in clients
PAGER_TIMEOUT = 600.0
NO_SUCH_INVITATION = N_("There is no invitation #{id}. `/invitations` lists the known ones.")

STATUS_CHOICES = [app_commands.Choice(name=s.value.replace("_", " "), value=s.value) for s in Status]


class Move(Enum):
    FIRST = "first"
    NEXT = "next"
    PREVIOUS = "previous"


def _load_page(unit: Unit, flt: InvitationFilter, page: Page, move: Move,
               anchor: ListCursor | None) -> tuple[list[InvitationState], Page]:
    """The page after (or before) the row `anchor`, by keyset: rows added meanwhile shift
    nothing, and only the page's timelines are read. A walk that finds nothing where it
    expected rows (they were hidden or merged), or too few before the first page, starts
    again from the top."""
    total = unit.count_invitations(flt, at_most=COUNT_CAP + 1)
    if move is Move.NEXT and anchor is not None:
        found = unit.invitation_page(replace(flt, limit=page.size, after=anchor))
        if found.items:
            return found.items, page.next(total, len(found.items), found.more)
    if move is Move.PREVIOUS and anchor is not None:
        found = unit.invitation_page(replace(flt, limit=page.size, before=anchor))
        if found.more or len(found.items) == page.size:
            return found.items, page.previous(total, len(found.items), found.more)
    found = unit.invitation_page(replace(flt, limit=page.size))
    return found.items, Page.first(total, len(found.items), found.more, page.size)


class InvitationPager(discord.ui.View):
    """Previous/Next buttons over one query; only the member who asked can turn pages."""

    def __init__(self, deps: DiscordDeps, *, owner_id: int, flt: InvitationFilter, page: Page,
                 states: list[InvitationState], title: str, filters_text: str,
                 lang: str) -> None:
        super().__init__(timeout=PAGER_TIMEOUT)
        self.deps = deps
        self.lang = lang
        self.owner_id = owner_id
        self.flt = flt
        self.page = page
        self.states = states  # the rows shown: the cursors of the next and previous pages
        self.title = title
        self.filters_text = filters_text
        self.origin: discord.Interaction | None = None  # the command, to edit its answer
        self._sync_buttons()
        self.previous_page.label = t(lang, "Previous")
        self.next_page.label = t(lang, "Next")

    async def on_timeout(self) -> None:
        # Dead buttons would answer "This interaction failed": remove them instead.
        if self.origin is None:
            return
        # If the message was deleted or the token expired, there is nothing left to tidy.
        with contextlib.suppress(discord.HTTPException):
            await self.origin.edit_original_response(view=None)

    def _sync_buttons(self) -> None:
        self.previous_page.disabled = not self.page.has_previous
        self.next_page.disabled = not self.page.has_next

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            t(self.lang, "Only the member who ran this command can turn its pages; run it "
                         "yourself to browse."),
            ephemeral=True, allowed_mentions=NO_MENTIONS)
        return False

    async def show(self, interaction: discord.Interaction, move: Move) -> None:
        anchor = None
        if self.states:
            anchor = ListCursor.of(self.states[-1] if move is Move.NEXT else self.states[0])
        states, self.page = await in_store(
            self.deps, lambda unit: _load_page(unit, self.flt, self.page, move, anchor),
            read_only=True)
        self.states = states
        self._sync_buttons()
        embed = invitation_page_embed(self.title, states, self.page, self.filters_text, self.lang)
        await interaction.response.edit_message(embed=embed, view=self)

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary, emoji="◀️")
    async def previous_page(self, interaction: discord.Interaction,
                            button: discord.ui.Button[InvitationPager]) -> None:
        await self.show(interaction, Move.PREVIOUS)

    @discord.ui.button(label="Next", style=discord.ButtonStyle.secondary, emoji="▶️")
    async def next_page(self, interaction: discord.Interaction,
                        button: discord.ui.Button[InvitationPager]) -> None:
        await self.show(interaction, Move.NEXT)


async def send_invitation_list(interaction: discord.Interaction, deps: DiscordDeps,
                               flt: InvitationFilter, title: str, filters_text: str,
                               lang: str) -> None:
    states, page = await in_store(
        deps, lambda unit: _load_page(unit, flt, Page(0, 0, PAGE_SIZE), Move.FIRST, None),
        read_only=True)
    embed = invitation_page_embed(title, states, page, filters_text, lang)
    if page.has_next:
        view = InvitationPager(deps, owner_id=interaction.user.id, flt=flt, page=page,
                               states=states, title=title, filters_text=filters_text,
                               lang=lang)
        view.origin = interaction
        await reply(interaction, embed=embed, view=view)
    else:
        await reply(interaction, embed=embed)


def register(tree: app_commands.CommandTree[Any], deps: DiscordDeps) -> None:
    @tree.command(name="invitations", description="Invitations between public figures, newest first")
    @app_commands.describe(status="Only this status", figure="Only invitations involving this figure",
                           since="Updated since a date (2024-05-01) or a span (7d, 2w)")
    @app_commands.choices(status=STATUS_CHOICES)
    async def invitations(interaction: discord.Interaction,
                          status: app_commands.Choice[str] | None = None,
                          figure: Figure | None = None,
                          since: app_commands.Range[str, 1, 20] | None = None) -> None:
        lang = await answer_language(interaction)
        described: list[str] = []
        statuses: list[Status] = []
        if status is not None:
            statuses = [Status(status.value)]
            # English shows the value as typed in /setup filters; others the label.
            word = status.value if lang == SOURCE else status_label(lang, statuses[0]).casefold()
            described.append(t(lang, "status {status}", status=word))
        key = None
        if figure is not None:
            key = figure.key
            described.append(t(lang, "figure {name}", name=escape_untrusted(figure.name)))
        since_at = parse_since(since, deps.now())
        if since_at is not None:
            described.append(t(lang, "updated since {day}", day=format_day(since_at, lang)))
        flt = InvitationFilter(status=statuses, figure_key=key, since=since_at, limit=PAGE_SIZE)
        filters_text = (t(lang, "Filters: {filters}", filters=", ".join(described))
                        if described else "")
        await send_invitation_list(interaction, deps, flt, t(lang, "Invitations"), filters_text,
                                   lang)

    @tree.command(name="invitation", description="One invitation and its timeline of reports")
    @app_commands.describe(id="The invitation's number, as shown in posts and lists")
    async def invitation(interaction: discord.Interaction,
                         id: app_commands.Range[int, 1, MAX_INVITATION_ID]) -> None:
        if not 1 <= id <= MAX_INVITATION_ID:  # a forged interaction skips Discord's check
            raise UserInputError(NO_SUCH_INVITATION, id=id)
        state, notes = await in_store(deps, lambda unit: (unit.get_invitation(id), unit.notes(id)))
        if state is None:
            raise UserInputError(NO_SUCH_INVITATION, id=id)
        lang = await answer_language(interaction)
        embed = invitation_detail_embed(state, notes, lang)
        base = deps.public_base_url()
        if base and not state.hidden:  # the public site shows no hidden record
            embed.url = f"{base}/invitations/{state.id}"
        await reply(interaction, embed=embed)

    @tree.command(name="figure", description="Invitations made or received by one public figure")
    @app_commands.describe(name="The figure's name (suggestions as you type)")
    async def figure_command(interaction: discord.Interaction, name: Figure) -> None:
        lang = await answer_language(interaction)
        flt = InvitationFilter(figure_key=name.key, limit=PAGE_SIZE)
        title = limits.clip(t(lang, "Invitations involving {name}",
                              name=escape_untrusted(name.name)), limits.TITLE)
        await send_invitation_list(interaction, deps, flt, title, "", lang)

    @tree.command(name="stats", description="What invitewatch has found so far")
    async def stats(interaction: discord.Interaction) -> None:
        numbers, feeds = await in_store(deps, lambda unit: (unit.invitation_stats(), unit.list_feeds()))
        await reply(interaction, embed=stats_embed(numbers, feeds,
                                                   await answer_language(interaction)))
