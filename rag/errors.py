"""Errors the library raises on purpose, each with a message that says what to do."""


class RagError(Exception):
    """Base class for every error this package raises deliberately."""


class QuestionError(RagError, ValueError):
    """The question cannot be answered as given (empty, too long, ...)."""


class IndexMissingError(RagError):
    """No index where one was expected."""


class IndexCorruptError(RagError):
    """An index file is missing, truncated or unreadable."""


class IndexMismatchError(RagError):
    """The index was built with another model, version or from other documents."""


class SettingsError(RagError, ValueError):
    """Settings that cannot be used: a value of the wrong kind or out of range, or a settings file that cannot be read."""


class CorpusError(RagError):
    """The corpus folder is missing or holds no readable article."""
