"""Whole `mkdocs build` of a synthetic publication: the plugin's cost against plain MkDocs.

    python benchmarks/site_build.py                       # docs/performance.md (about 30 min)
    python benchmarks/site_build.py --articles 1000 --runs 1 --cases short
    python benchmarks/site_build.py --profile --articles 1000 --cases short
    python benchmarks/site_build.py --corpus longtail --articles 10000 --themes mkdocs --runs 3

Writes a seeded site of N posts (400-900 words, 1-2 of 48 companies, 2-4 of 70 topics, the
long tail rarer, as on real sites), then builds it with only MkDocs' ``search`` plugin and with
``aicommentary`` and every feature on (header, related boxes, newsletter block, index pages,
archive, per-term and site feeds, JSON-LD, sharing tags, latest posts on the home page),
alternating the two, each build in a fresh process so its peak memory (RSS) is its own.
Times are CPU seconds of the building process (a build is single-threaded). Of ``--runs``
builds of each, the table gives the fastest, as ``timeit`` does: on a shared machine other
work only ever adds time, and the fastest run is the one it disturbed least. The ratio of the
medians is printed beside it, to show how much the runs moved.

``--corpus longtail`` (``make benchmark-longtail``) writes the shape real blogs have instead:
companies and topics drawn from Zipf-like distributions over pools that grow with the site, so
that at 10,000 posts there are about 2,000 topics and 500 companies, most with one to three
posts (1-2 companies and 2-4 topics a post). The table then also gives the bytes and files
each build writes. ``--options '{"index": {"min_posts": 2}}'`` changes plugin options over
every feature on, for the plugin's build of any corpus.

Cases:
  short   a short `nav:` (home, overviews, archive), as a publication's would be
  auto    no `nav:`: MkDocs files every page in the nav of every page (pages x pages); the
          plugin's build uses ``articles_in_nav: false``, which keeps posts out of it
  serve   what `mkdocs serve` does after one post is edited: a second build in the same
          process, plugin objects kept, one post changed; the time of that rebuild

``--profile`` adds one profiled build per case with the plugin and reports the share of the
build's CPU spent in the plugin's own code (everything under mkdocs_aicommentary/, called from
its events; not what MkDocs spends on the pages the plugin adds).

``--feature-costs`` counts instructions instead (with ``--articles 1000 --themes mkdocs``,
about 30 minutes): of the build with every feature on, then with each feature turned off in
turn, over plain MkDocs, so a site can see what each feature costs it.

``--rendering-floor`` profiles the build with every feature on twice (short `nav:`): as it is,
and with every template the plugin renders answered with nothing. The second share is what
the plugin's events cost apart from writing its HTML (ranking, feeds, reading posts, placing
boxes): no faster way of rendering could bring the share below it.

``--instructions`` adds the ratio of instructions executed, counted by valgrind's cachegrind
without its cache simulation (about 17 times slower than a build; two run side by side):
exact and the same on every run, however busy the machine, where CPU seconds move by 10-20%
on a shared one. It counts the build alone
(what starting Python and reading the config cost is subtracted; for ``serve``, the first build
as well, leaving the rebuild) and leaves out what the kernel does (writing files) and what
memory stalls cost.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

COMPANIES = ["NVIDIA", "OpenAI", "Anthropic", "Google", "Microsoft", "Meta", "AMD", "Mistral AI"]
COMPANIES += [f"Startup {n}" for n in range(40)]
TOPICS = ["open-source AI", "AI hardware", "inference costs", "AI safety", "regulation"]
TOPICS += ["enterprise adoption", "AI agents", "compute supply", "model pricing", "robotics"]
TOPICS += [f"niche topic {n}" for n in range(60)]
STANCES = ["bullish", "bearish", "skeptical", "neutral", "mixed"]
WORDS = (
    "model compute margin chip cluster training inference pricing customer revenue license "
    "weights benchmark latency agent workflow regulator policy safety datacenter supply demand "
    "capital partner platform developer enterprise token context window roadmap strategy risk"
).split()
EVERYTHING = {
    "newsletter": {"provider": "buttondown", "username": "benchmark"},
    "latest": {"count": 10},
}
INDEX_KINDS = ("topics", "companies", "stances", "archive", "authors")
FEATURES_OFF: dict[str, dict[str, object]] = {  # What --feature-costs turns off, row by row.
    "index pages": {"index": {kind: {"enabled": False} for kind in INDEX_KINDS}},
    "related boxes": {"related": {"enabled": False}},
    "per-term and site feeds": {"index": {"feeds": False}, "site_feed": {"enabled": False}},
    "sharing tags and JSON-LD": {"sharing": False, "structured_data": {"enabled": False}},
    "the article header": {"header": False},
    "the signup block": {"newsletter": None},
    "nothing, but 50 posts a listing page": {"index": {"per_page": 50}},
}
LONG_TAIL_TOPICS = (1.2, 0.35)  # Zipf exponent, pool size per post: ~2,185 topics at 10,000.
LONG_TAIL_COMPANIES = (1.5, 0.12)  # ~543 companies at 10,000, three in four with 1-3 posts.
SHORT_NAV = [
    {"Home": "index.md"},
    {"Topics": "topics/index.md"},
    {"Companies": "companies/index.md"},
    {"Archive": "archive/index.md"},
]


def zipf(names: list[str], exponent: float, rng: random.Random) -> Callable[[int], list[str]]:
    """Draws ``count`` distinct names, the k-th name with weight 1 / k ** exponent."""
    weights = list(itertools.accumulate(1 / rank**exponent for rank in range(1, len(names) + 1)))

    def draw(count: int) -> list[str]:
        picks = (bisect.bisect(weights, rng.random() * weights[-1]) for _ in range(count))
        return sorted({names[min(pick, len(names) - 1)] for pick in picks})

    return draw


def long_tail(articles: int, rng: random.Random) -> Callable[[], tuple[list[str], list[str]]]:
    """The companies and topics of one post of the long-tail corpus."""
    (topic_exponent, topic_pool), (company_exponent, company_pool) = (
        LONG_TAIL_TOPICS,
        LONG_TAIL_COMPANIES,
    )
    topics = [f"topic {n}" for n in range(max(10, int(articles * topic_pool)))]
    companies = [f"Company {n}" for n in range(max(8, int(articles * company_pool)))]
    draw_topics = zipf(topics, topic_exponent, rng)
    draw_companies = zipf(companies, company_exponent, rng)
    return lambda: (draw_companies(rng.randint(1, 2)), draw_topics(rng.randint(2, 4)))


def write_site(
    root: Path,
    articles: int,
    seed: int,
    plugin: dict | None,
    theme: str,
    nav: str,
    corpus: str = "standard",
) -> Path:
    """A site of ``articles`` posts; returns the path of its mkdocs.yml."""
    rng = random.Random(seed)
    terms_of = long_tail(articles, rng) if corpus == "longtail" else None
    docs = root / "docs"
    (docs / "posts").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(
        "# Home\n\nA synthetic publication.\n\n<!-- aicommentary:latest -->\n"
    )
    for overview in ("topics", "companies", "archive"):  # What a short nav links, also plain.
        if plugin is None:
            (docs / overview).mkdir(exist_ok=True)
            (docs / overview / "index.md").write_text(f"# {overview.title()}\n")
    for number in range(articles):
        if terms_of is not None:
            companies, topics = terms_of()
        else:
            companies = rng.sample(COMPANIES[:8], 1) + rng.sample(COMPANIES, rng.randint(0, 1))
            topics = rng.sample(TOPICS[:10], rng.randint(1, 3))
            topics += rng.sample(TOPICS, rng.randint(0, 1))
        words = rng.randint(400, 900)
        paragraphs, written = [], 0
        while written < words:
            length = rng.randint(40, 110)
            paragraphs.append(" ".join(rng.choice(WORDS) for _ in range(length)).capitalize() + ".")
            written += length
        front = {
            "title": f"Post {number}: {' '.join(rng.sample(WORDS, 4))}",
            "date": f"20{rng.randint(24, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "stance": rng.choice(STANCES),
            "subject_company": sorted(set(companies)),
            "topics": sorted(set(topics)),
        }
        body = f"# {front['title']}\n\n" + "\n\n## Section\n\n".join(paragraphs) + "\n"
        text = "---\n" + yaml.safe_dump(front, sort_keys=False) + "---\n\n" + body
        (docs / "posts" / f"post-{number:05d}.md").write_text(text)
    plugins: list = ["search"] + ([{"aicommentary": plugin}] if plugin is not None else [])
    config = {
        "site_name": "Benchmark",
        "site_url": "https://example.com/",
        "theme": {"name": theme},
        "plugins": plugins,
        **({"nav": SHORT_NAV} if nav == "short" else {}),
    }
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False))
    return config_file


# What runs in the child process: one build (or a build and a rebuild), then its figures.
CHILD = """
import cProfile, json, logging, pstats, resource, sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

logging.disable(logging.WARNING)
config_file, mode = sys.argv[1], sys.argv[2]

serving = mode in ("serve", "serve-first")

def once():
    config = load_config(config_file)
    config.plugins.on_startup(command="serve" if serving else "build", dirty=False)
    start = time.process_time()
    build(config, serve_url="http://127.0.0.1:8000/" if serving else None)
    return time.process_time() - start

if mode == "load":  # Python, MkDocs and the config, no build: what --instructions subtracts.
    load_config(config_file).plugins.on_startup(command="build", dirty=False)
    sys.exit()
if mode == "profile-unrendered":  # Every template rendered as nothing: what the rest costs.
    from mkdocs_aicommentary.html.render import Renderer
    Renderer.render = lambda self, template, **context: ""
profiler = cProfile.Profile() if mode.startswith("profile") else None
if profiler:
    profiler.enable()
seconds = once()
if profiler:
    profiler.disable()
if mode == "serve":  # Edit one post, as an author would, and time the rebuild.
    post = sorted(Path(config_file).parent.glob("docs/posts/*.md"))[0]
    post.write_text(post.read_text() + "\\nOne more sentence from the author.\\n")
    seconds = once()
result = {"seconds": seconds, "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
if profiler:
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values())  # own time of every function
    # The plugin's events never call one another, so their cumulative times add up.
    entries = {"on_config", "_read_posts", "_generate_pages", "on_nav", "on_page_markdown",
               "on_page_content", "on_env", "on_page_context", "on_post_page", "on_post_build"}
    ours = sum(
        row[3]
        for (name, _, function), row in stats.stats.items()
        if name.endswith("mkdocs_aicommentary/plugin.py") and function in entries
    )
    result["plugin_share"] = ours / total
print(json.dumps(result))
"""


def run(config_file: Path, mode: str = "build") -> dict:
    output = subprocess.run(
        [sys.executable, "-c", CHILD, str(config_file), mode],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def instructions(config_file: Path, mode: str) -> int:
    """Instructions the child process executes, as valgrind's cachegrind counts them.

    Without its cache simulation cachegrind counts what callgrind counts (5,379,299,740 and
    5,379,264,921 instructions for the same Python loop here) at a fifth of callgrind's
    slowdown (17x instead of 91x), which brings a 10,000-post build within reach."""
    cachegrind = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
    ]
    completed = subprocess.run(
        [*cachegrind, sys.executable, "-c", CHILD, str(config_file), mode],
        check=True,
        capture_output=True,
        text=True,
    )
    match = re.search(r"I\s+refs:\s+([\d,]+)", completed.stderr)
    if match is None:
        raise RuntimeError(f"cachegrind printed no count:\n{completed.stderr[-2000:]}")
    return int(match.group(1).replace(",", ""))


def net_instructions(config_files: list[Path], mode: str) -> list[int]:
    """Instructions of each site's build (or serve's rebuild) alone: what the child runs before
    it (start-up, or start-up and the first serve build) is counted apart and subtracted."""
    before = "load" if mode == "build" else "serve-first"
    jobs = [(file, run_mode) for run_mode in (mode, before) for file in config_files]
    with ThreadPoolExecutor(2) as pool:  # One per core; counts do not depend on each other.
        counts = list(pool.map(lambda job: instructions(*job), jobs))
    built, started = counts[: len(config_files)], counts[len(config_files) :]
    return [whole - start for whole, start in zip(built, started, strict=True)]


def instruction_ratio(plain_file: Path, full_file: Path, mode: str) -> float:
    """Instructions of the build (or serve's rebuild) with the plugin over those of the plain
    one."""
    plain, full = net_instructions([plain_file, full_file], mode)
    return full / plain


def measure(
    articles: int,
    theme: str,
    case: str,
    runs: int,
    profile: bool,
    seed: int,
    count_instructions: bool = False,
    corpus: str = "standard",
    extra_options: dict | None = None,
) -> dict[str, float]:
    nav = "short" if case in ("short", "serve") else "auto"
    options = {**EVERYTHING, **({"articles_in_nav": False} if case == "auto" else {})}
    options.update(extra_options or {})
    mode = "serve" if case == "serve" else "build"
    with tempfile.TemporaryDirectory() as tmp:
        plain_file = write_site(Path(tmp, "plain"), articles, seed, None, theme, nav, corpus)
        full_file = write_site(Path(tmp, "full"), articles, seed, options, theme, nav, corpus)
        plain, full = [], []
        for _ in range(runs):  # Alternating, so a busy moment hurts both alike.
            plain.append(run(plain_file, mode))
            full.append(run(full_file, mode))
        result = {
            "plain_s": min(r["seconds"] for r in plain),
            "plugin_s": min(r["seconds"] for r in full),
            "median_ratio": statistics.median(r["seconds"] for r in full)
            / statistics.median(r["seconds"] for r in plain),
            "plain_mib": max(r["rss_mib"] for r in plain),
            "plugin_mib": max(r["rss_mib"] for r in full),
        }
        for name, site in (("plain", plain_file), ("plugin", full_file)):
            written = [path for path in (site.parent / "site").rglob("*") if path.is_file()]
            result[f"{name}_files"] = len(written)
            result[f"{name}_mb"] = sum(path.stat().st_size for path in written) / 1e6
        if profile:
            result["plugin_share"] = run(full_file, "profile")["plugin_share"]
        if count_instructions:
            result["instruction_ratio"] = instruction_ratio(plain_file, full_file, mode)
        return result


def feature_costs(articles: int, theme: str, seed: int) -> dict[str, float]:
    """Instructions of the build with every feature on, then with each of ``FEATURES_OFF`` in
    turn, over those of plain MkDocs (each build alone, as :func:`net_instructions` counts)."""
    variants: dict[str, dict[str, object]] = {"nothing: every feature on": {}, **FEATURES_OFF}
    with tempfile.TemporaryDirectory() as tmp:
        sites = [write_site(Path(tmp, "plain"), articles, seed, None, theme, "short")]
        for number, change in enumerate(variants.values()):
            merged = {**EVERYTHING, **change}  # None: the option left out.
            options = {key: value for key, value in merged.items() if value is not None}
            site = write_site(Path(tmp, str(number)), articles, seed, options, theme, "short")
            sites.append(site)
        plain, *built = net_instructions(sites, "build")
    return {name: count / plain for name, count in zip(variants, built, strict=True)}


def rendering_floor(articles: int, theme: str, seed: int) -> tuple[float, float]:
    """The plugin's profiled share of build CPU with every feature on, and the same with every
    template it renders answered with nothing: no faster way of writing its HTML could bring
    the share below the second."""
    with tempfile.TemporaryDirectory() as tmp:
        site = write_site(Path(tmp, "full"), articles, seed, EVERYTHING, theme, "short")
        return run(site, "profile")["plugin_share"], run(site, "profile-unrendered")["plugin_share"]


def print_rendering_floor(articles: list[int], themes: list[str], seed: int) -> None:
    print("| posts | theme | plugin's events (profiled) | its templates rendering nothing |")
    print("|---:|---|---:|---:|")
    for theme in themes:
        for count in articles:
            share, floor = rendering_floor(count, theme, seed)
            print(f"| {count:,} | {theme} | {share:.1%} | {floor:.1%} |", flush=True)


def print_feature_costs(articles: int, theme: str, seed: int) -> None:
    (first, everything), *rows = feature_costs(articles, theme, seed).items()
    print(f"\n{articles:,} posts, {theme} theme, short `nav:`, in instructions:\n")
    print("| turned off | build over plain | saved |\n| --- | ---: | ---: |")
    print(f"| {first} | {everything:.3f}x | |")
    for name, ratio in rows:
        print(f"| {name} | {ratio:.3f}x | {everything - ratio:.3f}x |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 2000, 5000])
    parser.add_argument("--themes", nargs="+", default=["mkdocs", "material"])
    parser.add_argument("--cases", nargs="+", default=["short", "auto", "serve"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", choices=["standard", "longtail"], default="standard")
    parser.add_argument(
        "--options",
        type=json.loads,
        default={},
        help='plugin options over every feature on, as JSON: \'{"index": {"min_posts": 2}}\'',
    )
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--instructions", action="store_true")
    parser.add_argument("--feature-costs", action="store_true")
    parser.add_argument("--rendering-floor", action="store_true")
    args = parser.parse_args()
    if args.rendering_floor:
        print_rendering_floor(args.articles, args.themes, args.seed)
        return
    if args.feature_costs:
        for theme in args.themes:
            for articles in args.articles:
                print_feature_costs(articles, theme, args.seed)
        return

    machine = platform.processor() or platform.machine()
    print(f"{machine}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(
        f"{args.corpus} corpus, {args.runs} builds of each, {time.strftime('%Y-%m-%d')}, "
        f"options over every feature on: {json.dumps(args.options)}"
    )
    print(
        "| posts | theme | case | plain | with the plugin | ratio | ratio of medians "
        "| instructions | peak RSS plain -> plugin | plugin's CPU share "
        "| output plain -> plugin |"
    )
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for case in args.cases:
        for theme in args.themes:
            for articles in args.articles:
                if case != "short" and (theme != "mkdocs" or articles > 2000):
                    continue  # The auto nav grows as pages x pages; serve is one figure.
                figures = measure(
                    articles,
                    theme,
                    case,
                    args.runs,
                    args.profile,
                    args.seed,
                    args.instructions,
                    args.corpus,
                    args.options,
                )
                ratio = figures["plugin_s"] / figures["plain_s"]
                share = f"{figures['plugin_share']:.1%}" if "plugin_share" in figures else ""
                counted = figures.get("instruction_ratio")
                counted_text = f"{counted:.2f}x" if counted is not None else ""
                print(
                    f"| {articles:,} | {theme} | {case} | {figures['plain_s']:.2f} s "
                    f"| {figures['plugin_s']:.2f} s | {ratio:.2f}x "
                    f"| {figures['median_ratio']:.2f}x | {counted_text} "
                    f"| {figures['plain_mib']:.0f} -> {figures['plugin_mib']:.0f} MiB | {share} "
                    f"| {figures['plain_mb']:.0f} -> {figures['plugin_mb']:.0f} MB "
                    f"({figures['plugin_mb'] / figures['plain_mb']:.2f}x), "
                    f"{figures['plain_files']:,} -> {figures['plugin_files']:,} files |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
