"""Occasion normalisation and the rule for when two reported occasions are the same one.

The matcher already names places in canonical English; this module only irons out the
spellings that still differ between outlets (Kiev/Kyiv, Donbass/Donbas) and knows which
place lies inside which (the Kremlin is in Moscow, Kyiv is in Ukraine: the place tree,
data in `bot/tracker/places.toml`, see `places.py`), so that "a visit to Ukraine" can be
the same invitation as "a visit to Kyiv" while Kyiv and Donbas, two different places,
never are.
"""

from __future__ import annotations

from bot.domain import Occasion, OccasionKind
from bot.tracker.places import place_key as place_key  # re-exported: its callers use it here
from bot.tracker.places import place_tree

# Online platforms (comparison keys), mirroring the matcher's [platforms] list: the tracker
# may not import the matcher, and needs only to tell a platform from a place on the map.
_PLATFORM_KEYS: frozenset[str] = frozenset(
    {
        "clubhouse",
        "x spaces",
        "twitter",
        "x",
        "zoom",
        "instagram live",
        "instagram",
        "youtube",
        "twitch",
        "tiktok",
        "telegram",
        "rumble",
        "kick",
        "joe rogan experience",
        "facebook",
        "truth social",
    }
)

# Kinds that outlets use interchangeably for the same occasion.
_KIND_FAMILIES: tuple[frozenset[OccasionKind], ...] = (
    frozenset({OccasionKind.VISIT, OccasionKind.MEETING}),
    frozenset({OccasionKind.INTERVIEW, OccasionKind.CONVERSATION}),
)


def canonical_place(place: str | None) -> str | None:
    if place is None:
        return None
    stripped = " ".join(place.split())
    if not stripped:
        return None
    aliases = place_tree().aliases
    alias = aliases.get(stripped.casefold())
    if alias is None:
        key = place_key(stripped)
        alias = aliases.get(key) if key else None
    return alias or stripped


def normalise_occasion(occasion: Occasion) -> Occasion:
    """The same occasion with its place spelled canonically and its text trimmed."""
    return Occasion(
        kind=occasion.kind,
        place=canonical_place(occasion.place),
        text=" ".join(occasion.text.split()),
    )


def _ancestors(key: str) -> list[str]:
    return place_tree().ancestors(key)


# place_affinity of one place named twice (as opposed to one inside the other).
_SAME_PLACE = 3


def place_affinity(a: str | None, b: str | None) -> int | None:
    """How well two places agree: 3 the same, 2 one inside the other, 1 one unknown,
    None when they are two different places (the occasions cannot be the same)."""
    key_a = place_key(canonical_place(a))
    key_b = place_key(canonical_place(b))
    if key_a is None or key_b is None:
        return 1
    if key_a == key_b:
        return _SAME_PLACE
    if key_a in _ancestors(key_b) or key_b in _ancestors(key_a):
        return 2
    return None


def kind_affinity(a: OccasionKind, b: OccasionKind) -> int | None:
    """3 the same kind, 1 related or one unspecified (OTHER), None incompatible."""
    if a == b:
        return 3
    if OccasionKind.OTHER in (a, b):
        return 1
    if any(a in family and b in family for family in _KIND_FAMILIES):
        return 1
    return None


def occasion_affinity(a: Occasion, b: Occasion) -> int | None:
    """A score for two occasions being the same one (higher is closer), None if not.

    An unspecified kind (OTHER) or a missing place is compatible with a specific one; two
    places neither of which contains the other are two different occasions, and so are two
    different specific kinds (outside one family: a state visit to Paris is not the D-Day
    commemoration) unless both name the very same place - outlets do word one occasion
    differently ("a conversation in Ukraine", "a visit to Ukraine"), but a place that is
    merely missing or only contains the other is no evidence that they mean the same one.
    """
    places = place_affinity(a.place, b.place)
    if places is None:
        return None
    kinds = kind_affinity(a.kind, b.kind)
    if kinds is None:
        return places if places == _SAME_PLACE else None
    return kinds + places


def same_occasion(a: Occasion, b: Occasion) -> bool:
    """Whether two occasions are named exactly alike: the same kind, and the same place or
    none on either side (a place named on one side only is a refinement, not a repeat)."""
    return a.kind == b.kind and place_key(canonical_place(a.place)) == place_key(
        canonical_place(b.place))


def is_platform(place: str | None) -> bool:
    """Whether a place is an online platform rather than somewhere on the map."""
    key = place_key(canonical_place(place))
    return key is not None and key in _PLATFORM_KEYS


def places_conflict(a: str | None, b: str | None) -> bool:
    """Whether two named places rule out one occasion: two different places on the map, or
    two different platforms, neither containing the other.

    A platform and a map place do not conflict: a reply made "on Twitter" or "from the
    Kremlin" is where the reply was given, not a different occasion, and replies rarely
    restate the occasion precisely.
    """
    if a is None or b is None or is_platform(a) != is_platform(b):
        return False
    return place_affinity(a, b) is None


def merge_occasions(known: Occasion, reported: Occasion) -> Occasion:
    """Refine a known occasion with what a new report says more precisely.

    A specific kind replaces OTHER and a place fills a gap (or narrows a containing place:
    "Ukraine" becomes "Kyiv"); what is already specific is kept, so the record does not
    flip between the wordings of different outlets.
    """
    kind = known.kind
    if kind == OccasionKind.OTHER and reported.kind != OccasionKind.OTHER:
        kind = reported.kind
    place = known.place
    if place is None:
        place = reported.place
    elif reported.place is not None and place_affinity(place, reported.place) == 2:
        known_key = place_key(canonical_place(place))
        reported_key = place_key(canonical_place(reported.place))
        if known_key is not None and known_key in _ancestors(reported_key or ""):
            place = reported.place
    text = known.text
    refined = place != known.place or kind != known.kind
    # The human-readable phrase follows the most precise wording seen.
    if reported.text and (not text or refined):
        text = reported.text
    return Occasion(kind=kind, place=place, text=text)
