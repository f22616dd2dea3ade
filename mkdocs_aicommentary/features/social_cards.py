"""Social cards: the 1200x630 PNG a link preview shows for a page that has no image of its own.

Plain data in (:class:`Card`: the words and the colour drawn), PNG bytes out; no MkDocs here.
The same card and the same fonts give the same bytes on every build: Pillow writes no
timestamp or other metadata unless asked, the compression level is fixed, and text is laid out
by Pillow's basic layout engine on every machine. That engine draws characters one after the
other, left to right, so right-to-left text is put into visual order here (python-bidi, the
Unicode bidirectional algorithm) and Arabic letters are given their joined forms first
(arabic-reshaper), rather than depending on libraqm being installed: with it or without it,
a card looks, and is, the same.

:func:`card_key` names a card by everything that decides its pixels (its words, its colour,
the fonts' bytes, :data:`RENDERER_VERSION`), so a cache keyed by it redraws only what changed.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import astuple, dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import arabic_reshaper
from bidi import get_display
from PIL import Image, ImageDraw, ImageFont

RENDERER_VERSION = "2"
"""Part of every card's key: change it whenever a change here changes the pixels."""

WIDTH, HEIGHT = 1200, 630
"""The size Open Graph consumers (Facebook, LinkedIn, X's large summary card) show best."""

MEDIA_TYPE = "image/png"

FONTS_DIR = Path(__file__).parent.parent / "fonts"
DEFAULT_FONTS = (FONTS_DIR / "DejaVuSans.ttf", FONTS_DIR / "DejaVuSans-Bold.ttf")
"""DejaVu Sans, shipped with the package (licence beside it): Latin, Greek, Cyrillic, Arabic,
Hebrew, Armenian, Georgian and more; no Chinese, Japanese, Korean, Indic or Thai letters."""

_BACKGROUND = "#ffffff"
_MUTED = "#57606a"
_TEXT = "#1f2328"
_BADGE_TEXT = "#ffffff"
_MARGIN = 80
_STRIPE = 24
_TITLE_SIZES = (72, 64, 56, 48)
_SMALL = 34
_BADGE_SIZE = 30
_BADGE_HEIGHT = 56
_BADGE_PADDING = 24
_GAP = 28
_SEPARATOR = " · "
_ELLIPSIS = "…"
_COMPRESSION = 1
"""zlib's level for the PNG: fixed, so the bytes are too."""


@dataclass(frozen=True, slots=True)
class Card:
    """What one card shows, as text in reading order; the card draws nothing else."""

    site_name: str
    title: str
    badge: str
    """The stance's label on a post's card; on an index page's, the kind of page."""
    color: str
    """The badge's and the stripe's colour, ``#rrggbb``: the stance's colour."""
    details: tuple[str, ...] = ()
    """Shown after the badge, separated by " · ": the companies and the date, or a count."""
    right_to_left: bool = False
    """The site's language is written right to left: the card is laid out from the right."""

    @property
    def alt(self) -> str:
        """The card's text as a screen reader and ``og:image:alt`` should have it."""
        return " · ".join(part for part in (self.title, self.badge, *self.details, self.site_name))


@dataclass(frozen=True)
class CardFonts:
    """The font files cards are drawn with: one for small text, one for the title and badge
    (the same file for both, when a site gives one font for scripts DejaVu lacks)."""

    regular: Path
    bold: Path

    @classmethod
    def default(cls) -> CardFonts:
        return cls(*DEFAULT_FONTS)

    @classmethod
    def single(cls, path: Path) -> CardFonts:
        return cls(path, path)

    def problem(self) -> str | None:
        """Why the fonts cannot be drawn with, or None."""
        for path in {self.regular, self.bold}:
            try:
                _font(path, _SMALL)
            except OSError as error:
                return f"{path} is not a font Pillow can read ({error})."
        return None

    @cached_property
    def digest(self) -> str:
        """The fonts' bytes, hashed once for each ``CardFonts`` (the plugin makes one a
        build): a new font file redraws every card."""
        return "".join(
            _file_digest(path, path.stat().st_mtime_ns) for path in (self.regular, self.bold)
        )


def card_key(card: Card, fonts: CardFonts) -> str:
    """A name for the card's pixels: equal keys, equal PNG bytes."""
    parts = (RENDERER_VERSION, fonts.digest, *map(repr, astuple(card)))
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def missing_characters(card: Card, fonts: CardFonts) -> str:
    """The characters of the card's text (as drawn, Arabic in its joined forms) that its fonts
    have no glyph for, in order of first appearance; "" when the fonts cover everything."""
    regular_text = "".join((card.site_name, *card.details))
    bold_text = card.title + card.badge
    missing: dict[str, None] = {}
    for path, text in ((fonts.regular, regular_text), (fonts.bold, bold_text)):
        for character in _shaped(text):
            if character not in missing and not _has_glyph(path, character):
                missing[character] = None
    return "".join(missing)


def draw(card: Card, fonts: CardFonts) -> bytes:
    """The card as PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), _BACKGROUND)
    pen = ImageDraw.Draw(image)
    rtl = card.right_to_left
    stripe_x = WIDTH - _STRIPE if rtl else 0
    pen.rectangle((stripe_x, 0, stripe_x + _STRIPE - 1, HEIGHT - 1), fill=card.color)
    start, end = (
        (WIDTH - _STRIPE - _MARGIN, _MARGIN) if rtl else (_STRIPE + _MARGIN, WIDTH - _MARGIN)
    )
    width = abs(end - start)
    line = _Line(pen, start, rtl)

    small = _font(fonts.regular, _SMALL)
    line.text(_MARGIN, _fit(card.site_name, small, width), small, _MUTED)

    badge_font = _font(fonts.bold, _BADGE_SIZE)
    badge_top = HEIGHT - _MARGIN - _BADGE_HEIGHT
    title_top = _MARGIN + _SMALL + 48
    title_font, lines = _title_lines(card.title, fonts.bold, width, badge_top - 32 - title_top)
    for number, text in enumerate(lines):
        line.text(title_top + number * _line_height(title_font), text, title_font, _TEXT)

    middle = badge_top + _BADGE_HEIGHT // 2
    badge_text = _fit(card.badge, badge_font, width // 2)
    badge_width = round(_width(badge_text, badge_font)) + 2 * _BADGE_PADDING
    pen.rounded_rectangle(
        line.box(badge_top, badge_width, _BADGE_HEIGHT), radius=_BADGE_HEIGHT // 2, fill=card.color
    )
    line.moved(_BADGE_PADDING).text(middle, badge_text, badge_font, _BADGE_TEXT, anchor="m")
    # Each detail on its own, in reading order from the badge: a company's name and a date
    # in another direction than the site's stay where a reader of the site looks for them.
    details = line.moved(badge_width + _GAP)
    room: float = width - badge_width - _GAP
    separator = _width(_SEPARATOR, small)
    for number, detail in enumerate(_details_that_fit(card.details, small, room, separator)):
        if number:
            details.text(middle, _SEPARATOR, small, _MUTED, anchor="m")
            details, room = details.moved(separator), room - separator
        shown = _fit(detail, small, room)
        details.text(middle, shown, small, _MUTED, anchor="m")
        shown_width = _width(shown, small)
        details, room = details.moved(shown_width), room - shown_width
        if shown != detail:
            break

    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=_COMPRESSION)
    return out.getvalue()


def _details_that_fit(
    details: tuple[str, ...], font: ImageFont.FreeTypeFont, room: float, separator: float
) -> tuple[str, ...]:
    """The details one line of ``room`` holds: the last (a post's date) always, and as many of
    the others (its companies), in order, as fit before it, rather than a date cut short."""
    if not details:
        return ()
    *others, last = details
    left = room - _width(last, font)
    shown: list[str] = []
    for detail in others:
        needed = _width(detail, font) + separator
        if needed > left:
            break
        shown.append(detail)
        left -= needed
    return (*shown, last)


class _Line:
    """Text drawn from one edge: the left for left-to-right cards, the right for the others."""

    def __init__(self, pen: ImageDraw.ImageDraw, x: int, rtl: bool) -> None:
        self.pen, self.x, self.rtl = pen, x, rtl

    def text(
        self, y: int, text: str, font: ImageFont.FreeTypeFont, fill: str, anchor: str = "a"
    ) -> None:
        """``text`` in visual order, its top (``anchor="a"``, the ascender) or its middle
        (``"m"``) at ``y``."""
        side = "r" if self.rtl else "l"
        self.pen.text(
            (self.x, y), _visual(text, self.rtl), font=font, fill=fill, anchor=side + anchor
        )

    def moved(self, distance: float) -> _Line:
        """The same edge ``distance`` further along the reading direction."""
        return _Line(
            self.pen, round(self.x - distance if self.rtl else self.x + distance), self.rtl
        )

    def box(self, y: int, width: int, height: int) -> tuple[int, int, int, int]:
        left = self.x - width if self.rtl else self.x
        return (left, y, left + width, y + height)


def _title_lines(
    title: str, bold: Path, width: int, height: int
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size whose lines fit ``width`` by ``height``; at the smallest, as
    many lines as fit, the last cut with "…"."""
    for size in _TITLE_SIZES:
        font = _font(bold, size)
        lines = _wrap(title, font, width)
        room = 1 + (height - round(size * 1.25)) // _line_height(font)
        if len(lines) <= room:
            return font, lines
    kept = lines[: room - 1]
    kept.append(_fit(" ".join(lines[room - 1 :]), font, width))  # The rest, cut with "…".
    return font, kept


def _line_height(font: ImageFont.FreeTypeFont) -> int:
    return round(font.size * 1.2)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines in reading order, broken between words, and inside a word (as in Chinese or
    Japanese, written without spaces) only where the word alone is too wide."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if _width(candidate, font) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for character in word:
            if current and _width(current + character, font) > width:
                lines.append(current)
                current = ""
            current += character
    if current:
        lines.append(current)
    return lines


def _fit(text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    """``text``, cut at the end with "…" where it is wider than ``width``."""
    if _width(text, font) <= width:
        return text
    while text and _width(text + _ELLIPSIS, font) > width:
        text = text[:-1]
    return text.rstrip() + _ELLIPSIS


def _width(text: str, font: ImageFont.FreeTypeFont) -> float:
    return font.getlength(_shaped(text))


def _visual(text: str, rtl: bool) -> str:
    """Text in the order its characters are drawn, left to right, Arabic letters joined."""
    return get_display(_shaped(text), base_dir="R" if rtl else "L")


def _shaped(text: str) -> str:
    """Arabic letters in their joined forms; other text as it is (reshaping costs time)."""
    return str(arabic_reshaper.reshape(text)) if _ARABIC.search(text) else text


_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


@lru_cache(maxsize=64)
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=8)
def _file_digest(path: Path, mtime_ns: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


_NOT_A_CHARACTER = "\U0010fffd"
"""A private-use code point no font maps: drawn, it is the font's "missing glyph" box."""


@lru_cache(maxsize=65536)
def _has_glyph(path: Path, character: str) -> bool:
    if character.isspace() or not character.isprintable():
        return True
    return _glyph_pixels(path, character) != _glyph_pixels(path, _NOT_A_CHARACTER)


@lru_cache(maxsize=65536)
def _glyph_pixels(path: Path, character: str) -> bytes:
    font = _font(path, 24)
    image = Image.new("L", (64, 64))
    ImageDraw.Draw(image).text((8, 8), character, font=font, fill=255)
    return image.tobytes()
