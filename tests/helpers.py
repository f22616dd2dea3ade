"""Build a real MkDocs site in a temporary folder and read it as a browser would."""

from __future__ import annotations

import logging
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort


@dataclass
class BuiltSite:
    """The result of one build: where it went, what was logged, and whether it aborted."""

    site_dir: Path
    docs_dir: Path
    config_file: Path
    warnings: list[str] = field(default_factory=list)
    aborted: str | None = None

    def page(self, url: str) -> BeautifulSoup:
        """Parse the HTML the site serves at ``url`` ("posts/a/" or "posts/a.html")."""
        path = self.site_dir / url
        if url.endswith("/") or url == "":
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def exists(self, url: str) -> bool:
        path = self.site_dir / url
        return (path / "index.html").is_file() if url.endswith("/") else path.is_file()

    def text(self, relative_path: str) -> str:
        return (self.site_dir / relative_path).read_text(encoding="utf-8")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


SITE_URL = "https://commentary.example/"
"""The site_url of test sites that need absolute links (feeds, JSON-LD, sitemap)."""


def make_builder(tmp_path: Path) -> Callable[..., BuiltSite]:
    """Write ``pages`` ({path: markdown}) and a mkdocs.yml, build in-process, return the result.

    ``plugin`` holds the aicommentary options; ``plugins`` adds other plugins after it (say
    ``["search"]``); ``extra`` adds or overrides top-level mkdocs.yml keys; ``serve`` builds the
    way ``mkdocs serve`` does; ``site_url`` sets mkdocs.yml's.
    The plugin object is the same across builds in one process, as under ``mkdocs serve``.
    """
    counter = iter(range(1000))

    def _build(
        pages: Mapping[str, str],
        plugin: Mapping[str, Any] | None = None,
        *,
        strict: bool = False,
        theme: str | Mapping[str, Any] = "mkdocs",
        extra: Mapping[str, Any] | None = None,
        root: Path | None = None,
        plugins: Sequence[str | Mapping[str, Any]] = (),
        serve: bool = False,
        site_url: str | None = None,
    ) -> BuiltSite:
        root = root or tmp_path / f"site{next(counter)}"
        docs_dir = root / "docs"
        for path, text in pages.items():
            target = docs_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        docs_dir.mkdir(parents=True, exist_ok=True)
        settings: dict[str, Any] = {
            "site_name": "Test publication",
            "theme": theme if isinstance(theme, Mapping) else {"name": theme},
            "plugins": [{"aicommentary": dict(plugin or {})}, *plugins],
            "strict": strict,
            **({"site_url": site_url} if site_url else {}),
            **(extra or {}),
        }
        config_file = root / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
        result = BuiltSite(root / "site", docs_dir, config_file)

        handler = _Collect()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(handler)
        try:
            # With a serve_url, MkDocs builds as `mkdocs serve` does (drafts included).
            build(
                load_config(str(config_file)), serve_url="http://127.0.0.1:8000/" if serve else None
            )
        except Abort as error:
            result.aborted = str(error)
        finally:
            logger.removeHandler(handler)
        result.warnings = handler.messages
        return result

    return _build


def article(front_matter: str, body: str = "Some words about the subject.\n") -> str:
    """A Markdown post from a front matter block (without the ``---`` lines) and a body."""
    return f"---\n{textwrap.dedent(front_matter).strip()}\n---\n\n{textwrap.dedent(body)}"
