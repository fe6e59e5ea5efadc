"""The `analyze` contract: JSON Lines in, one JSON line out per input line, in order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.analyze import analyze_lines, article_from_json
from bot.matcher import Matcher

STATUSES = {"pending", "accepted", "declined", "responded", "took_place", "withdrawn"}


@pytest.fixture(scope="module")
def matcher(real_matcher: Matcher) -> Matcher:
    return real_matcher  # loaded once per session (tests/conftest.py)


def test_output_follows_the_contract_line_for_line(matcher: Matcher) -> None:
    lines = [
        json.dumps({"id": "a", "date": "2021-02-14", "title": "Musk invites Putin",
                    "text": "Elon Musk has invited Vladimir Putin to a conversation on "
                            "Clubhouse. There is no word yet on whether Putin has accepted."}),
        "",
        "{not json",
        json.dumps({"id": "c", "text": 42}),
        json.dumps({"id": "d", "text": "The weather was mild.", "date": "14/02/2021"}),
        json.dumps(["a list"]),
        json.dumps({"id": 7, "text": "Nothing here."}),
    ]
    out = list(analyze_lines(lines, matcher))
    assert [o.get("id") for o in out] == ["a", None, None, "c", "d", None, "7"]
    first = out[0]
    assert set(first) == {"id", "lang", "invitations", "observations"}
    assert first["lang"] == "en"
    [inv] = first["invitations"]
    assert set(inv) == {"inviter", "invitee", "occasion", "status", "confidence", "evidence"}
    assert (inv["inviter"], inv["invitee"], inv["status"]) == (
        "Elon Musk", "Vladimir Putin", "pending")
    assert 0 <= inv["confidence"] <= 1
    assert "Clubhouse" in inv["occasion"]
    assert out[1]["error"] == "line 2: empty line"  # one output line per input line
    assert "line 3" in out[2]["error"]
    assert '"text"' in out[3]["error"]
    assert "YYYY-MM-DD" in out[4]["error"]
    assert out[6]["invitations"] == []


def test_date_becomes_noon_utc() -> None:
    article = article_from_json({"id": "x", "text": "t", "date": "2021-02-15"})
    assert article.published is not None
    assert article.published.isoformat() == "2021-02-15T12:00:00+00:00"


def _seed(shared: Path, name: str, lang: str, date: str) -> str:
    text = (shared / "seeds" / name).read_text(encoding="utf-8")
    return json.dumps({"id": name, "text": text, "date": date, "lang": lang})


def test_seed_articles_per_gold(shared_dir: Path, matcher: Matcher) -> None:
    en, de = analyze_lines([
        _seed(shared_dir, "004_73de5ce1ef32ca8d.txt", "en", "2021-02-14"),
        _seed(shared_dir, "000_085402abd20f6a34.txt", "de", "2021-02-15"),
    ], matcher)
    assert en["lang"] == "en" and de["lang"] == "de"

    def main(result: dict) -> dict:
        found = [i for i in result["invitations"]
                 if {i["inviter"], i["invitee"]} == {"Elon Musk", "Vladimir Putin"}]
        assert len(found) == 1, result
        return found[0]

    assert main(en)["status"] == "pending"
    assert (main(en)["inviter"], main(en)["invitee"]) == ("Elon Musk", "Vladimir Putin")
    assert main(de)["status"] == "responded"
    assert "Clubhouse" in main(de)["occasion"]
    for result in (en, de):
        for inv in result["invitations"]:
            assert inv["status"] in STATUSES
            pair = {inv["inviter"], inv["invitee"]}
            # Invitation 2 (Musk and Kanye West) may be reported; nothing else may.
            assert pair in ({"Elon Musk", "Vladimir Putin"}, {"Elon Musk", "Kanye West"}), inv


def test_observations_are_listed_per_article(matcher: Matcher) -> None:
    """A meeting reported without an invitation word comes out under `observations`,
    not as an invitation."""
    [out] = analyze_lines([json.dumps({
        "id": "m", "date": "2023-06-20",
        "text": "Joe Biden met Emmanuel Macron at the White House on Monday."})], matcher)
    assert out["invitations"] == []
    [obs] = out["observations"]
    assert set(obs) == {"parties", "kind", "status", "evidence"}
    assert set(obs["parties"]) == {"Joe Biden", "Emmanuel Macron"}
    assert (obs["kind"], obs["status"]) == ("meeting", "took_place")
    assert "met" in obs["evidence"]


def test_one_figures_attendance_is_an_observation(matcher: Matcher) -> None:
    """Issue 14, outcome round: "X will not attend the summit in London" names one figure
    and no invitation word; `analyze` lists it under `observations` with that one party."""
    [out] = analyze_lines([json.dumps({
        "id": "o", "date": "2025-02-28",
        "text": "Italian Prime Minister Giorgia Meloni will not attend the summit in London "
                "on Sunday, her office said."})], matcher)
    assert out["invitations"] == []
    [obs] = out["observations"]
    assert set(obs) == {"parties", "kind", "status", "evidence"}
    assert obs["parties"] == ["Giorgia Meloni"]
    assert obs["status"] == "declined"
