"""Social cards: what a card says (core/card_plan.py) and its drawing (features/social_cards)."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from PIL import Image, ImageFont

from mkdocs_aicommentary.core.card_plan import OTHER_COLOR, STANCE_COLORS, CardPlan
from mkdocs_aicommentary.core.index_plan import PlannedPage, TermCount
from mkdocs_aicommentary.features.social_cards import DEFAULT_FONTS, Card, CardFonts, card_key, draw
from mkdocs_aicommentary.features.social_cards import _details_that_fit as details_that_fit
from mkdocs_aicommentary.features.social_cards import missing_characters as missing
from mkdocs_aicommentary.html.links import IndexKind
from mkdocs_aicommentary.i18n.language import labels_for
from mkdocs_aicommentary.model.articles import Article
from mkdocs_aicommentary.model.taxonomy import Term

FONTS = CardFonts.default()
LATIN = Card("Ledger", "Margins", "Bearish", "#c62828", ("NVIDIA", "2 March 2026"))
ARABIC = Card("دفتر", "هامش", "متشكك", "#9a6700", ("NVIDIA",), right_to_left=True)


def pixels(card: Card) -> Image.Image:
    return Image.open(io.BytesIO(draw(card, FONTS))).convert("RGB")


def ink_columns(image: Image.Image, top: int, bottom: int) -> tuple[int, int]:
    """The leftmost and rightmost columns with dark text between rows ``top`` and ``bottom``."""
    dark = image.crop((40, top, 1160, bottom)).convert("L").point(lambda v: 255 if v < 80 else 0)
    left, _, right, _ = dark.getbbox()
    return left + 40, right + 40


def test_the_same_card_is_the_same_bytes_and_key():
    assert draw(LATIN, FONTS) == draw(LATIN, FONTS)
    assert card_key(LATIN, FONTS) == card_key(
        Card(*(LATIN.site_name, LATIN.title, "Bearish", LATIN.color, LATIN.details)), FONTS
    )


@pytest.mark.parametrize(
    "changed",
    [
        Card("Ledger", "Margins under pressure", "Bearish", "#c62828", LATIN.details),
        Card("Ledger", LATIN.title, "Bearish", "#000000", LATIN.details),
        Card("Ledger", LATIN.title, "Bearish", "#c62828", ("AMD", "2 March 2026")),
        Card("Ledger", LATIN.title, "Bearish", "#c62828", LATIN.details, right_to_left=True),
    ],
)
def test_anything_drawn_changes_the_key(changed):
    assert card_key(changed, FONTS) != card_key(LATIN, FONTS)


def test_a_card_is_1200_by_630_with_the_stance_stripe_on_the_reading_side():
    latin, arabic = pixels(LATIN), pixels(ARABIC)
    assert latin.size == arabic.size == (1200, 630)
    assert latin.getpixel((4, 315)) == (0xC6, 0x28, 0x28)
    assert arabic.getpixel((1195, 315)) == (0x9A, 0x67, 0x00)
    assert arabic.getpixel((4, 315)) == (255, 255, 255)


def test_a_right_to_left_title_starts_at_the_right_margin():
    """The title's ink ends at the right margin on an Arabic card, starts at the left on a
    Latin one (the title's first line is drawn between rows 170 and 260)."""
    left, right = ink_columns(pixels(LATIN), 170, 260)
    assert 100 <= left <= 120 and right < 700
    left, right = ink_columns(pixels(ARABIC), 170, 260)
    assert 1080 <= right <= 1100 and left > 700


def test_arabic_is_drawn_joined_and_in_visual_order():
    """Pillow's basic layout draws code points left to right as they come; the card hands it
    the joined forms (presentation forms, U+FExx) in visual order."""
    from mkdocs_aicommentary.features.social_cards import _visual

    shown = _visual("هامش NVIDIA", rtl=True)
    assert shown.startswith("NVIDIA ")
    assert all("\ufe70" <= ch <= "\ufeff" for ch in shown.removeprefix("NVIDIA "))


def test_a_long_title_is_cut_with_an_ellipsis_above_the_badge():
    long = Card("Ledger", "word " * 80, "Bearish", "#c62828", ())
    image = pixels(long)
    badge_top = 630 - 80 - 56
    gap = image.crop((104, badge_top - 20, 1096, badge_top - 1)).convert("L")
    assert gap.getextrema()[0] > 200, "no title ink runs into the badge"


def test_the_default_fonts_cover_european_arabic_and_hebrew_but_not_cjk():
    for title in ("Ωμέγα Привет Çà ß", "هامش الربح لا", "שלום עולם"):
        assert missing(Card("S", title, "B", "#000000"), FONTS) == ""
    assert missing(Card("S", "英伟达 margins", "B", "#000000"), FONTS) == "英伟达"


LABELS = labels_for("en")
PLAN = CardPlan("Ledger", LABELS, {"bearish": "Bearish", "hype": "Hype"}, {"hype": "#ff00aa"})


def test_a_post_card_says_title_stance_companies_and_date():
    article = Article(
        "posts/a.md",
        "Margins",
        date=datetime(2026, 3, 2),
        stance="bearish",
        companies=("NVIDIA", "AMD"),
    )
    card = PLAN.post_card(article)
    assert card == Card(
        "Ledger", "Margins", "Bearish", STANCE_COLORS["bearish"], ("NVIDIA", "AMD", "2 March 2026")
    )
    assert card.alt == "Margins · Bearish · NVIDIA · AMD · 2 March 2026 · Ledger"


def test_a_site_colour_wins_and_unknown_stances_get_the_other_colour():
    assert PLAN.color("hype") == "#ff00aa"
    assert PLAN.color("bullish") == STANCE_COLORS["bullish"]
    assert PLAN.color("custom") == PLAN.color(None) == OTHER_COLOR


def test_posts_with_their_own_image_get_no_card():
    posts = [Article("a.md", "A", stance="bearish"), Article("b.md", "B", stance="bearish")]
    assert list(PLAN.post_cards(posts, lambda src: src == "a.md")) == ["b.md"]


def test_index_cards_name_the_term_and_count_its_posts_in_the_site_language():
    term = Term("stances", "Bearish", "bearish")
    posts = tuple(Article(f"{n}.md", str(n), stance="bearish") for n in range(3))
    pages = [
        PlannedPage("stances", "Bearish", "stances/bearish/index.md", True, term, posts),
        PlannedPage(
            "stances",
            "Bearish (page 2)",
            "stances/bearish/page/2/index.md",
            True,
            term,
            posts,
            number=2,
        ),
        PlannedPage(
            "stances",
            "Stances",
            "stances/index.md",
            True,
            terms=(TermCount(term, 3, "stances/bearish/index.md"),),
        ),
    ]
    sections = [IndexKind("stances", "stances", "Where we stand")]
    german = CardPlan("Ledger", labels_for("de"), {}, {})
    cards = german.index_cards(pages, sections)
    first = cards["stances/bearish/index.md"]
    # A term's card says what its page lists, in the site's language, as the page does.
    assert first == Card("Ledger", "Bearish", "Haltung", STANCE_COLORS["bearish"], ("3 Artikel",))
    assert cards["stances/bearish/page/2/index.md"] == first  # One file for the listing.
    assert cards["stances/index.md"].title == "Where we stand"


def test_companies_that_do_not_fit_give_way_to_the_date():
    """A post on a dozen companies: the card names those that fit, then the whole date."""
    companies = tuple(f"Company number {n}" for n in range(12))
    font = ImageFont.truetype(str(DEFAULT_FONTS[0]), 28)
    kept = details_that_fit((*companies, "2 March 2026"), font, room=900, separator=20)
    assert kept[-1] == "2 March 2026"
    assert 0 < len(kept) - 1 < len(companies) and kept[:-1] == companies[: len(kept) - 1]
    assert details_that_fit(("NVIDIA", "2 March 2026"), font, 900, 20) == ("NVIDIA", "2 March 2026")
