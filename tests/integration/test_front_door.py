"""The publication's front door: archive, latest posts, site feeds, sharing tags, nav."""

from __future__ import annotations

import json
import logging
import urllib.parse
from datetime import date

import feedparser
import pytest
from factories import article, markdown_post
from helpers import SITE_URL, BuiltSite, dead_links


def post(number: int, **fields: object) -> str:
    """Post ``number`` of this publication: on the 10th of month ``number`` of 2026, about
    NVIDIA's AI hardware, bullish and skeptical by turns."""
    front_matter = {
        "title": f"Post number {number}",
        "date": date(2026, number, 10),
        "stance": "bullish" if number % 2 else "skeptical",
        "subject_company": "NVIDIA",
        "topics": ["AI hardware"],
        **fields,
    }
    return markdown_post(**front_matter)


PAGES = {
    "index.md": "# The Ledger\n\nWelcome.\n\n<!-- aicommentary:latest -->\n\nMore below.\n",
    **{f"posts/p{number}.md": post(number) for number in range(1, 6)},
    "posts/linked.md": article(
        "title: With links\ndate: 2026-08-01\nstance: mixed\nsubject_company: AMD\n"
        "author: Ada\nsummary: A short summary.",
        "# With links\n\nSee [the first post](p1.md) and ![a chart](chart.png).\n\nMore text.\n",
    ),
    "posts/chart.png": "not really a picture\n",
    "posts/draft.md": post(9, title="Secret draft", draft=True),
}
NEWEST_FIRST = ["With links", *(f"Post number {n}" for n in range(5, 0, -1))]


def titles(soup) -> list[str]:
    return [a.get_text() for a in soup.select(".aic-index-title a")]


def test_the_archive_lists_every_post_newest_first_on_numbered_pages(build_site_at_url):
    site = build_site_at_url(PAGES, {"index": {"compact_per_page": 4}}, strict=True)
    assert site.aborted is None, site.warnings
    first, second = site.page("archive/"), site.page("archive/page/2/")
    assert first.select_one("h1").get_text() == "Archive"
    assert titles(first) + titles(second) == NEWEST_FIRST
    assert first.select_one(".aic-pagination a[rel=next]")["href"] == "page/2/"
    assert dead_links(site) == []


def test_an_authors_archive_page_gets_the_listing_at_its_marker(build_site_at_url):
    pages = {
        **PAGES,
        "archive.md": "# Everything\n\nIntro.\n\n<!-- aicommentary:index -->\n\nEnd.\n",
    }
    site = build_site_at_url(pages, strict=True)
    soup = site.page("archive/")
    assert soup.select_one("h1").get_text() == "Everything"
    text = str(soup)
    assert text.index("Intro.") < text.index('class="aic-index"') < text.index("End.")
    assert titles(soup) == NEWEST_FIRST


def test_one_archive_page_per_year(build_site_at_url):
    pages = {**PAGES, "posts/old.md": post(1, title="Last year", date=date(2025, 12, 1))}
    site = build_site_at_url(pages, {"index": {"archive": {"by_year": True}}}, strict=True)
    assert site.aborted is None, site.warnings
    assert titles(site.page("archive/2025/")) == ["Last year"]
    assert titles(site.page("archive/2026/")) == NEWEST_FIRST
    assert dead_links(site) == []


def test_latest_posts_replace_the_marker_with_a_link_to_the_archive(build_site_at_url):
    site = build_site_at_url(PAGES, {"latest": {"count": 3}}, strict=True)
    assert site.aborted is None, site.warnings
    home = site.page("")
    latest = home.select_one(".aic-latest")
    assert titles(latest) == NEWEST_FIRST[:3]
    assert latest.select_one(".aic-latest-more a")["href"] == "archive/"
    text = str(home)
    assert "aicommentary:latest" not in text
    assert text.index("Welcome.") < text.index("aic-latest") < text.index("More below.")
    assert dead_links(site) == []


def test_a_post_at_the_site_root_is_linked_right_from_every_depth(build_site_at_url):
    # A listing entry is rendered once, its way back to the root put in by each listing; the
    # link to the root itself is "./" there, not an empty href.
    home = post(7, title="The home post")
    pages = {"index.md": home + "\n<!-- aicommentary:latest -->\n", "posts/p1.md": post(1)}
    site = build_site_at_url(pages, strict=True)
    assert site.aborted is None, site.warnings

    def href(soup, title):
        return next(a["href"] for a in soup.select(".aic-index-title a") if a.get_text() == title)

    assert href(site.page(""), "The home post") == "./"
    assert href(site.page("archive/"), "The home post") == "../"
    assert href(site.page("companies/nvidia/"), "The home post") == "../../"
    assert href(site.page("companies/nvidia/"), "Post number 1") == "../../posts/p1/"
    assert "\ue0f5" not in (site.site_dir / "companies/nvidia/index.html").read_text("utf-8")
    assert dead_links(site) == []


def test_an_index_marker_outside_index_pages_is_reported_and_removed(build_site_at_url):
    pages = {**PAGES, "about.md": "# About\n\n<!-- aicommentary:index -->\n"}
    site = build_site_at_url(pages, {"index": {"archive": {"enabled": False}}})
    assert any("about.md" in w and "aicommentary:latest" in w for w in site.warnings)
    assert "aicommentary:index" not in site.text("about/index.html")
    assert site.page("").select_one(".aic-latest-more") is None  # No archive to link to.


def test_site_feeds_carry_the_newest_posts_in_full(build_site_at_url):
    site = build_site_at_url(PAGES, {"site_feed": {"count": 3}}, strict=True)
    assert site.aborted is None, site.warnings
    rss = feedparser.parse(site.text("feed.xml"))
    assert rss.bozo == 0, rss.get("bozo_exception")
    assert [entry.title for entry in rss.entries] == NEWEST_FIRST[:3]
    first = rss.entries[0]
    assert first.link == f"{SITE_URL}posts/linked/"
    assert first.author == "Ada"
    assert first.summary == "A short summary."
    assert [tag.term for tag in first.tags] == ["AMD", "Mixed"]
    content = first.content[0].value
    assert f'href="{SITE_URL}posts/p1/"' in content
    assert f'src="{SITE_URL}posts/chart.png"' in content
    assert "aicommentary" not in content  # No slot of the page's boxes.
    assert "<h1" not in content  # The title is the item's own, not repeated in its text.
    document = json.loads(site.text("feed.json"))
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["feed_url"] == f"{SITE_URL}feed.json"
    assert [item["title"] for item in document["items"]] == NEWEST_FIRST[:3]
    assert f'href="{SITE_URL}posts/p1/"' in document["items"][0]["content_html"]
    assert "Secret draft" not in site.text("feed.xml") + site.text("feed.json")


def test_site_feeds_with_summaries_only_and_an_authors_own_file(build_site_at_url):
    pages = {**PAGES, "feed.json": '{"version": "mine"}\n'}
    site = build_site_at_url(pages, {"site_feed": {"content": "summary"}}, strict=True)
    entry = feedparser.parse(site.text("feed.xml")).entries[0]
    assert "content" not in entry
    assert json.loads(site.text("feed.json")) == {"version": "mine"}
    hrefs = [link["href"] for link in site.page("").select("link[rel~=alternate]")]
    assert hrefs == [f"{SITE_URL}feed.xml"]


def meta(soup, key: str) -> list[str]:
    return [tag["content"] for tag in soup.select(f'meta[property="{key}"], meta[name="{key}"]')]


def test_posts_carry_open_graph_and_twitter_tags(build_site_at_url):
    pages = {
        **PAGES,
        "posts/updated.md": article(
            "title: Revised\ndate: {created: 2026-09-01, updated: 2026-09-03}\n"
            "stance: neutral\nsubject_company: [AMD, NVIDIA]\ntopics: [Chips & <b>]\n"
            "summary: Both sides, revised."
        ),
    }
    site = build_site_at_url(pages, strict=True, extra={"site_author": "The Desk"})
    soup = site.page("posts/updated/")
    assert meta(soup, "og:title") == ["Revised"]
    assert meta(soup, "og:type") == ["article"]
    assert meta(soup, "og:url") == [f"{SITE_URL}posts/updated/"]
    assert meta(soup, "og:site_name") == ["Test publication"]
    assert meta(soup, "og:description") == ["Both sides, revised."]
    assert meta(soup, "description") == ["Both sides, revised."]
    assert meta(soup, "article:published_time") == ["2026-09-01T00:00:00Z"]
    assert meta(soup, "article:modified_time") == ["2026-09-03T00:00:00Z"]
    assert meta(soup, "article:author") == []  # A profile URL or nothing: "The Desk" has none.
    assert meta(soup, "article:tag") == ["AMD", "NVIDIA", "Chips & <b>", "Neutral"]
    assert meta(soup, "twitter:card") == ["summary"]
    assert meta(site.page(""), "og:type") == []  # Only posts are articles.


def test_no_sharing_tag_is_written_twice(build_site_at_url, tmp_path):
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block extrahead %}'
        '<meta property="og:title" content="From the theme">{% endblock %}'
    )
    theme = {"name": "mkdocs", "custom_dir": str(overrides)}
    site = build_site_at_url(PAGES, theme=theme, extra={"site_description": "The site."})
    soup = site.page("posts/linked/")
    assert meta(soup, "og:title") == ["From the theme"]
    assert meta(soup, "og:description") == ["A short summary."]
    assert meta(soup, "description") == ["A short summary."]  # Not the site's description.


def clicks_from_home(site: BuiltSite, depth: int) -> set[str]:
    """Every page reachable from the home page in ``depth`` clicks on any link."""
    seen, frontier = {""}, {""}
    for _ in range(depth):
        following = set()
        for url in frontier:
            for anchor in site.page(url).select("a[href]"):
                href = urllib.parse.urljoin("/" + url, anchor["href"].split("#")[0]).lstrip("/")
                if "://" not in anchor["href"] and site.exists(href) and href not in seen:
                    following.add(href)
        seen |= following
        frontier = following
    return seen


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_posts_out_of_the_nav_are_two_clicks_from_home(build_site_at_url, theme):
    pages = {
        **PAGES,
        **{f"posts/more{n}.md": post(n % 9 + 1, title=f"More {n}") for n in range(30)},
    }
    site = build_site_at_url(
        pages,
        {"articles_in_nav": False, "index": {"compact_per_page": 10}},
        strict=True,
        theme=theme,
    )
    assert site.aborted is None, site.warnings
    nav = site.page("").select_one("nav, .md-nav, .navbar")
    nav_links = {a["href"] for a in site.page("").select(".md-nav a[href], .navbar a[href]")}
    assert not any("posts/" in href for href in nav_links), nav_links
    assert "archive/" in nav_links and "archive/page/4/" in nav_links
    assert nav is not None
    posts = {
        path.removesuffix(".md") + "/"
        for path in pages
        if path.startswith("posts/") and path.endswith(".md") and path != "posts/draft.md"
    }
    assert len(posts) == 36
    assert posts <= clicks_from_home(site, 2)


def test_an_explicit_nav_without_posts_gets_no_omitted_page_notices(build_site_at_url, caplog):
    caplog.set_level(logging.INFO, logger="mkdocs")
    site = build_site_at_url(
        PAGES, {"articles_in_nav": False}, strict=True, extra={"nav": [{"Home": "index.md"}]}
    )
    assert site.aborted is None, site.warnings
    assert "posts/p1.md" not in caplog.text
    assert "archive/" in {a["href"] for a in site.page("").select(".navbar a[href]")}


def test_the_archive_takes_the_place_of_the_posts_in_an_automatic_nav(build_site_at_url):
    pages = {
        **PAGES,
        "about.md": "# About\n",
        "guides/start.md": "# Start here\n",
        "zines/first.md": "# First zine\n",
    }
    site = build_site_at_url(pages, {"articles_in_nav": False}, strict=True)
    assert site.aborted is None, site.warnings
    top = [
        item.select_one("a").get_text(strip=True)
        for item in site.page("").select(".navbar-nav:not(.ms-md-auto) > li")
    ]
    assert top == ["The Ledger", "About", "Guides", "Archive", "Zines"]
