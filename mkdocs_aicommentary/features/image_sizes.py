"""The width, height and media type of an image file, read from its header.

Pages reserve an image's space before it loads (``width``/``height``: no layout shift) and Open
Graph says its size, so each lead image's header is read once: Pillow reads PNG, JPEG, GIF and
WebP headers without decoding the pixels, and an SVG's size comes from its root element. Sizes
are kept by the file's content, so a ``mkdocs serve`` rebuild reads only images that changed.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

SVG_TYPE = "image/svg+xml"

_SVG_ROOT = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE | re.DOTALL)
_SVG_LENGTH = r"""\b{name}\s*=\s*["']\s*([0-9.]+)\s*(?:px)?\s*["']"""
_VIEW_BOX = re.compile(rb"""\bviewBox\s*=\s*["']([^"']*)["']""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ImageSize:
    """What a header says; ``media_type`` is None for a file that is no image this reads."""

    width: int | None = None
    height: int | None = None
    media_type: str | None = None


NOT_AN_IMAGE = ImageSize()


def read_size(data: bytes) -> ImageSize:
    """The size and type ``data`` (a whole file) says it has; :data:`NOT_AN_IMAGE` otherwise."""
    head = data[:4096].lstrip()
    if head.startswith((b"<?xml", b"<svg", b"<!--", b"<!DOCTYPE svg")) and _SVG_ROOT.search(head):
        return _svg_size(head)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:  # Reads the header only.
                media_type = Image.MIME.get(image.format or "")
                width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return NOT_AN_IMAGE
    return ImageSize(width, height, media_type) if media_type else NOT_AN_IMAGE


def _svg_size(head: bytes) -> ImageSize:
    """An SVG's ``width`` and ``height`` in pixels, else its ``viewBox``'s."""
    match = _SVG_ROOT.search(head)
    root = match.group(0) if match else b""
    sizes = []
    for name in ("width", "height"):
        found = re.search(_SVG_LENGTH.format(name=name).encode(), root, re.IGNORECASE)
        sizes.append(_pixels(found.group(1)) if found else None)
    if None in sizes and (box := _VIEW_BOX.search(root)):
        numbers = box.group(1).replace(b",", b" ").split()
        if len(numbers) == 4:
            sizes = [_pixels(numbers[2]), _pixels(numbers[3])]
    width, height = sizes
    return ImageSize(width, height, SVG_TYPE)


def _pixels(text: bytes) -> int | None:
    try:
        value = round(float(text))
    except ValueError:
        return None
    return value if value > 0 else None


class ImageSizes:
    """Sizes by file content, kept across ``mkdocs serve`` rebuilds; images no longer on the
    site are dropped at :meth:`retain`."""

    def __init__(self) -> None:
        self._by_content: dict[bytes, ImageSize] = {}
        self._used: set[bytes] = set()

    def size(self, data: bytes) -> ImageSize:
        key = hashlib.blake2b(data, digest_size=16).digest()
        self._used.add(key)
        if key not in self._by_content:
            self._by_content[key] = read_size(data)
        return self._by_content[key]

    def retain(self) -> None:
        """Forget the images this build did not ask about."""
        for key in self._by_content.keys() - self._used:
            del self._by_content[key]
        self._used = set()
