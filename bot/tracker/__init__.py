"""The tracker: which invitation a report belongs to, the status machine, the timeline.

Pure: no I/O, the clock is an argument. See docs/CONTRACTS.md, "tracker/".
"""

from bot.tracker.bridge import bridge_search
from bot.tracker.lone import LoneLink, link_lone, lone_party_key, observation_time
from bot.tracker.occasion import normalise_occasion
from bot.tracker.places import PlaceTreeError, use_place_overlay
from bot.tracker.policy import TrackerPolicy
from bot.tracker.replies import reply_mention
from bot.tracker.trace import LinkTrace
from bot.tracker.track import (
    ambiguity,
    candidate_pairs,
    observation_ambiguity,
    observation_pairs,
    relink,
    sweep_quiet,
    track,
    track_observation,
)
from bot.tracker.waiting import (
    expired,
    figures_of,
    in_attach_order,
    may_wait,
    waited_note,
    waiting,
    waiting_since,
)

__all__ = [
    "LinkTrace",
    "LoneLink",
    "PlaceTreeError",
    "TrackerPolicy",
    "ambiguity",
    "bridge_search",
    "candidate_pairs",
    "expired",
    "figures_of",
    "in_attach_order",
    "link_lone",
    "lone_party_key",
    "may_wait",
    "normalise_occasion",
    "observation_ambiguity",
    "observation_pairs",
    "observation_time",
    "relink",
    "reply_mention",
    "sweep_quiet",
    "track",
    "track_observation",
    "use_place_overlay",
    "waited_note",
    "waiting",
    "waiting_since",
]
