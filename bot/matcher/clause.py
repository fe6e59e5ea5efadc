"""What the argument rules work with: figures at places in a sentence, the merged word
lists of the lexicons in force, and small tests on the words around a cue."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain import Party
from bot.matcher.confidence import CONFIDENCE
from bot.matcher.grammar import CaseEndings, Grammar, slavic_case
from bot.matcher.lexicon import CueHit, Lexicon
from bot.matcher.names import NO_COMPLEMENTS, Complements

COORDINATION_GAP = 45  # "Macron und Polens Regierungschef Donald Tusk"


@dataclass(frozen=True, slots=True)
class Ref:
    """A party at a place in a sentence."""

    party: Party
    start: int
    end: int
    possessive: bool = False
    confidence: float = 1.0  # lower for names found only from the text
    country: str | None = None
    spokesperson: bool = False
    principal: str | None = None  # the figure a spokesperson answers for
    case: str | None = None  # "dat" / "gen" where a Slavic ending says so
    residence: bool = False  # "Buckingham Palace", "the Kremlin": the host, never the invitee
    gender: str | None = None  # "f" / "m" where the gazetteer says: a pronoun's antecedent; "?" unknown
    # Named by office or country only ("Argentina's government", "the Kremlin"), not by
    # name: a later clause's office is no second party of a one-party report (story17)
    by_office: bool = False
    # A person the gazetteer lacks, titled in the article as a head of state or government
    # or a monarch ("il presidente croato X"): a leader to hosts.py (`with_titled_leaders`)
    titled_leader: bool = False


def figure_before(refs: list[Ref], at: int) -> Ref | None:
    """The last figure that ends at or before `at` (refs in text order): the subject or
    owner of the word there."""
    return next((r for r in reversed(refs) if r.end <= at), None)


def blank_refs(text: str, refs: list[Ref], mark: str = " ") -> str:
    """The text with each figure's span overwritten, offsets kept: `mark` then spaces.
    "N" makes a figure count as one word; a blank hides a seat ("Downing Street said")
    from the place-name search."""
    for ref in refs:
        text = text[:ref.start] + mark + " " * (ref.end - ref.start - 1) + text[ref.end:]
    return text


@dataclass(frozen=True, slots=True)
class Words:
    """The word lists of the lexicons in force, merged once per sentence."""

    negation: frozenset[str]
    exhortation: frozenset[str]
    from_markers: frozenset[str]
    to_markers: frozenset[str]
    pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    possessive_pronouns: frozenset[str]
    conjunctions: frozenset[str]
    name_stop: frozenset[str]
    titles: frozenset[str]
    title_suffixes: frozenset[str]
    noun_suffixes: frozenset[str]
    blockers: frozenset[str]  # words that end a coordination ("and will send Lavrov")
    both: frozenset[str]  # "both", "ambos", "оба": a subject standing for several figures
    # "parties", "sides", "стороны": the subject of a mutual agreement ("The parties agreed
    # to continue contacts"), which answers no invitation (extract._other_matter)
    mutual: frozenset[str] = frozenset()
    # "reaffirmed", "renewed", "подтвердил": right before "his invitation" they make the
    # subject its owner, the inviter (arguments._inviter_from_pronoun)
    renewal: frozenset[str] = frozenset()
    # "to report", "to take the floor": "I invite Mr Siluanov to report" is a chairman's
    # procedure, no invitation (extract._procedural)
    floor: tuple[str, ...] = ()
    with_markers: frozenset[str] = frozenset()  # "with", "con", "mit" (the [observe] list)
    # "Vielen Dank", "Muchas gracias": greeting and thanks words, never a person's name
    formulas: frozenset[str] = frozenset()
    # "gare", "station", "odası": a place's or a body's noun beside a capitalised run
    # makes it that place, no person (names.name_sequences, names33 round)
    place_heads: frozenset[str] = frozenset()
    # "..., according to Moon Jae-in": a source, not the addressee of the invitation.
    attribution: frozenset[str] = frozenset()
    # "door", "Tür", "porte", "двери": a welcome cue opening with one ("the door is open
    # for X") has its guest after it (arguments._open_door)
    door: frozenset[str] = frozenset()
    # "het bezoek", "the visit", "der Besuch": an "at the invitation of" clause opening with
    # one names the visit of the sentence before, whose subject is the guest
    # (arguments._visit_back_guest)
    visit_back: frozenset[str] = frozenset()
    # ", ha riferito Palazzo Chigi", ", the Kremlin said": a closing reporting clause's
    # subject is the source of the news, not a party (arguments.make_clause).
    reporting: frozenset[str] = frozenset()
    # "spokesperson", "пресс-секретарь": a person they introduce in a reporting clause
    # (", his spokesman X said") is the source, not a party (arguments._spokesperson_source)
    spokesperson: frozenset[str] = frozenset()
    # issue 14, stop 36, voice36 round: a person or body that speaks for a party ("the
    # spokeswoman", "Moncloa", "l'entourage", "报道官"), with the spokesperson and residence
    # words: an answer it gives is its party's (extract._side_speaker)
    side_speakers: frozenset[str] = frozenset()
    # ... and the words of saying after one that make its sentence a report of that answer
    side_speech: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()  # "el", "the": titles lists carry them to cut names
    thanks: frozenset[str] = frozenset()  # "thanked", "remercié": X thanked Y for the invitation
    phone: frozenset[str] = frozenset()  # word starts that make a meeting a call ("telephone")
    # "s'est entretenu avec": a talk, a call unless the sentence names where it was held
    talk: frozenset[str] = frozenset()
    # "delivered", "überbrachte", "передал": the subject carries someone else's invitation
    messenger: frozenset[str] = frozenset()
    # "лист Зеленського із запрошенням", "a letter from Merz with an invitation": the
    # writer of a letter carrying the invitation invites (arguments._letter_writer)
    letter: frozenset[str] = frozenset()
    # "习近平对卢拉的邀请": a word right before a 的-marked owner that makes it the one
    # addressed, the invitee (issue 14, pairs)
    addressee: frozenset[str] = frozenset()
    # "invited Zelensky together with Svyrydenko": a phrase opening the gap between two
    # invitees joins the second to the first (issue 14, pairs; `coordinated`)
    together: tuple[str, ...] = ()
    organisations: frozenset[str] = frozenset()  # "SC", "FC", "AG": a marked organisation
    # "who", "qui", "который": after a comma they open a relative clause about its antecedent
    relative: frozenset[str] = frozenset()
    # "whom", "que", "которого": right after "<figure>," they make the antecedent the object
    # of the relative clause's verb ("Tusk, whom Scholz had invited, ...")
    relative_objects: frozenset[str] = frozenset()
    # "a quien", "которого": the object even when the subject follows the verb
    inverted_relative_objects: frozenset[str] = frozenset()
    # "had", "hatte", "avait": a pluperfect relative clause tells of an invitation made
    # before the main clause's meeting, which may be its outcome
    pluperfect: frozenset[str] = frozenset()
    # "принял", "прийняв": an acceptance word that, with a person as its object, is the
    # reception of a guest ("Путин принял Си"), a meeting, not an answer
    reception: frozenset[str] = frozenset()
    # "last year", "ubiegłego roku", "去年": a took-place dated to the year before the
    # article's, a recap like one naming an earlier year (tense.recapped; scope34 round)
    last_year: frozenset[str] = frozenset()
    # "also", "auch", "тоже": "Putin was also invited" by the inviter just named
    also: frozenset[str] = frozenset()
    # "instead", "en su lugar", "вместо": a stand-in attends in the invitee's place
    substitute: frozenset[str] = frozenset()
    # "на саммите", "w szczycie", "am Gipfel": an event noun whose host is the genitive
    # name right after it ("на саммите Макрона"; issue 14, guests)
    host_genitive_events: frozenset[str] = frozenset()
    # "rejected Moscow as a venue": a refusal of the place only, a counter-venue
    venue: frozenset[str] = frozenset()
    # "non è escluso", "не исключено", "might be": a possibility, no invitation made
    possibility: frozenset[str] = frozenset()
    # "them", "ils", "их" (and "it"): a pronoun that cannot stand for one person
    plural_pronouns: frozenset[str] = frozenset()
    # "президента Республики Корея Ли Чжэ Мёна": the words completing a title before a name
    complements: Complements = NO_COMPLEMENTS
    first_person: frozenset[str] = frozenset()  # "I", "we" ([transcript]): the speaker
    # "me", "mich", "m'", "-me" ([transcript]): the speaker as the one invited
    first_person_object: frozenset[str] = frozenset()
    # "debate", "affronter", "против": the figure after it is an opponent, not a party
    opponent: frozenset[str] = frozenset()
    # "palace", "castle", "дворец": a building's word opening or closing a capitalised
    # phrase ("Windsor Castle", "Schloss Bellevue", "в Большом Кремлёвском дворце") makes it
    # a building, never a person (extract._building; state33 round)
    residences: frozenset[str] = frozenset()
    # "if", "wenn", "если": opening the clause of an invitation verb, they make it hypothetical
    conditional: frozenset[str] = frozenset()
    # "gelirse", "isterse": a conditional verb ending after its subject ("Putin gelirse ben de
    # gelirim"): the figure before it only sets the condition (condition_subject)
    condition_endings: tuple[str, ...] = ()
    # "estivesse", "were", "wäre": an unreal condition next to an invitation verb makes it a
    # counterfactual ("convidaria Trump se ainda fosse presidente"; issue 14, mixed round)
    irrealis: frozenset[str] = frozenset()
    # "elected", "gewählt", "premier": a condition on gaining an office ("if he wins", "als
    # ik premier word") is as unreal for an invitation as an irrealis form: the inviter has
    # no office yet to invite from (stop-27 falsealarms round)
    office_conditions: frozenset[str] = frozenset()
    # "the wife of", "'s daughter": the name beside them is a relative's, no party (kin.py)
    kin: frozenset[str] = frozenset()
    kin_links: frozenset[str] = frozenset()
    # "told", "informed": "Macron told Biden that he had invited Xi": the addressee is
    # not the "he" who invited (arguments.make_clause)
    telling: frozenset[str] = frozenset()
    # "on behalf of", "au nom de": the figure after them is the inviter, the subject only
    # carries the invitation (extract._on_behalf)
    behalf: frozenset[str] = frozenset()
    # "of" in "accepted the invitation of X": right after the invitation noun it marks the
    # noun's owner, the inviter (issue 14, args round; arguments._owner_marked)
    owner: frozenset[str] = frozenset()
    # "through", "via": like "by" after a messenger participle, they name the one who
    # carries the invitation ("conveyed through envoy Witkoff"; arguments._carrier)
    carrier_links: frozenset[str] = frozenset()
    # "whether", "ob": right before an invitation verb, an open question, no invitation
    whether: frozenset[str] = frozenset()
    # "пригласит ли", "招待するかどうか", "davet edip etmeyeceği": right after an invitation
    # verb, the open question of a verb-final or particle language (longart round)
    whether_after: frozenset[str] = frozenset()
    # "denied inviting Y, but invited Z": a contrast word after a denial closes its scope
    denial_contrast: frozenset[str] = frozenset()
    # "что", "że", "que", "che": opening a reported clause whose subject is left unsaid
    # ("сказал X, что будет ждать его"): the teller is that subject (arguments._told)
    complementizers: frozenset[str] = frozenset()
    # "demanded that", "forderte", "exigió que", "закликали": before an invitation verb they
    # make it a demand put to its subject, none made (issue 14, neg round)
    demand: frozenset[str] = frozenset()
    # "asked", "bat", "pidió", "попросил": a cue opened by a request verb; to a minister or
    # official of the requester's own country it sets a task, no invitation (ask round)
    request: frozenset[str] = frozenset()
    # "accepting", "accepté", "Annahme": "X thanked Y for accepting the invitation": X
    # invited Y (arguments._thanked_for_invitation)
    acceptance: frozenset[str] = frozenset()
    # "each other", "sich gegenseitig", "mutuamente", "друг друга": an invitation both
    # figures made to each other (extract._reciprocal; issue 14, counter round)
    reciprocal: tuple[str, ...] = ()
    # "each other's", "des jeweils anderen": the invited are the figures' people
    reciprocal_possessive: tuple[str, ...] = ()
    # "if the schedule allows", "sobald es der Terminkalender erlaube": a yes on a
    # condition is a response (extract._conditional_answer; issue 14, counter round)
    conditional_answers: tuple[str, ...] = ()
    # "qu'il vienne plutôt", "come to ... instead", "yerine ... gelsin": the answerer asks the
    # inviter to come to another place (aggregate._counter_venues; issue 14, counter round)
    counter_venue: tuple[str, ...] = ()
    # "he"/"him", "elle"/"la", "она"/"её": a pronoun's gender picks its antecedent
    # (arguments.pronouns_previous_sentence); a pronoun in neither list marks none
    masculine: frozenset[str] = frozenset()
    feminine: frozenset[str] = frozenset()
    # "пригласила", "запросила": a past verb ending that says its subject is a woman
    feminine_subject_endings: tuple[str, ...] = ()
    # "l'a invitée", "l'ha invitata": a participle ending that says its clitic object is one
    feminine_object_endings: tuple[str, ...] = ()
    # "instructed", "поручил", "指示": a verb that gives the figure after it a task;
    # "preparerà", "подготовит": one that says the figure before it does the groundwork.
    # Either way the figure is no party (arguments._tasked; issue 14, stop 28, gaps round)
    task: frozenset[str] = frozenset()
    preparation: frozenset[str] = frozenset()


_WORDS_CACHE: dict[tuple[int, ...], Words] = {}


def words_of(lexicons: list[Lexicon]) -> Words:
    key = tuple(id(lexicon) for lexicon in lexicons)
    cached = _WORDS_CACHE.get(key)
    if cached is None:
        cached = _WORDS_CACHE[key] = _merge_words(lexicons)
    return cached


def _merge_words(lexicons: list[Lexicon]) -> Words:
    def merged(*keys: str) -> frozenset[str]:
        out: set[str] = set()
        for lexicon in lexicons:
            for key in keys:
                out |= lexicon.words(key)
        return frozenset(out)

    return Words(
        negation=merged("negation_words"),
        exhortation=merged("exhortation_objects"),
        from_markers=merged("from_markers"),
        to_markers=merged("to_markers"),
        pronouns=merged("pronouns"),
        object_pronouns=merged("object_pronouns"),
        possessive_pronouns=merged("possessive_pronouns"),
        conjunctions=merged("conjunctions"),
        name_stop=merged("name_stopwords"),
        formulas=merged("formula_words"),
        place_heads=merged("place_heads"),
        titles=merged("titles"),
        title_suffixes=merged("title_suffixes"),
        noun_suffixes=merged("noun_suffixes"),
        both=merged("both_words"),
        mutual=merged("mutual_subjects"),
        renewal=merged("renewal_words"),
        floor=tuple(sorted(merged("floor_words"))),
        attribution=merged("attribution_words"),
        door=merged("door_words"),
        visit_back=merged("visit_back_words"),
        reporting=merged("reporting_words"),
        spokesperson=merged("spokesperson_words"),
        side_speakers=frozenset(w.casefold() for w in merged(
            "side_speaker_words", "spokesperson_words", "residence_words")),
        side_speech=frozenset(w.casefold() for w in merged("side_speech_words")),
        articles=merged("articles"),
        thanks=merged("thanks_words"),
        phone=merged("phone_words"),
        talk=merged("talk_words"),
        messenger=merged("messenger_words"),
        letter=merged("letter_words"),
        addressee=merged("addressee_markers"),
        together=tuple(sorted(merged("together_words"), key=len, reverse=True)),
        relative=merged("relative_pronouns"),
        relative_objects=merged("relative_objects"),
        inverted_relative_objects=merged("inverted_relative_objects"),
        pluperfect=merged("pluperfect_words"),
        reception=merged("reception_words"),
        last_year=merged("last_year_words"),
        also=merged("also_words"),
        substitute=merged("substitute_words"),
        host_genitive_events=merged("host_genitive_events"),
        venue=merged("venue_words"),
        possibility=merged("possibility_words"),
        plural_pronouns=merged("plural_pronouns"),
        masculine=merged("masculine_pronouns"),
        feminine=merged("feminine_pronouns"),
        feminine_subject_endings=tuple(sorted(merged("feminine_subject_endings"))),
        feminine_object_endings=tuple(sorted(merged("feminine_object_endings"))),
        task=merged("task_words"),
        preparation=merged("preparation_words"),
        complements=complements_of(lexicons),
        opponent=merged("opponent_words"),
        residences=merged("residence_words"),
        conditional=merged("conditional_words"),
        condition_endings=tuple(sorted(merged("condition_endings"))),
        irrealis=merged("irrealis_words"),
        office_conditions=merged("office_condition_words"),
        kin=merged("kin_words"),
        kin_links=merged("kin_links"),
        telling=merged("telling_words"),
        behalf=merged("behalf_markers"),
        owner=merged("owner_markers"),
        carrier_links=merged("carrier_links"),
        whether=merged("whether_words"),
        whether_after=merged("whether_after_words"),
        denial_contrast=merged("denial_contrast_words"),
        complementizers=merged("complementizers"),
        demand=merged("demand_words"),
        request=merged("request_words"),
        acceptance=merged("acceptance_words"),
        reciprocal=tuple(sorted(merged("reciprocal_words"), key=len, reverse=True)),
        reciprocal_possessive=tuple(sorted(merged("reciprocal_possessive"), key=len,
                                           reverse=True)),
        conditional_answers=tuple(sorted(merged("conditional_answers"))),
        counter_venue=tuple(sorted(merged("counter_venue_words"))),
        first_person=frozenset(p.casefold() for lx in lexicons
                               for p in lx.transcript.get("first_person", ())),
        first_person_object=frozenset(p.casefold() for lx in lexicons
                                      for p in lx.transcript.get("first_person_object", ())),
        organisations=merged("organisation_markers"),
        blockers=frozenset(
            phrase.casefold()
            for lexicon in lexicons
            for category in ("future", "hedge")
            for phrase in lexicon.phrases.get(category, [])
            if " " not in phrase and len(phrase) > 1
        ),
        with_markers=frozenset(
            word.casefold() for lexicon in lexicons
            for word in lexicon.observe_lists.get("with_markers", frozenset())
        ),
    )



def complements_of(lexicons: list[Lexicon]) -> Complements:
    """The title complements of the lexicons in force (names.Complements)."""
    def merged(key: str) -> frozenset[str]:
        return frozenset(w.casefold() for lexicon in lexicons for w in lexicon.words(key))

    return Complements(merged("title_complements"), merged("formal_complements"),
                       tuple(sorted(merged("complement_endings"))))


Pair = tuple[Ref | None, Ref | None, float]  # inviter, invitee, confidence


def pairs(inviter: Ref | None, invitees: list[Ref], confidence: float) -> list[Pair]:
    if inviter is None and not invitees:
        return []
    if not invitees:
        return [(inviter, None, confidence * CONFIDENCE.missing_invitee)]
    out: list[Pair] = []
    for invitee in invitees:
        if inviter is not None and inviter.party.key == invitee.party.key:
            continue
        scale = min(r.confidence for r in (inviter, invitee) if r is not None)
        out.append((inviter, invitee, round(confidence * scale, 3)))
    if not out and inviter is not None:
        out.append((inviter, None, confidence * CONFIDENCE.missing_invitee))
    return out


def is_coordination(gap: str, words: Words) -> bool:
    if len(gap) > COORDINATION_GAP or any(p in gap for p in ".;:!?()"):
        return False
    tokens = [t.strip(",").casefold() for t in gap.split()]
    if not tokens:
        return "," in gap
    if any(t in words.blockers for t in tokens):
        return False
    return any(t in words.conjunctions for t in tokens) or (gap.strip() == ",")


# issue 14, guests round: characters between two names joined without spaces, a title or
# country of the second in between ("プーチン大統領とインドのモディ首相", "普京、印度总理莫迪")
GLUED_COORDINATION_GAP = 16


def glued_coordination(gap: str, words: Words) -> bool:
    """'and' or an enumeration comma written onto the names or their titles in a script
    without spaces ("とインドの", "、印度总理", "和土耳其总统") or as a particle ending a
    word ("기시다 후미오 총리와 리창 총리가": " 총리와 ")."""
    if not gap or len(gap) > GLUED_COORDINATION_GAP or any(p in gap for p in ".;:!?()。，,"):
        return False
    if not any(c.isspace() for c in gap):
        return gap.startswith("、") or any(conj in gap for conj in words.conjunctions)
    particles = [conj for conj in words.conjunctions if conj[:1] >= _PARTICLE_SCRIPTS]
    return any(token.endswith(conj) for token in gap.split() for conj in particles)


# Hangul, kana and CJK start here: a conjunction written onto a word ("와", "과")
_PARTICLE_SCRIPTS = "\u1100"


_CONDITION_BREAKS = ",;:"
_CONDITION_OPENERS = ",;:\"«»„“”"
_CONDITION_REACH = 2  # words after a figure that may hold its conditional verb ("Putin gelirse")


def _sets_condition(sentence: str, ref: Ref, at: int, words: Words) -> bool:
    """The figure is the subject of a condition that closes before `at`: a conditional word
    opens its clause ("If Putin comes, I will come too", "Si Poutine vient, je viendrai")
    and a comma closes it, or a conditional ending follows it ("Putin gelirse ben de
    gelirim")."""
    after = sentence[ref.end : at]
    if words.condition_endings and any(
            token.strip("\"'“”»,.").casefold().endswith(words.condition_endings)
            for token in after.split()[:_CONDITION_REACH]):
        return True
    if not words.conditional or not any(mark in after for mark in _CONDITION_BREAKS):
        return False
    opening = max(sentence.rfind(mark, 0, ref.start) for mark in _CONDITION_OPENERS)
    first = sentence[opening + 1 : ref.start].split()[:1]
    return bool(first) and first[0].strip("\"«„“(").casefold() in words.conditional


def condition_subject(sentence: str, refs: list[Ref], at: int, words: Words) -> Ref | None:
    """issue 14, stop 31, fixc round: "Zelensky: 'If Putin comes, I will come too'": the
    figure right before an answer word who only sets its condition does not give it; the
    answer is the figure's named before the condition (None when the last figure before
    `at` sets no condition, or nobody is named before it)."""
    last = figure_before(refs, at)
    if last is None or not _sets_condition(sentence, last, at, words):
        return None
    earlier = figure_before(refs, last.start)
    while earlier is not None and earlier.party.key == last.party.key:
        earlier = figure_before(refs, earlier.start)
    return earlier


def coordinated(sentence: str, refs: list[Ref], words: Words, glued: bool = False) -> list[Ref]:
    """The first ref and those joined to it by 'and' / 'und' / commas; with `glued`, also
    by a conjunction or an enumeration comma written without spaces (ja, zh)."""
    if not refs:
        return []
    group = [refs[0]]
    for ref in refs[1:]:
        if any(ref.party.key == g.party.key for g in group):
            continue  # the same figure again ("премьер-министра Индии Нарендру Моди")
        gap = sentence[group[-1].end : ref.start]
        if is_coordination(gap, words) or (glued and glued_coordination(gap, words)) or \
                _together(gap, words):
            if all(ref.party.key != g.party.key for g in group):
                group.append(ref)
            continue
        break
    return group


def _together(gap: str, words: Words) -> bool:
    """"разом із Прем'єр-міністеркою", "junto con el presidente uruguayo": a together-with
    phrase opens the gap (a title of the second figure may follow it)."""
    if not words.together or len(gap) > COORDINATION_GAP or any(p in gap for p in ".;:!?()"):
        return False
    text = " ".join(gap.replace(",", " ").casefold().split())
    return any(text.startswith(phrase + " ") or text == phrase for phrase in words.together)


def coordinated_back(sentence: str, refs: list[Ref], words: Words) -> list[Ref]:
    group = [refs[-1]]
    for ref in reversed(refs[:-1]):
        if is_coordination(sentence[ref.end : group[-1].start], words):
            if all(ref.party.key != g.party.key for g in group):
                group.append(ref)
            continue
        break
    return group



def genitive_host_after(sentence: str, end: int, ref: Ref, endings: CaseEndings) -> bool:
    """The known figure right after an event noun is its host in the genitive: "на саммите
    Макрона", "w szczycie Macrona" (issue 14, guests). A Cyrillic name must carry a
    genitive ending ("на саммите Макрон заявил": a subject)."""
    if ref.start < end or sentence[end : ref.start].strip() or not ref.party.known:
        return False
    name = sentence[ref.start : ref.end]
    if any("\u0400" <= ch <= "\u04ff" for ch in name):
        return slavic_case(name, endings) == "gen"
    return True


def glued_genitive(sentence: str, ref: Ref, index: int) -> bool:
    """The figure is a genitive glued to what starts at `index`: "Macrons toppmöte", and
    through a case ending after an apostrophe, "Macron'un zirvesine" (issue 14, wider)."""
    gap = sentence[ref.end : index].strip()
    return ref.possessive and ref.end <= index and (
        not gap or (gap[:1] in "'’" and len(gap.split()) == 1))


def word_before(sentence: str, index: int, count: int = 1) -> list[str]:
    return [w.strip(",.;:!?\"'«»„“").casefold() for w in sentence[max(0, index - 40) : index].split()[-count:]]


def right_before(sentence: str, ref: Ref, cue: CueHit, words: Words) -> bool:
    """The ref is the verb's subject: at most two words (auxiliary, clitic) in between."""
    gap = [w.strip(",").casefold() for w in sentence[ref.end : cue.start].split()]
    return len(gap) <= 2 and not any(w in words.conjunctions for w in gap) and \
        "," not in sentence[ref.end : cue.start]


def clitic_in_cue(cue: CueHit, words: Words) -> bool:
    """"l'invitait", "lui proposait": the cue's first word is an object clitic."""
    first = cue.text.split()[0].casefold() if cue.text.split() else ""
    return first.startswith(("l'", "l’")) or (len(cue.text.split()) > 1 and
                                              first in words.object_pronouns)


def clitic_before(sentence: str, cue: CueHit, words: Words, grammar: Grammar) -> bool:
    if clitic_in_cue(cue, words):
        return True  # "l'invitait", "lui proposait": the clitic is inside the cue
    # Only the word right before counts: "para o qual tinha convidado" has an article;
    # Slavic clitics may stand one adverb away ("куди його особисто запрошував").
    # "l'a invité" is a clitic; "L'Élysée a invité" is an article before a name.
    previous = [w.strip(",.;:!?\"'«»„“") for w in
                sentence[max(0, cue.start - 40) : cue.start].split()[-(2 if grammar.case_marked else 1):]]
    if previous and previous[-1].casefold() in words.conjunctions:
        # "Зеленский поблагодарил его и пригласил Путина": the pronoun is the object of
        # the verb before 'and', not a clitic of this one (issue 14, b11-status round)
        return False
    return any(w.casefold() in words.object_pronouns or (
        w.casefold().startswith(("l'", "l’")) and not w[2:3].isupper()) for w in previous)


def possessive_pronoun_before(sentence: str, cue: CueHit, words: Words) -> bool:
    return any(w in words.possessive_pronouns for w in word_before(sentence, cue.start, 2))


def object_pronoun_follows(sentence: str, cue: CueHit, words: Words) -> bool:
    following = sentence[cue.end : cue.end + 20].replace("-", " ").split()
    return bool(following) and following[0].strip(",.;:!?").casefold() in words.object_pronouns


def _seat_again(before: list[Ref], index: int) -> bool:
    """The figure at `index` is the first figure again, after another one in between."""
    first, ref = before[0], before[index]
    return ref.party.key == first.party.key and any(
        r.party.key != first.party.key for r in before[1:index])


def subject_and_object_before(sentence: str, cue: CueHit, before: list[Ref], words: Words,
                               previous_subject: Ref | None) -> tuple[Ref, Ref | None]:
    """Who is who when both stand before the verb and a pronoun stands for the object.

    Right before the verb is the subject ("after Macron invited her"); after a
    conjunction the sentence's first figure is ("Mattarella ha telefonato a Macron e l'ha
    invitato", "telefonou a Zelensky e convidou-o")."""
    # "Putin received Modi in the Kremlin and invited him", "Petro recibió a Boric en la
    # Casa de Nariño y lo invitó": a residence after the first figure, or the first
    # figure's seat named again after the guest, is the place of the reception, never
    # the invitee (nor, there, the subject).
    before = [r for i, r in enumerate(before)
              if not (i > 0 and (r.residence or _seat_again(before, i)))] or before
    last = before[-1]
    others = [r for r in before if r.party.key != last.party.key]
    gap = [w.strip(",").casefold() for w in sentence[last.end : cue.start].split()]
    # the conjunction may stand two adverbs before the verb: "Zelensky thanked Modi for
    # the invitation and in turn invited him" (issue 14, b11-status round)
    joined = [i for i, w in enumerate(gap) if w in words.conjunctions]
    if others and ((len(gap) <= 4 and joined) or (joined and len(gap) - joined[-1] <= 3)):
        # "Scholz declined Macron's invitation to Paris and invited him": a verb after a
        # conjunction shares the sentence's subject.
        return others[0], last
    if others:
        return last, others[-1]  # "Lula visited the White House and met Biden, who had invited him"
    return last, previous_subject


def relative_opening(sentence: str, at: int, words: Words) -> int:
    """The comma opening the relative clause that `at` stands in ("Macron, who visited
    Berlin ..."): its first word after the comma is a relative pronoun; -1 if none."""
    if not words.relative:
        return -1
    opening = sentence.rfind(",", 0, at)
    if opening < 0:
        return -1
    first = sentence[opening + 1 : at].casefold().split()[:1]
    return opening if first and first[0] in words.relative else -1


def in_closed_relative(sentence: str, start: int, end: int, until: int, words: Words) -> bool:
    """Whether the span `start`..`end` stands in a relative clause opened by a comma and
    closed by another before `until` ("Macron, who visited Berlin last week, invited
    Scholz"): the clause is its antecedent's aside, not the main clause's matter."""
    return relative_opening(sentence, start, words) >= 0 and "," in sentence[end:until]


def starts_with_pronoun(sentence: str, words: Words) -> bool:
    """"He ...", "Er ...", and the two-word stand-ins of the lexicons ("The President
    renewed his invitation to Johnson": the president the article is about)."""
    first = [w.strip(",.\"'“”«»").casefold() for w in sentence.split(None, 3)[:2]]
    return any(w in words.pronouns for w in first) or " ".join(first) in words.pronouns
