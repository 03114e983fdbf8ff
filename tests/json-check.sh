#!/bin/sh
# json-check.sh CONC_LINT DIR - the --format json document parses and has
# the documented top-level fields and at least one finding with a file.
set -eu
bin=$1 dir=$2
out=$("$bin" -f json --fail-on none "$dir")
printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["version"] == 1, "version"
assert isinstance(d["findings"], list) and d["findings"], "findings"
f = d["findings"][0]
for k in ("ruleId", "level", "file", "line", "column", "message", "fingerprint"):
    assert k in f, k
print("json ok:", len(d["findings"]), "findings")
'
