#!/bin/sh
# fingerprint-stability.sh CONC_LINT REPO_ROOT - SARIF partialFingerprints
# survive unrelated edits, which is what makes --baseline usable in CI.
#
# Copies testdata/example-server to a temporary directory, writes a.sarif
# (conc-lint -f sarif --fail-on none -p DIR DIR, run from DIR so the source
# root is DIR), then applies three edits cumulatively and after each one
# checks that the multiset of (ruleId, partialFingerprints) equals a.sarif's:
#   1. five blank lines inserted at the top of a file with a finding
#      (its line numbers shift; the test checks that they did);
#   2. the function of a finding in another file reformatted: parameter list
#      split over several lines, the opening brace joined to the header, the
#      body re-indented and a blank line added after every statement (its
#      line and column change; checked too);
#   3. the whole copy moved to a differently named, deeper directory.
# Exit 0 on success, 1 on a difference or a failed run, 77 (skipped) when
# python3 is missing.
set -eu
if [ $# -ne 2 ]; then
    echo "usage: fingerprint-stability.sh CONC_LINT REPO_ROOT" >&2
    exit 2
fi
bin=$1 root=$2
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
if ! command -v python3 >/dev/null 2>&1; then
    echo "python3 not found: skipped"
    exit 77
fi
src=$root/testdata/example-server
[ -f "$src/compile_commands.json" ] || { echo "no example project at '$src'" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dir=$tmp/checkout-a
cp -R "$src" "$dir"

cat >"$tmp/fp.py" <<'EOF'
import json, re, sys

KEY = "concLint/v1"

def results(path):
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    out = []
    for run in log["runs"]:
        for r in run.get("results") or []:
            fp = (r.get("partialFingerprints") or {}).get(KEY)
            if not fp:
                sys.exit("%s: a result of %s has no %s fingerprint" % (path, r.get("ruleId"), KEY))
            loc = r["locations"][0]
            pl = loc["physicalLocation"]
            ll = loc.get("logicalLocations") or [{}]
            out.append({"rule": r["ruleId"], "fp": fp, "uri": pl["artifactLocation"]["uri"],
                        "line": pl["region"]["startLine"],
                        "col": pl["region"].get("startColumn", 0),
                        "func": ll[0].get("name")})
    return out

def ids(rs):
    return sorted((r["rule"], r["fp"]) for r in rs)

def cmd_same(a, b, label):
    ra, rb = results(a), results(b)
    if ids(ra) != ids(rb):
        print("fingerprints changed after %s:" % label)
        print("  before: %s" % ids(ra))
        print("  after:  %s" % ids(rb))
        sys.exit(1)
    print("ok: %d fingerprints unchanged after %s" % (len(ra), label))

def cmd_pick(a):
    """FILE1<TAB>FILE2<TAB>FUNC2: two files with findings, a function of the second."""
    rs = results(a)
    files = sorted({r["uri"] for r in rs})
    if len(rs) < 2 or len(files) < 2:
        sys.exit("%s: need findings in at least two files, got %d in %s" % (a, len(rs), files))
    second = [r for r in rs if r["uri"] == files[1] and r["func"]]
    if not second:
        sys.exit("%s: no function name for the findings in %s" % (a, files[1]))
    print("%s\t%s\t%s" % (files[0], files[1], second[0]["func"]))

def cmd_locs(a, uri):
    print(" ".join("%d:%d" % (r["line"], r["col"])
                   for r in sorted(results(a), key=lambda r: (r["line"], r["col"]))
                   if r["uri"] == uri))

def cmd_reformat(path, func):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    head = None
    for i, l in enumerate(lines):
        if re.match(r"[A-Za-z_].*\b%s\s*\(" % re.escape(func), l) and not l.rstrip().endswith(";"):
            head = i
            break
    if head is None:
        sys.exit("%s: no definition of '%s'" % (path, func))
    h = lines[head]
    if any(t in h for t in ('"', "'", "//", "/*")) or not h.rstrip().endswith(")"):
        sys.exit("%s: header of '%s' is not a simple one-line header: %r" % (path, func, h))
    if lines[head + 1].strip() != "{":
        sys.exit("%s: '%s' does not open its body on the next line" % (path, func))
    end = next((j for j in range(head + 2, len(lines)) if lines[j] == "}"), None)
    if end is None:
        sys.exit("%s: no closing brace of '%s' in column 1" % (path, func))
    # split the parameter list, join the brace to the header
    out = lines[:head] + (h.replace(", ", ",\n        ") + " {").split("\n")
    for l in lines[head + 2:end]:
        out.append(("  " + l) if l.strip() and not l.startswith("#") else l)
        if l.rstrip().endswith(";"):
            out.append("")
    out += lines[end:]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))

cmds = {"same": cmd_same, "pick": cmd_pick, "locs": cmd_locs, "reformat": cmd_reformat}
cmds[sys.argv[1]](*sys.argv[2:])
EOF
fp() { python3 "$tmp/fp.py" "$@"; }

# run DIR OUT: analyze DIR from inside it (the source root is the cwd)
run() {
    if ! (cd "$1" && "$bin" -f sarif --fail-on none -o "$2" -p "$1" "$1"); then
        echo "conc-lint failed on '$1'" >&2
        exit 1
    fi
}

run "$dir" "$tmp/a.sarif"
picked=$(fp pick "$tmp/a.sarif")
file1=$(printf '%s\n' "$picked" | cut -f1)
file2=$(printf '%s\n' "$picked" | cut -f2)
func2=$(printf '%s\n' "$picked" | cut -f3)
locs1=$(fp locs "$tmp/a.sarif" "$file1")
locs2=$(fp locs "$tmp/a.sarif" "$file2")

# 1. five blank lines at the top of file1
{ printf '\n\n\n\n\n'; cat "$dir/$file1"; } >"$tmp/shifted" && mv "$tmp/shifted" "$dir/$file1"
run "$dir" "$tmp/b.sarif"
after1=$(fp locs "$tmp/b.sarif" "$file1")
if [ "$after1" = "$locs1" ]; then
    echo "edit 1 did not move the findings in $file1 ($locs1)" >&2
    exit 1
fi
fp same "$tmp/a.sarif" "$tmp/b.sarif" "5 blank lines at the top of $file1 ($locs1 -> $after1)"

# 2. reformat func2 in file2
fp reformat "$dir/$file2" "$func2"
run "$dir" "$tmp/c.sarif"
after2=$(fp locs "$tmp/c.sarif" "$file2")
if [ "$after2" = "$locs2" ]; then
    echo "edit 2 did not move the findings in $file2 ($locs2)" >&2
    exit 1
fi
fp same "$tmp/a.sarif" "$tmp/c.sarif" "reformatting '$func2' in $file2 ($locs2 -> $after2)"

# 3. move the checkout
mkdir -p "$tmp/moved"
mv "$dir" "$tmp/moved/other-name"
run "$tmp/moved/other-name" "$tmp/d.sarif"
fp same "$tmp/a.sarif" "$tmp/d.sarif" "moving the checkout to moved/other-name"
