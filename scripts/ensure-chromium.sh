#!/usr/bin/env bash
# Make sure the browser tests have a Chromium. Order: $GOALKIT_CHROMIUM, then Debian's chromium
# (installed with apt-get when running as root). Never downloads a browser build of its own.
# Prints the path of the browser to use.
set -euo pipefail
uv="${1:?usage: ensure-chromium.sh UV}"

if [ -n "${GOALKIT_CHROMIUM:-}" ] && [ -x "$GOALKIT_CHROMIUM" ]; then echo "$GOALKIT_CHROMIUM"; exit 0; fi
for c in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$c" ]; then echo "$c"; exit 0; fi
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "bootstrap: installing Debian's chromium with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  if apt-get install -y -q chromium >&2 || { apt-get update -q >&2 && apt-get install -y -q chromium >&2; }; then
    echo /usr/bin/chromium; exit 0
  fi
fi
cat >&2 <<'MSG'
error: no Chromium for the browser tests.
  As root on Debian:   apt-get install -y chromium
  Or point goalkit at one:   export GOALKIT_CHROMIUM=/path/to/chromium
MSG
exit 1
