"""Posts have authors: "I invite @x to …", "come on my show, @y", "приглашаю …".

In a post the one who writes "I" is its author (`Article.author`, a handle or a name), so a
first- or second-person invitation names only the invitee; the author is the inviter.
Phrases come from `lexicons/_posts.toml`. Pure: the caller passes the sentences, the
figures found in each and the resolved author.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.domain import Party, Status
from bot.matcher.aggregate import Candidate, SentenceView
from bot.matcher.confidence import CONFIDENCE

ResolveHandle = Callable[[str], Party | None]  # a handle to the gazetteer's figure, if any

_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_][A-Za-z0-9_.\-]{0,63}(?:@[A-Za-z0-9.\-]+)?")


@dataclass(frozen=True, slots=True)
class PostPhrases:
    """Per language, the phrases of an invitation made by the one writing."""

    patterns: dict[str, re.Pattern[str]]
    accept: dict[str, re.Pattern[str]]
    decline: dict[str, re.Pattern[str]]
    negations: dict[str, frozenset[str]]
    # A past-tense verb opening the sentence with its subject left unsaid ("Запросив
    # відвідати нашу державу"): in the author's own text the subject is the author.
    leading: dict[str, re.Pattern[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> PostPhrases:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        tables: dict[str, dict[str, re.Pattern[str]]] = {"invite": {}, "accept": {},
                                                          "decline": {}, "invite_leading": {}}
        for lang, table in data.items():
            for key, compiled in tables.items():
                pattern = _alternation(table.get(key, []))
                if pattern is not None:
                    compiled[lang] = pattern
        negations = {lang: frozenset(w.casefold() for w in table.get("negations", []))
                     for lang, table in data.items()}
        return cls(tables["invite"], tables["accept"], tables["decline"], negations,
                   tables["invite_leading"])

    def find(self, sentence: str) -> re.Match[str] | None:
        lowered = _fold(sentence)
        found = [m for p in self.patterns.values() if (m := p.search(lowered))]
        return min(found, key=lambda m: m.start()) if found else None

    def find_leading(self, sentence: str) -> re.Match[str] | None:
        """A leading phrase as the sentence's first word."""
        lowered = _fold(sentence).lstrip(" \"'«“-–—")
        offset = len(sentence) - len(lowered)
        for pattern in self.leading.values():
            match = pattern.match(lowered)
            if match is not None:
                return re.compile(re.escape(match.group(0))).search(_fold(sentence), offset)
        return None

    def reply_status(self, text: str) -> Status | None:
        """How a reply answers the invitation it replies to: accepted, declined or None
        (no answer in it). A refusal wins over an acceptance ("thanks, but no")."""
        lowered = _fold(text)
        if any(p.search(lowered) for p in self.decline.values()):
            return Status.DECLINED
        for lang, pattern in self.accept.items():
            for match in pattern.finditer(lowered):
                before = set(re.findall(r"\w+", lowered[: match.start()])[-2:])
                if not before & self.negations.get(lang, frozenset()):
                    return Status.ACCEPTED
        return None


def _fold(text: str) -> str:
    return text.casefold().replace("’", "'")


def _alternation(phrases: Sequence[str]) -> re.Pattern[str] | None:
    ordered = sorted({p.casefold() for p in phrases}, key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in ordered) + r")(?!\w)")


def author_party(author: str, resolved: Party | None) -> Party:
    """The author as a party: the gazetteer's figure, else the handle or name as written."""
    return resolved or Party(name=" ".join(author.split()))


# How many sentences back an unsaid object may refer (a thanks between them is usual).
_UNSAID_REACH = 2


def authored_candidates(views: Sequence[SentenceView], author: Party, phrases: PostPhrases,
                        resolve_handle: ResolveHandle) -> list[Candidate]:
    """One pending invitation per invitee the author invites in the first person."""
    found: dict[str, Candidate] = {}
    confidence = CONFIDENCE.post_author if author.known else CONFIDENCE.post_author_unknown
    named: SentenceView | None = None  # the latest sentence naming a figure
    for view in views:
        before = named if named is not None and view.index - named.index <= _UNSAID_REACH \
            else None
        if view.facts.refs:
            named = view
        match = phrases.find(view.text)
        leading = match is None and (match := phrases.find_leading(view.text)) is not None
        if match is None:
            continue
        invitee = _invitee(view, author, resolve_handle)
        if invitee is None and leading and before is not None:
            # "Spoke with His Holiness Pope Francis. Thanked His Holiness for ... Invited
            # [him] to visit": the object left unsaid too is the one figure named last.
            others = {r.party.key: r.party for r in before.facts.refs
                      if r.party.key != author.key and r.party.known and not r.residence}
            invitee = next(iter(others.values())) if len(others) == 1 else None
        if invitee is None or invitee.key in found:
            continue
        found[invitee.key] = Candidate(
            inviter=author, invitee=invitee, status=Status.PENDING, evidence=view.text,
            confidence=confidence if invitee.known else confidence * CONFIDENCE.unknown_name,
            first_sentence=view.index, cue_end=match.end(), sentences=[view.index],
            cue_start=match.start())
    return list(found.values())


def _invitee(view: SentenceView, author: Party, resolve_handle: ResolveHandle) -> Party | None:
    """The first figure the sentence names other than the author, else its first @handle."""
    for ref in view.facts.refs:
        if ref.party.key != author.key and not ref.residence:
            return ref.party
    for handle in _HANDLE.findall(view.text):
        party = resolve_handle(handle) or Party(name=handle)
        if party.key != author.key and handle.casefold() != author.name.casefold():
            return party
    return None


# A reply longer than this is an argument of its own, not an answer to the post above.
MAX_REPLY_CHARS = 500
