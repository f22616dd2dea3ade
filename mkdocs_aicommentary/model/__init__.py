"""The model: articles read from front matter, YAML read safely, slugs, the company registry, the
terms of each index kind and what Material's blog decided, as plain data; no MkDocs."""
