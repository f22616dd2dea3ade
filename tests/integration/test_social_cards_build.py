"""Social cards: built sites on the three themes, their PNG files read as a link preview would."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from factories import article
from helpers import SITE_URL, BuiltSite, build_fixture, make_builder
from PIL import Image

from mkdocs_aicommentary.features import social_cards

THEMES = ("mkdocs", "readthedocs", "material")
PAGES = {
    "index.md": "# Home\n",
    "posts/moat.md": article(
        """
        title: The moat is "thinner" & <wider> than it looks
        date: 2026-03-02
        stance: bearish
        subject_company: [NVIDIA, AMD]
        topics: [AI hardware]
        """
    ),
    "posts/own.md": article(
        """
        title: A post with its own picture
        date: 2026-03-03
        stance: bullish
        subject_company: AMD
        image: https://images.example.com/own.png
        image_alt: A chip on a desk
        """
    ),
}
OPTIONS = {"social_cards": {"enabled": True, "cache_dir": ""}}


def head_meta(site: BuiltSite, url: str) -> dict[str, str]:
    """The page's ``<meta>`` tags by property or name, as a link preview reads them."""
    head = site.page(url).head
    return {
        tag.get("property") or tag.get("name"): tag["content"]
        for tag in head.find_all("meta")
        if tag.get("property") or tag.get("name")
    }


def card_of(site: BuiltSite, url: str, site_url: str = SITE_URL) -> Path:
    image = head_meta(site, url)["og:image"]
    assert image.startswith(f"{site_url}assets/aicommentary/cards/"), image
    return site.site_dir / image.removeprefix(site_url)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, list[BuiltSite]]]:
    """Each theme's site, built twice in separate folders, every card drawn anew each time."""
    sites: dict[str, list[BuiltSite]] = {}
    for theme in THEMES:
        build = make_builder(tmp_path_factory.mktemp(f"cards-{theme}"))
        sites[theme] = [
            build(PAGES, OPTIONS, theme=theme, strict=True, site_url=SITE_URL) for _ in range(2)
        ]
    yield sites


@pytest.mark.parametrize("theme", THEMES)
def test_a_post_without_an_image_shares_its_card(built, theme):
    first, second = built[theme]
    assert first.aborted is None, first.warnings
    meta = head_meta(first, "posts/moat/")
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:image:width"] == "1200" and meta["og:image:height"] == "630"
    assert meta["og:image:type"] == "image/png"
    assert meta["og:image:alt"] == (
        'The moat is "thinner" & <wider> than it looks · Bearish · NVIDIA · AMD · '
        "2 March 2026 · Test publication"
    )
    card = card_of(first, "posts/moat/")
    with Image.open(card) as image:
        assert image.format == "PNG" and image.size == (1200, 630)
        assert image.getpixel((5, 300)) == (0xC6, 0x28, 0x28)  # The bearish stripe.
    # The other build, drawn from nothing in another folder: the same name, the same bytes.
    assert card_of(second, "posts/moat/").read_bytes() == card.read_bytes()


@pytest.mark.parametrize("theme", THEMES)
def test_index_pages_get_cards_and_a_post_with_its_own_image_none(built, theme):
    site = built[theme][0]
    company = head_meta(site, "companies/amd/")
    assert company["og:image:alt"] == "AMD · Company · 2 articles · Test publication"
    with Image.open(card_of(site, "companies/amd/")) as image:
        assert image.size == (1200, 630)
    own = head_meta(site, "posts/own/")
    assert own["og:image"] == "https://images.example.com/own.png"  # Its own, not a card.
    assert own["og:image:alt"] == "A chip on a desk"
    assert own["twitter:card"] == "summary_large_image"


def test_cards_have_no_metadata_to_differ_by(built):
    """No chunk but the image's own: no time, no text, no size in inches."""
    png = card_of(built["mkdocs"][0], "posts/moat/").read_bytes()
    chunks, at = [], 8
    while at < len(png):
        length = int.from_bytes(png[at : at + 4], "big")
        chunks.append(png[at + 4 : at + 8].decode())
        at += 12 + length
    assert set(chunks) == {"IHDR", "IDAT", "IEND"}


def test_serve_rebuild_draws_only_the_changed_card(tmp_path, monkeypatch):
    """Under ``mkdocs serve`` the plugin object lives on; a rebuild takes unchanged cards from
    memory and draws the one whose title changed."""
    drawn = []
    draw = social_cards.draw
    monkeypatch.setattr(
        social_cards, "draw", lambda card, fonts: drawn.append(card) or draw(card, fonts)
    )
    build = make_builder(tmp_path)
    root = tmp_path / "site"
    pages = {**PAGES, "posts/second.md": PAGES["posts/moat.md"].replace("moat", "wall")}
    first = build(pages, OPTIONS, root=root, site_url=SITE_URL, serve=True)
    before = {url: card_of(first, url).name for url in ("posts/moat/", "posts/second/")}
    (root / "docs/posts/second.md").write_text(
        pages["posts/second.md"].replace("wall", "gate"), encoding="utf-8"
    )
    drawn.clear()
    second = build({}, OPTIONS, root=root, site_url=SITE_URL, serve=True)
    assert card_of(second, "posts/moat/").name == before["posts/moat/"]
    assert card_of(second, "posts/second/").name != before["posts/second/"]
    assert [card.title for card in drawn] == ['The gate is "thinner" & <wider> than it looks']


def test_the_cache_folder_keeps_cards_across_builds(tmp_path):
    build = make_builder(tmp_path)
    options = {"social_cards": {"enabled": True}}
    # A title no other test draws, so this card is not in the plugin's memory already.
    pages = {"posts/kept.md": PAGES["posts/moat.md"].replace("moat", "keep")}
    site = build(pages, options, site_url=SITE_URL, root=tmp_path / "a")
    kept = sorted((tmp_path / "a/.cache/aicommentary/cards").glob("*.png"))
    assert kept, "the default cache folder sits beside mkdocs.yml"
    assert card_of(site, "posts/kept/").read_bytes() in {path.read_bytes() for path in kept}


def test_a_title_the_font_cannot_draw_gets_no_card_and_one_warning(build_site_at_url):
    pages = {
        "posts/zh.md": article("title: 英伟达的护城河\nstance: neutral\nsubject_company: NVIDIA"),
        "posts/ja.md": article("title: 半導体の行方\nstance: mixed\nsubject_company: NVIDIA"),
    }
    site = build_site_at_url(pages, OPTIONS)
    warnings = [w for w in site.warnings if "social card" in w]
    assert len(warnings) == 1 and "'social_cards.font'" in warnings[0], site.warnings
    assert "og:image" not in head_meta(site, "posts/zh/")
    assert "og:image" in head_meta(site, "companies/nvidia/")  # Its name is Latin.


def test_right_to_left_site_cards(build_site_at_url):
    pages = {
        "posts/a.md": article(
            "title: لماذا تتباطأ سوق الرقائق\ndate: 2026-03-02\nstance: skeptical\n"
            "subject_company: NVIDIA"
        )
    }
    site = build_site_at_url(pages, {**OPTIONS, "language": "ar"}, strict=True)
    meta = head_meta(site, "posts/a/")
    assert meta["og:image:alt"].startswith("لماذا تتباطأ سوق الرقائق · ")
    with Image.open(card_of(site, "posts/a/")) as image:
        assert image.getpixel((1195, 300)) == (0x9A, 0x67, 0x00)  # The stripe on the right.
        assert image.getpixel((5, 300)) == (255, 255, 255)


def test_cards_without_site_url_warn(build_site):
    site = build_site(PAGES, OPTIONS)
    assert any("'social_cards' needs 'site_url'" in w for w in site.warnings)


def test_a_font_pillow_cannot_read_is_a_configuration_error(build_site_at_url, tmp_path):
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"not a font")
    site = build_site_at_url(PAGES, {"social_cards": {"enabled": True, "font": str(bad)}})
    assert site.aborted is not None


def test_material_blog_posts_without_images_get_cards(tmp_path):
    def edit(settings):
        settings["plugins"][-1]["aicommentary"]["social_cards"] = {"enabled": True}

    site = build_fixture("material_blog", tmp_path, edit)
    assert site.aborted is None, site.warnings
    posts = list((site.site_dir / "blog").glob("20*/*/*/*/index.html"))  # blog/2026/03/02/x/
    cards = own = 0
    for path in posts:
        url = str(path.parent.relative_to(site.site_dir)) + "/"
        image = head_meta(site, url)["og:image"]
        if "/cards/" in image:
            cards += 1
            png = io.BytesIO(card_of(site, url, "https://ledger.example/").read_bytes())
            assert Image.open(png).size == (1200, 630)
        else:  # The fixture's posts with an image of their own share that one.
            own += 1
            assert not image.endswith(".svg")
    assert cards > 1 and own == 2 and cards + own == len(posts)


def test_a_font_of_the_site_draws_every_card(build_site_at_url, tmp_path):
    """``font`` (relative to mkdocs.yml) is used for all the card's text, and a different
    font is a different card."""
    from mkdocs_aicommentary.features.social_cards import DEFAULT_FONTS

    root = tmp_path / "own-font"
    root.mkdir()
    (root / "regular.ttf").write_bytes(DEFAULT_FONTS[0].read_bytes())
    options = {"social_cards": {"enabled": True, "font": "regular.ttf", "cache_dir": ""}}
    site = build_site_at_url(PAGES, options, root=root, strict=True)
    assert site.aborted is None, site.warnings
    default = build_site_at_url(PAGES, OPTIONS)
    assert card_of(site, "posts/moat/").name != card_of(default, "posts/moat/").name


def test_a_site_colour_for_a_stance_and_a_colour_that_is_not_one(build_site_at_url):
    options = {"social_cards": {"enabled": True, "cache_dir": "", "colors": {"bearish": "#123456"}}}
    site = build_site_at_url(PAGES, options, strict=True)
    with Image.open(card_of(site, "posts/moat/")) as image:
        assert image.getpixel((5, 300)) == (0x12, 0x34, 0x56)
    broken = {"social_cards": {"enabled": True, "colors": {"bearish": "red"}}}
    site = build_site_at_url(PAGES, broken)
    assert site.aborted is not None
