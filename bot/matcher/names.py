"""Persons the gazetteer does not know: capitalised name sequences next to a cue.

Only argument positions are searched (the words right before or after a cue), which keeps
German nouns and headline capitals from becoming people. Names are put back in the
nominative where the language inflects them and a simple suffix rule is clear.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁІЇЄҐΑ-Ω"
_NAME_TOKEN = rf"[{_UPPER}][\w'’\-]*\w"
_PARTICLES = r"(?:von|van|de|da|del|della|der|di|du|dos|das|bin|ibn|ter)"
# "van den Berg", "ten Cate", "von dem Bussche": only inside a particle group
# (_inner_particle), never a particle of its own
_GROUP_ONLY = r"(?:den|ten|dem)"
_NAME_SEQUENCE = re.compile(
    rf"{_NAME_TOKEN}(?:\s+(?:(?:{_PARTICLES}|{_GROUP_ONLY})\s+)*{_NAME_TOKEN}){{1,7}}"
)

GENERIC_STOPWORDS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "in", "on", "at", "of", "for", "to", "and", "or", "but", "mr", "mrs", "ms", "dr", "president", "prime", "minister", "king", "queen", "prince", "princess", "pope", "chancellor", "senator", "governor", "mayor", "ceo", "chief", "secretary", "general", "sir", "lord", "lady", "saint", "st", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
)

# Russian/Ukrainian oblique endings back to the nominative (masculine surnames), longest first.
_SLAVIC_RULES: tuple[tuple[str, str], ...] = (
    ("ського", "ський"), ("ському", "ський"), ("ським", "ський"),
    ("ского", "ский"), ("скому", "ский"), ("ским", "ский"),
    ("цкого", "цкий"), ("цкому", "цкий"),
    ("ова", "ов"), ("ову", "ов"), ("овым", "ов"), ("овим", "ов"), ("ове", "ов"), ("ові", "ов"),
    ("ева", "ев"), ("еву", "ев"), ("евым", "ев"), ("еве", "ев"),
    ("єва", "єв"), ("єву", "єв"), ("євим", "єв"),
    ("енка", "енко"), ("енку", "енко"), ("енком", "енко"),
    ("ина", "ин"), ("ину", "ин"), ("иным", "ин"), ("ине", "ин"), ("іна", "ін"), ("іну", "ін"),
    ("іним", "ін"), ("іні", "ін"),
    ("ына", "ын"), ("ыну", "ын"), ("ыным", "ын"),
)


# outside36 round: a man's adjectival surname in the genitive or dative ("Андрію Садовому",
# "Андрія Садового" -> "Садовий"; "Сергея Белого" -> "Белый"): Ukrainian has one nominative
# ending, -ий; Russian -ий after a velar or hushing consonant, else -ый (a stressed -ой,
# "Лугового" -> "Луговой", is taken from the article when it writes it: local_names.py).
_ADJECTIVAL_OBLIQUE = ("ого", "ому")
_SOFT_STEM = "гкхжшчщ"
_MIN_ADJECTIVAL_STEM = 3


def _adjectival_rules(lower: str, lang: str) -> tuple[tuple[str, str], ...]:
    """The rule putting a masculine adjectival surname in -ого / -ому back to -ий / -ый."""
    ending = next((e for e in _ADJECTIVAL_OBLIQUE if lower.endswith(e)), "")
    stem = lower[: -len(ending)] if ending else ""
    if len(stem) < _MIN_ADJECTIVAL_STEM or lang not in ("ru", "uk", "be"):
        return ()
    if lang == "uk" or stem[-1] in _SOFT_STEM:
        return ((ending, "ий"),)
    return ((ending, "ый"),)


_FEMININE_ADJECTIVAL = ("ська", "цька", "зька", "ская", "цкая", "зкая")
# issue 14, leftovers: a woman's adjectival surname in the accusative ("Анну Ковальскую",
# "Ганну Ковальську") -> its nominative ending; the accusative endings are hers alone (a
# man's accusative is "-ского", "-ського"). Oblique cases in -ой / -ої are left: "Шаховской"
# is a man's nominative.
_FEMININE_ADJECTIVAL_ACCUSATIVE = (("скую", "ская"), ("цкую", "цкая"), ("зкую", "зкая"),
                                   ("ську", "ська"), ("цьку", "цька"), ("зьку", "зька"))


# A Russian or Ukrainian past-tense verb of a feminine subject ("пригласила", "запросила").
_FEMININE_PAST = re.compile(r"^\s*[а-яіїєґё]+ла(?:ся|сь)?(?=[\s,.;:!?]|$)")


def _feminine_subject(last: str, following: str | None) -> bool:
    """"Олена Гайова запросила", "Анна Петрова пригласила": a name in -а right before a
    feminine past-tense verb is a woman's in the nominative, not a man's genitive
    ("Віктора Самойлова") (issue 14, parties round)."""
    return following is not None and last.lower().endswith("а") and \
        _FEMININE_PAST.match(following) is not None


def nominative(name: str, lang: str, following: str | None = None,
               preceding: str = "") -> str:
    """Best-effort nominative of an inflected name (the surname decides the case).

    `following`: the text right after the name, where the caller has it; German takes a
    genitive -s only before a noun ("Schmidtkes Einladung"), not before a verb ("Jens
    Wolters sagte"). `preceding`: the text before it; a Greek masculine article there
    ("τον δήμαρχο Γιάννη Παπαδόπουλο") marks the accusative or genitive."""
    words = name.split()
    if not words:
        return name
    if lang in ("pl", "cs", "sk"):
        return _west_slavic_nominative(words)
    if lang == "el":
        return _greek_nominative(words, preceding)
    # "Папу Лева XIV": the regnal number does not decline, the name before it does.
    numeral = [words.pop()] if len(words) > 1 and _ROMAN_NUMERAL.match(words[-1]) else []
    last = words[-1]
    if lang in ("ru", "uk", "be") and not numeral:
        woman = _east_slavic_feminine_genitive(words)
        if woman:
            return woman
    if lang in ("ru", "uk", "be", "bg"):
        for ending, replacement in _FEMININE_ADJECTIVAL_ACCUSATIVE:
            if last.lower().endswith(ending) and len(last) > len(ending) + 1:
                words[:-1] = [_feminine_accusative(w) for w in words[:-1]]
                last = words[-1] = last[: len(last) - len(ending)] + replacement
                break
        if last.lower().endswith(_FEMININE_ADJECTIVAL) or _feminine_subject(last, following):
            # "Марта Навроцька", "Анна Ковальская": a woman's adjectival surname in the
            # nominative (the man's genitive is "-ського", "-ского"); she is named as
            # written (issue 14, wire round: names beyond the gazetteer)
            return " ".join(words + numeral)
    if lang in ("ru", "uk", "be", "bg"):
        lower = last.lower()
        changed = False
        for ending, replacement in _SLAVIC_RULES + _adjectival_rules(lower, lang):
            if lower.endswith(ending) and len(lower) > len(ending) + 1:
                last = last[: len(last) - len(ending)] + replacement
                changed = True
                break
        else:
            # "Лева XIV": a short name is safe before a number; so it is after syllables
            # that do not decline ("Ли Чжэ Мёна", "Пак Сон Мина": Korean names)
            syllabic = len(words) >= 3 and all(len(w) <= 3 for w in words[:-1])
            short = 3 if numeral or syllabic else 4
            # (a four-letter surname too: "Мартіна Кубу", the given name's accusative shows
            # the case; issue 14, leftovers)
            if lower.endswith("у") and len(lower) > 3 and lower[-2] not in _VOWELS and \
                    _masculine_accusative(words[:-1]):
                last = last[:-1] + "а"  # "Маргуса Цахкну": the accusative of "Цахкна"
                changed = True
            elif lower.endswith(("а", "у")) and len(lower) > short and lower[-2] not in _VOWELS:
                last = last[:-1]
                changed = True
            elif numeral and lower.endswith(("ом", "ем")) and len(lower) > 4 and \
                    lower[-3] not in _VOWELS:
                last = last[:-2]  # "Левом XIV"
                changed = True
        if changed:
            # The given names were declined the same way: "Ивана" -> "Иван", "Сергея" -> "Сергей";
            # "Папу Лева", "Папою Левом": a word in -у / -ою beside them is an -а noun.
            case = "ins" if lower.endswith(("ом", "ем", "ым", "им")) else (
                "acc" if lower.endswith(("а", "я")) else None)
            words[:-1] = [_slavic_given_name(w, case, lang) for w in words[:-1]]
        elif len(words) >= 2 and not numeral and _accusative_title_before(preceding):
            # "министра иностранных дел Латвии Байбу Браже": a woman's surname that does
            # not decline; her given name in the accusative does. Only after a title in
            # the accusative: "Маргусу" (a man's dative) looks the same as "Байбу".
            words[:-1] = [_feminine_accusative(w) for w in words[:-1]]
    elif lang == "de" and last.endswith("s") and len(last) > 4 and last[-2] not in "sxzß" and (
            following is None or following.lstrip()[:1].isupper()):
        last = last[:-1]
    elif lang in ("en",) and last.endswith(("'s", "’s")):
        last = last[:-2]
    words[-1] = last
    return " ".join(words + numeral)


# A name of the -а declension in the genitive or dative, back to the nominative (issue 14,
# unknown round): "Олени Гаркуші" -> "Олена Гаркуша", "Анны Петровой" -> "Анна Петрова",
# "Марії Ковальської" -> "Марія Ковальська". Longest first; the given name shows the case.
_FEMININE_GIVEN_GENITIVE = (("ии", "ия"), ("ії", "ія"), ("ы", "а"), ("и", "а"), ("і", "а"))
_FEMININE_SURNAME_GENITIVE = (
    ("ской", "ская"), ("цкой", "цкая"), ("ської", "ська"), ("цької", "цька"),
    ("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ової", "ова"), ("евої", "ева"),
    ("іної", "іна"), ("иної", "іна"), ("ы", "а"), ("и", "а"), ("і", "а"),
)
# names33 round: the dative and instrumental of a woman's name ("Анне Петровой", "Анной
# Петровой", "Марией Соколовой"; Ukrainian "Олені Гайовій", "Оленою Гайовою", "Марією
# Ковальською"): the surname's ending is hers alone, so the given name's ending is read
# as the same case. Not a man's "-ей" ("Андрей Луговой" is a nominative).
_FEMININE_GIVEN_OBLIQUE_EAST = (("ией", "ия"), ("ьей", "ья"), ("ією", "ія"), ("ою", "а"),
                                ("ой", "а"), ("е", "а"), ("і", "а"))
_FEMININE_SURNAME_OBLIQUE_EAST = (
    ("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская"), ("цкой", "цкая"),
    ("овій", "ова"), ("евій", "ева"), ("іній", "іна"), ("ській", "ська"), ("цькій", "цька"),
    ("овою", "ова"), ("евою", "ева"), ("іною", "іна"), ("ською", "ська"), ("цькою", "цька"),
)


def _east_slavic_feminine_genitive(words: list[str]) -> str:
    """Given name and surname both in the genitive of the -а declension ("Олени Гаркуші",
    "Анны Петровой"): both back to the nominative; "" when the name is no such case. A
    man's genitive ("Миколи Азарова") keeps a surname in -ова and is left to the rules
    below."""
    if len(words) != 2 or len(words[0]) < 4:
        return ""
    given, surname = words
    new_given = _replace_ending(given, _FEMININE_GIVEN_GENITIVE)
    new_surname = _replace_ending(surname, _FEMININE_SURNAME_GENITIVE)
    if not new_given or not new_surname:
        new_given = _replace_ending(given, _FEMININE_GIVEN_OBLIQUE_EAST)
        new_surname = _replace_ending(surname, _FEMININE_SURNAME_OBLIQUE_EAST)
    if not new_given or not new_surname:
        return ""
    return f"{new_given} {new_surname}"


def _replace_ending(word: str, rules: tuple[tuple[str, str], ...]) -> str:
    lower = word.lower()
    for ending, replacement in rules:
        if lower.endswith(ending) and len(lower) > len(ending) + 2 and (
                len(ending) > 1 or lower[-2] not in _VOWELS):
            return word[: -len(ending)] + replacement
    return ""


_ACCUSATIVE_TITLES = frozenset([
    "главу", "министра", "премьер-министра", "президента", "канцлера", "голову", "міністра",
    "міністерку", "прем'єр-міністра", "прем'єрку", "президентку", "канцлерку", "очільницю",
])
# "(министра иностранных) дел", "(міністерку закордонних) справ": the end of a minister's
# title, whose first word may lie beyond the text the caller passes
_TITLE_TAILS = frozenset(["дел", "справ", "мид", "мзс"])
_COUNTRY_ENDINGS = ("ии", "ії")  # "Латвии", "Латвії": a title's country, in the genitive
_MIN_COUNTRY = 6


def _accusative_title_before(preceding: str) -> bool:
    """"главу МИД Латвии", "міністерку закордонних справ Латвії": the name is the object
    of a title in the accusative (or of such a title's country)."""
    before = [w.strip(",.;:\"«»").casefold() for w in preceding.split()]
    if not before:
        return False
    last = before[-1]
    return last in _ACCUSATIVE_TITLES or (
        len(last) >= _MIN_COUNTRY and last.endswith(_COUNTRY_ENDINGS)
        and any(w in _ACCUSATIVE_TITLES or w in _TITLE_TAILS for w in before[:-1]))


def _masculine_accusative(given: list[str]) -> bool:
    """"Маргуса", "Ивана": given names in the accusative of a man (a consonant + -а),
    beside which a surname in -у is an -а noun's accusative, not a dative."""
    return bool(given) and all(
        len(w) >= 4 and w.lower().endswith("а") and w.lower()[-2] not in _VOWELS for w in given)


def _feminine_accusative(word: str) -> str:
    """"Байбу" -> "Байба", "Марию" -> "Мария"; "Андрею" (a man's dative) stays."""
    lower = word.lower()
    if len(lower) >= 4 and lower.endswith("у") and lower[-2] not in _VOWELS:
        return word[:-1] + "а"
    if len(lower) >= 4 and lower.endswith("ию"):
        return word[:-1] + "я"
    return word


_ROMAN_NUMERAL = re.compile(r"^[IVXLC]+\.?$")
_VOWELS = "аеиоуыэюяії"


def _without_suffix(token: str) -> str:
    """"Başkanlığı'nın" -> "Başkanlığı", "Merkel's" -> "Merkel": case endings after an
    apostrophe are not part of the name."""
    for mark in ("'", "’"):
        head, _, tail = token.partition(mark)
        if tail and head and len(tail) <= 4 and tail.islower():
            return head
    return token


def _has_particle(text: str, run: list[tuple[int, str]]) -> bool:
    span = text[run[0][0] : run[-1][0] + len(run[-1][1])]
    return re.search(rf"\s{_PARTICLES}\s", span) is not None


INSTITUTION_WORDS = frozenset(
    ["podcast", "show", "festival", "conference", "summit", "forum", "cup", "award", "awards", "prize", "tour", "party", "club", "fc", "united", "city", "university", "college", "school", "institute", "foundation", "council", "committee", "commission", "league", "championship", "open", "games", "olympics", "bank", "group", "company", "corporation", "inc", "ltd", "news", "times", "post", "journal", "magazine", "radio", "tv", "television", "channel", "network", "agency", "ministry", "theatre", "theater", "teatro", "théâtre", "stadium", "stadio", "museum", "museo", "musée", "palace", "palazzo", "palais", "palacio", "hall", "arena", "gallery", "society", "regione", "región", "região", "région", "pałacu", "pałac", "huis", "paleis", "forumu", "zirvesi", "sarayı", "konseyi", "üniversitesi", "kupası", "ödülü",
     # outside36 round: museums, galleries and festivals in the fourteen languages, as a
     # capitalised word of their name ("Muzeum Narodowe", "Музей Победы", "Anadolu
     # Medeniyetleri Müzesi"); not a foundation or university, which invites as a subject
     "museu", "museet", "muzeum", "музей", "музея", "музею", "müzesi", "galerie", "galleria",
     "galería", "galeria", "galleri", "galerisi", "festspiele", "festiwal", "фестиваль",
     "festivali"]
)


# Polish, Czech and Slovak surnames in the oblique cases, back to the nominative (longest
# first): "Kowalskiego" -> "Kowalski", "Nováka" is handled with its given name below.
_WEST_SLAVIC_ADJECTIVAL: tuple[tuple[str, str], ...] = (
    ("skiego", "ski"), ("ckiego", "cki"), ("dzkiego", "dzki"), ("skiemu", "ski"),
    ("ckiemu", "cki"), ("dzkiemu", "dzki"), ("skim", "ski"), ("ckim", "cki"), ("dzkim", "dzki"),
    ("ského", "ský"), ("ckého", "cký"), ("skému", "ský"), ("ckému", "cký"), ("ským", "ský"),
    ("ckým", "cký"), ("ého", "ý"), ("ému", "ý"), ("ým", "ý"),
    # names33 round: Georgian surnames in -ili and -dze decline like adjectives in Polish
    # ("Papuaszwilego" -> "Papuaszwili", "Kobachidzego" -> "Kobachidze")
    ("ilego", "ili"), ("ilemu", "ili"), ("dzego", "dze"), ("dzemu", "dze"),
    # issue 14, fixu round: Polish adjectival surnames in -y ("Czarzastego" -> "Czarzasty")
    ("ego", "y"), ("emu", "y"),
)
# Endings of a declined masculine noun: genitive/accusative, dative, instrumental.
_WEST_SLAVIC_CASES = (("owi", "dat"), ("ovi", "dat"), ("iem", "ins"), ("em", "ins"), ("a", "acc"))
_WEST_VOWELS = "aeiouyáéěíóúůýąę"


def _west_slavic_nominative(words: list[str]) -> str:
    """"Jana Kowalskiego" -> "Jan Kowalski", "Janowi Novákovi" -> "Jan Novák", "Petra Fialu"
    -> "Petr Fiala". A feminine name ("Anna Kowalska", "Jana Nováková") stays as it is."""
    last = words[-1]
    lower = last.lower()
    case = None
    for ending, replacement in _WEST_SLAVIC_ADJECTIVAL:
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            last = last[: len(last) - len(ending)] + replacement
            case = "dat" if ending.endswith(("emu", "ému")) else (
                "ins" if ending.endswith(("im", "ým")) else "acc")
            break
    else:
        given = words[0].lower() if len(words) > 1 else ""
        woman = _woman_adjectival_oblique(words) or _woman_oblique(words)
        if woman:
            return woman
        feminine = lower.endswith(("ová", "ova", "á")) or (
            lower.endswith(("ska", "cka", "dzka")) and len(lower) >= 7)  # not "Tuska"
        if len(words) < 2 or feminine or \
                not _oblique_given_name(given):
            return " ".join(words)
        if lower.endswith(("u", "ę")) and len(lower) > 4 and given.endswith("a") and (
                lower[-2] not in _WEST_VOWELS or lower.endswith("nię")):
            # "Petra Fialu" -> "Fiala", "Marcina Dziubę" -> "Dziuba" (issue 14, unknown
            # round); a soft "-nia" noun too: "Szymona Hołownię" -> "Hołownia" (fixu round)
            last, case = last[:-1] + "a", "acc"
        else:
            for ending, found in _WEST_SLAVIC_CASES:
                if lower.endswith(ending) and len(lower) > len(ending) + 3 and \
                        lower[-len(ending) - 1] not in _WEST_VOWELS and given.endswith(
                            _GIVEN_ENDINGS[found]):
                    last, case = last[: -len(ending)], found
                    break
            else:
                return " ".join(words)
    return " ".join([*[_west_slavic_given(w, case) for w in words[:-1]], last])


# A Polish woman's adjectival surname in an oblique case: "Wiśniewskiej", "Wiśniewską".
_FEMININE_ADJECTIVAL_OBLIQUE = (("skiej", "ska"), ("ckiej", "cka"), ("dzkiej", "dzka"),
                                ("ską", "ska"), ("cką", "cka"), ("dzką", "dzka"))


def _woman_adjectival_oblique(words: list[str]) -> str:
    """"Joanny Wiśniewskiej" -> "Joanna Wiśniewska" (issue 14, unknown round): a woman's
    given name and adjectival surname, both in an oblique case."""
    if len(words) != 2 or len(words[0]) < 4:
        return ""
    surname = _replace_ending(words[1], _FEMININE_ADJECTIVAL_OBLIQUE)
    if not surname:
        return ""
    low_given = words[0].lower()
    for ending, replacement in _FEMININE_GIVEN_OBLIQUE:
        if low_given.endswith(ending) and len(low_given) >= len(ending) + 2 and \
                (len(ending) > 1 or low_given[-2] not in _WEST_VOWELS) and \
                not low_given.endswith("zy"):
            return f"{words[0][: -len(ending)]}{replacement} {surname}"
    return ""


# A woman's given name in an oblique case -> its nominative (longest first): "Aleksandry",
# "Moniki", "Marii" (genitive), "Aleksandrę" (accusative), "Aleksandrą" (instrumental),
# Czech "Jany", "Janou". Not "-zy" ("Jerzy" is a man's nominative).
_FEMININE_GIVEN_OBLIQUE = (("ii", "ia"), ("ki", "ka"), ("gi", "ga"), ("ę", "a"), ("ą", "a"),
                           ("ou", "a"), ("y", "a"))
# A Czech woman's surname in -ová in an oblique case: "Novákové", "Novákovou".
_FEMININE_SURNAME_OBLIQUE = (("ové", "ová"), ("ovou", "ová"))


def _woman_oblique(words: list[str]) -> str:
    """"Aleksandry Kłos" -> "Aleksandra Kłos", "Jany Novákové" -> "Jana Nováková": a woman
    named in an oblique case, her given name declined and her surname either undeclined
    (ending in a consonant) or a declined -ová; "" when the name is no such case."""
    if len(words) != 2 or len(words[0]) < 4:
        return ""
    given, surname = words[0], words[1]
    low_given, low_surname = given.lower(), surname.lower()
    new_surname = next((surname[: -len(e)] + r for e, r in _FEMININE_SURNAME_OBLIQUE
                        if low_surname.endswith(e) and len(low_surname) > len(e) + 2), None)
    if new_surname is None and (low_surname[-1:] in _WEST_VOWELS or not low_surname[-1:].isalpha()):
        return ""
    if low_given.endswith("zy"):
        return ""
    for ending, replacement in _FEMININE_GIVEN_OBLIQUE:
        if low_given.endswith(ending) and len(low_given) >= len(ending) + 2 and \
                (len(ending) > 1 or low_given[-2] not in _WEST_VOWELS):
            return f"{given[: -len(ending)]}{replacement} {new_surname or surname}"
    return ""


# A given name's endings by case ("Janu Novákovi": a Czech dative in -u).
_GIVEN_ENDINGS = {"acc": ("a",), "dat": ("owi", "ovi", "u"), "ins": ("iem", "em")}


def _oblique_given_name(given: str) -> bool:
    """A given name in an oblique case: "Jana", "Janowi", "Janu", "Janem", "Petra"."""
    return len(given) >= 4 and any(
        given.endswith(e) and given[-len(e) - 1] not in _WEST_VOWELS
        for endings in _GIVEN_ENDINGS.values() for e in endings)


def _west_slavic_given(word: str, case: str | None) -> str:
    lower = word.lower()
    if case == "acc" and lower.endswith("y") and len(lower) >= 4 and \
            lower[-2] not in _WEST_VOWELS and not lower.endswith("zy"):
        # "Szałwy Papuaszwilego", "Kuby Wojewódzkiego": a man's given name of the -a
        # declension in the genitive (not "Jerzy", a nominative) (names33 round)
        return word[:-1] + "a"
    for ending in _GIVEN_ENDINGS.get(case or "", ()):
        if lower.endswith(ending) and len(lower) > len(ending) + 2 and \
                lower[-len(ending) - 1] not in _WEST_VOWELS:
            return word[: -len(ending)]
    return word


# A Greek masculine article, then at most one word (a title), right before the name.
_GREEK_MASCULINE = re.compile(r"(?:^|\s)(τον|στον|του|στου)\s+(?:\w+\s+)?$")


def _greek_nominative(words: list[str], preceding: str) -> str:
    """"τον Γιάννη Παπαδόπουλο" -> "Γιάννης Παπαδόπουλος", "του Κώστα Παπαδόπουλου" ->
    "Κώστας Παπαδόπουλος": masculine names lose their final -ς in the accusative and
    genitive; -ος nouns take -ου in the genitive. Without the article nothing changes."""
    article = _GREEK_MASCULINE.search(preceding)
    if article is None:
        return " ".join(words)
    genitive = article.group(1).endswith("ου")
    out = []
    for word in words:
        if genitive and word.endswith("ου") and len(word) > 4:
            out.append(word[:-2] + "ος")
        elif word[-1:] in ("ο", "η", "α", "ά", "ή", "ό") and len(word) > 3:
            out.append(word + "ς")
        else:
            out.append(word)
    return " ".join(out)


# Ukrainian given names in -о decline like -а nouns: "Петра" -> "Петро", "Михайла" -> "Михайло".
_UKRAINIAN_O_STEMS = ("тр", "вл", "йл", "ил", "нл")


def _slavic_given_name(word: str, case: str | None = None, lang: str = "ru") -> str:
    lower = word.lower()
    if len(lower) < 4:
        return word
    if lang == "uk" and case == "acc" and lower.endswith("а") and \
            lower[:-1].endswith(_UKRAINIAN_O_STEMS):
        return word[:-1] + "о"
    if case == "acc" and lower.endswith(("ря", "ля")):
        # "Игоря" -> "Игорь", "Ігоря" -> "Ігор", "Василя" -> "Василь": a soft stem.
        return word[:-1] + ("" if lang == "uk" and lower.endswith("ря") else "ь")
    if case == "acc" and lower.endswith("у") and lower[-2] not in _VOWELS:
        return word[:-1] + "а"  # "Папу Лева" -> "Папа"
    if case == "ins" and lower.endswith(("ою", "ой")) and lower[-3] not in _VOWELS:
        return word[:-2] + "а"  # "Папою Левом" -> "Папа"
    if lower.endswith(("ея", "ія", "ия")):
        return word[:-1] + "й"
    if lower.endswith(("ею", "ію", "ию")):
        return word[:-1] + "й"  # the dative: "Андрію" -> "Андрій", "Сергею" -> "Сергей"
    if lower.endswith(("а", "у")) and lower[-2] not in "аеиоуыэюяії":
        return word[:-1]
    if lower.endswith("ом") and lower[-3] not in "аеиоуыэюяії":
        return word[:-2]
    return word


@dataclass(frozen=True, slots=True)
class Complements:
    """The words that complete a title before a name in a case-marked language, from the
    lexicons (`title_complements`, `formal_complements`, `complement_endings`):
    "президента Республики Корея Ли Чжэ Мёна", "прем'єр-міністра Нідерландів Діка Схофа"."""

    words: frozenset[str] = frozenset()  # genitive country words: "нидерландов", "украины"
    formal: frozenset[str] = frozenset()  # "республики": the state's name follows, undeclined
    endings: tuple[str, ...] = ()  # "ии", "ії": the genitive of most country names


NO_COMPLEMENTS = Complements()
_MIN_ENDING_WORD = 6  # letters: "Латвии", "Бельгії"; shorter words in -ии are given names


def _without_complement(run: list[tuple[int, str]], complements: Complements
                        ) -> list[tuple[int, str]]:
    """The run without the country (and formal state words) completing the title before
    the name: "Республики Корея Ли Чжэ Мёна" -> "Ли Чжэ Мёна", "Нидерландов Роба Йеттена"
    -> "Роба Йеттена"; a name of two words is always left."""
    while len(run) >= 3:
        folded = run[0][1].casefold()
        if run[0][1].isupper() and len(run[0][1]) > 1 and complements.words:
            run = run[1:]  # "главу МИД Эстонии Маргуса Цахкну": the body the person heads
        elif folded in complements.formal:
            run = run[2:] if len(run) >= 4 else run[1:]  # "Республики Корея ..."
        elif folded in complements.words or (
                len(folded) >= _MIN_ENDING_WORD and folded.endswith(complements.endings)
                and bool(complements.endings)):
            run = run[1:]
        else:
            break
    return run


def name_sequences(text: str, stopwords: frozenset[str],
                   titles: frozenset[str] = frozenset(),
                   complements: Complements = NO_COMPLEMENTS,
                   formulas: frozenset[str] = frozenset(),
                   heads: frozenset[str] = frozenset(),
                   conjunctions: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Capitalised runs of 2-4 words that look like a person's name.

    A capitalised sequence is cut at titles and function words ("South Korean President
    Yoon Suk Yeol" -> "Yoon Suk Yeol"); a run followed by a non-title stopword is the
    start of an institution's name ("Munich Security Conference") and is dropped. A
    country completing a title is no part of the name ("президента Республики Корея Ли
    Чжэ Мёна": `complements`). `formulas`: the words of greetings and thanks ("Vielen
    Dank", "Muchas gracias", "Большое спасибо"), which cut a run like a function word and
    name nobody. `heads`: common nouns of a place or a body (`place_heads`: "gare",
    "odası", "дворце"); a run beside one names that place (`_head_before`, `_head_after`;
    `conjunctions`: "ve", "and", between two parts of one place's name).
    """
    found: list[tuple[int, int, str]] = []
    for match in _NAME_SEQUENCE.finditer(text):
        run: list[tuple[int, str]] = []
        position = match.start()
        tainted = _after_article(text, match.start()) or _head_before(text, match.start(), heads)
        particles = 0
        tokens = match.group(0).split()
        for index, token in enumerate(tokens):
            start = text.index(token, position)
            position = start + len(token)
            folded = token.casefold()
            if run and _inner_particle(folded, particles) and token[:1].islower():
                particles += 1
                if particles > _MAX_PARTICLE_WORDS or _particle_closed(run, text):
                    # "Anouk van der Linden van Deventer": a second particle group after
                    # a whole name opens the place the person belongs to
                    _keep(_without_complement(_without_particle_tail(run), complements),
                          found, text)
                    run, particles, tainted = [], 0, True
                    continue
                run.append((start, token))
                continue
            if not token[:1].isupper() and not _PARTICLE.fullmatch(folded):
                # a lower-case letter of Latin Extended-A ("şampiyonu") is no capital
                if run and not tainted:
                    _keep(_without_complement(run, complements), found, text)
                run, tainted = [], False
                continue
            if not run and start == match.start() and _body_after_title(
                    text, token, start, titles, complements):
                run.append((start, token))  # "главу МИД Эстонии Маргуса Цахкну"
                continue
            if not run and _given_after_title(text, start, folded, tokens[index + 1:], stopwords,
                                              titles):
                run.append((start, token))  # "President Duma Boko": a given name
                continue
            # "Pałac Prezydencki", "Gare du Nord" (not "van der Brug": a particle's noun)
            head = folded in heads and not (run and run[-1][1][:1].islower())
            if folded in stopwords or folded in titles or folded in GENERIC_STOPWORDS or \
                    folded in INSTITUTION_WORDS or folded in formulas or head:
                # "Munich Security Conference", "Flow Podcast", "Novo Pacto Financeiro
                # Global": a capitalised run next to such a word names an institution.
                institutional = folded in INSTITUTION_WORDS or head or (
                    folded in stopwords and folded not in titles and token[:1].isupper())
                if run and not institutional and not tainted and not _titled_after(
                        run, start, text, folded, titles):
                    _keep(_without_complement(run, complements), found, text)
                tainted = institutional
                run, particles = [], 0
                continue
            bare = _without_suffix(token)
            if bare != token and (bare.casefold() in INSTITUTION_WORDS or
                                  bare.casefold() in heads):
                # "Antalya Diplomasi Forumu'na": a case ending on an institution's noun closes
                # the institution's name, no person's
                run, particles, tainted = [], 0, True
                continue
            run.append((start, bare))
            if bare != token and not tainted:
                # "Elif Karataş'ı Beştepe'ye": a case ending closes the noun phrase
                _keep(_without_complement(run, complements), found, text)
                run, particles, tainted = [], 0, True
        if not tainted and not _head_after(text, match.end(), heads, conjunctions):
            _keep(_without_complement(run, complements), found, text)
    return found


_PARTICLE = re.compile(_PARTICLES)
# "la gare de Saint-Denis", "the station of ...": the "of" word between a place's noun
# and its name
_HEAD_LINKS = frozenset(["de", "du", "des", "d'", "di", "del", "della", "do", "da", "of", "van",
                         "von"])
_BEFORE_HEAD = re.compile(r"([\w'’]+)\s+(?:([\w'’]+)\s+)?$")
# "Kars Ticaret ve Sanayi Odası": a short lower-case word (a conjunction), then a
# capitalised run; "Большом Кремлёвском дворце": a lower-case word right after the run
_AFTER_HEAD = re.compile(rf"\s+(\w+)(?:\s+((?:{_NAME_TOKEN}\s+){{0,3}}{_NAME_TOKEN}))?")


def _head_before(text: str, start: int, heads: frozenset[str]) -> bool:
    """A capitalised run after a lower-case common noun of a place or a body, an "of" word
    between at most, names that place (names33 round): "la gare de Saint-Denis Pleyel",
    "ulicy Jana Pawła"."""
    if not heads:
        return False
    before = _BEFORE_HEAD.search(text, max(0, start - _HEAD_WINDOW), start)
    if before is None:
        return False
    word, link = before.group(1), before.group(2)
    if link is None:
        return word in heads
    return link in heads or (word in heads and link.casefold() in _HEAD_LINKS)


_HEAD_WINDOW = 40  # characters before a run: two words


def _head_after(text: str, end: int, heads: frozenset[str],
                conjunctions: frozenset[str] = frozenset()) -> bool:
    """A capitalised run before a lower-case head ("в Большом Кремлёвском дворце"), or
    before a conjunction and a capitalised run holding a head ("Kars Ticaret ve Sanayi
    Odası", "Chamber of Trade and Industry"), is (part of) that place's or body's name
    (names33 round)."""
    if not heads:
        return False
    after = _AFTER_HEAD.match(text, end)
    if after is None:
        return False
    word = after.group(1)
    if word in heads:
        return True
    following = after.group(2)
    if not (word in conjunctions and following):
        return False
    return any(w[:1].isupper() and _without_suffix(w).casefold() in heads
               for w in following.split())
# A particle group inside a name ("Anouk van der Linden", "Ursula von der Leyen") opens
# with one of these; an article after a noun ("Nationalbank der Ukraine", "Banco de
# España") does not, and ends the run as before.
_GROUP_OPENERS = frozenset(["van", "von", "ter", "ten"])
_GROUP_FOLLOWERS = frozenset(["der", "den", "de", "dem"])


def _inner_particle(folded: str, particles: int) -> bool:
    return folded in _GROUP_OPENERS if particles == 0 else folded in _GROUP_FOLLOWERS
_MAX_PARTICLE_WORDS = 2  # "van der", "de la": one group of particles in a name
_MIN_ROLE = 4  # letters: a shorter "title" ("il", "Mr") merely ends a name


def _particle_closed(run: list[tuple[int, str]], text: str) -> bool:
    """A particle group already inside the run, then a capitalised word: the name is whole."""
    return any(_PARTICLE.fullmatch(token.casefold()) for _, token in run) and \
        run[-1][1][:1].isupper()


def _without_particle_tail(run: list[tuple[int, str]]) -> list[tuple[int, str]]:
    while run and run[-1][1][:1].islower():
        run = run[:-1]
    return run


def _given_after_title(text: str, start: int, folded: str, rest: list[str],
                       stopwords: frozenset[str], titles: frozenset[str]) -> bool:
    """"President Duma Boko", "Minister Hope Mensah": a lexicon stopword (a body, a common
    word) right after a role word, a space apart, followed by exactly one more capitalised
    word that ends the run, is the person's given name (issue 14, fixu round). Not a
    title, a function word or an institution's noun ("Minister Security Council")."""
    if folded not in stopwords or folded in titles or folded in GENERIC_STOPWORDS or \
            folded in INSTITUTION_WORDS or len(rest) != 1:
        return False
    surname = rest[0].casefold()
    if not rest[0][:1].isupper() or surname in stopwords or surname in titles or \
            surname in GENERIC_STOPWORDS or surname in INSTITUTION_WORDS:
        return False
    before = text[max(0, start - 30) : start]
    if not before.endswith(" ") or before.endswith("  "):
        return False
    words = before.split()
    return bool(words) and len(words[-1]) >= _MIN_ROLE and words[-1].casefold() in titles


def _titled_after(run: list[tuple[int, str]], start: int, text: str, folded: str,
                  titles: frozenset[str]) -> bool:
    """"Gürcistan Kültür Bakanı Tamar Beridze", "Görlitzer Oberbürgermeisterin": a run
    right before a role word (a space apart) completes that title; it names a country, a
    town or a body, not the person."""
    if folded not in titles or len(folded) < _MIN_ROLE:
        return False
    end = run[-1][0] + len(run[-1][1])
    return not text[end:start].strip()


def _body_after_title(text: str, token: str, start: int, titles: frozenset[str],
                      complements: Complements) -> bool:
    """"главу МИД Эстонии ...": an abbreviated body right after a role word is part of the
    person's title (stripped with the country by `_without_complement`), not the start
    of an institution's name."""
    if not (complements.words and token.isupper() and len(token) > 1):
        return False
    before = text[max(0, start - 30) : start].split()
    return bool(before) and before[-1].casefold() in titles


_ARTICLES_BEFORE_NAMES = frozenset(
    ["the", "a", "an", "le", "la", "les", "l'", "el", "los", "las", "il", "lo", "gli", "o", "os", "as", "um", "uma", "der", "die", "das", "den", "dem", "des", "een", "het"]
)


def _after_article(text: str, start: int) -> bool:
    """'la Financiación para el Desarrollo de Sevilla': names of people take no article."""
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1].casefold() in _ARTICLES_BEFORE_NAMES


def _keep(run: list[tuple[int, str]], found: list[tuple[int, int, str]], text: str = "") -> None:
    # "de l'Intérieur Gérald Darmanin": an elided article's noun is not part of the name.
    if run and run[0][0] > 0 and text[run[0][0] - 1] in "'’":
        run = run[1:]
    while run and run[0][1][:1].islower():  # a particle never starts a name ("von Österreichs")
        run = run[1:]
    # Four capitalised words without a particle are a title ("Novo Pacto Financeiro Global").
    if not 2 <= len(run) <= 3 and not (len(run) == 4 and _has_particle(text, run)):
        return
    if not 2 <= len(run) <= 4:
        return
    if any(token.isupper() and len(token) > 3 for _, token in run):
        return
    start = run[0][0]
    end = run[-1][0] + len(run[-1][1])
    found.append((start, end, " ".join(token for _, token in run)))


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def quoted_phrase(text: str, start: int, end: int) -> bool:
    """A capitalised phrase wholly in quotation marks names a programme, a work or an
    operation ('the "Large Construction" programme'), not a person."""
    return start > 0 and text[start - 1] in "\"«„“‘'" and text[end:end + 1] in "\"»“”’'"


# The words that open a title's complement ("President of Turkmenistan", "primeiro-ministro
# de Cabo Verde", "Bürgermeister von Berlin").
COMPLEMENT_MARKERS = frozenset(["of", "de", "du", "des", "del", "della", "di", "do", "da", "von",
                                "der", "dos", "das", "dei", "degli"])
_NAME_WORD = re.compile(r"[\w'’\-]+")
_ARTICLE_AFTER_OF = frozenset(["the", "la", "le", "l'", "el", "il", "lo", "o", "a", "het"])


def complement_of_title(text: str, start: int, end: int, is_role: Callable[[str], bool]
                         ) -> bool:
    """"the prime minister of Cabo Verde, Ulisses ...", "o primeiro-ministro de Cabo
    Verde, ...": a run right after a role word and "of" (an article between at most),
    closing its clause, is what the role is of (a country, a town, a body), never the
    person, who follows in apposition or is not named (roles32 round)."""
    before = [w.casefold() for w in _NAME_WORD.findall(
        re.split(r"[.;:!?\n,()«»\"“”]", text[max(0, start - 60) : start])[-1])]
    if before and before[-1] in _ARTICLE_AFTER_OF:
        before = before[:-1]
    if len(before) < 2 or before[-1] not in COMPLEMENT_MARKERS or not is_role(before[-2]):
        return False
    return not text[end : end + 2].strip(" ") or text[end] in ",.;:)"


_MIN_BUILDING_OPENER = 5  # letters: "Schloss Bellevue", "Palazzo Chigi"; not "Haus", "Casa"


def building_name(text: str, end: int, tokens: list[str], residences: frozenset[str]) -> bool:
    """A capitalised phrase (`tokens`, ending at `end`) closed by a building's word
    ("Windsor Castle", "Palais Schaumburg"), opened by one ("Schloss Bellevue", "Palazzo
    Chigi") or followed by one in lower case ("в Большом Кремлёвском дворце", "het
    Koninklijk paleis"): the palace where a state visit's ceremony is held, never a person
    (the lexicons' `residence_words`; issue 14, stop 33, state33 round)."""
    if not residences or not tokens:
        return False
    after = re.match(r"\s+([^\W\d_]+)", text[end:])
    ends = [tokens[-1].casefold()]
    if after is not None and after.group(1).islower():
        ends.append(after.group(1))
    first = tokens[0].casefold()
    return any(w in residences for w in ends) or (
        len(first) >= _MIN_BUILDING_OPENER and first in residences)
