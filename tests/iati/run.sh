#!/usr/bin/env bash
# Owns: validating the IATI activity files `twiza demo` publishes against the official IATI
# 2.03 activities schema (../shared/standards/iati-2.03, lxml). Installs the pinned tools into
# .venv, builds the debug binary, starts a demo server and runs tests/iati with pytest.
# IATI_FILES="a.xml b.xml" adds more files (e.g. the web test's artifact) to check.
set -euo pipefail
cd "$(dirname "$0")/../.."

[[ -x .venv/bin/python ]] || python3 -m venv .venv
.venv/bin/pip install -q --no-deps -r .ci/iati-requirements.txt

cargo build -q -p twiza-cli
export TWIZA_BIN="${TWIZA_BIN:-$PWD/target/debug/twiza}"
export IATI_SCHEMA_DIR="${IATI_SCHEMA_DIR:-$PWD/../shared/standards/iati-2.03}"
exec .venv/bin/python -m pytest -q -p no:cacheprovider tests/iati "$@"
