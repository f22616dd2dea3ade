"""The social cards as files of the site: drawn once per content, kept, and added to the build.

:mod:`..core.card_plan` says what each card shows and :mod:`..features.social_cards` draws it;
this module names each card by its content key (``assets/aicommentary/cards/<key>.png``, a
place no author's file is at, checked with :class:`.site_files.Destinations`), takes its bytes
from the cache in memory (kept across ``mkdocs serve`` rebuilds), else from the cache folder
(kept across builds, like Material's ``.cache``), else draws it, and adds it to the build's
files, which MkDocs then copies into the site with the rest.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..features import social_cards
from ..features.social_cards import Card, CardFonts
from ..model.images import PageImage
from .site_files import Destinations, mkdocs_outputs

CARDS_FOLDER = "assets/aicommentary/cards"
KEY_LENGTH = 24
"""Hex digits of the content key in a card's file name: 96 bits, no two cards share one."""


class CardCache:
    """PNG bytes by content key, kept by the plugin across ``mkdocs serve`` rebuilds; each
    build keeps only the cards it used, so the cache never outgrows the site."""

    def __init__(self) -> None:
        self._png: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return self._png.get(key)

    def put(self, key: str, png: bytes) -> None:
        self._png[key] = png

    def retain(self, keys: Iterable[str]) -> None:
        kept = set(keys)
        self._png = {key: png for key, png in self._png.items() if key in kept}


class CardFiles:
    """Writes one build's cards; ``cache_dir`` (None: no folder) keeps them across builds."""

    def __init__(self, fonts: CardFonts, memory: CardCache, cache_dir: Path | None) -> None:
        self.fonts, self.memory, self.cache_dir = fonts, memory, cache_dir

    def add(
        self, cards: Mapping[str, Card], files: Files, config: MkDocsConfig
    ) -> tuple[dict[str, PageImage], list[str]]:
        """Each page's card as its image (by source path), the files added to ``files``; and
        the warnings: pages whose text the fonts cannot draw, places taken by other files."""
        destinations = Destinations(files, mkdocs_outputs(config))
        images: dict[str, PageImage] = {}
        written: dict[str, PageImage | None] = {}
        missing: dict[str, str] = {}
        warnings = []
        for src_path, card in cards.items():
            lacking = social_cards.missing_characters(card, self.fonts)
            if lacking:
                missing[src_path] = lacking
                continue
            key = social_cards.card_key(card, self.fonts)
            if key not in written:
                dest = f"{CARDS_FOLDER}/{key[:KEY_LENGTH]}.png"
                clash = destinations.taken(dest)
                if clash is not None:
                    warnings.append(
                        f"{src_path}: no social card, because {clash.other} is written at "
                        f"{clash.dest}, where the card would go."
                    )
                    written[key] = None
                    continue
                file = File.generated(config, dest, content=self._png(key, card))
                files.append(file)
                written[key] = PageImage(
                    file.url,
                    card.alt,
                    social_cards.WIDTH,
                    social_cards.HEIGHT,
                    social_cards.MEDIA_TYPE,
                )
            if (image := written[key]) is not None:
                images[src_path] = image
        self.memory.retain(written)
        if missing:
            warnings.append(_missing_warning(missing))
        return images, warnings

    def _png(self, key: str, card: Card) -> bytes:
        png = self.memory.get(key)
        if png is None and self.cache_dir is not None:
            png = _read(self.cache_dir / f"{key}.png")
        if png is None:
            png = social_cards.draw(card, self.fonts)
            if self.cache_dir is not None:
                _write(self.cache_dir / f"{key}.png", png)
        self.memory.put(key, png)
        return png


def _missing_warning(missing: Mapping[str, str]) -> str:
    """One warning for every page whose card the fonts cannot draw."""
    characters = "".join(dict.fromkeys("".join(missing.values())))
    shown = characters[:20] + ("…" if len(characters) > 20 else "")
    first = next(iter(missing))
    return (
        f"{len(missing)} page(s) get no social card, because the card font has no letters for "
        f"{shown!r} (first: {first}). Set 'social_cards.font' to a font file that has them, "
        f"such as a Noto Sans font for that script."
    )


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _write(path: Path, png: bytes) -> None:
    """Write whole or not at all, so a build stopped halfway leaves no broken card behind; a
    cache folder that cannot be written only costs the next build the drawing."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(png)
        os.replace(temporary, path)
    except OSError:
        pass
