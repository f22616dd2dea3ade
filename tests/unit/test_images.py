"""Lead images in front matter, their sizes, the one rule for a post's image, sharing tags, and
reading times: pure functions, no site build."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from mkdocs_aicommentary.core.publication import page_image
from mkdocs_aicommentary.features.image_sizes import NOT_AN_IMAGE, ImageSizes, read_size
from mkdocs_aicommentary.features.reading_time import ReadingSpeed, reading_minutes
from mkdocs_aicommentary.features.sharing import MetaTag, missing_from, open_graph
from mkdocs_aicommentary.model.articles import Article, ImageRef, Vocabulary
from mkdocs_aicommentary.model.front_matter import read_article, split_front_matter
from mkdocs_aicommentary.model.images import PageImage

VOCABULARY = Vocabulary(stances={"bullish": "Bullish"})


def _read(front_matter: str, src_path: str = "blog/posts/gpu.md"):
    text = f"---\nstance: bullish\n{front_matter}\n---\n\nBody.\n"
    return read_article(src_path, split_front_matter(src_path, text), VOCABULARY)


@pytest.mark.parametrize(
    ("front_matter", "target", "field"),
    [
        ("image: cover.png", "blog/posts/cover.png", "image"),
        ("image: ./img/cover%20art.png?v=2", "blog/posts/img/cover art.png", "image"),
        ("image: ../../assets/cover.png", "assets/cover.png", "image"),
        ("image: /assets/cover.png", "assets/cover.png", "image"),
        ("image: https://cdn.example/a.jpg", "https://cdn.example/a.jpg", "image"),
        ("feature_image: cover.png", "blog/posts/cover.png", "feature_image"),
        ("cover_image: cover.png", "blog/posts/cover.png", "cover_image"),
        ("images: [first.png, second.png]", "blog/posts/first.png", "images"),
        ("image: cover.png\ncover_image: other.png", "blog/posts/cover.png", "image"),
    ],
)
def test_image_fields_resolve_against_the_post(front_matter, target, field):
    article, problems = _read(front_matter)
    assert problems == []
    assert article.image == ImageRef(target, field)


def test_the_alt_text_comes_with_it():
    article, _ = _read("feature_image: c.png\nfeature_image_alt: A chart <b>")
    assert article.image is not None and article.image.alt == "A chart <b>"


@pytest.mark.parametrize(
    ("front_matter", "field", "said"),
    [
        ("image: 'javascript:alert(1)'", "image", "https:// URL"),
        ("image: http://cdn.example/a.jpg", "image", "use its https:// URL"),
        ("image: //cdn.example/a.jpg", "image", "https:// URL"),
        ("image: 'data:image/png;base64,AAAA'", "image", "https:// URL"),
        ("image: ../../../outside.png", "image", "outside the docs folder"),
        ("image: img/", "image", "names a folder"),
        ("image: {src: a.png}", "image", "https:// URL"),
        ("images: [3]", "images", "https:// URL"),
    ],
)
def test_bad_image_values_are_reported_and_left_out(front_matter, field, said):
    article, problems = _read(front_matter)
    assert article.image is None
    assert [problem.field for problem in problems] == [field]
    assert said in str(problems[0]) and "blog/posts/gpu.md" in str(problems[0])


def test_a_misspelt_image_field_is_reported():
    _, problems = _read("Image: cover.png")
    assert "did you mean 'image'?" in str(problems[0])


def _png(width: int, height: int, format: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height)).save(buffer, format)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("format", "media_type"),
    [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("GIF", "image/gif"), ("WEBP", "image/webp")],
)
def test_sizes_are_read_from_headers(format, media_type):
    size = read_size(_png(31, 17, format))
    assert (size.width, size.height, size.media_type) == (31, 17, media_type)


@pytest.mark.parametrize(
    ("svg", "width", "height"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150px"/>', 300, 150),
        (b'<?xml version="1.0"?>\n<svg viewBox="0 0 1200 630"></svg>', 1200, 630),
        (b'<svg width="100%" height="50%" viewBox="0,0,40,20"/>', 40, 20),
        (b"<svg><text>no size</text></svg>", None, None),
    ],
)
def test_svg_sizes_come_from_the_root_element(svg, width, height):
    size = read_size(svg)
    assert (size.width, size.height, size.media_type) == (width, height, "image/svg+xml")


def test_a_file_that_is_no_image_has_no_type():
    assert read_size(b"just some text") == NOT_AN_IMAGE
    assert read_size(_png(10, 10)[:20]) == NOT_AN_IMAGE


def test_sizes_are_kept_by_content_and_let_go_when_unused():
    sizes = ImageSizes()
    data = _png(8, 4)
    assert sizes.size(data).width == 8
    sizes.retain()
    assert len(sizes._by_content) == 1
    sizes.retain()  # Not asked about in this build: gone.
    assert sizes._by_content == {}


ARTICLE = Article("posts/a.md", "A")
OWN = PageImage("posts/a.png", "own")
CARD = PageImage("assets/cards/a.png", "card", 1200, 630, "image/png")
DEFAULT = PageImage("assets/logo.png", "logo")


@pytest.mark.parametrize(
    ("own", "fallback", "default", "chosen"),
    [
        (OWN, CARD, DEFAULT, OWN),
        (None, CARD, DEFAULT, CARD),
        (None, None, DEFAULT, DEFAULT),
        (None, None, None, None),
    ],
)
def test_one_rule_chooses_a_posts_image(own, fallback, default, chosen):
    assert page_image(own, fallback, default) == chosen


def test_sharing_tags_with_an_image():
    image = PageImage("https://x.example/posts/a.png", "A chart", 1200, 630, "image/png")
    tags = open_graph(
        ARTICLE,
        url=None,
        site_name="",
        description="",
        author_urls=(),
        tags=(),
        image=image,  # At its absolute URL, as og:image wants it.
    )
    by_key = {tag.key: tag.content for tag in tags}
    assert by_key["og:image"] == "https://x.example/posts/a.png"
    assert (by_key["og:image:width"], by_key["og:image:height"]) == ("1200", "630")
    assert by_key["og:image:alt"] == "A chart"
    assert by_key["twitter:card"] == "summary_large_image"
    head = '<meta property="og:image" content="https://x.example/card.png">'
    kept = {tag.key for tag in missing_from(head, tags)}
    assert not kept & {"og:image", "og:image:width", "og:image:alt", "twitter:image:alt"}
    assert MetaTag("property", "og:title", "A") in missing_from(head, tags)


SPEED = ReadingSpeed(words_per_minute=200, characters_per_minute=500)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("word " * 10, 1),
        ("word " * 200, 1),
        ("word " * 201, 2),
        ("word " * 1000, 5),
        ("字" * 1000, 2),  # Characters, not one long word.
        ("字" * 500 + " word" * 200, 2),
        ("[a link](https://very.long/address/" + "x/" * 500 + ") word", 1),
    ],
)
def test_reading_minutes(text, minutes):
    assert reading_minutes(text, SPEED) == minutes
