"""The worksheet file format: versioned JSON, validated on every read and write.

A file is one JSON object whose ``schema_version`` says which version of the format it follows.
Older versions are upgraded step by step (:data:`UPGRADES`); newer ones are refused with a
message that says so. The JSON Schema generated from the model ships with the package
(``goalkit/schema/worksheet.v1.schema.json``) for other tools.

>>> from goalkit.model import Worksheet
>>> ws = Worksheet(id="demo0001", patient_ref="P-1")
>>> loads(dumps(ws)) == ws
True
>>> loads('{"schema_version": 99}')  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
goalkit.errors.WorksheetFileError: worksheet: schema_version 99 comes from a newer goalkit...
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ._io import write_atomic
from .errors import WorksheetFileError
from .model import SCHEMA_VERSION, Worksheet

__all__ = [
    "MAX_BYTES",
    "UPGRADES",
    "dumps",
    "json_schema",
    "load",
    "loads",
    "save",
    "shipped_schema",
]

MAX_BYTES = 5_000_000
"""Largest worksheet file accepted (5 MB): a real worksheet is a few kB; a year of weekly
check-ins with notes stays well under 1 MB."""

Upgrade = Callable[[dict[str, Any]], dict[str, Any]]
UPGRADES: dict[int, Upgrade] = {}
"""``UPGRADES[n]`` turns a version-n document into version n+1. Empty while only v1 exists."""

SCHEMA_FILE = f"worksheet.v{SCHEMA_VERSION}.schema.json"


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose keys are all different: a repeated key would let a text viewer and
    goalkit read the same file differently."""
    doc: dict[str, Any] = {}
    for key, value in pairs:
        if key in doc:
            raise ValueError(f"the key {key!r} appears twice in one object")
        doc[key] = value
    return doc


def _describe(error: ValidationError, label: str) -> str:
    first = error.errors(include_url=False)[0]
    loc = ".".join(str(p) for p in first["loc"])
    msg = first["msg"].removeprefix("Value error, ")
    extra = f" (and {error.error_count() - 1} more problem(s))" if error.error_count() > 1 else ""
    where = f"{label}: {loc}" if loc else label
    return f"{where}: {msg}{extra}"


def _upgrade(doc: dict[str, Any], label: str) -> dict[str, Any]:
    version = doc.get("schema_version")
    if version is None:
        raise WorksheetFileError(
            f"{label}: schema_version is missing; is this a goalkit worksheet?"
        )
    if isinstance(version, bool) or not isinstance(version, int):
        raise WorksheetFileError(f"{label}: schema_version must be a whole number, not {version!r}")
    if version > SCHEMA_VERSION:
        raise WorksheetFileError(
            f"{label}: schema_version {version} comes from a newer goalkit "
            f"(this one reads up to {SCHEMA_VERSION}); update goalkit to open it"
        )
    if version < min(UPGRADES, default=SCHEMA_VERSION):
        raise WorksheetFileError(
            f"{label}: schema_version {version} is older than any goalkit can read"
        )
    while version < SCHEMA_VERSION:
        doc = UPGRADES[version](doc)
        version += 1
        doc["schema_version"] = version
    return doc


def loads(text: str | bytes, *, label: str = "worksheet") -> Worksheet:
    """Parse and validate a worksheet from JSON text; ``label`` names the source in errors."""
    size = len(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
    if size > MAX_BYTES:
        raise WorksheetFileError(
            f"{label}: {size:,} bytes is larger than a worksheet can be ({MAX_BYTES:,} bytes)"
        )
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise WorksheetFileError(
                f"{label}: not UTF-8 text (bad byte at position {exc.start})"
            ) from None
    try:
        doc = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise WorksheetFileError(
            f"{label}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except ValueError as exc:
        reason = "a number has too many digits" if "integer string" in str(exc) else str(exc)
        raise WorksheetFileError(f"{label}: not valid JSON ({reason})") from None
    except RecursionError:
        raise WorksheetFileError(f"{label}: JSON nested too deeply to be a worksheet") from None
    if not isinstance(doc, dict):
        raise WorksheetFileError(f"{label}: a worksheet is a JSON object, not {type(doc).__name__}")
    doc = _upgrade(doc, label)
    try:
        return Worksheet.model_validate(doc)
    except ValidationError as exc:
        raise WorksheetFileError(_describe(exc, label)) from None
    except RecursionError:
        raise WorksheetFileError(f"{label}: JSON nested too deeply to be a worksheet") from None


def dumps(worksheet: Worksheet) -> str:
    """The worksheet as JSON text, validated again on the way out."""
    try:
        checked = Worksheet.model_validate(worksheet.model_dump(mode="python", round_trip=True))
    except ValidationError as exc:
        raise WorksheetFileError(_describe(exc, "worksheet")) from None
    return checked.model_dump_json(indent=2) + "\n"


def load(path: str | Path) -> Worksheet:
    """Read a worksheet file; the size is checked before anything is read."""
    p = Path(path)
    label = p.name
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise WorksheetFileError(
                f"{label}: {size:,} bytes is larger than a worksheet can be ({MAX_BYTES:,} bytes)"
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise WorksheetFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise WorksheetFileError(f"{path}: is a folder, not a worksheet file") from None
    except OSError as exc:
        raise WorksheetFileError(f"{path}: cannot read ({exc.strerror})") from None
    return loads(data, label=label)


def save(worksheet: Worksheet, path: str | Path) -> None:
    """Validate, then write atomically: on any error nothing is written."""
    write_atomic(Path(path), dumps(worksheet).encode("utf-8"))


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the current file format, generated from the model."""
    schema = Worksheet.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://goalkit.invalid/schema/{SCHEMA_FILE}"
    return schema


def shipped_schema() -> dict[str, Any]:
    """The JSON Schema file shipped in the package (kept equal to :func:`json_schema`)."""
    text = (resources.files("goalkit") / "schema" / SCHEMA_FILE).read_text(encoding="utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


def write_schema(folder: Path) -> Path:
    """Regenerate the shipped schema file (``python -m goalkit.fileformat``)."""
    path = folder / SCHEMA_FILE
    path.write_text(json.dumps(json_schema(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    print(write_schema(Path(__file__).with_name("schema")))
