"""JSON-LD for articles: the right fields, and safe inside a script element."""

import json
from datetime import datetime

from mkdocs_aicommentary.features.structured_data import (
    Publisher,
    article_data,
    collection_data,
    script_json,
)
from mkdocs_aicommentary.model.articles import Article, Person
from mkdocs_aicommentary.model.taxonomy import Taxonomy

REGISTRY = {"NVIDIA": "https://www.nvidia.com/"}


def data(article, **options):
    options.setdefault("schema_type", "OpinionNewsArticle")
    options.setdefault("publisher", Publisher("Test publication"))
    options.setdefault("taxonomy", Taxonomy([article], {}))
    return article_data(article, company_url=REGISTRY.get, **options)


def test_companies_and_topics_go_by_the_names_the_site_shows():
    """Without a registry, a post's "Nvidia" is the "NVIDIA" every other post (and its page)
    says; JSON-LD agrees with the page."""
    post = Article("posts/a.md", "A", companies=("Nvidia",), topics=("ai chips",))
    others = [
        Article(f"posts/{n}.md", "B", companies=("NVIDIA",), topics=("AI chips",)) for n in "bc"
    ]
    result = data(post, taxonomy=Taxonomy([post, *others], {}))
    assert [organization["name"] for organization in result["about"]] == ["NVIDIA"]
    assert result["keywords"] == ["AI chips"]


def test_fields_of_an_opinion_article():
    article = Article(
        "posts/a.md",
        "The GPU gambit",
        date=datetime(2026, 11, 20),
        companies=("NVIDIA", "Unlisted Co"),
        topics=("AI hardware",),
        authors=(Person("Ada Lovelace"),),
    )
    result = data(article, url="https://x.example/posts/a/", description="Short.")
    assert result["@context"] == "https://schema.org"
    assert result["@type"] == "OpinionNewsArticle"
    assert result["headline"] == "The GPU gambit"
    assert result["datePublished"] == result["dateModified"] == "2026-11-20T00:00:00Z"
    assert result["author"] == {"@type": "Person", "name": "Ada Lovelace"}
    assert result["url"] == "https://x.example/posts/a/"
    assert result["about"] == [
        {"@type": "Organization", "name": "NVIDIA", "url": "https://www.nvidia.com/"},
        {"@type": "Organization", "name": "Unlisted Co"},
    ]
    assert result["keywords"] == ["AI hardware"]
    assert result["description"] == "Short."


def test_site_author_when_the_article_names_none_and_times_in_utc():
    article = Article("a.md", "A", date=datetime(2026, 1, 2, 3, 4, 5))
    result = data(article, schema_type="AnalysisNewsArticle", default_authors=(Person("Site"),))
    assert result["@type"] == "AnalysisNewsArticle"
    assert result["author"] == {"@type": "Person", "name": "Site"}
    assert result["datePublished"] == "2026-01-02T03:04:05Z"
    assert "url" not in result


def test_several_authors_become_a_list():
    article = Article("a.md", "A", authors=(Person("One"), Person("Two", "https://two.example/")))
    assert data(article)["author"] == [
        {"@type": "Person", "name": "One"},
        {"@type": "Person", "name": "Two", "url": "https://two.example/"},
    ]


def test_an_updated_date_is_date_modified():
    article = Article("a.md", "A", date=datetime(2026, 4, 10), updated=datetime(2026, 4, 18))
    result = data(article)
    assert (result["datePublished"], result["dateModified"]) == (
        "2026-04-10T00:00:00Z",
        "2026-04-18T00:00:00Z",
    )


def test_script_json_cannot_close_the_script():
    hostile = Article("a.md", "</script><script>alert(1)</script> & <!--", authors=(Person("<b>"),))
    text = script_json(data(hostile))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["headline"] == "</script><script>alert(1)</script> & <!--"


def test_times_are_the_moment_in_utc_as_the_open_graph_tags_give_them():
    new_york = datetime.fromisoformat("2025-12-31T19:00:00-05:00")
    assert data(Article("posts/a.md", "A", date=new_york))["datePublished"] == (
        "2026-01-01T00:00:00Z"
    )
    assert data(Article("posts/b.md", "B", date=datetime(2026, 1, 1)))["datePublished"] == (
        "2026-01-01T00:00:00Z"
    )


def test_the_publisher_is_an_organization_with_its_logo_and_the_site_author_may_be_one():
    publisher = Publisher(
        "Ledger", "https://x.example/", "https://x.example/logo.png", "Organization"
    )
    result = data(Article("a.md", "A"), publisher=publisher, default_authors=(Person("Desk"),))
    assert result["publisher"] == {
        "@type": "Organization",
        "name": "Ledger",
        "url": "https://x.example/",
        "logo": {"@type": "ImageObject", "url": "https://x.example/logo.png"},
    }
    assert result["author"] == {"@type": "Organization", "name": "Desk"}
    named = data(Article("a.md", "A", authors=(Person("Ada"),)), publisher=publisher)
    assert named["author"] == {"@type": "Person", "name": "Ada"}


def test_an_index_page_is_a_collection_of_what_it_lists_with_its_breadcrumbs():
    result = collection_data(
        name="NVIDIA",
        url="https://x.example/companies/nvidia/",
        items=[("Post B", "https://x.example/b/"), ("Post A", "https://x.example/a/")],
        trail=[("Ledger", "https://x.example/"), ("Companies", "https://x.example/companies/")],
        publisher=Publisher("Ledger"),
    )
    assert result["@type"] == "CollectionPage"
    assert result["mainEntity"]["numberOfItems"] == 2
    assert [item["position"] for item in result["mainEntity"]["itemListElement"]] == [1, 2]
    assert result["mainEntity"]["itemListElement"][0]["url"] == "https://x.example/b/"
    assert [step["item"] for step in result["breadcrumb"]["itemListElement"]] == [
        "https://x.example/",
        "https://x.example/companies/",
    ]
