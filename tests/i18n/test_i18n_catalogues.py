"""Every catalogue is complete and keeps every placeholder: each message the code marks
(`t`, `tn`, `N_`, `UserInputError`) and each string of the slash-command tree has a
non-fuzzy translation in de, fr, es, ru and uk, with the same `{placeholders}`, and no
catalogue holds a message the bot no longer uses."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from bot.discord.client import build_client
from bot.i18n import SOURCE, SUPPORTED, catalogue_path
from bot.store.api import Store
from tests.support.discord_harness import make_deps
from tests.support.i18n_messages import Message, code_messages, command_messages

TRANSLATED = [lang for lang in SUPPORTED if lang != SOURCE]
COMMAND_NAME = re.compile(r"^[-_\w]{1,32}$")  # Discord's rule, in every locale


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.fixture(scope="module")
def messages(tmp_path_factory: pytest.TempPathFactory) -> list[Message]:
    store: Store = _NoStore()  # type: ignore[assignment]
    deps = make_deps(store, None)
    # /explain is offered only with an explainer: build the tree with one, so it is checked.
    client = build_client(type(deps)(**{**{f: getattr(deps, f) for f in deps.__dataclass_fields__},
                                       "explain": _no_explain}))
    return code_messages() + command_messages(client.tree)


class _NoStore:
    url = "sqlite:///unused"


async def _no_explain(article: str, guild_id: str | None) -> list[str]:
    return []


def load(lang: str) -> Catalog:
    with catalogue_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang)


def forms(message: Message) -> Iterator[str]:
    yield from ([message.msgid] if isinstance(message.msgid, str) else message.msgid)


def test_the_code_marks_enough_messages_to_be_worth_checking(messages: list[Message]) -> None:
    where = {m.where.split(":")[0] for m in messages}
    assert len(messages) > 150
    assert {"discord/embeds.py", "discord/formatting.py", "/invitations", "/setup language"} <= where


def problems_of(catalog: Catalog, messages: list[Message]) -> list[str]:
    problems = []
    for message in messages:
        entry = catalog.get(message.msgid, context=message.context)
        if entry is None or entry.fuzzy:
            problems.append(f"missing{' (fuzzy)' if entry else ''}: {message.msgid!r} ({message.where})")
            continue
        translations = [entry.string] if isinstance(entry.string, str) else list(entry.string)
        if not all(translations) or len(translations) != (
                1 if isinstance(message.msgid, str) else catalog.num_plurals):
            problems.append(f"empty or wrong number of forms: {message.msgid!r}")
            continue
        wanted = set().union(*(placeholders(text) for text in forms(message)))
        for text in translations:
            if placeholders(text) != wanted:
                problems.append(f"placeholders {sorted(placeholders(text))} != {sorted(wanted)}: "
                                f"{text!r}")
    return problems


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_with_its_placeholders(lang: str,
                                                           messages: list[Message]) -> None:
    problems = problems_of(load(lang), messages)
    assert not problems, f"{catalogue_path(lang)}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_catalogue_keeps_messages_the_bot_no_longer_uses(lang: str,
                                                            messages: list[Message]) -> None:
    used = {(m.context, m.msgid) for m in messages}
    stale = [(m.context, m.id) for m in load(lang) if m.id and (m.context, m.id) not in used]
    assert not stale, f"{catalogue_path(lang)} has unused messages: {stale}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_command_strings_fit_discords_limits(lang: str, messages: list[Message]) -> None:
    catalog = load(lang)
    for message in messages:
        if not message.where.startswith("/"):
            continue
        entry = catalog.get(message.msgid, context=message.context)
        assert entry is not None and isinstance(entry.string, str)
        if message.context == "command":
            assert COMMAND_NAME.match(entry.string) and entry.string == entry.string.lower(), \
                (message.where, entry.string)
        else:
            assert 1 <= len(entry.string) <= 100, (message.where, entry.string)


def test_a_broken_catalogue_is_caught() -> None:
    """The check can fail: a dropped placeholder, a missing form, a fuzzy or absent entry."""
    catalog = Catalog(locale="uk")
    catalog.add("Invitation #{id}", "Запрошення")
    catalog.add(("{n} source", "{n} sources"), ("{n} джерело", "{n} джерела", ""))
    catalog.add("Status", "Статус", flags=["fuzzy"])
    wanted = [Message("Invitation #{id}"), Message(("{n} source", "{n} sources")),
              Message("Status"), Message("Timeline")]
    problems = problems_of(catalog, wanted)
    assert len(problems) == 4, problems
    assert "placeholders [] != ['id']" in problems[0]
