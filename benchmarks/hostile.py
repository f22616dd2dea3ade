"""How the build time grows when a careless or hostile author doubles what they wrote.

    python benchmarks/hostile.py [--steps 4] [--case topics --case stars ...]

Each case writes a small site (a home page, three ordinary posts and one hostile post) and builds
it with MkDocs and `search` alone, then with `aicommentary` too, doubling the hostile input at
each step: the number of topics on one post, the size of a body of unclosed markup, the years
between two posts on one company, the length of a topic name, the size of a YAML alias chain.
It prints both times, how much the plugin's build grew from the step before (about 2x per
doubling is linear, 4x quadratic; under 2x where MkDocs' fixed costs still dominate) and the
HTML it wrote. A build that raises is reported with its exception. (A body of "[" is left
out: Python-Markdown itself takes the square of its length, with or without the plugin.)
"""

from __future__ import annotations

import argparse
import json
import logging
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

ORDINARY = {
    "index.md": "# Home\n\nA publication.\n",
    "posts/a.md": "---\ndate: 2026-01-05\nstance: bullish\nsubject_company: NVIDIA\n"
    "topics: [chips]\n---\n\n# Chips\n\nWords about chips and supply.\n",
    "posts/b.md": "---\ndate: 2026-02-05\nstance: bearish\nsubject_company: NVIDIA\n"
    "topics: [chips, pricing]\n---\n\n# Pricing\n\nWords about prices and margins.\n",
    "posts/c.md": "---\ndate: 2026-03-05\nstance: neutral\nsubject_company: OpenAI\n"
    "topics: [models]\n---\n\n# Models\n\nWords about models and training.\n",
}


def post(front_matter: str, body: str = "Some words.\n") -> str:
    return f"---\n{front_matter}\n---\n\n# Hostile\n\n{body}"


def many_topics(size: int) -> dict[str, str]:
    topics = json.dumps([f"topic {number}" for number in range(size)])  # JSON is YAML.
    return {"posts/hostile.md": post(f"stance: mixed\nsubject_company: NVIDIA\ntopics: {topics}")}


def body_of(unit: str) -> Callable[[int], dict[str, str]]:
    def pages(size: int) -> dict[str, str]:
        text = (unit * (size // len(unit) + 1))[:size]
        return {"posts/hostile.md": post("stance: mixed\nsubject_company: NVIDIA", text + "\n")}

    return pages


def long_heading(size: int) -> dict[str, str]:
    """The post's first heading, which gives its title: "# a # # # ... b"."""
    heading = "# a" + " #" * (size // 2) + " b"
    return {"posts/hostile.md": f"---\nstance: mixed\n---\n\n{heading}\n\nWords.\n"}


def date_span(years: int) -> dict[str, str]:
    first, last = 2100 - years, 2100
    return {
        "posts/early.md": post(f"date: {first}-01-01\nstance: bullish\nsubject_company: NVIDIA"),
        "posts/late.md": post(f"date: {last}-12-01\nstance: bearish\nsubject_company: NVIDIA"),
    }


def long_name(size: int) -> dict[str, str]:
    name = ("very long topic " * (size // 16 + 1))[:size].strip()
    return {"posts/hostile.md": post(f"stance: mixed\nsubject_company: NVIDIA\ntopics: [{name}]")}


def alias_chain(levels: int) -> dict[str, str]:
    """Each level names the one before it twice, so the chain expands to 2 ** levels names."""
    lines = ["a0: &a0 [lol, lol]"]
    lines += [f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}]" for n in range(1, levels)]
    lines.append(f"topics: [*a{levels - 1}, *a{levels - 1}]")
    return {"posts/hostile.md": post("stance: mixed\nsubject_company: NVIDIA\n" + "\n".join(lines))}


@dataclass(frozen=True)
class Case:
    what: str
    unit: str
    sizes: tuple[int, ...]
    pages: Callable[[int], dict[str, str]]


CASES = {
    "topics": Case("topics on one post", "topics", (125, 250, 500, 1000), many_topics),
    "stars": Case("body of '*a '", "chars", (10_000, 20_000, 40_000, 80_000), body_of("*a ")),
    "braces": Case("body of '{'", "chars", (10_000, 20_000, 40_000, 80_000), body_of("{")),
    "links": Case("body of '](('", "chars", (10_000, 20_000, 40_000, 80_000), body_of("](")),
    "tags": Case("body of '<!--<'", "chars", (10_000, 20_000, 40_000, 80_000), body_of("<!--<")),
    "heading": Case(
        "a heading '# a # # #...'", "chars", (10_000, 20_000, 40_000, 80_000), long_heading
    ),
    "years": Case("years between two posts", "years", (100, 200, 400, 800), date_span),
    "name": Case("length of one topic name", "chars", (250, 500, 1000, 2000), long_name),
    "aliases": Case("YAML alias chain", "levels", (18, 19, 20, 21), alias_chain),
}


def write_site(root: Path, pages: dict[str, str], with_plugin: bool) -> Path:
    for path, text in {**ORDINARY, **pages}.items():
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    plugins: list[object] = ["search"] + (["aicommentary"] if with_plugin else [])
    config = {"site_name": "Hostile", "theme": {"name": "mkdocs"}, "plugins": plugins}
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    return config_file


def timed_build(config_file: Path) -> tuple[float, str | None]:
    """Seconds the build took, and the exception it raised, if any."""
    start = time.perf_counter()
    try:
        build(load_config(str(config_file)))
    except Exception as error:  # The point is to report crashes, whatever they are.
        return time.perf_counter() - start, type(error).__name__
    return time.perf_counter() - start, None


def written(site_dir: Path) -> float:
    """Megabytes of HTML the build wrote."""
    return sum(path.stat().st_size for path in site_dir.rglob("*.html")) / 1e6


def run(case: Case, tmp: Path) -> None:
    print(f"\n{case.what}")
    print(f"  {case.unit:>8}  {'mkdocs':>8}  {'+ plugin':>8}  {'growth':>6}  {'HTML':>8}")
    previous = None
    for size in case.sizes:
        pages = case.pages(size)
        plain, _ = timed_build(write_site(tmp / f"plain-{size}", pages, with_plugin=False))
        took, error = timed_build(write_site(tmp / f"plugin-{size}", pages, with_plugin=True))
        if error is not None:
            print(f"  {size:>8}  {plain:7.2f}s  raised {error} after {took:.2f}s", flush=True)
            previous = None
            continue
        growth = f"{took / previous:5.1f}x" if previous else ""
        html = written(tmp / f"plugin-{size}" / "site")
        print(f"  {size:>8}  {plain:7.2f}s  {took:7.2f}s  {growth:>6}  {html:6.2f}MB", flush=True)
        previous = took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="default: all")
    parser.add_argument("--steps", type=int, default=4, help="doublings per case (at most 4)")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.CRITICAL)  # Warnings are expected here.
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.case or list(CASES):
            case = CASES[name]
            trimmed = Case(case.what, case.unit, case.sizes[: args.steps], case.pages)
            run(trimmed, Path(tmp) / name)


if __name__ == "__main__":
    main()
