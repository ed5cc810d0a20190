"""The library's own error types: the only exceptions extract() lets out."""


class ExtractError(Exception):
    """Base of every error the library raises on bad input."""


class InputError(ExtractError, ValueError):
    """The input cannot be read as a page: undecodable bytes, wrong type, empty."""
