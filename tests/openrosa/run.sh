#!/usr/bin/env bash
# Owns: validating every XForm Twiza serves to ODK Collect with ODK Validate (ODK_Validate.jar,
# shipped in the PyPI package pyxform, run with Java). The forms and their CSV media are the
# server's own answers, written by the web test `openrosa::collect_lists…` to
# $TWIZA_ARTIFACTS/xforms/<form id>/ (the test is run here when they are missing). Fails on any
# form ODK Validate does not find valid, or on any error or warning it prints.
set -euo pipefail
cd "$(dirname "$0")/../.."

[[ -x .venv/bin/python ]] || python3 -m venv .venv
.venv/bin/pip install -q -r .ci/openrosa-requirements.txt
command -v java >/dev/null || { echo "java is needed (Debian: default-jre-headless)" >&2; exit 1; }
jar="$(.venv/bin/python -c 'import pyxform, os; print(os.path.join(os.path.dirname(pyxform.__file__), "validators/odk_validate/bin/ODK_Validate.jar"))')"
test -s "$jar"

export TWIZA_ARTIFACTS="${TWIZA_ARTIFACTS:-$PWD/ci-artifacts}"
forms="$TWIZA_ARTIFACTS/xforms"
if ! compgen -G "$forms/*/*.xml" >/dev/null; then
  cargo test -q -p twiza-web --test it -- openrosa::collect_lists_downloads_the_forms_and_their_media_with_matching_hashes --exact
fi

count=0
for form in "$forms"/*/*.xml; do
  count=$((count + 1))
  echo "ODK Validate: ${form#"$TWIZA_ARTIFACTS"/} (media: $(cd "$(dirname "$form")" && ls -- *.csv 2>/dev/null | tr '\n' ' '))"
  # Run beside its CSV media, as Collect holds them.
  if ! out="$(cd "$(dirname "$form")" && java -jar "$jar" "$(basename "$form")" 2>&1)"; then
    echo "$out"; echo "FAILED: $form" >&2; exit 1
  fi
  if ! grep -q "Xform is valid" <<<"$out" || grep -qiE "error|warning" <<<"$out"; then
    echo "$out"; echo "FAILED: $form" >&2; exit 1
  fi
done
test "$count" -ge 2 || { echo "expected the served XForms in $forms" >&2; exit 1; }
echo "ODK Validate: $count served XForms are valid"
