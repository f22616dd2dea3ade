"""The MkDocs adapter: the typed options, the generated files and their URLs; the only modules,
with ``plugin.py``, that import MkDocs."""
