"""The README is the front page: short, its first commands the two that ``.ci/run`` runs, and
every link in it leads somewhere (a file of the repository, a heading of a documentation
page, or an https address)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown.extensions.toc import slugify

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)|<(https?://[^>]+)>")


def links(text: str) -> list[str]:
    outside_code = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    return [inline or bare for inline, bare in LINK.findall(outside_code)]


def anchors(page: Path) -> set[str]:
    """The ids MkDocs gives the headings of a Markdown page (the ``toc`` extension's)."""
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    headings = re.findall(r"^#{1,6} (.+)$", text, re.MULTILINE)
    return {slugify(heading.strip(), "-") for heading in headings}


def test_the_readme_is_a_front_page():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 150
    first_block = re.search(r"```sh\n(.*?)```", text, re.DOTALL)
    assert first_block is not None
    commands = [line.split("#")[0].strip() for line in first_block.group(1).splitlines()]
    assert commands == ["make demo", "make test"]  # What .ci/run runs, in this order.


def test_every_link_in_the_readme_resolves():
    found = links(README.read_text(encoding="utf-8"))
    assert len(found) > 15
    broken = []
    for url in found:
        parts = urlsplit(url)
        if parts.scheme:
            if parts.scheme not in ("https", "http"):
                broken.append(url)
            continue
        target = ROOT / unquote(parts.path)
        if not target.exists() or (parts.fragment and parts.fragment not in anchors(target)):
            broken.append(url)
    assert broken == []


def test_every_documentation_page_is_in_the_nav():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:", 1)[1]
    pages = {
        path.relative_to(ROOT / "docs").as_posix()
        for path in (ROOT / "docs").rglob("*.md")
        if "changelog/posts" not in path.as_posix()
    }
    assert sorted(page for page in pages if f": {page}" not in nav) == []
