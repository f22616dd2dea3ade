"""JSON-LD for articles: the right fields, and safe inside a script element."""

import json
from datetime import datetime

from mkdocs_aicommentary.features.structured_data import article_data, script_json
from mkdocs_aicommentary.model.articles import Article, Person
from mkdocs_aicommentary.model.taxonomy import Taxonomy

REGISTRY = {"NVIDIA": "https://www.nvidia.com/"}


def data(article, **options):
    options.setdefault("schema_type", "OpinionNewsArticle")
    options.setdefault("site_name", "Test publication")
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
    assert result["datePublished"] == "2026-11-20"
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
    assert (result["datePublished"], result["dateModified"]) == ("2026-04-10", "2026-04-18")


def test_script_json_cannot_close_the_script():
    hostile = Article("a.md", "</script><script>alert(1)</script> & <!--", authors=(Person("<b>"),))
    text = script_json(data(hostile))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["headline"] == "</script><script>alert(1)</script> & <!--"


def test_a_time_that_is_midnight_only_in_utc_stays_a_time():
    new_york = datetime.fromisoformat("2025-12-31T19:00:00-05:00")
    assert data(Article("posts/a.md", "A", date=new_york))["datePublished"] == (
        "2026-01-01T00:00:00Z"
    )
    assert data(Article("posts/b.md", "B", date=datetime(2026, 1, 1)))["datePublished"] == (
        "2026-01-01"
    )
