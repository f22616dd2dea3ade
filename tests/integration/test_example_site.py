"""The demo publication builds cleanly with --strict, as `make demo` promises."""

from __future__ import annotations

import shutil
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

EXAMPLE = Path(__file__).resolve().parents[2] / "example_site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo publication built once with --strict, as `make demo` builds it; its site dir."""
    root = tmp_path_factory.mktemp("example")
    shutil.copytree(EXAMPLE / "docs", root / "docs")
    shutil.copy(EXAMPLE / "mkdocs.yml", root / "mkdocs.yml")
    build(load_config(str(root / "mkdocs.yml"), strict=True))  # raises Abort on any warning
    return root / "site"


def page_at(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(), "html.parser")


def test_example_site_builds_strict_with_a_header_and_signup_on_every_post(site):
    posts = sorted((EXAMPLE / "docs" / "posts").glob("*.md"))
    drafts = [p for p in posts if yaml.safe_load(p.read_text().split("---")[1]).get("draft")]
    assert len(posts) - len(drafts) >= 12 and drafts
    for post in posts:
        built = site / "posts" / post.stem / "index.html"
        if post in drafts:
            assert not built.exists()
            continue
        page = BeautifulSoup(built.read_text(), "html.parser")
        assert page.select_one(".aic-article-meta .aic-stance") is not None, post.name
        # A signup block on every post, right after the "Read next" box.
        [signup] = page.select("section.aic-newsletter")
        assert signup.form["action"] == "https://example.com/subscribe", post.name
        assert "aic-related" in signup.find_previous_sibling()["class"], post.name
    about = page_at(site, "about")
    assert about.select_one(".aic-article-meta") is None
    assert about.select_one("section.aic-newsletter") is None


def test_example_site_has_index_pages_with_charts_feeds_and_the_editors_page(site):

    nvidia = page_at(site, "companies/nvidia")
    text = str(nvidia.select_one(".md-content"))
    assert text.index("written by the editors") < text.index('class="aic-index"')
    assert text.index('class="aic-index"') < text.index("How we cover NVIDIA")
    assert len(nvidia.select(".aic-index-charts svg[role=img]")) == 2
    assert len(nvidia.select(".aic-index-entry")) >= 3
    assert (site / "companies" / "nvidia" / "feed.xml").is_file()
    for overview in ("companies", "topics", "stances"):
        assert page_at(site, overview).select(".aic-index-term"), overview
    assert page_at(site, "").select_one('nav a[href="companies/"]') is not None


def test_example_site_shows_sensible_related_boxes(site):

    def box(stem: str) -> list[tuple[str, list[str], str]]:
        page = BeautifulSoup((site / "posts" / stem / "index.html").read_text(), "html.parser")
        aside = page.select_one("aside.aic-related")
        assert aside is not None, stem
        return [
            (
                item.select_one(".aic-related-title")["href"],
                item["class"],
                item.select_one(".aic-related-reason").text,
            )
            for item in aside.select(".aic-related-item")
        ]

    posts = sorted((EXAMPLE / "docs" / "posts").glob("*.md"))
    public = [p.stem for p in posts if "draft: true" not in p.read_text()]
    for stem in public:
        entries = box(stem)
        assert 1 <= len(entries) <= 4
        assert all(href.startswith("../") and stem not in href for href, _, _ in entries)
        assert all(
            reason.startswith(("Also on ", "Similar wording", "Chosen by"))
            for *_, reason in entries
        )
        assert "mistral-sovereign-ai" not in str(entries)  # A draft.
    # The two Meta posts disagree and say so; the author's pin comes first.
    for stem, other in [
        ("meta-open-weights-pays", "meta-open-weights-limits"),
        ("meta-open-weights-limits", "meta-open-weights-pays"),
    ]:
        href, classes, reason = box(stem)[0]
        assert href == f"../{other}/" and "aic-related-counterpoint" in classes
        assert reason.startswith("Also on Meta")
    href, classes, _ = box("europe-ai-rulebook")[0]
    assert href == "../meta-open-weights-limits/" and "aic-related-pinned" in classes
    # NVIDIA posts read next to each other.
    assert "../custom-silicon-gpu-margin/" in [href for href, _, _ in box("accelerator-moat")]


def test_example_site_front_door(site):
    """The home page shows the newest posts, the archive has them all, the site's feeds carry
    them in full, posts carry sharing tags, and no post is in the navigation."""

    home = page_at(site, "")
    assert len(home.select(".aic-latest .aic-index-entry")) == 5
    assert "aicommentary:latest" not in str(home)
    assert not [a for a in home.select(".md-nav a[href]") if "posts/" in a["href"]]
    public = [
        p for p in (EXAMPLE / "docs" / "posts").glob("*.md") if "draft: true" not in p.read_text()
    ]
    archive = [a["href"] for a in page_at(site, "archive").select(".aic-index-title a")]
    assert len(archive) == len(public)
    rss = feedparser.parse((site / "feed.xml").read_text())
    assert rss.bozo == 0 and len(rss.entries) == min(20, len(public))
    assert all(entry.content[0].value for entry in rss.entries)
    post = page_at(site, "posts/accelerator-moat")
    assert post.select_one('meta[property="og:type"]')["content"] == "article"
    assert post.select_one('meta[property="og:url"]')["content"].startswith(
        "https://example.com/ledger/"
    )


def test_the_demos_nav_opens_each_section_on_its_overview_without_repeating_its_name(site):
    """With Material's navigation.indexes the overview is the section itself: "Topics" leads
    to topics/, and no entry inside a section repeats the section's name."""
    nav = page_at(site, "").select_one("nav.md-nav--primary")
    for section in nav.select("li.md-nav__item--section"):
        name = section.find(class_="md-nav__link").get_text(" ", strip=True)
        entries = section.select(":scope > nav > ul > li > a.md-nav__link")
        assert name not in [a.get_text(" ", strip=True) for a in entries], name
    links = {a.get_text(" ", strip=True): a.get("href") for a in nav.select("a.md-nav__link")}
    assert (links["Topics"], links["Companies"], links["Stances"]) == (
        "topics/",
        "companies/",
        "stances/",
    )


def test_a_demo_topic_page_reads_as_what_it_is(site):
    compute = page_at(site, "topics/compute-supply")
    assert compute.select_one(".md-content h1").contents[0].strip() == "Compute supply"
    summary = compute.select_one(".aic-term-summary")
    assert summary.select_one(".aic-term-kind").get_text() == "Topic"
    count = summary.select_one(".aic-term-count")
    assert count.get_text().startswith(f"{count['data-count']} articles since ")
    assert len(compute.select(".aic-index-entry")) == int(count["data-count"])
    for link in summary.select("a.aic-feed-link"):
        assert (site / "topics" / "compute-supply" / link["href"]).is_file()
    assert summary.select_one("a.aic-archive-link")["href"] == "../../archive/"
    # Names as the site gives them, beside the ones authors typed that way already.
    overview = page_at(site, "topics")
    names = [li.a.get_text(strip=True) for li in overview.select("li.aic-index-term")]
    assert "Compute supply" in names and "compute supply" not in names
    assert "AI agents" in names
