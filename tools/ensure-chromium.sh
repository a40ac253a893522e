#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core (no browser download from
# Playwright's CDN, which these machines cannot reach). Quiet and quick when it is already there.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM saknas och apt-get finns inte; installera Chromium själv." >&2
  exit 1
fi

# apt-get needs root; use sudo only when we are not root already.
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure-chromium: $CHROMIUM saknas och installationen kräver root (apt-get install -y chromium)." >&2
    exit 1
  fi
fi

echo "ensure-chromium: $CHROMIUM saknas, installerar Debians chromium (apt-get update && apt-get install -y chromium)…"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: installationen gick igenom men $CHROMIUM finns ändå inte." >&2
  exit 1
fi
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium) installerad."
