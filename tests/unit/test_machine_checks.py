"""The tests' own validators catch what they are for: a check that passes everything proves
nothing about the feeds and JSON-LD it passes."""

import json

from machine_checks import json_feed_problems, rss_problems, schema_org_problems

from mkdocs_aicommentary.features.feeds import Feed, FeedItem, json_feed, rss

FEED = Feed(
    title="T",
    description="D",
    home_url="https://x.example/",
    rss_url="https://x.example/feed.xml",
    json_url="https://x.example/feed.json",
    items=(FeedItem(url="https://x.example/a/", title="A", summary="S"),),
)


def test_the_plugins_own_feeds_pass():
    assert rss_problems(rss(FEED)) == []
    assert json_feed_problems(json_feed(FEED)) == []


def test_rss_rules_catch_a_missing_description_a_relative_link_and_a_bad_date():
    broken = (
        rss(FEED)
        .replace("<description>D</description>", "")
        .replace("<link>https://x.example/a/</link>", "<link>a/</link>")
        .replace("<item>", "<item><pubDate>yesterday</pubDate><color>red</color>")
    )
    problems = rss_problems(broken)
    assert any("<description>" in problem for problem in problems)
    assert any("'a/' is not an absolute URL" in problem for problem in problems)
    assert any("'yesterday' is not an RFC 822 date" in problem for problem in problems)
    assert any("<color>" in problem for problem in problems)


def test_the_json_feed_schema_catches_what_the_spec_forbids():
    document = json.loads(json_feed(FEED))
    document["version"] = "https://jsonfeed.org/version/1"
    document["items"][0].pop("content_text")
    document["items"][0]["date_published"] = "2026-03-02"
    document["items"][0]["author"] = {"name": "Ada"}  # 1.0's, gone in 1.1: "authors".
    problems = json_feed_problems(json.dumps(document))
    assert len(problems) == 4, problems
    document = json.loads(json_feed(FEED))
    document["items"].append(document["items"][0])
    assert json_feed_problems(json.dumps(document)) == [
        "item id 'https://x.example/a/' is not unique"
    ]


def test_schema_org_terms_catch_unknown_types_misplaced_properties_and_wrong_values():
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": "H",
        "datePublished": "last week",
        "author": {"@type": "ImageObject", "url": "https://x.example/a.png"},
        "publisher": {"@type": "Organization", "name": "P", "headline": "no"},
        "mood": "schema.org has no such property",
    }
    problems = schema_org_problems(data)
    assert problems == [
        "BlogPosting.datePublished: 'last week' is not Date or DateTime",
        "BlogPosting.author: a ImageObject where schema.org expects Organization or Person",
        "BlogPosting.publisher.headline: 'headline' is not a property of Organization",
        "BlogPosting.mood: unknown property 'mood' (not in schema_org_terms.json)",
    ]
    assert schema_org_problems({"@context": "https://schema.org", "@type": "Blog Post"}) == [
        "the data: unknown type 'Blog Post'"
    ]
