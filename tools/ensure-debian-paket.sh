#!/usr/bin/env bash
# Installs a Debian package for the tests when the program it provides is missing:
#   bash tools/ensure-debian-paket.sh <program> <package> [--no-install-recommends]
# The browser tests need Debian's chromium (Playwright's own browser download cannot reach these
# machines); the report tests open .docx files with LibreOffice. Quiet when the program is there.
set -euo pipefail

PROGRAM="$1"
PAKET="$2"
EXTRA="${3:-}"

if command -v "$PROGRAM" >/dev/null 2>&1; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-debian-paket: $PROGRAM saknas och apt-get finns inte; installera $PAKET själv." >&2
  exit 1
fi

# apt-get needs root; use sudo only when we are not root already.
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure-debian-paket: $PROGRAM saknas och installationen kräver root (apt-get install -y $PAKET)." >&2
    exit 1
  fi
fi

echo "ensure-debian-paket: $PROGRAM saknas, installerar Debians $PAKET (apt-get install -y $EXTRA $PAKET)…"
$SUDO apt-get update -qq
# shellcheck disable=SC2086 # EXTRA is one optional flag or nothing
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $EXTRA "$PAKET"

if ! command -v "$PROGRAM" >/dev/null 2>&1; then
  echo "ensure-debian-paket: $PAKET installerades men $PROGRAM finns ändå inte." >&2
  exit 1
fi
echo "ensure-debian-paket: $PAKET installerat."
