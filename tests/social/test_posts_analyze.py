"""Posts have authors: `analyze` with author/platform/in_reply_to, in en, de, fr, es, ru, uk."""

from __future__ import annotations

import json

import pytest

from bot.analyze import analyze_lines
from bot.domain import Article, Status
from bot.matcher import Matcher


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher.load()


KREMLIN = "@KremlinRussia_E"
MUSK = "@elonmusk"

# (invitation post by the Kremlin's account, an accepting reply, a refusing reply)
POSTS = {
    "en": ("I invite @elonmusk to a conversation in Moscow.", "Sure, let's do it",
           "No thanks."),
    "de": ("Ich lade Elon Musk zu einem Gespräch nach Moskau ein.", "Gerne, bin dabei!",
           "Nein danke."),
    "fr": ("Je vous invite à Moscou, @elonmusk.", "Avec plaisir !", "Non merci."),
    "es": ("Te invito a Moscú, @elonmusk.", "¡Claro, cuenta conmigo!", "No, gracias."),
    "ru": ("Приглашаю Илона Маска в Москву.", "С удовольствием!", "Нет, спасибо."),
    "uk": ("Запрошую Ілона Маска до Києва.", "Із задоволенням!", "Ні, дякую."),
}


def run(matcher: Matcher, *lines: dict[str, str]) -> list[dict[str, object]]:
    return list(analyze_lines([json.dumps(line) for line in lines], matcher))


@pytest.mark.parametrize("lang", sorted(POSTS))
@pytest.mark.parametrize(("reply_index", "status"), [(1, "accepted"), (2, "declined")])
def test_author_invites_and_the_invitees_reply_sets_the_status(
        matcher: Matcher, lang: str, reply_index: int, status: str) -> None:
    invitation, *_ = POSTS[lang]
    reply = POSTS[lang][reply_index]
    first, answer = run(
        matcher,
        {"id": "post", "text": invitation, "author": KREMLIN, "platform": "x",
         "date": "2026-11-30"},
        {"id": "reply", "text": reply, "author": MUSK, "platform": "x",
         "in_reply_to": "post", "date": "2026-11-30"})
    (made,) = first["invitations"]  # type: ignore[misc]
    assert (made["inviter"], made["invitee"], made["status"]) == (
        "Vladimir Putin", "Elon Musk", "pending"), first
    (answered,) = answer["invitations"]  # type: ignore[misc]
    assert (answered["inviter"], answered["invitee"], answered["status"]) == (
        "Vladimir Putin", "Elon Musk", status), answer
    assert answered["evidence"] == reply


def test_the_same_text_without_an_author_finds_no_inviter(matcher: Matcher) -> None:
    (out,) = run(matcher, {"id": "a", "text": POSTS["en"][0]})
    assert out["invitations"] == []


def test_a_reply_by_someone_else_or_to_an_unknown_post_reports_nothing(
        matcher: Matcher) -> None:
    lines = run(
        matcher,
        {"id": "post", "text": POSTS["en"][0], "author": KREMLIN},
        {"id": "other", "text": "Sure, let's do it", "author": "@kanyewest",
         "in_reply_to": "post"},
        {"id": "orphan", "text": "Sure, let's do it", "author": MUSK, "in_reply_to": "gone"},
        {"id": "unsure", "text": "Not sure", "author": MUSK, "in_reply_to": "post"})
    assert [line["invitations"] for line in lines[1:]] == [[], [], []]


def test_unknown_author_and_handle_are_parties_by_name(matcher: Matcher) -> None:
    (out,) = run(matcher, {"id": "a", "text": "Come on my show, @somebody_new!",
                           "author": "@host_of_a_show", "platform": "bluesky"})
    (made,) = out["invitations"]  # type: ignore[misc]
    assert (made["inviter"], made["invitee"]) == ("@host_of_a_show", "@somebody_new")


@pytest.mark.parametrize(("field", "value"), [("platform", "myspace"), ("author", 5),
                                               ("in_reply_to", "a\nb")])
def test_bad_post_fields_are_a_clear_line_error(matcher: Matcher, field: str,
                                                value: object) -> None:
    (out,) = analyze_lines([json.dumps({"id": "a", "text": "x", field: value})], matcher)
    assert "error" in out and field in str(out["error"])


def test_reply_answer_in_the_match_result(matcher: Matcher) -> None:
    result = matcher.match(Article(key="r", text="Count me in!", author=MUSK,
                                   in_reply_to="post", platform="bluesky"))
    assert result.reply is not None and result.reply.status == Status.ACCEPTED
    assert result.reply.author.figure_id is not None
    plain = matcher.match(Article(key="r", text="Count me in!", author=MUSK))
    assert plain.reply is None  # not a reply: nothing it could answer
