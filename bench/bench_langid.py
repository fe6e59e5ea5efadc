"""The language models side by side on real text (issue 13, part 3): run on demand.

    .venv/bin/python bench/bench_langid.py [--shared ../shared] [--hints]

For each model (`bot.langmodel.MODELS`), in a fresh process: the load time, the process's
resident memory after loading and classifying, texts per second of the model alone, and
the accuracy of the bot's language detection (`bot.matcher.langid.detect_language`, no
hint) on the labelled real texts of `tests/support/real_languages.py`, per language.

With `--hints`: how often the function-word rule (`bot/matcher/function_words.py`) settles
a text's language from its feed's hint without the model, on the real texts and on our own
corpus, each text tried under every listed hint, and every case where the model would
have answered otherwise (the bar is none); then the time per text with and without it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))


def measure(model_name: str, shared: Path) -> dict[str, object]:
    import psutil

    from bot import langmodel
    from bot.matcher.langid import detect_language
    from tests.support.real_languages import labelled_texts

    process = psutil.Process()
    before = process.memory_info().rss
    started = time.perf_counter()
    model = langmodel.language_identifier()
    model.rank("warm up")
    load = time.perf_counter() - started
    rss = process.memory_info().rss
    texts = list(labelled_texts(shared))
    started = time.perf_counter()
    for _, _, text in texts:
        model.rank(text[:800])
    rate = len(texts) / (time.perf_counter() - started)
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong: list[str] = []
    for _source, lang, text in texts:
        total[lang] += 1
        found = detect_language(text)
        if found == lang:
            right[lang] += 1
        else:
            wrong.append(f"{lang}->{found}: {text[:60]!r}")
    return {"model": model.name, "load_s": load, "rss_mb": rss / 2**20,
            "rss_added_mb": (rss - before) / 2**20, "texts_per_s": rate,
            "right": sum(right.values()), "texts": len(texts),
            "per_language": {lang: f"{right[lang]}/{n}" for lang, n in sorted(total.items())},
            "wrong": wrong[:8]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO_ROOT / ".." / "shared")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--hints", action="store_true",
                        help="measure the function-word rule for language hints")
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child, args.shared)))
        return 0
    if not (args.shared / "corpus").is_dir():
        print(f"no corpus at {args.shared.resolve()}: pass --shared", file=sys.stderr)
        return 2
    if args.hints:
        return hints(args.shared)
    from bot.langmodel import MODELS

    for name in MODELS:
        env = {**os.environ, "INVITEWATCH_LANGMODEL": name}
        out = subprocess.run([sys.executable, __file__, "--child", name, "--shared",
                              str(args.shared)], env=env, check=True, capture_output=True,
                             text=True).stdout
        r = json.loads(out.splitlines()[-1])
        print(f"{r['model']:10} right {r['right']}/{r['texts']}  load {r['load_s']:.2f} s  "
              f"{r['texts_per_s']:,.0f} texts/s  process RSS {r['rss_mb']:.0f} MB "
              f"(+{r['rss_added_mb']:.0f} MB for the model)")
        print(f"{'':10} per language: {r['per_language']}")
        for line in r["wrong"]:
            print(f"{'':10} wrong {line}")
    return 0


def hints(shared: Path) -> int:
    from bot.matcher import langid
    from tests.support.hint_agreement import agreement, own_corpus_texts, real_texts

    for label, texts in (("real text", list(real_texts(shared))),
                         ("own corpus", list(own_corpus_texts()))):
        found = agreement(texts)
        print(f"{label:10} {found.texts} texts, {found.tried} (text, hint) pairs: the rule "
              f"settled {found.fired}, {found.own_fired} of {found.own_listed} texts under "
              f"their own listed language; disagreements with the model: "
              f"{len(found.disagreements)}")
        for text, hint, model in found.disagreements[:10]:
            print(f"{'':10} hint {hint}, model {model}: {text!r}")
        hinted = [(lang, text) for lang, text in texts if lang]
        langid.detect_language("warm up", "en")
        for rule in (True, False):
            original = langid.hint_is_plain
            if not rule:
                langid.hint_is_plain = lambda sample, hint: False  # type: ignore[assignment]
            try:
                started = time.process_time()
                for lang, text in hinted:
                    langid.detect_language(text, lang)
                spent = time.process_time() - started
            finally:
                langid.hint_is_plain = original  # type: ignore[assignment]
            print(f"{'':10} detect_language with its own hint, rule {'on ' if rule else 'off'}: "
                  f"{spent / len(hinted) * 1e6:6.0f} us per text (CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
