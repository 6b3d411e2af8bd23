"""Session-wide isolation for every test, notebook and server the suite starts.

Jupyter, IPython, Matplotlib and goalkit's store all write to a throw-away folder, never to the
user's real configuration or data. Kernels started by nbval and servers started by browser tests
inherit these variables.
"""

from __future__ import annotations

import os
import sys
import tempfile
import types

# textstat's wheel installs a top-level package named "tests", which would shadow this
# repository's tests/ folder (a namespace package): `from tests.conftest import ...` must mean ours.
_TESTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tests")
if _TESTS not in list(getattr(sys.modules.get("tests"), "__path__", [])):
    _pkg = types.ModuleType("tests")
    _pkg.__path__ = [_TESTS]
    sys.modules["tests"] = _pkg

_ROOT = tempfile.mkdtemp(prefix="goalkit-tests-")
for _var, _sub in {
    "GOALKIT_HOME": "goalkit-home",
    "JUPYTER_CONFIG_DIR": "jupyter-config",
    "JUPYTER_RUNTIME_DIR": "jupyter-runtime",
    "IPYTHONDIR": "ipython",
    "MPLCONFIGDIR": "matplotlib",
}.items():
    os.environ[_var] = os.path.join(_ROOT, _sub)
    os.makedirs(os.environ[_var], exist_ok=True)
os.environ.setdefault("MPLBACKEND", "Agg")
