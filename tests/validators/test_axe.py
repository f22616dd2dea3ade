"""axe-core (WCAG 2.1 A and AA rules, and its best practices) on the plugin's elements in a real
headless Chromium, in the three themes, light and dark, on the example publication and the
Material-blog fixture; and the signup block under every one of Material's primary and accent
colours.

Run with ``make test-validators``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from browser_support import chromium, open_page, serve_directory
from validator_support import axe_violations, require_validators, wait_until_loaded

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


PRIMARIES = (
    "red pink purple deep-purple indigo blue light-blue cyan teal green light-green lime yellow "
    "amber orange deep-orange brown grey blue-grey black white"
).split()
ACCENTS = (
    "red pink purple deep-purple indigo blue light-blue cyan teal green light-green lime yellow "
    "amber orange deep-orange"
).split()

SIGNUP_CONTRAST = """
// The signup button and the bar beside the block against the block itself (drawn on the
// page), as the screen shows them: each colour painted on a canvas and read back as sRGB.
const block = document.querySelector('.aic-newsletter');
const button = block.querySelector('.aic-newsletter-button, .aic-newsletter-fallback');
const canvas = document.createElement('canvas');
canvas.width = canvas.height = 1;
const paint = canvas.getContext('2d', {willReadFrequently: true});
const rgb = (...layers) => {
  paint.clearRect(0, 0, 1, 1);
  for (const color of layers) { paint.fillStyle = color; paint.fillRect(0, 0, 1, 1); }
  return [...paint.getImageData(0, 0, 1, 1).data].slice(0, 3);
};
const luminance = (c) => {
  const [r, g, b] = c.map((v) => v / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const ratio = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const page = getComputedStyle(document.body).backgroundColor;
const surface = rgb('#fff', page, getComputedStyle(block).backgroundColor);
const style = getComputedStyle(button);
return {
  button: ratio(rgb(page, style.backgroundColor), surface),
  label: ratio(rgb(page, style.backgroundColor), rgb(page, style.color)),
  bar: ratio(rgb(page, getComputedStyle(block).borderInlineStartColor), surface),
};
"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_signup_block_stands_out_in_every_material_palette(built_site, browser, scheme):
    """Every primary colour (each accent too, taken in turn) in both schemes: the button and
    the bar keep 3:1 against the block (WCAG 1.4.11), the button's label 4.5:1, and axe finds
    nothing in the block."""
    site = built_site("example")  # its palettes bring Material's palette style sheet
    found = {}
    with serve_directory(site.site_dir) as base:
        open_page(browser, base + "posts/accelerator-moat/")
        wait_until_loaded(browser)
        for index, primary in enumerate(PRIMARIES):
            accent = ACCENTS[index % len(ACCENTS)]
            browser.execute_script(
                "const body = document.body;"
                "body.setAttribute('data-md-color-scheme', arguments[0]);"
                "body.setAttribute('data-md-color-primary', arguments[1]);"
                "body.setAttribute('data-md-color-accent', arguments[2]);",
                scheme,
                primary,
                accent,
            )
            ratios = browser.execute_script(SIGNUP_CONTRAST)
            low = {part: round(value, 2) for part, value in ratios.items() if value < 3}
            if ratios["label"] < 4.5:
                low["label"] = round(ratios["label"], 2)
            count, violations = axe_violations(browser, None)
            assert count > 0
            if low or violations:
                found[f"{primary}/{accent}"] = {"ratios": low, "axe": [v["id"] for v in violations]}
    assert not found, json.dumps(found, indent=1)
