#!/usr/bin/env bash
# Owns: validating the 3W export of `twiza demo` and every HXL dataset of its open data
# catalogue with libhxl (the HXL standard's own library).
# Installs libhxl (with `six`, which it needs) into .venv, starts a demo server and runs
# tests/hxl with pytest.
set -euo pipefail
cd "$(dirname "$0")/../.."

[[ -x .venv/bin/python ]] || python3 -m venv .venv
.venv/bin/pip install -q -r .ci/hxl-requirements.txt

cargo build -q -p twiza-cli
export TWIZA_BIN="${TWIZA_BIN:-$PWD/target/debug/twiza}"
exec .venv/bin/python -m pytest -q -p no:cacheprovider tests/hxl "$@"
