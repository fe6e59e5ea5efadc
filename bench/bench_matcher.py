"""Benchmark the matcher: articles per second on one core, and peak memory.

Articles are ~3 KB, built from sentences written for this benchmark in many languages
(invitations, replies, negatives and plain news), with every lexicon loaded and the real
gazetteer. Run:

    .venv/bin/python bench/bench_matcher.py [--articles 2000] [--figures bot/data/figures.toml]

Prints the load time, articles/s (single thread), the mean and p95 per article, and the
peak resident memory of the process (psutil) and the peak of Python allocations
(tracemalloc, measured in a second pass because tracing slows matching down). With
--langid it also compares py3langid and lingua on the same texts.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.domain import Article  # noqa: E402
from bot.matcher import Matcher  # noqa: E402

SENTENCES: dict[str, list[str]] = {
    "en": [
        "Emmanuel Macron has invited Olaf Scholz to a state visit in Paris next month.",
        "The Kremlin said the proposal was interesting but that it needed more details.",
        "Markets rose on Tuesday as investors weighed fresh data on inflation and jobs.",
        "The minister invited citizens to vote early and to bring an identity document.",
        "Officials said the talks would continue next week in Geneva, without giving details.",
        "Joe Biden met the Japanese prime minister at the White House on Friday.",
    ],
    "de": [
        "Bundeskanzler Olaf Scholz lädt den französischen Präsidenten zu einem Besuch nach Berlin ein.",
        "Eine Zusage gibt es bislang noch nicht, hieß es aus Regierungskreisen.",
        "Die Inflation ist im Oktober leicht gesunken, teilte das Statistische Bundesamt mit.",
        "Der Verein lädt alle Mitglieder zur Jahresversammlung im Rathaus ein.",
    ],
    "fr": [
        "Emmanuel Macron a invité Giorgia Meloni à un dîner de travail à l'Élysée.",
        "Le Premier ministre n'a pas encore répondu à cette invitation, selon son entourage.",
        "Le gouvernement invite les Français à la prudence sur les routes ce week-end.",
        "La croissance devrait ralentir au dernier trimestre selon l'Insee.",
    ],
    "es": [
        "Pedro Sánchez invitó a Lula a visitar Madrid en otoño.",
        "El papa invitó a los fieles a rezar por la paz en la plaza de San Pedro.",
        "La inflación se moderó en septiembre por el abaratamiento de la electricidad.",
    ],
    "it": [
        "Giorgia Meloni ha invitato Volodymyr Zelensky a Roma per un vertice sulla ricostruzione.",
        "Il Quirinale ha fatto sapere che l'invito sarà valutato con attenzione.",
        "Le borse europee hanno chiuso in rialzo dopo i dati sull'occupazione.",
    ],
    "pt": [
        "Lula convidou Pedro Sánchez para uma visita oficial a Brasília.",
        "O governo ainda não respondeu ao convite, segundo fontes diplomáticas.",
        "O real se valorizou frente ao dólar nesta terça-feira.",
    ],
    "ru": [
        "Владимир Путин пригласил Си Цзиньпина посетить Москву с государственным визитом.",
        "Песков заявил, что приглашение будет рассмотрено в рабочем порядке.",
        "Курс рубля укрепился на фоне высоких цен на нефть.",
    ],
    "uk": [
        "Володимир Зеленський запросив Дональда Трампа відвідати Київ.",
        "У Білому домі поки не відповіли на запрошення.",
        "Укренерго повідомило про стабілізацію ситуації в енергосистемі.",
    ],
    "nl": ["Mark Rutte heeft Emmanuel Macron uitgenodigd voor een bezoek aan Den Haag.",
           "De economie groeide in het derde kwartaal met een half procent."],
    "pl": ["Donald Tusk zaprosił Olafa Scholza do Warszawy.",
           "Inflacja w Polsce spadła w październiku do najniższego poziomu od lat."],
    "tr": ["Erdoğan, Putin'i Türkiye'ye davet etti.",
           "Merkez Bankası faiz oranını sabit tuttu."],
    "zh": ["习近平邀请普京访问北京。", "国家统计局公布了最新的经济数据。"],
    "ja": ["岸田首相はバイデン大統領を東京に招待した。", "日経平均株価は小幅に上昇した。"],
    "ar": ["دعا الرئيس المصري نظيره الفرنسي إلى زيارة القاهرة.", "ارتفعت أسعار النفط في التعاملات المبكرة."],
}


# Plain news, no invitation: most of a real article.
NEUTRAL: dict[str, list[str]] = {
    "en": ["The central bank left interest rates unchanged for a third month in a row.",
           "Heavy rain caused flooding in several towns along the river on Sunday.",
           "The company reported higher quarterly profits thanks to strong demand in Asia.",
           "Police said the investigation into the fire was still under way.",
           "The new stadium will seat more than sixty thousand spectators when it opens."],
    "de": ["Die Bahn kündigte für das Wochenende zahlreiche Zugausfälle an.",
           "Der Landtag debattierte am Donnerstag über den neuen Haushalt.",
           "Die Temperaturen sollen in den kommenden Tagen deutlich steigen."],
    "fr": ["Les prix de l'énergie ont légèrement baissé au mois d'octobre.",
           "La grève des transports devrait se poursuivre jusqu'à jeudi.",
           "Le tribunal rendra sa décision dans les prochaines semaines."],
    "es": ["Las lluvias torrenciales provocaron cortes de carretera en el norte.",
           "El paro registrado bajó en octubre por tercer mes consecutivo."],
    "it": ["Il maltempo ha causato disagi alla circolazione in tutto il nord.",
           "La produzione industriale è cresciuta dello zero virgola cinque per cento."],
    "pt": ["As chuvas fortes provocaram deslizamentos de terra no litoral.",
           "A produção industrial cresceu pelo segundo mês consecutivo."],
    "ru": ["В регионе ожидаются сильные снегопады и гололёд.",
           "Центробанк сохранил ключевую ставку на прежнем уровне."],
    "uk": ["У столиці очікується сильний дощ і пориви вітру.",
           "Уряд ухвалив зміни до державного бюджету на наступний рік."],
    "nl": ["Het kabinet presenteert volgende week de nieuwe begroting.",
           "In het zuiden van het land viel flink wat regen."],
    "pl": ["W weekend w całym kraju spodziewane są silne opady deszczu.",
           "Rząd przyjął projekt budżetu na przyszły rok."],
    "tr": ["İstanbul'da yoğun kar yağışı trafiği olumsuz etkiledi.",
           "Enflasyon geçen ay beklentilerin altında kaldı."],
    "zh": ["今年第三季度经济增长略高于预期。", "气象部门发布了暴雨预警。"],
    "ja": ["東京では週末に大雨が予想されている。", "政府は新しい経済対策を発表した。"],
    "ar": ["توقعت الأرصاد الجوية هطول أمطار غزيرة.", "أعلنت الحكومة عن خطة جديدة للاستثمار."],
}


def build_articles(count: int, seed: int = 7, size: int = 3000, dense: bool = False
                   ) -> list[Article]:
    """~3 KB articles: mostly plain news with one or two invitation or reply sentences
    (or, with `dense`, nothing but such sentences: the worst case)."""
    rng = random.Random(seed)
    langs = sorted(SENTENCES)
    start = datetime(2024, 1, 1, 12, tzinfo=UTC)
    articles = []
    for i in range(count):
        lang = langs[i % len(langs)]
        cues = SENTENCES[lang] + SENTENCES["en"][:2]  # quotes in English turn up everywhere
        plain = NEUTRAL[lang]
        sentences: list[str] = []
        while sum(len(x) + 1 for x in sentences) < size:
            pool = cues if dense or rng.random() < 0.12 else plain
            sentences.append(rng.choice(pool))
        paragraphs = [" ".join(sentences[j : j + 3]) for j in range(0, len(sentences), 3)]
        text = "\n".join(paragraphs)[:size]
        articles.append(Article(key=f"b{i}", text=text, title=rng.choice(cues)[:80],
                                published=start + timedelta(days=i % 700), lang=None))
    return articles


def rss_mb() -> float:
    try:
        import psutil
    except ImportError:
        return float("nan")
    return psutil.Process().memory_info().rss / 1e6


def bench_langid(articles: list[Article]) -> None:
    from bot.matcher.langid import detect_language

    texts = [a.text for a in articles[:500]]
    expected = [sorted(SENTENCES)[i % len(SENTENCES)] for i in range(len(texts))]
    t0 = time.perf_counter()
    got = [detect_language(t) for t in texts]
    dt = time.perf_counter() - t0
    right = sum(g == e for g, e in zip(got, expected, strict=True))
    print(f"langid py3langid+scripts: {len(texts) / dt:.0f} texts/s, {right}/{len(texts)} right")
    try:
        from lingua import LanguageDetectorBuilder
    except ImportError:
        print("langid lingua: not installed")
        return
    before = rss_mb()
    t0 = time.perf_counter()
    detector = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    codes = []
    for t in texts:
        language = detector.detect_language_of(t[:800])
        codes.append(language.iso_code_639_1.name.lower() if language else "und")
    dt = time.perf_counter() - t0
    right = sum(g == e for g, e in zip(codes, expected, strict=True))
    print(f"langid lingua (low accuracy, all languages): load {load:.1f}s, "
          f"{len(texts) / dt:.0f} texts/s, {right}/{len(texts)} right, "
          f"+{rss_mb() - before:.0f} MB RSS")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--figures", type=Path, default=REPO / "bot" / "data" / "figures.toml")
    parser.add_argument("--langid", action="store_true", help="also compare py3langid and lingua")
    parser.add_argument("--dense", action="store_true",
                        help="worst case: every sentence an invitation, reply or exhortation")
    args = parser.parse_args()

    base = rss_mb()
    t0 = time.perf_counter()
    matcher = Matcher.load(args.figures)
    matcher.match(Article(key="warm", text="warm up the language model", lang=None))
    load = time.perf_counter() - t0
    articles = build_articles(args.articles, dense=args.dense)
    mean_size = statistics.mean(len(a.text.encode("utf-8")) for a in articles)
    print(f"loaded {len(matcher.gazetteer)} figures, {len(matcher.languages)} lexicons "
          f"in {load:.2f}s; RSS {base:.0f} -> {rss_mb():.0f} MB")
    print(f"{len(articles)} {'dense ' if args.dense else ''}articles, mean {mean_size:.0f} "
          f"bytes, {len(SENTENCES)} languages")

    gc.collect()
    timings = []
    found = 0
    t0 = time.perf_counter()
    for article in articles:
        t = time.perf_counter()
        found += len(matcher.match(article).mentions)
        timings.append(time.perf_counter() - t)
    total = time.perf_counter() - t0
    timings.sort()
    print(f"throughput: {len(articles) / total:.0f} articles/s on one thread "
          f"(mean {1000 * statistics.mean(timings):.2f} ms, "
          f"p95 {1000 * timings[int(0.95 * len(timings))]:.2f} ms, "
          f"max {1000 * timings[-1]:.2f} ms); {found} mentions")
    print(f"peak RSS after matching: {rss_mb():.0f} MB")

    tracemalloc.start()
    for article in articles[:200]:
        matcher.match(article)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"tracemalloc over 200 articles: current {current / 1e6:.1f} MB, peak {peak / 1e6:.1f} MB")
    if args.langid:
        bench_langid(articles)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
