#!/usr/bin/env bash
# Creates .venv from requirements.lock and installs the project (editable).
# Installs system packages with apt-get when they are missing and we are root.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-python3.11}"

# System packages: make runs the README commands; DejaVu fonts make the sample PDFs byte-reproducible
# (tests/integration/test_samples.py); ocrmypdf + tesseract (Indonesian) give scanned pages a text layer
# (extract/pdf/ocr.py); chromium + chromium-driver run the scorecard browser test and render the HTML
# layout variants (bench/fuzz/render_html.py); libreoffice-writer-nogui and the font packages render the
# word-processor layout variants (bench/fuzz/render_libreoffice.py); redis-server is the Celery broker of the
# multi-worker test (tests/integration). Installed when missing and root.
APT_PACKAGES=(make fonts-dejavu-core fonts-dejavu-extra ocrmypdf tesseract-ocr tesseract-ocr-ind chromium
  chromium-driver libreoffice-writer-nogui fonts-liberation fonts-liberation2 fonts-noto-core fonts-freefont-ttf
  poppler-utils redis-server)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "setup: missing system packages (install them as root): ${missing[*]}" >&2
  fi
fi
command -v "$PY" >/dev/null || PY=python3

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check uv==0.13.9
.venv/bin/uv pip install -q --python .venv/bin/python -r requirements.lock
.venv/bin/uv pip install -q --python .venv/bin/python --no-deps -e .
echo "setup: .venv ready ($(.venv/bin/python --version))"
