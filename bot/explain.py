""""Why wasn't this posted?": every step one article went through, with its decision.

The matcher and the tracker are re-run here (they are pure) on the article's text against
the store's current state; what the pipeline actually did comes from the store (the
article row, the timeline entries it wrote, the outbox and the deliveries). Nothing is
written. Used by `invitewatch explain` and `/explain`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.discord.filters import subscription_wants, wants
from bot.domain import (
    Article,
    LoneObservation,
    MatchResult,
    Mention,
    Notification,
    Report,
    Source,
)
from bot.feeds.text import content_hash
from bot.feeds.urls import canonical_url
from bot.matcher import Matcher
from bot.matcher.aggregate import MIN_CONFIDENCE
from bot.matcher.lexicon import Lexicon
from bot.matcher.segment import segment
from bot.matcher.spotting import FigureSpotter
from bot.store.api import ORIGIN_SETUP, GuildSettings, Subscription
from bot.store.engine import SqlStore
from bot.store.explain_queries import (
    QueuedNotification,
    StoredArticle,
    Trace,
    find_article,
    find_by_content,
    notifications_for,
    traces,
    waiting_of,
)
from bot.tracker import TrackerPolicy
from bot.tracker.lone import link_lone, lone_party_key, observation_time
from bot.tracker.track import ambiguity, candidate_pairs, track

# Lexicon categories, as a person would call them.
_CUE_NAMES = {"active": "invitation", "passive": "invitation (passive)", "noun": "invitation",
              "negation": "negation", "hypothetical": "hypothetical", "reported": "reported"}


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    decision: str
    details: tuple[str, ...] = ()


@dataclass(slots=True)
class Explanation:
    query: str
    steps: list[Step] = field(default_factory=list)

    def add(self, name: str, decision: str, details: Iterable[str] = ()) -> None:
        self.steps.append(Step(name, decision, tuple(details)))

    def lines(self) -> list[str]:
        out = [f"explain {self.query}"]
        for step in self.steps:
            out.append(f"{step.name}: {step.decision}")
            out.extend(f"    {d}" for d in step.details)
        return out

    def as_dict(self) -> dict[str, Any]:
        return {"query": self.query, "steps": [
            {"step": s.name, "decision": s.decision, "details": list(s.details)}
            for s in self.steps]}


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _spotter(matcher: Matcher) -> FigureSpotter:
    # The matcher's own spotter (built once per gazetteer), else one built here.
    found = getattr(matcher, "_spotter", None)
    return found if isinstance(found, FigureSpotter) else FigureSpotter(matcher.gazetteer)


def _lexicons(matcher: Matcher, lang: str) -> Sequence[Lexicon]:
    chooser = getattr(matcher, "_lexicons_for", None)
    if callable(chooser):
        chosen = chooser(lang)
        if isinstance(chosen, list):
            return chosen
    from bot.matcher.lexicon import load_lexicons
    every = load_lexicons()
    return [every[lang]] if lang in every else list(every.values())


def canonical_ident(ident: str) -> str | None:
    """The canonical form of a URL given to explain; None for an article id."""
    ident = ident.strip()
    return None if ident.isdigit() else canonical_url(ident)


def explain(query: str, *, store: SqlStore, matcher: Matcher, policy: TrackerPolicy,
            now: datetime, article: Article | None, text_note: str = "",
            guilds: Sequence[GuildSettings] = (),
            subscriptions: Sequence[Subscription] = ()) -> Explanation:
    """`article` carries the text (None when it could not be had: `text_note` says why);
    `guilds` are the servers whose /setup filters to show, `subscriptions` their other
    subscriptions (/setup's own are the guilds' lines)."""
    out = Explanation(query)
    stored = find_article(store, query, canonical_ident(query))
    if stored is None and article is not None and article.url:
        stored = find_article(store, article.url, canonical_ident(article.url))
    duplicate = None
    if stored is None and article is not None:
        duplicate = find_by_content(store, content_hash(article.title, article.text))
    _stored_step(out, stored, duplicate)
    recorded = stored or duplicate
    result: MatchResult | None = None
    if article is None:
        out.add("text", "not available: the matcher's steps are skipped", [text_note] if
                text_note else [])
    else:
        if text_note:
            out.add("text", text_note)
        result = _matcher_steps(out, matcher, article)
    found = traces(store, recorded.id) if recorded is not None else []
    _tracker_step(out, found, result, article, store, policy, now, recorded)
    extra = [sub for sub in subscriptions if sub.origin != ORIGIN_SETUP]
    _servers_and_delivery(out, store, found, recorded, guilds, extra, _facts(matcher))
    return out


def _facts(matcher: Matcher) -> Callable[[str], tuple[str | None, str | None]]:
    def facts(figure_id: str) -> tuple[str | None, str | None]:
        figure = matcher.gazetteer.get(figure_id)
        return (figure.country, figure.category) if figure is not None else (None, None)

    return facts


def _stored_step(out: Explanation, stored: StoredArticle | None,
                 duplicate: StoredArticle | None) -> None:
    if stored is not None:
        feed = (f"from {stored.feed_title or stored.feed_url}" if stored.feed_url
                else "from no feed still listed")
        out.add("stored", f"yes, article #{stored.id}, {feed}", [
            f"read {stored.fetched_at:%Y-%m-%d %H:%M} UTC, published "
            f"{stored.published:%Y-%m-%d %H:%M} UTC" if stored.published else
            f"read {stored.fetched_at:%Y-%m-%d %H:%M} UTC, no publication date",
            f"title: {_clip(stored.title)}"] + ([f"url: {stored.url}"] if stored.url else []))
    elif duplicate is not None:
        out.add("stored", f"no: the same text is already stored as article #{duplicate.id} "
                          f"({duplicate.url or duplicate.guid}); duplicates are read once",
                [f"from {duplicate.feed_title or duplicate.feed_url or 'no feed still listed'}"])
    else:
        out.add("stored", "no: no feed has brought this article in (is its feed in "
                          "`invitewatch feeds list`, enabled, and polled since it appeared?)")


def _matcher_steps(out: Explanation, matcher: Matcher, article: Article) -> MatchResult:
    result = matcher.match(article)
    hint = f" (the feed says {article.lang})" if article.lang and article.lang != result.lang \
        else ""
    out.add("language", f"{result.lang}{hint}")
    when = article.published.date() if article.published else None
    text = f"{article.title}\n{article.text}"
    hits = _spotter(matcher).spot(text, when)
    names: dict[str, list[str]] = {}
    for hit in hits:
        figure = matcher.gazetteer.get(hit.figure_id)
        name = figure.name if figure else hit.figure_id
        forms = names.setdefault(name, [])
        if hit.surface not in forms:
            forms.append(hit.surface)
    if names:
        out.add("figures", ", ".join(names), [f"{n}: as “{'”, “'.join(f[:4])}”"
                                              for n, f in names.items()])
    else:
        out.add("figures", "no known figure (people named in the text are still considered, "
                           "at a lower confidence)")
    cues: list[str] = []
    for sentence in segment(article.title, article.text).sentences:
        found: dict[str, list[str]] = {}
        for lexicon in _lexicons(matcher, result.lang):
            for cue in lexicon.hits(sentence.text):
                label = _CUE_NAMES.get(cue.category, cue.category)
                words = found.setdefault(label, [])
                if cue.text.lower() not in words:
                    words.append(cue.text.lower())
        if found:
            listed = "; ".join(f"{k}: {', '.join(v)}" for k, v in found.items())
            cues.append(f"{listed} — “{_clip(sentence.text, 120)}”")
    out.add("cues", f"{len(cues)} sentence(s) with cue words" if cues else
            "no invitation or status words in any sentence", cues[:12])
    details = [f"{m.inviter.name} → {m.invitee.name}, {m.occasion.describe()}: "
               f"{m.status.value}, confidence {m.confidence:.2f} (the bar is "
               f"{MIN_CONFIDENCE:.2f}) — “{_clip(m.evidence, 120)}”" for m in result.mentions]
    details += [f"observation: {o.first.name} / {o.second.name}: {o.status.value}, "
                f"confidence {o.confidence:.2f} — “{_clip(o.evidence, 120)}”"
                for o in result.observations]
    details += [f"one party only: {o.party.name}"
                + (f" (the {o.side}'s side)" if o.side else "")
                + f", {o.occasion.describe()}: {o.status.value} — “{_clip(o.evidence, 120)}”"
                for o in result.lone_observations]
    if result.mentions or result.observations or result.lone_observations:
        out.add("invitations", f"{len(result.mentions)} invitation(s), "
                               f"{len(result.observations)} observation(s)"
                + (f", {len(result.lone_observations)} report(s) naming one party"
                   if result.lone_observations else ""), details)
    elif not names:
        out.add("invitations", "none: no figure found, so no invitation between figures")
    elif not cues:
        out.add("invitations", "none: figures found, but no invitation word near them")
    else:
        out.add("invitations", f"none reached the bar (confidence {MIN_CONFIDENCE:.2f}): "
                               "the cues did not link two figures as inviter and invitee")
    return result


def _tracker_step(out: Explanation, found: list[Trace], result: MatchResult | None,
                  article: Article | None, store: SqlStore, policy: TrackerPolicy,
                  now: datetime, recorded: StoredArticle | None) -> None:
    details = []
    for trace in found:
        verb = "opened new invitation" if trace.opened else "merged into invitation"
        details.append(f"{verb} #{trace.invitation_id} ({trace.inviter} → {trace.invitee}), "
                       f"status {trace.status}" + (f"; {trace.waited}" if trace.waited else ""))
    # Reports of the article that found no record yet (`tracker.waiting`).
    kept = waiting_of(store, recorded.id) if recorded is not None else []
    details += [f"waiting from {since.date().isoformat()} for a record of {who}"
                for who, since in kept]
    pairs_recorded = {(t.inviter, t.invitee) for t in found}
    if result is not None and article is not None:
        for mention in result.mentions:
            if (mention.inviter.name, mention.invitee.name) in pairs_recorded:
                continue
            details.append(_decide_again(mention, article, store, policy, now, recorded))
        details += [_link_again(lone, article, store, policy, now)
                    for lone in result.lone_observations]
    if found:
        decision = f"recorded in {len({t.invitation_id for t in found})} invitation(s)"
    elif kept:
        decision = "waiting for a record it could join"
    elif result is not None and (result.mentions or result.lone_observations):
        decision = "nothing recorded from this article"
    elif result is not None:
        decision = "nothing to track: no invitation found"
    else:
        decision = "nothing recorded from this article" if recorded else "not run"
    out.add("tracker", decision, details)


def _decide_again(mention: Mention, article: Article, store: SqlStore, policy: TrackerPolicy,
                  now: datetime, recorded: StoredArticle | None) -> str:
    """What the tracker makes of the mention against the store's current state."""
    published = article.published or now
    report = Report(mention=mention, source=Source(url=article.url, outlet=article.outlet,
                                                   lang=mention.lang, published=published))
    since = min(now, report.event_time) - policy.renewal_horizon  # as the pipeline asks
    with store.unit() as unit:
        candidates = unit.candidate_invitations(candidate_pairs(mention), since)
    outcomes = track(report, candidates, max(now, published), policy)
    pair = f"{mention.inviter.name} → {mention.invitee.name}"
    if not outcomes and (trace := ambiguity(report, candidates, max(now, published),
                                            policy)) is not None:
        return f"{pair}: {trace.reason}"
    if not outcomes:
        held = ", ".join(f"#{c.id}" for c in candidates) or "none"
        return (f"{pair}: a repeat of what invitation(s) {held} already hold (no new status, "
                "nothing to announce)")
    first = outcomes[0]
    what = "now" if recorded is None else "on the current records"
    # Vague reports the report would take off other records (`tracker/vague.py`), and why.
    regrouped = "".join(f"; invitation #{o.invitation.id}: {o.note}" for o in outcomes
                        if o.detached)
    if first.is_new:
        return f"{pair}: would open a new invitation {what}{regrouped}"
    return (f"{pair}: would merge into invitation #{first.invitation.id} {what}"
            + (f", status → {first.invitation.status.value}" if first.status_changed else
               ", no status change") + regrouped)


def _link_again(lone: LoneObservation, article: Article, store: SqlStore,
                policy: TrackerPolicy, now: datetime) -> str:
    """Which open invitation a report naming one party answers, on the current records:
    one (linked), none, or several (linked to none, and why)."""
    published = article.published or now
    source = Source(url=article.url, outlet=article.outlet, lang=lone.lang, published=published)
    since = min(now, observation_time(lone, published)) - timedelta(days=policy.window_days)
    with store.unit() as unit:
        candidates = unit.invitations_of(lone_party_key(lone), since)
    link = link_lone(lone, source, candidates, max(now, published), policy)
    who = f"{lone.party.name} alone ({lone.status.value})"
    if link.trace is not None:
        return f"{who}: {link.trace.reason}"
    if not link.outcomes:
        held = ", ".join(f"#{c.id}" for c in candidates) or "none"
        return (f"{who}: no open invitation it answers (same side, occasion and window; "
                f"records of {lone.party.name}: {held})")
    outcome = link.outcomes[0]
    return (f"{who}: answers invitation #{outcome.invitation.id} ({outcome.invitation.inviter.name}"
            f" → {outcome.invitation.invitee.name})"
            + (f", status → {outcome.invitation.status.value}" if outcome.status_changed
               else ", no status change"))


def _servers_and_delivery(out: Explanation, store: SqlStore, found: list[Trace],
                          recorded: StoredArticle | None,
                          guilds: Sequence[GuildSettings], subscriptions: Sequence[Subscription],
                          facts: Callable[[str], tuple[str | None, str | None]]) -> None:
    queued: list[QueuedNotification] = []
    if recorded is not None:
        for invitation_id in dict.fromkeys(t.invitation_id for t in found):
            queued += notifications_for(store, invitation_id, recorded.url)
    if not queued:
        why = ("no report was recorded" if not found else
               "the report changed no status (or it came with a feed's first poll, which "
               "is recorded without announcing)")
        out.add("notification", f"none queued: {why}")
        out.add("servers", "nothing to filter")
        out.add("delivery", "nothing to deliver")
        return
    out.add("notification", f"{len(queued)} queued", [
        f"#{q.notification.invitation_id} {q.notification.kind.value}: "
        f"{q.notification.inviter} → {q.notification.invitee}, {q.notification.status.value}, "
        f"queued {q.created_at:%Y-%m-%d %H:%M} UTC" for q in queued])
    server_lines = []
    for q in queued:
        for settings in guilds:
            server_lines.append(f"server {settings.guild_id}: "
                                f"{_filter_decision(settings, q.notification)}")
        for sub in subscriptions:
            wanted = subscription_wants(sub, q.notification, facts)
            server_lines.append(
                f"server {sub.guild_id}, subscription #{sub.id} (#{sub.channel_id}, "
                f"{sub.style.value}): " + ("passes its filters" if wanted else
                                           "filtered out by its filters"))
    servers = {g.guild_id for g in guilds} | {sub.guild_id for sub in subscriptions}
    out.add("servers", f"{len(servers)} server(s)" if servers else "no server set up "
            "(notifications go to the console only)", server_lines)
    delivery_lines = []
    for q in queued:
        for d in q.deliveries:
            line = f"{d.target}: {d.state}"
            if d.sent_at:
                line += f" at {d.sent_at:%Y-%m-%d %H:%M} UTC"
            if d.attempts:
                line += f", {d.attempts} attempt(s)"
            if d.last_error:
                line += f", last error: {_clip(d.last_error, 120)}"
            delivery_lines.append(line)
        if not q.planned_by:
            delivery_lines.append(f"outbox #{q.outbox_id}: not yet picked up by a notifier "
                                  "(is the bot running?)")
    states = {d.state for q in queued for d in q.deliveries}
    decision = ("delivered" if states == {"sent"} else ", ".join(sorted(states)) if states
                else "waiting")
    out.add("delivery", decision, delivery_lines)


def _filter_decision(settings: GuildSettings, note: Notification) -> str:
    from bot.discord.filters import figure_keys
    if not settings.channel_ids:
        return "no notification channel set (/setup channel)"
    reasons = []
    if settings.figure_keys and not figure_keys(note) & set(settings.figure_keys):
        reasons.append(f"its figures filter ({', '.join(settings.figure_keys)}) matches "
                       "neither figure")
    if settings.statuses and note.status not in settings.statuses:
        reasons.append(f"its statuses filter ({', '.join(s.value for s in settings.statuses)}) "
                       f"excludes {note.status.value}")
    if settings.languages and not {x.casefold() for x in settings.languages} & {
            x.casefold() for x in note.languages}:
        reasons.append(f"its languages filter ({', '.join(settings.languages)}) excludes "
                       f"{', '.join(note.languages)}")
    if note.confidence < settings.min_confidence:
        reasons.append(f"confidence {note.confidence:.2f} is below its minimum "
                       f"{settings.min_confidence:.2f}")
    if not wants(settings, note):
        return "filtered out: " + "; ".join(reasons or ["its filters"])
    channels = [c for c in settings.channel_ids if c not in settings.forbidden_channels]
    if not channels:
        return "passes its filters, but the bot may not post in its channel(s)"
    return "passes its filters → " + ", ".join(f"#{c}" for c in channels)
