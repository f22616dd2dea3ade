"""The plugin as an author meets it: front matter in, article headers and warnings out."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from factories import article

GPU_POST = article(
    """
    title: The GPU maker's gambit
    date: 2026-11-20
    stance: skeptical
    subject_company: [Nvda, Google]
    topics: [open-source AI, AI & chips]
    """,
    "# The GPU maker's gambit\n\nThe body.\n\n## A section\n\nMore.\n",
)
REGISTRY = {"companies": {"NVIDIA": {"aliases": ["Nvidia"], "ticker": "NVDA"}, "Google": None}}
SITE = {"index.md": "# Home\n\nWelcome, not a post.\n", "posts/gpu.md": GPU_POST}


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_header_sits_under_the_title_of_articles_only(build_site, theme):
    site = build_site(SITE, REGISTRY, strict=True, theme=theme)
    assert site.aborted is None, site.warnings

    page = site.page("posts/gpu/")
    header = page.select_one(".aic-article-meta")
    assert header is not None
    assert header.find_previous_sibling("h1").get_text(strip=True).startswith("The GPU maker")
    badge = header.select_one(".aic-stance")
    assert badge["data-stance"] == "skeptical"
    assert badge["href"] == "../../stances/skeptical/"
    assert "Skeptical" in badge.get_text()
    companies = [(a.get_text(), a["href"]) for a in header.select("a.aic-company")]
    assert companies == [
        ("NVIDIA", "../../companies/nvidia/"),
        ("Google", "../../companies/google/"),
    ]
    topics = [(a.get_text(), a["href"]) for a in header.select("a.aic-topic")]
    assert topics == [
        ("open-source AI", "../../topics/open-source-ai/"),
        ("AI & chips", "../../topics/ai-chips-f8231fea/"),
    ]
    assert header.select_one("time")["datetime"] == "2026-11-20"
    assert page.find("link", href=lambda h: h and h.endswith("aicommentary.css")) is not None
    assert site.exists("assets/aicommentary/aicommentary.css")

    assert site.page("").select_one(".aic-article-meta") is None


def test_header_is_the_first_thing_when_the_body_has_no_title(build_site):
    site = build_site({"a.md": article("stance: bullish", "Just words.\n")})
    main = site.page("a/").select_one('[role="main"]')
    assert "aic-article-meta" in main.find(True)["class"]


def test_links_follow_use_directory_urls_false(build_site):
    site = build_site(SITE, REGISTRY, extra={"use_directory_urls": False})
    header = site.page("posts/gpu.html").select_one(".aic-article-meta")
    assert header.select_one("a.aic-company")["href"] == "../companies/nvidia/index.html"


def test_an_authors_own_company_page_is_linked(build_site):
    pages = {**SITE, "companies/nvidia.md": "# NVIDIA\n\nOur take on the company.\n"}
    site = build_site(pages, REGISTRY, extra={"use_directory_urls": False})
    header = site.page("posts/gpu.html").select_one(".aic-article-meta")
    assert header.select_one("a.aic-company")["href"] == "../companies/nvidia.html"


def test_switched_off_index_kinds_are_shown_without_links(build_site):
    site = build_site(SITE, {**REGISTRY, "index": {"topics": {"enabled": False}}})
    header = site.page("posts/gpu/").select_one(".aic-article-meta")
    assert header.select("a.aic-topic") == []
    assert [t.get_text() for t in header.select("span.aic-topic")] == [
        "open-source AI",
        "AI & chips",
    ]


def test_header_can_be_switched_off(build_site):
    site = build_site(SITE, {"header": False})
    assert site.page("posts/gpu/").select_one(".aic-article-meta") is None


BAD_VALUES = [
    ("stance: bulish", "stance", "bullish, bearish, skeptical, neutral, mixed"),
    ("date: someday", "date", "2026-11-20"),
    ("topics: {a: 1}", "topics", "list of names"),
    ("subject_company: [1, 2]", "subject_company", "list of names"),
    ("draft: perhaps", "draft", "true or false"),
]


@pytest.mark.parametrize(("line", "field", "allowed"), BAD_VALUES)
def test_bad_value_warns_and_strict_fails(build_site, line, field, allowed):
    pages = {"posts/bad.md": article(f"stance: neutral\n{line}")}
    relaxed = build_site(pages)
    assert relaxed.aborted is None
    [warning] = [w for w in relaxed.warnings if "posts/bad.md" in w]
    assert f"field '{field}'" in warning
    assert allowed in warning
    if field == "draft":  # A draft flag that is not a clean boolean fails closed.
        assert not relaxed.exists("posts/bad/")
    else:
        assert relaxed.page("posts/bad/").select_one(".aic-article-meta") is not None

    strict = build_site(pages, strict=True)
    assert strict.aborted is not None


def test_unknown_company_warns_when_the_registry_is_strict(build_site):
    site = build_site(
        {"p.md": article("subject_company: Acme Robotics")},
        {**REGISTRY, "warn_unknown_companies": True},
    )
    assert any(
        "p.md" in w and "'Acme Robotics' is not in the company registry" in w for w in site.warnings
    )


def test_broken_yaml_in_a_post_is_reported(build_site):
    site = build_site({"p.md": "---\nstance: bullish\ntitle: [unclosed\n---\n# P\n"}, strict=True)
    assert site.aborted is not None
    assert any("p.md" in w and "front matter" in w for w in site.warnings)


def test_pages_that_are_not_articles_are_left_alone(build_site):
    about = "---\ntitle: About us\nsummary: [odd, but not ours]\n---\n# About\n\nHi.\n"
    site = build_site({"about.md": about}, strict=True)
    assert site.aborted is None
    assert site.page("about/").select_one(".aic-article-meta") is None


def test_glob_patterns_choose_the_articles(build_site):
    pages = {
        "posts/plain.md": "# Plain post\n\nNo front matter at all.\n",
        "notes/opinion.md": article("stance: bullish"),
    }
    site = build_site(pages, {"articles": ["posts/*"]})
    assert site.page("posts/plain/").select_one(".aic-article-meta") is not None
    assert site.page("notes/opinion/").select_one(".aic-article-meta") is None


def test_drafts_are_not_built_but_are_shown_in_serve(build_site):
    pages = {**SITE, "posts/draft.md": article("stance: bullish\ndraft: true", "# Draft\n")}
    built = build_site(pages, strict=True)
    assert built.aborted is None, built.warnings
    assert not built.exists("posts/draft/")
    assert built.exists("posts/gpu/")

    served = build_site(pages, serve=True)
    header = served.page("posts/draft/").select_one(".aic-article-meta")
    assert header.select_one(".aic-draft").get_text() == "Draft"
    # Only the draft takes this stance, so there is no stance page to link to.
    assert header.select_one("a.aic-stance") is None
    assert header.select_one("span.aic-stance")["data-stance"] == "bullish"


def test_what_authors_type_is_escaped(build_site):
    pages = {
        "p.md": article(
            "stance: bullish\nsubject_company: '<script>alert(1)</script>'\n"
            "topics: ['<img src=x onerror=alert(2)>']",
            "# Title\n",
        )
    }
    site = build_site(pages)
    header = site.page("p/").select_one(".aic-article-meta")
    assert header.find("script") is None and header.find("img") is None
    assert header.select_one(".aic-company").get_text() == "<script>alert(1)</script>"
    assert header.select_one(".aic-topic").get_text() == "<img src=x onerror=alert(2)>"


def test_a_theme_custom_dir_overrides_a_template(build_site, tmp_path):
    root = tmp_path / "custom"
    override = root / "overrides" / "aicommentary" / "article_header.html"
    override.parent.mkdir(parents=True)
    override.write_text('<p class="my-header">{{ article.title }} / {{ stance.name }}</p>')
    site = build_site(SITE, theme={"name": "mkdocs", "custom_dir": "overrides"}, root=root)
    page = site.page("posts/gpu/")
    assert page.select_one(".aic-article-meta") is None
    assert page.select_one("p.my-header").get_text() == "The GPU maker's gambit / Skeptical"


def test_custom_stances_and_date_format(build_site):
    pages = {"p.md": article("stance: hype\ndate: 2026-01-05", "# P\n")}
    site = build_site(
        pages, {"stances": {"hype": "Hype alert"}, "date_format": "%Y/%m/%d"}, strict=True
    )
    header = site.page("p/").select_one(".aic-article-meta")
    assert header.select_one(".aic-stance").get_text() == "Stance: Hype alert"
    assert header.select_one("time").get_text() == "2026/01/05"


def test_two_builds_in_one_process_equal_a_fresh_build(build_site, tmp_path, monkeypatch):
    """What `mkdocs serve` does: the same plugin object builds again; nothing may pile up."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")  # MkDocs stamps the build time
    pages = {
        **SITE,
        "posts/other.md": article(
            "stance: bearish\ndate: 2026-10-01\nsubject_company: NVIDIA\ntopics: [AI & chips]",
            "# Other\n\nChips and margins.\n",
        ),
        "posts/draft.md": article("stance: mixed\ndraft: true", "# Draft\n"),
    }
    everything = {
        **REGISTRY,
        "index": {"nav": True},
        "newsletter": {"provider": "buttondown", "username": "ledger"},
    }
    options = {"site_url": "https://example.com/", "plugins": ["search"]}
    first = build_site(pages, everything, root=tmp_path / "a", **options)
    second = build_site(pages, everything, root=tmp_path / "a", **options)
    assert first.aborted is None and second.aborted is None

    def snapshot(site_dir: Path) -> dict[str, bytes]:
        return {
            str(path.relative_to(site_dir)): path.read_bytes()
            for path in sorted(site_dir.rglob("*"))
            if path.is_file() and path.suffix != ".gz"
        }

    # A fresh process builds the same site from scratch, with a new plugin object.
    fresh = tmp_path / "fresh"
    shutil.copytree(tmp_path / "a", fresh, ignore=shutil.ignore_patterns("site"))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=fresh, check=True)
    rebuilt, expected = snapshot(second.site_dir), snapshot(fresh / "site")
    assert rebuilt.keys() == expected.keys()
    assert rebuilt == expected
    assert "companies/nvidia/feed.xml" in rebuilt
    other = rebuilt["posts/other/index.html"].decode()
    assert "aic-article-meta" in other and "aic-related" in other and "aic-newsletter" in other


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"stances": {"Very bullish": "Very bullish"}}, "try 'very-bullish'"),
        ({"stances": {}}, "list at least one stance"),
        (
            {"companies": {"Meta": {}, "Facebook": {"aliases": ["meta"]}}},
            "belongs to both 'Meta' and 'Facebook'",
        ),
        ({"index": {"topics": {"prefix": "../up"}}}, "write a relative folder inside the site"),
    ],
)
def test_broken_configuration_is_a_plugin_error(build_site, options, words):
    site = build_site(SITE, options)
    assert site.aborted is not None
    assert any(words in message for message in site.warnings), site.warnings


def test_mkdocs_cli_strict_fails_on_bad_front_matter(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "post.md").write_text(article("stance: sideways"))
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - aicommentary\n")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "post.md: front matter field 'stance' has the value 'sideways'" in result.stderr

    (docs / "post.md").write_text(article("stance: neutral"))
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_search_shows_the_articles_words_not_its_header(build_site):
    site = build_site(SITE, REGISTRY, plugins=["search"])
    docs = json.loads(site.text("search/search_index.json"))["docs"]
    [post] = [doc for doc in docs if doc["location"] == "posts/gpu/"]
    assert post["text"].startswith("The GPU maker's gambit The body.")
    assert "Stance" not in post["text"]
    assert site.page("posts/gpu/").select_one("h1 + .aic-article-meta") is not None
