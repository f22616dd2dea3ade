"""Index pages as a reader meets them on a Material blog: one style of date on a page, overviews
reachable from the posts and worth indexing, term pages that say what they are, and generated
pages that keep nothing the site's ``.meta.yml`` meant for posts.

One build of the Material blog fixture (tests/fixtures/material_blog), with what such a site
also has: Material's ``meta`` plugin and a root ``.meta.yml`` that turns comments on, and the
theme override of ``partials/comments.html`` that Material's docs give for comments.
"""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from helpers import BuiltSite, build_fixture

FIRST_POST = "blog/2026/03/02/the-gpu-makers-open-weights-bet/"
MOAT_POST = "blog/2026/05/01/the-moat-holds/"
COMMENTS = '{% if page.meta.comments %}<h2 id="__comments">Comments</h2>{% endif %}\n'


@pytest.fixture(scope="module")
def blog(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("material-blog-index-pages")

    def edit(settings: dict) -> None:
        (root / "docs" / ".meta.yml").write_text("comments: true\n", encoding="utf-8")
        (root / "overrides" / "partials").mkdir(parents=True)
        (root / "overrides" / "partials" / "comments.html").write_text(COMMENTS)
        settings["theme"]["custom_dir"] = "overrides"
        settings["plugins"].insert(1, "meta")
        options = next(
            p for p in settings["plugins"] if isinstance(p, dict) and "aicommentary" in p
        )
        # The posts tag "software moats" and "open models"; the site names them.
        options["aicommentary"]["topics"] = {"Software moats": None, "Open models": {}}
        # Material shows the posts' categories itself, which the header leaves out by default
        # (test_material_neighbours); here the header names every topic, linked to its page.
        options["aicommentary"]["header_topics"] = "all"

    site = build_fixture("material_blog", root, edit)
    assert site.aborted is None, site.warnings
    assert site.warnings == []
    return site


def page(site: BuiltSite, url: str) -> BeautifulSoup:
    return BeautifulSoup((site.site_dir / url / "index.html").read_text(), "html.parser")


def target(site: BuiltSite, url: str, href: str) -> Path:
    """The file a link on the page at ``url`` leads to."""
    path = urllib.parse.urljoin("/" + url, href).lstrip("/")
    return site.site_dir / (path + "index.html" if path.endswith("/") or not path else path)


def test_the_plugins_dates_read_as_the_blogs_own(blog):
    """Material writes "March 2, 2026" (Babel, its post_date_format "long", the theme's
    language); every date the plugin writes on a post page reads as Material writes that day
    on its blog index."""
    blog_index = page(blog, "blog")
    materials = {
        t["datetime"][:10]: t.get_text(strip=True)
        for t in blog_index.select("time[datetime]")
        if "aic-date" not in (t.get("class") or [])
    }
    assert materials["2026-03-02"] == "March 2, 2026"
    first = page(blog, FIRST_POST)
    [header_date] = first.select(".md-content time:not(.aic-date)")[:1]
    assert header_date.get_text(strip=True) == "March 2, 2026"
    ours = [(t["datetime"], t.get_text(strip=True)) for t in first.select("time.aic-date")]
    assert ours  # The "Read next" box dates its posts.
    for day, text in ours:
        assert text == materials[day], day


def test_each_overview_is_reachable_from_a_post_and_says_something_to_search(blog):
    header = page(blog, FIRST_POST).select_one(".aic-article-meta")
    labels = {a.get_text(strip=True): a["href"] for a in header.select("a.aic-label")}
    assert set(labels) == {"On", "Topics"}
    assert target(blog, FIRST_POST, labels["Topics"]) == blog.site_dir / "topics" / "index.html"
    assert target(blog, FIRST_POST, labels["On"]) == blog.site_dir / "companies" / "index.html"

    overview = page(blog, "topics")
    terms = overview.select("li.aic-index-term")
    published = len(page(blog, "blog").select("article.md-post--excerpt"))  # One page.
    assert overview.select_one(".aic-overview-summary").get_text(strip=True) == (
        f"{len(terms)} topics in {published} articles."  # Every published post has a topic.
    )
    moats = overview.select_one('.aic-index-term[data-slug="software-moats"]')
    assert moats.get_text(" ", strip=True) == "Software moats 2 articles latest May 1, 2026"

    index = json.loads((blog.site_dir / "search" / "search_index.json").read_text())
    text = {doc["location"]: doc["text"] for doc in index["docs"]}
    assert "Software moats 2 articles" in " ".join(text["topics/"].split())
    assert "Topic 2 articles since April 10, 2026." in " ".join(
        text["topics/software-moats/"].split()
    )


def test_generated_pages_keep_nothing_the_sites_meta_file_meant_for_posts(blog):
    assert page(blog, FIRST_POST).select_one("#__comments") is not None
    for url in ("topics", "topics/software-moats", "companies", "companies/nvidia", "stances"):
        assert page(blog, url).select_one("#__comments") is None, url


def test_a_term_page_says_what_it_is_how_many_since_when_and_offers_its_feeds(blog):
    moats = page(blog, "topics/software-moats")
    assert moats.select_one(".md-content h1").get_text(strip=True) == "Software moats"
    summary = moats.select_one(".aic-term-summary")
    kind = summary.select_one("a.aic-term-kind")
    assert kind.get_text() == "Topic"  # And it leads to every topic.
    assert target(blog, "topics/software-moats/", kind["href"]) == (
        blog.site_dir / "topics" / "index.html"
    )
    assert summary.select_one(".aic-term-count").get_text() == "2 articles since April 10, 2026."
    feeds = {a.get_text(strip=True): a["href"] for a in summary.select("a.aic-feed-link")}
    assert set(feeds) == {"RSS feed"}  # A term's JSON Feed only with index.json_feeds.
    rss = feedparser.parse(target(blog, "topics/software-moats/", feeds["RSS feed"]).read_text())
    assert len(rss.entries) == 2 and rss.feed.title.startswith("Software moats")
    one = page(blog, "topics/tpus").select_one(".aic-term-count").get_text()
    assert one == "1 article, from June 12, 2026."
    company = page(blog, "companies/nvidia").select_one(".aic-term-kind").get_text()
    assert company == "Company"


def test_a_topic_shows_under_the_name_the_site_gives_it_at_its_old_address(blog):
    header = page(blog, MOAT_POST).select_one(".aic-article-meta")
    topics = [a.get_text(strip=True) for a in header.select("a.aic-topic")]
    assert "Software moats" in topics and "software moats" not in topics
    overview = page(blog, "topics")
    names = {
        li["data-slug"]: li.a.get_text(strip=True) for li in overview.select("li.aic-index-term")
    }
    # Named by the site, at the addresses the tags have always had.
    assert names["software-moats"] == "Software moats"
    assert names["open-models"] == "Open models"
