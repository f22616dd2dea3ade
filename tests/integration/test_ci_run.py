"""``.ci/run``: installs Debian's Chromium, a Java runtime and npm when they are missing, then
runs the README's two commands, the browser tests and the validator tests.

Runs the real script with stand-ins for ``apt-get``, ``sudo``, ``id`` and ``make`` first on
the PATH, so nothing is installed and no tests run; the stand-ins write down how they were
called. The ``sudo`` stand-in clears the environment as the real one does (``env_reset``).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASH = shutil.which("bash")

pytestmark = pytest.mark.skipif(BASH is None, reason="needs bash")


def _stub(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


def run_ci(
    tmp_path: Path, *, browser_present: bool, uid: int, runtimes_present: bool = True
) -> list[str]:
    stubs = tmp_path / "bin"
    stubs.mkdir()
    log = tmp_path / "calls.log"
    _stub(stubs, "apt-get", f'echo "apt-get $* [DEBIAN_FRONTEND=$DEBIAN_FRONTEND]" >> {log}')
    _stub(
        stubs,
        "make",
        f'echo "make $* [AIC_REQUIRE_BROWSER=$AIC_REQUIRE_BROWSER'
        f' AIC_REQUIRE_VALIDATORS=$AIC_REQUIRE_VALIDATORS]" >> {log}',
    )
    _stub(stubs, "id", f'[ "$1" = -u ] && echo {uid}')
    _stub(stubs, "sudo", f'echo "sudo" >> {log}; exec env -i PATH="$PATH" "$@"')
    browser = tmp_path / "browser"
    browser.mkdir()
    for name in ("chromium", "chromedriver"):
        if browser_present:
            _stub(browser, name, "exit 0")
    for name in ("java", "npm"):
        if runtimes_present:
            _stub(browser, name, "exit 0")
    env = {
        "PATH": f"{stubs}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "AIC_CHROMIUM": str(browser / "chromium"),
        "AIC_CHROMEDRIVER": str(browser / "chromedriver"),
        "AIC_JAVA": str(browser / "java"),
        "AIC_NPM": str(browser / "npm"),
    }
    subprocess.run([BASH, str(ROOT / ".ci" / "run")], env=env, check=True, timeout=60)
    return log.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("uid", [0, 1000])
def test_installs_chromium_when_missing_then_runs_the_readmes_commands(tmp_path, uid):
    calls = run_ci(tmp_path, browser_present=False, uid=uid)
    apt = [call for call in calls if call.startswith("apt-get")]
    assert apt == [
        "apt-get update -qq [DEBIAN_FRONTEND=noninteractive]",
        "apt-get install -y -qq chromium chromium-driver [DEBIAN_FRONTEND=noninteractive]",
    ]
    assert ("sudo" in calls) == (uid != 0)
    assert [call for call in calls if call.startswith("make")] == MAKE_CALLS


MAKE_CALLS = [
    "make demo [AIC_REQUIRE_BROWSER= AIC_REQUIRE_VALIDATORS=]",
    "make test [AIC_REQUIRE_BROWSER= AIC_REQUIRE_VALIDATORS=]",
    "make test-browser [AIC_REQUIRE_BROWSER=1 AIC_REQUIRE_VALIDATORS=]",
    "make test-validators [AIC_REQUIRE_BROWSER= AIC_REQUIRE_VALIDATORS=1]",
]


def test_installs_a_java_runtime_and_npm_when_missing(tmp_path):
    calls = run_ci(tmp_path, browser_present=True, uid=0, runtimes_present=False)
    assert [call for call in calls if call.startswith("apt-get install")] == [
        "apt-get install -y -qq default-jre-headless npm [DEBIAN_FRONTEND=noninteractive]",
    ]
    assert [call for call in calls if call.startswith("make")] == MAKE_CALLS


def test_leaves_an_installed_browser_and_runtimes_alone(tmp_path):
    calls = run_ci(tmp_path, browser_present=True, uid=1000)
    assert calls == MAKE_CALLS
