"""Absolute URLs in feeds, sharing tags and JSON-LD: by MkDocs' rule, and every one absolute."""

import json

import feedparser
from helpers import article

PAGES = {
    "index.md": "# Home\n",
    "posts/a.md": article(
        "title: First\ndate: 2026-03-10\nstance: skeptical\nsubject_company: NVIDIA"
    ),
    "posts/b.md": article(
        "title: Second\ndate: 2026-02-01\nstance: bullish\nsubject_company: NVIDIA"
    ),
}


def test_a_site_url_with_a_query_gives_the_urls_mkdocs_gives(build_site_at_url):
    """MkDocs joins ``site_url`` and a page's URL as a browser would, so a query or a fragment
    in ``site_url`` does not end up in front of the page's path; nor in the plugin's URLs."""
    site = build_site_at_url(PAGES, strict=True, extra={"site_url": "https://ex.example/?q=1"})
    assert site.aborted is None, site.warnings
    canonical = {
        url: site.page(url).select_one('link[rel="canonical"]')["href"]
        for url in ("", "posts/a/", "posts/b/", "companies/nvidia/")
    }
    assert canonical["posts/a/"] == "https://ex.example/posts/a/"
    for url in ("posts/a/", "posts/b/"):
        head = site.page(url).head
        assert head.select_one('meta[property="og:url"]')["content"] == canonical[url]
        data = json.loads(head.select_one('script[type="application/ld+json"]').get_text())
        assert data["url"] == canonical[url]
    for feed in ("feed.xml", "companies/nvidia/feed.xml"):
        parsed = feedparser.parse(site.text(feed))
        assert [entry.link for entry in parsed.entries] == [
            canonical["posts/a/"],
            canonical["posts/b/"],
        ]
    assert feedparser.parse(site.text("feed.xml")).feed.link == canonical[""]
    document = json.loads(site.text("companies/nvidia/feed.json"))
    assert document["home_page_url"] == canonical["companies/nvidia/"]
    assert document["feed_url"] == "https://ex.example/companies/nvidia/feed.json"
    hrefs = [
        link["href"] for link in site.page("companies/nvidia/").head.select("link[rel=alternate]")
    ]
    assert hrefs == [
        "https://ex.example/feed.xml",
        "https://ex.example/feed.json",
        "https://ex.example/companies/nvidia/feed.xml",
        "https://ex.example/companies/nvidia/feed.json",
    ]
