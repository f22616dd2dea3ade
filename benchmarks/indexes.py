"""What index pages cost: a whole build with them off, on, and on with `index.nav: true`.

    python benchmarks/indexes.py --articles 2000 [--theme mkdocs]

Uses the seeded synthetic publication of ``site_build.py``, with MkDocs' automatic nav. "off"
switches every kind of index page (and the archive) off; "on" is the default (pages, feeds,
charts; not in the nav); "on + nav" also adds the Topics / Companies / Stances / Archive
sections to the nav, which MkDocs renders into every page: the cost that grows as pages x pages.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

sys.path.insert(0, str(Path(__file__).parent))
from site_build import write_site

OFF = {kind: {"enabled": False} for kind in ("topics", "companies", "stances", "archive")}
VARIANTS = {
    "off": {"index": OFF},
    "on": {},
    "on + nav": {"index": {"nav": True}},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--theme", default="mkdocs")
    args = parser.parse_args()

    print(f"{args.articles} posts, theme {args.theme}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, options in VARIANTS.items():
            config_file = write_site(
                Path(tmp) / name.replace(" ", ""),
                args.articles,
                args.seed,
                options,
                args.theme,
                nav="auto",  # MkDocs' automatic nav, where "on + nav" costs pages x pages
            )
            config = load_config(str(config_file))
            start = time.perf_counter()
            build(config)
            elapsed = time.perf_counter() - start
            site = config_file.parent / "site"
            pages = sum(1 for _ in site.rglob("index.html"))
            size = sum(path.stat().st_size for path in site.rglob("*.html")) / 1e6
            print(f"  {name:9} {elapsed:7.2f} s  {pages:6} pages  {size:8.1f} MB of HTML")


if __name__ == "__main__":
    main()
