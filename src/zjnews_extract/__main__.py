"""`python -m zjnews_extract` is the `zjnews-extract` command."""
import sys

from .cli import main

sys.exit(main())
