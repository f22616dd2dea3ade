"""The features, one module each: related posts, the newsletter, feeds, charts, sharing tags,
structured data and excerpts; plain data in and out, no MkDocs."""
