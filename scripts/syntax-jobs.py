#!/usr/bin/env python3
"""syntax-jobs.py DB CLANG JOBS TUS [--db-out NEWDB]

Turns a compile_commands.json into the parse-only baseline of the trials:
one shell line per translation unit in JOBS (`cd DIR && exec CLANG ARGS
-fsyntax-only`, for `xargs -P`), the TU paths in TUS, and with --db-out a
compile database of exactly those entries (absolute directories). Like
conc-lint's compile DB reader (analyzer/util/variants.h), a later entry of a
.c file counts only as a build variant: when it defines a macro that the
file names differently from every kept entry of that file (memcached's
-DMEMCACHED_DEBUG build, libzstd's -DZSTD_MULTITHREAD one; not -DPIC). A
relative "directory" is taken relative to the database's folder, and
entries whose file does not exist are skipped. Used by scripts/corpus.sh
and scripts/bench.sh.
"""
import argparse
import json
import os
import re
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


def macros(args):
    """The macros the -D/-U arguments define, as {name: value}."""
    out, i = {}, 0
    while i < len(args):
        a = args[i]
        if a in ("-D", "-U") and i + 1 < len(args):
            a, i = a + args[i + 1], i + 1
        if a.startswith("-D") and len(a) > 2:
            # a function-like macro (-D'F(x)=...') is named by what precedes
            # its parameters
            name = re.match(r"[^=(]*", a[2:]).group(0)
            rest = a[2 + len(name):]
            out[name] = rest[1:] if rest.startswith("=") else rest if rest else "1"
        elif a.startswith("-U") and len(a) > 2:
            out.pop(a[2:], None)
        i += 1
    return out


def differs(a, b, path):
    """Whether macro sets a and b define a macro the file names differently."""
    names = [n for n in set(a) | set(b) if a.get(n) != b.get(n)]
    if not names:
        return False
    try:
        text = open(path, errors="replace").read()
    except OSError:
        return False
    return any(re.search(r"(?<![A-Za-z0-9_])%s(?![A-Za-z0-9_])" % re.escape(n), text)
               for n in names)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("clang")
    ap.add_argument("jobs")
    ap.add_argument("tus")
    ap.add_argument("--db-out")
    o = ap.parse_args()
    base = os.path.dirname(os.path.abspath(o.db))
    keep, jobs, tus, seen = [], [], [], {}
    for e in json.load(open(o.db)):
        d = os.path.normpath(os.path.join(base, e.get("directory", ".")))
        args = e.get("arguments") or shlex.split(e.get("command", ""))
        f = e["file"]
        path = os.path.normpath(os.path.join(d, f))
        if not f.endswith(".c") or not os.path.isfile(path):
            continue
        m = macros(args)
        if any(not differs(k, m, path) for k in seen.get(path, [])):
            continue
        seen.setdefault(path, []).append(m)
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
