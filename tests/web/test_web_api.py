"""The JSON API gives exactly the records of `invitations list --json` and `invitations
show --json` (one serialiser, bot/records.py), pages with a Link header, and answers bad
input with a JSON error."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient
from click.testing import CliRunner

from bot.cli import main
from bot.store.api import Store
from tests.support.builders import many_invitations
from tests.web.conftest import Records


def cli_json(tmp_path: Path, store_url: str, *args: str) -> object:
    config = tmp_path / "cli-config"
    config.mkdir(exist_ok=True)
    (config / "invitewatch.toml").write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n',
                                             encoding="utf-8")
    result = CliRunner().invoke(main, ["--config-dir", str(config), "--database", store_url,
                                       *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


async def api(client: TestClient, path: str, status: int = 200) -> object:
    response = await client.get(path)
    assert response.status == status, await response.text()
    assert response.content_type == "application/json"
    return await response.json()


@pytest.mark.parametrize(("api_query", "cli_args"), [
    ("limit=100", ()),
    ("status=pending&limit=100", ("--status", "pending")),
    ("status=accepted&status=responded&limit=100", ("--status", "accepted", "--status", "responded")),
])
async def test_the_api_lists_what_the_command_line_lists(
        client: TestClient, records: Records, tmp_path: Path, store_url: str,
        api_query: str, cli_args: tuple[str, ...]) -> None:
    from_api = await api(client, f"/api/invitations?{api_query}")
    from_cli = cli_json(tmp_path, store_url, "invitations", "list", "--json", *cli_args)
    assert from_api == from_cli
    assert from_api  # not trivially equal


async def test_one_record_is_what_show_prints(client: TestClient, records: Records,
                                              tmp_path: Path, store_url: str) -> None:
    one = await api(client, f"/api/invitations/{records.musk_putin}")
    assert one == cli_json(tmp_path, store_url, "invitations", "show", "--json",
                           str(records.musk_putin))
    assert [e["lang"] for e in one["timeline"]] == ["en", "de"]  # type: ignore[index]
    hidden = await api(client, f"/api/invitations/{records.hidden}", status=404)
    assert hidden == {"error": f"There is no invitation #{records.hidden}."}


async def test_pages_follow_the_link_header(client: TestClient, store: Store,
                                            records: Records) -> None:
    many_invitations(store, 12)
    ids: list[int] = []
    url: str | None = "/api/invitations?limit=5"
    while url:
        response = await client.get(url)
        ids += [r["id"] for r in await response.json()]
        link = response.headers.get("Link")
        url = re.sub(r"^https?://[^/]+", "", re.match(r"<([^>]+)>", link).group(1)) if link else None
    assert len(ids) == len(set(ids)) == 15


async def test_bad_input_is_a_json_error(client: TestClient, records: Records) -> None:
    answer = await api(client, "/api/invitations?status=maybe", status=400)
    assert answer == {"error": "status: 'maybe' is not a status; one of pending, accepted, "
                               "declined, responded, took_place, withdrawn"}
    assert await api(client, "/api/nothing", status=404) == {"error": "No page at /api/nothing."}
