"""The clinic's own details for every handout, set once per installation.

Plans tell the patient to "call the clinic": the handout needs to say which clinic and how.
The details live in one small JSON file beside the store, ``$GOALKIT_HOME/clinic.json`` (or
the file ``$GOALKIT_CLINIC`` names), written by the app's "Clinic details" box or by hand::

    {"name": "Riverside Physiotherapy", "phone": "020 7946 0000",
     "address": "1 River Road, Leeds", "hours": "Mon-Fri 8:00-18:00"}

No patient data goes here. A missing file means no clinic block on the handout; a broken one
is reported in one sentence and the handout is made without it.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "clinic.json"
>>> _ = save_clinic(Clinic(name="Riverside Physiotherapy", phone="020 7946 0000"), path)
>>> load_clinic(path).contact_line()
'Riverside Physiotherapy · phone 020 7946 0000'
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import ValidationError

from ._io import write_atomic
from .errors import GoalkitError
from .model import Record, ShortText, Text

__all__ = ["Clinic", "clinic_path", "load_clinic", "save_clinic"]


class Clinic(Record):
    name: ShortText = ""
    phone: ShortText = ""
    address: Text = ""
    hours: ShortText = ""
    """When the phone is answered, e.g. "Mon-Fri 8:00-18:00"."""

    def contact_line(self) -> str:
        parts = [self.name, f"phone {self.phone}" if self.phone else "", self.address,
                 self.hours]
        return " · ".join(p for p in parts if p.strip())


def clinic_path() -> Path:
    """``$GOALKIT_CLINIC``, else ``clinic.json`` in the store's folder."""
    env = os.environ.get("GOALKIT_CLINIC")
    if env:
        return Path(env).expanduser()
    from ._io import default_home

    return default_home() / "clinic.json"


def load_clinic(path: Path | None = None) -> Clinic | None:
    """The clinic's details, None when none are set; GoalkitError (one sentence) when the
    file cannot be used."""
    path = path or clinic_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise GoalkitError(
            f"the clinic details in {path} cannot be read ({exc.strerror})"
        ) from None
    try:
        clinic = Clinic.model_validate(json.loads(text))
    except (ValueError, ValidationError) as exc:
        first = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        raise GoalkitError(f"the clinic details in {path} are not valid: {first}") from None
    return None if clinic == Clinic() else clinic


def save_clinic(clinic: Clinic, path: Path | None = None) -> Path:
    """Write the details (owner-only, atomically); returns where they went."""
    path = path or clinic_path()
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, (clinic.model_dump_json(indent=2) + "\n").encode("utf-8"))
    except OSError as exc:
        raise GoalkitError(
            f"the clinic details cannot be saved in {path} ({exc.strerror})"
        ) from None
    return path
