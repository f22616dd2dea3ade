"""Per-company, per-topic and per-stance feeds and the site's own, linked from pages' heads."""

import json
import logging

import feedparser
from factories import article
from helpers import SITE_URL

PAGES = {
    "index.md": "# Home\n",
    "posts/a.md": article(
        """
        title: Chips & "margins"
        date: 2026-03-10T08:00:00
        stance: skeptical
        subject_company: NVIDIA
        topics: [AI hardware]
        author: Ada
        summary: Margins cannot stay this high.
        """
    ),
    "posts/b.md": article(
        """
        title: The second source
        date: 2026-02-01
        stance: bullish
        subject_company: [NVIDIA, AMD]
        """
    ),
    "posts/c.md": article(
        """
        title: Draft thoughts
        date: 2026-04-01
        stance: bullish
        subject_company: NVIDIA
        draft: true
        """
    ),
}


def test_rss_feed_is_valid_and_lists_like_the_page(build_site_at_url):
    site = build_site_at_url(PAGES, strict=True, extra={"site_author": "The Desk"})
    assert site.aborted is None, site.warnings
    parsed = feedparser.parse(site.text("companies/nvidia/feed.xml"))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.feed.link == f"{SITE_URL}companies/nvidia/"
    assert [entry.title for entry in parsed.entries] == ['Chips & "margins"', "The second source"]
    assert [entry.link for entry in parsed.entries] == [
        f"{SITE_URL}posts/a/",
        f"{SITE_URL}posts/b/",
    ]
    assert [entry.author for entry in parsed.entries] == ["Ada", "The Desk"]
    assert parsed.entries[0].summary == "Margins cannot stay this high."
    listing = [a.get_text() for a in site.page("companies/nvidia/").select(".aic-index-title a")]
    assert listing == [entry.title for entry in parsed.entries]


def test_json_feed_and_topic_feeds(build_site_at_url):
    site = build_site_at_url(PAGES, {"index": {"json_feeds": True}}, strict=True)
    document = json.loads(site.text("companies/nvidia/feed.json"))
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["feed_url"] == f"{SITE_URL}companies/nvidia/feed.json"
    assert [item["url"] for item in document["items"]] == [
        f"{SITE_URL}posts/a/",
        f"{SITE_URL}posts/b/",
    ]
    topic = feedparser.parse(site.text("topics/ai-hardware/feed.xml"))
    assert topic.bozo == 0
    assert [entry.title for entry in topic.entries] == ['Chips & "margins"']
    assert site.exists("companies/amd/feed.xml")
    stance = feedparser.parse(site.text("stances/bullish/feed.xml"))
    assert [entry.title for entry in stance.entries] == ["The second source"]
    assert stance.feed.subtitle.startswith("Bullish articles from ")  # Not "Articles on Bullish".
    assert topic.feed.subtitle.startswith("Articles on AI hardware from ")
    assert not site.exists("companies/feed.xml")


def test_terms_get_an_rss_feed_and_no_json_feed_by_default(build_site_at_url):
    """The site keeps both formats; a term's JSON Feed is a file per term no reader needs."""
    site = build_site_at_url(PAGES, strict=True)
    assert site.exists("companies/nvidia/feed.xml") and site.exists("feed.json")
    assert not site.exists("companies/nvidia/feed.json")
    head = site.page("topics/ai-hardware/").head
    hrefs = [link["href"] for link in head.select("link[rel~=alternate]")]
    assert hrefs == [
        f"{SITE_URL}feed.xml",
        f"{SITE_URL}feed.json",
        f"{SITE_URL}topics/ai-hardware/feed.xml",
    ]


def test_pages_link_their_feeds_in_the_head(build_site_at_url):
    site = build_site_at_url(
        PAGES,
        {"index": {"json_feeds": True}},
        strict=True,
        extra={"site_url": "https://example.org/blog/"},
    )
    head = site.page("companies/nvidia/").head
    links = [link["href"] for link in head.select('link[rel~="alternate"]')]
    site_feeds = ["https://example.org/blog/feed.xml", "https://example.org/blog/feed.json"]
    assert links == [
        *site_feeds,
        "https://example.org/blog/companies/nvidia/feed.xml",
        "https://example.org/blog/companies/nvidia/feed.json",
    ]
    # Feed readers want the "alternate" token and a feed type; Material's language switcher
    # takes rel exactly "alternate" for a translation and fetches sitemap.xml beside it.
    assert [link["rel"] for link in head.select('link[rel~="alternate"]')] == [
        ["alternate", "feed"]
    ] * 4
    assert head.select('link[rel="alternate"]') == []
    assert [link["href"] for link in site.page("posts/a/").head.select("link[rel~=alternate]")] == (
        site_feeds
    )
    stance = [
        link["href"] for link in site.page("stances/bullish/").head.select("link[rel~=alternate]")
    ]
    assert stance == [
        *site_feeds,
        *(f"https://example.org/blog/stances/bullish/feed.{x}" for x in ("xml", "json")),
    ]


def test_later_pages_and_author_pages_link_the_feed_too(build_site_at_url):
    pages = {**PAGES, "companies/nvidia.md": "# About NVIDIA\n"}
    site = build_site_at_url(pages, {"index": {"per_page": 1}}, strict=True)
    assert site.aborted is None, site.warnings
    for url in ("companies/nvidia/", "companies/nvidia/page/2/"):
        hrefs = [link["href"] for link in site.page(url).head.select('link[rel~="alternate"]')]
        assert f"{SITE_URL}companies/nvidia/feed.xml" in hrefs, url


def test_without_site_url_feeds_asked_for_are_skipped_with_one_warning(build_site_at_url):
    site = build_site_at_url(PAGES, {"index": {"feeds": True}}, extra={"site_url": None})
    assert len(site.warnings) == 1
    assert "site_url" in site.warnings[0] and "feeds: false" in site.warnings[0]
    assert not site.exists("companies/nvidia/feed.xml")
    assert site.page("companies/nvidia/").head.select('link[rel~="alternate"]') == []
    assert site.exists("companies/nvidia/")


def test_by_default_a_site_without_site_url_builds_strict_without_feeds(build_site_at_url, caplog):
    caplog.set_level(logging.INFO, logger="mkdocs")
    site = build_site_at_url(PAGES, strict=True, extra={"site_url": None})
    assert site.aborted is None, site.warnings
    assert not site.exists("companies/nvidia/feed.xml")
    assert "No feeds for companies, topics and stances" in caplog.text
    assert "No site feed" in caplog.text


def test_feeds_can_be_switched_off(build_site_at_url):
    site = build_site_at_url(
        PAGES, {"index": {"feeds": False}}, strict=True, extra={"site_url": None}
    )
    assert site.aborted is None, site.warnings
    assert not site.exists("companies/nvidia/feed.xml")


def test_feed_items_option_limits_the_feed(build_site_at_url):
    site = build_site_at_url(PAGES, {"index": {"feed_items": 1}}, strict=True)
    parsed = feedparser.parse(site.text("companies/nvidia/feed.xml"))
    assert [entry.title for entry in parsed.entries] == ['Chips & "margins"']


def test_an_authors_own_feed_file_wins(build_site_at_url):
    pages = {**PAGES, "companies/nvidia/feed.xml": "<rss version='2.0'><channel/></rss>\n"}
    site = build_site_at_url(pages, {"index": {"json_feeds": True}}, strict=True)
    assert site.text("companies/nvidia/feed.xml").startswith("<rss version='2.0'>")
    hrefs = [
        link["href"] for link in site.page("companies/nvidia/").head.select("link[rel~=alternate]")
    ]
    assert hrefs == [
        f"{SITE_URL}feed.xml",
        f"{SITE_URL}feed.json",
        f"{SITE_URL}companies/nvidia/feed.json",
    ]


def test_feeds_say_the_sites_language(build_site_at_url):
    """The theme's locale by default; the plugin's ``language`` option when a site sets it."""
    site = build_site_at_url(
        PAGES,
        {"index": {"json_feeds": True}},
        strict=True,
        theme={"name": "mkdocs", "locale": "de_DE"},
    )
    assert feedparser.parse(site.text("feed.xml")).feed.language == "de-de"
    assert json.loads(site.text("companies/nvidia/feed.json"))["language"] == "de-de"
    site = build_site_at_url(PAGES, {"language": "fr"}, strict=True)
    assert feedparser.parse(site.text("feed.xml")).feed.language == "fr"
