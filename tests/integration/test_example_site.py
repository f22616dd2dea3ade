"""The demo publication builds cleanly with --strict, as `make demo` promises."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

EXAMPLE = Path(__file__).resolve().parents[2] / "example_site"


def test_example_site_builds_strict_with_a_header_and_signup_on_every_post(tmp_path):
    shutil.copytree(EXAMPLE / "docs", tmp_path / "docs")
    shutil.copy(EXAMPLE / "mkdocs.yml", tmp_path / "mkdocs.yml")
    config = load_config(str(tmp_path / "mkdocs.yml"), strict=True)
    build(config)  # raises Abort on any warning

    posts = sorted((EXAMPLE / "docs" / "posts").glob("*.md"))
    drafts = [p for p in posts if yaml.safe_load(p.read_text().split("---")[1]).get("draft")]
    assert len(posts) - len(drafts) >= 12 and drafts
    for post in posts:
        built = tmp_path / "site" / "posts" / post.stem / "index.html"
        if post in drafts:
            assert not built.exists()
            continue
        page = BeautifulSoup(built.read_text(), "html.parser")
        assert page.select_one(".aic-article-meta .aic-stance") is not None, post.name
        # A signup block on every post, right after the "Read next" box.
        [signup] = page.select("section.aic-newsletter")
        assert signup.form["action"] == "https://example.com/subscribe", post.name
        assert "aic-related" in signup.find_previous_sibling()["class"], post.name
    about = BeautifulSoup((tmp_path / "site" / "about" / "index.html").read_text(), "html.parser")
    assert about.select_one(".aic-article-meta") is None
    assert about.select_one("section.aic-newsletter") is None


def test_example_site_has_index_pages_with_charts_feeds_and_the_editors_page(tmp_path):
    shutil.copytree(EXAMPLE / "docs", tmp_path / "docs")
    shutil.copy(EXAMPLE / "mkdocs.yml", tmp_path / "mkdocs.yml")
    build(load_config(str(tmp_path / "mkdocs.yml"), strict=True))
    site = tmp_path / "site"

    def page(url: str) -> BeautifulSoup:
        return BeautifulSoup((site / url / "index.html").read_text(), "html.parser")

    nvidia = page("companies/nvidia")
    text = str(nvidia.select_one(".md-content"))
    assert text.index("written by the editors") < text.index('class="aic-index"')
    assert text.index('class="aic-index"') < text.index("How we cover NVIDIA")
    assert len(nvidia.select(".aic-index-charts svg[role=img]")) == 2
    assert len(nvidia.select(".aic-index-entry")) >= 3
    assert (site / "companies" / "nvidia" / "feed.xml").is_file()
    for overview in ("companies", "topics", "stances"):
        assert page(overview).select(".aic-index-term"), overview
    assert page("").select_one('nav a[href="companies/"]') is not None
