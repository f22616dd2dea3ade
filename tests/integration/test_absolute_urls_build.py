"""Absolute URLs in feeds, sharing tags and JSON-LD: by MkDocs' rule, and every one absolute."""

import json

import feedparser
from bs4 import BeautifulSoup
from factories import article
from helpers import SITE_URL

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
    site = build_site_at_url(
        PAGES,
        {"index": {"json_feeds": True}},
        strict=True,
        extra={"site_url": "https://ex.example/?q=1"},
    )
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
        link["href"] for link in site.page("companies/nvidia/").head.select("link[rel~=alternate]")
    ]
    assert hrefs == [
        "https://ex.example/feed.xml",
        "https://ex.example/feed.json",
        "https://ex.example/companies/nvidia/feed.xml",
        "https://ex.example/companies/nvidia/feed.json",
    ]


MEDIA = """Words first.

![A chart](chart.png)

<img srcset="small.png 1x, large.png 2x" src="small.png" alt="x">
<video poster="still.jpg" src="clip.mp4"></video>
<a href='../a/'>single quotes</a> <a href=../b/>no quotes</a>
<svg><a xlink:href="../a/"><text>svg</text></a></svg>

Inline code `<img src="inline.png">` and [a link](a.md).

```html
<a href="../x/">a sample</a>
```
"""
URL_ATTRIBUTES = ("href", "src", "poster", "xlink:href")


def test_full_content_feeds_have_every_url_absolute_and_code_as_written(build_site_at_url):
    pages = {**PAGES, "posts/c.md": article("title: Media\ndate: 2026-04-01\nstance: mixed", MEDIA)}
    pages["posts/chart.png"] = "not really a picture"
    site = build_site_at_url(pages, {"site_feed": {"content": "full"}}, strict=True)
    assert site.aborted is None, site.warnings
    item = json.loads(site.text("feed.json"))["items"][0]
    # As the feed says it: feedparser would otherwise resolve URLs itself and drop srcset.
    rss = feedparser.parse(site.text("feed.xml"), resolve_relative_uris=False, sanitize_html=False)
    encoded = rss.entries[0].content[0].value
    for html in (item["content_html"], encoded):
        content = BeautifulSoup(html, "html.parser")
        urls = [
            tag[name] for tag in content.find_all(True) for name in URL_ATTRIBUTES if tag.get(name)
        ]
        urls += [c.split()[0] for c in content.select_one("img[srcset]")["srcset"].split(",")]
        assert len(urls) == 10
        assert all(url.startswith(f"{SITE_URL}posts/") for url in urls), urls
        assert f"{SITE_URL}posts/b/" in urls and f"{SITE_URL}posts/c/large.png" in urls
        assert [code.get_text() for code in content.select("code")] == [
            '<img src="inline.png">',
            '<a href="../x/">a sample</a>\n',
        ]


def test_a_url_python_cannot_read_is_left_as_written(build_site_at_url):
    """``urljoin`` raises on a host like ``[x``; the feed keeps the link as the post has it."""
    body = 'A <a href="http://[x">broken host</a> and <a href="../b/">a good one</a>.\n'
    pages = {**PAGES, "posts/c.md": article("title: Odd\ndate: 2026-04-01\nstance: mixed", body)}
    site = build_site_at_url(pages, {"site_feed": {"content": "full"}}, strict=True)
    assert site.aborted is None, site.warnings
    content = BeautifulSoup(
        json.loads(site.text("feed.json"))["items"][0]["content_html"], "html.parser"
    )
    assert [a["href"] for a in content.select("a")] == ["http://[x", f"{SITE_URL}posts/b/"]
