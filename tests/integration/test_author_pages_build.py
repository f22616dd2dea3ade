"""Author pages: the fifth index kind, added as one record, its template and translations.

One page per author a post names, with their posts, the chart of where they stand on each
company, and their own feeds; bylines and JSON-LD point at it. Material's own profile pages
(``authors_profiles``) and the author's own pages in the docs win.
"""

from __future__ import annotations

import json

import feedparser
from factories import article
from helpers import SITE_URL, build_fixture

PAGES = {
    "index.md": "# Home\n",
    "posts/a.md": article(
        """
        title: Margins
        date: 2026-03-10
        stance: skeptical
        subject_company: [NVIDIA]
        author: Ada Lovelace
        """
    ),
    "posts/b.md": article(
        """
        title: Chips
        date: 2026-03-12
        stance: bullish
        subject_company: [NVIDIA, AMD]
        author: [Ada Lovelace, Grace Hopper]
        """
    ),
    "posts/d.md": article(
        """
        title: Doubts
        date: 2026-03-01
        stance: skeptical
        subject_company: NVIDIA
        author: Ada Lovelace
        """
    ),
    "posts/c.md": article(
        """
        title: Own site
        date: 2026-03-14
        stance: bullish
        subject_company: AMD
        author: Grace Hopper
        """
    ),
}


def json_ld(soup):
    return json.loads(soup.head.select_one('script[type="application/ld+json"]').string)


def test_each_author_gets_a_page_with_posts_chart_and_feeds(build_site_at_url):
    site = build_site_at_url(PAGES, strict=True)
    assert site.aborted is None, site.warnings
    page = site.page("authors/ada-lovelace/")
    assert page.h1.get_text(strip=True) == "Ada Lovelace"
    listed = [a.get_text(strip=True) for a in page.select(".aic-index-entry .aic-index-title a")]
    assert listed == ["Chips", "Margins", "Doubts"]
    chart = page.select_one('[data-chart="stance-by-company"]')
    assert chart.svg.title.get_text() == "Where Ada Lovelace stands, by company"
    rows = [
        (row["data-label"], row["data-count"], row.get("data-stance"))
        for row in chart.select(".aic-chart-row")
    ]
    # NVIDIA: two skeptical posts, one bullish; the stance is named, not only coloured.
    assert rows == [("NVIDIA (Skeptical)", "3", "skeptical"), ("AMD (Bullish)", "1", "bullish")]
    feed = feedparser.parse(site.text("authors/ada-lovelace/feed.xml"))
    assert feed.feed.description == "Articles by Ada Lovelace from Test publication."
    assert [entry.title for entry in feed.entries] == ["Chips", "Margins", "Doubts"]
    overview = site.page("authors/")
    names = [a.get_text(strip=True) for a in overview.select(".aic-index-term a")]
    assert names == ["Ada Lovelace", "Grace Hopper"]


def test_bylines_and_json_ld_point_at_the_author_page(build_site_at_url):
    site = build_site_at_url(PAGES, strict=True)
    page = site.page("posts/b/")
    links = {a.get_text(): a["href"] for a in page.select(".aic-byline a.aic-author")}
    assert links == {
        "Ada Lovelace": "../../authors/ada-lovelace/",
        "Grace Hopper": "../../authors/grace-hopper/",
    }
    people = json_ld(page)["author"]
    assert [person["url"] for person in people] == [
        f"{SITE_URL}authors/ada-lovelace/",
        f"{SITE_URL}authors/grace-hopper/",
    ]


def test_the_authors_own_page_in_the_docs_wins(build_site_at_url):
    pages = {**PAGES, "authors/grace-hopper.md": "# Grace\n\nRear admiral and writer.\n"}
    site = build_site_at_url(pages, strict=True)
    assert site.aborted is None, site.warnings
    page = site.page("authors/grace-hopper/")
    assert "Rear admiral and writer." in page.get_text()
    assert [a.get_text(strip=True) for a in page.select(".aic-index-title a")] == [
        "Own site",
        "Chips",
    ]


def test_switched_off_there_are_no_pages_and_no_links(build_site_at_url):
    site = build_site_at_url(PAGES, {"index": {"authors": {"enabled": False}}}, strict=True)
    assert not site.exists("authors/")
    assert site.page("posts/b/").select(".aic-byline a") == []
    assert all("url" not in person for person in json_ld(site.page("posts/b/"))["author"])


def test_material_blog_authors_get_pages_with_their_profile(tmp_path):
    site = build_fixture("material_blog", tmp_path)
    assert site.aborted is None, site.warnings
    page = site.page("authors/tomas-brandt/")
    assert page.select_one(".aic-author-description").get_text() == (
        "Writes about software ecosystems"
    )
    assert page.select_one(".aic-author-avatar")["src"] == "https://avatars.example/tomas.png"
    post = site.page("blog/2026/05/01/the-moat-holds/")
    assert json_ld(post)["author"]["url"] == "https://ledger.example/authors/tomas-brandt/"


def test_material_profiles_are_linked_not_taken_over(tmp_path):
    def profiles(settings):
        settings["plugins"][1]["blog"]["authors_profiles"] = True

    site = build_fixture("material_blog", tmp_path, profiles)
    assert site.aborted is None, site.warnings
    assert not site.exists("authors/")
    assert site.exists("blog/author/tomas/")
    post = site.page("blog/2026/05/01/the-moat-holds/")
    assert json_ld(post)["author"]["url"] == "https://ledger.example/blog/author/tomas/"
