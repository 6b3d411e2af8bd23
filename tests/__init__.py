"""goalkit's tests: a package, so ``tests.conftest`` wins over a ``tests`` package another
distribution installs into site-packages (textstat 0.7 ships one)."""
