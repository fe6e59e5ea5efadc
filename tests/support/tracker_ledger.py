"""Builders for hand-made reports, and a ledger that applies tracker outcomes in memory the
way the pipeline applies them to the store (candidates by pair, ids on insert)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time

from bot.domain import (
    SIDE_INVITEE,
    InvitationState,
    LoneObservation,
    Mention,
    Notification,
    Observation,
    Occasion,
    OccasionKind,
    Party,
    Report,
    Source,
    Status,
    TrackOutcome,
    WaitingFinding,
)
from bot.tracker import (
    LinkTrace,
    TrackerPolicy,
    ambiguity,
    candidate_pairs,
    expired,
    figures_of,
    in_attach_order,
    link_lone,
    may_wait,
    observation_ambiguity,
    observation_pairs,
    relink,
    track,
    track_observation,
    waiting,
)

FIGURES = {
    "musk": Party("Elon Musk", "elon-musk"),
    "putin": Party("Vladimir Putin", "vladimir-putin"),
    "zelensky": Party("Volodymyr Zelensky", "volodymyr-zelensky"),
    "west": Party("Kanye West", "kanye-west"),
    "macron": Party("Emmanuel Macron", "emmanuel-macron"),
    "scholz": Party("Olaf Scholz", "olaf-scholz"),
    "trump": Party("Donald Trump", "donald-trump"),
    "kim": Party("Kim Jong Un", "kim-jong-un"),
    "biden": Party("Joe Biden", "joe-biden"),
    "lula": Party("Luiz Inácio Lula da Silva", "lula-da-silva"),
}


def slug(text: str) -> str:
    return "-".join(text.casefold().split())


def day(text: str, hour: int = 12) -> datetime:
    return datetime.combine(date.fromisoformat(text), time(hour), tzinfo=UTC)


def report(
    inviter: str,
    invitee: str,
    status: Status,
    on: str,
    *,
    kind: OccasionKind = OccasionKind.CONVERSATION,
    place: str | None = "Clubhouse",
    url: str | None = None,
    outlet: str | None = None,
    lang: str = "en",
    confidence: float = 0.8,
    status_date: str | None = None,
    evidence: str | None = None,
    hour: int = 12,
) -> Report:
    mention = Mention(
        inviter=FIGURES.get(inviter, Party(inviter)),
        invitee=FIGURES.get(invitee, Party(invitee)),
        occasion=Occasion(kind=kind, place=place),
        status=status,
        confidence=confidence,
        evidence=evidence or f"{inviter} -> {invitee}: {status.value} ({on})",
        lang=lang,
        status_date=date.fromisoformat(status_date) if status_date else None,
    )
    source = Source(
        url=url or f"https://{slug(outlet or 'news')}.example/{inviter}-{invitee}-{status.value}-{on}",
        outlet=outlet or "Example News",
        lang=lang,
        published=day(on, hour),
    )
    return Report(mention=mention, source=source)


def observation(
    first: str,
    second: str,
    status: Status,
    on: str,
    *,
    kind: OccasionKind = OccasionKind.MEETING,
    place: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    lang: str = "en",
    confidence: float = 0.8,
    status_date: str | None = None,
) -> tuple[Observation, Source]:
    """An observation ("X and Y met") with the source that reports it."""
    seen = Observation(
        first=FIGURES.get(first, Party(first)),
        second=FIGURES.get(second, Party(second)),
        occasion=Occasion(kind=kind, place=place),
        status=status,
        confidence=confidence,
        evidence=f"{first} and {second}: {status.value} ({on})",
        lang=lang,
        status_date=date.fromisoformat(status_date) if status_date else None,
    )
    source = Source(
        url=url or f"https://{slug(outlet or 'wire')}.example/seen-{first}-{second}-{on}",
        outlet=outlet or "Example Wire",
        lang=lang,
        published=day(on),
    )
    return seen, source


def lone(
    who: str,
    status: Status,
    on: str,
    *,
    side: str | None = SIDE_INVITEE,
    kind: OccasionKind = OccasionKind.MEETING,
    place: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    confidence: float = 0.7,
    status_date: str | None = None,
) -> tuple[LoneObservation, Source]:
    """A report naming one party ("Putin will not attend"), with the source that reports it.
    A distinct `outlet` gives a distinct source of the same day."""
    seen = LoneObservation(
        party=FIGURES.get(who, Party(who)),
        side=side,
        occasion=Occasion(kind=kind, place=place),
        status=status,
        confidence=confidence,
        evidence=f"{who}: {status.value} ({on})",
        lang="en",
        status_date=date.fromisoformat(status_date) if status_date else None,
    )
    source = Source(
        url=url or f"https://{slug(outlet or 'wire')}.example/lone-{who}-{on}",
        outlet=outlet or "Wire",
        lang="en",
        published=day(on),
    )
    return seen, source


@dataclass
class Ledger:
    """Holds invitations between reports as the store would, for the pure tracker's tests."""

    policy: TrackerPolicy = field(default_factory=TrackerPolicy)
    invitations: dict[int, InvitationState] = field(default_factory=dict)
    notifications: list[Notification] = field(default_factory=list)
    outcomes: list[TrackOutcome] = field(default_factory=list)
    traces: list[LinkTrace] = field(default_factory=list)  # as the pipeline notes them
    # Reports linked to none, with the records they fitted alike (the pipeline keeps them
    # in its trace notes): `relink` joins them to those records once a bridge merges them.
    unlinked: list[LinkTrace] = field(default_factory=list)
    last_id: int = 0  # ids are never reused, as a database's are not
    # One-party reports and observations that found no record, as the store keeps them
    # (`tracker.waiting`): tried again when a report opens, places or widens a record of theirs.
    waiting: list[WaitingFinding] = field(default_factory=list)

    def feed(self, rep: Report, now: datetime | None = None) -> list[TrackOutcome]:
        pairs = set(candidate_pairs(rep.mention))
        candidates = [
            inv for inv in self.invitations.values()
            if (inv.inviter.key, inv.invitee.key) in pairs
        ]
        moment = now or rep.source.published
        outcomes = track(rep, candidates, moment, self.policy)
        self.apply_all(outcomes, moment)
        if not outcomes and (trace := ambiguity(rep, candidates, moment, self.policy)):
            self.traces.append(trace)
            self.unlinked.append(trace)
        opened = figures_of(outcomes, candidates)
        if opened:
            self.attach_waiting(opened, moment)
        return outcomes

    def attach_waiting(self, figures: list[str], now: datetime) -> None:
        """As the pipeline does when a report opens, places or widens a record of `figures`."""
        fresh = [w for w in self.waiting if not expired(w, now, self.policy)]
        for finding in in_attach_order([w for w in fresh
                                        if set(w.party_keys) & set(figures)]):
            outcomes, trace = self._link(finding.finding, finding.source, now)
            if trace is not None or outcomes:
                fresh = [w for w in fresh if w is not finding]
            if trace is not None:
                self.traces.append(trace)
                self.unlinked.append(trace)
            self.apply_all(outcomes, now)
        self.waiting = fresh

    def _link(self, finding: LoneObservation | Observation, source: Source, now: datetime
              ) -> tuple[list[TrackOutcome], LinkTrace | None]:
        if isinstance(finding, LoneObservation):
            candidates = [inv for inv in self.invitations.values()
                          if finding.party.key in (inv.inviter.key, inv.invitee.key)]
            link = link_lone(finding, source, candidates, now, self.policy)
            return link.outcomes, link.trace
        pairs = set(observation_pairs(finding))
        candidates = [inv for inv in self.invitations.values()
                      if (inv.inviter.key, inv.invitee.key) in pairs]
        outcomes = track_observation(finding, source, candidates, now, self.policy)
        if outcomes:
            return outcomes, None
        return [], observation_ambiguity(finding, source, candidates, now, self.policy)

    def lone(self, seen: tuple[LoneObservation, Source], now: datetime | None = None
             ) -> list[TrackOutcome]:
        """A one-party report, as the pipeline links it (or keeps it waiting)."""
        return self._found(seen[0], seen[1], now)

    def _found(self, finding: LoneObservation | Observation, source: Source,
               now: datetime | None) -> list[TrackOutcome]:
        moment = now or source.published
        outcomes, trace = self._link(finding, source, moment)
        self.apply_all(outcomes, moment)
        if trace is not None:
            self.traces.append(trace)
            self.unlinked.append(trace)
        elif not outcomes and may_wait(finding):
            self.waiting.append(waiting(finding, source, moment))
        return outcomes

    def apply_all(self, outcomes: list[TrackOutcome], now: datetime) -> None:
        """As the pipeline saves one report's outcomes: the first is the report's record; an
        entry another loses without it moving there fits both (linked to none); a merge
        joins the reports linked to none that fitted only its parts."""
        own: int | None = None
        for outcome in outcomes:
            ident = self.apply(outcome)
            own = ident if own is None else own
            for entry in outcome.detached:
                if own != ident and entry not in outcomes[0].invitation.timeline:
                    self.unlinked.append(LinkTrace((ident, own), outcome.note, entry))
            if outcome.merged_ids:
                again = relink(self.invitations[ident], outcome.merged_ids, self.unlinked,
                               now, self.policy)
                if again is not None:
                    self.apply(again)

    def observe(
        self, seen: tuple[Observation, Source], now: datetime | None = None
    ) -> list[TrackOutcome]:
        return self._found(seen[0], seen[1], now)

    def feed_all(self, reports: Iterable[Report]) -> Ledger:
        for rep in reports:
            self.feed(rep)
        return self

    def apply(self, outcome: TrackOutcome) -> int:
        state = outcome.invitation
        for merged_id in outcome.merged_ids:  # as the store absorbs a bridged record
            del self.invitations[merged_id]
        if state.id is None:
            self.last_id += 1
        ident = state.id if state.id is not None else self.last_id
        self.invitations[ident] = replace(state, id=ident, timeline=list(state.timeline))
        self.notifications.extend(replace(n, invitation_id=ident) for n in outcome.notifications)
        # As the pipeline notes why entries were taken off a record (its debug view).
        self.traces.extend(LinkTrace((ident,), outcome.note, e) for e in outcome.detached)
        self.outcomes.append(outcome)
        return ident

    def only(self) -> InvitationState:
        assert len(self.invitations) == 1, f"expected one invitation, got {self.describe()}"
        return next(iter(self.invitations.values()))

    def between(self, inviter: str, invitee: str) -> list[InvitationState]:
        return [
            inv for inv in self.invitations.values()
            if inv.inviter.key == FIGURES[inviter].key and inv.invitee.key == FIGURES[invitee].key
        ]

    def describe(self) -> list[str]:
        return [
            f"{i}: {inv.inviter.name} -> {inv.invitee.name} {inv.occasion.describe()} {inv.status}"
            for i, inv in self.invitations.items()
        ]
