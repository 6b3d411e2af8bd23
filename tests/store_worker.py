"""A separate process that uses the store, for the concurrency and crash tests.

python tests/store_worker.py once HOME WORKSHEET_ID BASE NOTE   -> prints "saved N" or "conflict"
python tests/store_worker.py loop HOME WORKSHEET_ID             -> saves forever, printing each N
"""

from __future__ import annotations

import sys

from goalkit.errors import ConflictError
from goalkit.model import evolve
from goalkit.store import Store


def main(argv: list[str]) -> int:
    mode, home, ws_id = argv[:3]
    store = Store(home)
    if mode == "once":
        base, note = int(argv[3]), argv[4]
        ws = store.load(ws_id, base).worksheet
        try:
            rev = store.save(evolve(ws, notes=note), base=base)
        except ConflictError:
            print("conflict", flush=True)
            return 0
        print(f"saved {rev}", flush=True)
        return 0
    # loop: every revision carries a large note so that a kill often lands mid-write
    n = 0
    while True:
        stored = store.load(ws_id)
        n += 1
        note = f"revision after {stored.revision}: " + "x" * 15_000
        rev = store.save(evolve(stored.worksheet, notes=note), base=stored.revision)
        print(rev, flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
