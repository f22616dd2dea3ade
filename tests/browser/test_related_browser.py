"""The "Read next" box in a real headless Chromium, in every theme: compact entries, theme colours.

Run with ``make test-browser`` (``pytest -m browser``); see test_newsletter_browser.py for what
the tests need.
"""

from __future__ import annotations

import pytest
from browser_support import THEMES, open_page, serve_directory
from factories import article

pytestmark = pytest.mark.browser

TEXT = "Export controls on datacenter accelerators tighten again; licences get harder.\n"


def pages() -> dict[str, str]:
    """One post whose box has a plain entry and a two-line counterpoint with its label."""
    posts = {
        "posts/rules.md": ("Export rules bite", "2026-11-01", "bullish"),
        "posts/licences.md": ("Licences and chips", "2026-11-03", "bullish"),
        "posts/long.md": (
            "A much longer headline about export controls, licences and the accelerator "
            "supply chain, long enough to wrap onto a second line in every theme we support",
            "2026-11-04",
            "skeptical",
        ),
    }
    return {
        "index.md": "# Home\n",
        **{
            path: article(
                f"""
                title: {title}
                date: {date}
                stance: {stance}
                subject_company: [NVIDIA, AMD]
                topics: [AI chips, export controls]
                """,
                f"# {title}\n\n{TEXT}",
            )
            for path, (title, date, stance) in posts.items()
        },
    }


GEOMETRY = """
const box = arguments[0];
const rect = (el) => el.getBoundingClientRect();
return [...box.querySelectorAll('li.aic-related-item')].map((item) => {
  const parts = ['.aic-related-title', '.aic-related-meta', '.aic-related-reason']
    .map((selector) => item.querySelector(selector));
  const label = item.querySelector('.aic-related-label');
  return {
    gaps: [rect(parts[1]).top - rect(parts[0]).bottom, rect(parts[2]).top - rect(parts[1]).bottom],
    margins: [...item.children].map((el) => {
      const style = getComputedStyle(el);
      return parseFloat(style.marginTop) + parseFloat(style.marginBottom);
    }),
    label: label && [rect(label).top, rect(label).bottom, parts[0].getClientRects()[0].top],
    reason: getComputedStyle(parts[2]).color,
  };
});
"""


@pytest.mark.parametrize(
    ("theme", "muted"),
    [
        ("mkdocs", "rgb(89, 99, 110)"),
        ("mkdocs-dark", "rgb(168, 177, 187)"),
        ("readthedocs", "rgb(89, 99, 110)"),
        ("material", "rgb(89, 99, 110)"),
        ("material-dark", "rgb(168, 177, 187)"),
    ],
)
def test_entries_are_compact_and_follow_the_theme(build_site, browser, theme, muted):
    from selenium.webdriver.common.by import By

    site = build_site(pages(), theme=THEMES[theme], strict=True)
    assert site.aborted is None, site.warnings
    with serve_directory(site.site_dir) as base:
        open_page(browser, base + "posts/rules/")
        box = browser.find_element(By.CSS_SELECTOR, "aside.aic-related")
        entries = browser.execute_script(GEOMETRY, box)
    assert len(entries) == 2
    assert any(entry["label"] for entry in entries), "the counterpoint has its label"
    for entry in entries:
        # Title, meta line and reason read as one entry: no theme margins between them
        # (readthedocs puts 12px above and below every child of a list item).
        assert all(-2 <= gap <= 8 for gap in entry["gaps"]), entry
        assert max(entry["margins"]) <= 6, entry
        assert entry["reason"] == muted
        if entry["label"]:
            label_top, label_bottom, first_line_top = entry["label"]
            # The label sits on the title's first line, not above it.
            assert label_bottom - label_top < 24
            assert abs(label_top - first_line_top) < 12
