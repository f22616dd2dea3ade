"""What the browser tests share: one headless Chromium per test module, for layout checks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser_support import chromium, require_browser


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """A window tall enough to hold a post with its boxes (1000 x 1400); a module may define
    its own ``browser`` of another size."""
    require_browser()
    with chromium(width=1000, height=1400) as driver:
        yield driver
