"""What the browser does with a topic page and a post of the example site on Material, served
over HTTP at its own site_url: no request fails and nothing is logged to the console as an error.

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
from browser_support import chromium, serve_directory
from validator_support import build_example_site, require_validators, wait_until_loaded

pytestmark = pytest.mark.validators

PAGES = ["topics/ai-hardware/", "companies/nvidia/", "posts/accelerator-moat/"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example site, its theme's web fonts off (nothing from outside), built for the URL it
    is served at, so the absolute links the plugin writes lead back to this server."""
    require_validators()
    root = tmp_path_factory.mktemp("served")
    (root / "site").mkdir()
    with serve_directory(root / "site") as base:

        def edit(settings: dict[str, Any]) -> None:
            settings["site_url"] = base
            settings["theme"]["font"] = False

        site = build_example_site(root, edit)
        assert site.aborted is None, site.aborted
        yield base


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


@pytest.mark.parametrize("page", PAGES)
def test_no_failed_request_and_no_console_error(served, page):
    with chromium(width=1200, height=1000, offline=True) as driver:
        driver.get(served + page)
        wait_until_loaded(driver)
        # Material fetches sitemaps after the page has loaded: give it the time it takes.
        time.sleep(3)
        assert failed_requests(driver) == []
        logged = driver.get_log("browser")
        assert [entry["message"] for entry in logged if entry["level"] == "SEVERE"] == []
