"""How long a post takes to read: "6 min read", counted the way Material's blog counts it.

Words are counted in the post's Markdown (links' addresses and HTML tags left out) at
``words_per_minute``; Chinese, Japanese and Korean are written without spaces between words,
so their characters are counted instead, at ``characters_per_minute``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f"
_CJK = re.compile(f"[{_CJK_RANGES}]")
_WORD = re.compile(f"[^\\W{_CJK_RANGES}]+")
_NOT_READ = re.compile(r"<!--.*?-->|<[^>]*>|\]\([^)]*\)|https?://\S+", re.DOTALL)
"""Comments, tags, links' addresses and bare URLs: on the page, but not read as words."""


@dataclass(frozen=True, slots=True)
class ReadingSpeed:
    """The ``reading_time`` options."""

    words_per_minute: int = 265
    characters_per_minute: int = 500


def reading_minutes(markdown: str, speed: ReadingSpeed) -> int:
    """Whole minutes to read ``markdown``, at least one."""
    text = _NOT_READ.sub(" ", markdown)
    words = len(_WORD.findall(text))
    characters = 0 if text.isascii() else len(_CJK.findall(text))  # isascii: one quick pass.
    minutes = words / speed.words_per_minute + characters / speed.characters_per_minute
    return max(1, math.ceil(minutes))
