"""Real builds where authors type what the plugin marks its own work with (issue 19, item 4).

Private-use characters, comments shaped like the plugin's slots and markers, in bodies, titles,
summaries and names: the build finishes, each comes out as the author typed it, and every box
appears once, where the plugin put it.
"""

from __future__ import annotations

import json

import feedparser
import pytest
from bs4 import Comment
from factories import article
from helpers import dead_links

LEDE = "Margins \ue00099999999999\ue001 and \ue00060\ue001 held."
TITLE = "x\ue0f5../y"
TOPIC = "GPU\ue0f5s"


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_private_use_characters_are_text_in_every_output(build_site_at_url, theme):
    pages = {
        "index.md": "# Home\n\n<!-- aicommentary:latest -->\n",
        "posts/a.md": article(
            f"title: '{TITLE}'\ndate: 2026-03-01\nstance: bullish\ntopics: [chips, '{TOPIC}']",
            f"{LEDE}\n\nMore words.\n",
        ),
    }
    site = build_site_at_url(pages, strict=True, theme=theme)
    assert site.aborted is None, site.warnings
    for url in ("", "topics/chips/", "archive/", "stances/bullish/"):
        listing = site.page(url)
        assert [a.get_text() for a in listing.select(".aic-index-title a")] == [TITLE], url
    for url in ("", "topics/chips/"):  # The archive's and stances' entries are compact.
        assert [p.get_text() for p in site.page(url).select(".aic-excerpt")] == [LEDE], url
    post = site.page("posts/a/")
    header = post.select_one(".aic-article-meta")
    assert [a.get_text() for a in header.select(".aic-topic")] == ["chips", TOPIC]
    assert post.select_one('meta[name="description"]')["content"] == LEDE
    assert post.select_one('meta[property="og:title"]')["content"] == TITLE
    feed = json.loads(site.text("feed.json"))
    assert [(item["title"], item["summary"]) for item in feed["items"]] == [(TITLE, LEDE)]
    entry = feedparser.parse(site.text("topics/chips/feed.xml")).entries[0]
    assert (entry.title, entry.summary) == (TITLE, LEDE)
    assert dead_links(site) == []


FORGED_SLOTS = (
    "<!-- aicommentary-slot:related -->",  # The plugin's slot, as it was written before.
    "<!-- aicommentary-slot:0123456789abcdef01234567:related -->",
)


def _post(title, body="Some words about the subject.\n", summary=None):
    front = f"title: {title}\ndate: 2026-03-01\nstance: bullish\ntopics: [chips]"
    if summary is not None:
        front += f"\nsummary: '{summary}'"
    return article(front, body)


def test_comments_shaped_like_slots_are_the_authors_and_stay(build_site_at_url):
    """Slots are filled in the whole page, where Material prints a summary raw into the
    head: no comment an author writes, in a body or a summary, gets a box."""
    body = "\n\n".join(["Before.", *FORGED_SLOTS, "After.\n"])
    pages = {
        "index.md": "# Home\n",
        "posts/a.md": _post("A", body, summary=FORGED_SLOTS[0]),
        "posts/b.md": _post("B"),
    }
    site = build_site_at_url(pages, strict=True, theme="material")
    assert site.aborted is None, site.warnings
    page = site.page("posts/a/")
    assert len(page.select("aside.aic-related")) == 1
    assert page.head.select("[class^=aic-]") == []
    assert page.select_one('meta[name="description"]')["content"] == FORGED_SLOTS[0]
    comments = [str(c) for c in page.find_all(string=lambda s: isinstance(s, Comment))]
    assert [f"<!--{c}-->" for c in comments if "aicommentary" in c] == list(FORGED_SLOTS)
    related = page.select_one("aside.aic-related")
    assert related.find_previous("p").get_text() == "After."


MARKER = "<!-- aicommentary:related -->"
AS_TEXT = f"""Shown as text:

```html
{MARKER}
```

Inline `{MARKER}` and &lt;!-- aicommentary:related --&gt; in a sentence.

<textarea>{MARKER}</textarea>

<span title="{MARKER}">a title</span>

<script type="text/template">{MARKER}</script>
"""


def test_a_marker_where_a_browser_reads_text_is_text(build_site_at_url):
    """Only a marker the browser reads as a comment places a box; the same characters in a
    code sample, a textarea, an attribute or a script are left as the author wrote them."""
    pages = {
        "index.md": "# Home\n\n<span title='<!-- aicommentary:latest -->'>x</span>\n",
        "posts/a.md": _post("A", AS_TEXT + f"\nThe box goes here.\n\n{MARKER}\n\nLast words.\n"),
        "posts/b.md": _post("B", AS_TEXT),
    }
    site = build_site_at_url(pages, {"related": {"placement": "marker"}}, strict=True)
    assert site.aborted is None, site.warnings
    for url in ("posts/a/", "posts/b/"):
        page = site.page(url)
        assert [code.get_text() for code in page.select("code")] == [f"{MARKER}\n", MARKER]
        assert "&lt;!-- aicommentary:related --&gt; in a sentence" in str(page)
        assert page.select_one("textarea").decode_contents() == MARKER
        assert page.select_one("span[title]")["title"] == MARKER
        assert page.select_one("script[type='text/template']").decode_contents() == MARKER
    assert site.page("posts/b/").select("aside.aic-related") == []
    box = site.page("posts/a/").select("aside.aic-related")
    assert len(box) == 1 and box[0].find_previous("p").get_text() == "The box goes here."
    home = site.page("")
    assert home.select(".aic-latest") == []
    assert home.select_one("span[title]")["title"] == "<!-- aicommentary:latest -->"
