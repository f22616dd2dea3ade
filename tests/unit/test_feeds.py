"""RSS 2.0 and JSON Feed 1.1 documents, read back as a feed reader would."""

import json
from datetime import datetime

import feedparser

from mkdocs_aicommentary.features.feeds import article_feed, digest_feed, json_feed, rss
from mkdocs_aicommentary.html.links import absolute_url
from mkdocs_aicommentary.model.articles import Article, Person
from mkdocs_aicommentary.model.taxonomy import Taxonomy

SITE = "https://commentary.example/blog/"


def articles():
    return [
        Article(
            "posts/b.md",
            'Chips & "dips" </script>',
            date=datetime(2026, 3, 2, 9, 30),
            companies=("NVIDIA",),
            topics=("AI hardware",),
            summary="A summary with <b>markup</b>\x0b and a control character.",
            authors=(Person("Ada"),),
        ),
        Article("posts/a.md", "Undated", body="First words.\n"),
    ]


def make_feed(limit=20):
    return article_feed(
        title="NVIDIA · Test",
        description="Articles on NVIDIA.",
        site_url=SITE,
        page_url="companies/nvidia/",
        folder="companies/nvidia",
        articles=articles(),
        url_of=lambda src: src.removesuffix(".md") + "/",
        limit=limit,
        taxonomy=Taxonomy(articles(), {}),
        default_authors=(Person("Site Author"),),
        language="en",
    )


def test_absolute_urls_keep_the_site_path():
    assert absolute_url("https://x.example/blog", "posts/a/") == "https://x.example/blog/posts/a/"
    assert absolute_url(SITE, "") == SITE


def test_rss_is_valid_and_reads_back():
    parsed = feedparser.parse(rss(make_feed()))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.title == "NVIDIA · Test"
    assert parsed.feed.link == SITE + "companies/nvidia/"
    assert [entry.title for entry in parsed.entries] == ['Chips & "dips" </script>', "Undated"]
    first, second = parsed.entries
    assert first.link == SITE + "posts/b/"
    assert first.id == SITE + "posts/b/"
    assert first.published_parsed[:5] == (2026, 3, 2, 9, 30)
    assert first.author == "Ada"
    assert [tag.term for tag in first.tags] == ["NVIDIA", "AI hardware"]
    assert "\x0b" not in first.summary
    assert second.summary == "First words."
    assert second.author == "Site Author"
    assert "published" not in second


def test_rss_names_itself_and_is_deterministic():
    text = rss(make_feed())
    assert f'href="{SITE}companies/nvidia/feed.xml" rel="self"' in text
    assert "<lastBuildDate>Mon, 02 Mar 2026 09:30:00 +0000</lastBuildDate>" in text
    assert text == rss(make_feed())


def test_feed_holds_only_the_newest_items():
    parsed = feedparser.parse(rss(make_feed(limit=1)))
    assert [entry.title for entry in parsed.entries] == ['Chips & "dips" </script>']


def test_json_feed_has_the_required_fields():
    document = json.loads(json_feed(make_feed()))
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["feed_url"] == SITE + "companies/nvidia/feed.json"
    assert document["home_page_url"] == SITE + "companies/nvidia/"
    first, second = document["items"]
    assert first["id"] == first["url"] == SITE + "posts/b/"
    assert first["date_published"] == "2026-03-02T09:30:00Z"
    assert first["authors"] == [{"name": "Ada"}]
    assert first["tags"] == ["NVIDIA", "AI hardware"]
    assert second["content_text"] == "First words."
    assert "date_published" not in second
    for item in document["items"]:
        assert isinstance(item["id"], str) and ("content_text" in item or "content_html" in item)


def test_full_content_leaves_out_a_heading_that_only_repeats_the_title():
    posts = [
        Article("posts/a.md", "The bet", body="# The bet\n\nWords.\n"),
        Article("posts/b.md", "Why chips cycle", body="# Part one: supply\n\nWords.\n"),
    ]
    rendered = {
        "posts/a.md": '<h1 id="the-bet">The bet</h1>\n<p>Words.</p>',
        "posts/b.md": '<h1 id="part-one">Part one: supply</h1>\n<p>Words.</p>',
    }
    feed = article_feed(
        title="T",
        description="D",
        site_url=SITE,
        page_url="",
        folder="",
        articles=posts,
        url_of=lambda src: src.removesuffix(".md") + "/",
        limit=20,
        taxonomy=Taxonomy(posts, {}),
        content_of=rendered.get,
    )
    first, second = (item.content_html for item in feed.items)
    assert first == "<p>Words.</p>"
    assert second is not None and second.startswith('<h1 id="part-one">Part one: supply</h1>')


def test_the_digest_has_one_item_per_day_its_posts_in_the_order_they_came():
    posts = [  # Listed newest first, as every listing is.
        Article("posts/c.md", "Evening", date=datetime(2026, 3, 2, 18), summary="Later."),
        Article("posts/b.md", "Morning", date=datetime(2026, 3, 2, 8), summary="Early."),
        Article("posts/a.md", "Old news", date=datetime(2026, 2, 27), summary="Before."),
        Article("posts/z.md", "Older news", date=datetime(2026, 2, 1), summary="Long ago."),
        Article("posts/u.md", "Undated", summary="Whenever."),
    ]
    feed = digest_feed(
        title="Digest",
        description="D",
        site_url=SITE,
        home_url="archive/",
        articles=posts,
        url_of=lambda src: src.removesuffix(".md") + "/",
        days=2,
        day_title=lambda day: f"Test, {day.isoformat()}",
        day_content=lambda shown: " | ".join(f"{p.title}: {p.lede} ({p.url})" for p in shown),
    )
    assert [item.title for item in feed.items] == ["Test, 2026-03-02", "Test, 2026-02-27"]
    first = feed.items[0]
    assert first.content_html == (
        f"Morning: Early. ({SITE}posts/b/) | Evening: Later. ({SITE}posts/c/)"
    )
    assert first.date == datetime(2026, 3, 2, 18, tzinfo=first.date.tzinfo)
    assert (first.url, first.guid) == (f"{SITE}archive/", f"{SITE}digest.xml#2026-03-02")
    parsed = feedparser.parse(rss(feed))
    assert parsed.bozo == 0 and [entry.id for entry in parsed.entries] == [
        f"{SITE}digest.xml#2026-03-02",
        f"{SITE}digest.xml#2026-02-27",
    ]
    assert parsed.feed.links[0].href == f"{SITE}archive/"
    assert json.loads(json_feed(feed))["feed_url"] == f"{SITE}digest.json"
