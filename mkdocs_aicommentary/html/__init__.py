"""HTML: the renderer and its templates, where headers, boxes and slots go in a page, links, and
the Markdown extension for literal headings; no MkDocs."""
