#!/usr/bin/env bash
# Owns: running the independent log verifier's tests (offline self-tests, then live checks of `twiza demo`).
# Builds the server, installs the Python test tools into .venv (shared with the browser tests) and
# runs tests/verifier with pytest. The verifier needs nothing but Python, `cryptography` and pytest.
set -euo pipefail
cd "$(dirname "$0")/../.."

[[ -x .venv/bin/python ]] || python3 -m venv .venv
.venv/bin/pip install -q -r .ci/verifier-requirements.txt

cargo build -q -p twiza-cli
export TWIZA_BIN="${TWIZA_BIN:-$PWD/target/debug/twiza}"
exec .venv/bin/python -m pytest -q -p no:cacheprovider tests/verifier "$@"
