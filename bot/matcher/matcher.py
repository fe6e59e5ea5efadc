"""The matcher: an article in, the invitations it reports out. Pure after loading."""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from bot.domain import (
    SIDE_INVITEE,
    Article,
    LoneObservation,
    MatchResult,
    Mention,
    Observation,
    Occasion,
    OccasionKind,
    Party,
    ReplyAnswer,
    Status,
)
from bot.matcher.aggregate import (
    ANY_GUEST,
    Candidate,
    SentenceView,
    fold_article,
    to_mention,
)
from bot.matcher.authored import (
    MAX_REPLY_CHARS,
    PostPhrases,
    author_party,
    authored_candidates,
)
from bot.matcher.bare_titles import BareTitleResolver, BareTitleWords, Named, load_bare_titles
from bot.matcher.cjk_names import load_cjk_names
from bot.matcher.clause import complements_of, words_of
from bot.matcher.confidence import CONFIDENCE
from bot.matcher.consorts import without_consorts
from bot.matcher.coref import Story, story_subject
from bot.matcher.countries import KIND_PLACE, CountryWords, load_countries
from bot.matcher.dates import DateWords, status_date
from bot.matcher.denied import DenialWords, denial_views, denied_elsewhere
from bot.matcher.extract import (
    Ref,
    SentenceFacts,
    analyse,
    before_relative_clause,
    invited_after_meeting,
    sentence_cues,
    slavic_case,
    status_rank,
    verb_of_invitation,
    with_unknown_names,
)
from bot.matcher.figures_source import BUILTIN_FIGURES, load_figures
from bot.matcher.gazetteer import Gazetteer
from bot.matcher.grammar import Grammar, load_extra_grammars, merged_endings, with_endings
from bot.matcher.groups import group_arrivals, group_nouns
from bot.matcher.headline import separate_reports
from bot.matcher.host_by_place import (
    PlacedSentence,
    hosts_by_place,
    load_place_hosts,
    place_countries,
)
from bot.matcher.hosts import (
    HostedGuest,
    HostView,
    country_hosts,
    has_host_marker,
    has_reception,
    hosted_guests,
    received_guests,
    reception_hosts,
    with_titled_leaders,
)
from bot.matcher.kin import KinWords, named_as_kin
from bot.matcher.langid import UNDETERMINED, detect_language
from bot.matcher.lexicon import (
    CueHit,
    Lexicon,
    default_lexicon_dir,
    load_common_words,
    load_lexicons,
    merged_words,
)
from bot.matcher.local_names import (
    FORM_LOCAL,
    FORM_LOCAL_SURNAME,
    LocalNameFinder,
    load_role_words,
    weakly_named,
    with_local_names,
)
from bot.matcher.names import GENERIC_STOPWORDS
from bot.matcher.namesakes import given_names, known_given_names, namesake
from bot.matcher.observe import (
    LoneFinding,
    ObservationFinding,
    observation_cues,
    observe_lone,
    observe_sentence,
    place_relatives,
    without_later_offices,
    without_office_holders,
    without_place_clause,
    without_places,
    without_stand_ins,
)
from bot.matcher.occasion import (
    PlaceFinder,
    PlaceHit,
    choose_occasion,
    describe,
    destination_starts,
)
from bot.matcher.organisations import (
    OrganisationWords,
    club_named,
    company_named,
    load_organisation_words,
    title_not_the_holder,
)
from bot.matcher.segment import DEFAULT_ABBREVIATIONS, Segmented, segment
from bot.matcher.spotting import (
    FORM_BARE_TITLE,
    FORM_CONFIDENCE,
    FORM_COUNTERPART,
    FORM_DEMONYM,
    FORM_NAME,
    FORM_STANDIN,
    FORM_SURNAME,
    FORM_TITLE,
    FORM_TITLED_SURNAME,
    CommonWords,
    FigureHit,
    FigureSpotter,
    lower_same_length,
    stand_ins_as_subjects,
)
from bot.matcher.transcript import (
    SentenceSpan,
    TranscriptWords,
    add_transcript_findings,
    has_speaker_label,
    may_quote,
    phrase_possible,
    title_speaker,
    transcript_words,
    without_vocative_titles,
)

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 200_000  # a feed item longer than this is a dump, not an article
# A figure named by name in a headline half (issue 14, falsepair36 round): an office, seat
# or country standing for a leader does not count (headline.separate_reports).
_BY_NAME = frozenset({FORM_NAME, FORM_SURNAME, FORM_TITLED_SURNAME})
_ADJACENT = frozenset(" ,\u00a0-–()")
_SEAT_WORD_CHARS = 12  # "i Oslo", "in Madrid": the word before a capital


def _adjacent(gap: str) -> bool:
    """Two mentions of one figure that are one mention: "Russian President Vladimir Putin",
    "Elon Musk (@elonmusk)", "премьер-министра Индии Нарендру Моди" (a first name between)."""
    if all(ch in _ADJACENT for ch in gap):
        return True
    words = gap.split()
    return len(words) == 1 and words[0][:1].isupper() and words[0].isalpha()


def default_figures_path() -> Path:
    """The gazetteer shipped inside the package (package data, found by any install)."""
    return BUILTIN_FIGURES


@dataclass(frozen=True, slots=True)
class _Resources:
    lexicons: dict[str, Lexicon]
    places: PlaceFinder
    tail_markers: frozenset[str]
    abbreviations: frozenset[str]
    residence_words: frozenset[str]  # a title ending in one of these is a residence
    seats: frozenset[str]  # _countries.toml's [seats], folded: residences too (seat33 round)
    date_words: dict[str, DateWords]  # the lexicons' [dates] tables
    grammars: dict[str, Grammar]  # per language, every one with all case endings
    default_grammar: Grammar


def _grammars(lexicons: dict[str, Lexicon], extra: dict[str, Grammar]
              ) -> tuple[dict[str, Grammar], Grammar]:
    """Each language's grammar: its lexicon's [grammar] table, else `_grammar.toml`'s. The
    case endings of every language go into each, as a Cyrillic name may turn up anywhere."""
    own = {**extra, **{code: lexicon.grammar for code, lexicon in lexicons.items()}}
    endings = merged_endings(own.values())
    return ({code: with_endings(g, endings) for code, g in own.items()},
            with_endings(Grammar(), endings))


# The titles a country's leader holds, in the gazetteer's English form "<role> of <country>".
LEADING_ROLES = ("President", "Prime Minister", "Chancellor")
# A bare title ("à l'invitation du roi") may stand for a monarch of a country the article
# names (bare_titles.py keeps only the holder of the phrase's own kind; issue 14, fixu round).
BARE_TITLE_ROLES = (*LEADING_ROLES, "King", "Queen", "Emperor")
# The gazetteer categories of a host's own side: its government, staff and press.
HOSTS_OWN_SIDE = frozenset({"minister", "official", "spokesperson", "military", "media"})
# Who hosts or is hosted by a reception (hosts.received_guests): not a minister or envoy.
# What follows a dateline's place: "DEN HAAG (ANP) -", "KYIV, March 3 -", "OSLO:".
_DATELINE = re.compile(r"\s*(\(|,\s*\w+\s+\d|[-–—:])")
_RECEIVING_CATEGORIES = frozenset({"head_of_state", "head_of_government", "royal", "religious"})
# The observation cues a counted group arrives by (groups.py): the singular verbs of one
# figure and the plural ones of a group (stop 28, gaps round).
_GROUP_ARRIVALS = frozenset({"arrived", "group_arrived"})
# Forms that name a figure by office or country, not by name (`Ref.by_office`).
_OFFICE_FORMS = frozenset({FORM_TITLE, FORM_STANDIN, FORM_COUNTERPART, FORM_DEMONYM,
                           FORM_BARE_TITLE})

# The link words of a seat named after its place ("Palacio de Miraflores", "Palácio do
# Planalto", "Palazzo della Consulta"), where the residence noun stands first.
_SEAT_OF_WORDS = frozenset({"de", "del", "do", "da", "dos", "das", "di", "della", "du", "des"})


_TITLE_BEFORE_NAME = 2  # words before a name holding its title ("Ierse president", "the Irish president")
# A title framing a name ("韓国の ... 大統領"): characters of the title after the name and of
# its country before it, and what may close either (a particle, a stop, a space).
_FRAME_TITLE = 4
_FRAME_PREFIX = 8
_FRAME_STOPS = frozenset("、。，「」（）() \n")
_FRAME_CLOSERS = _FRAME_STOPS | frozenset("はがのとにをもへで・")


def _titled_unknowns(text: str, hits: list[FigureHit], spans: list[tuple[int, int, str]]
                     ) -> tuple[list[FigureHit], list[tuple[int, int, str]]]:
    """"De Ierse president Catherine Connolly ... reist de president naar Eindhoven": a bare
    title is the one person the gazetteer does not know whom the article named before it
    with that title word, unless a known figure carries the same word too (issue 14, stop
    31, fixr round). Returns those bare titles as hits of that name, and the other spans,
    which resolve as before (bare_titles.py)."""
    unknown = [h for h in hits if h.form == FORM_LOCAL and h.name]
    if not unknown:
        return [], spans

    def title_words(hit: FigureHit) -> list[str]:
        before = text[max(0, hit.start - 60) : hit.start].split()[-_TITLE_BEFORE_NAME:]
        return [w.strip(",.;:()\"'«»").casefold() for w in before]

    def holds(words: list[str], head: str) -> bool:
        # the same title word, or one case ending apart ("Präsident", "den Präsidenten")
        return any(w == head or (min(len(w), len(head)) >= 5 and abs(len(w) - len(head)) <= 2
                                 and (w.startswith(head) or head.startswith(w)))
                   for w in words)

    found: list[FigureHit] = []
    rest: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        head = text[start:end].split()[-1].casefold()
        names = {h.name for h in unknown if h.end <= start and holds(title_words(h), head)}
        known = any(h.figure_id and holds(title_words(h) + h.surface.casefold().split(), head)
                    for h in hits)
        if len(names) == 1 and not known:
            found.append(FigureHit("", start, end, FORM_LOCAL_SURNAME, text[start:end],
                                   name=names.pop()))
        else:
            rest.append((start, end, kind))
    return found, rest


def _genitive_subjects(sentence: str, refs: list[Ref], lexicons: list[Lexicon]) -> list[Ref]:
    """"Sözcü, Orbán'ın daveti kabul ettiğini açıkladı": a genitive name is the subject of
    a nominalised verb later in its clause (lexicon `subject_genitive_endings`: -dığını,
    -eceğini ...), not the owner of the invitation after it, unless a word before that
    verb carries the possessed form with its case (`possessed_case_endings`: "davetini").
    Turkish (issue 14, stop 31, fixr round); other languages list no such endings."""
    endings = tuple(merged_words(lexicons, "subject_genitive_endings"))
    if not endings or not any(r.possessive for r in refs):
        return refs
    possessed = tuple(merged_words(lexicons, "possessed_case_endings"))
    out: list[Ref] = []
    for ref in refs:
        if ref.possessive:
            after = re.sub(r"^['’]\w+", "", sentence[ref.end:])  # the genitive ending
            clause = re.split(r"[,;:.!?]", after, maxsplit=1)[0]
            words = [w.strip("\"'’«»“”()").casefold() for w in clause.split()]
            verb = next((i for i, w in enumerate(words) if w.endswith(endings)), None)
            if verb and not (possessed and any(w.endswith(possessed) for w in words[:verb])):
                ref = replace(ref, possessive=False)
        out.append(ref)
    return out


class Matcher:
    """Finds invitations between public figures in one article at a time."""

    # The exact pre-filter (`_quiet`): an article in which nothing could be found skips
    # figure spotting and sentence analysis. Off only to prove it changes no result
    # (tests/matcher/test_prefilter.py).
    prefilter = True

    def __init__(self, gazetteer: Gazetteer, lexicons: dict[str, Lexicon], places: PlaceFinder,
                 common_words: CommonWords | None = None,
                 grammars: dict[str, Grammar] | None = None,
                 countries: CountryWords | None = None,
                 role_words: frozenset[str] = frozenset(),
                 bare_titles: BareTitleWords | None = None,
                 organisations: OrganisationWords | None = None) -> None:
        self.gazetteer = gazetteer
        # "Goldman Sachs", "Deutsche Bank": companies, no persons; "the First President of
        # Kazakhstan": no holder on the date (organisations.py).
        self._organisations = organisations or OrganisationWords()
        # "the Chancellor", "глава МИД": a role without its country, settled by the article.
        self._bare_titles = BareTitleResolver(gazetteer, bare_titles or BareTitleWords(),
                                              (countries or CountryWords()).adjectives)
        self._post_phrases = PostPhrases.load(default_lexicon_dir() / "_posts.toml")
        # Japanese and Chinese names beside a title (cjk_names.py, issue 14 unknown round).
        self._cjk_names = load_cjk_names(default_lexicon_dir() / "_cjk_names.toml")
        # "Modi landed in Moscow. He and Putin discussed oil": the host from the place
        # (host_by_place.py, issue 14, hostinf round).
        self._by_place = load_place_hosts(default_lexicon_dir() / "_host_by_place.toml",
                                          default_lexicon_dir() / "_countries.toml")
        # A post author (as the adapters write it) → the figure a source names as its owner.
        self._author_figures: dict[str, str] = {}
        self._role_words = role_words
        # A country's name or capital (English, as `_places.toml` names it) -> its code.
        self._place_countries = {s.phrase: s.country for s in (countries or CountryWords()).stand_ins
                                 if s.kind == KIND_PLACE}
        # A country's code -> the titles of its leader and other office (`_countries.toml`).
        self._office_titles: dict[str, tuple[str, ...]] = {}
        for stand_in in (countries or CountryWords()).stand_ins:
            if stand_in.kind == KIND_PLACE:
                self._office_titles.setdefault(stand_in.country, (stand_in.leader_title,))
        for code, other in (countries or CountryWords()).other_offices:
            self._office_titles[code] = (*self._office_titles.get(code, ()), other)
        # "Kremlin invites Ankara": a capital after a seat of government (spotting.py).
        self._capitals = frozenset(s.phrase.casefold() for s in
                                   (countries or CountryWords()).stand_ins if s.capital)
        self._joining_words = (countries or CountryWords()).joining_words
        # "Italy hosts the G7": a country's name -> its leader's title and code (hosts.py).
        self._host_names = {name: (title, code) for name, title, code in
                            (countries or CountryWords()).host_names}
        # "Prime Minister of Greece": a party's country, not the occasion's place.
        places.set_title_words(role_words, (countries or CountryWords()).formal_prefixes,
                               _title_beside_words(role_words, lexicons.values()))
        # "SSC Napoli", "FC Barcelona": a club named after its city is no place.
        self._organisation_markers = merged_words(list(lexicons.values()), "organisation_markers")
        # "the hockey club Salavat Yulayev": a name beside a club word is no person.
        self._club_words = merged_words(list(lexicons.values()), "club_words")
        # "Trainer Markus Kellermann", "coach ...": a role outside public life (neg round).
        self._private_roles = merged_words(list(lexicons.values()), "private_role_words")
        # "No invitation has been issued, the White House said" (denied.py)
        self._no_invitation = DenialWords(merged_words(list(lexicons.values()),
                                                       "no_invitation_words"))
        # The kin words of each set of lexicons in force, merged once (kin.py).
        self._kin_words: dict[tuple[str, ...], KinWords] = {}
        # Each figure's given names (namesakes.py), folded once when first needed.
        self._given_names: dict[str, frozenset[str]] = {}
        # Words before a surname that are no given name ("President", "Mrs"), per lexicons.
        self._not_given_names: dict[tuple[str, ...], frozenset[str]] = {}
        # Every figure's given names ("Kyrylo" opening a sentence is still a given name),
        # built once when first needed: one set for every language, since `namesake` has
        # ruled out the words before a surname that are no given name before it asks (a
        # set per language was ~0.5 MB each, 20 MB in every worker process).
        self._known_given: frozenset[str] | None = None
        self._women_given: frozenset[str] | None = None  # `_local_gender`
        self._men_given: frozenset[str] | None = None
        self._all_given: frozenset[str] | None = None  # every language's (weakly_named)
        # One finder of titled names per language in force (its word lists merged once).
        self._local_finders: dict[str, LocalNameFinder] = {}
        # The transcript words of each set of lexicons in force, merged once.
        self._transcript_words: dict[tuple[str, ...], TranscriptWords] = {}
        all_lexicons = list(lexicons.values())
        self._spotter = FigureSpotter(gazetteer, common_words, countries,
                                      role_words | merged_words(all_lexicons, "titles"))
        by_language, default_grammar = _grammars(lexicons, grammars or {})
        self._resources = _Resources(
            lexicons=lexicons,
            places=places,
            tail_markers=merged_words(all_lexicons, "tail_markers"),
            abbreviations=DEFAULT_ABBREVIATIONS | merged_words(all_lexicons, "abbreviations"),
            residence_words=merged_words(all_lexicons, "residence_words"),
            seats=(countries or CountryWords()).seats,
            date_words={code: lx.dates for code, lx in lexicons.items() if lx.dates},
            grammars=by_language,
            default_grammar=default_grammar,
        )

    @classmethod
    def load(cls, figures_path: Path | None = None, lexicon_dir: Path | None = None, *,
             overrides: Path | None = None) -> Matcher:
        """Read the figures and the lexicons once; ConfigError names file and key.

        `figures_path` is a complete gazetteer (default: the built-in one); `overrides` is a
        host's config/figures.toml applied over it by figure id (see figures_source)."""
        gazetteer = load_figures(overrides, builtin=figures_path or default_figures_path())
        directory = lexicon_dir or default_lexicon_dir()
        lexicons = load_lexicons(directory)

        def shared(name: str) -> Path:
            """A shared data file of the lexicon directory, else the bundled one."""
            path = directory / name
            return path if path.exists() else default_lexicon_dir() / name

        return cls(gazetteer, lexicons, PlaceFinder(shared("_places.toml")),
                   load_common_words(shared("_common_words.toml")),
                   load_extra_grammars(shared("_grammar.toml")),
                   load_countries(shared("_countries.toml")),
                   load_role_words(shared("_role_words.toml")),
                   load_bare_titles(shared("_bare_titles.toml")),
                   load_organisation_words(shared("_organisations.toml")))

    @property
    def languages(self) -> list[str]:
        return sorted(self._resources.lexicons)

    def match(self, article: Article) -> MatchResult:
        """Never raises: an article the matcher cannot read yields no mentions."""
        try:
            return self._match(article)
        except Exception:  # one odd article must never stop a feed's batch
            log.exception("matcher failed on article %r", getattr(article, "key", None))
            return MatchResult(lang=UNDETERMINED)

    def _residence(self, hit: FigureHit) -> bool:
        """A role title naming a building or seat ("Buckingham Palace", "the Kremlin",
        "Palazzo Chigi"): it hosts; it is never the one invited."""
        if hit.form != FORM_TITLE:
            return False
        words = hit.surface.casefold().replace("’", "'").split()
        if " ".join(words) in self._resources.seats:
            return True
        last = words[-1].split("'")[-1] if words else ""
        # "Palacio de Miraflores", "Palácio do Planalto": the seat's noun comes first
        named_seat = len(words) > 2 and words[1] in _SEAT_OF_WORDS
        return last in self._resources.residence_words or (
            named_seat and words[0] in self._resources.residence_words)

    def _grammar_for(self, lang: str) -> Grammar:
        return self._resources.grammars.get(lang, self._resources.default_grammar)

    def _names_of(self, figure_id: str) -> tuple[str, ...]:
        figure = self.gazetteer.get(figure_id)
        return (figure.name, *figure.aliases) if figure is not None else ()

    def _local_finder(self, lang: str, lexicons: list[Lexicon]) -> LocalNameFinder:
        finder = self._local_finders.get(lang)
        if finder is None:
            finder = self._local_finders[lang] = LocalNameFinder(
                merged_words(lexicons, "titles"), merged_words(lexicons, "name_stopwords"),
                self._role_words, complements_of(lexicons), self._cjk_names.get(lang),
                merged_words(lexicons, "title_suffixes"),
                merged_words(lexicons, "surname_joiners"), merged_words(lexicons, "place_heads"),
                merged_words(lexicons, "conjunctions"), merged_words(lexicons, "residence_words"))
        return finder

    def _lexicons_for(self, lang: str) -> list[Lexicon]:
        lexicons = self._resources.lexicons
        chosen = [lexicons[lang]] if lang in lexicons else list(lexicons.values())
        if lang in lexicons:
            # Norwegian and Danish write alike and a short text is often taken for the
            # other: each lexicon names the ones whose cue words it reads as well.
            chosen += [lexicons[code] for code in sorted(lexicons[lang].words("sibling_languages"))
                       if code in lexicons and lexicons[code] not in chosen]
        # English quotes and tweets turn up in every language's press.
        if lang != "en" and "en" in lexicons and lexicons["en"] not in chosen:
            chosen.append(lexicons["en"])
        return chosen

    def _names_person(self, text: str, when: date | None) -> bool:
        """The text names a figure by name, not by office, seat or country ("Planalto
        confirma" answers for Lula without naming him)."""
        return any(hit.form in _BY_NAME for hit in self._spotter.spot(text, when))

    def _match(self, article: Article) -> MatchResult:
        text = (article.text or "")[:MAX_TEXT_CHARS].replace("’", "'")
        title = (article.title or "")[:2000].replace("’", "'")
        lang = detect_language(f"{title}\n{text}", article.lang)
        if not self._spotter_has_figures():
            return MatchResult(lang=lang)
        lexicons = self._lexicons_for(lang)
        when: date | None = article.published.date() if article.published else None
        segmented = segment(title, text, tail_markers=self._resources.tail_markers,
                            abbreviations=self._resources.abbreviations,
                            headline_cut=lambda first, second: separate_reports(
                                first, second, lexicons,
                                lambda half: self._names_person(half, when)))
        live = self._sentences_with_cues(segmented, lexicons)
        if self.prefilter and not article.author and self._quiet(segmented, lexicons, live):
            return MatchResult(lang=lang)
        hits = self._without_other_holders(segmented.text,
                                           self._spotter.spot(segmented.text, when))
        headline_end = len(" ".join(title.split())) if title.strip() else 0
        hits = with_local_names(segmented.text, hits, lang, self._local_finder(lang, lexicons),
                                headline_end, self._names_of)
        hits = self._framed_holders(segmented.text, hits, when)
        hits, unresolved = self._with_bare_titles(segmented, hits, lang, when)
        hits = without_vocative_titles(segmented.text, hits, self._words_for(lexicons).vocatives)
        hits = self._without_kin(segmented.text, hits, lexicons)
        hits = self._without_namesakes(segmented, hits, lexicons, lang)
        views = self._views(segmented, hits, lexicons, lang, when, live, unresolved,
                            headline_end)
        self._transcript(segmented, hits, views, lexicons, when, bool(title),
                         self._speaker(article.author, when))
        # Read once per article: the sentences as hosts.py reads them, and whether any
        # may report a reception.
        host_lexicon = self._resources.lexicons.get(lang)
        receiving = host_lexicon is not None and bool(host_lexicon.hosts) and \
            _reception_named(host_lexicon, views)
        host_views = self._host_views(views, lang, when, bool(title.strip()), receiving)
        received = self._receptions(host_views, lang, when) if receiving else []
        plain = self._plain_receptions(views, received)
        receptions = frozenset((g.host_sentence, g.host.party.key, g.guest.party.key)
                               for g in plain) | self._reception_hosts(host_views, lang, when)
        candidates = [c for c in fold_article(views, self._place_names, when.year if when else None,
                                              self._home_countries, receptions)
                      if self._plausible(c) and not self._weak_names(c, segmented.text, lang)
                      and not self._task_for_own_people(c, views, lexicons)
                      and not self._hosts_own_side(c)]
        if any(c.status in (Status.PENDING, Status.RESPONDED, Status.DECLINED)
               for c in candidates):
            denials = denial_views(views, self._no_invitation)
            candidates = [c for c in candidates if not denied_elsewhere(c, denials)]
        # A post's author invites in the first person even when the gazetteer lacks them
        # (named as written, at a lower confidence); any other text's author only when known.
        if article.author and (article.platform or self._speaker(article.author, when)):
            candidates = self._authored(article.author, views, candidates, when)
        mentions: list[Mention] = []
        if candidates:
            self._set_occasions(candidates, segmented, views, lexicons)
            mentions = [to_mention(c, lang) for c in candidates]
        mentions = self._host_mentions(host_views, lang, when, mentions, received, plain)
        mentions = self._place_hosts(views, lang, when, bool(title.strip()), mentions)
        mentions = without_consorts(mentions, self.gazetteer.get,
                                    words_of(lexicons).conjunctions)
        observations = self._observations(views, lexicons, lang, when, mentions)
        dates = self._resources.date_words
        return MatchResult(
            lang=lang,
            reply=self._reply(article, text, title, mentions, when),
            mentions=tuple(replace(m, status_date=status_date(m.evidence, lang, when, m.status,
                                                              dates))
                           for m in mentions),
            observations=tuple(
                replace(o, status_date=status_date(o.evidence, lang, when, o.status, dates))
                for o in observations),
            lone_observations=tuple(
                replace(o, status_date=status_date(o.evidence, lang, when, o.status, dates))
                for o in self._lone_observations(views, lexicons, lang, when, mentions,
                                                 observations)),
        )

    def _host_views(self, views: list[SentenceView], lang: str, when: date | None,
                    titled: bool, receiving: bool) -> list[HostView] | None:
        """The sentences as hosts.py reads them, or None when no sentence can name a host
        or (`receiving`: `_reception_named`) a reception (most articles)."""
        lexicon = self._resources.lexicons.get(lang)
        if lexicon is None or not lexicon.hosts:
            return None
        # A sentence naming no figure can hold a host only as a country standing for its
        # leader (`_with_country_hosts`; `host_country` markers are `host_before` ones, so
        # the anchor filter holds), and only on a dated article.
        # Both readings need a marker's anchor (`may_name_host`): without one in the whole
        # article (most), none in any sentence.
        marked = [has_host_marker(lexicon, v.text) if v.facts.refs else
                  when is not None and lexicon.may_name_host(v.text)
                  and bool(lexicon.host_hits("host_country", v.text))
                  for v in views] \
            if lexicon.may_name_host("\n".join(v.text for v in views)) else [False] * len(views)
        if not receiving and not any(
                any(r.possessive for r in v.facts.refs) or (v.facts.refs and here)
                or (here and when is not None) for v, here in zip(views, marked, strict=True)):
            return None
        # A title is the article's first paragraph.
        return with_titled_leaders(
            [HostView(v.index, v.paragraph, v.text,
                      self._with_country_hosts(v.text, tuple(v.facts.refs), lexicon, when)
                      if here else tuple(v.facts.refs),
                      titled and v.paragraph == 0)
             for v, here in zip(views, marked, strict=True)], lexicon)

    def _receptions(self, host_views: list[HostView] | None, lang: str, when: date | None
                    ) -> list[HostedGuest]:
        """"Modi welcomed Albanese to Hyderabad House": the leaders a leader receives
        (hosts.received_guests), read before the invitations are folded, so that the
        reception is never the outcome of the guest's own invitation to the host (issue
        14, counter round)."""
        lexicon = self._resources.lexicons.get(lang)
        if lexicon is None or host_views is None:
            return []
        return received_guests(host_views, lexicon, when.year if when else None, self._leader,
                               when, self._minister, self._category_of)

    def _reception_hosts(self, host_views: list[HostView] | None, lang: str,
                         when: date | None) -> frozenset[tuple[int, str, str]]:
        """Each reception's host with any guest (`ANY_GUEST`): "Seguro recebeu a seleção"
        hosts a team the gazetteer does not name; no invitation to Seguro took place
        there (issue 14, stop 34, scope34 round)."""
        lexicon = self._resources.lexicons.get(lang)
        if lexicon is None or host_views is None:
            return frozenset()
        return frozenset((index, host, ANY_GUEST)
                         for index, host in reception_hosts(host_views, lexicon, self._leader, when))

    @staticmethod
    def _plain_receptions(views: list[SentenceView], received: list[HostedGuest]
                          ) -> list[HostedGuest]:
        """The receptions reported in a sentence of their own, holding no invitation: "Orsi
        recibió una invitación a la cumbre que organiza Milei", "Mattarella ha ricevuto
        Zelensky, che lo ha invitato a Kiev" are read by the invitation rules alone."""
        return [g for g in received if 0 <= g.guest_sentence < len(views)
                and not views[g.guest_sentence].facts.invitations]

    def _host_mentions(self, host_views: list[HostView] | None, lang: str, when: date | None,
                       mentions: list[Mention], received: list[HostedGuest],
                       plain: list[HostedGuest]) -> list[Mention]:
        """The mentions with the outcome-only reports of a hosted occasion (hosts.py): the
        host invited each guest said to attend, arrive for, confirm or skip it. Pairs the
        invitation rules already found (either way round) keep their reading, but a
        pending invitation from the host takes the outcome the guest's sentence reports
        ("首脳を招いた夕食会を主催した ... 出席者には李在明大統領": the invited attended)."""
        lexicon = self._resources.lexicons.get(lang)
        if lexicon is None or host_views is None:
            return mentions  # most articles: no host named, nothing to read
        mentions = list(mentions)
        found = {frozenset((m.inviter.key, m.invitee.key)) for m in mentions}
        directed = {(m.inviter.key, m.invitee.key) for m in mentions}
        out: list[Mention] = []
        year = when.year if when else None
        hosted = hosted_guests(host_views, lexicon, year, self._resources.places.occasion_places,
                               self._category_of)
        # A guest whose visit is under way (arrived) is no longer only announced, however
        # far ahead its reception: "est arrivé à Paris ... il sera reçu mardi par Macron".
        under_way = {frozenset((g.host.party.key, g.guest.party.key)) for g in hosted
                     if g.status is Status.TOOK_PLACE}
        received = [g for g in received if g.status is not Status.ACCEPTED or
                    frozenset((g.host.party.key, g.guest.party.key)) not in under_way]
        for guest in [*received, *hosted]:
            pair = frozenset((guest.host.party.key, guest.guest.party.key))
            if pair in found and not _counter_to_reception(guest, directed, plain):
                if guest in hosted:
                    # but a reception leaves an invitation made during it ahead ("Путин
                    # принял Си ... пригласил в Сочи" stays pending)
                    mentions = _with_outcome(mentions, guest)
                continue
            found.add(pair)
            occasion = describe(guest.occasion_label, None)
            if occasion.kind is OccasionKind.VISIT:
                # "Kim empfing Putin in Pjöngjang": a received visit is where its sentence
                # says, when it names one place only (the tracker then joins the record of
                # the invitation to that place instead of opening another).
                places = [h for h in self._resources.places.occasion_places(guest.evidence)
                          if not h.is_platform]
                if len({h.canonical for h in places}) == 1:
                    occasion = describe(guest.occasion_label, places[0])
            if occasion.kind is OccasionKind.OTHER:
                occasion = Occasion(kind=OccasionKind.MEETING)
            confidence = CONFIDENCE.hosted_guest * min(guest.host.confidence,
                                                       guest.guest.confidence)
            out.append(Mention(inviter=guest.host.party, invitee=guest.guest.party,
                               occasion=occasion, status=guest.status,
                               confidence=round(confidence, 3), evidence=guest.evidence,
                               lang=lang))
        return mentions + out

    def _place_hosts(self, views: list[SentenceView], lang: str, when: date | None,
                     titled: bool, mentions: list[Mention]) -> list[Mention]:
        """The mentions with the visits whose host only the place names ("Modi landed in
        Moscow. He and Putin discussed oil": Putin -> Modi; host_by_place.py), for pairs no
        other rule found either way round."""
        if when is None or sum(len(v.facts.refs) for v in views) < 2 or \
                not self._by_place.may_fire(" ".join(v.text for v in views).casefold(), lang):
            return mentions
        # Places are looked up only where a visit can be read: a sentence with a trip word
        # and figures, and the two after it.
        near_trip = {i + step for i, v in enumerate(views)
                     if v.facts.refs and self._by_place.may_travel(v.text.casefold(), lang)
                     for step in range(3)}
        placed = [PlacedSentence(v.index, v.text, tuple(v.facts.refs),
                                 frozenset(self._visit_countries(v.text)
                                           | place_countries(v.text, lang, self._by_place))
                                 if v.facts.refs and i in near_trip else frozenset(),
                                 titled and v.paragraph == 0)
                  for i, v in enumerate(views)]
        found = {frozenset((m.inviter.key, m.invitee.key)) for m in mentions}
        # A guest the article reports invited by someone, or inviting: the leaders he meets
        # are his visit's programme ("came at Abe's invitation ... met the Emperor").
        busy = {key for m in mentions for key in (m.inviter.key, m.invitee.key)}
        out = list(mentions)
        for guest in hosts_by_place(placed, lang, self._by_place, self._leader_ref,
                                    lambda ref: self._in_office(ref, when),
                                    when.year):
            pair = frozenset((guest.host.party.key, guest.guest.party.key))
            if pair in found or guest.guest.party.key in busy:
                continue
            found.add(pair)
            places = [h for h in self._resources.places.occasion_places(guest.evidence)
                      if not h.is_platform and
                      self._place_countries.get(h.canonical) == guest.country]
            confidence = CONFIDENCE.host_by_place * min(guest.host.confidence,
                                                        guest.guest.confidence)
            out.append(Mention(inviter=guest.host.party, invitee=guest.guest.party,
                               occasion=describe("visit", places[0] if places else None),
                               status=guest.status, confidence=round(confidence, 3),
                               evidence=guest.evidence, lang=lang))
        return out

    def _may_host_by_place(self, text: str, lang: str) -> bool:
        """Whether an article may hold a visit whose host only the place names: a trip, a
        meeting and a place of some country (the cheapest test first)."""
        return self._by_place.may_fire(text.casefold(), lang) and bool(
            self._home_countries(text) or place_countries(text, lang, self._by_place))

    def _visit_countries(self, text: str) -> set[str]:
        """The countries a sentence names as a place a visit may be to: not a party's own
        ("Prime Minister of India", "Indonesia's Prabowo") nor a dateline's ("DEN HAAG
        (ANP) -")."""
        codes = set()
        for hit in self._resources.places.occasion_places(text):
            code = self._place_countries.get(hit.canonical)
            dateline = not text[:hit.start].strip(" ,-–—") and \
                bool(_DATELINE.match(text[hit.end:]))
            possessive = text[hit.end:hit.end + 2] in ("'s", "’s")
            if code is not None and not hit.is_platform and not dateline and not possessive:
                codes.add(code)
        return codes

    def _story_countries(self, text: str) -> set[str]:
        """The countries a headline and lead set the story in: their places, datelines
        included, but no party's own country read from its title ("the Prime Minister
        of Singapore") or a possessive ("Indonesia's Prabowo") (far32 round)."""
        codes = set()
        for hit in self._resources.places.occasion_places(text):
            code = self._place_countries.get(hit.canonical)
            if code is not None and not hit.is_platform and \
                    text[hit.end:hit.end + 2] not in ("'s", "’s"):
                codes.add(code)
        return codes

    def _leader_ref(self, ref: Ref) -> bool:
        return ref.party.figure_id is not None and self._leader(ref.party.figure_id)

    def _in_office(self, ref: Ref, when: date) -> bool:
        figure = self.gazetteer.get(ref.party.figure_id or "")
        return figure is not None and any(role.covers(when) for role in figure.roles)

    def _hosts_own_side(self, candidate: Candidate) -> bool:
        """"Foreign Secretary Yvette Cooper attended a dinner hosted by Prime Minister Keir
        Starmer": a host's own minister, official, spokesperson or officer at the occasion
        it hosts serves it and is no guest (as hosts.py reads it: `DOMESTIC_GUESTS`)."""
        return candidate.hosted and self._own_people(candidate, HOSTS_OWN_SIDE)

    def _own_people(self, candidate: Candidate, categories: frozenset[str]) -> bool:
        """The invitee is a known figure of one of `categories` from the inviter's own
        country: the host's staff at its occasion, a leader's minister given a task."""
        invitee = candidate.invitee
        if invitee.figure_id is None:
            return False
        home = candidate.countries.get(candidate.inviter.key)
        return home is not None and home == candidate.countries.get(invitee.key) and \
            self._category_of(invitee.figure_id) in categories

    def _category_of(self, figure_id: str) -> str | None:
        """A known figure's gazetteer category ("business", "minister"): hosts.py's test of
        who of the host's own country may be a guest."""
        figure = self.gazetteer.get(figure_id)
        return figure.category if figure is not None else None

    def _framed_holders(self, text: str, hits: list[FigureHit], when: date | None
                        ) -> list[FigureHit]:
        """"韓国のイ・ジェミョン大統領": a name the gazetteer does not know, written inside a
        title that names one holder on the date ("韓国の大統領"), is that holder in another
        script (katakana for a name listed in Hangul and Latin). The title must close right
        after the name (a particle or a stop next): "大統領代行" (acting) is another office,
        "前大統領" (former) no title at all (story19 round, issue 15). Its later mentions
        go with it."""
        held: dict[str, str] = {}
        for hit in hits:
            if hit.form == FORM_LOCAL and hit.name and hit.name not in held:
                holder = self._holder_around(text, hit.start, hit.end, when)
                if holder is not None:
                    held[hit.name] = holder
        if not held:
            return hits
        return [replace(h, figure_id=held[h.name], form=FORM_TITLE, name="")
                if not h.figure_id and h.name in held else h for h in hits]

    def _holder_around(self, text: str, start: int, end: int, when: date | None) -> str | None:
        for size in range(1, _FRAME_TITLE + 1):
            closing = text[end + size : end + size + 1]
            if closing and closing not in _FRAME_CLOSERS:
                continue
            title = text[end : end + size]
            for reach in range(1, _FRAME_PREFIX + 1):
                if start - reach < 0 or text[start - reach] in _FRAME_STOPS:
                    break
                holder = self.gazetteer.holder_of(text[start - reach : start] + title, when)
                if holder is not None:
                    return holder
        return None

    def _without_other_holders(self, text: str, hits: list[FigureHit]) -> list[FigureHit]:
        """A title that names no holder on the date ("the First President of Kazakhstan",
        "the Foundation of the President of Ukraine") stands for nobody."""
        return [h for h in hits if h.form != FORM_TITLE or
                not title_not_the_holder(text, h.start, h.end, self._organisations)]

    def _without_kin(self, text: str, hits: list[FigureHit], lexicons: list[Lexicon]
                     ) -> list[FigureHit]:
        """"The wife of the President of the United States": a figure named only to say
        whose relative someone is, is no party (kin.py)."""
        words = self._kin_words_for(lexicons)
        if not words or not hits or not words.any_kin_in(text.casefold()):
            return hits
        endings = self._resources.default_grammar.case_endings
        return [hit for hit in hits
                if not named_as_kin(text, hit.start, hit.end, hit.surface, hit.possessive,
                                    words, endings)]

    def _kin_words_for(self, lexicons: list[Lexicon]) -> KinWords:
        key = tuple(lexicon.lang for lexicon in lexicons)
        words = self._kin_words.get(key)
        if words is None:
            words = self._kin_words[key] = KinWords(merged_words(lexicons, "kin_words"),
                                                    merged_words(lexicons, "kin_links"),
                                                    merged_words(lexicons, "titles"))
        return words

    def _not_given_for(self, lexicons: list[Lexicon]) -> frozenset[str]:
        key = tuple(lexicon.lang for lexicon in lexicons)
        not_names = self._not_given_names.get(key)
        if not_names is None:
            # "On Friday Meloni said", "In March Meloni invited": a weekday or a month
            # before a surname is no given name of a namesake; not an abbreviation or a
            # form that is also a figure's given name ("Jan", "May").
            calendar = frozenset(form for lexicon in lexicons if lexicon.dates is not None
                                 for forms in (*lexicon.dates.weekdays, *lexicon.dates.months)
                                 for form in forms if len(form) > 3) - self._known_given_names()
            not_names = self._not_given_names[key] = self._role_words | merged_words(
                lexicons, "titles") | merged_words(lexicons, "name_stopwords") | calendar
        return not_names

    def _local_gender(self, name: str) -> str | None:
        """A person the gazetteer lacks, for a pronoun (names34 round): a woman ("f") when
        her given name is one only women of the gazetteer bear; unknown ("?": either
        pronoun fits, "Oslos ordfører Anne Lindboe ... Hun har invitert") when no figure
        bears it; a man's given name says nothing more (None: a masculine pronoun fits)."""
        if self._women_given is None:
            women = known_given_names([(f.name, f.aliases) for f in self.gazetteer
                                       if f.gender == "f"], frozenset())
            self._women_given = women - self._others_given()
        words = name.split()
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            return None  # "Riesling von der Mosel": a particle's name is too unsure a person
        given = words[0].casefold()
        if given in self._women_given:
            return "f"
        return None if given in self._others_given() else "?"

    def _others_given(self) -> frozenset[str]:
        if self._men_given is None:
            self._men_given = known_given_names([(f.name, f.aliases) for f in self.gazetteer
                                                 if f.gender != "f"], frozenset())
        return self._men_given

    def _known_given_names(self) -> frozenset[str]:
        if self._known_given is None:
            self._known_given = known_given_names(
                [(f.name, f.aliases) for f in self.gazetteer], frozenset())
        return self._known_given

    def prepare_tables(self) -> None:
        """Build now the word tables matching builds on first need (per language, and the
        gazetteer's given names). The worker pool's fork server calls it, so that its
        workers share these tables rather than each building its own copy (bot.workers)."""
        for lang in self._resources.lexicons:
            lexicons = self._lexicons_for(lang)
            self._local_finder(lang, lexicons)
            self._kin_words_for(lexicons)
            self._not_given_for(lexicons)
            self._words_for(lexicons)
        self._known_given_names()
        self._local_gender("")
        self._given_everywhere()

    def _without_namesakes(self, segmented: Segmented, hits: list[FigureHit],
                           lexicons: list[Lexicon], lang: str) -> list[FigureHit]:
        """"Kyrylo Tymoshenko" is not Yulia Tymoshenko: a listed surname after another
        given name is another person (namesakes.py); the finder of unknown names may
        still read them. Where every noun is capitalised, the word before must be a known
        given name ("am Gipfel Macrons": a noun; issue 14, guests)."""
        nouns = self._grammar_for(lang).capitalised_nouns
        if not any(h.form in (FORM_NAME, FORM_SURNAME) and " " not in h.surface for h in hits):
            return hits
        not_names = self._not_given_for(lexicons)
        known = self._known_given_names()
        text = segmented.text
        starts = frozenset(s.start + len(s.text) - len(s.text.lstrip())
                           for s in segmented.sentences)
        ends = frozenset(h.end for h in hits)
        places: frozenset[int] | None = None
        kept: list[FigureHit] = []
        for hit in hits:
            if hit.form in (FORM_NAME, FORM_SURNAME) and " " not in hit.surface:
                given = self._given_names.get(hit.figure_id)
                figure = self.gazetteer.get(hit.figure_id)
                if given is None and figure is not None:
                    given = self._given_names[hit.figure_id] = given_names(figure.name,
                                                                           figure.aliases)
                if given and namesake(text, hit.start, hit.surface, given, not_names, starts,
                                      ends, known, capitalised_nouns=nouns):
                    if places is None:  # "в Казани Путин": a place is no given name
                        places = frozenset(p.end for p in self._resources.places.find(text))
                    if hit.start - 1 not in places:
                        continue
            kept.append(hit)
        return kept

    def _quiet(self, segmented: Segmented, lexicons: list[Lexicon], live: set[int]) -> bool:
        """Whether nothing can be found in the article, decided from its cue words alone,
        so that spotting figures and analysing sentences can be skipped with the very
        result they would give (no mention, observation or lone observation; an article
        with an author is never quiet: a post's author invites in the first person).

        Every finding needs one of these, checked on the texts the stages read: an
        invitation comes from an analysed sentence (`live`: none without an invitation
        anchor) or from a transcript's thanks or "I invite you" / "at your invitation"
        phrase (looked for in the case-folded article, which holds each sentence's);
        an observation or a lone observation needs an observation cue, which needs its
        anchor word in the lower-cased sentence."""
        if live:
            return False
        own = self._resources.lexicons.get(lexicons[0].lang) if lexicons else None
        if own is not None and own.hosts and (has_host_marker(own, segmented.text)
                                              or has_reception(own, segmented.text)):
            return False
        words = self._words_for(lexicons)
        if not words.empty:
            folded = segmented.text.casefold()
            if any(phrase in folded for phrase in words.thanks) or any(
                    phrase_possible(folded, phrase)
                    for group in (words.invite_you, words.at_your_invitation) for phrase in group):
                return False
        if any(lexicon.has_observation_anchor(sentence.text.lower())
               for sentence in segmented.sentences for lexicon in lexicons):
            return False
        # a visit whose host only the place names (host_by_place.py)
        return own is None or not self._may_host_by_place(segmented.text, own.lang)

    def _words_for(self, lexicons: list[Lexicon]) -> TranscriptWords:
        key = tuple(lexicon.lang for lexicon in lexicons)
        words = self._transcript_words.get(key)
        if words is None:
            words = self._transcript_words[key] = transcript_words(lexicons)
        return words

    def set_author_figures(self, owners: dict[str, str]) -> list[str]:
        """Accounts whose owner a source names (`figure = "<id>"` in feeds.toml): author
        → figure id. Returns the ids the gazetteer does not know (those are ignored)."""
        known = {a.casefold(): f for a, f in owners.items() if self.gazetteer.get(f)}
        self._author_figures = known
        return sorted({f for f in owners.values() if not self.gazetteer.get(f)})

    def _author(self, author: str, when: date | None) -> Party:
        owner = self._author_figures.get(author.casefold())
        if owner is not None:
            return self.gazetteer.party(owner)
        return author_party(author, self.gazetteer.resolve(author, when))

    def _authored(self, author: str, views: list[SentenceView], candidates: list[Candidate],
                  when: date | None) -> list[Candidate]:
        """A post's first-person invitations, the author inviting (authored.py); a pair
        the text itself already names keeps the text's reading."""
        inviter = self._author(author, when)
        known = {c.keys for c in candidates}
        extra = [c for c in authored_candidates(
            views, inviter, self._post_phrases, lambda h: self.gazetteer.resolve(h, when))
            if c.keys not in known and self._plausible(c)]
        return candidates + extra

    def _reply(self, article: Article, text: str, title: str, mentions: list[Mention],
               when: date | None) -> ReplyAnswer | None:
        """A short reply by its author answering the post above: accepted or declined."""
        if not (article.author and article.in_reply_to) or mentions:
            return None
        body = f"{title}\n{text}".strip()
        if len(body) > MAX_REPLY_CHARS:
            return None
        status = self._post_phrases.reply_status(body)
        if status is None:
            return None
        author = self._author(article.author, when)
        confidence = CONFIDENCE.post_author if author.known else CONFIDENCE.post_author_unknown
        return ReplyAnswer(author=author, status=status, evidence=body,
                           in_reply_to=article.in_reply_to, confidence=confidence)

    def _lone_observations(self, views: list[SentenceView], lexicons: list[Lexicon], lang: str,
                           when: date | None, mentions: list[Mention],
                           observations: tuple[Observation, ...]) -> list[LoneObservation]:
        """Reports naming one figure ("Putin will not attend the talks in Istanbul"): one per
        figure, the most advanced status first found; none for a figure the article already
        reports an invitation or an observation about (those name the pair), except the
        guest's own arrival beside an invitation the article gives as only accepted or
        answered (`_arrival_beside_answer`)."""
        paired = {p.key for m in mentions for p in (m.inviter, m.invitee)}
        paired |= {p.key for o in observations for p in (o.first, o.second)}
        answered = _answered_guests(mentions, observations)
        chosen: dict[str, tuple[LoneFinding, str]] = {}
        year = when.year if when else None
        grammar = self._grammar_for(lang)
        own = lexicons[0] if lexicons else None
        places = self._resources.places
        relatives = place_relatives(lexicons)
        # In a language that capitalises its nouns, a name found only from the text needs
        # a person's evidence to rule a sentence out ("im Warschauer Präsidentenpalast" is
        # no second person; story18 round), as for the article's pairs (`_weak_names`).
        person = self._person_evidence("\n".join(v.text for v in views), lang)
        for view in views:
            if not view.facts.refs:
                continue  # names nobody (most sentences): the filters below keep nobody
            refs = without_office_holders(view.text, without_places(
                view.text, without_stand_ins(view.text, view.facts.refs, own, grammar), places))
            cues: list[CueHit] | None = None
            if len({r.party.key for r in refs}) > 1:
                cues = observation_cues(view.text, lexicons)
                refs = without_place_clause(view.text, without_later_offices(
                    view.text, refs, cues), cues, places, relatives)
            if len({r.party.key for r in refs}) != 1 or (
                    refs[0].party.key in paired and refs[0].party.key not in answered):
                continue
            cues = observation_cues(view.text, lexicons) if cues is None else cues
            if not cues:
                continue
            named = with_unknown_names(view.text, view.facts.refs, lexicons, lang)
            if person is not None:
                named = [r for r in named if r.party.known or person(r.party.name)]
            refs = without_place_clause(view.text, without_later_offices(
                view.text, without_office_holders(view.text, without_places(
                    view.text, without_stand_ins(view.text, named, own, grammar), places)),
                cues), cues, places, relatives)
            for finding in observe_lone(view.text, refs, cues, lexicons,
                                        places, year, grammar):
                key = finding.party.party.key
                if key in paired and not _arrival_beside_answer(finding):
                    continue
                held = chosen.get(key)
                if held is None or status_rank(finding.status) > status_rank(held[0].status):
                    chosen[key] = (finding, view.text)
        return [
            LoneObservation(party=f.party.party, side=f.side, occasion=f.occasion,
                            status=f.status, confidence=f.confidence, evidence=text, lang=lang)
            for f, text in chosen.values()
        ]

    def _speaker(self, author: str | None, when: date | None) -> Ref | None:
        """The article's author as the speaker of the whole text, when the gazetteer knows
        them (an unknown author could not be told from anyone else)."""
        party = self.gazetteer.resolve(author, when) if author else None
        return Ref(party, 0, 0) if party is not None and party.known else None

    def _transcript(self, segmented: Segmented, hits: list[FigureHit],
                    views: list[SentenceView], lexicons: list[Lexicon], when: date | None,
                    has_title: bool, author: Ref | None = None) -> None:
        """Speaker labels and thanks for an invitation (transcript.py); an author speaks
        the whole text up to the first label."""
        words = self._words_for(lexicons)
        if words.empty or not hits:
            return
        refs = self._refs(segmented.text, 0, hits, when)
        first = segmented.sentences[0] if segmented.sentences else None
        title_refs = [r for r in refs if has_title and first is not None and r.end <= first.end]
        # No author: a headline "Speech by X ..." names the one speaking the text. With
        # one, a headline "Speech by <the author> at ..." tells that the text was spoken
        # at the event (its thanks show it took place), not addressed after it.
        by_title = title_speaker(segmented.text[: first.end], title_refs, words) \
            if title_refs and first is not None else None
        if author is not None and by_title is not None:
            at_author_event = by_title.at_event and by_title.speaker.party.key == author.party.key
            by_title = None
        else:
            at_author_event = False
        if author is None and by_title is None and len(title_refs) < 2 and \
                not may_quote(segmented.text, words.single_quotes) and \
                not has_speaker_label(segmented.text, refs):
            return  # no label, no quotation, no author: nobody speaks in the first person
        spans = [SentenceSpan(s.index, s.start, s.end, s.text, views[s.index].facts)
                 for s in segmented.sentences]
        add_transcript_findings(segmented.text, spans, refs, title_refs, words,
                                lambda index: views[index].facts.refs,
                                author or (by_title.speaker if by_title else None),
                                at_event=bool(by_title and by_title.at_event) or at_author_event,
                                country_leaders=lambda text: self._country_leaders(text, when),
                                home_countries=self._home_countries,
                                title_leaders=lambda: self._title_leaders(
                                    segmented.text[: first.end] if has_title and first else "",
                                    when))

    def _title_leaders(self, title: str, when: date | None) -> list[Ref]:
        """The leaders, on the article's date, of the countries its headline names ("... in
        the Chamber of Deputies of Luxembourg": its prime minister); none when undated."""
        if not title or when is None:
            return []
        leaders = []
        for key in sorted(self._country_leaders(title, when)):
            figure = self.gazetteer.get(key)
            leaders.append(Ref(self.gazetteer.party(key), 0, 0,
                               confidence=CONFIDENCE.vocative_leader,
                               country=figure.country if figure else None))
        return leaders

    def _leader(self, key: str) -> bool:
        """Whether a figure receives or is received as a leader (hosts.received_guests)."""
        figure = self.gazetteer.get(key)
        return figure is not None and figure.category in _RECEIVING_CATEGORIES

    def _minister(self, key: str) -> bool:
        """Whether a figure is a minister the gazetteer knows: one who receives a foreign
        minister, his counterpart (hosts.received_guests; host32 round)."""
        figure = self.gazetteer.get(key)
        return figure is not None and figure.category == "minister"

    def _with_country_hosts(self, text: str, refs: tuple[Ref, ...], lexicon: Lexicon,
                            when: date | None) -> tuple[Ref, ...]:
        """The sentence's figures with each country that is the subject of a host marker
        standing for its leader on the article's date ("Italy hosts the G7" in June 2024:
        Meloni); an undated article resolves none (`Gazetteer.holder_of`)."""
        added: list[Ref] = []
        for country in country_hosts(text, lexicon, self._host_names):
            holder = self.gazetteer.holder_of(country.title, when)
            if holder is None or any(r.start < country.end and country.start < r.end
                                     for r in refs):
                continue
            added.append(Ref(self.gazetteer.party(holder), country.start, country.end,
                             confidence=CONFIDENCE.stand_in, country=country.country))
        return tuple(sorted((*refs, *added), key=lambda r: r.start)) if added else refs

    def _observations(self, views: list[SentenceView], lexicons: list[Lexicon], lang: str,
                      when: date | None, mentions: list[Mention]) -> tuple[Observation, ...]:
        """One observation per pair of figures, the most advanced status first found; none
        for a pair the article already reports an invitation for.

        A meeting reported in the very sentence of an open invitation is that invitation
        taking place ("Putin met Xi in Beijing, to which Xi had invited him"): the mention
        moves to took_place (in `mentions`, in place)."""
        invited = {frozenset((m.inviter.key, m.invitee.key)): i for i, m in enumerate(mentions)}
        chosen: dict[frozenset[str], tuple[ObservationFinding, str]] = {}
        year = when.year if when else None
        grammar = self._grammar_for(lang)
        for view in views:
            refs = view.facts.refs
            if not refs:
                continue  # an observation needs a figure the gazetteer knows
            if len({r.party.key for r in refs}) < 2:
                # The name finder is cheaper than the cue regex: look for a second person first.
                refs = with_unknown_names(view.text, refs, lexicons, lang, grammar)
                if len({r.party.key for r in refs}) < 2:
                    continue
            cues = observation_cues(view.text, lexicons)
            if not cues:
                continue
            refs = with_unknown_names(view.text, refs, lexicons, lang, grammar)
            for finding in observe_sentence(view.text, refs, cues, lexicons, grammar,
                                            self._resources.places, year):
                pair = frozenset((finding.first.party.key, finding.second.party.key))
                if pair in invited and not _other_place(mentions[invited[pair]], finding):
                    self._took_place_with(mentions, invited[pair], finding, view.text, lexicons)
                    continue
                if not self._plausible_parties(finding, view.text):
                    continue
                held = chosen.get(pair)
                if held is None or status_rank(finding.status) > status_rank(held[0].status):
                    chosen[pair] = (finding, view.text)
        for finding, text in self._group_arrivals(views, lexicons):
            pair = frozenset((finding.first.party.key, finding.second.party.key))
            if pair not in invited:
                chosen.setdefault(pair, (finding, text))
        return tuple(
            Observation(first=f.first.party, second=f.second.party, occasion=f.occasion,
                        status=f.status, confidence=f.confidence, evidence=text, lang=lang)
            for f, text in chosen.values()
        )

    def _group_arrivals(self, views: list[SentenceView], lexicons: list[Lexicon]
                        ) -> list[tuple[ObservationFinding, str]]:
        """"When four leaders arrived in Kyiv": each figure the counted group stands for
        (groups.py) visited the one leader of the place's country the article names
        (several, or none: nobody received them that the article tells)."""
        nouns = group_nouns(lexicons)
        if not nouns:
            return []
        # The cue regexes only where a group noun stands (most articles have none).
        folded = [v.text.casefold() for v in views]
        article = "\n".join(folded)
        if not any(n in article for n in nouns):
            return []  # no sentence holds a group noun: no arrival to read
        sentences = [(v.text, v.facts.refs,
                      [c for c in observation_cues(v.text, lexicons) if c.category in _GROUP_ARRIVALS]
                      if any(n in low for n in nouns) else []) for v, low in zip(views, folded,
                                                                               strict=True)]
        found: list[tuple[ObservationFinding, str]] = []
        for arrival in group_arrivals(sentences, lexicons):
            text = views[arrival.sentence].text
            # from the cue's start: "zijn ... in Kyiv aangekomen" holds the place
            place = next((h for h in self._resources.places.find(text[arrival.cue.start :])
                          if not h.is_platform), None)
            home = self._place_countries.get(place.canonical) if place is not None else None
            hosts = {r.party.key: r for v in views for r in v.facts.refs
                     if r.party.known and self._leads(r.party.key, home)}
            if len(hosts) != 1:
                continue
            host = next(iter(hosts.values()))
            assert place is not None
            occasion = describe("visit", place)
            for guest in arrival.guests:
                if guest.party.key == host.party.key:
                    continue
                confidence = round(
                    CONFIDENCE.observation * min(host.confidence, guest.confidence), 3)
                found.append((ObservationFinding(host, guest, Status.TOOK_PLACE, occasion,
                                                 confidence, arrival.cue), text))
        return found

    def _leads(self, key: str, country: str | None) -> bool:
        figure = self.gazetteer.get(key)
        return country is not None and figure is not None and figure.country == country and \
            figure.category in _RECEIVING_CATEGORIES

    @staticmethod
    def _took_place_with(mentions: list[Mention], index: int, finding: ObservationFinding,
                         sentence: str, lexicons: list[Lexicon]) -> None:
        mention = mentions[index]
        if finding.status is not Status.TOOK_PLACE or mention.evidence != sentence or \
                mention.status not in (Status.PENDING, Status.ACCEPTED):
            return
        if finding.occasion.kind is OccasionKind.CONVERSATION and \
                mention.occasion.kind is not OccasionKind.CONVERSATION:
            return  # "spoke by phone with Zelensky and invited him to London": a call
        invite_cues = sentence_cues(sentence, lexicons)[0]
        words = words_of(lexicons)
        # "welcomed X to visit" invites; its "welcomed" is no reception. "Starmer met
        # Zelensky, who invited him to Kyiv": the meeting is where the invitation was made.
        if verb_of_invitation(finding.cue, invite_cues) or any(
                before_relative_clause(sentence, finding.cue, cue, words) for cue in invite_cues
        ) or invited_after_meeting(sentence, finding.cue, invite_cues, words):
            return
        mentions[index] = replace(mention, status=Status.TOOK_PLACE)

    def _plausible_parties(self, finding: ObservationFinding, sentence: str) -> bool:
        return all(ref.party.known or not (
            self._resources.places.find(ref.party.name)
            or club_named(sentence, ref.start, ref.end, self._club_words, self._role_words)
            or company_named(ref.party.name, sentence, self._organisations))
            for ref in (finding.first, finding.second))

    def _country_leaders(self, text: str, when: date | None,
                         roles: tuple[str, ...] = LEADING_ROLES, capitals: bool = False
                         ) -> set[str]:
        """The figures holding a leading title ("President of X", "Prime Minister of X")
        of a country the text names, on the article's date (none when undated); with
        `capitals`, also the holders of the offices of a country named by its capital."""
        if when is None:
            return set()
        keys: set[str] = set()
        places = self._place_names(text)
        for place in places:
            for role in roles:
                party = self.gazetteer.resolve(f"{role} of {place}", when)
                if party is not None:
                    keys.add(party.key)
        if capitals:
            # "Lula arrived in Ottawa. He invited the prime minister": a capital names its
            # country as well as the country's name does (seat33 round)
            for code in {self._place_countries[p] for p in places if p in self._place_countries}:
                for title in self._office_titles.get(code, ()):
                    party = self.gazetteer.resolve(title, when)
                    if party is not None:
                        keys.add(party.key)
        return keys

    def _home_countries(self, text: str) -> set[str]:
        """The codes of the countries whose name or capital the text names ("в Москве",
        "in Moscow" -> "RU"), through the places' canonical English names."""
        names = self._place_names(text)
        return {country for phrase, country in self._place_countries.items() if phrase in names}

    def _place_names(self, text: str) -> set[str]:
        return {hit.canonical for hit in self._resources.places.find(text) if not hit.is_platform}

    def _person_evidence(self, text: str, lang: str) -> Callable[[str], bool] | None:
        """In a language that capitalises its nouns, whether a name found only from the text
        has evidence of being a person's ("am Denkmal Blumen niederlegen" has none,
        local_names.weakly_named); None elsewhere (every name counts)."""
        if not self._grammar_for(lang).capitalised_nouns:
            return None
        roles = self._local_finder(lang, self._lexicons_for(lang)).roles
        given = self._given_everywhere()
        return lambda name: self._marked_organisation(name) or \
            not weakly_named(text, name, roles, given)

    def _given_everywhere(self) -> frozenset[str]:
        if self._all_given is None:
            everything = list(self._resources.lexicons.values())
            self._all_given = known_given_names(
                [(f.name, f.aliases) for f in self.gazetteer],
                self._role_words | GENERIC_STOPWORDS | merged_words(everything, "titles")
                | merged_words(everything, "name_stopwords"))
        return self._all_given

    def _weak_names(self, candidate: Candidate, text: str, lang: str) -> bool:
        """A party found only from the text without a person's evidence (see
        `_person_evidence`): names found by other routes than a sentence's analysis."""
        keep = self._person_evidence(text, lang)
        return keep is not None and any(not p.known and not keep(p.name)
                                        for p in (candidate.inviter, candidate.invitee))

    def _plausible(self, candidate: Candidate) -> bool:
        """A name found only from the text that contains a place or platform ("France
        Inter", "Clubhouse Talk") is an institution, not a person."""
        for party in (candidate.inviter, candidate.invitee):
            if not party.known and not self._marked_organisation(party.name) and \
                    self._resources.places.find(party.name):
                return False
            if not party.known and self._club_in(party.name, candidate.evidence):
                return False  # "invited the hockey club Salavat Yulayev": no person
            if not party.known and company_named(party.name, candidate.evidence,
                                                 self._organisations):
                return False  # "Goldman Sachs invited ...": a company, no figure
            other = candidate.invitee if party is candidate.inviter else candidate.inviter
            if not party.known and not other.known and \
                    self._private_role(party.name, candidate.evidence):
                return False  # "VfB Lübeck ... Trainer Markus Kellermann": no public figure
        return True

    def _private_role(self, name: str, sentence: str) -> bool:
        """A name found only from the text whose role word right before it is one outside
        public life (a coach, a player, a resident: lexicon `private_role_words`): with no
        known figure on the other side, the invitation is between people who are no public
        figures (issue 14, neg round; "Putin invited coach Viktor Kozlov" stays)."""
        start = sentence.find(name)
        before = sentence[max(0, start - 40) : start].split()[-1:] if start > 0 else []
        return any(w.strip("«»\"„“”'’,.;:()").casefold() in self._private_roles
                   for w in before)

    def _task_for_own_people(self, candidate: Candidate, views: list[SentenceView],
                             lexicons: list[Lexicon]) -> bool:
        """"Starmer asked Reeves to attend the cabinet meeting", "Путин попросил Лаврова
        прибыть в Кремль с докладом": a request (its cue opened by a `request_words` verb)
        from a figure to a minister, official, spokesperson or officer of the same country
        (or a head of state's to his head of government) sets a task, no invitation (issue
        14, ask round). A request abroad stays one."""
        inviter = candidate.inviter
        if inviter.figure_id is None:
            return False
        # a president's own head of government too ("a demandé à Lecornu de se rendre à")
        own = _OWN_PEOPLE | ({"head_of_government"}
                             if self._category_of(inviter.figure_id) == "head_of_state"
                             else set())
        if not self._own_people(candidate, own):
            return False
        if candidate.cue_start is None or not 0 <= candidate.first_sentence < len(views):
            return False
        cue = views[candidate.first_sentence].text[candidate.cue_start : candidate.cue_end]
        request = words_of(lexicons).request
        return any(w.strip(",.;:\"'«»") in request for w in cue.casefold().split()[:3])

    def _club_in(self, name: str, sentence: str) -> bool:
        start = sentence.find(name)
        return start != -1 and club_named(sentence, start, start + len(name), self._club_words,
                                          self._role_words)

    def _marked_organisation(self, name: str) -> bool:
        words = name.split()
        return bool(words) and (words[0].casefold() in self._organisation_markers or
                                words[-1].casefold() in self._organisation_markers)

    def _spotter_has_figures(self) -> bool:
        return len(self.gazetteer) > 0

    def _with_bare_titles(self, segmented: Segmented, hits: list[FigureHit], lang: str,
                          when: date | None) -> tuple[list[FigureHit], list[int]]:
        """The hits plus the bare titles the article settles ("the Chancellor" = the one
        chancellor it names, bare_titles.py), and where those with two holders named are."""
        spans = self._bare_titles.spans(segmented.text, lang)
        if not spans:
            return hits, []
        titled, spans = _titled_unknowns(segmented.text, hits, spans)
        if titled:
            hits = sorted(hits + titled, key=lambda h: h.start)
            if not spans:
                return hits, []
        own = self._resources.lexicons.get(lang)
        # A capital after a seat or destination preposition is a place, no office speaking.
        seats = own.words_of_hosts("seat_prepositions") | own.words_of_hosts(
            "destination_prepositions") if own is not None else frozenset()
        found = self._bare_titles.find(
            segmented.text, lang, when,
            [Named(h.figure_id, h.start, h.end, _office(segmented.text, h, seats)) for h in hits],
            [(s.start, s.end) for s in segmented.sentences], spans,
            lambda: self._country_leaders(segmented.text, when, BARE_TITLE_ROLES, capitals=True))
        if not found:
            return hits, []
        # "at the King's invitation": a bare title owns what follows as a name does
        # (recept35 round)
        extra = [FigureHit(b.figure_id, b.start, b.end, FORM_BARE_TITLE, b.surface,
                           possessive=segmented.text.startswith(("'s", "’s"), b.end))
                 for b in found if b.figure_id]
        unresolved = [b.start for b in found if b.ambiguous]
        return sorted(hits + extra, key=lambda h: h.start), unresolved

    def _views(self, segmented: Segmented, hits: list[FigureHit], lexicons: list[Lexicon],
               lang: str, when: date | None, live: set[int],
               unresolved: list[int] | None = None, headline_end: int = 0
               ) -> list[SentenceView]:
        """Each sentence's figures, and its facts when it is `live` (holds a cue); a
        sentence holding an `unresolved` bare title (two holders named) borrows no subject.
        After the lead, a word for the visitor ("the guest", "den Gast") is the story's
        visitor and one for the host ("his host", "seinen Gastgeber") its host, as the
        lead and the places it names tell them (`coref.Story`, `coref.story_roles`)."""
        views: list[SentenceView] = []
        previous_subject: Ref | None = None
        previous_refs: tuple[Ref, ...] = ()
        position = 0
        grammar = self._grammar_for(lang)
        is_person = self._person_evidence(segmented.text, lang)
        story = Story.for_article(
            segmented.text, frozenset(w for lx in lexicons for w in lx.words("visitor_nouns")),
            frozenset(w for lx in lexicons for w in lx.words("host_nouns")),
            all(lx.word_boundaries for lx in lexicons))
        for sentence in segmented.sentences:
            while position < len(hits) and hits[position].end <= sentence.start:
                position += 1
            inside: list[FigureHit] = []
            scan = position
            while scan < len(hits) and hits[scan].start < sentence.end:
                # A country or capital stands for its leader only as a party of an
                # invitation: elsewhere it is a place ("talks in Moscow").
                if hits[scan].end <= sentence.end and (
                        hits[scan].form != FORM_STANDIN or sentence.index in live):
                    inside.append(hits[scan])
                scan += 1
            if inside:
                # Only a stand-in after the first party needs the capitals (and their checks).
                capitals = self._capitals_in(sentence.text, when) if len(inside) > 1 and any(
                    h.form == FORM_STANDIN for h in inside[1:]) else frozenset()
                refs = self._refs(sentence.text, sentence.start,
                                  stand_ins_as_subjects(inside, capitals), when)
            else:  # most sentences name nobody
                refs = []
            if sentence.start >= headline_end and story.reads_lead:
                if story.read:
                    if story.nouns:
                        refs = story.with_nouns(sentence.text, refs)
                elif any(self._leader_ref(r) for r in refs):
                    story.read_lead(refs, self._leader, self._story_countries(
                        f"{segmented.text[:headline_end]}\n{sentence.text}"))
            if sentence.index in live and refs:
                refs = _genitive_subjects(sentence.text, refs, lexicons)
            if sentence.index in live:
                # "The president invited X" with two presidents named: the sentence has a
                # subject of its own, unknown, and borrows nobody's.
                own_subject = any(sentence.start <= u < sentence.end for u in unresolved or ())
                previous_subject = story_subject(sentence.text, previous_refs, story,
                                                 words_of(lexicons)) or previous_subject
                facts = analyse(sentence.text, refs, lexicons, lang,
                                None if own_subject else previous_subject, grammar,
                                () if own_subject else previous_refs,
                                is_person, when)
                facts.unknown_party = own_subject
            else:
                facts = SentenceFacts(refs=refs)
            views.append(SentenceView(sentence.index, sentence.paragraph, sentence.text, facts))
            if refs:
                previous_subject = refs[0]
                # with the names found only from the text of a sentence that was analysed
                previous_refs = tuple(facts.refs or refs)
        return views

    def _capitals_in(self, sentence: str, when: date | None) -> frozenset[str]:
        """The capitals that may stand for their leader after a seat of government in this
        sentence: none when the article is undated (a capital then resolves to nobody's
        holder of that day) or when the state is invited to join something."""
        if when is None:
            return frozenset()
        lowered = sentence.casefold()
        return frozenset() if any(w in lowered for w in self._joining_words) else self._capitals

    @staticmethod
    def _sentences_with_cues(segmented: Segmented, lexicons: list[Lexicon]) -> set[int]:
        """Indices of the sentences holding an anchor word of any lexicon in force: one
        automaton pass over the article instead of one per sentence."""
        lowered = lower_same_length(segmented.text)
        starts = [s.start for s in segmented.sentences]
        live: set[int] = set()
        inviting = False
        for lexicon in lexicons:
            for end, invitation_anchor in lexicon.anchor_ends(lowered):
                inviting = inviting or invitation_anchor
                index = bisect_right(starts, end) - 1
                if index >= 0:
                    live.add(segmented.sentences[index].index)
        # Statuses only ever attach to an invitation: without any invitation word in the
        # article (most news), no sentence needs analysing.
        return live if inviting else set()

    def _refs(self, sentence: str, offset: int, hits: list[FigureHit], when: date | None
              ) -> list[Ref]:
        refs: list[Ref] = []
        endings = self._resources.default_grammar.case_endings
        for hit in hits:
            start, end = hit.start - offset, hit.end - offset
            if hit.name:  # a person the gazetteer does not know, named with a title
                refs.append(Ref(Party(name=hit.name), start, end, hit.possessive,
                                FORM_CONFIDENCE.get(hit.form, CONFIDENCE.unknown_name),
                                case=slavic_case(hit.surface, endings),
                                gender=self._local_gender(hit.name)))
                continue
            figure = self.gazetteer.get(hit.figure_id)
            if figure is None:
                continue
            principal = figure.principal(when)
            # A spokesperson stands for their principal: "Peskov declined" is Putin's answer.
            party_id = principal if principal and self.gazetteer.get(principal) else hit.figure_id
            if refs and refs[-1].party.figure_id in (hit.figure_id, party_id) and _adjacent(
                sentence[refs[-1].end : start]
            ):
                # "Russian President Vladimir Putin", "Elon Musk (@elonmusk)": one mention.
                last = refs[-1]
                refs[-1] = Ref(last.party, last.start, end, hit.possessive, last.confidence,
                               last.country, last.spokesperson, last.principal,
                               slavic_case(hit.surface, endings) or last.case,
                               gender=last.gender)
                continue
            refs.append(
                Ref(
                    party=self.gazetteer.party(party_id),
                    start=start,
                    end=end,
                    possessive=hit.possessive,
                    confidence=FORM_CONFIDENCE.get(hit.form, 1.0),
                    country=figure.country,
                    spokesperson=figure.is_spokesperson,
                    principal=principal,
                    case=slavic_case(hit.surface, endings),
                    residence=self._residence(hit),
                    # the one a pronoun stands for: the principal of a spokesperson
                    gender=(self.gazetteer.get(party_id) or figure).gender,
                    by_office=hit.form in _OFFICE_FORMS,
                )
            )
        return refs

    def _set_occasions(self, candidates: list[Candidate], segmented: Segmented,
                       views: list[SentenceView], lexicons: list[Lexicon]) -> None:
        title_text = segmented.sentences[0].text if segmented.sentences else ""
        suffixes = frozenset(s for lx in lexicons for s in lx.grammar.destination_suffixes)
        # Each sentence's labels and places read once, however many candidates share it.
        read: dict[str, tuple[list[CueHit], list[PlaceHit]]] = {}

        def labels_and_places(text: str) -> tuple[list[CueHit], list[PlaceHit]]:
            if text not in read:
                read[text] = ([h for lx in lexicons for h in lx.occasions(text)],
                              self._resources.places.occasion_places(text))
            return read[text]

        for candidate in candidates:
            first = views[candidate.first_sentence].text
            labels, sentence_places = labels_and_places(first)
            context_labels: list[CueHit] = []
            context_places: list[PlaceHit] = []
            for index in candidate.sentences[1:4]:
                context_labels.extend(labels_and_places(views[index].text)[0])
                context_places.extend(labels_and_places(views[index].text)[1])
            context_labels.extend(labels_and_places(title_text)[0])
            context_places.extend(labels_and_places(title_text)[1])
            candidate.occasion = choose_occasion(
                candidate.cue_end, labels, sentence_places, context_labels, context_places,
                cue_start=candidate.cue_start,
                destinations=destination_starts(first, sentence_places, suffixes),
                postposed=candidate.postposed,
            )
            if candidate.occasion.place is None:
                # Nowhere else named: the inviter's own country in a title ("at the
                # invitation of the President of the People's Republic of China") is the
                # host's, the likeliest place; the invitee's never is.
                home = candidate.countries.get(candidate.inviter.key)
                titled = [h for h in self._resources.places.find(first)
                          if home and self._place_countries.get(h.canonical) == home]
                if titled:
                    candidate.occasion = choose_occasion(
                        candidate.cue_end, labels, titled, context_labels, [],
                        cue_start=candidate.cue_start)
            if candidate.occasion.place is None and labels:
                candidate.occasion = self._placed_again(candidate, candidate.occasion, views,
                                                        lexicons, suffixes)

    def _placed_again(self, candidate: Candidate, known: Occasion, views: list[SentenceView],
                      lexicons: list[Lexicon], suffixes: frozenset[str]) -> Occasion:
        """A headline that names the occasion without its place ("Peña invita a Lula a la
        cumbre del Mercosur"): the place a later sentence inviting the same pair gives its
        own cue ("... a la cumbre del Mercosur que se celebrará en Asunción"), when that
        sentence names the same kind of occasion. Only a sentence of the pair's own
        invitation, read around its own cue, as if the headline were not there: a place
        merely named elsewhere in the body is no evidence, and a first sentence that names
        no occasion itself ("invite Poutine au fort de Brégançon") is not completed
        (tracker15 round, issue 15)."""
        if known.kind is OccasionKind.OTHER:
            return known  # a headline naming no occasion: nothing says the body's is it
        for index in candidate.sentences[1:4]:
            text = views[index].text
            for finding in views[index].facts.invitations:
                if finding.inviter is None or finding.invitee is None or \
                        (finding.inviter.party.key, finding.invitee.party.key) != candidate.keys:
                    continue
                places = self._resources.places.occasion_places(text)
                if not places:
                    continue
                labels = [h for lx in lexicons for h in lx.occasions(text)]
                again = choose_occasion(
                    finding.cue.end, labels, places, [], [], cue_start=finding.cue.start,
                    destinations=destination_starts(text, places, suffixes))
                if again.place is None:
                    continue
                if again.kind is known.kind:
                    return replace(known, place=again.place, text=again.text)
        return known


# Gazetteer categories of a leader's own people: asked by a compatriot to come or go
# somewhere, they are given a task (Matcher._task_for_own_people).
# A leader's own people, given a task rather than invited: the host's own side but the press.
_OWN_PEOPLE = HOSTS_OWN_SIDE - {"media"}


def _other_place(mention: Mention, finding: ObservationFinding) -> bool:
    """The observation names a place the invitation does not ("the summit in Anchorage
    took place", the invitation is to Moscow): another occasion of the same two figures,
    reported as an observation of its own."""
    here, there = finding.occasion.place, mention.occasion.place
    return here is not None and there is not None and here != there


def _reception_named(lexicon: Lexicon, views: list[SentenceView]) -> bool:
    """A sentence may report a reception: it names both figures, or its guest by a word
    for the visitor ("the guest", "den Gast": hosts.received_guests)."""
    lone = bool(lexicon.hosts.get("reception_guest"))
    return any((len(v.facts.refs) > 1 or (lone and bool(v.facts.refs))) and
               (has_reception(lexicon, v.text) or bool(lexicon.host_hits("honoured", v.text)))
               for v in views)


def _counter_to_reception(guest: HostedGuest, directed: set[tuple[str, str]],
                          received: list[HostedGuest]) -> bool:
    """"Merz empfing Meloni. Meloni lud Merz im Gegenzug nach Rom ein": the guest's
    invitation to the host is a counter-invitation, its own pair; the reception is the
    host's pair (issue 14, counter round)."""
    host, visitor = guest.host.party.key, guest.guest.party.key
    return guest in received and (visitor, host) in directed and (host, visitor) not in directed


def _with_outcome(mentions: list[Mention], guest: HostedGuest) -> list[Mention]:
    """A pending invitation from the host to the guest takes the outcome a hosted guest's
    sentence reports (took place, declined); any other reading stays."""
    if guest.status not in (Status.TOOK_PLACE, Status.DECLINED):
        return mentions
    return [replace(m, status=guest.status)
            if (m.inviter.key, m.invitee.key) == (guest.host.party.key, guest.guest.party.key)
            and m.status is Status.PENDING else m for m in mentions]


def _office(text: str, hit: FigureHit, seats: frozenset[str]) -> bool:
    """Whether a figure's hit is an office that may speak in its sentence ("the Kremlin",
    "Fuentes de la Moncloa", "Washington said"): a title or a capital, but not a capital
    that is only where the sentence happens ("OSLO (NTB) -", "i Oslo": welcome round),
    which leaves a bare title beside it to the article."""
    if hit.form == FORM_TITLE:
        return True
    if hit.form != FORM_STANDIN:
        return False
    before = text[max(0, hit.start - _SEAT_WORD_CHARS) : hit.start].split()
    return not (text.startswith(" (", hit.end) or (before and before[-1].casefold() in seats))


# A title shorter than this is left out of `_title_beside_words`: the Dutch lexicon's
# `titles` hold its articles ("de", "het"), and "de" is a preposition before a place in
# the Romance languages ("la cumbre de Madrid").
_TITLE_BESIDE_MIN = 4


def _title_beside_words(role_words: frozenset[str], lexicons: Iterable[Lexicon]
                        ) -> frozenset[str]:
    """The one-word titles that make a country right next to them a party's
    (`occasion.role_beside`): the role words and every lexicon's `titles`, folded."""
    titles = {t.casefold() for t in merged_words(lexicons, "titles")
              if len(t) >= _TITLE_BESIDE_MIN and " " not in t}
    return role_words | frozenset(titles)


def _answered_guests(mentions: list[Mention], observations: tuple[Observation, ...]
                     ) -> frozenset[str]:
    """The invitees of the article's mentions that are all accepted or answered, and of no
    observation: "Mirziyoyev arrived in Astana for the state visit ... formal talks are
    scheduled at the Akorda" reads as an accepted visit; the guest's arrival the same
    article tells is its outcome (story17 round, issue 15)."""
    observed = {p.key for o in observations for p in (o.first, o.second)}
    statuses: dict[str, set[Status]] = {}
    for m in mentions:
        statuses.setdefault(m.invitee.key, set()).add(m.status)
        statuses.setdefault(m.inviter.key, set()).add(Status.PENDING)  # never the host
    return frozenset(key for key, found in statuses.items()
                     if key not in observed and found <= _ANSWERED)


_ANSWERED = frozenset({Status.ACCEPTED, Status.RESPONDED})


def _arrival_beside_answer(finding: LoneFinding) -> bool:
    """Only the guest's own took-place report may stand beside the article's answer: a
    decline or a calling-off there is the mention's to tell (the pair is named)."""
    return finding.status == Status.TOOK_PLACE and finding.side == SIDE_INVITEE
