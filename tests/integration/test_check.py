"""``mkdocs-aicommentary check`` against real builds: the same problems as the build's warnings,
the same exit codes as ``mkdocs build`` and ``mkdocs build --strict``, and each problem's line.

Each site is built once, for real, and checked in-process (``cli.check``) from its own folder,
as a pre-commit hook runs it.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from factories import article
from helpers import FIXTURES, BuiltSite, build_config_file, make_builder
from test_hostile_build import HOSTILE_SITE

from mkdocs_aicommentary import cli

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "mkdocs_aicommentary: "
"""What the plugin's logger puts before each of its warnings."""


def run_check(site_root: Path, *args: str) -> tuple[int, list[str]]:
    """Run the check from ``site_root`` as the command line would; its exit code and lines."""
    out = io.StringIO()
    parsed = cli._parser().parse_args(["check", *args])
    before = Path.cwd()
    os.chdir(site_root)
    try:
        code = cli.check(
            parsed.files,
            config_file=parsed.config_file,
            strict=parsed.strict,
            output_format=parsed.format,
            out=out,
        )
    finally:
        os.chdir(before)
    return code, out.getvalue().splitlines()


def messages(site_root: Path, lines: list[str]) -> list[str]:
    """The findings in ``lines`` worded as the build words them: ``posts/a.md: ...``."""
    found = []
    for line in lines[:-1]:  # The last line is the summary.
        match = re.match(r"(?:docs/(\S+?)(?::\d+)?|\S+?): (?:warning|error): (.*)$", line)
        assert match, line
        src, message = match.groups()
        found.append(f"{src}: {message}" if src else message)
    return found


def plugin_warnings(site: BuiltSite) -> list[str]:
    return [w.removeprefix(PREFIX) for w in site.warnings if w.startswith(PREFIX)]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile site of ``test_hostile_build``, a bad pin, a bad newsletter field and a lead
    image that is not there added, built without and with ``--strict``."""
    build_site = make_builder(tmp_path_factory.mktemp("hostile-check"))
    pages = {
        **HOSTILE_SITE,
        "posts/pinned.md": article(
            "title: Pinned\nstance: bullish\ntopics: [chips]\nrelated:\n  - good.md\n"
            "  - nowhere.md\nnewsletter: sometimes"
        ),
        "posts/pictured.md": article("title: Pictured\nstance: bullish\nimage: missing.png"),
    }
    options = {"newsletter": {"action": "https://example.com/subscribe"}}
    return build_site(pages, options), build_site(pages, options, strict=True)


def test_the_hostile_site_gives_the_builds_warnings_and_exit_codes(hostile):
    built, strict_build = hostile
    root = built.config_file.parent
    code, lines = run_check(root)
    assert built.aborted is None and code == 0  # Warnings alone stop neither.
    assert strict_build.aborted is not None and run_check(strict_build.config_file.parent)[0] == 1
    assert sorted(messages(root, lines)) == sorted(plugin_warnings(built))
    strict_code, strict_lines = run_check(root, "--strict")
    assert strict_code == 1 and strict_lines[:-1] == lines[:-1]
    assert "would stop at" in lines[-1] and "failed" in strict_lines[-1]


def test_every_finding_points_at_the_line_of_its_field(hostile):
    root = hostile[0].config_file.parent
    _, lines = run_check(root)
    by_file = {line.split(": ", 1)[0]: line for line in lines[:-1]}
    # The value the warning names is on the line it points at.
    assert "docs/posts/pinned.md:7" in by_file and "nowhere.md" in by_file["docs/posts/pinned.md:7"]
    assert "'newsletter'" in by_file["docs/posts/pinned.md:8"]
    assert "'Draft'" in by_file["docs/posts/draft-case.md:3"]
    assert "'updated'" in by_file["docs/posts/impossible.md:3"]
    for line in lines[:-1]:
        location, _ = line.split(": ", 1)
        path, _, number = location.partition(":")
        if number and "front matter field" in line:
            field = re.search(r"front matter field '([^']+)'", line)
            assert field is not None
            written = (root / path).read_text(encoding="utf-8").splitlines()[int(number) - 1]
            name = field.group(1).split(".")[-1]
            assert name in written or "nowhere" in written, (line, written)


def test_only_the_files_given_are_reported_and_github_annotates_them(hostile):
    root = hostile[0].config_file.parent
    code, lines = run_check(root, "--strict", "--format", "github", "docs/posts/pinned.md")
    assert code == 1
    assert lines == [
        "::warning file=docs/posts/pinned.md,line=7::front matter field 'related' has the value "
        "'nowhere.md'; no post exists at that path; link to a post's .md file.",
        "::warning file=docs/posts/pinned.md,line=8::front matter field 'newsletter' has the "
        "value 'sometimes'; expected true or false.",
    ]
    assert run_check(root, "--strict", "docs/posts/good.md", "README.md")[0] == 0
    # A changed mkdocs.yml may change what every post may say: everything is checked.
    assert run_check(root, "--strict", "mkdocs.yml") == run_check(root, "--strict")


def test_the_example_site_is_clean():
    code, lines = run_check(ROOT / "example_site", "--strict")
    assert code == 0, lines
    assert re.fullmatch(r"\d+ posts checked: no problems\.", lines[-1]), lines
    assert int(lines[-1].split()[0]) > 10


def test_the_material_blog_fixture_agrees_with_its_build(tmp_path):
    root = tmp_path / "blog"
    shutil.copytree(FIXTURES / "material_blog", root)
    post = root / "docs/blog/posts/tpu-rental.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("tags: [", "stance: sideways\nnewsletter: 2\ntags: [", 1))
    config_file = root / "mkdocs.yml"
    site = build_config_file(config_file, BuiltSite(root / "site", root / "docs", config_file))
    code, lines = run_check(root)
    assert sorted(messages(root, lines)) == sorted(plugin_warnings(site))
    assert len(lines) == 3 and lines[0].startswith("docs/blog/posts/tpu-rental.md:4:"), lines
    assert site.aborted is None and code == 0
    config_file.write_text(
        config_file.read_text(encoding="utf-8") + "strict: true\n", encoding="utf-8"
    )
    strict = build_config_file(config_file, BuiltSite(root / "site", root / "docs", config_file))
    assert strict.aborted is not None and run_check(root)[0] == 1


def test_a_broken_configuration_fails_as_the_build_does(tmp_path, build_site):
    site = build_site(
        {"index.md": "# Home\n"},
        {"index": {"topics": {"prefix": "x"}, "companies": {"prefix": "x"}}},
    )
    code, lines = run_check(site.config_file.parent)
    assert site.aborted is not None and code == 1
    assert any("overlap" in line and "error" in line for line in lines), lines
    settings = yaml.safe_load(site.config_file.read_text(encoding="utf-8"))
    settings["plugins"] = [{"aicommentary": {"related": {"count": "many"}}}]
    site.config_file.write_text(yaml.safe_dump(settings), encoding="utf-8")
    code, lines = run_check(site.config_file.parent)
    assert code == 1 and any("count" in line for line in lines), lines


def test_a_site_without_the_plugin_has_nothing_to_check(build_site):
    site = build_site({"posts/a.md": article("stance: sideways")}, {"enabled": False})
    assert site.aborted is None and site.warnings == []
    assert run_check(site.config_file.parent, "--strict") == (
        0,
        ["mkdocs.yml has no enabled aicommentary plugin: nothing to check"],
    )


def test_strict_in_mkdocs_yml_is_honoured(build_site):
    site = build_site({"posts/a.md": article("stance: sideways")}, strict=True)
    assert site.aborted is not None
    assert run_check(site.config_file.parent)[0] == 1


def test_the_command_and_the_module_run_the_same_check(hostile):
    root = hostile[0].config_file.parent
    script = Path(sys.executable).with_name("mkdocs-aicommentary")
    commands = [[str(script)], [sys.executable, "-m", "mkdocs_aicommentary"]]
    runs = [
        subprocess.run([*command, "check"], cwd=root, capture_output=True, text=True, check=False)
        for command in commands
    ]
    assert runs[0].returncode == runs[1].returncode == 0
    assert runs[0].stdout == runs[1].stdout == "\n".join(run_check(root)[1]) + "\n"
