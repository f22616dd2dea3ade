"""The documentation site (``mkdocs.yml`` at the root, pages in ``docs/``), built as ``make docs``
builds it (``--strict``, with the plugin), then crawled: every link and image on every page it
writes lands on a file of the site, and every ``#fragment`` on an element of that page."""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def docs_site(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("docs-site")
    handler = _Warnings()
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        config.plugins.on_shutdown()
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    assert handler.messages == []
    return site_dir


def pages(site_dir: Path) -> dict[str, BeautifulSoup]:
    return {
        path.relative_to(site_dir).as_posix(): BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for path in site_dir.rglob("*.html")
    }


def target_file(site_dir: Path, page: str, url: str) -> str | None:
    """The site file a relative ``url`` on ``page`` leads to, None when it leads to none."""
    path = unquote(urlsplit(url).path)
    base = "" if path.startswith("/") else posixpath.dirname(page)  # Served at the root.
    joined = posixpath.normpath(posixpath.join(base, path.lstrip("/"))) if path else page
    for candidate in (joined, f"{joined}/index.html"):
        if (site_dir / candidate).is_file():
            return candidate
    return None


def test_every_link_and_image_on_every_page_lands(docs_site):
    site = pages(docs_site)
    broken = []
    for page, soup in site.items():
        for element in soup.select("a[href], img[src], link[href], script[src]"):
            url = element.get("href") or element.get("src")
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith(("mailto:", "data:")):
                continue
            target = target_file(docs_site, page, url)
            if target is None:
                broken.append((page, url))
            elif parts.fragment and target in site and element.name == "a":
                anchor = unquote(parts.fragment)
                if not site[target].find(id=anchor):
                    broken.append((page, url))
    assert len(site) > 15, sorted(site)
    assert broken == []


def test_the_site_runs_the_plugin(docs_site):
    entry = BeautifulSoup(
        (docs_site / "changelog/check-and-documentation/index.html").read_text("utf-8"),
        "html.parser",
    )
    assert entry.select(".aic-article-meta .aic-topic")  # The header links its topics.
    assert entry.select(".aic-related a")  # The pinned entry, at least.
    newsletter = (docs_site / "newsletter/index.html").read_text("utf-8")
    assert 'class="aic-newsletter"' in newsletter
