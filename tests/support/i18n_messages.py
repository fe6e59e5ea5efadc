"""Every message the bot may show, for the catalogue tests: the messages marked in the code
(`t`, `tn`, `N_`, `UserInputError`) found with Babel's extractor, and the strings of the
slash-command tree (names in the "command" context, descriptions, choice names other
than statuses)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.messages.extract import extract_from_dir
from discord import app_commands

from bot.domain import Status

BOT = Path(__file__).resolve().parents[2] / "bot"

# keyword -> the positions of its message arguments (1-based), as Babel's extractor wants.
KEYWORDS: dict[str, Any] = {
    "t": (2,), "tn": (2, 3), "N_": None, "UserInputError": None, "PermissionRefused": None,
}


@dataclass(frozen=True)
class Message:
    msgid: str | tuple[str, str]  # a tuple: (singular, plural)
    context: str | None = None
    where: str = ""


def code_messages() -> list[Message]:
    found: dict[tuple[object, object], Message] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
            str(BOT), method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=(), strip_comment_tags=True):
        if not message or (isinstance(message, tuple) and not all(message)):
            continue  # a call with a non-literal argument (e.g. t(lang, TEMPLATE))
        msgid = message if isinstance(message, str) else (message[0], message[1])
        found.setdefault((context, msgid), Message(msgid, context, f"{filename}:{lineno}"))
    return list(found.values())


def _tree_strings(command: Any) -> Iterator[Message]:
    where = f"/{command.qualified_name}"
    yield Message(command.name, "command", where)
    yield Message(command.description, None, where)
    if isinstance(command, app_commands.Group):
        for child in command.commands:
            yield from _tree_strings(child)
        return
    for parameter in command.parameters:
        yield Message(parameter.description, None, f"{where} {parameter.name}")
        for choice in parameter.choices:
            if choice.value in Status._value2member_map_:
                continue  # shown as the status's label (bot.discord.translator)
            yield Message(choice.name, None, f"{where} {parameter.name}")


def command_messages(tree: app_commands.CommandTree[Any]) -> list[Message]:
    found: dict[tuple[object, object], Message] = {}
    for command in tree.get_commands():
        for message in _tree_strings(command):
            if message.msgid == "…":  # discord.py's placeholder for a missing description
                continue
            found.setdefault((message.context, message.msgid), message)
    return list(found.values())
