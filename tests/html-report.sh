#!/bin/sh
# html-report.sh CONC_LINT REPO - `-f html -o report.html` (issue 14, item 4)
# on a copy of testdata/example-server with one finding suppressed and a
# baseline that knows two findings and one that is gone, checked in a real
# browser: headless Chromium loads the page from file:// and its DOM, after
# the page's script ran, must show
#   1. the findings grouped by rule and file, with source excerpts, thread
#      flows side by side (a column per thread), baseline states (new,
#      unchanged, absent) and the suppression with its reason;
#   2. the filter: "4 of 5 findings shown" (the suppressed one hidden), and
#      "#rule=CL001" in the URL narrows it to "1 of 5";
# 3. the file is self-contained: no http(s) URL, no src=, href= other than
#    "#...", url( or @import;
# 4. a screenshot is taken ($CL_HTML_SCREENSHOT: where to keep a copy).
# Without chromium the test is skipped (exit 77), except in CI (CI=true).
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
repo=$(cd "$2" && pwd)
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$chrome" ]; then
    echo "SKIP: chromium not found (scripts/setup.sh installs Debian's chromium)"
    [ "${CI:-}" = true ] && exit 1
    exit 77
fi
tmp=$(mktemp -d)
# Chromium makes its singleton socket under $TMPDIR, and a socket path has at
# most 107 bytes: the per-test TMPDIR (tests/CMakeLists.txt) may be longer.
ctmp=$(mktemp -d /tmp/cl-chrome.XXXXXX)
trap 'rm -rf "$tmp" "$ctmp"' EXIT
fail() { echo "html-report: $*" >&2; exit 1; }

cp -r "$repo/testdata/example-server" "$tmp/src"
cd "$tmp/src"
lint() { "$bin" --no-cache --fail-on none "$@" . 2> /dev/null; }
# baseline: today's findings minus CL003, plus one that is gone
lint -f sarif -o "$tmp/base.sarif"
python3 - "$tmp/base.sarif" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
res = log["runs"][0]["results"]
gone = dict(res[0]); gone["partialFingerprints"] = {"concLint/v1": "00000000deadbeef"}
gone["message"] = {"text": "an old race that was fixed."}
log["runs"][0]["results"] = [r for r in res if r["ruleId"] != "CL003"] + [gone]
json.dump(log, open(sys.argv[1], "w"))
PY
sed -i 's|^\(\s*\)stats.bytes_in += n; // expect: CL002|\1// conc-lint-ignore-next-line: CL002 -- approximate counter\n\1stats.bytes_in += n;|' stats.c
grep -q 'approximate counter' stats.c || fail "could not add the suppression"
lint -f html --baseline "$tmp/base.sarif" -o "$tmp/report.html"

if grep -Eiq 'https?://|src=|url\(|@import' "$tmp/report.html" ||
   grep -Eo 'href="[^"]*"' "$tmp/report.html" | grep -vq 'href="#'; then
    fail "the page refers to something outside itself"
fi
echo "3. self-contained: no URL, no src=, no external href, url( or @import"

export HOME="$tmp/home"
mkdir -p "$HOME"
browse() { # browse URL ARGS... - headless Chromium, quiet
    url=$1
    shift
    TMPDIR="$ctmp" "$chrome" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$tmp/profile" \
        "$@" "$url" 2> "$tmp/chrome.err"
}
browse "file://$tmp/report.html" --dump-dom > "$tmp/dom.html" || { cat "$tmp/chrome.err" >&2; fail "chromium failed"; }
python3 - "$tmp/dom.html" <<'PY'
import re, sys
dom = open(sys.argv[1]).read()
def fail(m): sys.exit("html-report: " + m)
def need(pat, what):
    if not re.search(pat, dom, re.S): fail("the rendered page lacks " + what)
need(r'id="shown">4 of 5 findings shown<', "'4 of 5 findings shown' (the script did not run?)")
for rule in ("CL001", "CL002", "CL003", "CL004"):
    need(r'<section class="rule( hidden)?" data-rule="%s">' % rule, "the section of " + rule)
need(r'<section class="rule hidden" data-rule="CL002">', "CL002 hidden (its one finding is suppressed)")
need(r'<div class="file( hidden)?"><h3>stats\.c</h3>', "the file group stats.c")
need(r'<tr class="hit"><td class="ln">57</td><td><code>\s*if \(pthread_create', "a source excerpt")
flows = re.findall(r'<div class="flows" style="grid-template-columns: repeat\((\d+), 1fr\)">', dom)
if not flows or max(int(n) for n in flows) < 2: fail("no thread flows side by side")
need(r'<div class="thread"><h5>thread .conn_main', "a thread column")
need(r'class="badge new">new<', "a 'new' badge")
need(r'class="badge unchanged">unchanged<', "an 'unchanged' badge")
need(r'<article class="finding warning hidden" data-rule="CL002" data-level="warning" data-suppressed="1">', "the suppressed finding, hidden")
need(r'suppressed in the source: approximate counter', "the suppression reason")
need(r'Fixed since the baseline.*an old race that was fixed', "the absent baseline result")
print("1. rendered: 4 rule sections, file groups, excerpts, %d-column thread flows, baseline and suppression shown" % max(int(n) for n in flows))
PY
browse "file://$tmp/report.html#rule=CL001" --dump-dom > "$tmp/dom1.html"
grep -q 'id="shown">1 of 5 findings shown<' "$tmp/dom1.html" || fail "#rule=CL001 does not filter to 1 of 5"
browse "file://$tmp/report.html#level=error" --dump-dom > "$tmp/dom2.html"
grep -q 'id="shown">0 of 5 findings shown<' "$tmp/dom2.html" || fail "#level=error does not filter to 0 of 5"
echo "2. filters: 3 of 4 shown by default, 1 of 5 for #rule=CL001, 0 of 5 for #level=error"

browse "file://$tmp/report.html" --window-size=1400,1800 --screenshot="$tmp/report.png" > /dev/null
[ -s "$tmp/report.png" ] || fail "no screenshot"
[ -z "${CL_HTML_SCREENSHOT:-}" ] || cp "$tmp/report.png" "$CL_HTML_SCREENSHOT"
echo "4. screenshot taken ($(wc -c < "$tmp/report.png") bytes)"
