"""Topic, company and stance pages: listings, pagination, author pages, charts and nav."""

from __future__ import annotations

import json
import logging

import feedparser
import pytest
from factories import article
from helpers import SITE_URL, dead_links, plugin_links

POSTS = {
    "index.md": "# Home\n\nA publication about AI companies.\n",
    "posts/gpu.md": article(
        """
        title: The GPU moat is shallower than it looks
        date: 2026-03-10
        stance: skeptical
        subject_company: [Nvidia, AMD]
        topics: [AI hardware]
        summary: Rivals are closer than the margins suggest.
        """
    ),
    "posts/tpu.md": article(
        """
        title: Tensor chips find their market
        date: 2026-03-10
        stance: bullish
        subject_company: Google
        topics: [AI hardware, Cloud]
        """,
        "# Tensor chips\n\nCloud buyers *finally* have a [second source](gpu.md).\n",
    ),
    "posts/cuda.md": article(
        """
        title: CUDA keeps the lead
        date: 2026-02-01
        stance: bullish
        subject_company: NVIDIA
        topics: [Software]
        """
    ),
    "posts/old.md": article(
        """
        title: A winter of supply shortages
        date: 2025-12-24
        stance: bearish
        subject_company: NVIDIA
        """
    ),
    "posts/undated.md": article(
        """
        title: Notes on interconnects
        stance: neutral
        subject_company: NVIDIA
        """
    ),
    "posts/draft.md": article(
        """
        title: Unfinished rumour
        date: 2026-04-01
        stance: bullish
        subject_company: [NVIDIA, SecretCo]
        topics: [Rumours]
        draft: true
        """
    ),
}
REGISTRY = {"companies": {"NVIDIA": {"aliases": ["Nvidia"], "url": "https://www.nvidia.com/"}}}
NVIDIA_TITLES = [
    "The GPU moat is shallower than it looks",
    "CUDA keeps the lead",
    "A winter of supply shortages",
    "Notes on interconnects",
]


def entries(soup):
    return soup.select(".aic-index .aic-index-entry")


def titles(soup):
    return [entry.select_one(".aic-index-title a").get_text() for entry in entries(soup)]


def test_company_listing_exact_entries_and_order(build_site_at_url):
    site = build_site_at_url(POSTS, REGISTRY, strict=True)
    assert site.aborted is None, site.warnings
    soup = site.page("companies/nvidia/")
    assert soup.select_one("h1").get_text() == "NVIDIA"
    assert titles(soup) == NVIDIA_TITLES
    first, second, third, fourth = entries(soup)
    # Links lead from the page back to the site root and down to the final URL.
    assert [e.select_one(".aic-index-title a")["href"] for e in entries(soup)] == [
        "../../posts/gpu/",
        "../../posts/cuda/",
        "../../posts/old/",
        "../../posts/undated/",
    ]
    assert [e.select_one(".aic-stance")["data-stance"] for e in entries(soup)] == [
        "skeptical",
        "bullish",
        "bearish",
        "neutral",
    ]
    assert first.select_one(".aic-stance")["href"] == "../../stances/skeptical/"
    assert [time["datetime"] for time in soup.select(".aic-index-entry time")] == [
        "2026-03-10",
        "2026-02-01",
        "2025-12-24",
    ]
    assert [(a.get_text(), a["href"]) for a in first.select(".aic-company")] == [
        ("NVIDIA", "../../companies/nvidia/"),
        ("AMD", "../../companies/amd/"),
    ]
    assert first.select(".aic-topic") == []  # Topics are left to the post's own page.
    assert first.select_one(".aic-excerpt").get_text() == (
        "Rivals are closer than the margins suggest."
    )
    assert second.select_one(".aic-excerpt").get_text() == "Some words about the subject."
    assert fourth.select_one("time") is None and third.select_one("time") is not None


def test_same_day_articles_are_ordered_by_title_and_excerpt_is_plain(build_site_at_url):
    site = build_site_at_url(POSTS, REGISTRY, strict=True)
    soup = site.page("topics/ai-hardware/")
    assert titles(soup) == [
        "Tensor chips find their market",
        "The GPU moat is shallower than it looks",
    ]
    assert entries(soup)[0].select_one(".aic-excerpt").get_text() == (
        "Cloud buyers finally have a second source."
    )


def test_drafts_are_never_listed_and_draft_only_terms_get_no_page(build_site_at_url):
    site = build_site_at_url(POSTS, REGISTRY, strict=True)
    assert "Unfinished rumour" not in site.text("companies/nvidia/index.html")
    assert not site.exists("companies/secretco/")
    assert not site.exists("topics/rumours/")
    overview = site.page("companies/")
    assert [a.get_text() for a in overview.select(".aic-index-term a")] == [
        "AMD",
        "Google",
        "NVIDIA",
    ]


def test_a_draft_previewed_by_serve_links_no_page_that_does_not_exist(build_site_at_url):
    site = build_site_at_url(POSTS, REGISTRY, serve=True)
    header = site.page("posts/draft/").select_one(".aic-article-meta")
    links = {a.get_text(): a["href"] for a in header.select("a.aic-company, a.aic-topic")}
    assert links == {"NVIDIA": "../../companies/nvidia/"}
    assert {span.get_text() for span in header.select("span.aic-company, span.aic-topic")} == {
        "SecretCo",
        "Rumours",
    }
    assert not site.exists("companies/secretco/")


def test_by_default_a_term_named_once_is_text_with_no_page_or_feed(build_site_at_url):
    site = build_site_at_url(POSTS, REGISTRY, strict=True, new_site=True)
    header = site.page("posts/tpu/").select_one(".aic-article-meta")
    assert [a.get_text() for a in header.select("a.aic-topic")] == ["AI hardware"]
    assert [span.get_text() for span in header.select("span.aic-company, span.aic-topic")] == [
        "Google",
        "Cloud",
    ]
    assert not site.exists("topics/cloud/") and not site.exists("companies/google/feed.xml")
    assert site.exists("stances/skeptical/feed.xml")  # One post, but a stance.
    assert [a.get_text() for a in site.page("topics/").select(".aic-index-term a")] == [
        "AI hardware"
    ]
    assert dead_links(site) == []
    every = build_site_at_url(POSTS, {**REGISTRY, "index": {"min_posts": 1}}, new_site=True)
    assert every.exists("topics/cloud/") and every.exists("companies/google/feed.xml")


def test_overviews_name_every_term_with_its_count(build_site_at_url):
    site = build_site_at_url(POSTS, REGISTRY, strict=True)
    companies = site.page("companies/")
    assert [
        (
            item.select_one("a").get_text(),
            item.select_one("a")["href"],
            item.select_one(".aic-index-count")["data-count"],
        )
        for item in companies.select(".aic-index-term")
    ] == [("AMD", "amd/", "1"), ("Google", "google/", "1"), ("NVIDIA", "nvidia/", "4")]
    stances = site.page("stances/")
    assert [
        (a["data-stance"], a.find_next_sibling(class_="aic-index-count")["data-count"])
        for a in stances.select(".aic-index-term a.aic-stance")
    ] == [("bullish", "2"), ("bearish", "1"), ("skeptical", "1"), ("neutral", "1")]
    topics = site.page("topics/")
    assert [a.get_text() for a in topics.select(".aic-index-term a")] == [
        "AI hardware",
        "Cloud",
        "Software",
    ]


def test_links_follow_use_directory_urls_false(build_site_at_url):
    site = build_site_at_url(POSTS, REGISTRY, strict=True, extra={"use_directory_urls": False})
    assert site.aborted is None, site.warnings
    soup = site.page("companies/nvidia/index.html")
    assert soup.select_one(".aic-index-title a")["href"] == "../../posts/gpu.html"
    assert soup.select_one(".aic-stance")["href"] == "../../stances/skeptical/index.html"


def test_pagination(build_site_at_url):
    pages = {
        f"posts/p{day}.md": article(
            f"title: Agents {day}\ndate: 2026-05-{day:02d}\nstance: neutral\ntopics: [Agents]"
        )
        for day in range(1, 6)
    }
    site = build_site_at_url(pages, {"index": {"per_page": 2, "compact_per_page": 2}}, strict=True)
    assert site.aborted is None, site.warnings
    first = site.page("topics/agents/")
    second = site.page("topics/agents/page/2/")
    third = site.page("topics/agents/page/3/")
    assert not site.exists("topics/agents/page/4/")
    assert not site.exists("topics/agents/page/1/")
    assert [titles(first), titles(second), titles(third)] == [
        ["Agents 5", "Agents 4"],
        ["Agents 3", "Agents 2"],
        ["Agents 1"],
    ]
    assert first.select_one(".aic-page-previous") is None
    assert first.select_one(".aic-page-next")["href"] == "page/2/"
    assert second.select_one(".aic-page-previous")["href"] == "../../"
    assert second.select_one(".aic-page-next")["href"] == "../3/"
    assert third.select_one(".aic-page-next") is None
    numbers = second.select(".aic-page-numbers li")
    assert [li.get_text(strip=True) for li in numbers] == ["1", "2", "3"]
    assert [a["href"] for a in second.select("a.aic-page-number")] == ["../../", "../3/"]
    assert second.select_one('[aria-current="page"]').get_text() == "2"
    assert second.select_one("h1").get_text() == "Agents (page 2)"
    # Page 1 in full, with excerpts; the later pages as compact entries.
    assert len(first.select(".aic-index-entry:not(.aic-index-entry-compact) .aic-excerpt")) == 2
    assert len(second.select(".aic-index-entry-compact")) == 2
    assert second.select(".aic-excerpt") == []
    assert site.page("topics/").select_one(".aic-index-count")["data-count"] == "5"


def test_author_page_beside_the_folder_is_kept_and_listing_appended(build_site_at_url):
    pages = {
        **POSTS,
        "companies/nvidia.md": "# NVIDIA, our way\n\nWe write about NVIDIA a lot.\n",
    }
    site = build_site_at_url(pages, REGISTRY, strict=True)
    assert site.aborted is None, site.warnings
    soup = site.page("companies/nvidia/")
    assert soup.select_one("h1").get_text() == "NVIDIA, our way"
    text = str(soup)
    assert text.index("We write about NVIDIA a lot.") < text.index('class="aic-index"')
    assert titles(soup) == NVIDIA_TITLES
    # Links from elsewhere reach the author's page.
    gpu = site.page("posts/gpu/")
    assert gpu.select_one(".aic-article-meta .aic-company")["href"] == "../../companies/nvidia/"
    assert site.page("companies/").select_one('[data-slug="nvidia"] a')["href"] == "nvidia/"


def test_an_authors_readme_is_kept_and_gets_the_listing(build_site_at_url):
    pages = {**POSTS, "companies/nvidia/README.md": "# NVIDIA notes\n\nOur own words.\n"}
    site = build_site_at_url(pages, REGISTRY, strict=True)
    assert site.aborted is None, site.warnings
    soup = site.page("companies/nvidia/")
    assert soup.select_one("h1").get_text() == "NVIDIA notes"
    assert "Our own words." in soup.get_text()
    assert titles(soup) == NVIDIA_TITLES


def test_an_authors_static_index_html_is_never_replaced(build_site_at_url):
    static = "<!doctype html><title>Ours</title><p>Hand-made NVIDIA page</p>\n"
    site = build_site_at_url({**POSTS, "companies/nvidia/index.html": static}, REGISTRY)
    assert site.aborted is None, site.warnings
    assert site.text("companies/nvidia/index.html") == static
    gpu = site.page("posts/gpu/")
    href = gpu.select_one(".aic-article-meta .aic-company")["href"]
    assert href.startswith("../../companies/nvidia/")
    assert dead_links(site) == []


def test_an_authors_draft_page_keeps_its_place_and_is_never_linked(build_site_at_url):
    """MkDocs' own ``draft_docs`` leaves the author's page out of the build."""
    mine = "# NVIDIA, not ready\n"
    site = build_site_at_url(
        {**POSTS, "companies/nvidia.md": mine},
        REGISTRY,
        strict=True,
        extra={"draft_docs": "companies/nvidia.md"},
    )
    assert site.aborted is None, site.warnings
    assert not site.exists("companies/nvidia/")
    header = site.page("posts/gpu/").select_one(".aic-article-meta")
    assert [a.get_text() for a in header.select("a.aic-company")] == ["AMD"]
    assert header.select_one('span.aic-company[data-slug="nvidia"]') is not None
    assert site.page("companies/").select_one('[data-slug="nvidia"]') is None
    assert dead_links(site) == []


def test_a_term_page_where_a_post_lives_is_not_made(build_site_at_url):
    pages = {
        **POSTS,
        "posts/a.md": article("title: The letter A\nstance: neutral\ntopics: [a]"),
    }
    site = build_site_at_url(pages, {"index": {"topics": {"prefix": "posts"}}})
    assert site.aborted is None
    assert any("posts/a.md" in warning and "prefix" in warning for warning in site.warnings)
    post = site.page("posts/a/")
    assert post.select_one(".aic-index") is None
    assert post.title.get_text().startswith("The letter A")
    assert post.select_one(".aic-article-meta") is not None
    assert dead_links(site) == []


def test_an_authors_page_one_on_macos_and_windows_is_never_overwritten(build_site_at_url):
    """``Topics.md`` is written to ``Topics/index.html``, which the overview's
    ``topics/index.html`` would overwrite on a file system that ignores letter case."""
    pages = {**POSTS, "Topics.md": "# Our own topics\n\nWritten by hand.\n"}
    site = build_site_at_url(pages, REGISTRY)
    assert site.aborted is None, site.warnings
    (warning,) = [w for w in site.warnings if "topics/index.md" in w]
    assert "Topics.md" in warning and "letter case" in warning
    assert site.page("Topics/").select_one("h1").get_text() == "Our own topics"
    assert not site.exists("topics/")
    assert site.page("topics/cloud/").select(".aic-index-entry")  # Term pages are still made.
    assert "topics/" not in {url for _, url in plugin_links(site)}
    assert dead_links(site) == []


def test_a_file_where_a_terms_folder_would_go_keeps_its_place(build_site_at_url):
    """A file ``topics/cloud`` leaves no room for ``topics/cloud/index.html`` and the feeds
    beside it: the build stopped with NotADirectoryError."""
    site = build_site_at_url({**POSTS, "topics/cloud": "a file of the author's\n"}, REGISTRY)
    assert site.aborted is None, site.warnings
    (warning,) = [w for w in site.warnings if "topics/cloud/index.md" in w]
    assert "a file where the other needs a folder" in warning and "topics/cloud " in warning
    assert site.text("topics/cloud") == "a file of the author's\n"
    header = site.page("posts/tpu/").select_one(".aic-article-meta")
    assert [a.get_text() for a in header.select("a.aic-topic")] == ["AI hardware"]
    assert dead_links(site) == []


def test_a_later_page_of_a_listing_in_anothers_place_takes_the_whole_listing(
    build_site_at_url,
):
    """Page 2 of AI hardware would overwrite the author's page on macOS; a listing cut short
    would hide posts, so the term gets no pages."""
    pages = {**POSTS, "Topics/AI-Hardware/page/2.md": "# Page two, by hand\n"}
    site = build_site_at_url(pages, {**REGISTRY, "index": {"per_page": 1}})
    assert site.aborted is None, site.warnings
    assert any("topics/ai-hardware/page/2/index.md" in w for w in site.warnings), site.warnings
    assert not site.exists("topics/ai-hardware/")
    assert site.page("Topics/AI-Hardware/page/2/").select_one("h1").get_text() == (
        "Page two, by hand"
    )
    assert site.exists("topics/cloud/")
    assert not (site.site_dir / "topics/ai-hardware/feed.xml").exists()  # Nor its feeds.
    assert dead_links(site) == []


def test_a_file_in_the_site_feeds_place_keeps_it(build_site_at_url):
    """``Feed.xml`` and the site's ``feed.xml`` are one file on macOS and Windows."""
    site = build_site_at_url({**POSTS, "Feed.xml": "<rss version='2.0'/>\n"}, REGISTRY)
    assert site.aborted is None, site.warnings
    (warning,) = [w for w in site.warnings if "feed.xml" in w]
    assert "Feed.xml" in warning and "letter case" in warning
    links = site.page("posts/gpu/").select("head link[rel~=alternate]")
    assert f"{SITE_URL}feed.json" in {link["href"] for link in links}
    assert not {link["href"] for link in links} & {f"{SITE_URL}feed.xml", f"{SITE_URL}Feed.xml"}
    assert dead_links(site) == []


def test_author_page_with_marker_gets_the_listing_there(build_site_at_url):
    pages = {
        **POSTS,
        "companies/nvidia/index.md": (
            "# NVIDIA\n\nIntro by the editor.\n\n<!-- aicommentary:index -->\n\n"
            "## Disclosure\n\nWe hold no shares.\n"
        ),
    }
    site = build_site_at_url(pages, REGISTRY, strict=True)
    assert site.aborted is None, site.warnings
    soup = site.page("companies/nvidia/")
    text = str(soup)
    assert (
        text.index("Intro by the editor.")
        < text.index('class="aic-index-charts"')
        < text.index('class="aic-index"')
        < text.index("We hold no shares.")
    )
    assert titles(soup) == NVIDIA_TITLES
    assert "aicommentary:index" not in text


def test_company_charts_count_what_the_listing_shows(build_site_at_url):
    site = build_site_at_url(POSTS, REGISTRY, strict=True)
    soup = site.page("companies/nvidia/")
    chart = soup.select_one('.aic-index-charts figure[data-chart="stances"] svg')
    assert chart["role"] == "img"
    assert chart.select_one("title").get_text() == "NVIDIA: articles by stance"
    assert "Bullish: 1 article; Bearish: 1 article" in chart.select_one("desc").get_text()
    assert chart["aria-labelledby"].split() == [
        chart.select_one("title")["id"],
        chart.select_one("desc")["id"],
    ]
    listed = [entry["data-stance"] for entry in entries(soup)]
    for row in chart.select(".aic-chart-row"):
        assert int(row["data-count"]) == listed.count(row["data-stance"]), row["data-stance"]
        assert row.select_one("rect.aic-bar")["data-stance"] == row["data-stance"]
    assert sum(int(row["data-count"]) for row in chart.select(".aic-chart-row")) == len(listed)

    timeline = soup.select_one('figure[data-chart="months"] svg')
    months = {g["data-month"]: int(g["data-count"]) for g in timeline.select(".aic-chart-month")}
    assert months == {"2025-12": 1, "2026-01": 0, "2026-02": 1, "2026-03": 1}
    assert "without a date" in timeline.select_one("desc").get_text()
    # Each month names itself and its count; numbers and month names are drawn too.
    assert [g.select_one("title").get_text() for g in timeline.select(".aic-chart-month")] == [
        "December 2025: 1 article",
        "January 2026: 0 articles",
        "February 2026: 1 article",
        "March 2026: 1 article",
    ]
    assert [t.get_text() for t in timeline.select(".aic-chart-count")] == ["1", "1", "1"]
    assert [t.get_text() for t in timeline.select(".aic-chart-month-label")] == [
        "Dec",
        "Jan",
        "Feb",
        "Mar",
    ]
    assert [t.get_text() for t in timeline.select(".aic-chart-year")] == ["2025", "2026"]
    # Pictures without JavaScript or anything fetched from elsewhere.
    charts = soup.select_one(".aic-index-charts")
    assert charts.select("script, img, image, use, foreignObject") == []


def test_a_company_without_dated_articles_gets_no_empty_timeline(build_site_at_url):
    pages = {"posts/a.md": article("title: A\nstance: bullish\nsubject_company: Undated Inc")}
    site = build_site_at_url(pages, strict=True)
    charts = site.page("companies/undated-inc/").select(".aic-index-charts figure")
    assert [figure["data-chart"] for figure in charts] == ["stances"]


def test_stance_page_breaks_down_by_company(build_site_at_url):
    site = build_site_at_url(POSTS, REGISTRY, strict=True)
    soup = site.page("stances/bullish/")
    assert titles(soup) == ["Tensor chips find their market", "CUDA keeps the lead"]
    chart = soup.select_one('figure[data-chart="companies"] svg')
    rows = {row["data-label"]: int(row["data-count"]) for row in chart.select(".aic-chart-row")}
    listed = [a.get_text() for a in soup.select(".aic-index-entry .aic-company")]
    assert rows == {name: listed.count(name) for name in set(listed)}
    assert {rect["data-stance"] for rect in chart.select("rect")} == {"bullish"}


def test_overview_and_later_pages_have_no_company_charts(build_site_at_url):
    site = build_site_at_url(
        POSTS, {**REGISTRY, "index": {"per_page": 2, "compact_per_page": 2}}, strict=True
    )
    assert site.page("companies/nvidia/").select_one(".aic-index-charts") is not None
    assert site.page("companies/nvidia/page/2/").select_one(".aic-index-charts") is None
    assert site.page("topics/ai-hardware/").select_one(".aic-index-charts") is None
    overview = site.page("stances/").select_one('figure[data-chart="stances"]')
    assert [rect["data-stance"] for rect in overview.select("rect")] == [
        "bullish",
        "bearish",
        "skeptical",
        "neutral",
    ]


def test_listings_and_charts_stay_out_of_the_search_index(build_site_at_url):
    """Search finds a post itself, not every listing that repeats its title and excerpt; an
    index page is found by its name, and an author's page by the author's words."""
    pages = {**POSTS, "topics/cloud.md": "# Cloud\n\nOur notes on renting compute.\n"}
    site = build_site_at_url(pages, REGISTRY, strict=True, plugins=["search"])
    docs = json.loads(site.text("search/search_index.json"))["docs"]
    nvidia = next(doc for doc in docs if doc["location"] == "companies/nvidia/")
    assert nvidia["title"] == "NVIDIA"
    assert "CUDA keeps the lead" not in nvidia["text"]
    assert "articles by stance" not in nvidia["text"]
    cloud = next(doc for doc in docs if doc["location"] == "topics/cloud/")
    assert "renting compute" in cloud["text"] and "Tensor chips" not in cloud["text"]
    assert site.page("topics/cloud/").select_one(".aic-index-title a").get_text() == (
        "Tensor chips find their market"
    )


def test_generated_pages_are_in_the_sitemap_and_search_index(build_site_at_url):
    site = build_site_at_url(POSTS, REGISTRY, strict=True, plugins=["search"])
    assert site.aborted is None, site.warnings
    sitemap = site.text("sitemap.xml")
    locations = {
        doc["location"] for doc in json.loads(site.text("search/search_index.json"))["docs"]
    }
    for url in ("companies/", "companies/nvidia/", "topics/ai-hardware/", "stances/bullish/"):
        assert f"<loc>{SITE_URL}{url}</loc>" in sitemap
        assert url in locations


def test_kinds_can_be_switched_off_and_moved(build_site_at_url):
    options = {
        **REGISTRY,
        "index": {
            "stances": {"enabled": False},
            "topics": {"prefix": "subjects", "title": "Subjects"},
        },
    }
    site = build_site_at_url(POSTS, options, strict=True)
    assert site.aborted is None, site.warnings
    assert not site.exists("stances/")
    assert not site.exists("stances/bullish/")
    assert site.page("subjects/").select_one("h1").get_text() == "Subjects"
    soup = site.page("subjects/ai-hardware/")
    assert soup.select_one(".aic-index-entry .aic-stance").name == "span"  # No stance page to link.


def test_names_are_escaped_everywhere(build_site_at_url):
    hostile = "<img src=x onerror=alert(1)> *AT&T* [x](y)"
    pages = {"posts/a.md": article(f"title: A\ndate: 2026-01-01\nsubject_company: '{hostile}'")}
    site = build_site_at_url(pages, strict=True)
    assert site.aborted is None, site.warnings
    slug = site.page("companies/").select_one(".aic-index-term")["data-slug"]
    soup = site.page(f"companies/{slug}/")
    assert soup.select_one("h1").get_text() == hostile
    assert soup.select_one("title").get_text().startswith(hostile)
    assert soup.select("img") == []


def test_theme_can_override_the_listing(build_site_at_url, tmp_path):
    custom = tmp_path / "overrides" / "aicommentary"
    custom.mkdir(parents=True)
    (custom / "index_listing.html").write_text(
        '<div class="aic-index custom">{% for e in entries %}'
        '<a href="{{ e.href }}">{{ e.article.title }}</a>{% endfor %}</div>',
        encoding="utf-8",
    )
    theme = {"name": "mkdocs", "custom_dir": str(tmp_path / "overrides")}
    site = build_site_at_url(POSTS, REGISTRY, theme=theme, strict=True)
    assert site.aborted is None, site.warnings
    soup = site.page("companies/nvidia/")
    assert soup.select_one(".aic-index.custom a")["href"] == "../../posts/gpu/"
    assert dead_links(site) == []


def test_nav_off_keeps_generated_pages_out_without_info_noise(build_site_at_url, caplog):
    caplog.set_level(logging.INFO, logger="mkdocs")
    nav = [
        {"Home": "index.md"},
        {
            "Posts": [
                "posts/gpu.md",
                "posts/tpu.md",
                "posts/cuda.md",
                "posts/old.md",
                "posts/undated.md",
            ]
        },
    ]
    site = build_site_at_url(POSTS, REGISTRY, strict=True, extra={"nav": nav})
    assert site.aborted is None, site.warnings
    assert "companies/nvidia/index.md" not in caplog.text
    home_nav = [a.get("href") for a in site.page("").select(".navbar a")]
    assert not any("companies" in (href or "") for href in home_nav)


@pytest.mark.parametrize("explicit", [False, True], ids=["automatic-nav", "explicit-nav"])
def test_nav_option_adds_sections(build_site_at_url, explicit):
    extra = {}
    if explicit:
        extra["nav"] = [
            {"Home": "index.md"},
            {
                "Posts": [
                    "posts/gpu.md",
                    "posts/tpu.md",
                    "posts/cuda.md",
                    "posts/old.md",
                    "posts/undated.md",
                ]
            },
        ]
    site = build_site_at_url(POSTS, {**REGISTRY, "index": {"nav": True}}, strict=True, extra=extra)
    assert site.aborted is None, site.warnings
    soup = site.page("")
    sections = {
        dropdown.select_one(".dropdown-toggle").get_text(strip=True): [
            a.get_text(strip=True) for a in dropdown.select(".dropdown-menu a")
        ]
        for dropdown in soup.select(".navbar-nav > li.dropdown")
    }
    # Each section's first entry says what it is, rather than repeating the section's name.
    assert sections["Topics"] == ["All topics", "AI hardware", "Cloud", "Software"]
    assert sections["Companies"] == ["All companies", "AMD", "Google", "NVIDIA"]
    assert sections["Stances"] == ["All stances", "Bullish", "Bearish", "Skeptical", "Neutral"]
    assert sections["Archive"] == ["All articles"]
    assert list(sections)[-4:] == ["Topics", "Companies", "Stances", "Archive"]
    # The generated section does not repeat itself, and later pages stay out.
    assert "page/2" not in str(soup.select_one(".navbar"))
    nvidia = site.page("companies/nvidia/")
    assert nvidia.select_one('.navbar a[rel="prev"]')["href"] == "../google/"


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_everything_on_builds_strict_without_warnings_in_every_theme(build_site_at_url, theme):
    options = {**REGISTRY, "index": {"nav": True, "per_page": 2, "json_feeds": True}}
    site = build_site_at_url(POSTS, options, strict=True, theme=theme, plugins=["search"])
    assert site.aborted is None, site.warnings
    assert site.warnings == []
    soup = site.page("companies/nvidia/")
    assert titles(soup) == NVIDIA_TITLES[:2]
    assert len(soup.select(".aic-index-charts svg")) == 2
    assert soup.head.select('link[rel~="alternate"]')
    assert site.page("posts/gpu/").head.select('script[type="application/ld+json"]')
    assert site.exists("companies/nvidia/page/2/")
    assert site.exists("topics/ai-hardware/feed.json")


def test_nav_option_does_not_repeat_pages_the_author_listed(build_site_at_url):
    posts = ["posts/gpu.md", "posts/tpu.md", "posts/cuda.md", "posts/old.md", "posts/undated.md"]
    nav = [{"Home": "index.md"}, {"Posts": posts}, {"All companies": "companies/index.md"}]
    options = {**REGISTRY, "index": {"nav": True}}
    site = build_site_at_url(POSTS, options, strict=True, extra={"nav": nav})
    assert site.aborted is None, site.warnings
    links = [a["href"] for a in site.page("").select(".navbar a") if a.get("href")]
    assert links.count("companies/") == 1
    assert "companies/nvidia/" in links


def test_nav_option_joins_the_section_of_an_authors_folder(build_site_at_url):
    pages = {**POSTS, "companies/nvidia.md": "# NVIDIA\n\nOur own page.\n"}
    site = build_site_at_url(pages, {**REGISTRY, "index": {"nav": True}}, strict=True)
    assert site.aborted is None, site.warnings
    toggles = [t.get_text(strip=True) for t in site.page("").select(".navbar-nav .dropdown-toggle")]
    assert toggles.count("Companies") == 1
    menu = site.page("").select_one(".navbar-nav > li.dropdown:has(a[href='companies/'])")
    assert [a.get_text(strip=True) for a in menu.select(".dropdown-menu a")].count("NVIDIA") == 1


def test_nav_option_files_an_authors_page_among_the_generated_ones(build_site_at_url):
    """In an automatic nav, the author's companies/nvidia.md takes its place in the section
    (overview first, then by name) instead of a folder section that puts it first."""
    pages = {**POSTS, "companies/nvidia.md": "# NVIDIA, our way\n\nOur own page.\n"}
    site = build_site_at_url(pages, {**REGISTRY, "index": {"nav": True}}, strict=True)
    assert site.aborted is None, site.warnings
    menu = site.page("").select_one(".navbar-nav > li.dropdown:has(a[href='companies/'])")
    assert [a.get_text(strip=True) for a in menu.select(".dropdown-menu a")] == [
        "All companies",
        "AMD",
        "Google",
        "NVIDIA, our way",
    ]
    toggles = [t.get_text(strip=True) for t in site.page("").select(".navbar-nav .dropdown-toggle")]
    assert toggles[-4:] == ["Topics", "Companies", "Stances", "Archive"]


def test_nav_option_leaves_no_omitted_page_report_for_an_authors_page(build_site_at_url):
    """MkDocs reports pages missing from an explicit nav (a warning if the site asks); the
    plugin adds the author's page to its section, so there is nothing to report."""
    posts = ["posts/gpu.md", "posts/tpu.md", "posts/cuda.md", "posts/old.md", "posts/undated.md"]
    extra = {
        "nav": [{"Home": "index.md"}, {"Posts": posts}],
        "validation": {"nav": {"omitted_files": "warn"}},
    }
    pages = {**POSTS, "companies/nvidia.md": "# NVIDIA, our way\n"}
    site = build_site_at_url(pages, {**REGISTRY, "index": {"nav": True}}, strict=True, extra=extra)
    assert site.aborted is None, site.warnings
    links = [a["href"] for a in site.page("").select(".navbar a") if a.get("href")]
    assert links.count("companies/nvidia/") == 1


def test_nav_option_keeps_an_authors_page_where_their_nav_put_it(build_site_at_url):
    posts = ["posts/gpu.md", "posts/tpu.md", "posts/cuda.md", "posts/old.md", "posts/undated.md"]
    nav = [{"Home": "index.md"}, {"Our NVIDIA desk": "companies/nvidia.md"}, {"Posts": posts}]
    pages = {**POSTS, "companies/nvidia.md": "# NVIDIA, our way\n"}
    site = build_site_at_url(
        pages, {**REGISTRY, "index": {"nav": True}}, strict=True, extra={"nav": nav}
    )
    assert site.aborted is None, site.warnings
    top = [a.get_text(strip=True) for a in site.page("").select(".navbar-nav > li > a")]
    assert top[:2] == ["Home", "Our NVIDIA desk"]
    links = [a["href"] for a in site.page("").select(".navbar a:not([rel])") if a.get("href")]
    assert links.count("companies/nvidia/") == 1


@pytest.mark.parametrize(
    "index",
    [
        {"topics": {"prefix": "companies"}},
        {"topics": {"prefix": "companies/topics/"}},
        {"companies": {"prefix": "browse"}, "stances": {"prefix": "browse/stances"}},
    ],
)
def test_kinds_sharing_a_folder_are_a_configuration_error(build_site_at_url, index):
    """Otherwise a topic "NVIDIA" would silently replace the company NVIDIA's page."""
    site = build_site_at_url(POSTS, {**REGISTRY, "index": index})
    assert site.aborted is not None
    assert any("overlap" in message for message in site.warnings), site.warnings


def test_a_switched_off_kind_may_share_a_folder(build_site_at_url):
    index = {"topics": {"prefix": "companies", "enabled": False}}
    site = build_site_at_url(POSTS, {**REGISTRY, "index": index}, strict=True)
    assert site.aborted is None, site.warnings
    assert site.page("companies/nvidia/").select_one("h1").get_text() == "NVIDIA"


def test_two_posts_of_one_moment_keep_their_own_days(build_site):
    """Midnight in London is seven in the evening before in New York: one moment, two days.
    Each post shows the day its author wrote, wherever it is listed."""
    pages = {
        "posts/london.md": article("title: London\ndate: 2026-01-01\nstance: bullish"),
        "posts/new-york.md": article(
            "title: New York\ndate: 2025-12-31T19:00:00-05:00\nstance: bullish"
        ),
    }
    site = build_site(pages, {"index": {"archive": {"by_year": True}}}, strict=True)
    assert site.aborted is None, site.warnings
    for url in ("archive/", "stances/bullish/"):
        shown = {
            entry.select_one("a").get_text(): entry.select_one("time")["datetime"]
            for entry in site.page(url).select(".aic-index-entry")
        }
        assert shown == {"London": "2026-01-01", "New York": "2025-12-31"}, url
    assert site.exists("archive/2025/") and site.exists("archive/2026/")


def test_a_page_the_authors_own_hook_generates_is_theirs_and_gets_the_listing(build_site, tmp_path):
    """MkDocs names a hook in File.generated_by too; such a page is the author's own."""
    hook = tmp_path / "company_intro.py"
    hook.write_text(
        "from mkdocs.structure.files import File\n\n"
        "def on_files(files, config):\n"
        "    files.append(File.generated(config, 'companies/google.md',"
        " content='# Google\\n\\nOur notes on the company.\\n'))\n"
        "    return files\n",
        encoding="utf-8",
    )
    site = build_site(POSTS, strict=True, extra={"hooks": [str(hook)]})
    assert site.aborted is None, site.warnings
    page = site.page("companies/google/")
    assert "Our notes on the company." in page.get_text()
    assert [a.get_text() for a in page.select(".aic-index-title a")] == [
        "Tensor chips find their market"
    ]


def test_a_topic_keeps_its_url_and_feed_when_a_post_brings_a_name_of_the_same_words(
    build_site_at_url,
):
    """Readers subscribed to C++'s feed keep reading C++ after a post on C arrives."""
    cpp = article("title: Compilers\nstance: neutral\ntopics: [C++]")
    before = build_site_at_url({"posts/cpp.md": cpp}, strict=True)
    [link] = before.page("posts/cpp/").select("a.aic-topic")
    url = link["href"].removeprefix("../../")

    for other in ("C", "C#"):
        pages = {
            "posts/cpp.md": cpp,
            "posts/other.md": article(f"stance: neutral\ntopics: [{other}]"),
        }
        after = build_site_at_url(pages, strict=True)
        [moved] = after.page("posts/cpp/").select("a.aic-topic")
        assert moved["href"] == link["href"]
        feed = feedparser.parse(after.text(f"{url}feed.xml"))
        assert feed.feed.title == "C++ · Test publication"
        assert [entry.title for entry in feed.entries] == ["Compilers"]
        [other_link] = after.page("posts/other/").select("a.aic-topic")
        assert other_link["href"] != link["href"]
        assert not dead_links(after)
