"""goalkit: teach, write and track SMART rehabilitation goals in Jupyter.

``import goalkit`` is light: the model (pydantic), the checker and the heavy libraries behind
exports and charts (pandas, matplotlib, Typst, Voilà) load on first use of a name.

>>> import goalkit
>>> goalkit.Worksheet(patient_ref="P-1").primary.role
'primary'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> module that defines it; resolved on first access (PEP 562).
_LAZY = {
    "Worksheet": "goalkit.model",
    "Goal": "goalkit.model",
    "GoalParts": "goalkit.model",
    "GasScale": "goalkit.model",
    "CheckIn": "goalkit.model",
    "evolve": "goalkit.model",
    "load": "goalkit.fileformat",
    "loads": "goalkit.fileformat",
    "save": "goalkit.fileformat",
    "dumps": "goalkit.fileformat",
    "Store": "goalkit.store",
    "GoalkitError": "goalkit.errors",
    "check_goal": "goalkit.smart",
    "SmartReport": "goalkit.smart",
}
_SUBMODULES = {
    "results",
    "model",
    "fileformat",
    "store",
    "errors",
    "export",
    "smart",
    "gas",
    "progress",
    "icf",
    "cases",
    "charts",
    "cli",
    "widgets",
}

__all__ = [
    "CheckIn",
    "GasScale",
    "Goal",
    "GoalParts",
    "GoalkitError",
    "SmartReport",
    "Store",
    "Worksheet",
    "__version__",
    "check_goal",
    "dumps",
    "evolve",
    "load",
    "loads",
    "save",
]

if TYPE_CHECKING:  # pragma: no cover
    from .errors import GoalkitError
    from .fileformat import dumps, load, loads, save
    from .model import CheckIn, GasScale, Goal, GoalParts, Worksheet, evolve
    from .smart import SmartReport, check_goal
    from .store import Store


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f"goalkit.{name}")
    else:
        raise AttributeError(f"module 'goalkit' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY, *_SUBMODULES])
