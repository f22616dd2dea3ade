"""End to end in a real headless Chromium: a reader subscribes, and the block looks right.

Run with ``make test-browser`` (``pytest -m browser``). Needs Debian's ``chromium`` and
``chromium-driver`` packages; the tests are skipped without them unless ``AIC_REQUIRE_BROWSER``
is set (as ``.ci/run`` does), so CI cannot pass by skipping.
"""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from browser_support import (
    SHOWCASE_NEWSLETTER,
    SHOWCASE_PAGES,
    THEMES,
    chromium,
    open_page,
    require_browser,
    serve_directory,
    signup_receiver,
)

pytestmark = pytest.mark.browser

ARTICLE = "posts/open-weights/"


@pytest.fixture(scope="module")
def browser():
    require_browser()
    with chromium() as driver:
        yield driver


@pytest.mark.parametrize(
    ("theme", "javascript"), [("mkdocs", True), ("material", True), ("material", False)]
)
def test_reader_subscribes_through_the_form(build_site, browser, theme, javascript):
    """With JavaScript off too: the form is plain HTML, whatever the theme's scripts do."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    address = "reader+ai@example.org"
    with signup_receiver() as receiver:
        site = build_site(
            SHOWCASE_PAGES,
            {
                "newsletter": {
                    **SHOWCASE_NEWSLETTER,
                    "action": receiver.url,
                    "email_field": "subscriber_email",
                    "hidden": {"list": "ai-daily"},
                }
            },
            strict=True,
            theme=THEMES[theme],
        )
        assert site.aborted is None, site.warnings
        with serve_directory(site.site_dir) as base, scripts(browser, enabled=javascript):
            open_page(browser, base + ARTICLE)
            ran = browser.execute_cdp_cmd(
                "Runtime.evaluate", {"expression": "document.documentElement.className"}
            )
            if theme == "material":  # Material swaps "no-js" for "js" when its scripts run.
                assert ("no-js" in ran["result"]["value"]) is not javascript
            section = browser.find_element(By.CSS_SELECTOR, "section.aic-newsletter")
            label = section.find_element(By.TAG_NAME, "label")
            email = browser.find_element(By.ID, label.get_attribute("for"))
            assert label.is_displayed() and email.is_displayed()
            assert email.get_attribute("type") == "email"

            # The trap is out of the way: Tab goes from the address to the button and on,
            # never into the hidden field.
            email.click()
            email.send_keys(Keys.TAB)
            assert browser.switch_to.active_element.get_attribute("type") == "submit"
            browser.switch_to.active_element.send_keys(Keys.TAB)
            assert browser.switch_to.active_element.get_attribute("name") != "aic_website"
            assert not section.find_element(By.NAME, "aic_website").is_displayed()

            # The browser itself refuses something that is not an address (no JavaScript).
            email.send_keys("not an address")
            section.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            assert not receiver.received.is_set()
            assert browser.find_elements(By.CSS_SELECTOR, "input[type=email]:invalid")
            email.clear()

            email.send_keys(address)
            section.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            WebDriverWait(browser, 30).until(lambda _: receiver.received.is_set())
            WebDriverWait(browser, 30).until(lambda d: d.current_url.startswith(receiver.url))

    assert len(receiver.submissions) == 1
    submission = receiver.submissions[0]
    assert submission.method == "POST"
    assert submission.path == "/subscribe"
    assert submission.fields["subscriber_email"] == [address]
    assert submission.fields["list"] == ["ai-daily"]
    assert submission.fields["aic_website"] == [""]
    assert "Thanks for subscribing" in browser.page_source


@contextmanager
def scripts(browser, *, enabled: bool):
    """Run the page's JavaScript, or not, as a reader who switched it off."""
    if enabled:
        yield
        return
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        yield
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


@pytest.mark.parametrize("theme", list(THEMES))
def test_block_renders_in_each_theme(build_site, browser, theme, tmp_path):
    from selenium.webdriver.common.by import By

    site = build_site(
        SHOWCASE_PAGES,
        {"newsletter": {**SHOWCASE_NEWSLETTER, "action": "https://example.com/subscribe"}},
        theme=THEMES[theme],
    )
    assert site.aborted is None, site.warnings
    with serve_directory(site.site_dir) as base:
        open_page(browser, base + ARTICLE)
        section = browser.find_element(By.CSS_SELECTOR, "section.aic-newsletter")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", section)
        email = section.find_element(By.CSS_SELECTOR, "input[type=email]")
        button = section.find_element(By.CSS_SELECTOR, "button[type=submit]")
        style = browser.execute_script(
            "const s = getComputedStyle(arguments[0]);"
            "return {border: s.borderLeftWidth, radius: s.borderTopLeftRadius};",
            section,
        )
        colors = browser.execute_script(
            "const b = getComputedStyle(arguments[0]), i = getComputedStyle(arguments[1]);"
            "return [b.backgroundColor, b.color, i.color];",
            button,
            email,
        )
        # The shared stylesheet reached the page: the accent edge and a row of input + button.
        assert style["border"] == "4px"
        assert email.location["y"] == pytest.approx(button.location["y"], abs=4)
        assert email.size["width"] > 2 * button.size["width"]
        assert colors[0] != colors[1], "button text must differ from its background"
        path = tmp_path / f"newsletter-{theme}.png"
        assert section.screenshot(str(path))
        assert path.stat().st_size > 1000


@pytest.mark.parametrize(
    ("theme", "muted"),
    [
        ("mkdocs", "rgb(89, 99, 110)"),
        ("readthedocs", "rgb(89, 99, 110)"),
        ("material", "rgb(89, 99, 110)"),
        ("mkdocs-dark", "rgb(168, 177, 187)"),
        ("material-dark", "rgb(168, 177, 187)"),
    ],
)
def test_note_follows_the_theme_not_the_os(build_site, browser, theme, muted):
    """A reader whose OS is dark still gets dark grey notes on a light theme's white page."""
    from selenium.webdriver.common.by import By

    site = build_site(
        SHOWCASE_PAGES,
        {"newsletter": {**SHOWCASE_NEWSLETTER, "action": "https://example.com/subscribe"}},
        theme=THEMES[theme],
    )
    assert site.aborted is None, site.warnings
    dark_os = {"features": [{"name": "prefers-color-scheme", "value": "dark"}]}
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", dark_os)
    try:
        with serve_directory(site.site_dir) as base:
            open_page(browser, base + ARTICLE)
            note = browser.find_element(By.CSS_SELECTOR, ".aic-newsletter-note")
            color = browser.execute_script("return getComputedStyle(arguments[0]).color", note)
            assert color == muted
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


@pytest.mark.parametrize("language", ["en", "ar"])
def test_bot_trap_is_off_screen_without_widening_the_page(build_site, browser, language):
    """Off-screen on the side a page cannot scroll to: left in English, right in Arabic."""
    from selenium.webdriver.common.by import By

    site = build_site(
        SHOWCASE_PAGES,
        {"newsletter": {**SHOWCASE_NEWSLETTER, "action": "https://example.com/subscribe"}},
        theme={**THEMES["material"], "language": language},
    )
    assert site.aborted is None, site.warnings
    with serve_directory(site.site_dir) as base:
        open_page(browser, base + ARTICLE)
        direction = browser.execute_script("return getComputedStyle(document.body).direction")
        assert direction == ("rtl" if language == "ar" else "ltr")
        trap = browser.find_element(By.NAME, "aic_website")
        left, right, viewport, scroll_width = browser.execute_script(
            "const r = arguments[0].getBoundingClientRect(), e = document.scrollingElement;"
            "return [r.left, r.right, e.clientWidth, e.scrollWidth];",
            trap,
        )
        assert right <= 0 or left >= viewport, "the trap must be outside the page"
        assert scroll_width == viewport, "the trap must not make the page scroll sideways"


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_ghost_readers_without_javascript_get_a_button_to_the_signup_page(
    build_site, browser, theme
):
    from selenium.webdriver.common.by import By

    site = build_site(
        SHOWCASE_PAGES,
        {"newsletter": {**SHOWCASE_NEWSLETTER, "provider": "ghost", "site": "https://x.test"}},
        theme=THEMES[theme],
    )
    assert site.aborted is None, site.warnings
    with serve_directory(site.site_dir) as base, scripts(browser, enabled=False):
        open_page(browser, base + ARTICLE)
        link = browser.find_element(By.CSS_SELECTOR, ".aic-newsletter .aic-newsletter-fallback")
        assert link.is_displayed()
        assert link.get_attribute("href") == "https://x.test/#/portal/signup"
        assert link.text == "Subscribe"
        link_style, button_colour = browser.execute_script(
            "const s = getComputedStyle(arguments[0]);"
            "const probe = document.createElement('button');"
            "probe.className = 'aic-newsletter-button';"
            "arguments[0].closest('.aic-newsletter').append(probe);"
            "const colour = getComputedStyle(probe).backgroundColor; probe.remove();"
            "return [{bg: s.backgroundColor, line: s.textDecorationLine, display: s.display},"
            " colour];",
            link,
        )
        # It looks like the other providers' Subscribe button, not a stray underlined word.
        assert link_style["bg"] == button_colour
        assert link_style["line"] == "none"
        assert link_style["display"] == "inline-block"
        # Themes recolour hovered links (Material to its accent); this one keeps its text colour.
        from selenium.webdriver.common.action_chains import ActionChains

        colour = browser.execute_script("return getComputedStyle(arguments[0]).color", link)
        ActionChains(browser).move_to_element(link).perform()
        assert browser.execute_script("return getComputedStyle(arguments[0]).color", link) == colour
