#!/bin/sh
# sarif-validate.sh - validate a SARIF log with the official SARIF validator
# (npm package @microsoft/sarif-multitool) and fail on any error or warning.
#
#   tests/sarif-validate.sh FILE.sarif [TOOL_DIR] [RULE_KINDS]
#
# RULE_KINDS is the validator's --rule-kind list, e.g. "Sarif;Gh;Ghas" (the
# SARIF rules plus GitHub's and GitHub Advanced Security's ingestion rules);
# by default the validator's own default set runs.
# TOOL_DIR (default: $CL_SARIF_TOOL_DIR, else ./sarif-tool) holds the npm
# install; the tool is installed there with `npm install --prefix` when it is
# missing. $SARIF_MULTITOOL may name an already installed Sarif.Multitool
# binary instead.
#
# Exit status: 0 valid (notes are allowed: they are suggestions such as
# "provide code snippets"); 1 errors or warnings (listed on stderr) or the
# validator failed; 77 the validator cannot be installed here (ctest SKIP).
set -u

# In CI a missing validator is a failure, not a skip.
skip() {
    if [ "${CI:-}" = true ]; then
        echo "sarif-validate: the validator is required in CI" >&2
        exit 1
    fi
    exit 77
}

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
    echo "usage: sarif-validate.sh FILE.sarif [TOOL_DIR] [RULE_KINDS]" >&2
    exit 1
fi
sarif=$1
tooldir=${2:-${CL_SARIF_TOOL_DIR:-./sarif-tool}}
kinds=${3:-}

if [ ! -f "$sarif" ]; then
    echo "sarif-validate: no such file '$sarif'" >&2
    exit 1
fi
if ! command -v node >/dev/null 2>&1; then
    echo "sarif-validate: skipped: 'node' not found" >&2
    skip
fi

tool=${SARIF_MULTITOOL:-}
if [ -z "$tool" ]; then
    pkg="$tooldir/node_modules/@microsoft/sarif-multitool"
    if [ ! -f "$pkg/package.json" ]; then
        if ! command -v npm >/dev/null 2>&1; then
            echo "sarif-validate: skipped: 'npm' not found" >&2
            skip
        fi
        mkdir -p "$tooldir" || exit 1
        echo "sarif-validate: installing @microsoft/sarif-multitool into '$tooldir'" >&2
        if ! npm install --prefix "$tooldir" --no-audit --no-fund \
                @microsoft/sarif-multitool >"$tooldir/npm-install.log" 2>&1; then
            echo "sarif-validate: skipped: npm install failed (see '$tooldir/npm-install.log')" >&2
            skip
        fi
    fi
    # The package's index.js names the platform's binary.
    tool=$(cd "$pkg" && node -e 'process.stdout.write(require("./"))') || tool=
    if [ -z "$tool" ] || [ ! -f "$tool" ]; then
        echo "sarif-validate: skipped: no Sarif.Multitool binary for this platform" >&2
        skip
    fi
    # npm may not run the package's postinstall script that does this.
    chmod u+x "$tool" 2>/dev/null
fi

outdir=$(mktemp -d "${TMPDIR:-/tmp}/sarif-validate.XXXXXX") || exit 1
trap 'rm -rf "$outdir"' EXIT INT TERM
log="$outdir/validation.sarif"

set -- validate "$sarif" --output "$log" --log ForceOverwrite
[ -z "$kinds" ] || set -- "$@" --rule-kind "$kinds"
if ! "$tool" "$@" >"$outdir/stdout" 2>&1; then
    echo "sarif-validate: the validator failed:" >&2
    cat "$outdir/stdout" >&2
    exit 1
fi
if [ ! -s "$log" ]; then
    echo "sarif-validate: the validator wrote no log:" >&2
    cat "$outdir/stdout" >&2
    exit 1
fi

# The validator's own log is SARIF: count its results at level error or
# warning (a result without "level" is a warning), and its own failures.
node - "$log" <<'EOF'
const fs = require("fs");
const log = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
let bad = 0, notes = 0;
for (const run of log.runs || []) {
    for (const r of run.results || []) {
        const level = r.level || "warning";
        const msg = r.message || {};
        const text = msg.text || (msg.arguments || []).join(": ");
        if (level === "error" || level === "warning") {
            bad++;
            console.error(`${level} ${r.ruleId}: ${text}`);
        } else {
            notes++;
        }
    }
    for (const inv of run.invocations || []) {
        if (inv.executionSuccessful === false) {
            bad++;
            console.error("the validator reports an unsuccessful execution");
        }
        for (const n of (inv.toolExecutionNotifications || []).concat(inv.toolConfigurationNotifications || [])) {
            if ((n.level || "warning") !== "note") {
                bad++;
                console.error(`validator ${n.level || "warning"}: ${(n.message || {}).text}`);
            }
        }
    }
}
console.log(`sarif-validate: ${bad} errors/warnings, ${notes} notes`);
process.exit(bad ? 1 : 0);
EOF
