"""The site's query strings read into filters, cursors, figure keys (pure)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain import Status
from bot.store.api import ListCursor
from bot.web.params import (
    BadQuery,
    decode_cursor,
    encode_cursor,
    figure_key,
    parse_id,
    parse_list_query,
)


def test_a_cursor_round_trips() -> None:
    after = ListCursor(datetime(2021, 2, 14, 9, 30, 0, 123456, tzinfo=UTC), 42)
    assert decode_cursor(encode_cursor(after)) == after
    # The store's cursor type itself: what the site decodes goes into the filter as is.
    assert type(decode_cursor(encode_cursor(after))) is ListCursor


@pytest.mark.parametrize("text", ["", "42", "2021-02-14_x", "2021-02-14T09:30:00_42",
                                  "2021-02-14T09:30:00+00:00_0", "nonsense_-1"])
def test_a_bad_cursor_is_a_clear_error(text: str) -> None:
    with pytest.raises(BadQuery, match=r"after: .* is not a page cursor"):
        decode_cursor(text)


def test_figure_keys() -> None:
    def gazetteer(name: str) -> str | None:
        return "vladimir-putin" if name == "Putin" else None
    assert figure_key("Putin", gazetteer) == "vladimir-putin"
    assert figure_key("elon-musk", gazetteer) == "elon-musk"  # an id as given
    assert figure_key("Jane  OKAFOR", gazetteer) == "name:jane okafor"  # as the store keys it
    assert figure_key("name:jane okafor", None) == "name:jane okafor"


def test_the_list_query_and_its_links() -> None:
    query = parse_list_query({"figure": " Jane Okafor ", "lang": "de", "q": "  summit  talks ",
                              "limit": "10"}, ["accepted", "", "accepted", "declined"], None)
    assert query.statuses == (Status.ACCEPTED, Status.DECLINED)
    assert query.figure_key == "name:jane okafor" and query.search == "summit talks"
    after = ListCursor(datetime(2021, 1, 1, tzinfo=UTC), 5)
    assert query.params(after=after) == [
        ("status", "accepted"), ("status", "declined"), ("figure", "Jane Okafor"),
        ("lang", "de"), ("q", "summit talks"), ("limit", "10"),
        ("after", "2021-01-01T00:00:00+00:00_5")]


def test_ids() -> None:
    assert parse_id("17") == 17
    assert parse_id("0") is None and parse_id("-1") is None and parse_id("1e3") is None
    assert parse_id(str(2**63)) is None
