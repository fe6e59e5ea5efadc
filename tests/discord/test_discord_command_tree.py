"""The whole slash-command tree, walked: names and texts within Discord's limits, no two
commands with one name, and every command with a permission story — public by design, or
hidden from members without Manage Server AND checked again when it runs."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from typing import Any

import pytest
from discord import app_commands

from bot.discord import build_client
from bot.store import open_store
from tests.support.discord_harness import make_deps

# Commands any member may run: they only read what the bot found, or change the member's own
# direct-message watches. Adding one here is a decision; say why beside it.
PUBLIC = {
    "invitations": "reads the shared list",
    "invitation": "reads one record",
    "figure": "reads one figure's records",
    "stats": "reads counts",
    "watch": "the member's own DMs",
    "unwatch": "the member's own DMs",
}

NAME = re.compile(r"^[-_\w]{1,32}$")  # Discord's CHAT_INPUT name rule (lower case checked apart)


def walk(commands: list[Any], parents: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    for command in commands:
        path = (*parents, command.name)
        yield path, command
        if isinstance(command, app_commands.Group):
            yield from walk(command.commands, path)


def checks_permission(function: Any, depth: int = 2) -> bool:
    """Whether `function`, or a module function or a method of its own class it calls (two
    calls deep), calls require_*."""
    source = inspect.getsource(function)
    if re.search(r"\brequire_\w+\(", source):
        return True
    if depth == 0:
        return False
    module_globals = getattr(function, "__globals__", {})
    called = [module_globals.get(name) for name in set(re.findall(r"(?<![.\w])(_?\w+)\(", source))]
    owner = module_globals.get(function.__qualname__.rpartition(".")[0])
    if inspect.isclass(owner):  # a command written as a method of its group
        called += [getattr(owner, name, None)
                   for name in set(re.findall(r"\bself\.(\w+)\(", source))]
    return any(checks_permission(f, depth - 1) for f in called if inspect.isfunction(f))


@pytest.fixture(scope="module")
def tree() -> list[tuple[tuple[str, ...], Any]]:
    store = open_store("sqlite://")
    try:
        client = build_client(make_deps(store, None))
        return list(walk(client.tree.get_commands()))
    finally:
        store.close()


def test_names_follow_discords_rules_and_are_unique(tree: list[tuple[tuple[str, ...], Any]]) -> None:
    paths = [" ".join(path) for path, _ in tree]
    assert len(paths) == len(set(paths)), paths
    for path, command in tree:
        assert NAME.match(command.name) and command.name == command.name.lower(), path
        for parameter in getattr(command, "parameters", []):
            assert NAME.match(parameter.name) and parameter.name == parameter.name.lower(), (
                path, parameter.name)


def test_descriptions_are_present_and_within_limits(
        tree: list[tuple[tuple[str, ...], Any]]) -> None:
    for path, command in tree:
        assert 1 <= len(command.description) <= 100, (path, command.description)
        for parameter in getattr(command, "parameters", []):
            assert 1 <= len(parameter.description) <= 100, (path, parameter.name)
            assert len(parameter.choices) <= 25, (path, parameter.name)


def test_every_command_has_a_permission_story(tree: list[tuple[tuple[str, ...], Any]]) -> None:
    tops = {path[0]: command for path, command in tree if len(path) == 1}
    for name, command in tops.items():
        if name in PUBLIC:
            assert command.default_permissions is None, f"/{name} is public yet hidden"
            continue
        assert command.default_permissions is not None, (
            f"/{name} is neither in PUBLIC nor hidden from members without a permission")
        assert command.guild_only, f"/{name} is an admin command usable in direct messages"
    for path, command in tree:
        if path[0] in PUBLIC or isinstance(command, app_commands.Group):
            continue
        # A server can override default permissions per role or channel: check again.
        assert checks_permission(command.callback), (
            f"/{' '.join(path)} does not check the member's permission when it runs")


def test_public_list_names_only_real_commands(tree: list[tuple[tuple[str, ...], Any]]) -> None:
    assert set(PUBLIC) <= {path[0] for path, _ in tree}
