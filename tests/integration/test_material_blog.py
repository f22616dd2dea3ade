"""An existing Material blog (blog, tags and search plugins) that adds the plugin.

The fixture in tests/fixtures/material_blog is such a site: posts in blog/posts/ with
``.authors.yml`` keys, categories, tags, Material's ``date: {created, updated}``, a draft and a
post scheduled far in the future under ``draft_if_future_date``. Every test builds it for real
with ``--strict`` and reads the output as a reader (or a feed reader) would.
"""

from __future__ import annotations

import json
import shutil
import urllib.parse
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import feedparser
import pytest
from helpers import build_fixture, dead_links, plugin_links

SITE_URL = "https://ledger.example/"
FIRST_POST = "blog/2026/03/02/the-gpu-makers-open-weights-bet/"
UPDATED_POST = "blog/2026/04/10/rocm-is-finally-boring-and-that-is-the-point/"
UNPUBLISHED = ("Quietbridge", "shelved", "Farsight", "centennial")
"""Words only the draft and the scheduled post use."""

MOVER_HOOK = '''
"""A plugin of the tests' own that moves every post of blog/ to moved/<name>/."""
import os
from mkdocs.plugins import event_priority

def _move(files, config):
    for file in files.documentation_pages():
        if file.src_uri.startswith("blog/posts/"):
            name = file.src_uri.rsplit("/", 1)[1].removesuffix(".md")
            file.url = "moved/" + name + "/"
            file.dest_uri = "moved/" + name + "/index.html"
            file.abs_dest_path = os.path.join(config.site_dir, file.dest_uri)

@event_priority(PRIORITY)
def EVENT(*args, **kwargs):
    files = kwargs.get("files") if "files" in kwargs else args[0]
    _move(files, kwargs["config"])
    return args[0]
'''


SQUATTER_HOOK = '''
"""A plugin of the tests' own that moves one post to topics/, where the overview goes."""
import os
from mkdocs.plugins import event_priority

@event_priority(PRIORITY)
def EVENT(*args, **kwargs):
    files = kwargs.get("files") if "files" in kwargs else args[0]
    post = files.get_file_from_path("blog/posts/tpu-rental.md")
    post.url, post.dest_uri = "topics/", "topics/index.html"
    post.abs_dest_path = os.path.join(kwargs["config"].site_dir, post.dest_uri)
    return args[0]
'''


def plugins_in_order(settings: dict, names: list[str]) -> None:
    """Reorder ``plugins`` by name (each entry keeps its options)."""
    by_name = {next(iter(p)) if isinstance(p, dict) else p: p for p in settings["plugins"]}
    settings["plugins"] = [by_name[name] for name in names]


def unpublished_mentions(site_dir: Path) -> list[str]:
    """Output files (pages, feeds, search index, sitemap) naming an unpublished post."""
    found = []
    for path in site_dir.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".txt") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [
                f"{path.relative_to(site_dir)}: {word}" for word in UNPUBLISHED if word in text
            ]
    return found


@pytest.mark.parametrize(
    "order",
    [
        ["search", "blog", "tags", "aicommentary"],
        ["aicommentary", "search", "blog", "tags"],
    ],
    ids=["after-blog", "before-blog"],
)
def test_every_link_the_plugin_wrote_lands_on_a_built_page(tmp_path, order):
    site = build_fixture("material_blog", tmp_path, lambda s: plugins_in_order(s, order))
    assert site.aborted is None, site.warnings
    links = plugin_links(site, SITE_URL)
    assert len(links) > 100
    assert FIRST_POST in {url for _, url in links}
    assert dead_links(site, SITE_URL) == []
    # Related boxes point at the blog's URLs, not at the source folder.
    box = site.page(FIRST_POST).select_one(".aic-related")
    assert all("posts/" not in a["href"] for a in box.select("a.aic-related-title"))


def test_a_draft_and_a_scheduled_post_appear_nowhere(tmp_path):
    site = build_fixture("material_blog", tmp_path)
    assert site.aborted is None, site.warnings
    assert unpublished_mentions(site.site_dir) == []
    assert not (site.site_dir / "companies/quietbridge-labs").exists()
    assert not (site.site_dir / "topics/centennial-forecasts").exists()


def test_under_serve_the_blogs_draft_is_shown_marked_but_listed_nowhere(tmp_path):
    site = build_fixture("material_blog", tmp_path, serve=True, strict=False)
    assert site.aborted is None, site.warnings
    draft = site.page("blog/2026/02/01/the-shelved-quietbridge-memo/")
    assert draft.select_one(".aic-article-meta .aic-draft").get_text() == "Draft"
    # Material lists it on its own blog index under serve; the plugin does not list it.
    assert not (site.site_dir / "companies/quietbridge-labs").exists()
    nvidia = site.page("companies/nvidia/")
    assert "Quietbridge" not in nvidia.get_text()


def test_materials_dates_and_authors(tmp_path):
    site = build_fixture("material_blog", tmp_path)
    assert site.aborted is None, site.warnings  # date: {created, updated} is no bad date
    data = json.loads(site.page(UPDATED_POST).select_one("script[type='application/ld+json']").text)
    assert data["datePublished"] == "2026-04-10T00:00:00Z"
    assert data["dateModified"] == "2026-04-18T00:00:00Z"
    assert data["author"] == [
        {"@type": "Person", "name": "Inés Duarte", "url": "https://ines.example/"},
        # Without a URL of his own, Tomás is linked to his author page.
        {"@type": "Person", "name": "Tomás Brandt", "url": f"{SITE_URL}authors/tomas-brandt/"},
    ]
    feed = json.loads(site.text("feed.json"))  # Terms' feeds are RSS alone by default.
    (item,) = [item for item in feed["items"] if item["url"] == f"{SITE_URL}{UPDATED_POST}"]
    assert item["date_modified"] == "2026-04-18T00:00:00Z"
    assert [author["name"] for author in item["authors"]] == ["Inés Duarte", "Tomás Brandt"]
    rss = feedparser.parse(site.text("companies/amd/feed.xml"))
    assert rss.bozo == 0
    assert [author.name for author in rss.entries[0].authors] == ["Inés Duarte", "Tomás Brandt"]


TWO_BLOGS = {
    "index.md": "# Home\n",
    "a/index.md": "# Blog A\n",
    "b/index.md": "# Blog B\n",
    "a/.authors.yml": "authors:\n  same: {name: Ada of A, description: d, avatar: a.png, "
    "url: 'https://a.example/ada/'}\n",
    "b/.authors.yml": "authors:\n  same: {name: Bea of B, description: d, avatar: b.png}\n",
    "a/posts/first.md": "---\ndate: 2026-01-01\nauthors: [same]\nstance: bullish\n---\n\n"
    "# Post in A\n\nText.\n",
    "b/posts/second.md": "---\ndate: 2026-01-02\nauthors: [same]\nstance: bullish\n---\n\n"
    "# Post in B\n\nText.\n",
    "notes/outside.md": "---\nauthors: [same]\nstance: bullish\n---\n\n# Outside\n\nText.\n",
}


def test_each_post_is_credited_to_the_author_its_own_blog_names(build_site_at_url):
    """Two blogs give the key ``same`` to two people: each post gets its own blog's, in JSON-LD
    and in both feeds; a page in no blog has no authors file, and is told so."""
    site = build_site_at_url(
        TWO_BLOGS,
        theme="material",
        plugins=[{"blog": {"blog_dir": "a"}}, {"material/blog": {"blog_dir": "b"}}],
    )
    assert site.aborted is None, site.warnings
    expected = {
        "Post in A": [{"name": "Ada of A", "url": "https://a.example/ada/"}],
        "Post in B": [{"name": "Bea of B"}],
    }
    feed = json.loads(site.text("feed.json"))
    assert {i["title"]: i["authors"] for i in feed["items"] if i["title"] in expected} == expected
    rss = feedparser.parse(site.text("feed.xml"))
    names = {entry.title: [a.name for a in entry.authors] for entry in rss.entries}
    assert names["Post in A"] == ["Ada of A"] and names["Post in B"] == ["Bea of B"]
    for url, name in (("a/2026/01/01/post-in-a/", "Ada"), ("b/2026/01/02/post-in-b/", "Bea")):
        data = json.loads(site.page(url).select_one("script[type='application/ld+json']").text)
        assert data["author"]["name"].startswith(name)  # One author: an object, not a list.
    (warning,) = [w for w in site.warnings if "notes/outside.md" in w]
    assert "in no blog" in warning and "'author'" in warning


def test_tags_and_categories_are_topics_and_companies_are_named_once(tmp_path):
    def edit(settings: dict) -> None:
        ours = next(p for p in settings["plugins"] if isinstance(p, dict) and "aicommentary" in p)
        ours["aicommentary"]["header_topics"] = "all"  # The header names every topic.

    site = build_fixture("material_blog", tmp_path, edit)
    header = site.page(FIRST_POST).select_one(".aic-article-meta")
    assert [a.get_text() for a in header.select(".aic-company")] == ["NVIDIA"]
    # The tag "Nvidia" is the post's company (an alias), so it is not a topic as well.
    assert [a.get_text() for a in header.select(".aic-topic")] == ["open models", "Strategy"]
    assert not (site.site_dir / "topics/nvidia").exists()
    assert site.exists("topics/open-models/") and site.exists("topics/strategy/")
    for reason in site.page(FIRST_POST).select(".aic-related-reason"):
        names = reason.get_text().removeprefix("Also on ").split(" · ")
        assert len(names) == len(set(names))


def test_a_tag_chip_naming_the_posts_company_leads_to_the_company(tmp_path):
    """The tag "Nvidia" is the post's company, not a topic: its chip leads to the company's
    page, as its neighbour "open models" leads to the topic's, rather than nowhere."""
    site = build_fixture("material_blog", tmp_path)
    chips = site.page(FIRST_POST).select("nav.md-tags .md-tag")
    assert {chip.get_text(strip=True): chip.get("href") for chip in chips} == {
        "Nvidia": "../../../../../companies/nvidia/",
        "open models": "../../../../../topics/open-models/",
    }
    assert site.exists("companies/nvidia/")


def test_the_header_leaves_the_date_and_authors_to_the_blog(tmp_path):
    site = build_fixture("material_blog", tmp_path)
    page = site.page(UPDATED_POST)
    header = page.select_one(".aic-article-meta")
    assert header.select_one("time") is None and header.select_one(".aic-byline") is None
    assert page.select(".md-post time, .md-meta time, time")  # Material shows the date itself.


def test_the_blog_index_and_archive_show_each_posts_stance(tmp_path):
    site = build_fixture("material_blog", tmp_path)
    for url in ("blog/", "blog/archive/2026/", "blog/category/strategy/"):
        excerpts = site.page(url).select("article.md-post")
        assert excerpts, url
        badges = [post.select_one(".aic-stance") for post in excerpts]
        assert any(badge is not None for badge in badges), url
        for header in site.page(url).select("article.md-post .aic-article-meta"):
            # Under the post's title, which excerpts render as an <h2>.
            assert header.find_previous_sibling().name == "h2", url
    assert dead_links(site, SITE_URL) == []  # The badges' links included.


def build_with_hook(tmp_path, hook: str, event: str, priority: int):
    """The fixture site without Material's blog, with ``hook`` run at ``event`` and
    ``priority`` (it names them EVENT and PRIORITY)."""
    (tmp_path / "hook.py").write_text(
        hook.replace("EVENT", event).replace("PRIORITY", str(priority))
    )

    def edit(settings: dict) -> None:
        settings["plugins"] = [p for p in settings["plugins"] if p != "blog" and "blog" not in p]
        settings["hooks"] = ["hook.py"]

    return build_fixture("material_blog", tmp_path, edit, strict=False)


@pytest.mark.parametrize(
    ("event", "priority"),
    [("on_files", 100), ("on_files", 0), ("on_files", -200), ("on_nav", 0), ("on_nav", -200)],
)
def test_a_plugin_that_moves_pages_at_any_point_is_followed(tmp_path, event, priority):
    site = build_with_hook(tmp_path, MOVER_HOOK, event, priority)
    assert site.aborted is None, site.warnings
    assert site.exists("moved/open-weights-bet/")
    links = {url for _, url in plugin_links(site, SITE_URL)}
    assert "moved/open-weights-bet/" in links
    assert dead_links(site, SITE_URL) == []


@pytest.mark.parametrize("position", ["before", "after"])
def test_beside_the_plugins_such_sites_run(tmp_path, position):
    others = [
        {"rss": {"use_git": False, "match_path": "blog/posts/.*"}},
        {"minify": {"minify_html": True, "htmlmin_opts": {"remove_comments": True}}},
        {
            "git-revision-date-localized": {
                "fallback_to_build_date": True,
                "enable_git_follow": False,
            }
        },
    ]

    def edit(settings: dict) -> None:
        ours = [p for p in settings["plugins"] if isinstance(p, dict) and "aicommentary" in p]
        rest = [p for p in settings["plugins"] if p not in ours]
        settings["plugins"] = (
            [*rest, *others, *ours] if position == "after" else [*ours, *rest, *others]
        )

    site = build_fixture("material_blog", tmp_path, edit, strict=False)
    assert site.aborted is None, site.warnings
    assert dead_links(site, SITE_URL) == []
    page = site.page(FIRST_POST)
    assert page.select_one(".aic-related") is not None
    assert page.select_one(".aic-newsletter") is not None
    assert unpublished_mentions(site.site_dir) == []


def test_a_post_dated_with_an_offset_keeps_the_day_the_blog_files_it_under(tmp_path):
    """Half past midnight in Berlin on New Year's Day is still 2025 in UTC: the blog files the
    post under 2026/01/01, and so must the header, the listings and the archive."""
    post = "---\ndate: 2026-01-01T00:30:00+01:00\nsubject_company: AMD\n---\n# New year, old chips"

    def edit(settings: dict) -> None:
        (tmp_path / "docs/blog/posts/new-year.md").write_text(post, encoding="utf-8")
        ours = next(p for p in settings["plugins"] if isinstance(p, dict) and "aicommentary" in p)
        ours["aicommentary"]["index"] = {"archive": {"enabled": True, "by_year": True}}

    site = build_fixture("material_blog", tmp_path, edit)
    assert site.aborted is None, site.warnings
    assert site.exists("blog/2026/01/01/new-year-old-chips/")
    assert not site.exists("archive/2025/")
    entry = next(
        li
        for li in site.page("archive/2026/").select(".aic-index-entry")
        if "New year" in li.get_text()
    )
    assert entry.select_one("time")["datetime"] == "2026-01-01"
    feed = json.loads(site.text("feed.json"))
    item = next(item for item in feed["items"] if item["title"] == "New year, old chips")
    assert item["date_published"] == "2025-12-31T23:30:00Z"


def test_the_blogs_own_archive_page_is_left_to_the_blog_with_a_warning(tmp_path):
    """With the plugin's year archive where the blog writes its own (as at ``blog_dir: .``),
    the posts would be listed twice on one page."""

    def edit(settings: dict) -> None:
        ours = next(p for p in settings["plugins"] if isinstance(p, dict) and "aicommentary" in p)
        ours["aicommentary"]["index"] = {
            "archive": {"enabled": True, "prefix": "blog/archive", "by_year": True}
        }

    site = build_fixture("material_blog", tmp_path, edit, strict=False)
    assert site.aborted is None, site.warnings
    assert any(
        "blog/archive/2026/index.md" in warning and "Material's blog" in warning
        for warning in site.warnings
    ), site.warnings
    archive = site.page("blog/archive/2026/")
    assert archive.select("article.md-post")
    assert archive.select(".aic-index-entry") == []
    assert dead_links(site, SITE_URL) == []


def blog_at_the_site_root(root: Path, settings: dict) -> None:
    """Turn the fixture into a blog at the site root (``blog_dir: .``) whose posts live at
    ``/<slug>/``, as a publication that is only a blog sets it up."""
    docs = root / "docs"
    shutil.move(docs / "blog/posts", docs / "posts")
    shutil.move(docs / "blog/.authors.yml", docs / ".authors.yml")
    shutil.rmtree(docs / "blog")
    home = docs / "index.md"
    home.write_text("# The Compute Ledger\n\n<!-- aicommentary:latest -->\n", encoding="utf-8")
    blog = next(
        entry for entry in settings["plugins"] if isinstance(entry, dict) and "blog" in entry
    )
    blog["blog"].update(blog_dir=".", post_url_format="{slug}")
    ours = next(p for p in settings["plugins"] if isinstance(p, dict) and "aicommentary" in p)
    ours["aicommentary"]["index"] = {"archive": {"enabled": True}}  # Beside the blog's own.


def sitemap_urls(site) -> list[str]:
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ET.fromstring(site.text("sitemap.xml"))
    return [loc.text for loc in tree.findall("s:url/s:loc", namespace)]


def test_a_post_at_the_address_of_an_overview_keeps_it_with_a_warning(tmp_path):
    """At ``blog_dir: .`` a post titled "Topics" is written to topics/: the plugin's overview
    of topics would overwrite it there, while feeds, listings and the sitemap link the post."""
    titles = {"Topics": "topics", "Companies": "companies", "Archive": "archive"}

    def edit(settings: dict) -> None:
        blog_at_the_site_root(tmp_path, settings)
        for day, title in enumerate(titles, start=1):
            (tmp_path / f"docs/posts/{title.lower()}-post.md").write_text(
                f"---\ndate: 2026-05-0{day}\nsubject_company: AMD\ntopics: [Naming]\n---\n\n"
                f"# {title}\n\nA post of the author's, called {title}.\n",
                encoding="utf-8",
            )

    site = build_fixture("material_blog", tmp_path, edit, strict=False)
    assert site.aborted is None, site.warnings
    for title, folder in titles.items():
        post = f"posts/{title.lower()}-post.md"
        assert any(
            f"{folder}/index.md" in warning and post in warning for warning in site.warnings
        ), site.warnings
        page = site.page(f"{folder}/")
        assert page.select_one("article h1").get_text(strip=True) == title
        assert f"A post of the author's, called {title}." in page.get_text()
        assert page.select(".aic-index-overview, .aic-index-listing, .aic-chart") == []
    # Every feed and listing still links the posts, at the addresses that show them.
    feed = json.loads(site.text("feed.json"))
    assert {item["url"] for item in feed["items"]} >= {f"{SITE_URL}{f}/" for f in titles.values()}
    assert dead_links(site, SITE_URL) == []
    # The home page's newest posts link no archive: there is none.
    assert site.page("").select(".aic-latest-more") == []
    # The term pages are the plugin's as ever.
    assert site.page("topics/naming/").select(".aic-index-entry")
    urls = sitemap_urls(site)
    assert [url for url, count in Counter(urls).items() if count > 1] == []
    assert f"{SITE_URL}topics/" in urls


@pytest.mark.parametrize(
    ("event", "priority"), [("on_files", 0), ("on_files", -200), ("on_nav", 0)]
)
def test_a_post_another_plugin_moves_to_an_overview_keeps_it_at_any_point(
    tmp_path, event, priority
):
    site = build_with_hook(tmp_path, SQUATTER_HOOK, event, priority)
    assert site.aborted is None, site.warnings
    (warning,) = [w for w in site.warnings if "topics/index.md" in w]
    assert "blog/posts/tpu-rental.md" in warning
    assert site.page("topics/").select_one("article h1").get_text() == "Renting TPUs by the hour"
    assert site.page("topics/").select(".aic-index-overview") == []
    # Never twice (a page moved in on_nav keeps the sitemap entry of its first place).
    assert sitemap_urls(site).count(f"{SITE_URL}topics/") <= 1
    assert dead_links(site, SITE_URL) == []


def _lands(site_dir: Path, page_url: str, src: str) -> bool:
    """Whether ``src``, written on the page at ``page_url``, names a file the build wrote."""
    return (site_dir / urllib.parse.urljoin("/" + page_url, src).lstrip("/")).is_file()


def test_lead_images_follow_the_posts_the_blog_moves(tmp_path):
    """Two posts name images (one beside the posts, one from the top of the docs folder), the
    others none: each image is found from the post's new address, and only those two posts
    are shared with a large card."""
    site = build_fixture("material_blog", tmp_path)
    first = site.page(FIRST_POST)
    og_image = first.find("meta", property="og:image")
    # The blog moves the files in its post folder too: blog/posts/images/ is served at blog/images/.
    assert og_image["content"] == SITE_URL + "blog/images/funnel.png"
    lead = first.select_one(".aic-lead-image img")
    assert lead["alt"] == "Five green bars, each taller than the one before"
    assert (lead["width"], lead["height"]) == ("600", "315")
    assert _lands(site.site_dir, FIRST_POST, lead["src"])
    updated = site.page(UPDATED_POST)
    assert updated.find("meta", property="og:image")["content"] == (
        SITE_URL + "assets/second-source.png"
    )
    data = json.loads(updated.find("script", type="application/ld+json").get_text())
    assert data["image"] == SITE_URL + "assets/second-source.png"
    plain = site.page("blog/2026/06/12/renting-tpus-by-the-hour/")
    assert plain.find("meta", property="og:image") is None
    assert plain.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"
    for excerpt in site.page("blog/").select("article.md-post .aic-lead-image img"):
        assert _lands(site.site_dir, "blog/", excerpt["src"])
    listing = site.page("companies/nvidia/")
    thumbnails = listing.select("img.aic-thumbnail")
    assert [image["alt"] for image in thumbnails] == [lead["alt"]]
    assert _lands(site.site_dir, "companies/nvidia/", thumbnails[0]["src"])


def test_reading_time_is_left_to_the_blog_on_its_pages(tmp_path):
    site = build_fixture("material_blog", tmp_path)
    post = site.page(FIRST_POST)
    assert post.select(".aic-reading-time") == []
    assert "min read" in post.get_text()  # Material's blog shows its own.
    listing = site.page("companies/nvidia/")
    assert listing.select_one(".aic-index-entry .aic-reading-time").get_text() == "1 min read"
