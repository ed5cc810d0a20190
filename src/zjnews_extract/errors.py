"""The library's own error types: the only exceptions extract() and extract_many() let out."""


class ExtractError(Exception):
    """Base of every error the library raises."""


class InputError(ExtractError, ValueError):
    """The input cannot be read as a page: undecodable bytes, wrong type, empty, out of range."""


class InputTooLarge(InputError):
    """The input is larger than the size limit (a batch's --max-bytes): refused, not read into memory."""


class InternalError(ExtractError):
    """An unexpected failure inside the library (a bug, memory): the original exception is its __cause__."""
