"""A real headless Chromium (Debian's package, driven by Selenium) and small local servers.

Only the system browser and driver are used (``/usr/bin/chromium``, ``/usr/bin/chromedriver``):
nothing is downloaded. ``.ci/run`` installs them with apt-get when they are missing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

CHROMIUM = os.environ.get("AIC_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("AIC_CHROMEDRIVER", "/usr/bin/chromedriver")


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).is_file():
            return f"{path} is missing; install it with: apt-get install chromium chromium-driver"
    return None


def require_browser() -> None:
    """Skip without the browser; fail instead where CI asks for it (AIC_REQUIRE_BROWSER=1)."""
    missing = browser_missing()
    if missing:
        if os.environ.get("AIC_REQUIRE_BROWSER"):
            pytest.fail(missing)
        pytest.skip(missing)


@contextmanager
def chromium(width: int = 1000, height: int = 1000, *, offline: bool = False) -> Iterator[object]:
    """A headless Chromium with a fresh profile, closed (and its profile removed) afterwards.

    ``offline`` resolves no host but 127.0.0.1 (so the ``mkdocs`` theme's CDN scripts fail at
    once instead of holding the page), returns from ``get`` once the document is parsed, and
    keeps the console and the network events for ``driver.get_log``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="aic-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--window-size={width},{height}",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    if offline:
        options.add_argument("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")
        options.page_load_strategy = "eager"
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver: Any, url: str, timeout: float = 20) -> None:
    """Load ``url`` and return once its own document is parsed.

    ``get`` alone can return while the previous document is still shown: each test serves its
    site on a free port, the system may hand out the port the last test used, and the same URL
    then reads as no navigation at all to ChromeDriver's eager strategy. The old document is
    marked first, so the wait ends only on a new one.
    """
    driver.execute_script("window.__aicPrevious = true;")
    driver.get(url)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        fresh = driver.execute_script(
            "return !window.__aicPrevious && document.readyState !== 'loading';"
        )
        if fresh:
            return
        time.sleep(0.05)
    raise AssertionError(f"{url} did not load within {timeout} s")


class _Quiet:
    def log_message(self, format: str, *args: object) -> None:
        pass


class _StaticFiles(_Quiet, SimpleHTTPRequestHandler):
    pass


@contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a random free port); yields its base URL."""
    handler = partial(_StaticFiles, directory=str(directory))
    with _running(ThreadingHTTPServer(("127.0.0.1", 0), handler)) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}/"


@dataclass
class Submission:
    method: str
    path: str
    fields: dict[str, list[str]]


@dataclass
class Receiver:
    """Stands in for a newsletter provider: records every signup it is sent."""

    url: str = ""
    submissions: list[Submission] = field(default_factory=list)
    received: threading.Event = field(default_factory=threading.Event)


@contextmanager
def signup_receiver(path: str = "/subscribe") -> Iterator[Receiver]:
    """An HTTP server on 127.0.0.1 that accepts form posts (and gets) and keeps them."""
    receiver = Receiver()

    class Handler(_Quiet, BaseHTTPRequestHandler):
        def _record(self, method: str, body: str) -> None:
            parts = urlsplit(self.path)
            query = body if method == "POST" else parts.query
            fields = parse_qs(query, keep_blank_values=True)
            receiver.submissions.append(Submission(method, parts.path, fields))
            receiver.received.set()
            page = b"<!doctype html><title>Subscribed</title><h1>Thanks for subscribing</h1>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self._record("POST", self.rfile.read(length).decode("utf-8"))

        def do_GET(self) -> None:
            if urlsplit(self.path).path == "/favicon.ico":
                self.send_error(404)
                return
            self._record("GET", "")

    with _running(ThreadingHTTPServer(("127.0.0.1", 0), Handler)) as server:
        receiver.url = f"http://127.0.0.1:{server.server_address[1]}{path}"
        yield receiver


@contextmanager
def _running(server: ThreadingHTTPServer) -> Iterator[ThreadingHTTPServer]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


SHOWCASE_POST = """---
title: Open weights, closed books
date: 2026-11-20
stance: skeptical
subject_company: Example AI
topics: [open-source AI]
---

# Open weights, closed books

A lab that publishes its weights but not its training data invites a particular kind of
praise, and a particular kind of doubt.

The weights let anyone run the model. The missing data means nobody outside can say what it
learned, or from whom.
"""

SHOWCASE_NEWSLETTER = {
    "heading": "Get AI news in your inbox",
    "text": "A daily digest of what matters in AI, written by people.",
    "privacy": "One email a day. Unsubscribe with one click.",
    "privacy_url": "privacy.md",
}
"""What the screenshots show (the ``action`` is added by whoever builds the site)."""

SHOWCASE_PAGES = {
    "index.md": "# Home\n\nWelcome.\n",
    "privacy.md": "# Privacy\n\nWe keep your address and nothing else.\n",
    "posts/open-weights.md": SHOWCASE_POST,
}


def _rtl_post(title: str, day: str, stance: str, companies: str) -> str:
    return (
        f"---\ntitle: {title}\ndate: {day}\nstance: {stance}\nsubject_company: {companies}\n"
        f"topics: [رقائق, تصدير]\n---\n\n# {title}\n\n"
        "قيود التصدير على المسرعات تشتد مرة أخرى، والتراخيص أصعب من ذي قبل.\n"
    )


RTL_PAGES = {
    "index.md": "# الرئيسية\n",
    "privacy.md": "# الخصوصية\n\nنحتفظ بعنوانك فقط.\n",
    "posts/a.md": _rtl_post("الرقائق والتراخيص", "2025-01-10", "bullish", "[NVIDIA, AMD]"),
    "posts/b.md": _rtl_post("العرض هو القصة", "2025-03-02", "bearish", "NVIDIA"),
    "posts/c.md": _rtl_post("هامش الربح تحت الضغط", "2025-03-20", "skeptical", "NVIDIA"),
    "posts/d.md": _rtl_post("مصدر ثانٍ للمسرعات", "2025-06-01", "bullish", "[NVIDIA, AMD]"),
}
"""Four Arabic posts on one company: a header, a "Read next" box with a counterpoint, a
listing of two pages, and charts, for the right-to-left browser test and its screenshot."""

THEMES = {
    "mkdocs": {"name": "mkdocs"},
    "mkdocs-dark": {"name": "mkdocs", "color_mode": "dark"},
    "readthedocs": {"name": "readthedocs"},
    "material": {"name": "material", "font": False},
    "material-dark": {"name": "material", "font": False, "palette": {"scheme": "slate"}},
}
"""Theme settings per screenshot; web fonts off so nothing is fetched from the network."""
