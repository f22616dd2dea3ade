"""What the browser does with topic pages and posts of the example site and the Material-blog
fixture, served over HTTP at their own site_url: no request fails and nothing is logged to the
console as an error.

Material's bundle takes every ``<link rel="alternate">`` for a language alternate and fetches
``sitemap.xml`` beside it; the plugin's feed links must not lead it to ask for one that does not
exist. Run with ``make test-validators``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from browser_support import chromium, open_page, serve_directory
from helpers import build_fixture
from validator_support import build_example_site, require_validators, wait_until_loaded

pytestmark = pytest.mark.validators

PAGES = {
    "example": ["topics/ai-hardware/", "companies/nvidia/", "posts/accelerator-moat/"],
    "blog": ["topics/open-models/", "companies/nvidia/", "blog/2026/05/01/the-moat-holds/"],
}


@pytest.fixture(scope="module", params=list(PAGES))
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, list[str]]]:
    """The site (base URL, pages to load), its theme's web fonts off (nothing from outside),
    built for the URL it is served at, so the absolute links the plugin writes lead back to
    this server."""
    require_validators()
    name = request.param
    root = tmp_path_factory.mktemp(name)
    (root / "site").mkdir()
    with serve_directory(root / "site") as base:

        def edit(settings: dict[str, Any]) -> None:
            settings["site_url"] = base
            settings["theme"]["font"] = False

        if name == "blog":
            site = build_fixture("material_blog", root, edit)
        else:
            site = build_example_site(root, edit)
        assert site.aborted is None, site.aborted
        yield base, PAGES[name]


def failed_requests(driver: Any) -> list[str]:
    """Requests answered with an error status, or not answered, since the log was last read."""
    failed, urls = [], {}
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message["method"] == "Network.requestWillBeSent":
            urls[params["requestId"]] = params["request"]["url"]
        elif message["method"] == "Network.responseReceived":
            if params["response"]["status"] >= 400:
                failed.append(f"{params['response']['status']} {params['response']['url']}")
        elif message["method"] == "Network.loadingFailed":
            failed.append(f"{params['errorText']} {urls.get(params['requestId'], '?')}")
    return failed


def outside(message: str, base: str) -> bool:
    """Whether a console message is about a URL on another host (Chromium starts it with it)."""
    return message.startswith(("http://", "https://")) and not message.startswith(base)


def test_no_failed_request_and_no_console_error(served):
    base, pages = served
    found = {}
    with chromium(width=1200, height=1000, offline=True) as driver:
        for page in pages:
            open_page(driver, base + page)
            wait_until_loaded(driver)
            # Material fetches sitemaps after the page has loaded: give it the time it takes.
            time.sleep(3)
            # The test browser reaches no host but this server: what fails elsewhere (the
            # fixture's author avatars, which Material draws) says nothing about the plugin.
            failed = [line for line in failed_requests(driver) if base in line]
            logged = driver.get_log("browser")
            errors = [
                entry["message"]
                for entry in logged
                if entry["level"] == "SEVERE" and not outside(entry["message"], base)
            ]
            if failed or errors:
                found[page] = {"failed requests": failed, "console errors": errors}
    assert found == {}
