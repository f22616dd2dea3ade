"""Build a real MkDocs site in a temporary folder and read it as a browser would."""

from __future__ import annotations

import json
import logging
import shutil
import textwrap
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any

import feedparser
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort


@dataclass
class BuiltSite:
    """The result of one build: where it went, what was logged, and whether it aborted."""

    site_dir: Path
    docs_dir: Path
    config_file: Path
    warnings: list[str] = field(default_factory=list)
    aborted: str | None = None

    def page(self, url: str) -> BeautifulSoup:
        """Parse the HTML the site serves at ``url`` ("posts/a/" or "posts/a.html")."""
        path = self.site_dir / url
        if url.endswith("/") or url == "":
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def exists(self, url: str) -> bool:
        path = self.site_dir / url
        return (path / "index.html").is_file() if url.endswith("/") else path.is_file()

    def text(self, relative_path: str) -> str:
        return (self.site_dir / relative_path).read_text(encoding="utf-8")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


SITE_URL = "https://commentary.example/"
"""The site_url of test sites that need absolute links (feeds, JSON-LD, sitemap)."""


FIXTURE_OPTIONS: Mapping[str, Any] = {"index": {"min_posts": 1}}
"""What test sites of a handful of posts set unless a test says otherwise: a page for every
term a post names, the pages most tests read (the default, 2, is tested on its own)."""


def with_fixture_options(plugin: Mapping[str, Any] | None) -> dict[str, Any]:
    """The aicommentary options ``plugin`` over :data:`FIXTURE_OPTIONS`, section by section."""
    options = {key: dict(value) for key, value in FIXTURE_OPTIONS.items()}
    for key, value in (plugin or {}).items():
        if isinstance(value, Mapping) and isinstance(options.get(key), dict):
            options[key].update(value)
        else:
            options[key] = value
    return options


def make_builder(tmp_path: Path) -> Callable[..., BuiltSite]:
    """Write ``pages`` ({path: markdown}) and a mkdocs.yml, build in-process, return the result.

    ``plugin`` holds the aicommentary options (over :data:`FIXTURE_OPTIONS`, unless
    ``new_site`` asks for the plugin's own defaults alone); ``plugins`` adds other plugins
    after it (say ``["search"]``); ``extra`` adds or overrides top-level mkdocs.yml keys;
    ``serve`` builds the way ``mkdocs serve`` does; ``site_url`` sets mkdocs.yml's.
    The plugin object is the same across builds in one process, as under ``mkdocs serve``.
    """
    counter = iter(range(1000))

    def _build(
        pages: Mapping[str, str],
        plugin: Mapping[str, Any] | None = None,
        *,
        strict: bool = False,
        theme: str | Mapping[str, Any] = "mkdocs",
        extra: Mapping[str, Any] | None = None,
        root: Path | None = None,
        plugins: Sequence[str | Mapping[str, Any]] = (),
        serve: bool = False,
        site_url: str | None = None,
        new_site: bool = False,
    ) -> BuiltSite:
        root = root or tmp_path / f"site{next(counter)}"
        docs_dir = root / "docs"
        for path, text in pages.items():
            target = docs_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        docs_dir.mkdir(parents=True, exist_ok=True)
        settings: dict[str, Any] = {
            "site_name": "Test publication",
            "theme": theme if isinstance(theme, Mapping) else {"name": theme},
            "plugins": [
                {"aicommentary": dict(plugin or {}) if new_site else with_fixture_options(plugin)},
                *plugins,
            ],
            "strict": strict,
            **({"site_url": site_url} if site_url else {}),
            **(extra or {}),
        }
        config_file = root / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
        result = BuiltSite(root / "site", docs_dir, config_file)

        return build_config_file(config_file, result, serve=serve)

    return _build


def build_config_file(config_file: Path, result: BuiltSite, *, serve: bool = False) -> BuiltSite:
    """Build the site ``config_file`` describes in-process, as ``mkdocs build`` (or, with
    ``serve``, as ``mkdocs serve``) would, collecting warnings into ``result``."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(config_file))
        # What the command line tells plugins first (Material's blog shows drafts under serve).
        config.plugins.on_startup(command="serve" if serve else "build", dirty=False)
        # With a serve_url, MkDocs builds as `mkdocs serve` does (drafts included).
        build(config, serve_url="http://127.0.0.1:8000/" if serve else None)
        config.plugins.on_shutdown()
    except Abort as error:
        result.aborted = str(error)
    finally:
        logger.removeHandler(handler)
    result.warnings = handler.messages
    return result


FIXTURES = Path(__file__).parent / "fixtures"


def build_fixture(
    name: str,
    root: Path,
    edit: Callable[[dict[str, Any]], None] = lambda settings: None,
    *,
    serve: bool = False,
    strict: bool = True,
) -> BuiltSite:
    """Copy the fixture site ``tests/fixtures/<name>`` to ``root``, let ``edit`` change its
    mkdocs.yml settings, and build it."""
    shutil.copytree(FIXTURES / name, root, dirs_exist_ok=True)
    config_file = root / "mkdocs.yml"
    settings = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    settings["strict"] = strict
    _fixture_options(settings)
    edit(settings)
    config_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    result = BuiltSite(root / "site", root / "docs", config_file)
    return build_config_file(config_file, result, serve=serve)


def _fixture_options(settings: dict[str, Any], options: Mapping[str, Any] | None = None) -> None:
    """Put :data:`FIXTURE_OPTIONS`, then ``options``, under the plugin's options in a fixture's
    mkdocs.yml ``settings``, where the plugin is listed."""
    for plugin in settings.get("plugins", []):
        if isinstance(plugin, dict) and "aicommentary" in plugin:
            plugin["aicommentary"] = with_fixture_options(
                {**(plugin["aicommentary"] or {}), **(options or {})}
            )


NEIGHBOURS_POST = "blog/2026/05/20/a-lightbox-for-every-chart/"
"""The post :func:`build_material_neighbours` adds: an image, tags, a renamed category."""

_PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8ffff3f0005fe02fea7d6a4"
    "1b0000000049454e44ae426082"
)
"""A one-pixel PNG, for a post's image."""


def build_material_neighbours(root: Path, options: Mapping[str, Any] | None = None) -> BuiltSite:
    """The ``material_blog`` fixture as a blog owner runs it: Material's blog and tags, the
    plugin, mkdocs-rss-plugin (the site's feeds) and mkdocs-glightbox (images in a
    lightbox), built with ``--strict``. It adds the newest posts to the home page, and a post
    with an image, tags and a category
    (``Software``) whose page the site wrote itself, titled "Developer tooling"; ``options``
    are added to the plugin's."""
    shutil.copytree(FIXTURES / "material_blog", root, dirs_exist_ok=True)
    docs = root / "docs"
    with (docs / "index.md").open("a", encoding="utf-8") as home:
        home.write("\n## Latest\n\n<!-- aicommentary:latest -->\n")
    (docs / "blog/category").mkdir(parents=True, exist_ok=True)
    (docs / "blog/category/software.md").write_text(
        "# Developer tooling\n\nPosts about compilers, kernels and SDKs.\n", encoding="utf-8"
    )
    (docs / "blog/posts/images").mkdir(parents=True, exist_ok=True)
    (docs / "blog/posts/images/chart.png").write_bytes(_PIXEL)
    (docs / "blog/posts/lightbox-post.md").write_text(
        "---\ndate: 2026-05-20\nauthors: [ines]\nstance: neutral\nsubject_company: AMD\n"
        "categories: [Software]\ntags: [benchmarks, open models]\ntopics: [kernels]\n---\n\n"
        "# A lightbox for every chart\n\nBenchmark charts read better at full size.\n\n"
        "![Throughput by vendor](images/chart.png)\n\nThe numbers settle little.\n",
        encoding="utf-8",
    )
    config_file = root / "mkdocs.yml"
    settings = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    settings["strict"] = True
    _fixture_options(settings, options)
    settings["plugins"] += [
        {"rss": {"use_git": False, "match_path": "blog/posts/.*"}},
        "glightbox",
    ]
    config_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    result = BuiltSite(root / "site", docs, config_file)
    return build_config_file(config_file, result)


def plugin_links(site: BuiltSite, site_url: str = SITE_URL) -> list[tuple[str, str]]:
    """Every link the plugin wrote, as (where, site-relative URL): links inside its elements
    (``aic-`` classes) and its head links on every page, items of every feed beside an index
    page, and JSON-LD ``url``s. Links that leave the site (a company's web site) are left out."""
    found: list[tuple[str, str]] = []

    def add(where: str, url: str, base: str) -> None:
        if url.startswith(site_url):
            found.append((where, url.removeprefix(site_url)))
        elif "://" not in url and not url.startswith(("#", "mailto:")):
            found.append((where, urllib.parse.urljoin("/" + base, url).lstrip("/")))

    for path in sorted(site.site_dir.rglob("*.html")):
        page_url = path.relative_to(site.site_dir).as_posix().removesuffix("index.html")
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in soup.select("[class*='aic-']"):
            anchors = [element] if element.name == "a" else element.select("a[href]")
            for anchor in anchors:
                add(page_url, str(anchor.get("href", "")).split("#")[0], page_url)
        for link in soup.select("head link[rel~=alternate][href]"):
            add(page_url, str(link["href"]), page_url)
        for script in soup.select("script[type='application/ld+json']"):
            data = json.loads(script.get_text())
            if "url" in data:
                add(page_url, data["url"], page_url)
    for feed in sorted(site.site_dir.rglob("feed.json")):
        where = feed.relative_to(site.site_dir).as_posix()
        for item in json.loads(feed.read_text(encoding="utf-8"))["items"]:
            add(where, item["url"], "")
    for feed in sorted(site.site_dir.rglob("feed.xml")):
        where = feed.relative_to(site.site_dir).as_posix()
        for item in feedparser.parse(feed.read_text(encoding="utf-8")).entries:
            add(where, item.link, "")
    return found


def dead_links(site: BuiltSite, site_url: str = SITE_URL) -> list[tuple[str, str]]:
    """The links of ``plugin_links`` that do not land on a file the build wrote."""
    return [
        (where, url)
        for where, url in plugin_links(site, site_url)
        if not (
            site.site_dir / url / "index.html"
            if url.endswith("/") or not url
            else site.site_dir / url
        ).is_file()
    ]


def title_text(html: str) -> str:
    """A document's title as a browser reads it: ``<title>`` holds text, references decoded,
    up to "</title" (BeautifulSoup's html.parser would read tags and ``<?`` in it)."""
    start = html.index(">", html.index("<title")) + 1
    return unescape(html[start : html.lower().index("</title", start)])


def language_folder(root: Path, code: str, **fields: Any) -> Path:
    """A copy of the plugin's language files under ``root``, plus ``<code>.yml``: English's
    file with ``fields`` replaced (and ``texts`` holding only the texts to replace)."""
    from mkdocs_aicommentary.i18n.translations import FOLDER

    folder = root / "languages"
    shutil.copytree(FOLDER, folder)
    data = yaml.safe_load((FOLDER / "en.yml").read_text(encoding="utf-8"))
    texts = {**data["texts"], **fields.pop("texts", {})}
    data.update(fields, texts=texts)
    (folder / f"{code}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder
