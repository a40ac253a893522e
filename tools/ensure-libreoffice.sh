#!/usr/bin/env bash
# The export tests open the KF report's .docx with LibreOffice headless (docx → pdf) to prove that a
# real word processor reads it. Debian's writer without the GUI is enough. Quiet when it is there.
set -euo pipefail

if command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-libreoffice: soffice saknas och apt-get finns inte; installera LibreOffice Writer själv." >&2
  exit 1
fi

# apt-get needs root; use sudo only when we are not root already.
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure-libreoffice: soffice saknas och installationen kräver root (apt-get install -y libreoffice-writer-nogui)." >&2
    exit 1
  fi
fi

echo "ensure-libreoffice: soffice saknas, installerar Debians libreoffice-writer-nogui (apt-get update && apt-get install)…"
$SUDO apt-get update
# No recommends: the java runtime, help and GUI pieces are not needed to convert a document.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends libreoffice-writer-nogui

if ! command -v soffice >/dev/null 2>&1 && ! command -v libreoffice >/dev/null 2>&1; then
  echo "ensure-libreoffice: installationen gick igenom men soffice finns ändå inte." >&2
  exit 1
fi
echo "ensure-libreoffice: $(soffice --version 2>/dev/null || echo LibreOffice) installerad."
