"""A Material blog as its owners run it: Material's blog and tags plugins, mkdocs-rss-plugin
and mkdocs-glightbox beside this plugin (``helpers.build_material_neighbours``, built once per
session). What a reader sees shows each thing once: Material's tag chips, its blog index and
archive, the rss plugin's site feeds, and categories under the names Material gives them."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urljoin

from helpers import NEIGHBOURS_POST, build_material_neighbours, dead_links

SITE_URL = "https://ledger.example/"


def test_it_builds_strict_with_no_warning_and_every_link_lands(material_neighbours):
    site = material_neighbours
    assert site.aborted is None, site.warnings
    assert site.warnings == []
    assert dead_links(site, SITE_URL) == []


def test_a_post_names_each_topic_once_and_the_chips_lead_to_its_pages(material_neighbours):
    site = material_neighbours
    page = site.page(NEIGHBOURS_POST)
    chips = page.select("nav.md-tags .md-tag")
    assert [chip.get_text(strip=True) for chip in chips] == ["benchmarks", "open models"]
    # Material's chips link nowhere on a site without a tags page: they lead to the topics.
    assert [chip.get("href") for chip in chips] == [
        "../../../../../topics/benchmarks/",
        "../../../../../topics/open-models/",
    ]
    assert site.exists("topics/benchmarks/") and site.exists("topics/open-models/")
    header = page.select_one(".aic-article-meta")
    # The header keeps the stance, the company and the one topic the page shows nowhere else.
    assert header.select_one(".aic-stance").get_text(strip=True).endswith("Neutral")
    assert [a.get_text() for a in header.select(".aic-company")] == ["AMD"]
    assert [a.get_text() for a in header.select(".aic-topic")] == ["kernels"]
    shown = [chip.get_text(strip=True) for chip in chips]
    shown += [a.get_text(strip=True) for a in header.select(".aic-topic")]
    shown += [a.get_text(strip=True) for a in page.select(".md-post__meta a, .md-meta a")]
    assert [name for name, count in Counter(shown).items() if count > 1] == []


def test_the_blog_excerpts_leave_categories_to_the_blog(material_neighbours):
    excerpt = next(
        post
        for post in material_neighbours.page("blog/").select("article.md-post")
        if "A lightbox for every chart" in post.get_text()
    )
    assert "Developer tooling" in excerpt.select_one(".md-post__meta").get_text()
    topics = [a.get_text() for a in excerpt.select(".aic-article-meta .aic-topic")]
    assert "Developer tooling" not in topics and "kernels" in topics


def test_the_archive_is_left_to_the_blog(material_neighbours):
    site = material_neighbours
    assert not site.exists("archive/")
    assert site.page("blog/archive/2026/").select("article.md-post")
    # "All articles" under the newest posts leads to the blog's index instead.
    (more,) = site.page("").select(".aic-latest-more a")
    assert more["href"] == "blog/"
    for url in ("", "blog/", NEIGHBOURS_POST, "topics/"):
        targets = [urljoin(f"/{url}", a["href"]) for a in site.page(url).select("a[href]")]
        assert [target for target in targets if target.startswith("/archive")] == [], url


def test_the_site_feed_is_the_rss_plugins_and_term_feeds_stay(material_neighbours):
    site = material_neighbours
    assert not site.exists("feed.xml") and not site.exists("feed.json")
    for url in ("", "blog/", NEIGHBOURS_POST, "companies/amd/"):
        feeds = [link["href"] for link in site.page(url).select("head link[rel~=alternate]")]
        site_feeds = [href for href in feeds if "/" not in href.lstrip("./")]
        assert sorted(h.rsplit("/", 1)[-1] for h in site_feeds) == [
            "feed_rss_created.xml",
            "feed_rss_updated.xml",
        ], url
    topic = site.page("topics/open-models/")
    term_feeds = [link["href"] for link in topic.select("head link[rel~=alternate]")]
    assert {href.rsplit("/", 1)[-1] for href in term_feeds} >= {"feed.xml"}
    assert site.exists("topics/open-models/feed.xml") and site.exists("companies/amd/feed.xml")


def test_a_category_has_the_name_material_shows_it_under(material_neighbours):
    site = material_neighbours
    assert site.exists("topics/developer-tooling/") and not site.exists("topics/software/")
    heading = site.page("topics/developer-tooling/").select_one("article h1")
    assert heading.get_text(strip=True) == "Developer tooling"
    overview = site.page("topics/").get_text()
    assert "Developer tooling" in overview and "Software" not in overview


def test_each_option_brings_the_plugins_own_back(tmp_path):
    """``header_topics: all``, ``index.archive.enabled: true`` and ``site_feed.enabled:
    true`` give such a site the plugin's header topics, archive and site feeds again."""
    options = {
        "header_topics": "all",
        "index": {"archive": {"enabled": True}},
        "site_feed": {"enabled": True},
    }
    site = build_material_neighbours(tmp_path, options)
    assert site.aborted is None and site.warnings == [], site.warnings
    page = site.page(NEIGHBOURS_POST)
    topics = [a.get_text() for a in page.select(".aic-article-meta .aic-topic")]
    assert topics == ["kernels", "benchmarks", "open models", "Developer tooling"]
    # Material's chips are left as its tags plugin made them.
    assert page.select("nav.md-tags a.md-tag") == []
    assert site.page("archive/").select(".aic-index-entry")
    assert site.page("").select_one(".aic-latest-more a")["href"] == "archive/"
    feeds = {link["href"].rsplit("/", 1)[-1] for link in page.select("head link[rel~=alternate]")}
    assert {"feed.xml", "feed.json", "feed_rss_created.xml"} <= feeds
    assert site.exists("feed.json")
