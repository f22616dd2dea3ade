"""How long `mkdocs-aicommentary check` takes on a synthetic publication, against a build.

    python benchmarks/check.py                     # 2,000 posts, 5 runs
    python benchmarks/check.py --articles 10000 --runs 3

Writes the seeded site of ``site_build.py`` (every feature on, Material theme), then runs the
check as a pre-commit hook would, a fresh process each time, and gives the fastest run's CPU
seconds (on a shared machine other work only ever adds time): the whole command, Python's
start and MkDocs' imports included. One `mkdocs build` of the same site is timed beside it.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from site_build import EVERYTHING, write_site


def cpu_seconds(command: list[str], cwd: Path) -> float:
    """CPU seconds (user and system) of one run of ``command`` and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=cwd, check=False, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20261206)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_site(root, arguments.articles, arguments.seed, EVERYTHING, "material", "short")
        check = [sys.executable, "-m", "mkdocs_aicommentary", "check", "--strict"]
        times = [cpu_seconds(check, root) for _ in range(arguments.runs)]
        python = [sys.executable, "-c", "pass"]
        start = min(cpu_seconds(python, root) for _ in range(arguments.runs))
        build = cpu_seconds([sys.executable, "-m", "mkdocs", "build", "--quiet"], root)
    print(f"{arguments.articles:,} posts, fastest of {arguments.runs} runs (CPU seconds):")
    print(f"  check, the whole command  {min(times):6.2f}")
    print(f"  of which Python's start   {start:6.2f}")
    print(f"  mkdocs build, once        {build:6.2f}")


if __name__ == "__main__":
    main()
