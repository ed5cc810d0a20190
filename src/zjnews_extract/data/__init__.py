"""The package's data files (lexicons, patterns, chrome markers), each read once on first use."""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_toml(name: str) -> dict[str, Any]:
    """The parsed TOML file data/NAME; callers must not change what it returns (it is shared)."""
    with resources.files(__name__).joinpath(name).open("rb") as fh:
        return tomllib.load(fh)
