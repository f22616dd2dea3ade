"""Right-to-left sites in a real headless Chromium: boxes, badges and charts mirror, text stays
readable.

Arabic on Material (which turns the whole page right to left) and Hebrew on the mkdocs theme
(which does not: the plugin's own boxes say ``dir="rtl"``), with English on the mkdocs theme as
the left-to-right control. Run with ``make test-browser``.
"""

from __future__ import annotations

import pytest
from browser_support import RTL_PAGES, open_page, serve_directory

pytestmark = pytest.mark.browser

SITES = {
    "ar-material": ({"name": "material", "language": "ar", "font": False}, {}),
    "he-mkdocs": ({"name": "mkdocs"}, {"language": "he"}),
    "en-mkdocs": ({"name": "mkdocs"}, {}),
}
OPTIONS = {
    "index": {"per_page": 1, "compact_per_page": 1},
    "newsletter": {"action": "https://example.com/subscribe", "privacy_url": "privacy.md"},
}


ARTICLE = """
const rect = (selector) => document.querySelector(selector).getBoundingClientRect();
const style = (selector) => getComputedStyle(document.querySelector(selector));
const counterpoint = '.aic-related-counterpoint';
return {
  badge: rect('.aic-article-meta .aic-stance'),
  date: rect('.aic-article-meta .aic-date'),
  label: rect(counterpoint + ' .aic-related-label'),
  title: rect(counterpoint + ' .aic-related-title'),
  counterpointBorder: [style(counterpoint).borderLeftWidth, style(counterpoint).borderRightWidth],
  newsletterBorder: [
    style('.aic-newsletter').borderLeftWidth, style('.aic-newsletter').borderRightWidth
  ],
  input: rect('.aic-newsletter-input'),
  button: rect('.aic-newsletter-button'),
  scrolls: document.scrollingElement.scrollWidth > window.innerWidth,
};
"""

CHARTS = """
const rect = (element) => element.getBoundingClientRect();
const bars = [...document.querySelectorAll('.aic-bar-chart .aic-chart-row')]
  .filter((row) => row.dataset.count !== '0')
  .map((row) => ({
    label: rect(row.querySelector('.aic-chart-label')),
    bar: rect(row.querySelector('.aic-bar')),
    count: rect(row.querySelector('.aic-chart-count')),
  }));
const column = (month) => rect(document.querySelector(
  `.aic-timeline .aic-chart-month[data-month="${month}"] .aic-bar`));
return {
  bars,
  january: column('2025-01'),
  june: column('2025-06'),
  year: rect(document.querySelector('.aic-chart-year')),
  readable: [...document.querySelectorAll('.aic-chart text')]
    .every((text) => text.getScreenCTM().a > 0),
  mirrored: document.querySelector('.aic-chart .aic-bar').getScreenCTM().a < 0,
};
"""

PAGER = """
const rect = (selector) => document.querySelector(selector).getBoundingClientRect();
return {newer: rect('.aic-page-previous'), older: rect('.aic-page-next')};
"""


@pytest.mark.parametrize("name", SITES)
def test_boxes_badges_and_charts_follow_the_writing_direction(build_site, browser, name):
    theme, options = SITES[name]
    rtl = not name.startswith("en")
    site = build_site(RTL_PAGES, {**OPTIONS, **options}, theme=theme, strict=True)
    assert site.aborted is None, site.warnings
    with serve_directory(site.site_dir) as base:
        open_page(browser, base + "posts/b/")
        article = browser.execute_script(ARTICLE)
        open_page(browser, base + "companies/nvidia/")
        charts = browser.execute_script(CHARTS)
        open_page(browser, base + "companies/nvidia/page/2/")
        pager = browser.execute_script(PAGER)

    def start_of(first: dict, second: dict) -> bool:
        """Whether ``first`` comes before ``second`` in reading order."""
        return first["left"] > second["left"] if rtl else first["left"] < second["left"]

    # The header reads from the start side: badge, then date.
    assert start_of(article["badge"], article["date"])
    # The counterpoint's label comes before its title, its rule on the start side.
    assert start_of(article["label"], article["title"])
    assert article["counterpointBorder"] == (["0px", "3px"] if rtl else ["3px", "0px"])
    assert article["newsletterBorder"] == (["1px", "4px"] if rtl else ["4px", "1px"])
    assert start_of(article["input"], article["button"])
    assert not article["scrolls"], "the off-screen bot trap must not widen the page"

    # Bars grow away from their labels, numbers at their ends; text is never mirrored.
    assert charts["bars"]
    for row in charts["bars"]:
        if rtl:
            assert row["label"]["left"] >= row["bar"]["right"] - 1, row
            assert row["count"]["right"] <= row["bar"]["left"] + 1, row
        else:
            assert row["label"]["right"] <= row["bar"]["left"] + 1, row
            assert row["count"]["left"] >= row["bar"]["right"] - 1, row
    assert charts["readable"]
    assert charts["mirrored"] == rtl
    # Time runs in reading order; the year stands at the start of its first month.
    assert start_of(charts["january"], charts["june"])
    if rtl:
        assert abs(charts["year"]["right"] - charts["january"]["right"]) < 6
    else:
        assert abs(charts["year"]["left"] - charts["january"]["left"]) < 6
    # "Newer" leads, on the start side.
    assert start_of(pager["newer"], pager["older"])
