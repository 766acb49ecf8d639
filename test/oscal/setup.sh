#!/usr/bin/env bash
# Installs compliance-trestle (IBM's OSCAL library, from PyPI) into test/oscal/.venv, git-ignored,
# for the OSCAL round-trip test. Idempotent: an environment that already imports trestle is kept.
# Fails, saying why, when Python's venv module or PyPI is unavailable: the test must not pass then.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv"
version="5.2.0"
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import trestle, sys; sys.exit(0 if trestle.__version__ == '$version' else 1)" 2>/dev/null; then
  exit 0
fi
python3 -m venv "$venv" || { echo "python3 -m venv failed: install Python 3.9+ with its venv module (Debian: apt-get install python3-venv)" >&2; exit 1; }
"$venv/bin/pip" install --disable-pip-version-check --quiet "compliance-trestle==$version" \
  || { echo "pip could not install compliance-trestle $version from PyPI (is PyPI reachable?)" >&2; exit 1; }
