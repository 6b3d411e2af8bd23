"""How light is ``import goalkit``? Timed beside ``import json`` and ``import pandas``.

Each import runs in a fresh interpreter; the interpreter's own start-up (``pass``) is measured in
the same rounds and subtracted, so the figures are the import's own cost.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import interleaved_commands, python


def main(rounds: int = 15) -> None:
    commands = {
        "python (start-up only)": python("pass"),
        "import json": python("import json"),
        "import goalkit": python("import goalkit"),
        "goalkit.Worksheet (model)": python("import goalkit; goalkit.Worksheet"),
        "import pandas": python("import pandas"),
    }
    medians = interleaved_commands(commands, rounds)
    base = medians.pop("python (start-up only)")
    own = {k: max(v - base, 1e-6) for k, v in medians.items()}
    print(f"median of {rounds} interleaved runs; interpreter start-up {base * 1000:.1f} ms removed")
    for name, secs in own.items():
        print(f"  {name:28s} {secs * 1000:8.1f} ms   x{secs / own['import json']:7.1f} json")
    print(f"  import goalkit / import pandas = {own['import goalkit'] / own['import pandas']:.3f}")


if __name__ == "__main__":
    main()
