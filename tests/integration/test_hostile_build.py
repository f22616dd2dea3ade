"""A site holding every careless and hostile input of issue 13 at once, built for real.

The build must finish without a traceback, log a short warning naming each file at fault, write
nothing unpublished, and every link the plugin wrote must land on a page that was built.
"""

from __future__ import annotations

import json
import posixpath
import unicodedata
from urllib.parse import unquote, urlsplit

import pytest
from factories import article, billion_laughs

from mkdocs_aicommentary.model.taxonomy import TERMS_PER_POST

NFC = unicodedata.normalize("NFC", "Café")
NFD = unicodedata.normalize("NFD", "Café")
LONG_NAME = "an unreasonably long topic name " * 12
MANY_TOPICS = [f"topic {number:03d}" for number in range(60)]
BILLION_LAUGHS = "stance: bullish\n" + billion_laughs()

HOSTILE_SITE = {
    "index.md": "# Home\n\nA publication.\n",
    "about.md": "---\nupdated: 2026-02-30\n---\n\n# About\n\nNot a post.\n",
    "posts/good.md": article(
        "title: A good post\ndate: 2026-03-01\nstance: bullish\nsubject_company: NVIDIA\n"
        "topics: [chips]"
    ),
    "posts/impossible.md": article(
        "date: 2026-13-01\nupdated: 2026-02-30\nstance: bearish\nsubject_company: NVIDIA"
    ),
    "posts/edge.md": article(
        "date: 0001-01-01 00:00:00+01:00\nstance: mixed\nsubject_company: NVIDIA"
    ),
    "posts/far.md": article(
        "date: 9999-12-31 23:59:59-01:00\nstance: mixed\nsubject_company: NVIDIA"
    ),
    "posts/typo.md": article("date: 0026-01-01\nstance: neutral\nsubject_company: NVIDIA"),
    "posts/long.md": article(f"stance: neutral\ntopics: [{LONG_NAME}]"),
    "posts/bomb.md": article(BILLION_LAUGHS),
    "posts/many.md": article(
        f"title: Everything at once\nstance: mixed\ntopics: {json.dumps(MANY_TOPICS)}"
    ),
    "posts/stars.md": article("stance: mixed\ntopics: [chips]", "*a " * 20_000 + "\n"),
    "posts/braces.md": article("stance: mixed\ntopics: [chips]", "{" * 40_000 + "\n"),
    "posts/draft-text.md": article(
        'title: Secret one\ndraft: "true"\nstance: bullish\ntopics: [leaks]'
    ),
    "posts/draft-number.md": article(
        "title: Secret two\ndraft: 1\nstance: bullish\ntopics: [leaks]"
    ),
    "posts/draft-case.md": article(
        "title: Secret three\nDraft: true\nstance: bullish\ntopics: [leaks]"
    ),
    "posts/stance-case.md": article("Stance: bullish\nsubject_company: OpenAI"),
    "posts/cafe-nfc.md": article(f"stance: bullish\ntopics: [{NFC}]"),
    "posts/cafe-nfd.md": article(f"stance: bullish\ntopics: [{NFD}]"),
    "posts/cafe-hidden.md": article("stance: bullish\ntopics: ['Caf\u200bé']"),
    "posts/tab\tname.md": article("title: Tabbed\nstance: bullish\ntopics: [chips]"),
    "posts/new\nline.md": article("title: Broken line\nstance: bullish\ntopics: [chips]"),
    "posts/50%41.md": article("title: Percent\nstance: bullish\ntopics: [chips]"),
}
WARNED = {
    "posts/impossible.md": ["'date'", "'updated'"],
    "posts/edge.md": ["'date'", "between 1900 and 2200"],
    "posts/far.md": ["'date'", "between 1900 and 2200"],
    "posts/typo.md": ["'date'", "between 1900 and 2200"],
    "posts/bomb.md": ["alias"],
    "posts/draft-text.md": ["'draft'", "unpublished"],
    "posts/draft-number.md": ["'draft'", "unpublished"],
    "posts/draft-case.md": ["'Draft'", "unpublished"],
    "posts/stance-case.md": ["'Stance'", "'stance'"],
    "posts/many.md": ["names 60 companies and topics"],
}
SECRETS = ("Secret one", "Secret two", "Secret three", "leaks")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    from helpers import make_builder

    build_site = make_builder(tmp_path_factory.mktemp("hostile"))
    return build_site(HOSTILE_SITE)


def test_the_site_builds_with_a_short_warning_naming_each_file(hostile):
    assert hostile.aborted is None
    assert all(len(warning) < 400 for warning in hostile.warnings), [
        warning[:200] for warning in hostile.warnings if len(warning) >= 400
    ]
    for src, words in WARNED.items():
        found = [warning for warning in hostile.warnings if src in warning]
        assert found, src
        assert all(any(word in warning for warning in found) for word in words), (src, found)
    assert not any("about.md" in warning for warning in hostile.warnings)


def test_nothing_unpublished_is_written_or_linked(hostile):
    for src in ("draft-text", "draft-number", "draft-case"):
        assert not hostile.exists(f"posts/{src}/")
    assert not hostile.exists("topics/leaks/")
    for html in hostile.site_dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert not any(secret in text for secret in SECRETS), html


def test_every_link_the_plugin_wrote_lands_on_a_built_page(hostile):
    checked = 0
    for html in hostile.site_dir.rglob("*.html"):
        page = html.relative_to(hostile.site_dir).as_posix()
        soup = hostile.page(page)
        for link in soup.select('[class^="aic-"] a[href], a[class^="aic-"][href]'):
            href = link["href"]
            if href.startswith(("http:", "https:", "#")):
                continue
            target = unquote(urlsplit(href).path)
            path = hostile.site_dir / posixpath.normpath(
                posixpath.join(posixpath.dirname(page), target)
            )
            assert (path / "index.html").is_file() or path.is_file(), (page, href)
            checked += 1
    assert checked > 100


def test_odd_file_names_are_listed_with_links_that_mkdocs_resolved(hostile):
    listing = hostile.page("topics/chips/")
    titles = {a.get_text(): a["href"] for a in listing.select(".aic-index-title a")}
    assert {"Tabbed", "Broken line", "Percent"} <= set(titles)
    assert not any(href.endswith(".md") for href in titles.values())
    assert not any("contains a link" in warning for warning in hostile.warnings)


def test_a_long_name_gets_a_short_slug_and_keeps_its_name(hostile):
    header = hostile.page("posts/long/").select_one(".aic-article-meta")
    [topic] = header.select("a.aic-topic")
    assert topic.get_text() == " ".join(LONG_NAME.split())
    assert len(topic["data-slug"]) <= 64
    assert hostile.exists(f"topics/{topic['data-slug']}/")


def test_a_post_with_many_topics_is_listed_without_them_and_its_header_names_ten(hostile):
    listing = hostile.page("topics/topic-042/")
    [entry] = listing.select(".aic-index-entry")
    assert entry.select(".aic-topic") == []  # A listing leaves topics to the post's page.
    header = hostile.page("posts/many/").select_one(".aic-article-meta")
    assert len(header.select("a.aic-topic")) == 10
    assert header.select_one(".aic-more").get_text() == "and 50 more"


def test_a_post_naming_more_terms_than_people_tag_with_is_kept_with_a_warning_of_its_cost(
    build_site_at_url,
):
    topics = [f"subject {number}" for number in range(TERMS_PER_POST)]
    pages = {
        "index.md": "# Home\n",
        "posts/pasted.md": article(f"stance: mixed\nsubject_company: NVIDIA\ntopics: {topics}"),
        "posts/most.md": article(f"stance: mixed\nsubject_company: NVIDIA\ntopics: {topics[1:]}"),
    }
    site = build_site_at_url(pages)
    assert site.aborted is None
    (warning,) = [warning for warning in site.warnings if "companies and topics" in warning]
    assert f"posts/pasted.md: names {TERMS_PER_POST + 1} companies" in warning
    assert "here 1, about 12 KB-19 KB of output and 1 ms-3 ms of build" in warning
    assert site.exists("topics/subject-0/") and site.exists("topics/subject-0/feed.xml")
    header = site.page("posts/pasted/").select_one(".aic-article-meta")
    assert (
        header.select_one(".aic-more").get_text() == f"and {TERMS_PER_POST - 10} more"
    )  # of its topics
    assert build_site_at_url(pages, strict=True).aborted is not None


def test_one_cafe_however_it_is_typed(hostile):
    overview = hostile.page("topics/")
    cafes = [
        item for item in overview.select(".aic-index-term") if "caf" in item.get_text().casefold()
    ]
    assert len(cafes) == 1
    assert cafes[0].select_one(".aic-index-count")["data-count"] == "3"
    assert not hostile.exists("topics/cafe-2/")


def test_the_timeline_is_bounded_by_the_plausible_dates(hostile):
    timeline = hostile.page("companies/nvidia/").select_one("figure.aic-timeline")
    assert len(timeline.select(".aic-chart-month")) == 1  # Only the good post has a date left.
    assert (hostile.site_dir / "companies/nvidia/index.html").stat().st_size < 100_000


def test_the_same_site_fails_under_strict(build_site):
    pages = {"index.md": "# Home\n", "posts/typo.md": HOSTILE_SITE["posts/typo.md"]}
    assert build_site(pages, strict=True).aborted is not None


def test_a_timeline_of_many_years_counts_years(build_site):
    pages = {
        f"posts/{year}.md": article(f"date: {year}-06-01\nstance: bullish\nsubject_company: NVIDIA")
        for year in (1950, 1990, 2026)
    }
    site = build_site(pages, strict=True)
    assert site.aborted is None, site.warnings
    figure = site.page("companies/nvidia/").select_one('figure[data-chart="years"]')
    columns = figure.select(".aic-chart-month")
    assert len(columns) == 2026 - 1950 + 1
    counted = {column["data-year"]: int(column["data-count"]) for column in columns}
    assert counted["1950"] == counted["1990"] == counted["2026"] == 1
    assert "Articles per year, from 1950 to 2026" in figure.select_one("desc").get_text()


def test_an_alias_bomb_on_the_newsletter_field_gives_a_short_warning(build_site):
    site = build_site(
        {"index.md": "# Home\n", "page.md": f"---\n{billion_laughs('newsletter')}---\n# Page\n"},
        {"newsletter": {"action": "https://example.com/subscribe"}},
    )
    assert site.aborted is None
    assert all(len(warning) < 400 for warning in site.warnings)


def test_a_nav_section_title_reaches_the_theme_escaped(build_site):
    site = build_site(
        {"index.md": "# Home\n", "posts/a.md": article("stance: bullish\ntopics: [chips]")},
        {"index": {"nav": True, "topics": {"title": "<b>Tags</b> & more"}}},
        strict=True,
    )
    assert site.aborted is None, site.warnings
    navbar = site.page("").select_one(".navbar-nav")
    toggles = [toggle.get_text(strip=True) for toggle in navbar.select(".dropdown-toggle")]
    assert "<b>Tags</b> & more" in toggles
    assert navbar.select("b") == []
