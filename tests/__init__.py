"""goalkit's tests (a package, so that no installed top-level ``tests`` module can shadow it)."""
