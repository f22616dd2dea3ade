"""The hook of ``.pre-commit-hooks.yaml``, run by pre-commit itself (``pre-commit try-repo``) on
a site's repository, as a site that adds the three lines of ``docs/ci.md`` runs it.

pre-commit installs the hook's repository into a virtual environment of its own with pip (about
20 seconds); that repository is a copy of this one's package as it is now, committed to a fresh
git repository, so uncommitted work is what gets tested.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from factories import article

ROOT = Path(__file__).resolve().parents[2]
GIT = shutil.which("git")
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

pytestmark = pytest.mark.skipif(GIT is None, reason="pre-commit needs git")


def git_repository(folder: Path) -> None:
    """Commit everything in ``folder`` to a new repository there."""
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.com"]
    for command in (["init", "-q"], ["add", "-A"], [*identity, "commit", "-q", "-m", "fixture"]):
        subprocess.run([GIT, *command], cwd=folder, check=True)


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hook-repository")
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "mkdocs_aicommentary", folder / "mkdocs_aicommentary", ignore=ignore)
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, folder / name)
    git_repository(folder)
    return folder


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site-repository")
    pages = {
        "index.md": "# Home\n",
        "posts/good.md": article("title: Good\nstance: bullish\ntopics: [chips]"),
        "posts/typo.md": article("title: Typo\nstance: bulish\ntopics: [chips]"),
    }
    for path, text in pages.items():
        (folder / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / "docs" / path).write_text(text, encoding="utf-8")
    (folder / "mkdocs.yml").write_text("site_name: Hooked\nplugins:\n  - aicommentary\n")
    git_repository(folder)
    return folder


def try_repo(hook_repository: Path, site: Path, *files: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(site.parent / "pre-commit-home")}
    command = [str(PRE_COMMIT), "try-repo", str(hook_repository), "aicommentary-check"]
    command += ["--files", *files] if files else ["--all-files"]
    return subprocess.run(
        command, cwd=site, env=env, capture_output=True, text=True, check=False, timeout=600
    )


def test_the_hook_fails_a_commit_with_a_bad_post_and_names_its_line(hook_repository, site):
    run = try_repo(hook_repository, site)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "docs/posts/typo.md:3: warning: front matter field 'stance'" in run.stdout
    assert "good.md" not in run.stdout


def test_the_hook_passes_a_commit_of_good_posts(hook_repository, site):
    run = try_repo(hook_repository, site, "docs/posts/good.md", "docs/index.md")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout
