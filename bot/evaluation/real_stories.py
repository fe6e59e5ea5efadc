"""Real-text stories: story files that REFERENCE dated records of the shared corpus
(`../shared/corpus/news-cc/*.jsonl`) by id instead of holding their text.

The repository keeps only ids and labels (the corpus is licensed text we do not copy), so a
real story is resolved at evaluation time: each article `{"ref": "news-cc/en.jsonl", "id":
"presua-en-72129", "mentions": [...]}` is looked up in `<corpus_root>/<ref>` and becomes an
ordinary story article (id, date, lang, title, text, url, outlet; author for a source of
one person's own words, `real_eval.SOURCE_SPEAKERS`) before the usual story
validation (`stories_eval.story_from_dict`). A reference that cannot be resolved is a
StoryFileError naming the story file, the article and the missing id: a real story is never
evaluated with an article silently left out. See docs/CONTRACTS.md "Real-text stories".
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import Any

from bot.evaluation.real_eval import source_speaker
from bot.evaluation.story_files import Story, StoryFileError, story_from_dict

# The corpus fields a story article takes over; `source` becomes the outlet.
_COPIED = ("date", "lang", "title", "text", "url")


class CorpusIndex:
    """Reads each referenced corpus file once and indexes its records by id."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._files: dict[str, dict[str, dict[str, Any]]] = {}

    def record(self, ref: str, record_id: str) -> dict[str, Any] | None:
        return self._index(ref).get(record_id)

    def _index(self, ref: str) -> dict[str, dict[str, Any]]:
        if ref not in self._files:
            self._files[ref] = self._read(ref)
        return self._files[ref]

    def _read(self, ref: str) -> dict[str, dict[str, Any]]:
        path = self.root / ref
        records: dict[str, dict[str, Any]] = {}
        try:
            with path.open(encoding="utf-8") as handle:
                for number, line in enumerate(handle, start=1):
                    if not line.strip():
                        continue
                    try:
                        record = json.loads(line)
                    except ValueError as exc:
                        raise StoryFileError(f"{path}:{number}: not JSON ({exc})") from exc
                    if isinstance(record, dict) and isinstance(record.get("id"), str):
                        records[record["id"]] = record
        except OSError as exc:
            raise StoryFileError(f"{path}: the corpus file cannot be read: {exc}") from exc
        return records


def _checked_ref(raw: Any, path: Path, where: str) -> str:
    """A corpus reference is a relative path inside the corpus root (no '..', not absolute),
    so a story file cannot make the evaluation read anything else."""
    if not isinstance(raw, str) or not raw.strip():
        raise StoryFileError(f"{path}: \"{where}ref\" must be a non-empty string "
                             "(a corpus file such as news-cc/en.jsonl)")
    ref = PurePosixPath(raw)
    if ref.is_absolute() or ".." in ref.parts or "\\" in raw:
        raise StoryFileError(f"{path}: \"{where}ref\" must be a path inside the corpus "
                             f"directory, not {raw!r}")
    return raw


def resolve_article(raw: Any, index: CorpusIndex, path: Path, i: int) -> dict[str, Any]:
    where = f"articles[{i}]."
    if not isinstance(raw, dict):
        raise StoryFileError(f"{path}: articles[{i}] must be an object")
    ref = _checked_ref(raw.get("ref"), path, where)
    record_id = raw.get("id")
    if not isinstance(record_id, str) or not record_id.strip():
        raise StoryFileError(f"{path}: \"{where}id\" must be a non-empty string")
    record = index.record(ref, record_id)
    if record is None:
        raise StoryFileError(f"{path}: {where[:-1]} refers to {record_id!r}, which is not "
                             f"in {index.root / ref}")
    article: dict[str, Any] = {"id": record_id, "outlet": record.get("source")}
    # A source of one person's own words (a president's video addresses) has that person
    # as its author, as its feed would in production and as the real-text evaluation does.
    speaker = source_speaker(record.get("source"))
    if speaker is not None:
        article["author"] = speaker
    for key in _COPIED:
        if record.get(key) is not None:
            article[key] = record[key]
    if "mentions" in raw:
        article["mentions"] = raw["mentions"]
    if "observations" in raw:
        article["observations"] = raw["observations"]
    return article


def load_real_story(path: Path, index: CorpusIndex) -> Story:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise StoryFileError(f"{path}: cannot be read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise StoryFileError(f"{path}: not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise StoryFileError(f"{path}: the top level must be an object")
    articles = data.get("articles")
    if not isinstance(articles, list) or not articles:
        raise StoryFileError(f"{path}: \"articles\" must be a non-empty list")
    resolved = dict(data)
    resolved["articles"] = [resolve_article(a, index, path, i) for i, a in enumerate(articles)]
    return story_from_dict(resolved, path)


def load_real_stories(stories_dir: Path, corpus_root: Path) -> list[Story]:
    """Every `*.json` in `stories_dir`, resolved against `corpus_root` (the directory that
    holds `news-cc/`). StoryFileError when the corpus is absent, a file is malformed, or a
    reference cannot be resolved."""
    if not corpus_root.is_dir():
        raise StoryFileError(f"{corpus_root}: no such corpus directory")
    if not stories_dir.is_dir():
        raise StoryFileError(f"{stories_dir}: no such directory of real-text stories")
    index = CorpusIndex(corpus_root)
    stories = [load_real_story(p, index) for p in sorted(stories_dir.glob("*.json"))]
    if not stories:
        raise StoryFileError(f"{stories_dir}: no story files (*.json)")
    twice = sorted(i for i, n in Counter(s.id for s in stories).items() if n > 1)
    if twice:
        raise StoryFileError(f"{stories_dir}: story ids used more than once: {', '.join(twice)}")
    return stories
