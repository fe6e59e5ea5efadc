"""Countries, capitals, governments and "counterparts" standing for a country's leader.

"Kyiv invited…", "Russia has turned down…", "the Spanish government invited…", "his Mexican
counterpart": the press names a leader through the country. Each country in
`lexicons/_countries.toml` names ONE title of its effective leader as written in
figures.toml ("Mexican President"); the phrase resolves through that title's dated roles
and the article's date, exactly as "the Kremlin" does, so the dates of office live in one
place (the gazetteer) and an undated article resolves nothing.

Three kinds of phrase, trusted differently by the spotter:
- `place`: a country or capital name. A place is far more often where something happens
  than who acts, so it stands for the leader only as a party: not after a preposition or a
  verb of visiting, not inside a longer capitalised name, not as a modifier of a name
  ("Russia's Putin"), and only in a sentence with an invitation word (matcher).
- `title`: a government or leader phrase ("the Spanish government", "правительство
  России"): resolves like any title.
- `counterpart`: "his Mexican counterpart" is the Mexican leader only when the person it
  is the counterpart OF is a head of state or government (a foreign minister's
  counterpart is a foreign minister, whom the country's entry does not name).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.errors import ConfigError
from bot.matcher.data_files import read_data_file, string_list

KIND_PLACE = "place"
KIND_TITLE = "title"
KIND_COUNTERPART = "counterpart"
# "invitó al argentino", "the Vietnamese guest": a description by country standing for a
# figure of that country the article has already named (spotting._named_compatriot)
KIND_DEMONYM = "demonym"

# Per-language templates that build phrases from a country's adjectives and names.
# `guest`: "the Vietnamese guest", "o chefe de Estado brasileiro": a description by
# country that refers back like a demonym (guest36 round).
_TEMPLATE_KEYS = {"government": KIND_TITLE, "leader": KIND_TITLE, "counterpart": KIND_COUNTERPART,
                  "demonym": KIND_DEMONYM, "guest": KIND_DEMONYM, "president": KIND_TITLE,
                  "premier": KIND_TITLE}
# issue 14, outcome round: "венгерского премьера", "українського президента" stand for the
# leader only where the leader holds that office (the leader's title ends with it).
_OFFICE_OF_LEADER = {"president": "President", "premier": "Prime Minister"}


@dataclass(frozen=True, slots=True)
class StandIn:
    phrase: str
    leader_title: str  # a title listed in figures.toml, resolved by date
    kind: str  # KIND_*
    country: str
    capital: bool = False  # a capital ("Ankara"), not the country's name ("Turkey")
    seat: bool = False  # an official residence or seat ("Catshuis"): it hosts (seat33 round)


@dataclass(frozen=True, slots=True)
class CountryWords:
    """Everything loaded from _countries.toml: the phrases and the words that show a
    country or capital is a place, not a party."""

    stand_ins: tuple[StandIn, ...] = ()
    place_markers: frozenset[str] = frozenset()  # prepositions and visiting verbs, folded
    possessive_heads: frozenset[str] = frozenset()  # "Russia's invitation": the leader's
    formal_prefixes: tuple[str, ...] = ()  # "the Republic of": "President of the Republic of X"
    bare_counterparts: tuple[str, ...] = ()  # "his counterpart": the one other leader named
    adjectives: frozenset[str] = frozenset()  # every language's country adjectives, folded
    # "to join", "to take part": a state invited to a project, never its leader (folded)
    joining_words: tuple[str, ...] = ()
    # country code -> the title of its other top office (IT: "Italian President" beside the
    # prime minister who leads it): a counterpart holds the owner's office
    other_offices: tuple[tuple[str, str], ...] = ()
    # A country's name as the subject of a host marker ("Italy hosts the G7", "L'Italia
    # ospita", "日本が主催する"): folded name -> (its leader's title, its code). Names,
    # stems and a language's `host` forms ("Norge", which no other table needs).
    host_names: tuple[tuple[str, str, str], ...] = ()
    # folded adjective -> the codes of the countries it belongs to ("argentino" -> AR): a
    # title followed by another country's adjective is not its holder's (spotting)
    adjective_codes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # codes of the countries whose figures.toml names put the family name first ("Lee
    # Jae-myung"): a later mention by that word alone is the figure (spotting; fixk round)
    family_name_first: frozenset[str] = frozenset()

    @property
    def seats(self) -> frozenset[str]:
        """The official residences and seats, folded ("catshuis", "belwederze")."""
        return frozenset(" ".join(s.phrase.casefold().split()) for s in self.stand_ins
                         if s.seat)


def load_countries(path: Path) -> CountryWords:
    """Read _countries.toml; a missing file means no stand-ins. ConfigError names the key."""
    data = read_data_file(path)
    if data is None:
        return CountryWords()
    return countries_from_data(data, source=str(path))


def countries_from_data(data: dict[str, Any], *, source: str = "_countries.toml"
                        ) -> CountryWords:
    problems: list[str] = []
    templates = data.get("templates", {})
    if not isinstance(templates, dict):
        raise ConfigError([f"{source}: 'templates' must be a table of languages"])
    markers: set[str] = set()
    for lang, words in data.get("place_markers", {}).items():
        markers |= {w.casefold() for w in string_list(words, f"place_markers.{lang}", source,
                                                      problems)}
    stand_ins: list[StandIn] = []
    adjectives: set[str] = set()
    adjective_codes: dict[str, set[str]] = {}
    others: list[tuple[str, str]] = []
    hosts: dict[str, tuple[str, str]] = {}
    offices: dict[str, tuple[str, str | None]] = {}  # code -> (leader, other office)
    for index, entry in enumerate(data.get("countries", [])):
        where = f"countries[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("code"), str) or \
                not isinstance(entry.get("leader"), str):
            problems.append(f"{source}: {where}: needs 'code' and 'leader' (a figures.toml title)")
            continue
        code, leader = entry["code"], entry["leader"]
        if isinstance(entry.get("other_office"), str):
            others.append((code, entry["other_office"]))
        other = entry.get("other_office") if isinstance(entry.get("other_office"), str) else None
        offices[code] = (leader, other)
        for lang, words in entry.items():
            if lang in ("code", "leader", "other_office"):
                continue
            if not isinstance(words, dict):
                problems.append(f"{source}: {where}.{lang}: must be a table")
                continue
            stand_ins.extend(_phrases(words, templates.get(lang, {}), code, (leader, other),
                                      f"{where}.{lang}", source, problems))
            for adjective in words.get("adj", []):
                if isinstance(adjective, str):
                    adjectives.add(adjective.casefold())
                    adjective_codes.setdefault(adjective.casefold(), set()).add(code)
            for key in ("names", "stem", "host"):
                for name in string_list(words.get(key, []), f"{where}.{lang}.{key}", source,
                                        problems):
                    hosts.setdefault(name.casefold(), (leader, code))
    stand_ins += _seats(data.get("seats", {}), offices, source, problems)
    heads = {w.casefold() for w in string_list(data.get("possessive_heads", []),
                                               "possessive_heads", source, problems)}
    if problems:
        raise ConfigError(problems)
    prefixes = string_list(data.get("formal_prefixes", []), "formal_prefixes", source, problems)
    bare = string_list(data.get("bare_counterparts", []), "bare_counterparts", source, problems)
    joining = string_list(data.get("joining_words", []), "joining_words", source, problems)
    family_first = string_list(data.get("family_name_first", []), "family_name_first", source,
                               problems)
    if problems:
        raise ConfigError(problems)
    unique = {(s.phrase, s.kind, s.leader_title): s for s in stand_ins}
    return CountryWords(tuple(unique.values()), frozenset(markers), frozenset(heads),
                        tuple(prefixes), tuple(bare), frozenset(adjectives),
                        tuple(w.casefold() for w in joining), tuple(others),
                        tuple((name, title, code) for name, (title, code) in hosts.items()),
                        tuple((adj, tuple(sorted(codes)))
                              for adj, codes in sorted(adjective_codes.items())),
                        frozenset(code.upper() for code in family_first))


def _seats(table: Any, offices: dict[str, tuple[str, str | None]], source: str,
           problems: list[str]) -> list[StandIn]:
    """[seats.CODE]: `leader` and `other` list the residences and seats of the country's
    leader and of its other office, each read as that office's title on the article's
    date (seat33 round)."""
    if not isinstance(table, dict):
        problems.append(f"{source}: 'seats' must be a table of country codes")
        return []
    out: list[StandIn] = []
    for code, lists in table.items():
        if code not in offices or not isinstance(lists, dict):
            problems.append(f"{source}: seats.{code}: needs a [[countries]] entry and a table")
            continue
        unknown = set(lists) - {"leader", "other"}
        if unknown:
            problems.append(f"{source}: seats.{code}: unknown keys {sorted(unknown)}")
        for key, title in (("leader", offices[code][0]), ("other", offices[code][1])):
            phrases = string_list(lists.get(key, []), f"seats.{code}.{key}", source, problems)
            if phrases and title is None:
                problems.append(f"{source}: seats.{code}.other: the country has no other_office")
                continue
            out += [StandIn(p, title, KIND_TITLE, code, seat=True) for p in phrases
                    if title is not None]
    return out


def formal_variants(title: str, prefixes: tuple[str, ...]) -> list[str]:
    """"President of Belarus" -> "President of the Republic of Belarus", …: the formal
    name of a state after "of" in an English title (the same role, the same dates)."""
    role, sep, country = title.partition(" of ")
    if not sep or not role[:1].isupper() or not country[:1].isupper() or " of " in country:
        return []
    return [f"{role} of {prefix} {country}" for prefix in prefixes]


def _office_title(key: str, offices: tuple[str, str | None]) -> str | None:
    """The figures.toml title a template of `key` resolves through: the leader's, or for the
    "president"/"premier" templates the office of that name ("the Hungarian president" is
    Hungary's president, its other office, not its leader the prime minister; nobody where
    the country lists no such office)."""
    leader, other = offices
    if key not in _OFFICE_OF_LEADER or leader.endswith(_OFFICE_OF_LEADER[key]):
        return leader
    if other and other.endswith(_OFFICE_OF_LEADER[key]):
        return other
    return None


def _phrases(words: dict[str, Any], templates: dict[str, Any], code: str,
             offices: tuple[str, str | None], where: str, source: str,
             problems: list[str]) -> list[StandIn]:
    def listed(key: str) -> list[str]:
        return string_list(words.get(key, []), f"{where}.{key}", source, problems)

    leader = offices[0]

    out = [StandIn(p, leader, KIND_PLACE, code) for p in listed("names")]
    out += [StandIn(p, leader, KIND_PLACE, code, capital=True) for p in listed("capitals")]
    out += [StandIn(p, leader, KIND_TITLE, code) for p in listed("government")]
    out += [StandIn(p, leader, KIND_COUNTERPART, code) for p in listed("counterpart")]
    # {adj}: adjective forms; {name}: the country's names; {gen}: its genitive ("России",
    # "Brasiliens", "Litwy", "Finlands"); {stem}: the name as it opens a compound title
    # ("Azerbaycan Cumhurbaşkanı", "インドネシアの大統領", "巴西总统"), never a place by itself.
    fillers = {"{adj}": listed("adj"), "{name}": listed("names"), "{gen}": listed("gen"),
               "{stem}": listed("stem")}
    for key, kind in _TEMPLATE_KEYS.items():
        title = _office_title(key, offices)
        if title is None:
            continue
        for template in string_list(templates.get(key, []), f"templates.{key}", source, problems):
            for slot, values in fillers.items():
                if slot in template:
                    out += [StandIn(template.replace(slot, v), title, kind, code)
                            for v in values]
    return out

