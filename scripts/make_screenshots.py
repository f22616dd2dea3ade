"""Screenshots for the README and the documentation: ``make screenshots``.

Builds the showcase article in the mkdocs, readthedocs and material (light and dark) themes,
opens each in headless Chromium and saves the newsletter block, with a margin of the page
around it, as ``docs/screenshots/newsletter-<theme>.png``; then an Arabic site on Material, a
post's boxes and a company page's charts, as ``docs/screenshots/rtl-*.png``. The social cards
of the showcase post and of an Arabic post are PNG files of the built sites, copied as they are
to ``docs/screenshots/card-*.png`` (no browser needed for those). Run from the repository root.
"""

from __future__ import annotations

import base64
import sys
import tempfile
from pathlib import Path

# The pictures show the browser tests' showcase sites, built by the tests' site builder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser_support import (
    RTL_PAGES,
    SHOWCASE_NEWSLETTER,
    SHOWCASE_PAGES,
    THEMES,
    browser_missing,
    chromium,
    serve_directory,
)
from helpers import SITE_URL, make_builder

MARGIN = 24


def main(out_dir: Path) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="aic-cards-") as scratch:
        if not save_cards(make_builder(Path(scratch)), out_dir):
            return 1
    missing = browser_missing()
    if missing:
        print(missing, file=sys.stderr)
        return 1
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="aic-shots-") as scratch:
        return _shoot(make_builder(Path(scratch)), out_dir)


def _shoot(build, out_dir: Path) -> int:
    options = {"newsletter": {**SHOWCASE_NEWSLETTER, "action": "https://example.com/subscribe"}}
    with chromium(width=900, height=1000) as driver:
        for theme, settings in THEMES.items():
            site = build(SHOWCASE_PAGES, options, theme=settings, strict=True)
            if site.aborted:
                print(f"{theme}: build failed: {site.warnings}", file=sys.stderr)
                return 1
            with serve_directory(site.site_dir) as base:
                driver.get(base + "posts/open-weights/")
                _save(driver, "section.aic-newsletter", out_dir / f"newsletter-{theme}.png")
        rtl_options = {
            "newsletter": {"action": "https://example.com/subscribe", "privacy_url": "privacy.md"}
        }
        site = build(RTL_PAGES, rtl_options, theme={**THEMES["material"], "language": "ar"})
        if site.aborted:
            print(f"rtl: build failed: {site.warnings}", file=sys.stderr)
            return 1
        with serve_directory(site.site_dir) as base:
            driver.get(base + "posts/b/")
            _save(driver, "article.md-content__inner", out_dir / "rtl-article-material.png")
            driver.get(base + "companies/nvidia/")
            _save(driver, ".aic-index-charts", out_dir / "rtl-charts-material.png")
    return 0


def save_cards(build, out_dir: Path) -> bool:
    """Copy the card of a Latin and of an Arabic post, as the sites serve them."""
    options = {"social_cards": {"enabled": True, "cache_dir": ""}}
    for name, pages, post, language, site_name in (
        ("card-latin.png", SHOWCASE_PAGES, "posts/open-weights/", None, "The Compute Ledger"),
        ("card-rtl.png", RTL_PAGES, "posts/b/", "ar", "دفتر الحوسبة"),
    ):
        site_options = {**options, **({"language": language} if language else {})}
        extra = {"site_name": site_name}
        site = build(pages, site_options, strict=True, site_url=SITE_URL, extra=extra)
        if site.aborted:
            print(f"{name}: build failed: {site.warnings}", file=sys.stderr)
            return False
        head = site.page(post).head
        image = head.find("meta", property="og:image")["content"]
        card = site.site_dir / image.removeprefix(SITE_URL)
        (out_dir / name).write_bytes(card.read_bytes())
    return True


def _save(driver, selector: str, path: Path) -> None:
    """A picture of the element ``selector`` with a margin of the page around it."""
    element = driver.find_element("css selector", selector)
    x, y, width, height = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return [r.left + scrollX, r.top + scrollY, r.width, r.height];",
        element,
    )
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {
                "x": max(x - MARGIN, 0),
                "y": max(y - MARGIN, 0),
                "width": width + 2 * MARGIN,
                "height": height + 2 * MARGIN,
                "scale": 1,
            },
        },
    )
    path.write_bytes(base64.b64decode(shot["data"]))
    print(path)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
