"""``python -m mkdocs_aicommentary check``: the same as the ``mkdocs-aicommentary`` command."""

import sys

from .cli import main

sys.exit(main())
