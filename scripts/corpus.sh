#!/usr/bin/env bash
# Trial conc-lint on a real Debian source package.
#
#   scripts/corpus.sh PKG
#   scripts/corpus.sh --all [PKG...]
#
# Fetches the source of PKG (apt-get source), installs its build dependencies,
# configures and builds it under bear to get compile_commands.json, then
# measures in one run, with the same -j:
#   (a) wall time of  conc-lint -p DIR -j N --no-cache -f sarif -o OUT DIR (cold)
#   (b) wall time of  clang-19 -fsyntax-only  over the same TUs, same args
#   (c) the ratio, the number of TUs, lines of C, findings per rule, conc-lint's
#       exit status and peak RSS, the TUs it skipped at a per-TU limit, as
#       generated or as not C, and its thread walks truncated (--stats).
#
# --all runs that for each PKG (default: $CORPUS_PACKAGES, else the packages
# that already have a work dir under $CORPUS_DIR), goes on when one fails, and
# prints one table (also $CORPUS_DIR/reliability.txt): TUs, lines of C, exit
# status, wall time against the parse floor, peak memory, TUs skipped at a
# limit, TUs skipped as generated, thread walks truncated (step budget or call
# depth), findings per rule. A reliability run: no crash (exit >= 2), no hang,
# no TU cut off.
#
# Runs as root (apt-get). Nothing is written inside the repository: the work
# dir is $CORPUS_DIR/PKG (default /tmp/conc-lint-corpus/PKG). Re-runs skip the
# fetch and build when they are already done (delete the work dir to redo).
#
# Environment:
#   CORPUS_DIR      root of the work dirs (default /tmp/conc-lint-corpus)
#   JOBS            parallel jobs for make, conc-lint and the baseline (default nproc)
#   RUNS            timed runs of each side, median reported (default 3)
#   CONC_LINT       conc-lint binary (default: build/conc-lint, built if needed)
#   CLANG           baseline compiler (default clang-19)
#   CONFIGURE_ARGS  extra arguments for ./configure or cmake (after the package's own)
#   MAKEFLAGS       passed to make as usual (the package's own come first)
#
# Package-specific build settings (package_build_settings below), each taken
# from the package's debian/rules where a plain build does not work:
#   redis     MAKEFLAGS USE_SYSTEM_JEMALLOC=yes USE_JEMALLOC=yes (Debian drops
#             the vendored jemalloc; a plain make fails to link)
#   civetweb  cmake -DCIVETWEB_BUILD_TESTING=OFF (the unit tests download the
#             check framework at build time, which fails offline), plus
#             Debian's -DCIVETWEB_ENABLE_CXX=ON -DCIVETWEB_ENABLE_WEBSOCKETS=ON
#   curl      --with-openssl (configure stops unless a TLS backend is named;
#             Debian builds the OpenSSL flavour among others)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

die() { echo "corpus: error: $*" >&2; exit 1; }
log() { echo "corpus: $*" >&2; }

if [[ "${1:-}" == --all ]]; then
  shift
  root="${CORPUS_DIR:-/tmp/conc-lint-corpus}"
  pkgs=("$@")
  [[ ${#pkgs[@]} -gt 0 ]] || read -r -a pkgs <<< "${CORPUS_PACKAGES:-}"
  if [[ ${#pkgs[@]} -eq 0 && -d "$root" ]]; then
    mapfile -t pkgs < <(find "$root" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
  fi
  [[ ${#pkgs[@]} -gt 0 ]] || die "--all: no packages (name them, or set CORPUS_PACKAGES)"
  failed=0
  for p in "${pkgs[@]}"; do
    "$0" "$p" || { failed=$((failed + 1)); log "$p failed; going on"; }
  done
  python3 - "$root" "${pkgs[@]}" <<'PY' | tee "$root/reliability.txt"
import os, re, sys
root, pkgs = sys.argv[1], sys.argv[2:]
rows, rules = [], set()
for p in pkgs:
    f = os.path.join(root, p, "results.txt")
    if not os.path.exists(f):
        rows.append((p, {}, {}))
        continue
    kv, counts = {}, {}
    for line in open(f):
        m = re.match(r"\s*(\S.*?)\s{2,}(.*)$", line.rstrip("\n"))
        if m:
            kv[m.group(1).strip()] = m.group(2)
            if line.startswith("  CL"):
                counts[m.group(1).strip()] = m.group(2)
                rules.add(m.group(1).strip())
    rows.append((p, kv, counts))
rules = sorted(rules)
head = ["package", "TUs", "lines of C", "exit", "conc-lint s", "floor s", "ratio", "peak MB",
        "TUs cut at a limit", "generated skipped", "walks truncated"] + rules
print("| " + " | ".join(head) + " |")
print("|" + "---|" * len(head))
for p, kv, counts in rows:
    if not kv:
        print("| " + " | ".join([p, "failed"] + [""] * (len(head) - 2)) + " |")
        continue
    cl = re.match(r"([\d.]+) s .*exit (\d+)", kv.get("conc-lint -f sarif", ""))
    fl = re.match(r"([\d.]+) s", kv.get("clang-19 -fsyntax-only", ""))
    ratio = kv.get("ratio conc-lint / parse", "").split(" ")[0]
    cells = [p, kv.get("TUs (distinct .c files)", "?").split(" ")[0], kv.get("lines of C (those TUs)", "?"),
             cl.group(2) if cl else "?", cl.group(1) if cl else "?", fl.group(1) if fl else "?",
             ratio, kv.get("conc-lint peak RSS MB", "?").split(" ")[0], kv.get("TUs skipped at a limit", "?"),
             kv.get("TUs skipped as generated", "?"), kv.get("thread walks truncated", "?")]
    cells += [counts.get(r, "0") for r in rules]
    print("| " + " | ".join(cells) + " |")
PY
  [[ $failed -eq 0 ]] || die "--all: $failed of ${#pkgs[@]} packages failed (see above)"
  exit 0
fi
[[ $# -eq 1 && -n "$1" && "$1" != -* ]] || { echo "usage: scripts/corpus.sh PKG | --all [PKG...]" >&2; exit 2; }
PKG="$1"
[[ "$PKG" =~ ^[a-z0-9][a-z0-9.+-]+$ ]] || die "'$PKG' is not a Debian package name"

JOBS="${JOBS:-$(nproc)}"
RUNS="${RUNS:-3}"
CLANG="${CLANG:-clang-19}"
CORPUS_ROOT="${CORPUS_DIR:-/tmp/conc-lint-corpus}"
mkdir -p "$CORPUS_ROOT"
CORPUS_ROOT="$(cd "$CORPUS_ROOT" && pwd -P)"
case "$CORPUS_ROOT/" in
  "$(cd "$REPO" && pwd -P)/"*) die "CORPUS_DIR ($CORPUS_ROOT) is inside the repository; use a directory outside it" ;;
esac
WORK="$CORPUS_ROOT/$PKG"
SRC_PARENT="$WORK/src"
export DEBIAN_FRONTEND=noninteractive

apt_install() {
  # apt_install PKG...: install the packages that dpkg does not report installed.
  local missing=() p
  for p in "$@"; do
    [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" == "install ok installed" ]] || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  [[ $EUID -eq 0 ]] || die "need root to install: ${missing[*]}"
  log "installing ${missing[*]}"
  apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null || die "apt-get update failed"
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

# --- deb-src entry mirroring debian.sources ------------------------------------
ensure_deb_src() {
  local main=/etc/apt/sources.list.d/debian.sources
  local ours=/etc/apt/sources.list.d/conc-lint-src.sources
  [[ -r "$main" ]] || die "$main not found: cannot derive a deb-src entry (add one by hand)"
  local want
  # Every stanza whose Types include "deb" becomes a deb-src stanza with the same
  # URIs, Suites, Components and Signed-By (so security updates' sources come too).
  want="$(awk '
    BEGIN { RS = ""; FS = "\n"; n = 0 }
    {
      types = ""; uris = ""; suites = ""; comps = ""; signed = ""
      for (i = 1; i <= NF; i++) {
        line = $i
        if (line ~ /^[ \t]*#/) continue
        k = line; sub(/:.*/, "", k)
        v = line; sub(/^[^:]*:[ \t]*/, "", v)
        if (k == "Types") types = v
        else if (k == "URIs") uris = v
        else if (k == "Suites") suites = v
        else if (k == "Components") comps = v
        else if (k == "Signed-By") signed = v
      }
      if (uris == "" || suites == "" || (" " types " ") !~ / deb /) next
      if (n++) print ""
      print "Types: deb-src"
      print "URIs: " uris
      print "Suites: " suites
      if (comps != "") print "Components: " comps
      if (signed != "") print "Signed-By: " signed
    }' "$main")"
  [[ -n "$want" ]] || die "no deb entry with URIs and Suites found in $main"
  want="# Written by conc-lint scripts/corpus.sh: source entries mirroring debian.sources.
$want"
  if [[ -f "$ours" && "$(cat "$ours")" == "$want" ]]; then
    return 1   # unchanged
  fi
  [[ $EUID -eq 0 ]] || die "need root to write $ours"
  printf '%s\n' "$want" > "$ours"
  log "wrote $ours"
  return 0     # changed
}

source_dir() {
  # The one directory apt-get source unpacked under $SRC_PARENT.
  local d
  d="$(find "$SRC_PARENT" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort | head -n 1)"
  [[ -n "$d" ]] && printf '%s\n' "$d"
}

# --- fetch ------------------------------------------------------------------
mkdir -p "$WORK"
SRC="$(source_dir || true)"
if [[ -z "$SRC" ]]; then
  apt_install dpkg-dev
  changed=0
  ensure_deb_src && changed=1
  if [[ $changed -eq 1 ]] || ! apt-get source --print-uris "$PKG" >/dev/null 2>&1; then
    log "apt-get update"
    apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null || die "apt-get update failed (network?)"
  fi
  log "fetching source of $PKG into $SRC_PARENT"
  rm -rf "$SRC_PARENT"; : > "$WORK/fetch.log"
  t0=$(date +%s)
  # The candidate first; when its files are gone from the mirror (seen: a
  # security update's source 404s while the index still lists it), the other
  # versions apt knows, newest first.
  fetched=0
  for spec in "$PKG" $(apt-cache showsrc "$PKG" 2>/dev/null | sed -n 's/^Version: //p' | sort -urV | sed "s/^/$PKG=/"); do
    rm -rf "$SRC_PARENT.tmp"; mkdir -p "$SRC_PARENT.tmp"
    if (cd "$SRC_PARENT.tmp" && apt-get source -q "$spec" >>"$WORK/fetch.log" 2>&1); then
      fetched=1; break
    fi
    log "apt-get source $spec failed; trying an older version"
  done
  [[ $fetched -eq 1 ]] \
    || { tail -n 20 "$WORK/fetch.log" >&2; rm -rf "$SRC_PARENT.tmp"; die "apt-get source $PKG failed for every version (log: $WORK/fetch.log)"; }
  mv "$SRC_PARENT.tmp" "$SRC_PARENT"
  log "fetched in $(( $(date +%s) - t0 ))s"
  SRC="$(source_dir)" || die "apt-get source unpacked nothing for $PKG"
fi
log "source: $SRC"

# --- build-deps, configure, build under bear ---------------------------------------
package_build_settings() {
  # pkg_args (configure or cmake arguments) and pkg_makeflags that PKG needs to
  # build here; see the header for where each comes from.
  pkg_args=(); pkg_makeflags=""
  case "$PKG" in
    redis) pkg_makeflags="USE_SYSTEM_JEMALLOC=yes USE_JEMALLOC=yes" ;;
    civetweb) pkg_args=(-DCIVETWEB_BUILD_TESTING=OFF -DCIVETWEB_ENABLE_CXX=ON -DCIVETWEB_ENABLE_WEBSOCKETS=ON) ;;
    curl) pkg_args=(--with-openssl) ;;
  esac
}
DB="$SRC/compile_commands.json"
if [[ ! -s "$DB" ]] || ! grep -q '"file"' "$DB"; then
  apt_install bear python3
  log "installing build dependencies of $PKG"
  apt-get -o DPkg::Lock::Timeout=600 build-dep -y -q "$PKG" >"$WORK/build-dep.log" 2>&1 \
    || { apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null 2>&1 && apt-get -o DPkg::Lock::Timeout=600 build-dep -y -q "$PKG" >"$WORK/build-dep.log" 2>&1; } \
    || { tail -n 20 "$WORK/build-dep.log" >&2; die "apt-get build-dep $PKG failed (log: $WORK/build-dep.log)"; }
  t0=$(date +%s)
  package_build_settings
  read -r -a user_args <<< "${CONFIGURE_ARGS:-}"
  extra=("${pkg_args[@]}" "${user_args[@]}")
  export MAKEFLAGS="${pkg_makeflags}${pkg_makeflags:+${MAKEFLAGS:+ }}${MAKEFLAGS:-}"
  (
    cd "$SRC" || exit 1
    if [[ -f CMakeLists.txt && ! -f configure.ac && ! -f configure.in && ! -x configure ]]; then
      log "configuring with cmake"
      cmake -S . -B _conc_lint_build "${extra[@]}" >"$WORK/configure.log" 2>&1 || exit 1
      log "building under bear (make -j$JOBS)"
      make -C _conc_lint_build clean >/dev/null 2>&1 || true   # bear records only what is compiled
      bear --output "$DB.tmp" -- make -C _conc_lint_build -j"$JOBS" >"$WORK/build.log" 2>&1 || exit 1
    else
      if [[ ! -x configure && ( -f configure.ac || -f configure.in ) ]]; then
        apt_install autoconf automake libtool
        log "autoreconf"
        autoreconf -fi >"$WORK/configure.log" 2>&1 || exit 1
      fi
      if [[ -x configure ]]; then
        log "configuring with ./configure"
        ./configure "${extra[@]}" >>"$WORK/configure.log" 2>&1 || exit 1
      fi
      if [[ ! -f Makefile && ! -f makefile && ! -f GNUmakefile ]]; then
        echo "corpus: error: no Makefile after configure in $SRC" >&2
        exit 1
      fi
      log "building under bear (make -j$JOBS)"
      make clean >/dev/null 2>&1 || true   # bear records only what is compiled
      bear --output "$DB.tmp" -- make -j"$JOBS" >"$WORK/build.log" 2>&1 || exit 1
    fi
  ) || {
    # >&2 before 2>/dev/null, and || true: the last lines must reach stderr even
    # when build.log does not exist yet (configure failed), and under set -e a
    # failing tail would end the script before die says what failed.
    tail -n 30 "$WORK"/build.log "$WORK"/configure.log >&2 2>/dev/null || true
    die "configure/build of $PKG failed (logs in $WORK)"
  }
  # Only a complete build yields the compile DB, so a failed one is redone on re-run.
  mv "$DB.tmp" "$DB"
  if [[ ! -s "$DB" ]] || ! grep -q '"file"' "$DB"; then
    die "bear produced no compile commands ($DB)"
  fi
  log "configured and built in $(( $(date +%s) - t0 ))s"
fi

# --- measure -------------------------------------------------------------------
command -v python3 >/dev/null || apt_install python3
command -v "$CLANG" >/dev/null || die "$CLANG not found (run scripts/setup.sh)"
if [[ -n "${CONC_LINT:-}" ]]; then
  [[ -x "$CONC_LINT" ]] || die "CONC_LINT=$CONC_LINT is not an executable"
else
  "$REPO/scripts/build.sh" >&2 || die "scripts/build.sh failed: cannot measure"
  CONC_LINT="$REPO/build/conc-lint"
fi

OUT="$WORK/out"
mkdir -p "$OUT"
# One shell command per C TU for the baseline (cd DIR && clang -fsyntax-only ARGS),
# plus the list of the TUs' source files.
python3 "$REPO/scripts/syntax-jobs.py" "$DB" "$CLANG" "$OUT/baseline.jobs" "$OUT/tus.txt"
NTU=$(wc -l < "$OUT/tus.txt")
[[ $NTU -gt 0 ]] || die "no C translation units in $DB"
NENTRIES=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$DB")
LOC=$(tr '\n' '\0' < "$OUT/tus.txt" | xargs -0 cat | wc -l)

now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print('%.3f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$1" "$2"; }
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

run_baseline() {
  local rc=0
  tr '\n' '\0' < "$OUT/baseline.jobs" | xargs -0 -P "$JOBS" -n 1 bash -c >"$OUT/baseline.log" 2>&1 || rc=$?
  BASE_RC=$rc
}
run_conclint() {
  local rc=0
  /usr/bin/time -f %M -o "$OUT/cl.mem" \
    "$CONC_LINT" -p "$SRC" -j "$JOBS" --no-cache --stats -f sarif -o "$OUT/out.sarif" "$SRC" >"$OUT/conc-lint.log" 2>&1 || rc=$?
  CL_RC=$rc
}

log "measuring: $NTU TUs, -j$JOBS, $RUNS run(s) each"
: > "$OUT/base.times"; : > "$OUT/cl.times"
for ((r = 1; r <= RUNS; r++)); do
  t0=$(now); run_baseline; t1=$(now); elapsed "$t0" "$t1" >> "$OUT/base.times"
  t0=$(now); run_conclint; t1=$(now); elapsed "$t0" "$t1" >> "$OUT/cl.times"
done
BASE_T=$(median < "$OUT/base.times")
CL_T=$(median < "$OUT/cl.times")
BASE_FAIL=$(grep -c ' error: ' "$OUT/baseline.log" || true)
PEAK_MB=$(( $(tail -n 1 "$OUT/cl.mem" 2>/dev/null | tr -dc 0-9 || echo 0) / 1024 ))
SKIPPED=$(sed -n 's/.* from the cache, \([0-9]*\) skipped at a limit.*/\1/p' "$OUT/conc-lint.log" | tail -n 1)
if [[ $CL_RC -ge 2 ]]; then
  tail -n 20 "$OUT/conc-lint.log" >&2
  die "conc-lint exited $CL_RC (log: $OUT/conc-lint.log)"
fi
[[ -s "$OUT/out.sarif" ]] || die "conc-lint wrote no SARIF ($OUT/out.sarif)"

VERSION="$(cd "$SRC" && { dpkg-parsechangelog -S Version 2>/dev/null || basename "$SRC"; })"
python3 - "$OUT/out.sarif" "$PKG" "$VERSION" "$NTU" "$NENTRIES" "$LOC" "$JOBS" "$RUNS" \
  "$BASE_T" "$CL_T" "$BASE_RC" "$BASE_FAIL" "$CL_RC" "$PEAK_MB" "${SKIPPED:-?}" "$OUT/conc-lint.log" \
  <<'PY' | tee "$WORK/results.txt"
import json, re, sys
(sarif, pkg, ver, ntu, nentries, loc, jobs, runs, base_t, cl_t, base_rc, base_fail, cl_rc,
 peak_mb, skipped, cl_log) = sys.argv[1:17]
log = json.load(open(sarif))
counts, suppressed, notes, success = {}, 0, 0, []
# From conc-lint's stderr: the --stats line's truncated walks, and the notes
# counting TUs skipped before parsing ("N translation units are generated and
# were skipped: ...", the same for "not C").
walks, dropped = "?", {"generated": "0", "not C": "0"}
for line in open(cl_log, errors="replace"):
    m = re.search(r"(\d+) thread walks truncated", line)
    if m:
        walks = m.group(1)
    m = re.match(r"conc-lint: note: (\d+) translation units? (?:is|are) (generated|not C) and", line)
    if m:
        dropped[m.group(2)] = m.group(1)
for run in log.get("runs", []):
    for res in run.get("results", []):
        if res.get("suppressions"):
            suppressed += 1
            continue
        rid = res.get("ruleId", "?")
        counts[rid] = counts.get(rid, 0) + 1
    for inv in run.get("invocations", []):
        notes += len(inv.get("toolExecutionNotifications", []))
        success.append(str(inv.get("executionSuccessful", "?")).lower())
base_t, cl_t, loc = float(base_t), float(cl_t), int(loc)
total = sum(counts.values())
rows = [
    ("package", "%s %s" % (pkg, ver)),
    ("TUs (distinct .c files)", "%s (of %s compile DB entries)" % (ntu, nentries)),
    ("lines of C (those TUs)", str(loc)),
    ("jobs", jobs),
    ("clang-19 -fsyntax-only", "%.2f s (median of %s%s)" % (base_t, runs,
        "" if base_rc == "0" else ", %s error lines, xargs exit %s" % (base_fail, base_rc))),
    ("conc-lint -f sarif", "%.2f s (median of %s, exit %s)" % (cl_t, runs, cl_rc)),
    ("ratio conc-lint / parse", "%.2fx (target <= 1.10x)" % (cl_t / base_t if base_t > 0 else float("nan"))),
    ("conc-lint peak RSS MB", peak_mb + " (the main process; each TU parses in a child under --tu-memory)"),
    ("TUs skipped at a limit", skipped),
    ("TUs skipped as generated", dropped["generated"]),
    ("TUs skipped as not C", dropped["not C"]),
    ("thread walks truncated", walks),
    ("executionSuccessful", ",".join(success) or "?"),
    ("findings", "%d (%.2f per 10k lines)" % (total, total * 10000.0 / loc if loc else 0)),
]
for rid in sorted(counts):
    rows.append(("  " + rid, str(counts[rid])))
rows.append(("suppressed", str(suppressed)))
rows.append(("tool notifications", str(notes)))
w = max(len(k) for k, _ in rows)
for k, v in rows:
    print("%-*s  %s" % (w, k, v))
PY
log "SARIF: $OUT/out.sarif   table: $WORK/results.txt"
