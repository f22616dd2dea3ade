"""What social cards cost: per card drawn, and per card under a warm cache or ``mkdocs serve``.

    python benchmarks/social_cards.py [--articles 300] [--runs 3]

Writes the seeded synthetic site of ``site_build.py`` (N posts; index pages for its companies,
topics and stances) and builds it, each build in a fresh process, timed in CPU seconds:

  without   the plugin with its defaults (cards off)
  cold      cards on, an empty cache folder: every card drawn
  cached    cards on, the cache folder the cold build filled: every card read back
  serve     a rebuild in the same process after one post is edited, as under `mkdocs serve`:
            the edited post's card drawn, the others from memory

Each figure above ``without`` is divided by the number of cards the site got, which is the
cost of one card in that case. Then the drawing alone, in this process (``draw``, text laid
out and the PNG encoded), the median of drawing every card once. Of ``--runs`` builds each,
the fastest counts, as in ``site_build.py``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from site_build import run, write_site

from mkdocs_aicommentary.features.social_cards import Card, CardFonts, draw


def build_seconds(config_file: Path, mode: str, runs: int, fresh_cache: Path | None) -> float:
    """The fastest of ``runs`` builds; ``fresh_cache`` is emptied before each."""
    best = float("inf")
    for _ in range(runs):
        if fresh_cache is not None:
            shutil.rmtree(fresh_cache, ignore_errors=True)
        best = min(best, run(config_file, mode)["seconds"])
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="aic-cards-") as scratch:
        root = Path(scratch)
        plain = write_site(root / "without", args.articles, args.seed, {}, "mkdocs", "short")
        cards_options = {"social_cards": {"enabled": True}}
        with_cards = write_site(
            root / "cards", args.articles, args.seed, cards_options, "mkdocs", "short"
        )
        cache = root / "cards" / ".cache" / "aicommentary" / "cards"
        without = build_seconds(plain, "build", args.runs, None)
        cold = build_seconds(with_cards, "build", args.runs, cache)
        run(with_cards, "build")  # Fill the cache folder.
        cached = build_seconds(with_cards, "build", args.runs, None)
        shutil.rmtree(cache)
        serve = build_seconds(with_cards, "serve", args.runs, None)
        plain_serve = build_seconds(plain, "serve", args.runs, None)
        count = len(list((root / "cards" / "site" / "assets/aicommentary/cards").glob("*.png")))

        print(f"{args.articles} posts, {count} cards (posts and index pages), CPU seconds")
        print(f"  without cards      {without:7.2f} s")
        for name, seconds, base in (
            ("cold", cold, without),
            ("cached (folder)", cached, without),
            ("serve rebuild", serve, plain_serve),
        ):
            per_card = (seconds - base) / count * 1000
            print(f"  {name:<18} {seconds:7.2f} s   {per_card:6.2f} ms per card")
        fonts = CardFonts.default()
        cards = [
            Card(
                "Benchmark",
                f"Post {n}: a title of some length about chips",
                "Bearish",
                "#c62828",
                ("NVIDIA", "AMD", "2 March 2026"),
            )
            for n in range(50)
        ]
        times = []
        for card in cards:
            start = time.process_time()
            draw(card, fonts)
            times.append(time.process_time() - start)
        print(f"  draw alone         {statistics.median(times) * 1000:6.2f} ms per card (median)")


if __name__ == "__main__":
    main()
