"""MkDocs plugin that turns a folder of AI-commentary posts into a publication."""

__version__ = "0.1.0"
