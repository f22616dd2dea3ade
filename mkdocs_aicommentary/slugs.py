"""One slug rule for every URL the plugin makes.

Slugs are lowercase ASCII words joined by ``-``. Names that differ only in case or spacing
("AI hardware", "ai  Hardware") are one name and share a slug; different names that happen to
give the same slug ("C++" and "C") get numbered suffixes, assigned in sorted order so every
build of the same site gives every name the same URL.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

_NON_WORD = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def slugify(text: str) -> str:
    """Turn a display name into a URL slug: "Künstliche Intelligenz" -> "kunstliche-intelligenz".

    A name with no ASCII letters or digits at all (say, one written in Japanese) still needs a
    stable URL, so it gets a short hash of itself instead of an empty slug.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_WORD.sub("-", folded.lower()).strip("-")
    if slug:
        return slug
    return "n-" + hashlib.sha1(name_key(text).encode("utf-8")).hexdigest()[:8]


def name_key(name: str) -> str:
    """The identity of a name: case and runs of white space do not make a different name."""
    return _SPACES.sub(" ", name).strip().casefold()


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
