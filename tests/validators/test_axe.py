"""axe-core (WCAG 2.1 A and AA rules) on the plugin's elements in a real headless Chromium, in the
three themes, light and dark, on the example publication and the Material-blog fixture; and
the signup block under every one of Material's primary and accent colours.

Run with ``make test-validators``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from browser_support import chromium, serve_directory
from validator_support import axe_violations, require_validators

pytestmark = pytest.mark.validators

EXAMPLE_PAGES = [
    "",
    "posts/accelerator-moat/",
    "topics/",
    "topics/ai-hardware/",
    "companies/",
    "companies/nvidia/",
    "stances/",
    "stances/bullish/",
    "archive/",
]
"""Every kind of page the plugin writes to or makes: the home page's latest posts, a post
(header, "Read next", signup block), overviews, term pages, the archive."""

BLOG_PAGES = [
    "blog/2026/05/01/the-moat-holds/",
    "topics/",
    "topics/open-models/",
    "companies/nvidia/",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    require_validators()
    with chromium(width=1200, height=1000, offline=True) as driver:
        yield driver


@pytest.mark.parametrize(
    "name",
    ["material", "material-dark", "mkdocs", "mkdocs-dark", "readthedocs", "blog", "blog-dark"],
)
def test_no_violation_inside_the_plugins_elements(built_site, browser, name):
    site = built_site(name)
    pages = BLOG_PAGES if name.startswith("blog") else EXAMPLE_PAGES
    found = {}
    with serve_directory(site.site_dir) as base:
        for page in pages:
            assert (site.site_dir / page / "index.html").is_file(), page
            count, violations = axe_violations(browser, base + page)
            assert count > 0, f"no plugin element on {page or 'the home page'}"
            if violations:
                found[page] = {v["id"]: [node[0] for node in v["nodes"]] for v in violations}
    assert not found, json.dumps(found, indent=1)
