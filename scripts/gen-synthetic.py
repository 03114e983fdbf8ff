#!/usr/bin/env python3
"""Generate a synthetic threaded C program for conc-lint's scale benchmarks.

    scripts/gen-synthetic.py N OUTDIR [--seed S] [--levels L] [--spawn-every K]

Writes N translation units OUTDIR/src/tuNNNNN.c, a small shared header
OUTDIR/include/synth.h and OUTDIR/compile_commands.json (entries with a
relative "directory": ".", so the tree can be moved; conc-lint resolves it
against the database's folder, clang against the current directory, so run
clang from OUTDIR).

Shape of the program (the same for a given N, S, L, K: output is deterministic):
  * every TU has a mutex, lock/unlock wrappers (static, per TU) and uses the
    program-wide wrappers synth_lock/synth_unlock (defined in TU 0); globals
    written under the lock, one global written with no lock (a race whenever
    two threads reach it), a file-scope static, a function-scope static;
  * TU i is on call level i % L; its functions call functions of two TUs
    picked at random on level (i % L) + 1, anywhere in the program, and read a
    global of a third TU, so the call graph is cross-TU and at most L deep
    (the work per thread entry stays bounded as N grows);
  * every K-th TU (TU 1, 1+K, 1+2K, ...) is a spawn TU: a start routine that
    calls level-0 functions, a start function that runs pthread_create in a
    bounded loop plus once more, and a stop function that joins them;
  * TU 0 has main(): it starts every spawn TU's threads, does some work on
    the main thread, then stops them all.
Each TU includes only <pthread.h> (through synth.h) and declares the few
external functions and globals it uses itself, so parsing one TU costs the
same whatever N is.
"""
import argparse
import json
import os
import random
import sys


HEADER = """\
/* Synthetic program from conc-lint scripts/gen-synthetic.py (it stands for project code). */
#ifndef SYNTH_H
#define SYNTH_H
#include <pthread.h>
#include <stddef.h>

void synth_lock(pthread_mutex_t *m);
void synth_unlock(pthread_mutex_t *m);

#endif
"""


def name(i):
    return "tu%05d" % i


def gen_tu(i, n, levels, spawn_tus, rng):
    t = name(i)
    level = i % levels
    out = []
    w = out.append
    w("/* Synthetic program from conc-lint scripts/gen-synthetic.py (it stands for project code). */")
    w('#include "synth.h"')
    w("")

    def pick_on_level(lv):
        # A random TU on call level lv (TUs lv, lv+L, lv+2L, ... below n).
        count = (n - 1 - lv) // levels + 1 if lv < n else 0
        if count <= 0:
            return None
        return lv + levels * rng.randrange(count)

    callees = []
    if level + 1 < levels:
        for _ in range(2):
            j = pick_on_level(level + 1)
            if j is not None and j != i and j not in callees:
                callees.append(j)
    other = rng.randrange(n)
    for j in callees:
        w("extern void %s_work(int v);" % name(j))
        w("extern int %s_read(void);" % name(j))
    if other != i:
        w("extern int %s_counter;" % name(other))
    w("")
    w("int %s_counter;              /* written under %s_mu */" % (t, t))
    w("int %s_flag;                 /* written with no lock */" % t)
    w("long %s_hist[8];             /* written under %s_mu through synth_lock */" % (t, t))
    w("static long %s_total;        /* file-scope static, under %s_mu */" % (t, t))
    w("pthread_mutex_t %s_mu = PTHREAD_MUTEX_INITIALIZER;" % t)
    w("")
    w("static void %s_lock(void) { pthread_mutex_lock(&%s_mu); }" % (t, t))
    w("static void %s_unlock(void) { pthread_mutex_unlock(&%s_mu); }" % (t, t))
    w("")
    w("static int %s_mix(int x)" % t)
    w("{")
    w("    int acc = x;")
    w("    for (int k = 0; k < %d; k++)" % (3 + rng.randrange(5)))
    w("        acc = acc * %d + k;" % (3 + 2 * rng.randrange(7)))
    w("    return acc & 0xff;")
    w("}")
    w("")
    w("void %s_work(int v)" % t)
    w("{")
    w("    static int calls;          /* function-scope static, under %s_mu */" % t)
    w("    %s_lock();" % t)
    w("    %s_counter += v;" % t)
    w("    %s_total += %s_mix(v);" % (t, t))
    w("    calls++;")
    w("    %s_unlock();" % t)
    w("    %s_flag = v;               /* unguarded write */" % t)
    if callees:
        w("    if (v > 0) {")
        for j in callees:
            w("        %s_work(v - 1);" % name(j))
        w("    }")
    w("}")
    w("")
    w("int %s_read(void)" % t)
    w("{")
    w("    int r;")
    w("    synth_lock(&%s_mu);" % t)
    w("    r = %s_counter;" % t)
    w("    %s_hist[r & 7]++;" % t)
    w("    synth_unlock(&%s_mu);" % t)
    if other != i:
        w("    r += %s_counter;           /* another TU's global, no lock */" % name(other))
    for j in callees[:1]:
        w("    r += %s_read();" % name(j))
    w("    return r + %s_flag;" % t)
    w("}")

    if i in spawn_tus:
        targets = []
        for _ in range(2):
            j = pick_on_level(0)
            if j is not None and j not in targets:
                targets.append(j)
        nthreads = 2 + rng.randrange(3)
        w("")
        for j in targets:
            if j != i:
                w("extern void %s_work(int v);" % name(j))
                w("extern int %s_read(void);" % name(j))
        w("")
        w("#define %s_NTHREADS %d" % (t.upper(), nthreads))
        w("static pthread_t %s_threads[%s_NTHREADS + 1];" % (t, t.upper()))
        w("static int %s_ids[%s_NTHREADS + 1];" % (t, t.upper()))
        w("")
        w("static void *%s_worker(void *arg)" % t)
        w("{")
        w("    int id = *(int *)arg;")
        w("    for (int round = 0; round < 4; round++) {")
        for j in targets:
            w("        %s_work(id + round);" % name(j))
        w("        if (%s_read() > 1000)" % name(targets[0]))
        w("            break;")
        w("    }")
        w("    return NULL;")
        w("}")
        w("")
        w("void %s_start(void)" % t)
        w("{")
        w("    for (int k = 0; k < %s_NTHREADS; k++) {" % t.upper())
        w("        %s_ids[k] = k;" % t)
        w("        pthread_create(&%s_threads[k], NULL, %s_worker, &%s_ids[k]);" % (t, t, t))
        w("    }")
        w("    %s_ids[%s_NTHREADS] = 99;" % (t, t.upper()))
        w("    pthread_create(&%s_threads[%s_NTHREADS], NULL, %s_worker, &%s_ids[%s_NTHREADS]);"
          % (t, t.upper(), t, t, t.upper()))
        w("}")
        w("")
        w("void %s_stop(void)" % t)
        w("{")
        w("    for (int k = 0; k <= %s_NTHREADS; k++)" % t.upper())
        w("        pthread_join(%s_threads[k], NULL);" % t)
        w("}")

    if i == 0:
        w("")
        w("void synth_lock(pthread_mutex_t *m) { pthread_mutex_lock(m); }")
        w("void synth_unlock(pthread_mutex_t *m) { pthread_mutex_unlock(m); }")
        w("")
        for s in sorted(spawn_tus):
            w("extern void %s_start(void);" % name(s))
            w("extern void %s_stop(void);" % name(s))
        w("")
        w("int main(void)")
        w("{")
        for s in sorted(spawn_tus):
            w("    %s_start();" % name(s))
        w("    %s_work(3);" % t)
        w("    int r = %s_read();" % t)
        for s in sorted(spawn_tus):
            w("    %s_stop();" % name(s))
        w("    return r > 0 ? 0 : 1;")
        w("}")
    w("")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description="Generate a synthetic threaded C program of N TUs.")
    ap.add_argument("n", type=int, help="number of translation units (>= 2)")
    ap.add_argument("outdir", help="output directory (created; src/, include/ and the DB are replaced)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--levels", type=int, default=6, help="call-graph depth (default 6)")
    ap.add_argument("--spawn-every", type=int, default=250,
                    help="one spawn TU every K TUs (default 250; at least 2 spawn TUs)")
    a = ap.parse_args()
    if a.n < 2:
        ap.error("N must be at least 2")
    if a.levels < 1 or a.spawn_every < 1:
        ap.error("--levels and --spawn-every must be positive")

    rng = random.Random(a.seed)
    spawn_tus = set(range(1, a.n, a.spawn_every))
    if len(spawn_tus) < 2 and a.n > 2:
        spawn_tus.add(2)

    outdir = a.outdir
    src = os.path.join(outdir, "src")
    inc = os.path.join(outdir, "include")
    os.makedirs(src, exist_ok=True)
    os.makedirs(inc, exist_ok=True)
    # Remove TUs of an earlier, larger generation so the tree is exactly N TUs.
    for f in os.listdir(src):
        if f.startswith("tu") and f.endswith(".c"):
            os.unlink(os.path.join(src, f))
    with open(os.path.join(inc, "synth.h"), "w") as f:
        f.write(HEADER)

    db = []
    lines = 0
    for i in range(a.n):
        text = gen_tu(i, a.n, a.levels, spawn_tus, rng)
        lines += text.count("\n")
        rel = "src/%s.c" % name(i)
        with open(os.path.join(outdir, rel), "w") as f:
            f.write(text)
        db.append({
            "directory": ".",
            "file": rel,
            "arguments": ["cc", "-c", "-std=c11", "-pthread", "-Iinclude", "-o",
                          "obj/%s.o" % name(i), rel],
        })
    tmp = os.path.join(outdir, "compile_commands.json.tmp")
    with open(tmp, "w") as f:
        json.dump(db, f, indent=1)
        f.write("\n")
    os.replace(tmp, os.path.join(outdir, "compile_commands.json"))
    print("gen-synthetic: %d TUs, %d lines of C, %d spawn TUs, seed %d -> %s"
          % (a.n, lines, len(spawn_tus), a.seed, outdir), file=sys.stderr)


if __name__ == "__main__":
    main()
