"""The related-articles box in real builds: links, reasons, placement, author control."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from factories import article
from mkdocs.config import load_config

EXPORT = "Export controls on datacenter accelerators tighten again; licences get harder."


def site_pages(**overrides: str) -> dict[str, str]:
    """Three NVIDIA posts (two alike, one taking the other side), one unrelated, one draft."""
    pages = {
        "index.md": "# Home\n\nNot a post.\n",
        "posts/2026/export-rules.md": article(
            """
            title: Export rules bite
            date: 2026-11-01
            stance: bullish
            subject_company: NVIDIA
            topics: [AI chips, export controls]
            """,
            f"# Export rules bite\n\n{EXPORT}\n",
        ),
        "essays/licences.md": article(
            """
            title: Licences & <chips>
            date: 2026-11-03
            stance: bullish
            subject_company: NVIDIA
            topics: [AI chips, export controls]
            """,
            f"{EXPORT} More licences, fewer accelerators.\n",
        ),
        "posts/supply.md": article(
            """
            title: Supply is the story
            date: 2026-11-10
            stance: bearish
            subject_company: Nvidia
            topics: [AI chips]
            """,
            "Packaging capacity decides how many accelerators ship.\n",
        ),
        "posts/sourdough.md": article(
            """
            title: A loaf a day
            date: 2026-11-02
            stance: neutral
            subject_company: Bakery
            topics: [bread]
            """,
            "Sourdough wants a lively starter and a hot oven.\n",
        ),
        "posts/secret.md": article(
            """
            title: Unfinished export piece
            date: 2026-11-02
            stance: bearish
            subject_company: NVIDIA
            topics: [AI chips, export controls]
            draft: true
            """,
            f"{EXPORT}\n",
        ),
    }
    pages.update(overrides)
    return pages


def box_of(site, url):
    return site.page(url).select_one("aside.aic-related")


def entries(box) -> list[tuple[str, str]]:
    return [
        (item.select_one(".aic-related-title")["href"], item.select_one(".aic-related-title").text)
        for item in box.select(".aic-related-item")
    ]


def test_box_lists_related_posts_with_relative_links_and_reasons(build_site):
    site = build_site(site_pages(), strict=True)
    assert site.aborted is None, site.warnings

    box = box_of(site, "posts/2026/export-rules/")
    assert box is not None
    assert box.select_one(".aic-related-heading").text == "Read next"
    assert entries(box) == [
        ("../../../essays/licences/", "Licences & <chips>"),
        ("../../supply/", "Supply is the story"),
    ]
    first, second = box.select(".aic-related-item")
    reason = first.select_one(".aic-related-reason").text
    assert reason == "Also on NVIDIA · AI chips · export controls · similar wording"
    assert first.select_one(".aic-stance")["data-stance"] == "bullish"
    assert first.select_one("time")["datetime"] == "2026-11-03"
    assert first.select(".aic-company") == []  # The companies it shares are in its reason.

    # The other side: same company, another stance; "Nvidia" is the same company.
    assert "aic-related-counterpoint" in second["class"]
    assert second.select_one(".aic-related-label").text == "The other side"
    assert second.select_one(".aic-stance")["data-stance"] == "bearish"
    assert second.select_one(".aic-related-reason").text.startswith("Also on NVIDIA · AI chips")

    # The box comes after the article's own words.
    paragraph = site.page("posts/2026/export-rules/").find("p", string=EXPORT)
    assert paragraph is not None and paragraph.find_next("aside") == box


def test_no_box_for_unrelated_posts_drafts_or_pages(build_site):
    site = build_site(site_pages())
    assert box_of(site, "posts/sourdough/") is None  # Nothing passes min_score: no empty box.
    assert box_of(site, "") is None  # Not a post.
    assert not site.exists("posts/secret/")
    for url in ("posts/2026/export-rules/", "essays/licences/", "posts/supply/"):
        titles = [title for _, title in entries(box_of(site, url))]
        assert "A loaf a day" not in titles
        assert "Unfinished export piece" not in titles


def test_links_follow_use_directory_urls(build_site):
    site = build_site(site_pages(), extra={"use_directory_urls": False})
    box = box_of(site, "posts/2026/export-rules.html")
    assert [href for href, _ in entries(box)] == ["../../essays/licences.html", "../supply.html"]


def test_related_false_hides_the_box_on_that_page_only(build_site):
    hidden = article(
        """
        title: Licences & <chips>
        date: 2026-11-03
        stance: bullish
        subject_company: NVIDIA
        topics: [AI chips, export controls]
        related: false
        """,
        f"{EXPORT}\n\n<!-- aicommentary:related -->\n",
    )
    site = build_site(site_pages(**{"essays/licences.md": hidden}), strict=True)
    assert site.aborted is None, site.warnings
    assert box_of(site, "essays/licences/") is None
    assert "aicommentary:related" not in site.text("essays/licences/index.html")
    titles = [title for _, title in entries(box_of(site, "posts/2026/export-rules/"))]
    assert titles[0] == "Licences & <chips>"


def test_box_goes_where_the_author_put_the_marker(build_site):
    marked = article(
        """
        title: Supply is the story
        date: 2026-11-10
        stance: bearish
        subject_company: NVIDIA
        topics: [AI chips]
        """,
        "First part.\n\n<!-- aicommentary:related -->\n\nSecond part.\n",
    )
    for placement in ("end", "marker"):
        site = build_site(
            site_pages(**{"posts/supply.md": marked}), {"related": {"placement": placement}}
        )
        page = site.page("posts/supply/")
        box = page.select_one("aside.aic-related")
        assert box is not None
        assert box.find_previous("p").text == "First part."
        assert box.find_next("p").text == "Second part."
        assert "aicommentary:related" not in site.text("posts/supply/index.html")
        # With placement: marker, pages without a marker get no box.
        has_box = box_of(site, "posts/2026/export-rules/") is not None
        assert has_box is (placement == "end")


def test_pins_come_first_and_bad_pins_warn_with_file_and_path(build_site):
    pinned = article(
        """
        title: Supply is the story
        date: 2026-11-10
        stance: bearish
        subject_company: NVIDIA
        topics: [AI chips]
        related: [sourdough.md, ../essays/missing.md, secret.md]
        """,
        "Packaging capacity decides how many accelerators ship.\n",
    )
    site = build_site(site_pages(**{"posts/supply.md": pinned}))
    assert site.aborted is None
    box = box_of(site, "posts/supply/")
    assert entries(box)[0] == ("../sourdough/", "A loaf a day")
    first = box.select_one(".aic-related-item")
    assert "aic-related-pinned" in first["class"]
    # Nothing in common with the page: the reason is the author's choice.
    assert first.select_one(".aic-related-reason").text == "Chosen by the author"
    problems = [message for message in site.warnings if "'related'" in message]
    assert len(problems) == 2
    assert "posts/supply.md" in problems[0] and "'../essays/missing.md'" in problems[0]
    assert "posts/supply.md" in problems[1] and "'secret.md'" in problems[1]
    assert "draft" in problems[1]

    strict = build_site(site_pages(**{"posts/supply.md": pinned}), strict=True)
    assert strict.aborted is not None


def test_box_is_not_indexed_by_search(build_site):
    site = build_site(site_pages(), extra={"plugins": ["search", "aicommentary"]})
    assert box_of(site, "posts/2026/export-rules/") is not None
    index = json.loads(site.text("search/search_index.json"))
    texts = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("posts/"))
    assert "Export controls" in texts  # The page's own words are there...
    assert "Read next" not in texts  # ...the box is not.
    assert "Supply is the story" not in " ".join(
        doc["text"] for doc in index["docs"] if doc["location"].startswith("posts/2026/")
    )


def test_options_change_heading_label_count_and_can_switch_the_box_off(build_site):
    options = {"heading": "Keep reading", "counterpoint_label": "Contra", "count": 1}
    site = build_site(site_pages(), {"related": options})
    box = box_of(site, "posts/2026/export-rules/")
    assert box.select_one(".aic-related-heading").text == "Keep reading"
    assert len(box.select(".aic-related-item")) == 1
    supply = box_of(site, "posts/supply/")
    site = build_site(site_pages(), {"related": {"counterpoint_label": "Contra"}})
    label = box_of(site, "posts/supply/").select_one(".aic-related-label")
    assert supply is not None and label.text == "Contra"

    off = build_site(site_pages(), {"related": {"enabled": False}})
    assert box_of(off, "posts/2026/export-rules/") is None


def test_bad_options_stop_the_build_with_a_fix(build_site):
    site = build_site(site_pages(), {"related": {"count": 0}})
    assert site.aborted is not None
    assert any("'related'" in m and "'count'" in m for m in site.warnings)
    site = build_site(site_pages(), {"related": {"weights": {"text": -1}}})
    assert any("'weights'" in m and "'text'" in m for m in site.warnings)
    site = build_site(site_pages(), {"related": {"window": 0}})
    assert any("'related'" in m and "'window'" in m for m in site.warnings)


def test_box_works_in_material(build_site):
    site = build_site(site_pages(), theme="material", strict=True)
    assert site.aborted is None, site.warnings
    box = box_of(site, "posts/2026/export-rules/")
    assert entries(box)[0] == ("../../../essays/licences/", "Licences & <chips>")


def test_text_cache_survives_the_fresh_state_of_each_serve_rebuild(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins: [aicommentary]\n")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["aicommentary"]
    cache = plugin.text_cache
    config = config.plugins.on_config(config)  # What each `mkdocs serve` rebuild starts with.
    first = plugin.state
    first.related["posts/a.md"] = ()
    config.plugins.on_config(config)
    assert plugin.text_cache is cache
    assert plugin.state is not first and plugin.state.related == {}


def test_two_builds_are_byte_identical(tmp_path: Path):
    """Builds in separate processes (different hash seeds) give the same bytes."""
    docs = tmp_path / "docs"
    pages = site_pages()
    # Ties: several posts equally related and equally far in time.
    for number in range(6):
        pages[f"posts/tie-{number}.md"] = article(
            f"""
            title: Tie {number}
            date: 2026-11-05
            stance: {"bullish" if number % 2 else "skeptical"}
            subject_company: [NVIDIA, AMD]
            topics: [AI chips]
            """,
            "Same words in every one of these posts about accelerators.\n",
        )
    for path, text in pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Twice\ntheme: {name: mkdocs}\nplugins: [aicommentary]\n", encoding="utf-8"
    )

    outputs = []
    for seed in ("1", "2"):
        site_dir = tmp_path / f"site-{seed}"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir)],
            cwd=tmp_path,
            env={**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1764000000"},
            check=True,
        )
        outputs.append(
            {
                path.relative_to(site_dir).as_posix(): path.read_bytes()
                for path in sorted(site_dir.rglob("*.html"))
            }
        )
    assert outputs[0] == outputs[1]
    assert b"aic-related" in outputs[0]["posts/tie-0/index.html"]
