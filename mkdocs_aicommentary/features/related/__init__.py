"""Related posts: ``ranking`` scores and picks, ``words`` counts a post's words for the text
signal, ``pins`` resolves the posts an author lists."""
