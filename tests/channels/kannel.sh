#!/usr/bin/env bash
# Twiza behind a real Kannel (Debian's `kannel`, and `kannel-extras` for fakesmsc, which plays the
# operator's SMSC): bearerbox with a fake SMSC connection, smsbox with a sendsms user and an
# sms-service whose get-url is Twiza's /channels/sms/kannel, and `twiza demo` (SQLite, in a
# temporary directory) whose [sms] gateway is Kannel. Checks that
#   (a) a message injected at fakesmsc reaches Twiza through smsbox, and Twiza's reply (if the
#       conversation answers one) comes back to fakesmsc;
#   (b) a delivery code Twiza sends (a delivery prepared through the API) arrives at fakesmsc, and
#       Kannel's delivery report is recorded in the outbox's report table.
# Everything started here is stopped at the end. Fails loudly.
set -euo pipefail
cd "$(dirname "$0")/../.."

# What is injected and what Twiza must answer: an appeal's code that no campaign holds, which
# Twiza answers by naming the code and warning not to give (an empty EXPECTED_REPLY would mean
# that no reply may come back).
INJECTED_TEXT="${INJECTED_TEXT:-TWZ-0000}"
EXPECTED_REPLY="${EXPECTED_REPLY:-TWZ-0000}"
PHONE_MO="+212612345678"     # the phone that writes to Twiza
PHONE_CODE="0611223344"      # the family's phone the delivery code goes to
PHONE_CODE_INTL="+212611223344"
SHORT_CODE="1234"

FAKESMSC=/usr/lib/kannel/test/fakesmsc
for tool in bearerbox smsbox curl jq sqlite3 iconv python3; do
  command -v "$tool" >/dev/null || { echo "kannel.sh: $tool is missing" >&2; exit 1; }
done
[ -x "$FAKESMSC" ] || { echo "kannel.sh: $FAKESMSC is missing (package kannel-extras)" >&2; exit 1; }

TARGET="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build -q -p twiza-cli
TWIZA="$TARGET/debug/twiza"

WORK=$(mktemp -d)
# Five consecutive ports below the kernel's ephemeral range (32768 and up, where an outgoing
# connection may hold any port at any moment), starting from the script's process id so that two
# runs on one machine do not collide, and each checked free before it is used.
ports_free() {
  python3 - "$1" <<'PY'
import socket, sys
base = int(sys.argv[1])
for port in range(base, base + 5):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            sys.exit(1)
PY
}
BASE_PORT=""
for attempt in $(seq 0 50); do
  candidate=$(( 20000 + (($$ + attempt * 97) % 1200) * 10 ))
  if ports_free "$candidate"; then BASE_PORT=$candidate; break; fi
done
[ -n "$BASE_PORT" ] || { echo "kannel.sh: no five free ports between 20000 and 32000" >&2; exit 1; }
ADMIN_PORT=$BASE_PORT
SMSBOX_PORT=$((BASE_PORT + 1))
SMSC_PORT=$((BASE_PORT + 2))
SENDSMS_PORT=$((BASE_PORT + 3))
TWIZA_PORT=$((BASE_PORT + 4))
PIDS=()
cleanup() {
  local status=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$status" -ne 0 ]; then
    echo "--- kannel.sh failed; logs from $WORK:" >&2
    for log in twiza.err bearerbox.log smsbox.log fakesmsc-mo.out fakesmsc-ar.out fakesmsc-mt.out; do
      [ -f "$WORK/$log" ] && { echo "--- $log" >&2; tail -n 60 "$WORK/$log" >&2; }
    done
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
fail() { echo "kannel.sh: FAILED: $*" >&2; exit 1; }

# The texts fakesmsc received, one line each: its lines read `Got message N: <from to type
# [udh] data>`; a text in UCS-2 is UTF-16 big-endian, percent-encoded, and a long one comes in
# parts whose UDH names their order, put back together here.
received_texts() {
  python3 - "$1" <<'PY'
import re, sys, urllib.parse
parts, texts = {}, []
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.search(r"Got message \d+: <(\S+) (\S+) (.*)>$", line.rstrip())
    if not m:
        continue
    fields = m.group(3).split(" ")
    udh = b""
    if fields[0] in ("udh", "udh-data"):
        udh = urllib.parse.unquote_to_bytes(fields[1])
        fields = fields[2:]
    kind, data = fields[0], urllib.parse.unquote_to_bytes(" ".join(fields[1:]).replace("+", " "))
    text = None
    if kind in ("ucs2", "ucs-2", "data") and len(data) % 2 == 0:
        try:
            text = data.decode("utf-16-be")
            if not all(c.isprintable() or c == "\n" for c in text):
                text = None
        except UnicodeDecodeError:
            text = None
    if text is None:
        text = data.decode("latin-1")
    if len(udh) >= 6 and udh[1] == 0:  # concatenation: reference, total, sequence
        ref, total, seq = udh[3], udh[4], udh[5]
        parts.setdefault(ref, {})[seq] = text
        if len(parts[ref]) == total:
            texts.append("".join(parts[ref][i] for i in sorted(parts[ref])))
    else:
        texts.append(text)
for t in texts:
    print(t.replace("\n", " "))
PY
}

SECRET="ci$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SENDSMS_PASSWORD="sendsms$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s' "$SECRET" > "$WORK/kannel-secret"
printf '%s' "$SENDSMS_PASSWORD" > "$WORK/sendsms-password"

cat > "$WORK/kannel.conf" <<EOF
group = core
admin-port = $ADMIN_PORT
admin-password = admin-$SECRET
admin-allow-ip = "127.0.0.1"
smsbox-port = $SMSBOX_PORT
box-allow-ip = "127.0.0.1"
log-file = "$WORK/bearerbox.log"
log-level = 0
dlr-storage = internal

group = smsc
smsc = fake
smsc-id = fake
host = 127.0.0.1
port = $SMSC_PORT
connect-allow-ip = "127.0.0.1"

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = $SMSBOX_PORT
sendsms-port = $SENDSMS_PORT
sendsms-interface = 127.0.0.1
log-file = "$WORK/smsbox.log"
log-level = 0

group = sendsms-user
username = twiza
password = $SENDSMS_PASSWORD
max-messages = 3
concatenation = true

group = sms-service
keyword = default
catch-all = true
get-url = "http://127.0.0.1:$TWIZA_PORT/channels/sms/kannel?secret=$SECRET&from=%p&id=%I&coding=%c&charset=%C&text=%b"
accept-x-kannel-headers = true
max-messages = 3
concatenation = true
omit-empty = true
EOF

cat > "$WORK/twiza.toml" <<EOF
[sms]
gateway = "kannel"
rate_per_second = 20
kannel_sendsms_url = "http://127.0.0.1:$SENDSMS_PORT/cgi-bin/sendsms"
kannel_username = "twiza"
kannel_password_file = "$WORK/sendsms-password"
kannel_from = "$SHORT_CODE"
kannel_secret_file = "$WORK/kannel-secret"
kannel_allowed_addresses = ["127.0.0.1"]
EOF

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local seconds=$1 what=$2; shift 2
  for _ in $(seq $((seconds * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  fail "$what"
}

echo "== Twiza (demo data, SQLite, [sms] gateway = kannel) on 127.0.0.1:$TWIZA_PORT"
"$TWIZA" --config "$WORK/twiza.toml" --data-dir "$WORK/data" --listen "127.0.0.1:$TWIZA_PORT" demo \
  > "$WORK/twiza.out" 2> "$WORK/twiza.err" &
PIDS+=($!)
wait_for 60 "Twiza did not start" curl -sf "http://127.0.0.1:$TWIZA_PORT/healthz"

echo "== bearerbox, smsbox"
bearerbox "$WORK/kannel.conf" > "$WORK/bearerbox.out" 2>&1 &
PIDS+=($!)
wait_for 20 "bearerbox did not start" curl -sf "http://127.0.0.1:$ADMIN_PORT/status.txt?password=admin-$SECRET"
smsbox "$WORK/kannel.conf" > "$WORK/smsbox.out" 2>&1 &
PIDS+=($!)
wait_for 20 "smsbox did not start" bash -c "exec 3<>/dev/tcp/127.0.0.1/$SENDSMS_PORT"

echo "== (a) a message from a phone reaches Twiza through Kannel"
# fakesmsc connects to the fake SMSC's port, injects one message and prints what it receives.
"$FAKESMSC" -H 127.0.0.1 -r "$SMSC_PORT" -i 0.1 -m 1 "$PHONE_MO $SHORT_CODE text $INJECTED_TEXT" \
  > "$WORK/fakesmsc-mo.out" 2>&1 &
MO_PID=$!
PIDS+=($MO_PID)
# Twiza's request log names the route and the status (never the query: it holds the number).
answered() {
  grep '"route":"/channels/sms/kannel"' "$WORK/twiza.err" | grep -q "\"status\":$1"
}
wait_for 20 "Kannel did not call Twiza's /channels/sms/kannel" \
  grep -q '"route":"/channels/sms/kannel"' "$WORK/twiza.err"
answered 200 || fail "Twiza did not accept Kannel's call: $(grep '/channels/sms/kannel' "$WORK/twiza.err" | tail -1)"
grep -q "$PHONE_MO" "$WORK/twiza.err" && fail "the phone number reached Twiza's log"
if [ -n "$EXPECTED_REPLY" ]; then
  replied() { received_texts "$WORK/fakesmsc-mo.out" | grep -q -- "$EXPECTED_REPLY"; }
  wait_for 20 "Twiza's reply did not reach fakesmsc" replied
  echo "   reply received at fakesmsc: $(received_texts "$WORK/fakesmsc-mo.out" | head -1)"
else
  # The conversation answers nothing yet: smsbox sends nothing back (omit-empty).
  if grep -q "^.*$SHORT_CODE $PHONE_MO" "$WORK/fakesmsc-mo.out"; then
    fail "a reply came back although Twiza answers nothing"
  fi
  echo "   delivered to Twiza; no reply expected (the conversation answers nothing yet)"
fi
kill "$MO_PID" 2>/dev/null || true

echo "== (a') a message in Arabic letters (UCS-2) is read and answered in Arabic"
# "حاجة" (a need, in Arabic) as a phone sends it: UTF-16 big-endian, which fakesmsc takes
# percent-encoded; Twiza answers with its Arabic question, which comes back in UCS-2.
ARABIC_UCS2=$(printf '%s' 'حاجة' | iconv -f UTF-8 -t UTF-16BE | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')
EXPECTED_ARABIC=$(sed -n 's/^sms-need-ask-commune = //p' crates/twiza-i18n/locales/phone/ar.ftl)
[ -n "$EXPECTED_ARABIC" ] || fail "no Arabic question in the phone messages"
"$FAKESMSC" -H 127.0.0.1 -r "$SMSC_PORT" -i 0.1 -m 1 "+212612345679 $SHORT_CODE ucs2 $ARABIC_UCS2" \
  > "$WORK/fakesmsc-ar.out" 2>&1 &
AR_PID=$!
PIDS+=($AR_PID)
answered_in_arabic() { received_texts "$WORK/fakesmsc-ar.out" | grep -qxF -- "$EXPECTED_ARABIC"; }
wait_for 20 "the Arabic reply did not reach fakesmsc (received: $(received_texts "$WORK/fakesmsc-ar.out"))" answered_in_arabic
REPLY_AR=$(received_texts "$WORK/fakesmsc-ar.out" | head -1)
grep -q "+212612345679" "$WORK/twiza.err" && fail "the phone number reached Twiza's log"
echo "   answered in Arabic: $REPLY_AR"
kill "$AR_PID" 2>/dev/null || true

echo "== (b) a delivery code goes out through Kannel with a delivery report"
"$FAKESMSC" -H 127.0.0.1 -r "$SMSC_PORT" -m 0 "0 0 text nothing" > "$WORK/fakesmsc-mt.out" 2>&1 &
PIDS+=($!)
sleep 1
LOGINS="$WORK/data/demo-logins.json"
PASSWORD=$(jq -r '.[] | select(.email == "owner@demo.twiza.ma") | .password' "$LOGINS")
TOKEN=$(curl -sf -X POST "http://127.0.0.1:$TWIZA_PORT/api/v1/tokens" -H 'content-type: application/json' \
  -d "{\"email\": \"owner@demo.twiza.ma\", \"password\": \"$PASSWORD\"}" | jq -r .token)
[ -n "$TOKEN" ] && [ "$TOKEN" != null ] || fail "no API token"
DB="$WORK/data/twiza-demo.db"
# An open need of the demo's incident, and the owner's association's warehouse with blankets.
NEED=$(sqlite3 "$DB" "SELECT id FROM needs WHERE status IN ('reported', 'verified') ORDER BY id LIMIT 1")
INCIDENT=$(sqlite3 "$DB" "SELECT incident_id FROM needs WHERE id = $NEED")
WAREHOUSE=$(sqlite3 "$DB" "SELECT id FROM warehouses WHERE organization_id = 1 ORDER BY id LIMIT 1")
CREATED=$(curl -s -X POST "http://127.0.0.1:$TWIZA_PORT/api/v1/organizations/1/deliveries" \
  -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \
  -d "{\"incident_id\": $INCIDENT, \"need_id\": $NEED, \"warehouse_id\": $WAREHOUSE, \"item\": \"blanket\",
       \"quantity\": 1, \"households\": 1, \"recipient_phone\": \"$PHONE_CODE\"}")
echo "$CREATED" | jq -e '.status == "awaiting_proof"' >/dev/null || fail "delivery not prepared: $CREATED"
wait_for 30 "the delivery code did not arrive at fakesmsc" grep -q "$PHONE_CODE_INTL" "$WORK/fakesmsc-mt.out"
grep "$PHONE_CODE_INTL" "$WORK/fakesmsc-mt.out" | grep -q "[0-9]\{6\}\|%3[0-9]" \
  || fail "the message at fakesmsc carries no code"
echo "   the code arrived at fakesmsc"
wait_for 30 "Twiza recorded no sent message" \
  test "$(sqlite3 "$DB" "SELECT count(*) FROM sms_outbox WHERE state = 'sent' AND gateway = 'kannel'")" = 1
wait_for 30 "no delivery report was recorded" \
  test "$(sqlite3 "$DB" "SELECT count(*) FROM sms_delivery_reports")" -ge 1
sqlite3 "$DB" "SELECT '   report: ' || status || ' (Kannel ' || raw_status || ')' FROM sms_delivery_reports"
echo "== Kannel: ok"
