#!/usr/bin/env bash
# Fonts for PDF text beyond DejaVu Sans (which matplotlib ships): Arabic, Hebrew and the other
# scripts of Noto, Chinese/Japanese/Korean, and colour emoji. Installed with apt-get when running
# as root on Debian; otherwise the PDF export still works and says which characters had no font.
set -uo pipefail
packages=(fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "bootstrap: installing ${missing[*]} with apt-get (about 140 MB)" >&2
  export DEBIAN_FRONTEND=noninteractive
  if apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 \
     || { apt-get update -q >&2 && apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; }; then
    exit 0
  fi
fi
echo "bootstrap: could not install ${missing[*]}; PDFs name the characters they have no font for" >&2
echo "  As root on Debian:   apt-get install -y ${missing[*]}" >&2
exit 0
