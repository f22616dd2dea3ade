"""Languages: the built-in translations (``languages/*.yml``), their reader, and the site's
language with its plurals, dates and labels; no MkDocs."""
