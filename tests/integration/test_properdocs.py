"""ProperDocs, the maintained fork of MkDocs, loads the plugin from its own entry-point group.

It runs in a separate virtual environment with no `mkdocs` installed at all, so a plugin that
needs the real `mkdocs` package (rather than ProperDocs' mapping of `mkdocs.*` imports) fails.
"""

from __future__ import annotations

import subprocess
import venv
from pathlib import Path

from bs4 import BeautifulSoup
from factories import article

REPO = Path(__file__).resolve().parents[2]


def run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_properdocs_builds_a_site_with_the_plugin(tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # The plugin's own dependencies but mkdocs (installed --no-deps below): Pillow reads images.
    install = run(
        python, "-m", "pip", "install", "-q", "properdocs", "properdocs-theme-mkdocs", "Pillow"
    )
    assert install.returncode == 0, install.stderr
    install = run(python, "-m", "pip", "install", "-q", "--no-deps", REPO)
    assert install.returncode == 0, install.stderr
    # The plugin's dependencies other than mkdocs (and those ProperDocs brings itself).
    install = run(python, "-m", "pip", "install", "-q", "pillow", "python-bidi", "arabic-reshaper")
    assert install.returncode == 0, install.stderr
    assert run(python, "-c", "import mkdocs").returncode != 0, "mkdocs must not be installed"

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "post.md").write_text(article("stance: bearish\nsubject_company: OpenAI", "# Post\n"))
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ntheme: {name: mkdocs}\nplugins:\n  - aicommentary\n"
    )
    result = run(python, "-m", "properdocs", "build", "--strict", cwd=tmp_path)
    assert result.returncode == 0, result.stderr

    html = (tmp_path / "site" / "post" / "index.html").read_text()
    badge = BeautifulSoup(html, "html.parser").select_one(".aic-article-meta .aic-stance")
    assert badge["data-stance"] == "bearish"
