"""Lead images and reading times, read from built sites on the three themes as a browser, a
link preview, a search engine and a feed reader read them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from helpers import SITE_URL, BuiltSite, make_builder
from PIL import Image

THEMES = ("mkdocs", "readthedocs", "material")

COVER_ALT = "Rack of accelerators <under> a blue light"

PAGES = {
    "index.md": "# Home\n\n<!-- aicommentary:latest -->\n",
    "posts/gpu-glut.md": f"""
        ---
        title: The GPU glut
        date: 2026-03-02
        stance: bearish
        subject_company: NVIDIA
        image: cover.png
        image_alt: "{COVER_ALT}"
        ---

        Too many accelerators are chasing too few paying customers this year.
        """,
    "posts/remote.md": """
        ---
        title: A picture from elsewhere
        date: 2026-03-01
        stance: neutral
        subject_company: AMD
        cover_image: https://images.example/rack.jpg
        ---

        An image hosted by someone else.
        """,
    "posts/deep/wide.md": """
        ---
        title: Drawn, not photographed
        date: 2026-02-27
        stance: bullish
        subject_company: AMD
        images: [/assets/wide.svg]
        ---

        A drawing at the site's root, named from the top of the docs folder.
        """,
    "posts/shown.md": """
        ---
        title: The chart in the text
        date: 2026-02-25
        stance: neutral
        subject_company: NVIDIA
        image: cover.png
        ---

        ![The same chart, placed by the author](cover.png)
        """,
    "posts/plain.md": """
        ---
        title: No picture at all
        date: 2026-02-20
        stance: skeptical
        subject_company: NVIDIA
        ---

        Words only.
        """,
    "posts/broken.md": """
        ---
        title: Broken images
        date: 2026-02-10
        stance: mixed
        subject_company: AMD
        image: "javascript:alert(1)"
        ---

        A post whose image is no image.
        """,
    "posts/missing.md": """
        ---
        title: Missing image
        date: 2026-02-09
        stance: mixed
        subject_company: AMD
        image: not-there.png
        ---

        Its image was never committed.
        """,
    "posts/insecure.md": """
        ---
        title: Insecure image
        date: 2026-02-08
        stance: mixed
        subject_company: AMD
        feature_image: http://images.example/plain.jpg
        ---

        Over plain http.
        """,
    "posts/folder.md": """
        ---
        title: A folder for an image
        date: 2026-02-07
        stance: mixed
        subject_company: AMD
        image: ../assets
        ---

        Names a folder.
        """,
}


def _write_images(docs: Path) -> None:
    (docs / "posts").mkdir(parents=True, exist_ok=True)
    (docs / "assets").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (120, 63), (30, 60, 140)).save(docs / "posts" / "cover.png")
    (docs / "assets" / "wide.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 210">'
        '<rect width="400" height="210" fill="#357"/></svg>',
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, BuiltSite]]:
    folder = tmp_path_factory.mktemp("images")
    build = make_builder(folder)
    built = {}
    for theme in THEMES:
        root = folder / theme
        _write_images(root / "docs")
        built[theme] = build(
            PAGES,
            {"index": {"feeds": True}, "images": {"related": True}},
            theme=theme,
            site_url=SITE_URL,
            root=root,
        )
    yield built


def _meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return str(tag["content"]) if tag else None


def _json_ld(soup: BeautifulSoup) -> dict:
    script = soup.find("script", type="application/ld+json")
    assert script is not None
    return json.loads(script.get_text())


@pytest.mark.parametrize("theme", THEMES)
def test_a_post_with_an_image_is_shared_with_it(sites, theme):
    soup = sites[theme].page("posts/gpu-glut/")
    assert _meta(soup, "og:image") == SITE_URL + "posts/cover.png"
    assert (_meta(soup, "og:image:width"), _meta(soup, "og:image:height")) == ("120", "63")
    assert _meta(soup, "og:image:type") == "image/png"
    assert _meta(soup, "og:image:alt") == COVER_ALT
    assert _meta(soup, "twitter:card") == "summary_large_image"
    assert _json_ld(soup)["image"] == SITE_URL + "posts/cover.png"


@pytest.mark.parametrize("theme", THEMES)
def test_the_lead_image_sits_under_the_title_with_its_size_and_text(sites, theme):
    soup = sites[theme].page("posts/gpu-glut/")
    image = soup.select_one("figure.aic-lead-image img")
    assert image is not None
    assert image["alt"] == COVER_ALT
    assert (image["width"], image["height"]) == ("120", "63")
    assert image["src"] == "../cover.png"  # The post moved to posts/gpu-glut/; its image did not.
    assert (sites[theme].site_dir / "posts" / "cover.png").is_file()


@pytest.mark.parametrize("theme", THEMES)
def test_other_spellings_and_site_paths(sites, theme):
    remote = sites[theme].page("posts/remote/")
    assert _meta(remote, "og:image") == "https://images.example/rack.jpg"
    assert _meta(remote, "og:image:width") is None  # Not read over the network.
    wide = sites[theme].page("posts/deep/wide/")
    assert _json_ld(wide)["image"] == SITE_URL + "assets/wide.svg"
    assert _meta(wide, "og:image") is None  # Link previews show no SVG.
    assert _meta(wide, "twitter:card") == "summary"
    lead = wide.select_one(".aic-lead-image img")
    assert lead["src"] == "../../../assets/wide.svg"
    assert (lead["width"], lead["height"], lead["alt"]) == ("400", "210", "")


@pytest.mark.parametrize("theme", THEMES)
def test_a_post_without_an_image_keeps_the_small_card(sites, theme):
    soup = sites[theme].page("posts/plain/")
    assert _meta(soup, "og:image") is None
    assert _meta(soup, "twitter:card") == "summary"
    assert "image" not in _json_ld(soup)
    assert soup.select(".aic-lead-image") == []


def test_bad_images_are_warnings_naming_the_file_and_field(sites):
    warnings = "\n".join(sites["mkdocs"].warnings)
    assert "posts/broken.md: front matter field 'image' has the value 'javascript:alert(1)'" in (
        warnings
    )
    # The value as the author wrote it; the file the site looked for after it.
    assert "posts/missing.md: front matter field 'image' has the value 'not-there.png'" in warnings
    assert "there is no file posts/not-there.png" in warnings
    assert "posts/insecure.md: front matter field 'feature_image'" in warnings
    assert "https://" in warnings
    assert "posts/folder.md: front matter field 'image'" in warnings
    assert "names a folder" in warnings
    soup = sites["mkdocs"].page("posts/broken/")
    assert _meta(soup, "og:image") is None
    assert "javascript" not in str(soup.select_one(".aic-article-meta"))


@pytest.mark.parametrize("theme", THEMES)
def test_listings_show_thumbnails_that_keep_their_place(sites, theme):
    soup = sites[theme].page("companies/nvidia/")  # Full entries (the archive's are compact).
    entries = {
        entry.select_one(".aic-index-title").get_text(strip=True): entry
        for entry in soup.select("li.aic-index-entry")
    }
    thumbnail = entries["The GPU glut"].select_one("img.aic-thumbnail")
    assert thumbnail["src"] == "../../posts/cover.png"
    assert thumbnail["alt"] == COVER_ALT
    assert (thumbnail["width"], thumbnail["height"]) == ("120", "63")
    assert (thumbnail["loading"], thumbnail["decoding"]) == ("lazy", "async")
    assert entries["No picture at all"].select_one("img") is None
    home = sites[theme].page("")
    assert home.select_one(".aic-latest img.aic-thumbnail")["src"] == "posts/cover.png"


@pytest.mark.parametrize("theme", THEMES)
def test_read_next_thumbnails_when_switched_on(sites, theme):
    soup = sites[theme].page("posts/plain/")
    images = soup.select(".aic-related img.aic-thumbnail")
    assert any(image["src"] == "../cover.png" for image in images)
    assert all(image["loading"] == "lazy" for image in images)


def test_an_image_the_post_shows_itself_is_not_shown_twice(sites):
    soup = sites["material"].page("posts/shown/")
    assert soup.select(".aic-lead-image") == []
    assert _meta(soup, "og:image") == SITE_URL + "posts/cover.png"
    items = json.loads(sites["mkdocs"].text("feed.json"))["items"]
    item = next(item for item in items if item["title"] == "The chart in the text")
    assert len(BeautifulSoup(item["content_html"], "html.parser").find_all("img")) == 1


def test_feeds_carry_the_image(sites):
    site = sites["mkdocs"]
    items = {item["title"]: item for item in json.loads(site.text("feed.json"))["items"]}
    assert items["The GPU glut"]["image"] == SITE_URL + "posts/cover.png"
    assert "image" not in items["No picture at all"]
    content = BeautifulSoup(items["The GPU glut"]["content_html"], "html.parser")
    first = content.find("img")
    assert first["src"] == SITE_URL + "posts/cover.png"
    assert first["alt"] == COVER_ALT
    rss = feedparser.parse(site.text("feed.xml"))
    entry = next(entry for entry in rss.entries if entry.title == "The GPU glut")
    assert entry.media_content[0]["url"] == SITE_URL + "posts/cover.png"
    assert entry.media_content[0]["width"] == "120"
    company = feedparser.parse(site.text("companies/nvidia/feed.xml")).entries
    assert company[0].media_content[0]["url"] == SITE_URL + "posts/cover.png"


@pytest.mark.parametrize("theme", THEMES)
def test_reading_time_in_the_header_and_listings(sites, theme):
    post = sites[theme].page("posts/gpu-glut/")
    assert post.select_one(".aic-article-meta .aic-reading-time").get_text() == "1 min read"
    listing = sites[theme].page("companies/nvidia/")
    assert len(listing.select(".aic-index-entry .aic-reading-time")) == len(
        listing.select(".aic-index-entry")
    )
    assert sites[theme].page("archive/").select(".aic-reading-time") == []  # Compact entries.


def test_a_default_image_and_switches(tmp_path):
    build = make_builder(tmp_path)
    root = tmp_path / "site"
    _write_images(root / "docs")
    Image.new("RGB", (60, 60), (200, 200, 200)).save(root / "docs" / "assets" / "logo.png")
    pages = {key: PAGES[key] for key in ("posts/gpu-glut.md", "posts/plain.md")}
    options = {
        "images": {"default": "assets/logo.png", "default_alt": "Our logo", "header": False},
        "reading_time": {"enabled": False},
    }
    site = build(pages, options, site_url=SITE_URL, root=root, strict=True)
    plain = site.page("posts/plain/")
    assert _meta(plain, "og:image") == SITE_URL + "assets/logo.png"
    assert _meta(plain, "og:image:alt") == "Our logo"
    assert plain.select(".aic-lead-image") == []  # The default never leads a post.
    own = site.page("posts/gpu-glut/")
    assert _meta(own, "og:image") == SITE_URL + "posts/cover.png"
    assert own.select(".aic-lead-image, .aic-reading-time") == []
    listing = site.page("companies/nvidia/")
    assert len(listing.select("img.aic-thumbnail")) == 1  # Not the same logo on every entry.


def test_a_default_image_that_is_not_there_stops_the_build(tmp_path):
    build = make_builder(tmp_path)
    site = build({"posts/plain.md": PAGES["posts/plain.md"]}, {"images": {"default": "nope.png"}})
    assert site.aborted is not None
    assert "'images.default' ('nope.png'): there is no file nope.png" in "\n".join(site.warnings)
