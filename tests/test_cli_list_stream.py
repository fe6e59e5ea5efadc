"""`invitations list --json` is streamed (keyset pages, each row written as it is read) and
prints exactly what the whole array dumped at once printed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.cli.invitations import invitation_to_json, write_json_array
from bot.domain import Party, Status
from bot.store import InvitationFilter, open_store
from tests.support.builders import add_report, many_invitations, store_invitation


def _list_json(tmp_path: Path, database: str, *args: str) -> str:
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    result = CliRunner().invoke(main, ["--config-dir", str(config),
                                       "--database", database, "invitations", "list",
                                       "--json", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _dumped_at_once(database: str, flt: InvitationFilter) -> str:
    store = open_store(database)
    try:
        with store.unit() as unit:
            items = unit.list_invitations(flt)
        # The output before streaming: the whole list dumped by click.echo.
        return json.dumps([invitation_to_json(i) for i in items], ensure_ascii=False,
                          indent=2) + "\n"
    finally:
        store.close()


def test_the_streamed_array_equals_the_array_dumped_at_once(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'list.db'}"
    assert _list_json(tmp_path, database) == "[]\n"
    store = open_store(database)
    try:
        many_invitations(store, 47)  # more than the first keyset page and than a limit
        special = store_invitation(store, inviter=Party("Zoë \"Quote\" Ünal"),
                                   url="https://daily.example/ü?a=1&b=2")
        add_report(store, special, Status.DECLINED, when=_later(store, special),
                   url="https://daily.example/no")
    finally:
        store.close()
    streamed = _list_json(tmp_path, database)
    assert streamed == _dumped_at_once(database, InvitationFilter(limit=1000))
    assert len(json.loads(streamed)) == 48
    limited = _list_json(tmp_path, database, "--limit", "30", "--status", "pending")
    assert limited == _dumped_at_once(database, InvitationFilter(
        limit=30, status=(Status.PENDING,)))
    assert len(json.loads(limited)) == 30


def _later(store: Any, invitation_id: int) -> Any:
    with store.unit() as unit:
        found = unit.get_invitation(invitation_id)
    assert found is not None
    return found.last_update.replace(year=found.last_update.year + 1)


def test_each_row_is_written_before_the_next_is_read() -> None:
    written: list[str] = []

    def rows() -> Iterator[dict[str, Any]]:
        yield {"id": 1, "name": "Ünal"}
        assert written, "nothing was written before the second row was read"
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        write_json_array(rows(), written.append)
    assert "".join(written) == '[\n  {\n    "id": 1,\n    "name": "Ünal"\n  }'
