"""What machines read, checked on real builds as they would check it: every feed against RSS 2.0
and JSON Feed 1.1, every JSON-LD block against the schema.org vocabulary (``machine_checks``),
and feed content as a reader or an inbox shows it.

Two sites, each built once: the example publication (Material, no blog) and the Material-blog
fixture with mkdocs-glightbox (which hands the page on as a whole document), permalinks on
headings, a theme logo, and a second post on a day that already has one.
"""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from helpers import BuiltSite, build_fixture
from machine_checks import json_feed_problems, rss_problems, schema_org_problems
from mkdocs.commands.build import build
from mkdocs.config import load_config

EXAMPLE = Path(__file__).resolve().parents[2] / "example_site"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BLOG_URL = "https://ledger.example/"
DAY = f"{BLOG_URL}blog/2026/03/02/"

SAME_DAY_POST = textwrap.dedent(
    """\
    ---
    title: The Same-Day Follow-Up
    date: 2026-03-02T15:00:00
    authors: [tomas]
    stance: mixed
    subject_company: NVIDIA
    ---

    # The same-day follow-up

    Readers asked what the open-weights bet means for smaller clouds; a short answer.

    ![A rack of accelerators](https://images.example/rack.png)

    ## Our reading

    Smaller clouds gain a catalogue and lose a bargaining chip.
    """
)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example publication built with --strict; its site folder."""
    root = tmp_path_factory.mktemp("example")
    shutil.copytree(EXAMPLE / "docs", root / "docs")
    shutil.copy(EXAMPLE / "mkdocs.yml", root / "mkdocs.yml")
    build(load_config(str(root / "mkdocs.yml"), strict=True))
    return root / "site"


@pytest.fixture(scope="module")
def blog(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The Material-blog fixture with glightbox, permalinks, a logo and two posts on one day."""
    root = tmp_path_factory.mktemp("blog")
    shutil.copytree(FIXTURES / "material_blog", root, dirs_exist_ok=True)
    (root / "docs/blog/posts/same-day.md").write_text(SAME_DAY_POST, encoding="utf-8")

    def edit(settings: dict) -> None:
        settings["plugins"].append("glightbox")
        settings["markdown_extensions"] = [{"toc": {"permalink": True}}]
        settings["theme"]["logo"] = "assets/logo.png"
        settings["site_author"] = "The Compute Ledger desk"

    site = build_fixture("material_blog", root, edit)
    assert site.aborted is None, site.warnings
    return site


def site_dir(site: Path | BuiltSite) -> Path:
    return site if isinstance(site, Path) else site.site_dir


@pytest.fixture(params=["example", "blog"])
def either(request: pytest.FixtureRequest) -> Path:
    return site_dir(request.getfixturevalue(request.param))


def test_every_feed_is_rss_2_and_json_feed_1_1(either):
    rss_files = [*either.glob("*/**/feed.xml"), either / "feed.xml", either / "digest.xml"]
    json_files = [*either.glob("*/**/feed.json"), either / "feed.json", either / "digest.json"]
    assert len(rss_files) > 5 and all(path.is_file() for path in rss_files)
    for path in rss_files:
        assert rss_problems(path.read_text(encoding="utf-8")) == [], path
    for path in json_files:
        assert json_feed_problems(path.read_text(encoding="utf-8")) == [], path


def test_every_json_ld_block_is_schema_org(either):
    blocks = 0
    for page in either.glob("**/*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.select('script[type="application/ld+json"]'):
            blocks += 1
            assert schema_org_problems(json.loads(script.string)) == [], page
    assert blocks > 20


def test_feed_items_carry_the_post_body_alone(blog):
    post_page = blog.text("blog/2026/03/02/the-same-day-follow-up/index.html")
    assert 'class="glightbox"' in post_page and 'class="headerlink"' in post_page
    items = json.loads(blog.text("feed.json"))["items"]
    for item in items:
        content = item["content_html"]
        assert not content.startswith("<html") and "<body" not in content, item["id"]
        assert "headerlink" not in content and "¶" not in content, item["id"]
        assert "<h1" not in content, item["id"]  # Each post's title heading, in any case.
        assert "aic-" not in content and "md-" not in content, item["id"]  # No chrome, no boxes.
    [same_day] = [item for item in items if item["title"] == "The Same-Day Follow-Up"]
    soup = BeautifulSoup(same_day["content_html"], "html.parser")
    assert soup.find("p").get_text().startswith("Readers asked")
    assert soup.find("h2").get_text() == "Our reading"
    assert soup.select_one("a.glightbox img")["src"] == "https://images.example/rack.png"


def test_the_digest_has_one_item_per_day_with_the_days_posts_in_order(blog):
    digest = json.loads(blog.text("digest.json"))
    days = [item["id"].rsplit("#", 1)[1] for item in digest["items"]]
    assert days == sorted(set(days), reverse=True)  # One per day, newest first.
    [march_2] = [item for item in digest["items"] if item["id"].endswith("#2026-03-02")]
    soup = BeautifulSoup(march_2["content_html"], "html.parser")
    links = [(a.get_text(), a["href"]) for a in soup.select("h2 a")]
    assert links == [
        ("The GPU maker's open-weights bet", f"{DAY}the-gpu-makers-open-weights-bet/"),
        ("The Same-Day Follow-Up", f"{DAY}the-same-day-follow-up/"),
    ]
    assert [p.get_text() for p in soup.select("p")][1].startswith("Readers asked")
    assert march_2["date_published"] == "2026-03-02T15:00:00Z"  # Its last post: sent once.
    digest_text = blog.text("digest.xml")
    assert "Quietbridge" not in digest_text and "Farsight" not in digest_text  # Draft, future.


def test_posts_tell_search_engines_what_google_asks_for(blog):
    soup = blog.page("blog/2026/03/02/the-same-day-follow-up/")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "OpinionNewsArticle"
    assert data["datePublished"] == "2026-03-02T15:00:00Z" == data["dateModified"]
    published = soup.select_one('meta[property="article:published_time"]')["content"]
    assert published == data["datePublished"]
    author_page = data["author"]["url"]  # Tomás has no URL of his own: his page here.
    assert author_page.startswith(f"{BLOG_URL}authors/")
    assert blog.exists(author_page.removeprefix(BLOG_URL))
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "The Compute Ledger",
        "url": BLOG_URL,
        "logo": {"@type": "ImageObject", "url": f"{BLOG_URL}assets/logo.png"},
    }
    authors = [meta["content"] for meta in soup.select('meta[property="article:author"]')]
    assert authors and all(url.startswith("https://") for url in authors)
    without_stance = blog.page("blog/2026/06/12/renting-tpus-by-the-hour/")
    tutorial = json.loads(without_stance.select_one('script[type="application/ld+json"]').string)
    assert tutorial["@type"] == "BlogPosting"
    assert tutorial["author"] == {"@type": "Person", "name": "The Compute Ledger desk"}


def test_index_pages_are_collections_with_breadcrumbs(example):
    soup = BeautifulSoup((example / "topics/index.html").read_text(), "html.parser")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "CollectionPage"
    assert data["mainEntity"]["numberOfItems"] == len(soup.select(".aic-index-term"))
    for page in ("companies/nvidia/index.html", "archive/index.html", "stances/bearish/index.html"):
        soup = BeautifulSoup((example / page).read_text(), "html.parser")
        data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
        listed = [a["href"] for a in soup.select(".aic-index-title a")]
        assert data["mainEntity"]["numberOfItems"] == len(listed) > 0, page
        crumbs = data["breadcrumb"]["itemListElement"]
        assert (
            crumbs[0]["item"] == "https://example.com/ledger/" and crumbs[-1]["item"] == data["url"]
        )


def test_the_signup_block_points_to_the_digest(example):
    config = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text())
    soup = BeautifulSoup((example / "posts/accelerator-moat/index.html").read_text(), "html.parser")
    link = soup.select_one(".aic-newsletter .aic-newsletter-digest a")
    assert link["href"] == f"{config['site_url']}digest.xml"
    assert (example / "digest.xml").is_file()
