#!/usr/bin/env python3
"""syntax-jobs.py DB CLANG JOBS TUS [--db-out NEWDB]

Turns a compile_commands.json into the parse-only baseline of the trials:
one shell line per translation unit in JOBS (`cd DIR && exec CLANG ARGS
-fsyntax-only`, for `xargs -P`), the TU paths in TUS, and with --db-out a
compile database of exactly those entries (absolute directories). Like
conc-lint's compile DB reader, the first entry of each .c file wins (builds
such as memcached compile the same file twice, for two binaries), a relative
"directory" is taken relative to the database's folder, and entries whose
file does not exist are skipped. Used by scripts/corpus.sh and
scripts/bench.sh.
"""
import argparse
import json
import os
import shlex

DROP1 = {"-c", "-MD", "-MMD", "-MP", "-M", "-MM"}
DROP2 = {"-o", "-MF", "-MT", "-MQ"}


def syntax_only(clang, args):
    """The entry's arguments as a parse-only clang command (no output files)."""
    out, i = [clang], 1
    while i < len(args):
        a = args[i]
        if a in DROP2:
            i += 2
            continue
        if a in DROP1 or a.startswith("-Wp,-M") or (a.startswith("-o") and len(a) > 2):
            i += 1
            continue
        out.append(a)
        i += 1
    return out + ["-fsyntax-only"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("clang")
    ap.add_argument("jobs")
    ap.add_argument("tus")
    ap.add_argument("--db-out")
    o = ap.parse_args()
    base = os.path.dirname(os.path.abspath(o.db))
    keep, jobs, tus, seen = [], [], [], set()
    for e in json.load(open(o.db)):
        d = os.path.normpath(os.path.join(base, e.get("directory", ".")))
        args = e.get("arguments") or shlex.split(e.get("command", ""))
        f = e["file"]
        path = os.path.normpath(os.path.join(d, f))
        if not f.endswith(".c") or path in seen or not os.path.isfile(path):
            continue
        seen.add(path)
        keep.append({"directory": d, "file": f, "arguments": args})
        cmd = " ".join(shlex.quote(x) for x in syntax_only(o.clang, args))
        jobs.append("cd %s && exec %s" % (shlex.quote(d), cmd))
        tus.append(path)
    if o.db_out:
        json.dump(keep, open(o.db_out, "w"), indent=1)
    open(o.jobs, "w").write("".join(j + "\n" for j in jobs))
    open(o.tus, "w").write("".join(t + "\n" for t in tus))


if __name__ == "__main__":
    main()
