#!/usr/bin/env bash
# Owns: the record-linkage speed benchmark (not in CI): generates PEOPLE (default 1,000,000)
# Moroccan people with `twiza link generate`, deduplicates them with the release `twiza link
# dedupe` and with the Python baseline (recordlinkage, bench/linkage/baseline.py), and prints
# wall time, peak RSS (/usr/bin/time -v) and F1 of each, and the speed ratio.
#   bash bench/linkage/run.sh                 # 1,000,000 people, seed 2026, 10% duplicates
#   PEOPLE=200000 bash bench/linkage/run.sh   # smaller
# TWIZA_BIN picks the binary (else it is built: cargo build --release -p twiza-cli, honouring
# CARGO_TARGET_DIR); WORK keeps the files (else a temporary directory); SKIP_PYTHON=1 skips the
# baseline. The baseline runs with its standard blocking, and also with its wide blocking when
# PEOPLE <= WIDE_MAX (default 300,000: at 1 M its wide blocks hold about 50 M pairs, some 20 GB
# in pandas). With EQUAL=1 (the default) the baseline also scores exactly the candidate pairs of
# twiza's blocking (written by `twiza link dedupe --candidates`, untimed): the same work for both.
# RUNS (default 3) is how many times twiza and the standard baseline each run, one after the
# other, after one untimed warm-up run each (WARMUP=0 skips it): the summary reports the median
# wall time (every run listed) and the highest peak memory, since wall times on a shared machine
# vary from run to run and a program's first run also pays for loading it.
set -euo pipefail
cd "$(dirname "$0")/../.."
PEOPLE="${PEOPLE:-1000000}"
SEED="${SEED:-2026}"
DUPLICATES="${DUPLICATES:-0.1}"
WIDE_MAX="${WIDE_MAX:-300000}"
EQUAL="${EQUAL:-1}"
RUNS="${RUNS:-3}"
WARMUP="${WARMUP:-1}"
WORK="${WORK:-$(mktemp -d)}"
mkdir -p "$WORK"

[[ -x .venv/bin/python ]] || python3 -m venv .venv
.venv/bin/pip install -q -r .ci/linkage-requirements.txt
if [[ -z "${TWIZA_BIN:-}" ]]; then
  cargo build --release -q -p twiza-cli
  TWIZA_BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/twiza"
fi
echo "binary: $TWIZA_BIN; files in $WORK; $(nproc) cores"

"$TWIZA_BIN" link generate --people "$PEOPLE" --seed "$SEED" --duplicates "$DUPLICATES" \
  --output "$WORK/people.csv"
# The generated file goes to disk and is read once before any engine runs: the kernel writing
# it back, or bringing its pages into the cache, would otherwise slow the first engine only.
sync
cat "$WORK/people.csv" > /dev/null

# Runs "$@" once untimed (unless WARMUP=0), then RUNS times under /usr/bin/time -v, into
# $WORK/NAME.K.time; sets TIMES to their list.
timed() {
  local name="$1"; shift
  TIMES=""
  if [[ "$WARMUP" == 1 ]]; then
    "$@" > /dev/null 2>&1
  fi
  for ((k = 1; k <= RUNS; k++)); do
    /usr/bin/time -v -o "$WORK/$name.$k.time" "$@"
    grep -E "Elapsed|Maximum resident" "$WORK/$name.$k.time"
    TIMES="${TIMES:+$TIMES,}$WORK/$name.$k.time"
  done
}

timed twiza "$TWIZA_BIN" link dedupe --input "$WORK/people.csv" \
  --id-column id --map given_name=given_name --map family_name=family_name \
  --map birth_date=birth_date --map sex=sex --map national_id=national_id --map phone=phone \
  --map address=douar --map locality=commune --output "$WORK/twiza_pairs.csv"
engines=(--engine twiza "$WORK/twiza_pairs.csv" "$TIMES")

if [[ -z "${SKIP_PYTHON:-}" ]]; then
  timed python .venv/bin/python bench/linkage/baseline.py \
    --input "$WORK/people.csv" --output "$WORK/python_pairs.csv"
  engines+=(--engine recordlinkage "$WORK/python_pairs.csv" "$TIMES")
  if (( PEOPLE <= WIDE_MAX )); then
    /usr/bin/time -v -o "$WORK/python_wide.time" .venv/bin/python bench/linkage/baseline.py \
      --blocking wide --input "$WORK/people.csv" --output "$WORK/python_wide_pairs.csv"
    engines+=(--engine recordlinkage-wide "$WORK/python_wide_pairs.csv" "$WORK/python_wide.time")
  fi
  if [[ "$EQUAL" == 1 ]]; then
    "$TWIZA_BIN" link dedupe --input "$WORK/people.csv" --id-column id --map given_name=given_name \
      --map family_name=family_name --map birth_date=birth_date --map sex=sex \
      --map national_id=national_id --map phone=phone --map address=douar --map locality=commune \
      --output /dev/null --candidates "$WORK/candidates.csv"
    /usr/bin/time -v -o "$WORK/python_same.time" .venv/bin/python bench/linkage/baseline.py \
      --pairs "$WORK/candidates.csv" --input "$WORK/people.csv" --output "$WORK/python_same_pairs.csv"
    engines+=(--engine recordlinkage-same "$WORK/python_same_pairs.csv" "$WORK/python_same.time")
  fi
fi

.venv/bin/python bench/linkage/summary.py --people "$WORK/people.csv" "${engines[@]}"
