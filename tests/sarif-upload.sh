#!/bin/sh
# sarif-upload.sh CONC_LINT REPO SARIF_TOOL_DIR - the SARIF GitHub code
# scanning reads (issue 14, item 3), on a copy of testdata/example-server
# with one finding suppressed, a .conc-lint.json that raises CL001 to error
# and turns CL003 off, and a baseline holding a finding that is gone:
#   1. -f sarif keeps the suppressed result (with `suppressions`) and the
#      absent ones (baselineState absent);
#   2. -f sarif-upload drops both and keeps everything else;
#   3. both logs carry automationDetails.id, tool.driver.fullName, per rule
#      helpUri, precision, security-severity, a "security" tag and CWE tags
#      (external/cwe/cwe-N), ruleConfigurationOverrides for the config's
#      levels, regions with endLine/endColumn, and result messages that link
#      each related location ("[...](N)" with N a relatedLocations id);
#   4. the upload log passes the SARIF multitool with its default rules and
#      with the GitHub ingestion rules (--rule-kind "Sarif;Gh;Ghas").
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
repo=$(cd "$2" && pwd)
tooldir=$(mkdir -p "$3" && cd "$3" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "sarif-upload: $*" >&2; exit 1; }

cp -r "$repo/testdata/example-server" "$tmp/src"
cd "$tmp/src"
# a file with a race, present for the baseline only
cat > gone.c <<'C'
#include <pthread.h>
static int hits;
static void *bump(void *arg) { (void)arg; hits++; return NULL; }
int gone_main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, bump, NULL);
    hits++;
    pthread_join(t, NULL);
    return hits;
}
C
python3 - <<'PY'
import json
db = json.load(open("compile_commands.json"))
db.append({"directory": ".", "file": "gone.c", "arguments": ["cc", "-c", "-pthread", "gone.c"]})
json.dump(db, open("compile_commands.json", "w"))
PY
lint() { "$bin" --no-cache --fail-on none "$@"; }
lint -f sarif -o "$tmp/base.sarif" . 2> /dev/null
rm gone.c
cp "$repo/testdata/example-server/compile_commands.json" .
printf '{ "rules": { "CL001": "error", "CL003": "off" } }\n' > .conc-lint.json
# suppress the first CL002 finding
line=$(lint -f json . 2> /dev/null | python3 -c '
import json, sys
f = [f for f in json.load(sys.stdin)["findings"] if f["ruleId"] == "CL002"][0]
print(f["file"] + ":" + str(f["line"]))')
python3 - "$line" <<'PY'
import sys
path, n = sys.argv[1].rsplit(":", 1)
lines = open(path).read().split("\n")
lines.insert(int(n) - 1, "// conc-lint-ignore-next-line: CL002 -- test")
open(path, "w").write("\n".join(lines))
PY

lint -f sarif --baseline "$tmp/base.sarif" -o "$tmp/full.sarif" . 2> /dev/null
lint -f sarif-upload --baseline "$tmp/base.sarif" -o "$tmp/upload.sarif" . 2> /dev/null
python3 - "$tmp/full.sarif" "$tmp/upload.sarif" <<'PY'
import json, re, sys
full, up = (json.load(open(p))["runs"][0] for p in sys.argv[1:3])
def fail(msg):
    sys.exit("sarif-upload: " + msg)
sup = [r for r in full["results"] if r.get("suppressions")]
absent = [r for r in full["results"] if r.get("baselineState") == "absent"]
if len(sup) != 1: fail("-f sarif: %d suppressed results, expected 1" % len(sup))
# absent: gone.c's race (its gone_main, which nothing calls, is walked as
# an entry point) and main.c's CL003, which the config turns off
gone = sorted(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] + ":" + r["ruleId"]
              for r in absent)
if gone != ["gone.c:CL002", "main.c:CL003"]:
    fail("-f sarif: absent results %s, expected gone.c's CL002 and main.c's CL003" % gone)
print("1. -f sarif: 1 suppressed and 2 absent results among %d" % len(full["results"]))
if any(r.get("suppressions") or r.get("baselineState") == "absent" for r in up["results"]):
    fail("-f sarif-upload has a suppressed or absent result")
if len(up["results"]) != len(full["results"]) - 3:
    fail("-f sarif-upload has %d results, expected %d" % (len(up["results"]), len(full["results"]) - 3))
if any(r["ruleId"] == "CL003" for r in up["results"]): fail("CL003 is off but reported")
print("2. -f sarif-upload: %d results, none suppressed or absent" % len(up["results"]))
for run in (full, up):
    if run.get("automationDetails", {}).get("id") != "conc-lint/": fail("automationDetails.id")
    d = run["tool"]["driver"]
    if not d.get("fullName", "").startswith("conc-lint "): fail("tool.driver.fullName")
    for rule in d["rules"]:
        p = rule.get("properties", {})
        if not rule.get("helpUri", "").endswith("/docs/rules.md"): fail(rule["id"] + ": helpUri")
        if p.get("precision") not in ("very-high", "high", "medium", "low"): fail(rule["id"] + ": precision")
        if not re.fullmatch(r"\d+\.\d", p.get("security-severity", "")): fail(rule["id"] + ": security-severity")
        if "security" not in p["tags"] or not any(re.fullmatch(r"external/cwe/cwe-\d+", t) for t in p["tags"]):
            fail(rule["id"] + ": security and CWE tags")
    cwe = {r["id"]: [t for t in r["properties"]["tags"] if t.startswith("external/cwe/")] for r in d["rules"]}
    if "external/cwe/cwe-362" not in cwe["CL002"]: fail("CL002 is not CWE-362")
    if "external/cwe/cwe-400" not in cwe["CL001"]: fail("CL001 is not CWE-400")
    ov = {o["descriptor"]["id"]: o["configuration"] for o in run["invocations"][0]["ruleConfigurationOverrides"]}
    if ov != {"CL001": {"level": "error"}, "CL003": {"enabled": False}}: fail("ruleConfigurationOverrides: %r" % ov)
    for o in run["invocations"][0]["ruleConfigurationOverrides"]:
        if d["rules"][o["descriptor"]["index"]]["id"] != o["descriptor"]["id"]: fail("override index")
    linked = 0
    for r in run["results"]:
        if r.get("baselineState") == "absent": continue
        reg = r["locations"][0]["physicalLocation"]["region"]
        if reg.get("endLine") != reg["startLine"] or reg.get("endColumn", 0) <= reg["startColumn"]:
            fail("region without a proper end: %r" % reg)
        ids = [rl["id"] for rl in r.get("relatedLocations", [])]
        links = [int(n) for n in re.findall(r"\]\((\d+)\)", r["message"]["text"])]
        if sorted(links) != sorted(ids): fail("message links %r, related ids %r" % (links, ids))
        linked += len(links)
    if linked == 0: fail("no message links a related location")
print("3. automationDetails, fullName, helpUri, precision, security-severity, CWE tags,")
print("   overrides (CL001 error, CL003 off), region ends, %d message links" % linked)
PY
if [ -d "$tooldir" ] || command -v npm > /dev/null 2>&1; then
    sh "$repo/tests/sarif-validate.sh" "$tmp/upload.sarif" "$tooldir" ||
        fail "the upload log fails the multitool's default rules"
    sh "$repo/tests/sarif-validate.sh" "$tmp/upload.sarif" "$tooldir" "Sarif;Gh;Ghas" ||
        fail "the upload log fails the multitool's Gh;Ghas rules"
    sh "$repo/tests/sarif-validate.sh" "$tmp/full.sarif" "$tooldir" "Sarif;Gh;Ghas" ||
        fail "the full log fails the multitool's Gh;Ghas rules"
    echo "4. the multitool: default and Sarif;Gh;Ghas rules pass"
fi
