"""One slug rule for every URL the plugin makes.

Slugs are lowercase ASCII words joined by ``-``. Names that differ only in case, spacing,
Unicode normal form or invisible characters ("AI hardware", "ai  Hardware", "Café" typed as
"Cafe" plus a combining accent, or with a zero-width space) are one name and share a slug;
different names that happen to give the same slug ("C++" and "C") get numbered suffixes,
assigned in sorted order so every build of the same site gives every name the same URL.
A slug is a folder name, so a long one is cut and given a hash of the whole name, which keeps
it unique and the same from build to build.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

MAX_SLUG_LENGTH = 64
"""Longest slug before a number is added for a clash: well inside every file system's limit
on a name (255 bytes on most, 143 on eCryptfs) and short enough to read in a URL."""
_HASH_LENGTH = 8

_NON_WORD = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")
_INVISIBLE = ("Cc", "Cf")
"""Control and format characters (zero-width spaces, joiners, direction marks, the BOM):
nothing a reader sees, so nothing that may tell two names apart."""


def slugify(text: str) -> str:
    """Turn a display name into a URL slug: "Künstliche Intelligenz" -> "kunstliche-intelligenz".

    A name with no ASCII letters or digits at all (say, one written in Japanese) still needs a
    stable URL, so it gets a short hash of itself instead of an empty slug.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_WORD.sub("-", folded.lower()).strip("-")
    if not slug:
        return "n-" + _name_hash(text)
    if len(slug) > MAX_SLUG_LENGTH:
        cut = slug[: MAX_SLUG_LENGTH - _HASH_LENGTH - 1]
        cut = cut.rsplit("-", 1)[0] if "-" in cut[len(cut) // 2 :] else cut
        return f"{cut.rstrip('-')}-{_name_hash(text)}"
    return slug


def _name_hash(name: str) -> str:
    return hashlib.sha1(name_key(name).encode("utf-8")).hexdigest()[:_HASH_LENGTH]


def clean_name(name: str) -> str:
    """A name as typed, without invisible characters, in composed form (NFC), its white space
    runs made single spaces: what a page shows."""
    if not (name.isascii() and name.isprintable()):
        composed = unicodedata.normalize("NFC", name)
        name = "".join(
            char
            for char in composed
            if char.isspace() or unicodedata.category(char) not in _INVISIBLE
        )
    return " ".join(name.split())


@lru_cache(maxsize=8192)  # Asked for every term of every post on every page; sites use few names.
def name_key(name: str) -> str:
    """The identity of a name: case, white space, Unicode normal form (NFKC, so "ﬁ" is "fi")
    and invisible characters do not make a different name."""
    if name.isascii() and name.isprintable():
        return _SPACES.sub(" ", name).strip().casefold()
    return unicodedata.normalize("NFKC", clean_name(name)).casefold()


def assign_slugs(names: Iterable[str], taken: Iterable[str] = ()) -> dict[str, str]:
    """Map every name to a unique slug, deterministically.

    ``taken`` holds slugs already in use (say, by names assigned in an earlier call), which the
    new names must not reuse. Names sharing a ``name_key`` share a slug.
    """
    used = set(taken)
    by_key: dict[str, list[str]] = {}
    for name in names:
        by_key.setdefault(name_key(name), []).append(name)

    slugs: dict[str, str] = {}
    for key in sorted(by_key):
        base = slugify(key)
        slug, number = base, 1
        while slug in used:
            number += 1
            slug = f"{base}-{number}"
        used.add(slug)
        for name in by_key[key]:
            slugs[name] = slug
    return slugs
