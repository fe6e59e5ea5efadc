"""Matching a text in a test, and reading the result: the (inviter, invitee, status)
triples."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from bot.domain import Article, MatchResult
from bot.evaluation.matcher_eval import LanguageScore, evaluate_corpus
from bot.matcher import Matcher

CORPUS = Path(__file__).resolve().parents[1] / "data" / "matcher"


def match_text(matcher: Matcher, text: str, day: str | None = "2025-06-01",
               lang: str | None = None) -> MatchResult:
    """The matcher's reading of one text published at noon UTC on `day` (None: undated), in
    `lang` where given (else the language identified)."""
    published = datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC) if day else None
    return matcher.match(Article(key="t", text=text, published=published, lang=lang))


def pairs(result: MatchResult) -> set[tuple[str, str, str]]:
    """(inviter id or name, invitee id or name, status) of each mention."""
    return {
        (m.inviter.figure_id or m.inviter.name, m.invitee.figure_id or m.invitee.name,
         m.status.value)
        for m in result.mentions
    }


def found_pairs(matcher: Matcher, text: str, lang: str, day: str | None) -> set[tuple[str, str]]:
    """(inviter id or name, invitee id or name) of each mention of one text, status aside."""
    return {(a, b) for a, b, _status in pairs(match_text(matcher, text, day, lang))}


def score_rounds(matcher: Matcher, directory: Path, langs: Iterable[str],
                 prefixes: Callable[[str], tuple[str, ...]]) -> dict[str, LanguageScore]:
    """The per-language scores of the self-written items of one round (ids starting with
    `prefixes(lang)`, e.g. "sv-wider-"), copied into `directory` and evaluated there; a
    malformed item fails the test rather than being skipped."""
    for lang in langs:
        lines = [line for line in (CORPUS / f"{lang}.jsonl").read_text("utf-8").splitlines()
                 if line.strip() and json.loads(line)["id"].startswith(prefixes(lang))]
        (directory / f"{lang}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    found, problems = evaluate_corpus(matcher, directory)
    assert problems == []
    return found


# The day the answer tests of the status rounds publish on.
ANSWER_DAY = "2026-03-10"

# The invitation each language's answers follow: (text, inviter, invitee).
ANSWERED_INVITATIONS = {
    "en": ("Keir Starmer invited Pedro Sánchez to London.", "keir-starmer", "pedro-sanchez"),
    "de": ("Friedrich Merz hat Emmanuel Macron nach Berlin eingeladen.", "friedrich-merz",
           "emmanuel-macron"),
    "fr": ("Emmanuel Macron a invité Pedro Sánchez à Marseille.", "emmanuel-macron",
           "pedro-sanchez"),
    "es": ("Pedro Sánchez invitó a Lula a Madrid.", "pedro-sanchez", "lula-da-silva"),
    "it": ("Giorgia Meloni ha invitato Emmanuel Macron a Napoli.", "giorgia-meloni",
           "emmanuel-macron"),
    "pt": ("Lula convidou Pedro Sánchez para Brasília.", "lula-da-silva", "pedro-sanchez"),
    "ru": ("Касым-Жомарт Токаев пригласил Владимира Путина в Алматы.",
           "kassym-jomart-tokayev", "vladimir-putin"),
    "uk": ("Володимир Зеленський запросив Дональда Туска до Києва.", "volodymyr-zelensky",
           "donald-tusk"),
    "pl": ("Donald Tusk zaprosił Emmanuela Macrona do Gdańska.", "donald-tusk",
           "emmanuel-macron"),
    "nl": ("Dick Schoof heeft Emmanuel Macron uitgenodigd in Den Haag.", "dick-schoof",
           "emmanuel-macron"),
    "no": ("Jonas Gahr Støre inviterte Emmanuel Macron til Oslo.", "jonas-gahr-store",
           "emmanuel-macron"),
    "tr": ("Recep Tayyip Erdoğan, Emmanuel Macron'u Ankara'ya davet etti.",
           "recep-tayyip-erdogan", "emmanuel-macron"),
    "ja": ("高市早苗首相は韓国の李在明大統領を東京に招待した。", "sanae-takaichi", "lee-jae-myung"),
    "zh": ("习近平邀请卢拉访问北京。", "xi-jinping", "lula-da-silva"),
}


def answer_status(matcher: Matcher, lang: str, answer: str, day: str = ANSWER_DAY) -> set[str]:
    """The statuses the matcher gives the language's invitation (`ANSWERED_INVITATIONS`)
    when `answer` follows it."""
    text, inviter, invitee = ANSWERED_INVITATIONS[lang]
    found = pairs(match_text(matcher, f"{text} {answer}", day, lang))
    return {status for a, b, status in found if (a, b) == (inviter, invitee)}
