"""Setup stays in step: pyproject <-> environment.yml, README's commands, CI, light imports."""

from __future__ import annotations

import json
import re
import tomllib

import yaml

from goalkit.serve import APP_CELLS, app_notebook
from tests.conftest import ROOT, modules_loaded_by

# conda-forge names that differ from the PyPI ones
CONDA_NAMES = {"types-pyyaml": "types-pyyaml"}


def _split(req: str) -> tuple[str, str]:
    match = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", req.strip())
    assert match, req
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def test_environment_yml_mirrors_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    wanted = dict(
        _split(r) for r in project["project"]["dependencies"] + project["dependency-groups"]["dev"]
    )
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda: dict[str, str] = {}
    pip: list[str] = []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip += dep["pip"]
            continue
        name, spec = _split(dep)
        if name not in {"python", "pip"}:
            conda[name] = spec
    wanted = {CONDA_NAMES.get(k, k): v for k, v in wanted.items()}
    # Packages whose conda-forge name is unknown or absent come from PyPI through pip.
    from_pip = dict(_split(r) for r in pip if r != "-e .")
    assert {**conda, **from_pip} == wanted, (
        "environment.yml and pyproject.toml list different packages"
    )
    assert not set(conda) & set(from_pip), "a package is listed for both conda and pip"
    assert pip[-1] == "-e ."
    assert "conda-forge" in env["channels"]
    py = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python="))
    assert project["project"]["requires-python"] == f">={py.split('=')[1]}"


def test_readme_starts_with_the_two_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", readme, re.S)
    assert blocks, "README has no command block"
    first = blocks[0]
    assert "make app" in first and "make test" in first
    ci = (ROOT / ".ci" / "run").read_text()
    commands = [
        ln for ln in ci.splitlines() if ln.strip() and not ln.startswith(("#", "set ", "cd "))
    ]
    assert commands == ["exec make test"]
    makefile = (ROOT / "Makefile").read_text()
    assert "pytest --nbval-lax --doctest-modules goalkit tests notebooks worksheets" in makefile
    assert "ruff check" in makefile and "mypy" in makefile


def test_lock_file_matches_pyproject() -> None:
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    def canonical(name: str) -> str:  # PEP 503: "fhir.resources" is locked as "fhir-resources"
        return re.sub(r"[-_.]+", "-", name).lower()

    locked = {canonical(p["name"]) for p in lock["package"]}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    for req in project["project"]["dependencies"] + project["dependency-groups"]["dev"]:
        name = canonical(_split(req)[0])
        assert name in locked, f"{name} is in pyproject.toml but not in uv.lock: run `make lock`"


def test_import_goalkit_stays_light() -> None:
    heavy = ("pandas", "matplotlib", "typst", "voila", "ipywidgets", "nbconvert", "jupyterlab")
    code = "import goalkit, goalkit.cli, goalkit.store, goalkit.fileformat"
    assert modules_loaded_by(code, heavy) == []
    assert modules_loaded_by("import goalkit", ("pydantic",)) == []


def test_app_notebook_in_the_repository_is_the_generated_one() -> None:
    stored = json.loads((ROOT / "worksheets" / "worksheet.ipynb").read_text())
    assert stored == app_notebook()
    assert [c["cell_type"] for c in stored["cells"]] == [kind for kind, _ in APP_CELLS]


def test_notebooks_are_thin_and_committed_without_outputs() -> None:
    for nb_path in [*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("worksheets/*.ipynb")]:
        nb = json.loads(nb_path.read_text())
        for cell in nb["cells"]:
            if cell["cell_type"] != "code":
                continue
            src = "".join(cell["source"])
            assert not re.search(r"^\s*(def|class)\s", src, re.M), (
                f"{nb_path.name}: logic in a cell"
            )
            assert cell["outputs"] == [], f"{nb_path.name}: committed with outputs"
