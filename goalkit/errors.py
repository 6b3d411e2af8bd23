"""goalkit's own exceptions: every failure a user can cause is one of these, with a clear message.

The CLI prints ``str(error)`` on one line and exits with status 2; the app shows it as a message.
"""

from __future__ import annotations

__all__ = ["ConflictError", "GoalkitError", "StoreError", "WorksheetFileError"]


class GoalkitError(Exception):
    """Base class: a problem the user can fix, described in one line."""


class WorksheetFileError(GoalkitError, ValueError):
    """A worksheet file (or JSON text) that cannot be read: not JSON, invalid, too new, too big."""


class StoreError(GoalkitError):
    """The worksheet store cannot be opened, read or written (permissions, full disk, ...)."""


class ConflictError(StoreError):
    """A save was based on a revision that is no longer the latest one."""
