"""Option values that cannot work stop the build, with a message naming the option and saying
what to write instead."""

from __future__ import annotations

import pytest
from factories import article
from newsletter_cases import BEEHIIV_FORM_ID

PAGES = {
    "index.md": "# Home\n",
    "posts/a.md": article("title: A\nstance: bullish\nsubject_company: Acme\ntopics: [chips]"),
}
ACTION = "https://example.com/subscribe"


def refusal(site, section: str, option: str) -> str:
    """The one message about ``section``'s ``option`` of a build that stopped."""
    assert site.aborted is not None, site.warnings
    messages = [m for m in site.warnings if f"'{section}'" in m and f"'{option}'" in m]
    assert len(messages) == 1, site.warnings
    return messages[0]


@pytest.mark.parametrize(
    ("options", "section", "option"),
    [
        ({"related": {"count": True}}, "related", "count"),
        ({"related": {"window": True}}, "related", "window"),
        ({"index": {"per_page": True}}, "index", "per_page"),
        ({"index": {"feed_items": True}}, "index", "feed_items"),
        ({"latest": {"count": True}}, "latest", "count"),
        ({"site_feed": {"count": False}}, "site_feed", "count"),
        ({"newsletter": {"action": ACTION, "paragraph": True}}, "newsletter", "paragraph"),
        (
            {"newsletter": {"provider": "substack", "publication": "ai", "height": True}},
            "newsletter",
            "height",
        ),
    ],
)
def test_yes_or_no_is_not_a_count(build_site, options, section, option):
    """YAML's true is 1 to Python; `count: true` must not quietly mean one article."""
    message = refusal(build_site(PAGES, options), section, option)
    assert "true" in message or "false" in message
    assert "yes/no value" in message and "whole number" in message


@pytest.mark.parametrize(
    ("options", "section", "option", "says"),
    [
        ({"related": {"count": 0}}, "related", "count", "'related.enabled: false'"),
        ({"related": {"window": 0}}, "related", "window", "1 or more"),
        ({"related": {"min_score": True}}, "related", "min_score", "yes/no value"),
        ({"related": {"min_score": -0.5}}, "related", "min_score", "0 or more"),
        ({"related": {"topic_cutoff": 2}}, "related", "topic_cutoff", "0.25 means a quarter"),
        ({"related": {"weights": {"text": float("inf")}}}, "weights", "text", "0 or more"),
        ({"index": {"per_page": 0}}, "index", "per_page", "1 or more"),
        ({"latest": {"count": -1}}, "latest", "count", "1 or more"),
        ({"newsletter": {"action": ACTION, "paragraph": 0}}, "newsletter", "paragraph", "1 or"),
        ({"newsletter": {"action": ACTION, "button": " "}}, "newsletter", "button", "is empty"),
        (
            {"newsletter": {"provider": "beehiiv", "form_id": BEEHIIV_FORM_ID, "height": 5}},
            "newsletter",
            "height",
            "from 40 to 2000",
        ),
        (
            {"newsletter": {"action": ACTION, "hidden": {"list": [1, 2]}}},
            "newsletter",
            "hidden",
            "single value",
        ),
        ({"topics_from": []}, "topics_from", "topics_from", "[topics, tags]"),
        ({"stances": {}}, "stances", "stances", "list at least one stance"),
        ({"index": {"archive": {"prefix": ".."}}}, "archive", "prefix", "relative folder"),
        ({"header": "yes please"}, "header", "header", "is 'yes please'; write true or false"),
        ({"related": {"enabled": "no"}}, "related", "enabled", "write true or false"),
        ({"index": {"feeds": 1}}, "index", "feeds", "is 1; write true or false"),
        ({"articles": "posts/*"}, "articles", "articles", "write [posts/*], in brackets"),
        ({"topics_from": "tags"}, "topics_from", "topics_from", "write [tags], in brackets"),
    ],
)
def test_a_value_out_of_range_says_what_to_write(build_site, options, section, option, says):
    assert says in refusal(build_site(PAGES, options), section, option)


@pytest.mark.parametrize("prefix", ["\\\\evil.example", "a\\b", "/\\evil.example"])
def test_a_prefix_with_a_backslash_is_refused(build_site, prefix):
    """Browsers read a backslash in a link as '/': `\\\\evil.example/x/` would leave the site."""
    site = build_site(PAGES, {"index": {"topics": {"prefix": prefix}}})
    assert "relative folder" in refusal(site, "topics", "prefix")


@pytest.mark.parametrize(
    ("prefix", "says"),
    [
        ("feed.xml", "the site's RSS feed"),
        ("feed.json", "the site's JSON Feed"),
        ("sitemap.xml", "MkDocs' sitemap"),
        ("Sitemap.XML/", "MkDocs' sitemap"),
        ("sitemap.xml.gz", "compressed sitemap"),
        ("404.html", "addresses that do not exist"),
        ("search", "search index"),
        ("assets/aicommentary/aicommentary.css", "stylesheets"),
        ("assets/aicommentary", "stylesheets"),
    ],
)
def test_a_prefix_where_mkdocs_or_the_plugin_writes_a_file_is_refused(
    build_site_at_url, prefix, says
):
    """A folder where a file goes crashed the build (IsADirectoryError, NotADirectoryError)."""
    site = build_site_at_url(PAGES, {"index": {"topics": {"prefix": prefix}}})
    message = refusal(site, "topics", "prefix")
    assert says in message and "'topics'" in message


@pytest.mark.parametrize(
    "prefix",
    ["C:/x", "c:", "browse/nul", "COM1.txt", "topics ", " topics", "topics./x", "a?b", "a\tb"],
)
def test_a_prefix_windows_would_read_otherwise_is_refused(build_site, prefix):
    """A drive, a device or a name whose ends Windows drops is not the folder the author wrote:
    ``C:/x`` would leave the site folder, ``topics `` and ``topics`` would be one."""
    site = build_site(PAGES, {"index": {"topics": {"prefix": prefix}}})
    assert "letters, digits and '-'" in refusal(site, "topics", "prefix")


@pytest.mark.parametrize(
    "index",
    [
        {"topics": {"prefix": "Browse"}, "companies": {"prefix": "browse"}},
        {"topics": {"prefix": "BROWSE/topics"}, "companies": {"prefix": "browse"}},
        {"topics": {"prefix": "caf\u00e9"}, "companies": {"prefix": "cafe\u0301"}},
    ],
)
def test_prefixes_one_on_macos_and_windows_are_refused(build_site, index):
    """Folders that differ only in letter case or Unicode form are one folder there, and one
    kind's pages would replace the other's."""
    site = build_site(PAGES, {"index": index})
    assert site.aborted is not None
    assert any("overlap" in message and "letter case" in message for message in site.warnings)


def test_good_values_build(build_site):
    options = {
        "header": None,  # Left empty, as "header:" in YAML: the default.
        "related": {"count": 2, "window": 3, "min_score": 0, "topic_cutoff": 1},
        "index": {"per_page": 1, "topics": {"prefix": "/subjects/"}},
        "newsletter": {"action": ACTION, "placement": "after_paragraph", "paragraph": 1},
    }
    site = build_site(PAGES, options, strict=True)
    assert site.aborted is None, site.warnings
    assert site.exists("subjects/chips/")
    assert site.page("posts/a/").select_one(".aic-article-meta") is not None
