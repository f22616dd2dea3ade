"""What a page inherits from its folders' ``.meta.yml`` files, told apart from its own."""

from types import SimpleNamespace

from mkdocs_aicommentary.adapter.folder_meta import drop_folder_meta, folder_meta_keys


def meta_plugin(**files):
    """A plugin as Material's meta plugin looks: its options name ``meta_file``, and ``meta``
    holds each meta file's mapping by path."""
    return SimpleNamespace(config={"meta_file": ".meta.yml"}, meta=files)


PLUGINS = [
    SimpleNamespace(config={"tags": True}, meta="not a mapping"),
    meta_plugin(**{".meta.yml": {"comments": True}, "blog/.meta.yml": {"template": "post.html"}}),
]


def test_only_the_keys_of_the_files_applied_to_the_page_go():
    meta = {"comments": True, "status": "new", "__extends": [".meta.yml"]}
    assert folder_meta_keys(meta, PLUGINS) == {"comments"}
    drop_folder_meta(meta, PLUGINS)
    assert meta == {"status": "new", "__extends": [".meta.yml"]}


def test_a_page_no_meta_file_reached_keeps_everything():
    meta = {"comments": True}
    drop_folder_meta(meta, PLUGINS)
    assert meta == {"comments": True}
    assert folder_meta_keys({"__extends": [".meta.yml"]}, []) == set()
