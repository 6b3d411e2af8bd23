"""The worksheet store: SQLite in a data folder, one new revision per save, nothing overwritten.

Every save appends a revision. A save names the revision it was based on; if someone saved in
between, :class:`~goalkit.errors.ConflictError` is raised instead of overwriting their work.
Restoring an old revision appends it again as the newest one, so history only ever grows.

The data folder is ``$GOALKIT_HOME`` when set, otherwise the user's data folder (for example
``~/.local/share/goalkit``). It is created owner-only (0700) and the database file is 0600.

>>> import tempfile
>>> from goalkit.model import Worksheet
>>> store = Store(tempfile.mkdtemp())
>>> ws = Worksheet(patient_ref="P-7")
>>> store.save(ws, base=None)
1
>>> store.save(ws, base=1)
2
>>> store.save(ws, base=1)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
goalkit.errors.ConflictError: this worksheet was saved elsewhere (now at revision 2) after...
>>> store.close()
"""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import errno
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import fileformat
from ._io import default_home
from .errors import ConflictError, StoreError
from .model import Worksheet

__all__ = ["DB_NAME", "RevisionInfo", "Store", "Stored", "WorksheetSummary", "default_home"]

DB_NAME = "goalkit.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS worksheets (
    id TEXT PRIMARY KEY,
    patient_ref TEXT NOT NULL,
    head INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS revisions (
    worksheet_id TEXT NOT NULL REFERENCES worksheets(id),
    revision INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL,
    PRIMARY KEY (worksheet_id, revision)
);
"""


@dataclass(frozen=True)
class Stored:
    """A worksheet as read from the store, with the revision it came from."""

    worksheet: Worksheet
    revision: int
    saved_at: dt.datetime


@dataclass(frozen=True)
class RevisionInfo:
    revision: int
    saved_at: dt.datetime
    note: str


@dataclass(frozen=True)
class WorksheetSummary:
    """One line of the store's list: enough to find a worksheet without opening it."""

    id: str
    patient_ref: str
    revision: int
    saved_at: dt.datetime
    archived: bool = False
    origin: str = ""
    """The note of its first revision: "new worksheet", "uploaded", "uploaded a copy..."."""

    @property
    def uploaded(self) -> bool:
        """Whether it came from a worksheet file rather than the app's "new worksheet"."""
        return self.origin.startswith("uploaded")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def _problem(exc: BaseException, where: Path) -> StoreError:
    text = str(exc)
    if (
        isinstance(exc, OSError) and exc.errno == errno.ENOSPC
    ) or "database or disk is full" in text:
        return StoreError(f"the disk holding {where} is full; free some space, then save again")
    if isinstance(exc, sqlite3.DatabaseError) and "locked" in text:
        return StoreError("the store is busy (another save is taking long); try again")
    if (
        isinstance(exc, PermissionError | NotADirectoryError | FileExistsError)
        or (isinstance(exc, OSError) and exc.errno == errno.EROFS)
        or "readonly" in text
        or "unable to open" in text
    ):
        return StoreError(
            f"cannot write to the goalkit data folder {where}; "
            "make it writable or set GOALKIT_HOME to another folder"
        )
    if isinstance(exc, sqlite3.DatabaseError) and "not a database" in text:
        return StoreError(f"{where} is not a goalkit store (the file is not an SQLite database)")
    if isinstance(exc, sqlite3.ProgrammingError) and "closed" in text:
        return StoreError("the store was closed; reopen the worksheet")
    return StoreError(f"the store at {where} failed: {text}")


class Store:
    """Worksheets and all their revisions, in one SQLite file."""

    def __init__(self, home: str | Path | None = None) -> None:
        self.home = Path(home) if home is not None else default_home()
        self.path = self.home / DB_NAME
        self._lock = threading.Lock()
        try:
            self.home.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not self.path.exists():
                os.close(os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600))
            os.chmod(self.path, 0o600)
            # check_same_thread=False: the app's debounced autosave may run on a timer thread;
            # self._lock serialises use of the one connection.
            self._db = sqlite3.connect(
                self.path, timeout=15, isolation_level=None, check_same_thread=False
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(_SCHEMA)
            self._add_archived_column()
        except (OSError, sqlite3.Error) as exc:
            raise _problem(exc, self.home) from None

    def _add_archived_column(self) -> None:
        """Stores made before archiving existed get the column (0: not archived)."""
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(worksheets)")}
        if "archived" not in columns:
            try:
                self._db.execute(
                    "ALTER TABLE worksheets ADD COLUMN archived INTEGER NOT NULL DEFAULT 0"
                )
            except sqlite3.OperationalError as exc:  # another process added it first
                if "duplicate column" not in str(exc):
                    raise

    # -- plumbing -------------------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; BEGIN IMMEDIATE takes the write lock before reading the head,
        so two savers cannot both see the same head and both succeed."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                with contextlib.suppress(sqlite3.Error):
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                raise _problem(exc, self.home) from None

    def _read(self, sql: str, args: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        with self._lock:
            try:
                return list(self._db.execute(sql, args))
            except sqlite3.Error as exc:
                raise _problem(exc, self.home) from None

    # -- public API -----------------------------------------------------------------------
    def save(self, worksheet: Worksheet, *, base: int | None, note: str = "") -> int:
        """Append ``worksheet`` as a new revision and return its number.

        ``base`` is the revision the edits started from (``None`` for a worksheet that has never
        been saved). If the stored head differs, :class:`ConflictError` is raised and nothing
        is written.
        """
        data = fileformat.dumps(worksheet)
        with self._write() as db:
            row = db.execute("SELECT head FROM worksheets WHERE id = ?", (worksheet.id,)).fetchone()
            head = row[0] if row else None
            if head != base:
                if head is None:
                    raise ConflictError(
                        f"revision {base} cannot be the base: this worksheet is not in the store"
                    )
                if base is None:
                    raise ConflictError(
                        f"a worksheet with this id is already stored (revision {head}); "
                        "open it instead of saving a new one"
                    )
                raise ConflictError(
                    f"this worksheet was saved elsewhere (now at revision {head}) after revision "
                    f"{base} was opened; reopen it to see the latest version"
                )
            revision = (head or 0) + 1
            db.execute(
                "INSERT INTO worksheets (id, patient_ref, head) VALUES (?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET patient_ref = excluded.patient_ref, "
                "head = excluded.head",
                (worksheet.id, worksheet.patient_ref, revision),
            )
            db.execute(
                "INSERT INTO revisions (worksheet_id, revision, saved_at, note, data) "
                "VALUES (?, ?, ?, ?, ?)",
                (worksheet.id, revision, _now(), note, data),
            )
        return revision

    def load(self, worksheet_id: str, revision: int | None = None) -> Stored:
        """The latest revision of a worksheet, or the one asked for."""
        if revision is None:
            rows = self._read(
                "SELECT r.revision, r.saved_at, r.data FROM revisions r JOIN worksheets w "
                "ON w.id = r.worksheet_id AND w.head = r.revision WHERE w.id = ?",
                (worksheet_id,),
            )
        else:
            rows = self._read(
                "SELECT revision, saved_at, data FROM revisions "
                "WHERE worksheet_id = ? AND revision = ?",
                (worksheet_id, revision),
            )
        if not rows:
            what = "worksheet" if revision is None else f"revision {revision} of worksheet"
            raise StoreError(f"no {what} {worksheet_id!r} in the store")
        rev, saved_at, data = rows[0]
        ws = fileformat.loads(str(data), label=f"stored worksheet {worksheet_id}")
        return Stored(ws, int(str(rev)), dt.datetime.fromisoformat(str(saved_at)))

    def list(self, *, archived: bool | None = False) -> list[WorksheetSummary]:
        """Stored worksheets, most recently saved first: those not archived (the default),
        only the archived ones (``archived=True``) or all (``archived=None``)."""
        wanted = None if archived is None else int(archived)
        rows = self._read(
            "SELECT w.id, w.patient_ref, w.head, r.saved_at, w.archived, first.note "
            "FROM worksheets w JOIN revisions r ON r.worksheet_id = w.id AND r.revision = w.head "
            "JOIN revisions first ON first.worksheet_id = w.id AND first.revision = 1 "
            "WHERE ? IS NULL OR w.archived = ? ORDER BY r.saved_at DESC",
            (wanted, wanted),
        )
        return [
            WorksheetSummary(
                str(i), str(p), int(str(h)), dt.datetime.fromisoformat(str(s)), bool(a), str(n)
            )
            for i, p, h, s, a, n in rows
        ]

    def archive(self, worksheet_id: str, archived: bool = True) -> None:
        """Hide a worksheet from the list (``archived=False`` brings it back). Nothing is
        deleted: its revisions stay, and it can still be loaded."""
        with self._write() as db:
            done = db.execute(
                "UPDATE worksheets SET archived = ? WHERE id = ?", (int(archived), worksheet_id)
            )
            if done.rowcount == 0:
                raise StoreError(f"no worksheet {worksheet_id!r} in the store")

    def history(self, worksheet_id: str) -> builtins.list[RevisionInfo]:
        """Every revision of a worksheet, oldest first."""
        rows = self._read(
            "SELECT revision, saved_at, note FROM revisions WHERE worksheet_id = ? "
            "ORDER BY revision",
            (worksheet_id,),
        )
        if not rows:
            raise StoreError(f"no worksheet {worksheet_id!r} in the store")
        return [
            RevisionInfo(int(str(r)), dt.datetime.fromisoformat(str(s)), str(n)) for r, s, n in rows
        ]

    def restore(self, worksheet_id: str, revision: int, *, base: int) -> int:
        """Make an old revision the newest again (appended; nothing is deleted)."""
        old = self.load(worksheet_id, revision).worksheet
        return self.save(old.touched(), base=base, note=f"restored revision {revision}")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
