"""The tracker's tunable settings and the fixed rules that are not worth configuring."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class TrackerPolicy:
    window_days: int = 180  # how far back an invitation can still receive reports
    quiet_after_days: int = 30
    announce_quiet: bool = False
    digest: bool = False  # emit DIGEST notifications for new sources (off by default)

    def __post_init__(self) -> None:
        problems = []
        if self.window_days < 1:
            problems.append(f"window_days must be at least 1, got {self.window_days}")
        if self.quiet_after_days < 1:
            problems.append(f"quiet_after_days must be at least 1, got {self.quiet_after_days}")
        if problems:
            raise ValueError("invalid tracker policy: " + "; ".join(problems))

    @property
    def window(self) -> timedelta:
        return timedelta(days=self.window_days)

    @property
    def renewal_horizon(self) -> timedelta:
        """How long an unanswered invitation can be renewed by the same offer made again
        (see `track._renews`): twice the window."""
        return 2 * self.window

    @property
    def quiet_after(self) -> timedelta:
        return timedelta(days=self.quiet_after_days)


# A fresh "X invites Y" this long after the invitation was settled is a new invitation,
# not a late echo of the old one.
REOPEN_AFTER_FINAL = timedelta(days=30)

# A reverse-direction invitation made within this time after the first one is read as the
# invitee's counter-offer, i.e. a reply to the first invitation.
COUNTER_WINDOW = timedelta(days=30)

# An observation naming no place ("X and Y met") moves a record that names a place only this
# soon after the record's last news (or once it is accepted): months after an unanswered
# invitation to Turkey, "they met on the sidelines of a summit" is some other meeting.
PLACELESS_OBSERVATION_WINDOW = timedelta(days=30)
