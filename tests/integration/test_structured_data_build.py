"""JSON-LD in every post's and index page's head."""

import json

import pytest
from factories import article
from helpers import SITE_URL

# In values themes do not show in <title> (MkDocs puts front matter titles there unescaped).
HOSTILE = '</script><script>alert("x")</script> & <!-- more'
PAGES = {
    "index.md": "# Home\n",
    "posts/a.md": article(
        f"""
        title: Margins & moats
        date: 2026-03-10
        stance: skeptical
        subject_company: [Nvidia, Unlisted Labs]
        topics: [AI hardware]
        summary: '{HOSTILE}'
        author: '{HOSTILE}'
        """
    ),
    "posts/b.md": article(
        """
        title: Signed piece
        stance: bullish
        subject_company: AMD
        author: [Ada, Grace]
        """
    ),
}
OPTIONS = {"companies": {"NVIDIA": {"aliases": ["Nvidia"], "url": "https://www.nvidia.com/"}}}


def json_ld(soup):
    scripts = soup.head.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return scripts[0].string


def test_article_json_ld_parses_and_says_what_the_article_is_about(build_site_at_url):
    site = build_site_at_url(PAGES, OPTIONS, strict=True)
    assert site.aborted is None, site.warnings
    raw = site.text("posts/a/index.html")
    text = json_ld(site.page("posts/a/"))
    assert "</script" not in text and "<!--" not in text
    assert raw.count("</script>") == raw.count("<script")  # No script was closed early.
    data = json.loads(text)
    assert data["@type"] == "OpinionNewsArticle"
    assert data["headline"] == "Margins & moats"
    assert data["description"] == HOSTILE
    assert data["datePublished"] == data["dateModified"] == "2026-03-10T00:00:00Z"
    published = site.page("posts/a/").select_one('meta[property="article:published_time"]')
    assert published["content"] == data["datePublished"]  # One moment, written one way.
    author_page = site.page("authors/").select_one(".aic-index-term a")["href"]
    assert data["author"] == {
        "@type": "Person",
        "name": HOSTILE,
        "url": f"{SITE_URL}authors/{author_page}",
    }
    assert data["url"] == f"{SITE_URL}posts/a/"
    assert data["about"] == [
        {"@type": "Organization", "name": "NVIDIA", "url": "https://www.nvidia.com/"},
        {"@type": "Organization", "name": "Unlisted Labs"},
    ]
    b = json.loads(json_ld(site.page("posts/b/")))
    assert [person["name"] for person in b["author"]] == ["Ada", "Grace"]


def test_site_author_stands_in(build_site_at_url):
    site = build_site_at_url(PAGES, OPTIONS, strict=True, extra={"site_author": "The Desk"})
    data = json.loads(json_ld(site.page("posts/a/")))
    assert data["author"]["name"] == HOSTILE
    pages = {**PAGES, "posts/a.md": PAGES["posts/a.md"].replace(f"author: '{HOSTILE}'", "")}
    site = build_site_at_url(pages, OPTIONS, strict=True, extra={"site_author": "The Desk"})
    data = json.loads(json_ld(site.page("posts/a/")))
    assert data["author"] == {"@type": "Person", "name": "The Desk"}


def test_index_pages_are_collections_of_their_posts_and_other_pages_get_none(
    build_site_at_url,
):
    site = build_site_at_url(PAGES, OPTIONS, strict=True)
    assert site.page("").head.select('script[type="application/ld+json"]') == []
    data = json.loads(json_ld(site.page("companies/nvidia/")))
    assert data["@type"] == "CollectionPage"
    assert data["url"] == f"{SITE_URL}companies/nvidia/"
    assert [item["url"] for item in data["mainEntity"]["itemListElement"]] == [
        f"{SITE_URL}posts/a/"
    ]
    assert [(step["name"], step["item"]) for step in data["breadcrumb"]["itemListElement"]] == [
        ("Test publication", SITE_URL),
        ("Companies", f"{SITE_URL}companies/"),
        ("NVIDIA", f"{SITE_URL}companies/nvidia/"),
    ]
    overview = json.loads(json_ld(site.page("companies/")))
    names = [item["name"] for item in overview["mainEntity"]["itemListElement"]]
    assert sorted(names) == ["AMD", "NVIDIA", "Unlisted Labs"]
    assert len(overview["breadcrumb"]["itemListElement"]) == 2


def test_a_post_without_a_stance_is_a_blog_post(build_site_at_url):
    pages = {**PAGES, "posts/b.md": PAGES["posts/b.md"].replace("stance: bullish\n", "")}
    site = build_site_at_url(pages, OPTIONS, strict=True)
    assert json.loads(json_ld(site.page("posts/b/")))["@type"] == "BlogPosting"
    assert json.loads(json_ld(site.page("posts/a/")))["@type"] == "OpinionNewsArticle"


@pytest.mark.parametrize("schema_type", ["AnalysisNewsArticle", "BlogPosting"])
def test_type_is_configurable(build_site_at_url, schema_type):
    site = build_site_at_url(
        PAGES, {**OPTIONS, "structured_data": {"type": schema_type}}, strict=True
    )
    assert json.loads(json_ld(site.page("posts/b/")))["@type"] == schema_type


def test_unknown_type_is_a_configuration_error(build_site_at_url):
    site = build_site_at_url(PAGES, {"structured_data": {"type": "Recipe"}})
    assert site.aborted is not None
    assert any("Recipe" in warning for warning in site.warnings), site.warnings


def test_can_be_switched_off(build_site_at_url):
    site = build_site_at_url(PAGES, {"structured_data": {"enabled": False}}, strict=True)
    assert site.page("posts/a/").head.select('script[type="application/ld+json"]') == []
