"""The real validators on built sites: the Nu Html Checker (``vnu.jar`` on the system's Java) and
axe-core inside Debian's headless Chromium.

Both come from npm at the versions ``package-lock.json`` pins (``make test-validators`` runs
``npm ci``); ``.ci/run`` installs Java, npm and the browser from Debian when they are missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser_support import browser_missing, open_page
from helpers import BuiltSite, build_config_file

ROOT = Path(__file__).resolve().parents[1]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
EXAMPLE_SITE = ROOT / "example_site"


def require_validators() -> None:
    """Skip without the tools; fail instead where CI asks for it (AIC_REQUIRE_VALIDATORS=1)."""
    missing = browser_missing()
    if shutil.which("java") is None:
        missing = "java is missing; install it with: apt-get install default-jre-headless"
    for path in (VNU_JAR, AXE_SCRIPT):
        if not path.is_file():
            missing = f"{path} is missing; install it with: npm ci --ignore-scripts"
    if missing:
        if os.environ.get("AIC_REQUIRE_VALIDATORS"):
            pytest.fail(missing)
        pytest.skip(missing)


def build_example_site(root: Path, edit: Callable[[dict[str, Any]], None]) -> BuiltSite:
    """Copy the example publication to ``root``, let ``edit`` change its mkdocs.yml, build it."""
    shutil.copytree(EXAMPLE_SITE / "docs", root / "docs")
    settings = yaml.safe_load((EXAMPLE_SITE / "mkdocs.yml").read_text(encoding="utf-8"))
    edit(settings)
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return build_config_file(config_file, BuiltSite(root / "site", root / "docs", config_file))


@dataclass(frozen=True)
class Finding:
    """One error the Nu checker reported: the page (relative to the site), message, extract."""

    page: str
    message: str
    extract: str


def nu_errors(site_dir: Path) -> list[Finding]:
    """Every error the Nu Html Checker reports on the site's HTML pages."""
    run = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(site_dir),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    report = json.loads(run.stderr)
    findings = []
    for message in report["messages"]:
        page = message.get("url", "").removeprefix("file:")
        findings.append(
            Finding(
                Path(page).relative_to(site_dir.resolve()).as_posix() if page else "",
                message["message"],
                message.get("extract", ""),
            )
        )
    return findings


AXE_RUN = """
const done = arguments[arguments.length - 1];
if (!window.axe) { eval(arguments[0]); }
// The plugin's outermost elements: anything with an aic- class not inside another one.
const ours = [...document.querySelectorAll('[class^="aic-"], [class*=" aic-"]')]
  .filter((el) => !el.parentElement.closest('[class^="aic-"], [class*=" aic-"]'));
if (ours.length === 0) { done({count: 0, violations: []}); return; }
axe.run(
  {include: ours},
  // WCAG 2.1 A and AA, and axe's best practices: headings in order, landmarks well placed
  // and named, as a screen reader would read the boxes out.
  {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}},
).then((result) => done({
  count: ours.length,
  violations: result.violations.map((v) => ({
    id: v.id,
    nodes: v.nodes.map((n) => [n.target.join(' '), n.failureSummary]),
  })),
}), (error) => done({count: -1, violations: [{id: String(error), nodes: []}]}));
"""


def wait_until_loaded(driver: Any, timeout: float = 20) -> None:
    """With the eager strategy ``get`` returns once the document is parsed: wait for the rest
    (style sheets, Material's scripts), as far as the offline browser lets them load."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if driver.execute_script("return document.readyState") == "complete":
            return
        time.sleep(0.1)


def axe_violations(driver: Any, url: str | None) -> tuple[int, list[dict[str, Any]]]:
    """Load ``url`` (or stay on the page shown) and run axe-core (WCAG 2.1 A and AA rules and
    axe's best practices) on the plugin's elements only: how many such elements the page has,
    and the violations found in them."""
    if url is not None:
        open_page(driver, url)
        wait_until_loaded(driver)
    driver.set_script_timeout(60)
    result = driver.execute_async_script(AXE_RUN, AXE_SCRIPT.read_text(encoding="utf-8"))
    return result["count"], result["violations"]
