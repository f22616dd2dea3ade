"""One slug rule for every URL the plugin makes.

A term's slug depends on its own name alone, never on which other names the site has, so a
page and its feeds stay where readers subscribed to them when posts come and go. Slugs are
lowercase ASCII words joined by ``-``. Where those words keep everything that tells the name
apart ("AI hardware" -> ``ai-hardware``), they are the slug; where they drop something ("C++",
"C#" and "AI & chips" lose their symbols), a short hash of the whole name follows them
(``c-`` plus eight hex digits), so "C++" and "C" never share a URL. Names that differ only in
case, spacing, hyphens, Unicode normal form, accents on Latin letters or invisible characters
("AI hardware", "ai  Hardware", "AI-hardware", "Café" and "Cafe") are one name and share a slug.
A slug is a folder name, so a long one is cut and given the hash too.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

MAX_SLUG_LENGTH = 64
"""Longest slug: well inside every file system's limit on a name (255 bytes on most, 143 on
eCryptfs) and short enough to read in a URL."""
_HASH_LENGTH = 8
"""Hex digits of the name's hash: 32 bits, so two names of one site share a hash about once in
four billion pairs (``assign_slugs`` still keeps them apart then)."""

_NON_WORD = re.compile(r"[^a-z0-9]+")
_SEPARATORS = re.compile(r"[\s-]+")
_INVISIBLE = ("Cc", "Cf")
"""Control and format characters (zero-width spaces, joiners, direction marks, the BOM):
nothing a reader sees, so nothing that may tell two names apart."""


def slugify(text: str) -> str:
    """The URL slug of a name, from the name alone: "Künstliche Intelligenz" ->
    ``kunstliche-intelligenz``, "C++" -> ``c-`` and a hash.

    A name with no ASCII letters or digits at all (say, one written in Japanese) still needs a
    stable URL, so it gets ``n-`` and the hash.
    """
    key = name_key(text)
    words = _NON_WORD.sub("-", unicodedata.normalize("NFKD", key)).strip("-")
    if not words:
        return "n-" + _name_hash(key)
    if words.replace("-", " ") == key and len(words) <= MAX_SLUG_LENGTH:
        return words  # Nothing lost: the words alone tell this name from every other.
    room = MAX_SLUG_LENGTH - _HASH_LENGTH - 1
    if len(words) > room:
        cut = words[:room]
        words = cut.rsplit("-", 1)[0] if "-" in cut[len(cut) // 2 :] else cut
    return f"{words.rstrip('-')}-{_name_hash(key)}"


def _name_hash(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:_HASH_LENGTH]


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
    """The identity of a name: case, white space and hyphens, Unicode normal form (NFKC, so
    "ﬁ" is "fi"), accents on Latin letters and invisible characters do not make a different
    name."""
    if not (name.isascii() and name.isprintable()):
        name = "".join(map(_latin_base, unicodedata.normalize("NFKC", clean_name(name))))
    # A name of hyphens alone ("-", "--") stays itself rather than become no name at all.
    key = _SEPARATORS.sub(" ", name).strip() or " ".join(name.split())
    return key.casefold()


def _latin_base(char: str) -> str:
    """A Latin letter without its accents ("é" -> "e"). Marks on other scripts' letters (Hindi
    vowel signs, Cyrillic "ё") can make another word, so those stay."""
    if char.isascii():
        return char
    decomposed = unicodedata.normalize("NFKD", char)
    base, marks = decomposed[0], decomposed[1:]
    if base.isascii() and marks and all(unicodedata.combining(mark) for mark in marks):
        return base
    return char


def assign_slugs(names: Iterable[str], taken: Iterable[str] = ()) -> dict[str, str]:
    """Map every name to its slug; names sharing a ``name_key`` share it.

    Two different names share a slug only when their hashes collide; the one sorting later
    (or, across calls, the one whose slug is in ``taken``, such as a draft's against the
    published names) then gets a number, so no page overwrites another.
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
