"""Real builds where authors type what the plugin marks its own work with (issue 19, item 4).

Private-use characters, comments shaped like the plugin's slots and markers, in bodies, titles,
summaries and names: the build finishes, each comes out as the author typed it, and every box
appears once, where the plugin put it.
"""

from __future__ import annotations

import json

import feedparser
import pytest
from helpers import article, dead_links

LEDE = "Margins \ue00099999999999\ue001 and \ue00060\ue001 held."
TITLE = "x\ue0f5../y"


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_private_use_characters_are_text_in_every_output(build_site_at_url, theme):
    pages = {
        "index.md": "# Home\n\n<!-- aicommentary:latest -->\n",
        "posts/a.md": article(
            f"title: '{TITLE}'\ndate: 2026-03-01\nstance: bullish\ntopics: [chips]",
            f"{LEDE}\n\nMore words.\n",
        ),
    }
    site = build_site_at_url(pages, strict=True, theme=theme)
    assert site.aborted is None, site.warnings
    for url in ("", "topics/chips/", "archive/", "stances/bullish/"):
        listing = site.page(url)
        assert [a.get_text() for a in listing.select(".aic-index-title a")] == [TITLE], url
        assert [p.get_text() for p in listing.select(".aic-excerpt")] == [LEDE], url
    post = site.page("posts/a/")
    assert post.select_one('meta[name="description"]')["content"] == LEDE
    assert post.select_one('meta[property="og:title"]')["content"] == TITLE
    feed = json.loads(site.text("feed.json"))
    assert [(item["title"], item["summary"]) for item in feed["items"]] == [(TITLE, LEDE)]
    entry = feedparser.parse(site.text("topics/chips/feed.xml")).entries[0]
    assert (entry.title, entry.summary) == (TITLE, LEDE)
    assert dead_links(site) == []
