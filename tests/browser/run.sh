#!/usr/bin/env bash
# Browser tests: the `twiza demo` server driven by headless Chromium through Selenium.
# Installs Debian's chromium and chromium-driver (and a font with Tifinagh) when missing, the
# Python test tools into .venv and axe-core into .ci/axe. Outside CI, a machine where Chromium
# cannot be installed skips loudly; in CI the tests always run.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans Tifinagh"; then
  if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-core >/dev/null); then
    if [[ -z "${CI:-}" ]]; then
      echo "!!! SKIPPED: browser tests (chromium and chromium-driver could not be installed) !!!"
      exit 0
    fi
    echo "chromium could not be installed" >&2
    exit 1
  fi
fi

[[ -x .venv/bin/python ]] || python3 -m venv .venv
.venv/bin/pip install -q -r .ci/browser-requirements.txt
# axe-core, injected into every page the tests visit (conftest.py's audit), at the locked version.
[[ -f .ci/axe/node_modules/axe-core/axe.min.js ]] || npm ci --prefix .ci/axe --no-audit --no-fund --silent

cargo build -q -p twiza-cli
export TWIZA_BIN="${TWIZA_BIN:-$PWD/target/debug/twiza}"
export TWIZA_ARTIFACTS="${TWIZA_ARTIFACTS:-$PWD/ci-artifacts}"
exec .venv/bin/python -m pytest -q -p no:cacheprovider tests/browser "$@"
