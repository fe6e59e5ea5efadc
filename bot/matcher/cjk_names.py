"""Persons the gazetteer does not know, in Japanese and Chinese: a name beside a title.

Issue 14 item 3 (unknown round): "札幌市の大西隆之市長" (the name after "の", before the
title), "柳州市市长覃志远" (the title, then a surname and one or two characters). These
scripts have no capitals, so only a title makes a run of characters a person's name. A
later mention is the full name again, or the surname with a title ("大西市長", "覃市长").
The word lists are in `lexicons/_cjk_names.toml`. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.errors import ConfigError
from bot.matcher.data_files import read_data_file

_SURNAME_LENGTH = 2  # kanji of a Japanese surname ("大西", "森田"), in a later mention


@dataclass(frozen=True, slots=True)
class CjkNameWords:
    """The word lists of one language (`lexicons/_cjk_names.toml`, [ja] or [zh])."""

    title_after: tuple[str, ...] = ()
    title_before: tuple[str, ...] = ()
    name_openers: tuple[str, ...] = ()
    surnames: frozenset[str] = frozenset()
    not_last: frozenset[str] = frozenset()
    min_length: int = 2
    max_length: int = 4
    # Foreign names (issue 14, fixu round): zh characters of transliteration ("尼泊尔总理奥利",
    # "总统埃尔多安"), and whether ja names written in katakana count ("ネパールのオリ首相").
    foreign: frozenset[str] = frozenset()
    foreign_max: int = 6
    katakana: bool = False
    # "国王和王后莱蒂西亚": a conjunction right after a title joins a second title, and
    # starts no name, though "和" is a surname too (outside36 round)
    conjunctions: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class CjkName:
    name: str
    start: int
    end: int
    full: bool


def load_cjk_names(path: Path) -> dict[str, CjkNameWords]:
    """lexicons/_cjk_names.toml by language; missing = none."""
    data = read_data_file(path)
    if data is None:
        return {}
    out: dict[str, CjkNameWords] = {}
    problems: list[str] = []
    for lang, table in data.items():
        if not isinstance(table, dict):
            problems.append(f"{path}: [{lang}] must be a table")
            continue
        out[lang] = _words_of(path, lang, table, problems)
    if problems:
        raise ConfigError(problems)
    return out


def _words_of(path: Path, lang: str, table: dict[str, Any], problems: list[str]
              ) -> CjkNameWords:
    def listed(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            problems.append(f"{path}: {lang}.{key}: must be an array of strings")
            return ()
        return tuple(value)

    def number(key: str, default: int) -> int:
        value = table.get(key, default)
        if not isinstance(value, int) or value < 1:
            problems.append(f"{path}: {lang}.{key}: must be a positive integer")
            return default
        return value

    # longest titles first: "首席执行官" before "执行官"
    return CjkNameWords(
        title_after=tuple(sorted(listed("title_after"), key=len, reverse=True)),
        title_before=tuple(sorted(listed("title_before"), key=len, reverse=True)),
        name_openers=listed("name_openers"), surnames=frozenset(listed("surnames")),
        not_last=frozenset(listed("not_last")), min_length=number("min_length", 2),
        max_length=number("max_length", 4),
        foreign=frozenset("".join(listed("foreign_characters"))),
        foreign_max=number("foreign_max", 6), katakana=bool(table.get("katakana_names", False)),
        conjunctions=frozenset(listed("conjunctions")))


def _ideograph(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _katakana(char: str) -> bool:
    return "\u30a1" <= char <= "\u30fa" or char in "・ー"


_MIDDLE_DOT = "·・"  # between the parts of a transliterated name ("德·巴罗", "ジョン・スミス")


def _occurrences(text: str, words: tuple[str, ...]) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for word in words:
        at = text.find(word)
        while at != -1:
            found.append((at, word))
            at = text.find(word, at + 1)
    return found


def cjk_names(text: str, words: CjkNameWords, taken: bytearray) -> list[CjkName]:
    """Titled names whose characters `taken` (a mask of the gazetteer's matches) leaves
    free, then their later mentions, in text order."""
    full = _with_known_prefix(
        _names_before_titles(text, words, taken) + _names_after_titles(text, words, taken))
    if not full:
        return []
    seen = {n.name for n in full}
    starts = {n.start for n in full}
    later = [CjkName(name, at, at + len(name), False) for name in seen
             for at in _all(text, name) if at not in starts and not taken[at]]
    later += _surnames_with_titles(text, words, full, taken, starts)
    unique = {(n.start, n.end): n for n in full + later}
    return sorted(unique.values(), key=lambda n: n.start)


def _with_known_prefix(full: list[CjkName]) -> list[CjkName]:
    """"越南国家主席梁强14日 ... 国家主席梁强举行会谈": a titled run one character longer
    than a name the article gives with a clear end elsewhere is that name, followed by the
    first character of a verb ("举行") (outside36 round: one person, not two)."""
    names = {n.name for n in full}
    return [CjkName(n.name[:-1], n.start, n.end - 1, n.full)
            if len(n.name) > 2 and n.name[:-1] in names else n for n in full]


def _all(text: str, word: str) -> list[int]:
    out, at = [], text.find(word)
    while at != -1:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def _names_before_titles(text: str, words: CjkNameWords, taken: bytearray) -> list[CjkName]:
    """"札幌市の大西隆之市長": kanji after an opener ("の"), right before a title."""
    found: list[CjkName] = []
    for at, _title in _occurrences(text, words.title_after):
        if words.katakana and at > 0 and _katakana(text[at - 1]):
            found += _katakana_before(text, at, words, taken)
            continue
        start = at
        while start > 0 and _ideograph(text[start - 1]) and at - start < words.max_length:
            start -= 1
        if not (words.min_length <= at - start <= words.max_length) or taken[start] or \
                taken[at - 1] or text[at - 1] in words.not_last:
            continue
        if not any(text.startswith(o, start - len(o)) for o in words.name_openers):
            continue
        found.append(CjkName(text[start:at], start, at, True))
    return found


def _katakana_before(text: str, at: int, words: CjkNameWords, taken: bytearray
                     ) -> list[CjkName]:
    """"ネパールのオリ首相": a foreign name in katakana after "の", right before a title."""
    start = at
    while start > 0 and _katakana(text[start - 1]) and at - start < words.foreign_max * 2:
        start -= 1
    if at - start < 2 or text[start] in _MIDDLE_DOT or taken[start] or taken[at - 1] or \
            not any(text.startswith(o, start - len(o)) for o in words.name_openers):
        return []
    return [CjkName(text[start:at], start, at, True)]


def _foreign_after_title(text: str, start: int, words: CjkNameWords, taken: bytearray
                         ) -> CjkName | None:
    """"尼泊尔总理奥利也于当天抵达": a run of transliteration characters right after a title
    is a foreign person's name; a verb or particle closing it is not part of it."""
    end = start
    while end < len(text) and (text[end] in words.foreign or text[end] in _MIDDLE_DOT) and \
            end - start < words.foreign_max and not taken[end]:
        end += 1
    while end > start and (text[end - 1] in words.not_last or text[end - 1] in _MIDDLE_DOT):
        end -= 1
    if end - start < 2 or (end < len(text) and _ideograph(text[end]) and
                           text[end] in words.foreign):
        return None  # too short, or longer than a name: no clear end
    return CjkName(text[start:end], start, end, True)


def _names_after_titles(text: str, words: CjkNameWords, taken: bytearray) -> list[CjkName]:
    """"市长覃志远率团": a surname right after a title, with one or two characters."""
    found: list[CjkName] = []
    for at, title in _occurrences(text, words.title_before):
        start = at + len(title)
        if start < len(text) and not taken[start] and text[start] not in words.surnames and \
                text[start] in words.foreign:
            foreign = _foreign_after_title(text, start, words, taken)
            if foreign is not None:
                found.append(foreign)
            continue
        if start >= len(text) or text[start] not in words.surnames or taken[start] or \
                text[start] in words.conjunctions:
            continue
        end = start
        while end < len(text) and _ideograph(text[end]) and end - start < words.max_length \
                and not taken[end]:
            end += 1
        while end - start > words.min_length and text[end - 1] in words.not_last and \
                text.count(text[start:end]) < 2:
            end -= 1  # "覃志远表示": unless "周建明" recurs, a verb's first character is no name
        if end - start < words.min_length or text[end - 1] in words.not_last:
            continue
        found.append(CjkName(text[start:end], start, end, True))
    return found


def _surnames_with_titles(text: str, words: CjkNameWords, full: list[CjkName],
                          taken: bytearray, starts: set[int]) -> list[CjkName]:
    """"大西市長", "覃市长": a full name's surname right before a title."""
    out: list[CjkName] = []
    titles = words.title_after + words.title_before
    for person in full:
        surname = person.name[:1] if words.surnames else person.name[:_SURNAME_LENGTH]
        for at in _all(text, surname):
            end = at + len(surname)
            if at in starts or taken[at] or (at > 0 and _ideograph(text[at - 1])):
                continue
            if any(text.startswith(t, end) for t in titles):
                out.append(CjkName(person.name, at, end, False))
    return out
