"""The GitHub Actions workflow that docs/ci.md shows, run here: its ``run`` steps, read from the
page itself so the page and the test cannot drift, in a copy of the Material blog fixture (a
small publication), with this checkout's plugin installed in place of the step that installs it
from the package index.
The job checks the posts, builds ``--strict`` and uploads the folder the build wrote.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from helpers import FIXTURES

ROOT = Path(__file__).resolve().parents[2]
INSTALL = re.compile(r"^pip install ")


def workflow() -> dict:
    """The workflow on docs/ci.md: the YAML block that has ``jobs``."""
    page = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", page, re.DOTALL)
    return next(data for data in map(yaml.safe_load, blocks) if "jobs" in data)


def run_job(site: Path) -> list[subprocess.CompletedProcess]:
    """The build job's shell steps, in order, up to the first that fails; ``pip install`` is
    the one step left out (this environment has the plugin already)."""
    steps = [step["run"] for step in workflow()["jobs"]["build"]["steps"] if "run" in step]
    assert [step for step in steps if INSTALL.match(step)] == [steps[0]]
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    runs = []
    for step in steps[1:]:
        run = subprocess.run(
            ["bash", "-c", step], cwd=site, env=env, capture_output=True, text=True, check=False
        )
        runs.append(run)
        if run.returncode:
            break
    return runs


def example(tmp_path: Path) -> Path:
    site = tmp_path / "site-repository"
    shutil.copytree(FIXTURES / "material_blog", site, ignore=shutil.ignore_patterns("site"))
    return site


def test_the_job_checks_builds_and_uploads_the_publication(tmp_path):
    site = example(tmp_path)
    runs = run_job(site)
    assert [run.returncode for run in runs] == [0, 0], [run.stdout + run.stderr for run in runs]
    assert "mkdocs-aicommentary check" in runs[0].args[-1]
    assert "mkdocs build --strict" in runs[1].args[-1]
    upload = workflow()["jobs"]["build"]["steps"][-1]
    assert upload["uses"].startswith("actions/upload-pages-artifact")
    assert (site / upload["with"]["path"] / "index.html").is_file()


def test_a_bad_post_stops_the_job_at_the_check_with_an_annotation(tmp_path):
    site = example(tmp_path)
    post = site / "docs" / "blog" / "posts" / "open-weights-bet.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(re.sub(r"^stance: .*$", "stance: sideways", text, count=1, flags=re.M))
    runs = run_job(site)
    assert [run.returncode for run in runs] == [1]
    annotation = f"::warning file=docs/blog/posts/{post.name},line="
    assert annotation in runs[0].stdout and "'stance'" in runs[0].stdout
