"""Speech transcripts: who is speaking, and what thanking for an invitation says.

Official sites publish meetings as transcripts: "President of Azerbaijan Ilham Aliyev:
Thank you, Mr President. First of all, thank you for inviting me." The speaker is the
figure of the label; "you" is the other side of the conversation (the other speaker, else
the other figure of the title). Thanking for an invitation at the meeting means the
invited visit is taking place:

* "thank you for inviting me" / "for the invitation" said by S: the other side invited S;
* "thank you for accepting my invitation" said by S: S invited the one thanked (named in
  the sentence, else the other side).

Phrases come from the lexicons' `[transcript]` tables (`invited_speaker`,
`inviting_speaker`); the thanks words are the lexicons' `thanks_words`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from bot.domain import Status
from bot.matcher.clause import Ref
from bot.matcher.confidence import CONFIDENCE
from bot.matcher.extract import InviteFinding, SentenceFacts
from bot.matcher.lexicon import CueHit, Lexicon
from bot.matcher.spotting import FORM_BARE_TITLE, FORM_TITLE, FigureHit

_LABEL_TAIL = re.compile(r"[^.!?:;\n\"“”«»]{0,70}?:\s+(?=[\"“«]?[^\W\d_])")
_LABEL_WORDS = frozenset({"of", "the", "and", "de", "la", "del", "der", "des"})
_MAX_LABEL_BEFORE = 80  # characters of title words before the name in a label
# An attendance list of this many guests is a summit's: the host's plural "you". Fewer
# are the delegations of a bilateral meeting, whose "you" is the other side.
_SUMMIT = 3


@dataclass(frozen=True, slots=True)
class TranscriptWords:
    thanks: frozenset[str]
    invited_speaker: tuple[str, ...]  # "for inviting me": the speaker was invited
    inviting_speaker: tuple[str, ...]  # "for accepting my invitation": the speaker invited
    first_person: frozenset[str] = frozenset()  # "I invited", "my invitation": the speaker
    second_person: frozenset[str] = frozenset()  # "I invite you": the other side
    first_person_object: frozenset[str] = frozenset()  # "for inviting me": the speaker
    # "The meeting was attended by A, B and C": the guests a summit's host thanks as "you"
    attendance: tuple[str, ...] = ()
    # "I would like to invite you to make an official visit": the speaker invites "you"
    invite_you: tuple[str, ...] = ()
    # "I will take part in the forum at your invitation": "you" invited the speaker
    at_your_invitation: tuple[str, ...] = ()
    # "I am planning to ..." beside "at your invitation": accepted, not yet taken place
    plans: tuple[str, ...] = ()
    # "I invite you to take the floor": a chairman's procedure right after "invite you"
    procedure: tuple[str, ...] = ()
    # '"...," Zelensky said' / 'said Zelensky': a quote's speaker; "told" names its "you"
    quote_verbs: frozenset[str] = frozenset()
    quote_addressing: frozenset[str] = frozenset()
    # "Speech by the President of Ukraine ...": the headline names who speaks the text
    speech_by: tuple[str, ...] = ()
    # "... at the ISPI Forum", "... to the participants of the summit": given at the event
    speech_at: tuple[str, ...] = ()
    # "Mr President,", "Monsieur le Président,", "Шановний пане Президенте!": a turn
    # addressing one person, whose "you" is that person (`_addressed`)
    vocatives: tuple[str, ...] = ()
    # "«...», είπε ο Ζελένσκι": an article between the saying verb and the speaker
    speaker_articles: frozenset[str] = frozenset()
    # "'Ik wacht op u in Kyiv,' zei Zelensky": single quotes open a quotation (nl), read
    # only where a lexicon in force says so, since elsewhere they are mostly apostrophes
    single_quotes: bool = False
    # "the President invited me here": a guest speaking at the place invited to is there
    here: frozenset[str] = frozenset()
    # '"Grazie per l'invito", ha scritto Milei sui social': a quote attributed with a
    # writing verb is a message, which answers an invitation as an address does, where a
    # speaker's thanks at the event show it took place (issue 14, status2 round)
    written: frozenset[str] = frozenset()
    # "з", "with", "mit": 'X, during a call with Y, said: "We are waiting for you in Kyiv"':
    # the figure after it in the frame before the colon is the one addressed, not the
    # speaker (issue 14, wire round: `_speaker_before_colon`)
    quote_with: frozenset[str] = frozenset()
    # the lexicons' occasion terms ("visit", "forum", "визит"): what "I invite you to ..."
    # must name, or a place, to be an invitation (`_names_occasion_or_place`)
    occasions: tuple[str, ...] = ()
    # "to speak", "to take the floor" (the lexicons' floor_words): "thank you for the
    # invitation to speak" at a meeting thanks the chairman for the floor
    floor: tuple[str, ...] = ()
    # '- powiedział X do Y', '- звернувся X до Y': the word before the one spoken to
    quote_to: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.thanks and (self.invited_speaker or self.inviting_speaker))


def transcript_words(lexicons: Sequence[Lexicon]) -> TranscriptWords:
    def phrases(key: str) -> tuple[str, ...]:
        return tuple(sorted({p.casefold() for lx in lexicons
                             for p in lx.transcript.get(key, ())}, key=len, reverse=True))

    thanks = frozenset(w for lx in lexicons for w in lx.words("thanks_words"))
    return TranscriptWords(thanks | frozenset(w for lx in lexicons
                                              for w in lx.transcript.get("thanks", ())),
                           phrases("invited_speaker"), phrases("inviting_speaker"),
                           frozenset(phrases("first_person")), frozenset(phrases("second_person")),
                           frozenset(phrases("first_person_object")), phrases("attendance"),
                           phrases("invite_you"), phrases("at_your_invitation"), phrases("plans"),
                           phrases("procedure"), frozenset(phrases("quote_verbs")),
                           frozenset(phrases("quote_addressing")), phrases("speech_by"), phrases("speech_at"),
                           phrases("vocatives"), frozenset(phrases("speaker_articles")),
                           bool(phrases("single_quotes")), frozenset(phrases("here")),
                           frozenset(phrases("written_verbs")), frozenset(phrases("quote_with")),
                           tuple(sorted({t.casefold() for lx in lexicons
                                         for terms in lx.occasion.values() for t in terms if t})),
                           tuple(sorted({w.casefold() for lx in lexicons
                                         for w in lx.words("floor_words")})),
                           quote_to=frozenset(phrases("quote_to")))


@dataclass(frozen=True, slots=True)
class Label:
    speaker: Ref | None  # offsets in the article text; None: someone the gazetteer lacks
    start: int  # where the speech begins (after the colon)
    # The article's author: their thanks for an invitation answer it (an address after
    # the call), where a speaker at the event itself shows it took place.
    author: bool = False
    # A quotation attributed after it ('"I invited him," Zelensky said'): the speaker's
    # turn ends with the quote, and "told Y" names whom the quote's "you" is.
    end: int | None = None
    addressee: Ref | None = None


# Any speaker label, known figure or not ("Indira Asanova:", "President of Armenia Vahagn
# Khachaturyan:"): a turn of someone unknown ends the previous speaker's turn.
_ANY_LABEL = re.compile(
    r"(?:^|(?<=[.!?…]\s)|(?<=[.!?…]\s\s)|(?<=\n))"
    r"(?:[^\W\d_][\w’'\-]*|of|the|and|de|la)(?:\s+(?:[^\W\d_][\w’'\-]*|of|the|and|de|la)){0,12}"
    r"(?:\s*\([^)]*\))?:\s+(?=[\"“«]?[^\W\d_])")
_SENTENCE_MARK = re.compile(r"[.!?…\n]")
# A phrase "ich möchte sie ... einladen" holds a gap of a few words ("Ich möchte Sie nach
# Berlin einladen", "Ich lade Sie herzlich nach Berlin ein"): each piece in order, at most
# `_GAP` characters apart.
_GAP_MARK = " ... "
_GAP = 40


def phrase_possible(folded: str, phrase: str) -> bool:
    """Whether the case-folded text may hold the phrase: every piece of it is in the text
    (a necessary condition, so that the pre-filter stays exact)."""
    return all(piece in folded for piece in phrase.split(_GAP_MARK))


def find_phrase(lowered: str, phrase: str) -> tuple[int, int] | None:
    """Where the (case-folded) phrase first occurs in the lowered sentence, its gaps
    filled by at most `_GAP` characters without a sentence or clause mark."""
    pieces = phrase.split(_GAP_MARK)
    at = lowered.find(pieces[0])
    while at >= 0:
        end = at + len(pieces[0])
        for piece in pieces[1:]:
            nxt = lowered.find(piece, end)
            if nxt < 0 or nxt - end > _GAP or any(m in lowered[end:nxt] for m in ".!?;:"):
                break
            end = nxt + len(piece)
        else:
            return at, end
        at = lowered.find(pieces[0], at + 1)
    return None


def _label_starts(text: str) -> list[int]:
    """Where `_ANY_LABEL`'s opening lookbehinds hold (the text's start, one or two
    whitespace characters after [.!?…], right after a line break), found by one C scan for
    the marks: `finditer` would try the lookbehinds at every character."""
    starts = {0}
    for mark in _SENTENCE_MARK.finditer(text):
        at = mark.end()
        if mark.group(0) == "\n":
            starts.add(at)
            continue
        if text[at : at + 1].isspace():
            starts.add(at + 1)
            if text[at + 1 : at + 2].isspace():
                starts.add(at + 2)
    return sorted(starts)


def _any_labels(text: str) -> Iterator[re.Match[str]]:
    """`_ANY_LABEL.finditer(text)`, trying only where a label can start."""
    # Every label holds a colon after its start: past the last colon none can start (most
    # articles hold no colon at all).
    last_colon = text.rfind(":")
    if last_colon < 0:
        return
    resume = 0
    for start in _label_starts(text):
        if start > last_colon:
            break
        if start < resume:
            continue
        match = _ANY_LABEL.match(text, start)
        if match is not None:
            yield match
            resume = match.end()


def _is_label(text: str, ref: Ref) -> int | None:
    """Where the speech starts if the figure at `ref` opens a speaker label, else None."""
    tail = _LABEL_TAIL.match(text, ref.end)
    if tail is None:
        return None
    inside = re.sub(r"\([^)]*\)", " ", text[ref.end : tail.end()])
    if any(w[:1].islower() and w not in _LABEL_WORDS for w in re.findall(r"[^\W\d_]+", inside)):
        return None  # "Putin said: ..." is reported speech, not a label
    head = text[max(0, ref.start - _MAX_LABEL_BEFORE) : ref.start]
    head = re.split(r"[.!?:;\n\"”»]", head)[-1]
    if any(w[:1].islower() and w not in _LABEL_WORDS for w in re.findall(r"[^\W\d_]+", head)):
        return None
    return tail.end()


# A quotation, then its attribution: in typographic or straight double quotes, in »...«
# (Danish, Swedish), in ”...” (Swedish), or speech led by an en dash at the start of a
# sentence, which ends at its first comma or dash ("– Jeg venter på deg i Kyiv, sa
# Zelenskyj til Trump"; "– Czekam na pana w Kijowie – powiedział Zełenski"). One group
# per form holds the quoted words.
_QUOTE = re.compile(r'(?:[“«„"]([^“”«»„"]{8,600}?)[”»“"]'
                    r'|»([^»«]{8,600}?)«'
                    r'|”([^”“]{8,600}?)”'
                    r'|(?:^|(?<=[.!?]\s)|(?<=\n))–\s*([^–—\n]{8,600}?)(?:,|\s–))\s*,?\s*')
_DASH_SPEECH = re.compile(r"(?:^|[.!?]\s|\n)–\s")
# The same quotations without the dash form, for a text with no dash speech (most): the
# dash branch, tried at every position, made `quote_labels` ten times slower.
_MARKED_QUOTE = re.compile(r'(?:[“«„"]([^“”«»„"]{8,600}?)[”»“"]'
                           r'|»([^»«]{8,600}?)«'
                           r'|”([^”“]{8,600}?)”)\s*,?\s*')
# Speech in single quotes (nl): the opening quote starts a word that begins with a capital
# ("'s ochtends", "auto's" are apostrophes), the words end with a punctuation mark before
# the closing quote, and a space follows it.
_SINGLE_QUOTE = re.compile(r"(?:^|(?<=\s))['‘](?=[A-ZÀ-ÝĀ-Ž])([^'‘’\n]{8,600}?[,.!?])['’](?=\s)\s*")


def may_quote(text: str, single_quotes: bool = False) -> bool:
    """A label's colon or a quotation mark, or an en dash opening a sentence's speech:
    without any of them nobody in the text speaks in the first person."""
    return any(mark in text for mark in ':"“«„»”') or bool(_DASH_SPEECH.search(text)) or \
        (single_quotes and bool(_SINGLE_QUOTE.search(text)))
_MAX_ATTRIBUTION = 40  # characters between the closing quote and the speaker's name


def quote_labels(text: str, refs: Sequence[Ref], words: TranscriptWords) -> list[Label]:
    """'"I have invited Emmanuel Macron to visit Kyiv," Volodymyr Zelensky said': a quote
    followed by its speaker and a saying verb (either order: "said Zelensky") is that
    speaker's turn, which ends with the quote; "..., Macron told Zelensky" makes the one
    told the quote's "you"."""
    if not words.quote_verbs:
        return []
    found: list[Label] = []
    # Without a dash opening speech the dash branch of _QUOTE cannot match: same matches.
    quote = _QUOTE if _DASH_SPEECH.search(text) else _MARKED_QUOTE
    matches = list(quote.finditer(text))
    if words.single_quotes:
        matches += _SINGLE_QUOTE.finditer(text)
    for match in matches:
        group = next(g for g in range(1, (match.re.groups or 0) + 1) if match.group(g) is not None)
        label = _label_after_quote(text, match.end(), refs, words)
        if label is None:
            # No speaker after the quote (a figure there may open the next sentence: "The
            # White House did not comment"): one before a colon, if any.
            colon_lead = _speaker_before_colon(text, match.start(), refs, words)
            if colon_lead is not None:
                label = Label(colon_lead[0], 0, addressee=colon_lead[1])
        if label is not None:
            found.append(replace(label, start=match.start(group), end=match.end(group)))
    return found


def _label_after_quote(text: str, quote_end: int, refs: Sequence[Ref],
                       words: TranscriptWords) -> Label | None:
    """The speaker and saying verb right after a quote ('..." Zelensky said', '..." said
    Zelensky', '..., Macron told Zelensky'); its start and end are the caller's."""
    after = [r for r in refs if quote_end <= r.start <= quote_end + _MAX_ATTRIBUTION]
    if not after:
        return None
    speaker = after[0]
    # a dash before the verb is no word ('" - powiedział prezydent Karol Nawrocki')
    lead = [w for w in text[quote_end : speaker.start].casefold().split() if w.strip("-–—")]
    while len(lead) > 1 and lead[-1] in words.speaker_articles:
        lead = lead[:-1]  # "είπε ο Ζελένσκι": the verb stands before the article
    tail = text[speaker.end : speaker.end + 30].casefold().split()
    # the verb right after the quote, a short title before the name ("- звернувся
    # президент України Володимир Зеленський"; issue 14, stop 28 cues round)
    titled = bool(lead) and lead[0] in words.quote_verbs and len(lead) <= _TITLE_WORDS + 1
    verb_before = bool(lead) and ((lead[-1] in words.quote_verbs and len(lead) <= 2) or titled)
    verb_after = bool(tail) and tail[0].strip(",.;") in words.quote_verbs and \
        not set(lead) - {"the"}
    if not (verb_before or verb_after):
        return None
    addressee = None
    verb_said = lead[0] if titled else (lead[-1] if lead else "")
    verb = verb_said if verb_before else tail[0].strip(",.;")
    if (verb_after and tail[0].strip(",.;") in words.quote_addressing) or \
            (verb_before and verb_said in words.quote_addressing):
        # "..., Macron told Zelensky"; "— сказал Путин Трампу" (a dative after the speaker);
        # '- powiedział Nawrocki do prezydenta USA Donalda Trumpa' (after a `quote_to` word)
        addressee = next((r for r in refs if r.start > speaker.end and r.party.key !=
                          speaker.party.key and r.start - speaker.end <= 40
                          and (r.case in (None, "dat") or _spoken_to(
                              text[speaker.end : r.start], words))), None)
    return Label(speaker, 0, author=verb in words.written, addressee=addressee)


_TITLE_WORDS = 2  # words of a title between the saying verb and the speaker's name


def _spoken_to(between: str, words: TranscriptWords) -> bool:
    """A word of `quote_to` ("do", "до") between the speaker and a figure after it: that
    figure, in whatever case, is the one spoken to."""
    return any(w.strip(",.;:").casefold() in words.quote_to for w in between.split())


_COLON_LEAD = 3  # words between the speaker and the colon: "Лукашенко заявил журналистам:"
_TOLD_TAIL = 5  # words between the one told and the colon: "told Trump during Tuesday's call:"


def _speaker_before_colon(text: str, quote_start: int, refs: Sequence[Ref],
                          words: TranscriptWords) -> tuple[Ref, Ref | None] | None:
    """'Лукашенко заявил: «Эрдоган пригласил меня»', 'Merz sagte: "..."': a speaker and a
    saying verb, then a colon, right before the quote: the quote is that speaker's. With
    an addressing verb between two figures ('Putin told Trump: "We will be waiting for
    you in Moscow"', 'Путин сказал Трампу: «…»') the first speaks and the second is the
    quote's "you". Returns (speaker, addressee or None)."""
    lead = text[max(0, quote_start - _MAX_ATTRIBUTION - 20) : quote_start].rstrip()
    if not lead.endswith(":"):
        return None
    colon = quote_start - (len(text[:quote_start]) - len(text[:quote_start].rstrip())) - 1
    before = [r for r in refs if r.end <= colon]
    if not before or colon - before[-1].end > _MAX_ATTRIBUTION:
        return None
    speaker = before[-1]
    between = [w.strip(",.;:").casefold() for w in text[speaker.end : colon].split()]
    said = any(w in words.quote_verbs for w in between)
    if said and len(between) <= _COLON_LEAD + _WITH_TO_NAME:
        # the one spoken to may be named by a title, the name after it ("з прем'єр-міністром
        # Норвегії Йонасом Гаром Стьоре сказав:")
        teller = _teller_with(text, before, words)
        if teller is not None:
            return teller, speaker
    if between and len(between) <= _COLON_LEAD and said:
        return speaker, None
    # The one told, then at most a short adverbial ("during Tuesday's call") before the colon.
    if len(between) > _TOLD_TAIL or len(before) < 2 or speaker.case not in (None, "dat"):
        return None
    teller = before[-2]
    verbs = [w.strip(",.;:").casefold() for w in text[teller.end : speaker.start].split()]
    if 1 <= len(verbs) <= _COLON_LEAD and teller.party.key != speaker.party.key and \
            any(w in words.quote_addressing for w in verbs):
        return teller, speaker
    return None


_WITH_TO_NAME = 4  # words from "with" to the name ("з прем'єр-міністром Норвегії Йонасом")
_TELLER_TO_WITH = 8  # words from the speaker to "with" ("під час телефонної розмови з")


def _teller_with(text: str, before: Sequence[Ref], words: TranscriptWords) -> Ref | None:
    """'Zelensky, during a phone call with Norway's prime minister Jonas Gahr Støre, said:
    "We are waiting for you in Kyiv"', 'Зеленський під час розмови з ... Стьоре сказав:
    «Чекаємо вас у Києві»': the last figure before the saying verb follows a "with" and is
    the one spoken to; the figure before it speaks. Returns that speaker, or None."""
    if not words.quote_with or len(before) < 2:
        return None
    teller, told = before[-2], before[-1]
    if teller.party.key == told.party.key:
        return None
    gap = [w.strip(",.;:()").casefold() for w in text[teller.end : told.start].split()]
    if not gap or len(gap) > _TELLER_TO_WITH + _WITH_TO_NAME:
        return None
    with_at = max((k for k, w in enumerate(gap) if w in words.quote_with), default=-1)
    return teller if with_at >= 0 and len(gap) - with_at - 1 <= _WITH_TO_NAME else None


def has_speaker_label(text: str, refs: Sequence[Ref]) -> bool:
    """Whether a known figure opens a speaker label ("Alexander Lukashenko: ..."): a
    transcript whose headline names nobody ("Conversation with Vostochny Cosmodrome
    employees") still has speakers."""
    return any(_is_label(text, ref) is not None for ref in refs)


def speaker_labels(text: str, refs: Sequence[Ref]) -> list[Label]:
    labels: list[Label] = []
    for ref in refs:
        start = _is_label(text, ref)
        if start is not None and (not labels or labels[-1].start <= ref.start):
            labels.append(Label(ref, start))
    known = {label.start for label in labels}
    for match in _any_labels(text):
        words = re.findall(r"[^\W\d_]+", re.sub(r"\([^)]*\)", " ", match.group(0)))
        if match.end() not in known and words and all(
                w[:1].isupper() or w in _LABEL_WORDS for w in words):
            labels.append(Label(None, match.end()))
    return sorted(labels, key=lambda label: label.start)


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    index: int
    start: int
    end: int
    text: str
    facts: SentenceFacts


@dataclass(frozen=True, slots=True)
class TitleSpeaker:
    speaker: Ref
    at_event: bool  # a speech at the event it thanks for, not an address after it


def title_speaker(title: str, title_refs: Sequence[Ref], words: TranscriptWords
                  ) -> TitleSpeaker | None:
    """"Speech by the President of Ukraine in the Chamber of Deputies of Luxembourg",
    "... - address by President Volodymyr Zelenskyy": the one figure right after a
    speech-by phrase of the headline speaks the text's first person (unless a label says
    otherwise). Followed by "at" or "to the participants of" the speech is given at the
    event; else it is an address, like an author's."""
    lowered = title.casefold()
    for phrase in words.speech_by:
        at = lowered.find(phrase)
        if at < 0:
            continue
        after = [r for r in title_refs if r.start >= at + len(phrase)]
        if not after or lowered[at + len(phrase) : after[0].start].strip(" ,") not in (
                "", "the", "president", "prime minister", "chancellor"):
            return None
        tail = lowered[after[0].end :].lstrip(" ,")
        return TitleSpeaker(after[0], any(tail.startswith(w) for w in words.speech_at))
    return None


# The figures (party keys) leading a country the text names, among those the article
# names: "Grateful to Indonesia" stands for Indonesia's president only when the article
# has named them (the matcher resolves the country's leading titles on the article's date).
CountryLeaders = Callable[[str], set[str]]
# The country codes of the countries and capitals a text names ("in Moscow" -> "RU").
HomeCountries = Callable[[str], set[str]]
# The leaders, on the article's date, of the countries its headline names.
TitleLeaders = Callable[[], list[Ref]]


@dataclass(frozen=True, slots=True)
class _Context:
    labels: Sequence[Label]
    title_refs: Sequence[Ref]
    words: TranscriptWords
    attendees: Sequence[Ref]
    article_refs: Sequence[Ref]
    country_leaders: CountryLeaders | None
    sentence_refs: Callable[[int], list[Ref]]
    # The leaders (on the article's date) of the countries the headline names: whom a
    # vocative may address when nobody else is named ("Mr Prime Minister!")
    title_leaders: TitleLeaders | None = None
    # The figures a speech's opening salutation names ("Dear President Nausėda! Ladies and
    # gentlemen!"): the host its thanks for the invitation speak to (`_salutation`)
    salutation: Sequence[Ref] = ()


def add_transcript_findings(text: str, sentences: Sequence[SentenceSpan],
                            article_refs: Sequence[Ref], title_refs: Sequence[Ref],
                            words: TranscriptWords,
                            sentence_refs: Callable[[int], list[Ref]],
                            author: Ref | None = None, at_event: bool = False,
                            country_leaders: CountryLeaders | None = None,
                            home_countries: HomeCountries | None = None,
                            title_leaders: TitleLeaders | None = None) -> None:
    """Append to each sentence's facts the invitations its speaker's thanks reveal. An
    author (an address, a post) speaks from the start of the text; `at_event`: the text
    is a speech given at the event itself (its thanks show the invitation took place).
    Without any label, `home_countries` (the countries whose names or capitals a text
    names) tells the host of a thanks naming nobody (`_thanks_without_labels`);
    `title_leaders`: the leaders of the countries the headline names (`_addressed`),
    looked up only when a vocative needs them."""
    if words.empty:
        return
    labels = speaker_labels(text, article_refs)
    if author is not None:
        labels = [Label(author, 0, author=not at_event), *labels]
    labels = sorted([*labels, *quote_labels(text, article_refs, words)],
                    key=lambda label: label.start)
    if not labels:
        if home_countries is not None:
            _thanks_without_labels(sentences, title_refs, words, sentence_refs, home_countries)
        return
    context = _Context(labels, title_refs, words, _attendees(sentences, words, sentence_refs),
                       article_refs, country_leaders, sentence_refs, title_leaders,
                       _salutation(sentences, sentence_refs))
    # Each sentence is a slice of the text: a phrase the case-folded text lacks is in none
    # of them, so the sentences are searched for the others only.
    folded = text.casefold()
    thanks = [w for w in words.thanks if w in folded]
    addressing = ((tuple(p for p in words.invite_you if phrase_possible(folded, p)), True),
                  (tuple(p for p in words.at_your_invitation if phrase_possible(folded, p)),
                   False))
    previous: SentenceSpan | None = None
    for position, sentence in enumerate(sentences):
        lowered = sentence.text.casefold()
        _drop_misread_you(sentence, lowered, context, addressing[0][0])
        _first_person(sentence, labels, title_refs, words)
        _interviewer_your(sentence, lowered, labels, words)
        if not sentence.facts.invitations:
            _you_in_a_turn(sentence, lowered, context, addressing,
                           sentences[max(0, position - _VOCATIVE_REACH) : position])
            _speaker_as_subject(sentence, labels, words)
        if any(w in lowered for w in thanks):
            _thanks_in_sentence(sentence, lowered, context, sentence_refs(sentence.index),
                                previous)
        previous = sentence


def _drop_misread_you(sentence: SentenceSpan, lowered: str, context: _Context,
                      phrases: Sequence[str]) -> None:
    """"Giorgia Meloni: Signor Presidente, La invito a visitare Roma": the formal "La"
    (you) read as "her", the speaker named before it, makes the speaker the one invited.
    An invitation whose cue lies inside a speaker's "I invite you" phrase and that invites
    the speaker, or has someone else invite, is that misreading: it is dropped, and the
    phrase is read as the speaker inviting the one addressed (`_you_in_a_turn`)."""
    if not sentence.facts.invitations or not phrases:
        return
    spans = [f for f in (find_phrase(lowered, p) for p in phrases) if f is not None]
    if not spans:
        return
    kept = []
    for finding in sentence.facts.invitations:
        label = _speaker_at(context.labels, sentence.start + finding.cue.start)
        speaker = label.speaker if label is not None else None
        inside = any(at <= finding.cue.start and finding.cue.end <= end for at, end in spans)
        if inside and speaker is not None and (
                (finding.invitee is not None and finding.invitee.party.key == speaker.party.key)
                or (finding.inviter is not None and finding.inviter.party.key != speaker.party.key)):
            continue
        kept.append(finding)
    sentence.facts.invitations[:] = kept


def _first_person(sentence: SentenceSpan, labels: Sequence[Label],
                  title_refs: Sequence[Ref], words: TranscriptWords) -> None:
    """"Vladimir Putin: ... I invited the President of Kazakhstan to the forum", "I invite
    you to Moscow", "I thanked Chancellor Scholz for inviting me": a one-sided invitation
    whose missing side is the speaker ("I", "my invitation", "me") or the one addressed
    ("you": after the verb, or right before it in "хочу Вас пригласить")."""
    for finding in sentence.facts.invitations:
        if (finding.inviter is None) == (finding.invitee is None):
            continue
        label = _speaker_at(labels, sentence.start + finding.cue.start)
        if label is None or label.speaker is None:
            continue
        before = [w.strip(",.;:!?\"'«»“”").casefold()
                  for w in sentence.text[: finding.cue.start].split()[-3:]]
        after = [w.strip(",.;:!?\"'«»“”").casefold()
                 for w in sentence.text[finding.cue.end :].split()[:2]]
        if finding.inviter is None and finding.invitee is not None and \
                finding.invitee.party.known and (
                    set(before) & words.first_person or _i_leads(sentence, finding, words)):
            # Only a figure the gazetteer knows: a chairman "inviting" an official to
            # report is procedure, and those officials are mostly not in it.
            finding.inviter = label.speaker
        elif finding.invitee is None and finding.inviter is not None and \
                _me_at_verb(sentence.text, finding, before, after, words) and \
                finding.inviter.party.key != label.speaker.party.key:
            finding.invitee = label.speaker
            if any(w in sentence.text[: finding.cue.start].casefold() for w in words.thanks):
                # thanked for it: an address answers it, a speaker at the event is there
                finding.status = Status.RESPONDED if label.author else Status.TOOK_PLACE
            elif not label.author and set(after[1:]) & words.here:
                # "the President invited me here", said in a turn at the place: it happens
                finding.status = Status.TOOK_PLACE
        elif finding.invitee is None and set(after[:1] + before[-1:]) & words.second_person and \
                finding.inviter is not None and finding.inviter.party.key == label.speaker.party.key:
            finding.invitee = label.addressee or _other_side(label.speaker, labels, title_refs)


def _interviewer_your(sentence: SentenceSpan, lowered: str, labels: Sequence[Label],
                      words: TranscriptWords) -> None:
    """An interviewer's question (a label the gazetteer lacks: "Editor Anna Berg: ... In
    2019, Prime Minister Modi came to Paris at your invitation"): "your" is the one figure
    who answers in the transcript, so a one-sided invitation whose cue lies inside an "at
    your invitation" phrase has that figure as its inviter. With two or more known
    speakers (a press conference), "your" stays unresolved."""
    spans = [f for f in (find_phrase(lowered, p) for p in words.at_your_invitation)
             if f is not None]
    if not spans:
        return
    for finding in sentence.facts.invitations:
        if finding.inviter is not None or finding.invitee is None or \
                not finding.invitee.party.known or not any(
                    at <= finding.cue.start and finding.cue.end <= end for at, end in spans):
            continue
        label = _speaker_at(labels, sentence.start + finding.cue.start)
        if label is None or label.author or (
                label.speaker is not None and label.speaker.party.known):
            continue
        answering = {lb.speaker.party.key: lb.speaker for lb in labels
                     if lb.speaker is not None and lb.speaker.party.known and not lb.author}
        answering.pop(finding.invitee.party.key, None)
        if len(answering) == 1:
            finding.inviter = next(iter(answering.values()))


def _me_at_verb(text: str, finding: InviteFinding, before: list[str], after: list[str],
                words: TranscriptWords) -> bool:
    """"invited me", "convidou-me" (after the verb); "hat mich ... eingeladen", "m'a
    invité", "me invitó", "mi ha invitato" (before it, or inside a split cue): the speaker
    is the object."""
    inside = [w.strip(",.;:!?\"'«»“”").casefold()
              for w in text[finding.cue.start : finding.cue.end].split()[1:2]]
    near = set(after[:1]) | set(before[-2:]) | set(inside)
    return bool(near & words.first_person_object)


def _speaker_as_subject(sentence: SentenceSpan, labels: Sequence[Label],
                        words: TranscriptWords) -> None:
    """"Donald Trump: Thank you. We will see. I will definitely come.": an answer in the
    first person naming nobody is the speaker's, however far into the turn; the speaker
    becomes the sentence's subject, so the answer joins the invitation naming them."""
    facts = sentence.facts
    opening = sentence.text.split(None, 1)[:1]
    # "I will come", or a first-person verb opening the sentence ("Verrò sicuramente")
    if not facts.statuses or facts.refs or not opening or not (
            opening[0].strip(",.;:!?\"'«»“”").casefold() in words.first_person
            or any(hit.start == 0 for _, hit in facts.statuses)):
        return
    label = _speaker_at(labels, sentence.start)
    if label is None or label.speaker is None or label.author:
        return
    speaker = label.speaker
    facts.refs.append(Ref(speaker.party, 0, len(opening[0]), confidence=speaker.confidence,
                          country=speaker.country))


def _you_in_a_turn(sentence: SentenceSpan, lowered: str, context: _Context,
                   addressing: Sequence[tuple[Sequence[str], bool]],
                   before: Sequence[SentenceSpan] = ()) -> None:
    """A turn of a two-sided conversation naming nobody: "I would like to invite you to
    make an official visit" (the speaker invites the other side, pending), "I am planning
    to take part in the forum at your invitation" (the other side invited the speaker:
    accepted when planned, else taking place as said). `addressing`: the words'
    `invite_you` and `at_your_invitation` phrases (those of the text), in their order.
    A speech with no single other speaker has a "you" only where the turn has just
    addressed one person ("Mr Prime Minister! I invite you to visit Kyiv": `_addressed`;
    `before`: the sentences just before this one)."""
    for phrases, speaker_invites in addressing:
        found = min((f for f in (find_phrase(lowered, p) for p in phrases) if f is not None),
                    default=None)
        if found is None:
            continue
        at, end = found
        label = _speaker_at(context.labels, sentence.start + at)
        if label is None or label.speaker is None:
            return
        other = _named_before(sentence, at, label, context) or \
            _named_after(sentence, end, label, context) or _one_other(label, context) \
            or _addressed(sentence, at, label, context, before)
        if other is None:
            return
        if speaker_invites and (_procedure(lowered[end:], context.words.procedure) or
                                not _names_occasion_or_place(sentence.text[end:],
                                                             context.words)):
            # "I invite you to take the floor / to report": procedure, no visit; "I
            # invite you to join our initiative": neither an occasion nor a place follows
            # (issue 14, press releases: false alarms from a generic "invite")
            return
        if speaker_invites:
            _add(sentence, label.speaker, other, at, sentence.text[at:end], Status.PENDING)
        else:
            planned = any(w in lowered[:at] for w in context.words.plans)
            _add(sentence, other, label.speaker, at, sentence.text[at:end],
                 Status.ACCEPTED if planned else Status.TOOK_PLACE)
        return


# Words after "I invite you" in which a procedure phrase may stand: "Ich lade Sie ein,
# ihn zu probieren", "Приглашаю Вас попробовать".
_PROCEDURE_WORDS = 4


_OCCASION_WORDS = 10  # words after "I invite you" that may name the occasion or place


def _names_occasion_or_place(rest: str, words: TranscriptWords) -> bool:
    """Whether the words right after "I invite you" name an occasion ("to make an official
    visit", "to the forum", "посетить Россию") or a place, a capitalised word ("to Kyiv",
    "I will be waiting for you in Kyiv")."""
    tokens = [w.strip(",.;:!?\"'«»“”()") for w in rest.split()[:_OCCASION_WORDS]]
    return any(t[:1].isupper() or t.casefold().startswith(words.occasions)
               for t in tokens if t)


def _procedure(rest: str, phrases: Sequence[str]) -> bool:
    """Whether what follows "I invite you" is a chairman's or a host's procedure ("to take
    the floor", "à le goûter", "ein, ihn zu probieren"), not a visit: one of the phrases
    begins one of its first words."""
    window = " " + " ".join(rest.lstrip(" ,").split()[:_PROCEDURE_WORDS])
    return any(" " + p in window or window.startswith(" " + p) for p in phrases)


def _one_other(label: Label, context: _Context) -> Ref | None:
    """The one other speaker of a conversation: a speech's "you" is its audience ("I
    invite you - your cities, your companies - to take part"), and a summit or a press
    conference has no single "you"; '"I will be waiting for you in Kyiv," Zelensky told
    Trump': the one told."""
    if label.addressee is not None:
        return label.addressee
    assert label.speaker is not None
    others = {lb.speaker.party.key: lb.speaker for lb in context.labels
              if lb.speaker is not None and not lb.author and lb.start > 0
              and lb.speaker.party.key != label.speaker.party.key}
    return next(iter(others.values())) if len(others) == 1 else None


def _named_before(sentence: SentenceSpan, at: int, label: Label, context: _Context
                  ) -> Ref | None:
    """"President Tokayev, I invite you", "Presidenta Meloni, la invito": a figure the turn
    names right before the "you", set off by a comma or an exclamation mark only, is the
    one addressed (never the one inviting)."""
    speaker = label.speaker
    assert speaker is not None
    opening = max(0, label.start - sentence.start)
    for ref in context.sentence_refs(sentence.index):
        if ref.end <= at and ref.party.known and ref.party.key != speaker.party.key and \
                ref.start >= opening and sentence.text[ref.end : at].strip() in (",", "!") \
                and _only_address_words(sentence.text[opening : ref.start], context.words):
            return ref
    return None


def _named_after(sentence: SentenceSpan, end: int, label: Label, context: _Context
                 ) -> Ref | None:
    """"I would like to invite you, Vladimir Vladimirovich, to the Forum of Regions": a
    figure set off by commas right after the "you" is the one addressed (issue 14, press
    releases)."""
    speaker = label.speaker
    assert speaker is not None
    text = sentence.text
    for ref in context.sentence_refs(sentence.index):
        if ref.start >= end and ref.party.known and ref.party.key != speaker.party.key and \
                text[end : ref.start].strip() == "," and text[ref.end :].lstrip()[:1] == ",":
            return ref
    return None


def _only_address_words(text: str, words: TranscriptWords) -> bool:
    """Whether the words before a name are all capitalised or words of a vocative ("Caro
    presidente Sánchez,"): "Together with President Tokayev, I invite you" names a
    co-host, not the one addressed."""
    allowed = {w for v in words.vocatives for w in v.split()}
    return all(w[:1].isupper() or w.casefold() in allowed
               for w in re.findall(r"[^\W\d_]+", text))


# A vocative this many sentences before the "you" (in the same turn) still addresses it:
# "Уважаемый господин Президент! Большое спасибо. Приглашаю Вас ...".
_VOCATIVE_REACH = 2


def _addressed(sentence: SentenceSpan, at: int, label: Label, context: _Context,
               before: Sequence[SentenceSpan]) -> Ref | None:
    """Whom a vocative just before the "you" names: "Mr President," / "Monsieur le
    Président," / "Шановний пане Президенте!" in this sentence (before the phrase) or in
    one of the two before it, within the speaker's turn. The addressee is a figure named
    in the vocative's sentence after it ("Dear Kassym-Jomart Kemelevich,", or the title
    the article resolves: "le Président"), else the other side (the other speaker, else
    the one other figure of the headline), else the one leader of the countries the
    headline names, on the article's date ("Speech ... in the Chamber of Deputies of
    Luxembourg": "Mr Prime Minister!"). Never a new person: nothing else resolves it."""
    speaker = label.speaker
    assert speaker is not None
    spans = [(sentence, at), *((s, len(s.text)) for s in reversed(before[-_VOCATIVE_REACH:]))]
    for span, limit in spans:
        lowered = span.text[:limit].casefold()
        vocative = max((lowered.rfind(v) for v in context.words.vocatives), default=-1)
        if vocative < 0 or _speaker_at(context.labels, span.start + vocative) is not label:
            continue
        named = {r.party.key: r for r in context.sentence_refs(span.index)
                 if vocative <= r.start < limit and r.party.key != speaker.party.key
                 and r.party.known}
        if len(named) == 1:
            return next(iter(named.values()))
        if named:
            return None
        other = _other_side(speaker, context.labels, context.title_refs)
        if other is not None:
            return other
        # "Speech by the President of Ukraine in ... Luxembourg": not the speaker's own
        # country's leaders (Ukraine's prime minister is not addressed in Luxembourg)
        found = context.title_leaders() if context.title_leaders is not None else []
        leaders = [r for r in found if r.party.key != speaker.party.key
                   and (r.country is None or r.country != speaker.country)]
        return leaders[0] if len(leaders) == 1 else None
    return None


def _i_leads(sentence: SentenceSpan, finding: InviteFinding, words: TranscriptWords) -> bool:
    """"I noted Ireland's support and invited Prime Minister Martin to visit": the
    sentence's subject is the first person and neither a figure nor "you" stands between it
    and an active invitation verb (a passive "was invited" has no agent to supply)."""
    if finding.cue.category != "active":
        return False
    lead = [w.strip(",.;:!?\"'«»“”").casefold() for w in sentence.text[: finding.cue.start].split()]
    if not set(lead[:2]) & words.first_person or set(lead) & words.second_person:
        return False  # "we would like to ask you to invite X" asks someone else to
    return not any(r.start < finding.cue.start for r in sentence.facts.refs)


def _speaker_at(labels: Sequence[Label], position: int) -> Label | None:
    """The label whose turn holds the position (the speech starts after its colon)."""
    return next((lb for lb in reversed(labels)
                 if lb.start <= position and (lb.end is None or position < lb.end)), None)


def _other_side(speaker: Ref, labels: Sequence[Label], title_refs: Sequence[Ref]
                ) -> Ref | None:
    """The one the speaker addresses as "you": the only other speaker of a two-sided
    conversation, else the only other figure of the title. A press conference or a summit
    (several other speakers) has no single "you"."""
    others = {lb.speaker.party.key: lb.speaker for lb in labels
              if lb.speaker is not None and lb.speaker.party.key != speaker.party.key}
    if len(others) == 1:
        return next(iter(others.values()))
    titled = {r.party.key: r for r in title_refs if r.party.key != speaker.party.key}
    if not others and len(titled) == 1:
        return next(iter(titled.values()))
    return None


def _attendees(sentences: Sequence[SentenceSpan], words: TranscriptWords,
               sentence_refs: Callable[[int], list[Ref]]) -> list[Ref]:
    """The figures of the article's attendance list ("The meeting was attended by the
    President of Azerbaijan Ilham Aliyev, ..."), in order, once each. Someone "also
    invited to attend" in another sentence (an official convened to report) is not in it."""
    found: dict[str, Ref] = {}
    for sentence in sentences:
        lowered = sentence.text.casefold()
        at = min((i for i in (lowered.find(p) for p in words.attendance) if i >= 0),
                 default=-1)
        if at < 0:
            continue
        for ref in sentence_refs(sentence.index):
            if ref.start >= at:
                found.setdefault(ref.party.key, ref)
    return list(found.values())


def _thanks_in_sentence(sentence: SentenceSpan, lowered: str, context: _Context,
                        refs: list[Ref], previous: SentenceSpan | None) -> None:
    labels, title_refs, words = context.labels, context.title_refs, context.words
    for phrases, speaker_invited in ((words.invited_speaker, True),
                                     (words.inviting_speaker, False)):
        for phrase in phrases:
            at = lowered.find(phrase)
            if at < 0:
                continue
            label = _speaker_at(labels, sentence.start + at)
            if label is None or label.speaker is None:
                return  # nobody, or someone the gazetteer does not know, is speaking
            rest = lowered[at + len(phrase) :]
            if _procedure(rest, words.floor) and not any(
                    w.startswith(words.occasions) for w in rest.split()):
                # "thank you for the invitation to speak" at a meeting of officials: the
                # chairman's procedure, no invitation (issue 14, press releases)
                return
            speaker = label.speaker
            other = label.addressee or _other_side(speaker, labels, title_refs)
            if other is None and (any(v in lowered for v in words.vocatives) or any(
                    w.strip(",.!?") in words.second_person for w in lowered.split())):
                # "thank you, Mr. President, for inviting me" after "Dear President
                # Nausėda!": the vocative or the "you" speaks to the one the salutation
                # named
                other = _saluted(speaker, context)
            status = Status.RESPONDED if label.author else Status.TOOK_PLACE
            if speaker_invited and label.author:
                # An address speaks to its audience, not to one figure, and thanks many
                # in turn: neither the other speakers nor the neighbouring sentences are a
                # safe guess at the host, but a country thanked in this sentence or the
                # thanks just before ("Grateful to Indonesia ... Grateful also for the
                # invitation to the G20") stands for its leader the article names.
                host = _thanked_figure(sentence, at, refs, speaker, words) or \
                    _thanked_country(sentence, previous, speaker, context)
                if host is not None:
                    _add(sentence, host, speaker, at, phrase, status)
                return
            if speaker_invited:
                # The host addressed in the sentence itself ("grateful for the invitation,
                # Mr President Levits!"); else the single "you"; else the host is left to
                # the article (aggregate.py looks in the neighbouring sentences).
                addressed = [r for r in refs if r.party.key != speaker.party.key
                             and r.start >= label.start - sentence.start]
                _add(sentence, addressed[0] if len(addressed) == 1 else other, speaker, at,
                     phrase, status)
                return
            offset = label.start - sentence.start
            named = [r for r in refs if offset <= r.start and r.end <= at
                     and r.party.key != speaker.party.key]
            # "thank my colleagues, the President of Azerbaijan and the Prime Minister of
            # Armenia, for agreeing to come": everyone thanked after the thanks word.
            thanked_from = max((lowered.rfind(w, 0, at) for w in words.thanks), default=-1)
            thanked = [r for r in named if r.start > thanked_from >= 0]
            # "The talks were attended by Foreign Minister Sergei Lavrov, ...": the host's
            # own delegation attends its talks; they are not the guests it invited (issue
            # 14, precision: a list of attendees).
            listed = [r for r in context.attendees if r.party.key != speaker.party.key
                      and not (speaker.country and r.country == speaker.country)]
            guests = thanked or ([named[-1]] if named else listed if len(listed) >= _SUMMIT
                                 else [other] if other else _all_others(speaker, labels))
            for guest in guests:
                _add(sentence, speaker, guest, at, phrase, status)
            return




def _thanks_without_labels(sentences: Sequence[SentenceSpan], title_refs: Sequence[Ref],
                           words: TranscriptWords, sentence_refs: Callable[[int], list[Ref]],
                           home_countries: HomeCountries) -> None:
    """"Meeting of Vladimir Putin and Kassym-Jomart Tokayev": "Thank you for accepting my
    invitation. I am glad to see you in Moscow." A transcript without speaker labels whose
    headline names two figures: a thanks for the invitation that names nobody is said at
    the meeting, and its host is the one of the two whose country (or capital) this
    sentence or the next names; no such place, or both, and nothing is said."""
    parties = {r.party.key: r for r in title_refs if r.party.known}
    if len(parties) != 2:
        return
    # A sentence holds a thanks word only if the text does: folded and searched once
    # (casefold maps each character on its own, so a sentence's fold is part of the text's).
    text = "\n".join(s.text for s in sentences).casefold()
    if not any(w in text for w in words.thanks):
        return
    for position, sentence in enumerate(sentences):
        if sentence_refs(sentence.index):
            continue
        lowered = sentence.text.casefold()
        if not any(w in lowered for w in words.thanks):
            continue
        phrase = next((p for p in (*words.inviting_speaker, *words.invited_speaker)
                       if p in lowered), None)
        if phrase is None:
            continue
        nearby = " ".join(s.text for s in sentences[position : position + 2])
        codes = home_countries(nearby)
        hosts = [r for r in parties.values() if r.country is not None and r.country in codes]
        if len(hosts) != 1:
            return
        guest = next(r for r in parties.values() if r is not hosts[0])
        _add(sentence, hosts[0], guest, lowered.find(phrase), phrase, Status.TOOK_PLACE)
        return


_SALUTATION = 4  # sentences at most of a speech's opening salutation


def _salutation(sentences: Sequence[SentenceSpan], sentence_refs: Callable[[int], list[Ref]]
                ) -> list[Ref]:
    """The figures named in the exclamations opening a speech ("Dear President Nausėda!
    Ladies and gentlemen!", "Шановний пане Президенте Макроне! Шановні колеги!"), the
    official sites' salutation (issue 14, press releases)."""
    def exclaimed(sentence: SentenceSpan) -> bool:
        return sentence.text.rstrip().endswith("!")

    # the headline, when given, is the first sentence
    first = 1 if len(sentences) > 1 and not exclaimed(sentences[0]) else 0
    named: list[Ref] = []
    for sentence in sentences[first : first + _SALUTATION]:
        if not exclaimed(sentence):
            break
        named += sentence_refs(sentence.index)
    return named


def _saluted(speaker: Ref, context: _Context) -> Ref | None:
    """The one figure other than the speaker that the opening salutation names: whom the
    speech's "thank you for inviting me" thanks."""
    others = {r.party.key: r for r in context.salutation
              if r.party.known and r.party.key != speaker.party.key}
    return next(iter(others.values())) if len(others) == 1 else None


def _thanked_figure(sentence: SentenceSpan, at: int, refs: list[Ref], speaker: Ref,
                    words: TranscriptWords) -> Ref | None:
    """"I am grateful to Boris Johnson for the invitation to London": the one figure
    named between the thanks word and the phrase is the host (issue 14, press releases:
    an address thanks one figure by name)."""
    lowered = sentence.text.casefold()
    thanked_from = max((lowered.rfind(w, 0, at) for w in words.thanks), default=-1)
    if thanked_from < 0:
        return None
    named = {r.party.key: r for r in refs if thanked_from < r.start and r.end <= at
             and r.party.known and r.party.key != speaker.party.key
             and not (speaker.country and r.country == speaker.country)}
    return next(iter(named.values())) if len(named) == 1 else None


def _thanked_country(sentence: SentenceSpan, previous: SentenceSpan | None, speaker: Ref,
                     context: _Context) -> Ref | None:
    if context.country_leaders is None:
        return None
    texts = [sentence.text]
    if previous is not None and any(w in previous.text.casefold() for w in context.words.thanks):
        texts.append(previous.text)
    for text in texts:
        keys = context.country_leaders(text) - {speaker.party.key}
        hosts = {r.party.key: r for r in context.article_refs if r.party.key in keys}
        if len(hosts) == 1:
            return next(iter(hosts.values()))
    return None


def _all_others(speaker: Ref, labels: Sequence[Label]) -> list[Ref]:
    """"Colleagues, thank you for accepting my invitation" at a summit with no attendance
    list: every other figure who speaks at the meeting was invited by the host."""
    others = {lb.speaker.party.key: lb.speaker for lb in labels
              if lb.speaker is not None and lb.speaker.party.key != speaker.party.key}
    return list(others.values())


def _add(sentence: SentenceSpan, inviter: Ref | None, invitee: Ref, at: int,
         phrase: str, status: Status = Status.TOOK_PLACE) -> None:
    if inviter is not None and inviter.party.key == invitee.party.key:
        return
    cue = CueHit("transcript", at, at + len(phrase), sentence.text[at : at + len(phrase)])
    scale = min(r.confidence for r in (inviter, invitee) if r is not None)
    sentence.facts.invitations.append(InviteFinding(
        inviter, invitee, status, cue,
        round(CONFIDENCE.transcript_thanks * scale, 3)))


_OPENING_QUOTES = ("\"", "“", "„", "«", "‘", "'")
_ADDRESS_ENDS = (",", "!")
_VOCATIVE_TITLE_FORMS = (FORM_TITLE, FORM_BARE_TITLE)


def without_vocative_titles(text: str, hits: list[FigureHit], vocatives: Sequence[str]
                            ) -> list[FigureHit]:
    """"„Herr Bundeskanzler, ich lade Sie ein …", sagte Selenskyj": a title that opens a
    quotation as a vocative (the lexicons' `vocatives`, then a comma or "!") addresses
    the one spoken to; it is no subject of the quoted clause, and the transcript layer
    finds the addressee from the vocative itself (`_addressed`)."""
    titles = [h for h in hits if h.form in _VOCATIVE_TITLE_FORMS]
    if not titles or not vocatives:
        return hits
    lowered = text.casefold()
    dropped: set[int] = set()
    for hit in titles:
        opening = text.rfind(_OPENING_QUOTES[0], 0, hit.start)
        opening = max([opening] + [text.rfind(q, 0, hit.start) for q in _OPENING_QUOTES[1:]])
        if opening < 0 or hit.start - opening > 40 or \
                not text.startswith(_ADDRESS_ENDS, hit.end):
            continue
        lead = lowered[opening + 1 : hit.end].strip()
        if any(lead == v or (lead.endswith(" " + v) and len(lead) <= len(v) + 12)
               for v in vocatives):
            dropped.add(hit.start)
    return [h for h in hits if h.start not in dropped] if dropped else hits
