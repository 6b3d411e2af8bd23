#!/usr/bin/env bash
# Print the path of a uv binary, installing uv from PyPI into ./.tools when none is on PATH.
# Needs only Python 3.11+ (with venv, or pip as a fallback).
set -euo pipefail
UV_VERSION="${UV_VERSION:-0.13.8}"
here="$(cd "$(dirname "$0")/.." && pwd)"
tools="$here/.tools"

if command -v uv >/dev/null 2>&1; then command -v uv; exit 0; fi
if [ -x "$tools/bin/uv" ]; then echo "$tools/bin/uv"; exit 0; fi

py="${PYTHON:-python3}"
command -v "$py" >/dev/null 2>&1 || { echo "error: $py not found; install Python 3.11 or newer" >&2; exit 1; }
echo "bootstrap: installing uv $UV_VERSION from PyPI into $tools" >&2
if "$py" -m venv "$tools" >/dev/null 2>&1; then
  "$tools/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION" >&2
elif "$py" -m pip --version >/dev/null 2>&1; then
  "$py" -m pip install --quiet --disable-pip-version-check --target "$tools/lib" "uv==$UV_VERSION" >&2
  mkdir -p "$tools/bin" && ln -sf "$tools/lib/bin/uv" "$tools/bin/uv"
else
  echo "error: Python has neither venv nor pip; on Debian run: apt-get install python3-venv" >&2
  exit 1
fi
echo "$tools/bin/uv"
