"""The core: what the publication is (posts, published set, heads, signup, language), which index
pages exist, and which boxes each page gets; plain data in and out, no MkDocs."""
