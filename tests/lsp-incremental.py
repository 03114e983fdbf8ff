#!/usr/bin/env python3
"""The language server's findings equal the command line's, edit after edit
(ctest lsp/incremental).

usage: lsp-incremental.py CONC_LINT

A program of four files (main.c starts reader_main of reader.c and
writer_main of writer.c; stats.c holds the counter and its locked update) is
edited through `conc-lint lsp --check` in ways that add a race, remove it,
move it from one file to another, change only a comment, undo an edit, and
change a callee in a third file.
After each analysis the diagnostics the server published (the last list of
every file) are compared with a command-line run on the same content
(`conc-lint -p DIR -f json --no-cache` on a copy of the project with the
buffer written in): each finding's diagnostic in its file, and a diagnostic in
each other file of its related locations, nothing else. The server's log
must show that every analysis agreed with its own from-scratch check.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client  # noqa: E402

TIMEOUT = 120  # seconds for one analysis (sanitizer builds are slow)
failures = []

STATS_H = """#ifndef STATS_H
#define STATS_H
extern long counter;
void count_locked(void);
#endif
"""

STATS_C = """#include <pthread.h>
#include "stats.h"

long counter;
static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;

void count_locked(void)
{
    pthread_mutex_lock(&counter_lock);
    counter++;
    pthread_mutex_unlock(&counter_lock);
}
"""

MAIN_C = """#include <pthread.h>

void *reader_main(void *arg);
void *writer_main(void *arg);

int main(void)
{
    pthread_t r, w;
    pthread_create(&r, 0, reader_main, 0);
    pthread_create(&w, 0, writer_main, 0);
    pthread_join(r, 0);
    pthread_join(w, 0);
    return 0;
}
"""

# {body} is the thread's work; the comment line is there to be edited.
WORKER_C = """#include <stddef.h>
#include "stats.h"

/* {comment} */
static void step(void)
{{
{body}
}}

void *{name}_main(void *arg)
{{
    (void)arg;
    for (int i = 0; i < 10; i++)
        step();
    return NULL;
}}
"""

LOCKED = "    count_locked();"
RACY = "    counter++;"


def worker(name, body, comment="one step of the work"):
    return WORKER_C.format(name=name, body=body, comment=comment)


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: " + what, file=sys.stderr)


class Session(Client):
    def __init__(self, *args):
        super().__init__(*args)
        self.diags = {}  # path -> the last list published

    def seen(self, msg):
        if msg.get("method") == "textDocument/publishDiagnostics":
            path = urllib.parse.unquote(urllib.parse.urlparse(msg["params"]["uri"]).path)
            self.diags[path] = msg["params"]["diagnostics"]

    def settle(self, uri):
        """Waits until the analysis the last notification started has
        published everything: first the diagnostics of `uri` (always sent),
        then the answer to a request sent after them (the server reads the
        next message only once the analysis has sent all its messages)."""
        self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                  and m["params"]["uri"] == uri, TIMEOUT, "diagnostics of " + uri)
        rid = self.request("conc-lint/ping", None)
        self.response(rid, TIMEOUT)


def served(c):
    """What the server shows: per (file, line), the rule codes there."""
    got = set()
    for path, diags in c.diags.items():
        for d in diags:
            if d.get("source") == "conc-lint" and "code" in d:
                got.add((path, d["range"]["start"]["line"] + 1, d["code"]))
    return got


def write_project(proj, files):
    for name, text in files.items():
        (proj / name).write_text(text)
    tus = ["main.c", "stats.c", "reader.c", "writer.c"]
    (proj / "compile_commands.json").write_text(json.dumps([
        {"directory": str(proj), "file": str(proj / t),
         "arguments": ["cc", "-pthread", "-c", t]} for t in tus]))


def expected(bin_, proj, buffers):
    """The same, from the command line on the same content: the project
    copied into a mirror directory, the open documents written there (a
    whole-program run reports on every file; --stdin-filename would report
    on the buffer's file only), paths mapped back. `buffers`: the open
    documents' texts by file name."""
    mirror = proj.parent / "mirror"
    shutil.rmtree(mirror, ignore_errors=True)
    mirror.mkdir()
    files = {p.name: p.read_text() for p in proj.iterdir() if p.suffix in (".c", ".h")}
    files.update(buffers)
    write_project(mirror, files)
    out = subprocess.run([bin_, "-p", str(mirror), "-f", "json", "--no-cache"], cwd=mirror,
                         capture_output=True, text=True, timeout=TIMEOUT)
    want = set()

    def back(path):
        return str(proj / pathlib.Path(path).name)
    for f in json.loads(out.stdout)["findings"]:
        if f.get("suppressed"):
            continue
        want.add((back(f["file"]), f["line"], f["ruleId"]))
        for r in f.get("related", []):
            if r.get("file") and r["file"] != f["file"]:
                want.add((back(r["file"]), r["line"], f["ruleId"]))
    return want


def main():
    bin_ = sys.argv[1]
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="lsp-incremental."))
    proj = tmp / "proj"
    proj.mkdir()
    files = {"stats.h": STATS_H, "stats.c": STATS_C, "main.c": MAIN_C,
             "reader.c": worker("reader", LOCKED), "writer.c": worker("writer", LOCKED)}
    write_project(proj, files)
    log_path = tmp / "server.log"
    log = open(log_path, "wb")
    try:
        session(bin_, proj, tmp, log)
    except (AssertionError, OSError, subprocess.SubprocessError, ValueError) as e:
        check(False, str(e))
    finally:
        log.close()
    text = log_path.read_text(errors="replace")
    checks = text.count("check: same diagnostics as from scratch")
    check("DIFFERENT" not in text and "from scratch failed" not in text,
          "every analysis agrees with its check from scratch")
    check(checks >= 10, "the server checked its analyses (%d checks)" % checks)
    if failures:
        sys.stderr.write(text[-4000:])
    shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print("%d check(s) failed" % len(failures), file=sys.stderr)
        return 1
    print("lsp incremental: all checks passed")
    return 0


def session(bin_, proj, tmp, log):
    c = Session([bin_, "lsp", "--check", "--cache-dir", str(tmp / "cache"), "-j", "2"],
                str(proj), log)
    rid = c.request("initialize", {"processId": None, "rootUri": proj.as_uri(),
                                   "capabilities": {}})
    c.response(rid, TIMEOUT)
    c.notify("initialized", {})
    version, buffers = {}, {}

    def step(what, name, text=None, save=False, close=False):
        """Opens, changes (text), saves or closes `name`; then compares."""
        path = proj / name
        uri = path.as_uri()
        if close:
            c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
            version.pop(name, None)
            buffers.pop(name, None)
        elif name not in version:
            version[name] = 1
            c.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "c", "version": 1,
                "text": path.read_text() if text is None else text}})
        elif text is not None:
            version[name] += 1
            c.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version[name]},
                "contentChanges": [{"text": text}]})
        if name in version:
            buffers[name] = path.read_text() if text is None else text
        if save:
            path.write_text(text)
            c.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        c.settle(uri)
        want = expected(bin_, proj, buffers)
        got = served(c)
        check(got == want, "%s: the server shows %s, the command line %s"
              % (what, sorted(got), sorted(want)))
        return want

    racy_reader, racy_writer = worker("reader", RACY), worker("writer", RACY)
    r, w = proj / "reader.c", proj / "writer.c"

    def races(found, path):
        return any(f[0] == str(path) and f[2] == "CL002" for f in found)

    # Open, no race; the reader's buffer races with the writer's locked count.
    check(not races(step("open reader.c", "reader.c"), r), "no race at first")
    found = step("race added in reader.c", "reader.c", racy_reader)
    check(races(found, r), "the reader's race is found")
    step("comment edited in reader.c", "reader.c",
         worker("reader", RACY, "one step, unguarded"))
    step("race removed from reader.c", "reader.c", worker("reader", LOCKED))
    # The race moves to writer.c (reader.c saved as it is: locked).
    step("reader.c saved", "reader.c", worker("reader", LOCKED), save=True)
    found = step("race added in writer.c", "writer.c", racy_writer)
    check(races(found, w) and not races(found, r), "the race moved to writer.c")
    step("writer.c saved", "writer.c", racy_writer, save=True)
    # Both race; then the writer's goes and the reader's stays.
    found = step("race added in reader.c again", "reader.c", racy_reader)
    check(races(found, r) and races(found, w), "both files race")
    step("reader.c saved with its race", "reader.c", racy_reader, save=True)
    found = step("race removed from writer.c", "writer.c", worker("writer", LOCKED))
    check(races(found, r) and not races(found, w), "the race is back in reader.c only")
    # Undo: the writer's buffer as its last analysis saw it, then closed
    # (the file on disk, which races, is the TU again).
    step("writer.c edit undone", "writer.c", racy_writer)
    step("writer.c closed", "writer.c", close=True)
    # A callee in a third file changes: count_locked loses its lock (the
    # locked reader now races too), then takes it again.
    step("reader.c locked again", "reader.c", worker("reader", LOCKED))
    step("stats.c opened", "stats.c")
    found = step("lock dropped in stats.c", "stats.c",
                 STATS_C.replace("    pthread_mutex_lock(&counter_lock);\n", "")
                        .replace("    pthread_mutex_unlock(&counter_lock);\n", ""))
    check(races(found, proj / "stats.c"), "the unlocked count races")
    step("lock taken again in stats.c", "stats.c", STATS_C)
    rid = c.request("shutdown", None)
    c.response(rid, TIMEOUT)
    c.notify("exit", None)
    c.proc.wait(TIMEOUT)


if __name__ == "__main__":
    sys.exit(main())
