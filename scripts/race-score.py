#!/usr/bin/env python3
"""race-score.py - file-level precision/recall of CL002 (data races; with
CL013, the races on volatile flags) on a labelled suite (testdata/races/ by
default).

Ground truth comes from the directives in each file:
  racy       the file has `// expect: CL002` or `// expect-todo: CL002`
             (also `@+N`/`@-N` forms, the rule name
             `unguarded-shared-state`, and CL013 / `volatile-as-sync`)
  race-free  otherwise (normally `// expect-none`, or `// fp-todo: CL002`
             where a known false alarm is documented)
A file may name its class with a `// class: NAME` comment (the kind of code
it stands for, e.g. `atomic-locks`); files without one count under
`unclassified`. Precision and recall are printed for the whole suite and
per class; the thresholds apply to the whole suite.
A file is "reported" when `conc-lint -f json FILE -- -pthread` emits at
least one unsuppressed CL002 or CL013 finding.

  TP = racy & reported      FP = race-free & reported
  FN = racy & not reported  TN = race-free & not reported
  precision = TP / (TP + FP)   recall = TP / (TP + FN)

The line-exact check is the job of `conc-lint --verify` (tests/testdata.cmake);
this script only adds, as information, racy files whose findings miss every
expected line.

Exit status: 0 both figures at or above the thresholds, 1 below, 2 usage
error or a conc-lint run that failed (exit status other than 0/1, or output
that is not the JSON document).
"""
import argparse
import concurrent.futures
import glob
import json
import os
import re
import subprocess
import sys

# The rules that report data races: CL002, and CL013 for the races on a
# volatile flag (which CL002 then leaves to it: one defect, one rule).
RULE_IDS = ("CL002", "CL013")
RULE_NAMES = ("unguarded-shared-state", "volatile-as-sync")
DIRECTIVE = re.compile(
    r"^[ \t]*(expect-none|expect-todo|expect|fp-todo)(?![A-Za-z0-9_-])"
    r"(?:@([+-]\d+))?[ \t]*(?::(.*))?$")


def line_comments(text):
    """Yields (line, comment text) for every // comment, skipping string and
    character literals and /* */ blocks."""
    i, n, line = 0, len(text), 1
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            yield line, text[i + 2:j]
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            line += text.count("\n", i, j)
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            line += text.count("\n", i, min(j + 1, n))
            i = j + 1
        else:
            i += 1


CLASS = re.compile(r"^[ \t]*class:[ \t]*([a-z0-9][a-z0-9-]*)[ \t]*$")


def directives(path):
    """Returns {kind: [line, ...]} for the CL002 directives of a file, and
    under "class" the class it names ("unclassified" when none)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    out = {"expect": [], "expect-todo": [], "fp-todo": [], "expect-none": [],
           "class": "unclassified"}
    for line, body in line_comments(text):
        c = CLASS.match(body)
        if c:
            out["class"] = c.group(1)
            continue
        m = DIRECTIVE.match(body)
        if not m:
            continue
        kind, offset, rules = m.group(1), m.group(2), m.group(3)
        if kind == "expect-none":
            out[kind].append(line)
            continue
        if rules is None:
            continue                      # prose such as "expect the worst"
        names = []
        for word in re.split(r"[\s,]+", rules.strip()):
            if not word or not word[0].isalpha():
                break                     # a note after the rule list
            names.append(word)
        if any(n in RULE_IDS or n in RULE_NAMES for n in names):
            out[kind].append(line + (int(offset) if offset else 0))
    return out


def run_conc_lint(exe, path, cflags):
    cmd = [exe, "-f", "json", path, "--"] + cflags
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, "cannot run %s: %s" % (" ".join(cmd), e)
    if p.returncode not in (0, 1):
        err = (p.stderr.strip().splitlines() or ["(no stderr)"])[-1]
        return None, "exit %d: %s" % (p.returncode, err)
    try:
        doc = json.loads(p.stdout)
    except ValueError as e:
        return None, "output is not JSON: %s" % e
    found = [f for f in doc.get("findings", [])
             if f.get("ruleId") in RULE_IDS and not f.get("suppressed")]
    found.sort(key=lambda f: (f.get("line", 0), f.get("column", 0)))
    return found, None


def ratio(a, b):
    return a / b if b else 1.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("suite", nargs="?", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "testdata", "races"),
        help="folder of labelled .c files (default: testdata/races)")
    ap.add_argument("--conc-lint", default=os.environ.get("CONC_LINT", "conc-lint"),
                    help="the conc-lint executable (default: $CONC_LINT or conc-lint)")
    ap.add_argument("--min-precision", type=float, default=0.95)
    ap.add_argument("--min-recall", type=float, default=0.9)
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--cflag", action="append", default=None,
                    help="compiler argument after '--' (repeatable; default -pthread)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="also list the true positives and true negatives")
    args = ap.parse_args()
    cflags = args.cflag if args.cflag is not None else ["-pthread"]

    files = sorted(glob.glob(os.path.join(args.suite, "*.c")))
    if not files:
        print("race-score: no .c files in %s" % args.suite, file=sys.stderr)
        return 2

    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        results = list(pool.map(lambda f: run_conc_lint(args.conc_lint, f, cflags), files))

    rows, errors = [], []
    for path, (found, err) in zip(files, results):
        if err:
            errors.append((path, err))
            continue
        d = directives(path)
        racy = bool(d["expect"] or d["expect-todo"])
        rows.append((path, d, racy, found))
    for path, err in errors:
        print("race-score: %s: %s" % (os.path.basename(path), err), file=sys.stderr)
    if errors:
        return 2

    tp = [r for r in rows if r[2] and r[3]]
    fp = [r for r in rows if not r[2] and r[3]]
    fn = [r for r in rows if r[2] and not r[3]]
    tn = [r for r in rows if not r[2] and not r[3]]
    precision = ratio(len(tp), len(tp) + len(fp))
    recall = ratio(len(tp), len(tp) + len(fn))

    def name(path):
        return os.path.basename(path)

    def first(found):
        f = found[0]
        return "%d: %s" % (f.get("line", 0), f.get("message", ""))

    print("race-score: %d files (%d racy, %d race-free) in %s"
          % (len(rows), len(tp) + len(fn), len(fp) + len(tn), os.path.normpath(args.suite)))
    print("TP %d  FP %d  FN %d  TN %d" % (len(tp), len(fp), len(fn), len(tn)))
    print("precision %.3f (min %.2f)  recall %.3f (min %.2f)"
          % (precision, args.min_precision, recall, args.min_recall))
    classes = sorted({r[1]["class"] for r in rows})
    if len(classes) > 1:
        print("\nper class:  files  TP  FP  FN  TN  precision  recall")
        for c in classes:
            group = [r for r in rows if r[1]["class"] == c]
            ctp = sum(1 for r in group if r[2] and r[3])
            cfp = sum(1 for r in group if not r[2] and r[3])
            cfn = sum(1 for r in group if r[2] and not r[3])
            ctn = len(group) - ctp - cfp - cfn
            print("  %-24s %3d %3d %3d %3d %3d      %.2f    %.2f"
                  % (c, len(group), ctp, cfp, cfn, ctn,
                     ratio(ctp, ctp + cfp), ratio(ctp, ctp + cfn)))
    if fp:
        print("\nfalse positives (race-free, reported):")
        for path, d, _, found in fp:
            tag = " [fp-todo]" if d["fp-todo"] else ""
            print("  %s%s\n      %s" % (name(path), tag, first(found)))
    if fn:
        print("\nfalse negatives (racy, not reported):")
        for path, d, _, _ in fn:
            lines = sorted(d["expect"] + d["expect-todo"])
            tag = " [expect-todo]" if d["expect-todo"] and not d["expect"] else ""
            print("  %s%s\n      expected at line %s; no CL002 finding"
                  % (name(path), tag, ", ".join(map(str, lines))))
    off = [r for r in tp
           if not {f.get("line") for f in r[3]} & set(r[1]["expect"] + r[1]["expect-todo"])]
    if off:
        print("\nracy and reported, but on none of the expected lines (counted TP):")
        for path, d, _, found in off:
            lines = sorted(d["expect"] + d["expect-todo"])
            print("  %s (expected %s)\n      %s"
                  % (name(path), ", ".join(map(str, lines)), first(found)))
    if args.verbose:
        for label, group in (("true positives", tp), ("true negatives", tn)):
            print("\n%s:" % label)
            for r in group:
                print("  " + name(r[0]))
    ok = precision >= args.min_precision and recall >= args.min_recall
    print("\nrace-score: %s" % ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
