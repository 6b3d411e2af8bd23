"""Bad and hostile input through every entry point (issue 8); the cases and checks live in
``tests/hostile.py``, the corpus in ``tests/data/bad/``. The module ends by printing how many
(case, entry) pairs were tried and how many failed."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile import BAD, ENTRIES, Case, Tally, applies, cases, expectations

CASES = cases()
PAIRS = [(c, e) for c in CASES for e in ENTRIES if applies(c, e)]


@pytest.fixture(scope="module")
def tally(request: pytest.FixtureRequest) -> Iterator[Tally]:
    t = Tally()
    yield t
    line = t.summary() + (f" ({', '.join(t.failed)})" if t.failed else "")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
        print(f"\n{line}")


def test_the_corpus_readme_lists_every_file() -> None:
    listed = set(expectations())
    present = {p.name for p in BAD.glob("*.json")}
    assert listed == present


@pytest.mark.parametrize(("case", "entry"), PAIRS, ids=[f"{c.name}-{e}" for c, e in PAIRS])
def test_bad_input_is_refused_clearly_or_rendered_inert(
    case: Case, entry: str, tally: Tally, tmp_path: Path
) -> None:
    with tally.trying(f"{case.name}/{entry}"):
        ENTRIES[entry](case, tmp_path)
