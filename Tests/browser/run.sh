#!/usr/bin/env bash
# Browser test of `mcred serve`: headless Chromium (Debian's chromium + chromium-driver, Python
# selenium) chooses and drops a good credential, a printable page, a tampered credential and one
# whose fields carry markup, and a presentation made for a challenge from the page, and reads the
# verdict the page shows. Saves a screenshot.
# Skipped, with a message, when Chromium or selenium cannot be installed. Bounded to 3 minutes.
#
# Usage: Tests/browser/run.sh [SCREENSHOT.png]   (run from anywhere; needs a built mcred)
set -uo pipefail
cd "$(dirname "$0")/../.."
screenshot="${1:-}"

skip() { echo "browser test skipped: $*"; exit 0; }

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        timeout 600 apt-get install -y chromium chromium-driver >/dev/null 2>&1 \
            || { timeout 300 apt-get update -y >/dev/null 2>&1 && timeout 600 apt-get install -y chromium chromium-driver >/dev/null 2>&1; } \
            || skip "chromium and chromium-driver could not be installed"
    else
        skip "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"
    fi
fi
if ! python3 -c 'import selenium' >/dev/null 2>&1; then
    timeout 300 python3 -m pip install --quiet selenium >/dev/null 2>&1 || skip "Python selenium could not be installed"
fi

bin="$(swift build --show-bin-path 2>/dev/null)/mcred"
[ -x "$bin" ] || { echo "browser test: build mcred first (swift build)" >&2; exit 1; }

work="$(mktemp -d)"
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
[ -n "$screenshot" ] || screenshot="$work/verifier-page.png"

# The files a person would drop.
cp spec/examples/construction.signed.json "$work/construction.vc.json"
"$bin" render spec/examples/agri-food.signed.json --out "$work/agri-food.html" 2>/dev/null || { echo "render failed" >&2; exit 1; }
sed 's/"ectsCredits": 2.5/"ectsCredits": 12.5/' spec/examples/construction.signed.json > "$work/tampered.vc.json"
python3 - "$work/injected.json" <<'PY' || exit 1
import json, sys
payload = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
with open("spec/examples/construction.signed.json") as f:
    document = json.load(f)
document["credentialSubject"]["name"] += payload
document["credentialSubject"]["achievement"]["name"] += payload
document["issuer"]["name"] += payload
with open(sys.argv[1], "w") as f:
    json.dump(document, f)
PY

"$bin" serve --port 0 2>"$work/serve.log" &
server=$!
port=""
for _ in $(seq 1 100); do
    port=$(sed -n 's|^Verifier page: http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { echo "mcred serve did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }

timeout 180 python3 Tests/browser/verifier_page.py "http://127.0.0.1:$port/" \
    "$work/construction.vc.json" "$work/agri-food.html" "$work/tampered.vc.json" "$work/injected.json" "$screenshot" \
    "$bin" "$work"
status=$?
echo "access log of the run:"
sed 's/^/  /' "$work/serve.log"
[ $status -eq 0 ] && [ "$screenshot" != "$work/verifier-page.png" ] && echo "screenshot: $screenshot"
exit $status
