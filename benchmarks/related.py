"""Time the related-articles ranking on N seeded synthetic posts.

    python benchmarks/related.py --articles 10000 [--repeat 3] [--profile] [--quality]
        [--window 25]

The posts imitate a commentary site: companies and topics drawn with a Zipf-like skew (a few
names on many posts, most on few), one to three companies and two to five topics per post,
bodies of 250-450 words (stop words, a skewed general vocabulary, words that go with the post's
companies and topics, a heading, links and code), dates over eight years, 2% drafts and a few
pinned links. Index building (word counting, TF-IDF, postings) and ranking are timed apart,
then a rebuild with one post edited (the word-count cache warm, as under ``mkdocs serve``).
Each figure is the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import itertools
import os
import platform
import pstats
import random
import statistics
import sys
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs_aicommentary.features.related.pins import resolve_pins
from mkdocs_aicommentary.features.related.ranking import RelatedIndex, RelatedOptions
from mkdocs_aicommentary.features.related.words import ENGLISH_STOP_WORDS, TextCache
from mkdocs_aicommentary.model.articles import Article

STANCES = ("bullish", "bearish", "skeptical", "neutral", "mixed")
SYLLABLES = [a + b for a in "bcdfghklmnprstvz" for b in "aeiou"] + ["an", "er", "is", "on", "ul"]


def zipf_weights(size: int, exponent: float) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank**exponent) for rank in range(1, size + 1)))


def make_words(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    words: list[str] = []
    while len(words) < count:
        word = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))
        if word not in taken:
            taken.add(word)
            words.append(word)
    return words


def synthetic_articles(count: int, seed: int = 20261120) -> list[Article]:
    rng = random.Random(seed)
    taken: set[str] = set(ENGLISH_STOP_WORDS)
    companies = [word.capitalize() for word in make_words(rng, 80, taken)]
    topics = [" ".join(make_words(rng, 2, taken)) for _ in range(250)]
    vocabulary = make_words(rng, 6000, taken)
    subject_words = {name: make_words(rng, 12, taken) for name in companies + topics}
    stop_words = [*sorted(ENGLISH_STOP_WORDS), "a", "an", "is", "it", "of", "to", "in", "on", "as"]
    company_cw, topic_cw = zipf_weights(len(companies), 1.0), zipf_weights(len(topics), 0.9)
    vocabulary_cw = zipf_weights(len(vocabulary), 1.1)
    start = datetime(2019, 1, 1)

    articles: list[Article] = []
    for number in range(count):
        these_companies = tuple(
            dict.fromkeys(rng.choices(companies, company_cw, k=rng.choice((1, 1, 1, 2, 2, 3))))
        )
        these_topics = tuple(dict.fromkeys(rng.choices(topics, topic_cw, k=rng.randint(2, 5))))
        length = rng.randint(250, 450)
        subject = [word for name in these_companies + these_topics for word in subject_words[name]]
        words = (
            rng.choices(stop_words, k=length * 45 // 100)
            + rng.choices(vocabulary, cum_weights=vocabulary_cw, k=length * 37 // 100)
            + rng.choices(subject, k=length * 15 // 100)
            + [name.lower() for name in these_companies] * 3
        )
        rng.shuffle(words)
        paragraphs = [" ".join(words[i : i + 60]).capitalize() + "." for i in range(0, length, 60)]
        body = (
            f"# Post {number}\n\n{paragraphs[0]}\n\n## What changed\n\n"
            + "\n\n".join(paragraphs[1:])
            + f"\n\nSee [the filing](https://example.com/{number}) and `config_{number}`.\n"
        )
        if number % 7 == 0:
            body += "\n```python\nprint('code is not prose')\n```\n"
        articles.append(
            Article(
                src_path=f"posts/{number:06d}.md",
                title=f"Post {number}",
                date=start + timedelta(minutes=rng.randrange(8 * 365 * 24 * 60)),
                stance=rng.choice(STANCES),
                companies=these_companies,
                topics=these_topics,
                draft=rng.random() < 0.02,
                body=body,
            )
        )
    for number in range(0, count, 100):  # 1% of posts pin two others.
        pins = tuple(f"{rng.randrange(count):06d}.md" for _ in range(2))
        articles[number] = replace(articles[number], related=pins)
    return articles


def run(articles: list[Article], options: RelatedOptions) -> dict[str, float]:
    """One cold build (empty word-count cache), then one rebuild after editing a post."""
    pins, _ = resolve_pins(articles)
    cache = TextCache()
    gc.collect()
    started, started_cpu = time.perf_counter(), time.process_time()
    index = RelatedIndex(articles, options, cache)
    built = time.perf_counter()
    boxes = {
        article.src_path: index.related(article, pins.get(article.src_path, ()))
        for article in articles
        if article.shows_related
    }
    ranked, ranked_cpu = time.perf_counter(), time.process_time()

    edited = list(articles)
    edited[0] = replace(edited[0], body=edited[0].body + "\nOne more sentence about chips.\n")
    started_again = time.perf_counter()
    index = RelatedIndex(edited, options, cache)
    for article in edited:
        if article.shows_related:
            index.related(article, pins.get(article.src_path, ()))
    rebuilt = time.perf_counter()
    return {
        "index": built - started,
        "rank": ranked - built,
        "total": ranked - started,
        "cpu": ranked_cpu - started_cpu,
        "rebuild": rebuilt - started_again,
        "entries": statistics.fmean(len(box) for box in boxes.values()) if boxes else 0.0,
        "candidates": statistics.fmean(len(index.scores(a)[0]) for a in articles[::50]),
    }


def quality(articles: list[Article], options: RelatedOptions, sample: int = 200) -> float:
    """How much of the best possible similarity the boxes reach, on a sample of posts.

    For each sampled post, the exact similarity (no windows: every post sharing anything is
    scored) of the posts in its box, over that of the posts an exhaustive search would pick.
    """
    cache = TextCache()
    plain = replace(options, counterpoint=False)
    windowed = RelatedIndex(articles, plain, cache)
    exhaustive = RelatedIndex(articles, replace(plain, window=10**9, text_window=10**9), cache)
    step = max(1, len(articles) // sample)
    found = best = 0.0
    for article in articles[::step]:
        exact, _ = exhaustive.scores(article)
        found += sum(
            exact[windowed.public.ids[e.article.src_path]] for e in windowed.related(article)
        )
        best += sum(
            exact[exhaustive.public.ids[e.article.src_path]] for e in exhaustive.related(article)
        )
    return found / best if best else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    parser.add_argument("--seed", type=int, default=20261120)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one run")
    parser.add_argument(
        "--quality", action="store_true", help="compare the boxes with an exhaustive search"
    )
    parser.add_argument(
        "--window", type=int, default=RelatedOptions().window, help="the related.window option"
    )
    args = parser.parse_args()

    started = time.perf_counter()
    articles = synthetic_articles(args.articles, args.seed)
    made = time.perf_counter() - started
    options = RelatedOptions(window=args.window, text_window=max(1, args.window // 2))
    print(
        f"{args.articles:,} synthetic posts (made in {made:.1f} s); Python "
        f"{platform.python_version()} on {platform.machine()}"
    )
    if args.quality:
        print(f"boxes reach {quality(articles, options):.1%} of the exhaustive similarity")
        return
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(run, articles, options)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return

    runs = [run(articles, options) for _ in range(args.repeat)]
    best = {key: min(result[key] for result in runs) for key in runs[0]}
    per_post = best["rank"] / len(articles) * 1e6
    print(
        f"index {best['index']:.2f} s, ranking {best['rank']:.2f} s ({per_post:.0f} us a post), "
        f"total {best['total']:.2f} s (CPU {best['cpu']:.2f} s); "
        f"rebuild after one edit {best['rebuild']:.2f} s; best of {args.repeat} on "
        f"{os.cpu_count()} cores"
    )
    print(
        f"{runs[0]['entries']:.2f} entries a box, {runs[0]['candidates']:.0f} candidates "
        f"scored a post"
    )


if __name__ == "__main__":
    main()
