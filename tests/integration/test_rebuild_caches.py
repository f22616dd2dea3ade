"""What a `mkdocs serve` rebuild keeps: caches keyed by content, never the last build's state."""

from __future__ import annotations

import jinja2
from factories import article
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_aicommentary.model import front_matter as articles


def test_a_rebuild_reads_again_only_the_front_matter_that_changed(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    (docs / "posts").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\n<!-- aicommentary:latest -->\n")
    for number in range(3):
        front = f"title: Post {number} of {tmp_path.name}\ndate: 2026-0{number + 1}-01\n"
        front += "stance: bullish\nsubject_company: NVIDIA"
        (docs / "posts" / f"p{number}.md").write_text(article(front))
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins: [aicommentary]\n")
    parsed: list[str] = []
    split = articles.split_front_matter

    def counting_split(src_path: str, text: str) -> articles.FrontMatter:
        parsed.append(src_path)
        return split(src_path, text)

    monkeypatch.setattr(articles, "split_front_matter", counting_split)

    def serve_build() -> str:
        """As `mkdocs serve` rebuilds: the config read again, the plugin object kept."""
        config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config)
        return (tmp_path / "site" / "index.html").read_text(encoding="utf-8")

    serve_build()
    post = docs / "posts" / "p1.md"
    post.write_text(post.read_text().replace("title: Post 1", "title: Edited post 1"))
    (docs / "posts" / "p2.md").unlink()
    parsed.clear()
    home = serve_build()

    assert parsed == ["posts/p1.md"]
    assert f"Edited post 1 of {tmp_path.name}" in home
    assert f"Post 2 of {tmp_path.name}" not in home


def test_a_rebuild_compiles_only_the_templates_that_changed(tmp_path, monkeypatch):
    docs, overrides = tmp_path / "docs", tmp_path / "overrides" / "aicommentary"
    (docs / "posts").mkdir(parents=True)
    overrides.mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n")
    front = f"title: A post of {tmp_path.name}\nstance: bullish\nsubject_company: NVIDIA"
    (docs / "posts" / "a.md").write_text(article(front))
    badge = overrides / "stance_badge.html"
    badge.write_text('<span class="mine">{{ stance.name }}</span>')
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ntheme: {name: mkdocs, custom_dir: overrides}\nplugins: [aicommentary]\n"
    )
    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def counting_compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        if name and name.startswith("aicommentary/"):
            compiled.append(name)
        return compile_template(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting_compile)

    def serve_build() -> str:
        config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config)
        return (tmp_path / "site" / "posts" / "a" / "index.html").read_text(encoding="utf-8")

    assert '<span class="mine">Bullish</span>' in serve_build()
    badge.write_text('<b class="edited">{{ stance.name }}</b>')
    compiled.clear()
    page = serve_build()

    assert compiled == ["aicommentary/stance_badge.html"]
    assert '<b class="edited">Bullish</b>' in page


def test_the_plugin_lets_go_of_a_build_once_it_is_written(tmp_path):
    """Under `mkdocs serve` the plugin object outlives the build: holding its state would keep
    every page of the last build alive for the garbage collector to walk."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(article("title: A\nstance: bullish"))
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins: [aicommentary]\n")
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    assert config.plugins["aicommentary"].state is None
    assert "aic-article-meta" in (tmp_path / "site" / "a" / "index.html").read_text()
