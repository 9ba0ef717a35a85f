"""The one error family: every error names the input and the problem."""

from __future__ import annotations


class DyadError(Exception):
    """Base of every error Dyad raises on purpose."""


class InputError(DyadError):
    """An input that cannot be read: names the input and what is wrong with it."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class ModelError(DyadError):
    """A language pipeline that cannot be found or loaded."""


class DictionaryError(DyadError):
    """An actor dictionary that cannot be parsed: names the file, line and problem."""

    def __init__(self, source: str, line: int | None, problem: str):
        self.source = source
        self.line = line
        self.problem = problem
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {problem}")


class StoreError(DyadError):
    """A database that cannot be opened, migrated or written."""
