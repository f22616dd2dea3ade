"""Time a whole `mkdocs build` of a synthetic publication, with and without the plugin.

    python benchmarks/site_build.py --articles 2000 [--theme mkdocs] [--profile]

Writes a seeded site of N posts into a temporary folder, builds it once with only the `search`
plugin (what MkDocs costs by itself) and once with `aicommentary` and every feature on, and
prints both times. With --profile it also prints how much of the plugin build was spent in the
plugin's own code, which is the figure the plugin is responsible for.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

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


def write_site(root: Path, articles: int, seed: int, plugin: dict | None, theme: str) -> Path:
    """A site of ``articles`` posts; returns the path of its mkdocs.yml."""
    rng = random.Random(seed)
    docs = root / "docs"
    (docs / "posts").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Home\n\nA synthetic publication.\n")
    for number in range(articles):
        # Popular companies and topics are far more common than the long tail, as on real sites.
        companies = rng.sample(COMPANIES[:8], 1) + rng.sample(COMPANIES, rng.randint(0, 1))
        topics = rng.sample(TOPICS[:10], rng.randint(1, 3)) + rng.sample(TOPICS, rng.randint(0, 1))
        paragraphs = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 90))).capitalize() + "."
            for _ in range(rng.randint(4, 8))
        ]
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
    }
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False))
    return config_file


def timed_build(config_file: Path, profile: bool) -> tuple[float, pstats.Stats | None]:
    config = load_config(str(config_file))
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    build(config)
    if profiler:
        profiler.disable()
    elapsed = time.perf_counter() - start
    return elapsed, pstats.Stats(profiler) if profiler else None


def plugin_share(stats: pstats.Stats) -> float:
    """Seconds spent inside the plugin's event handlers, with everything they call.

    The events do not nest, so their cumulative times add up. What MkDocs then spends on the
    pages the plugin added (theme rendering, the nav in each) is not in this figure.
    """
    return sum(
        row[3]  # cumulative time
        for (filename, _, function), row in stats.stats.items()  # type: ignore[attr-defined]
        if filename.endswith("mkdocs_aicommentary/plugin.py") and function.startswith("on_")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--theme", default="mkdocs")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        plain = write_site(Path(tmp) / "plain", args.articles, args.seed, None, args.theme)
        full = write_site(Path(tmp) / "full", args.articles, args.seed, {}, args.theme)
        plain_time, _ = timed_build(plain, profile=False)
        full_time, _ = timed_build(full, profile=False)
        pages = sum(1 for _ in (Path(tmp) / "full" / "site").rglob("index.html"))
        # Profiling slows everything several times over, so it gets a build of its own.
        profiled_time, stats = timed_build(full, profile=True) if args.profile else (0.0, None)

    print(f"{args.articles} posts, theme {args.theme}")
    print(f"  mkdocs + search only:   {plain_time:7.2f} s")
    print(f"  with aicommentary:      {full_time:7.2f} s  ({full_time / plain_time:.2f}x)")
    print(f"  pages written with it:  {pages}")
    if stats is not None:
        own = plugin_share(stats)
        share = own / profiled_time
        print(f"  plugin's events:        {share:7.1%} of the profiled build ({own:.2f} s)")


if __name__ == "__main__":
    main()
