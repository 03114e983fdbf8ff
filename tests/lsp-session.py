#!/usr/bin/env python3
"""A scripted JSON-RPC session with `conc-lint lsp` (ctest lsp/session).

usage: lsp-session.py CONC_LINT SOURCE_DIR

On a copy of testdata/example-server (in its own temporary directory): the
cross-file race of stats.c shows in stats.c (CL002) and in main.c and
listener.c (where its threads start); the quick fix comes back and, applied,
clears the race in every file; an edit that takes the lock clears it too;
a buffer that does not parse gets an error diagnostic, a file the compile
database does not list a note; malformed frames, bad JSON, messages that are
no request (id null when unreadable), unknown methods
get JSON-RPC errors and the server goes on; shutdown + exit is exit 0, and
the end of input without shutdown exit 1.
"""
import os
import pathlib
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, frame  # noqa: E402

TIMEOUT = 120  # seconds for one analysis (sanitizer builds are slow)
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: " + what, file=sys.stderr)


def main():
    bin_, src = sys.argv[1], pathlib.Path(sys.argv[2])
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="lsp-session."))
    proj = tmp / "proj"
    shutil.copytree(src / "testdata" / "example-server", proj)
    (proj / "extra.c").write_text("int extra(void) { return 1; }\n")
    log = open(tmp / "server.log", "wb")
    try:
        session(bin_, proj, tmp, log)
        eof_without_shutdown(bin_, proj, tmp, log)
    except (AssertionError, OSError) as e:
        check(False, str(e))
    finally:
        log.close()
        if failures:
            sys.stderr.write((tmp / "server.log").read_text(errors="replace")[-4000:])
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print("%d check(s) failed" % len(failures), file=sys.stderr)
        return 1
    print("lsp session: all checks passed")
    return 0


class Session(Client):
    def __init__(self, *args):
        super().__init__(*args)
        self.diags = {}  # uri -> the last list published

    def seen(self, msg):
        if msg.get("method") == "textDocument/publishDiagnostics":
            self.diags[msg["params"]["uri"]] = msg["params"]["diagnostics"]

    def published(self, uri):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri, TIMEOUT, "diagnostics of " + uri)

    def until(self, cond, what):
        """Waits until cond() holds over the diagnostics received so far."""
        if not cond():
            self.wait(lambda m: cond(), TIMEOUT, what)

    def codes(self, uri):
        return sorted(d.get("code", "") for d in self.diags.get(uri, []))


def start(bin_, proj, tmp, log):
    return Session([bin_, "lsp", "--cache-dir", str(tmp / "cache"), "-j", "2"], str(proj), log)


def open_doc(c, path, text=None):
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": path.as_uri(), "languageId": "c", "version": 1,
        "text": path.read_text() if text is None else text}})


def change(c, path, text, version):
    c.notify("textDocument/didChange", {
        "textDocument": {"uri": path.as_uri(), "version": version},
        "contentChanges": [{"text": text}]})


def session(bin_, proj, tmp, log):
    c = start(bin_, proj, tmp, log)
    stats, main_c, listener = proj / "stats.c", proj / "main.c", proj / "listener.c"
    su, mu, lu = stats.as_uri(), main_c.as_uri(), listener.as_uri()

    rid = c.request("initialize", {"processId": None, "rootUri": proj.as_uri(),
                                   "capabilities": {}})
    caps = c.response(rid, TIMEOUT)["result"]["capabilities"]
    check(caps["textDocumentSync"]["change"] == 1, "full text synchronization advertised")
    check(caps["textDocumentSync"]["save"] is not None, "save advertised")
    check("codeActionProvider" in caps, "code actions advertised")
    c.notify("initialized", {})

    # The race: stats.c:48 in stats.c, the thread starts in main.c and listener.c.
    open_doc(c, stats)
    c.published(su)
    race = [d for d in c.diags[su] if d.get("code") == "CL002"]
    check(len(race) == 1, "one CL002 diagnostic in stats.c (got %s)" % c.codes(su))
    if not race:
        return
    d = race[0]
    check(d["range"]["start"] == {"line": 47, "character": 10}, "CL002 at stats.c:48:11")
    check(d["severity"] == 2, "CL002 is a warning")
    check(d["source"] == "conc-lint", "source conc-lint")
    check(d["codeDescription"]["href"].endswith("docs/rules.md"), "codeDescription links the rules")
    rel = {(r["location"]["uri"], r["location"]["range"]["start"]["line"])
           for r in d.get("relatedInformation", [])}
    check((lu, 56) in rel and (mu, 59) in rel, "related locations in listener.c and main.c")
    check("CL002" in c.codes(mu), "main.c shows the race too (got %s)" % c.codes(mu))
    check("CL002" in c.codes(lu), "listener.c shows the race too (got %s)" % c.codes(lu))

    # The quick fix: a suppression comment with a reason placeholder.
    rid = c.request("textDocument/codeAction", {
        "textDocument": {"uri": su}, "range": d["range"], "context": {"diagnostics": [d]}})
    actions = c.response(rid, TIMEOUT).get("result") or []
    check(len(actions) == 1, "one code action for the race (got %d)" % len(actions))
    original = stats.read_text()
    if actions:
        edit = actions[0]["edit"]["changes"][su][0]
        check(actions[0]["kind"] == "quickfix", "the action is a quickfix")
        check(edit["range"]["start"] == {"line": 47, "character": 0}, "inserted above line 48")
        check(edit["newText"] == "    // conc-lint-ignore-next-line: CL002 -- "
              "<reason: why this is correct>\n", "suppression text: " + edit["newText"])
        lines = original.splitlines(keepends=True)
        lines.insert(47, edit["newText"])
        change(c, stats, "".join(lines), 2)
        c.published(su)
        c.until(lambda: "CL002" not in c.codes(mu) and "CL002" not in c.codes(lu),
                "the suppressed race to leave main.c and listener.c")
        check("CL002" not in c.codes(su), "suppressed race not published in stats.c")

    # The race back, then fixed by taking the lock: cleared in every file.
    change(c, stats, original, 3)
    c.until(lambda: "CL002" in c.codes(su) and "CL002" in c.codes(mu),
            "the race back in stats.c and main.c")
    # A saved header the open buffer includes: the buffer's TU is parsed again.
    header = proj / "stats.h"
    htext = header.read_text()
    header.write_text(htext.replace("#endif", "#define bytes_in bytes_in_h\n#endif"))
    c.notify("textDocument/didSave", {"textDocument": {"uri": header.as_uri()}})
    c.until(lambda: any("'stats.bytes_in_h'" in x["message"] for x in c.diags.get(su, [])),
            "the race in stats.c to follow the saved header")
    header.write_text(htext)
    c.notify("textDocument/didSave", {"textDocument": {"uri": header.as_uri()}})
    c.until(lambda: any("'stats.bytes_in'" in x["message"] for x in c.diags.get(su, [])),
            "the race in stats.c to follow the header saved back")

    fixed = original.replace("    stats.bytes_in += n; // expect: CL002",
                             "    pthread_mutex_lock(&stats_lock);\n    stats.bytes_in += n;\n"
                             "    pthread_mutex_unlock(&stats_lock);")
    check(fixed != original, "the test's fix applies to stats.c")
    change(c, stats, fixed, 4)
    c.until(lambda: "CL002" not in c.codes(su) and "CL002" not in c.codes(mu)
            and "CL002" not in c.codes(lu), "the fixed race to clear in all files")
    c.notify("textDocument/didSave", {"textDocument": {"uri": su}})
    c.published(su)

    # A buffer that does not parse: an error diagnostic, no crash.
    change(c, stats, fixed + "\nint broken( {\n", 5)
    c.until(lambda: any(x.get("severity") == 1 for x in c.diags.get(su, [])),
            "a parse error diagnostic in stats.c")
    change(c, stats, fixed, 6)
    c.published(su)

    # A file the compile database does not list: a note, no crash.
    extra = proj / "extra.c"
    open_doc(c, extra)
    c.published(extra.as_uri())
    check(any("not in the compile database" in x["message"] for x in c.diags[extra.as_uri()]),
          "extra.c gets the not-in-the-database note")

    # Bad input: errors, and the server goes on.
    c.send_raw(b"Content-Length: 9\r\n\r\n{not json")
    m = c.wait(lambda m: "error" in m, TIMEOUT, "the parse error of bad JSON")
    check(m["error"]["code"] == -32700 and m["id"] is None, "bad JSON: -32700 with id null")
    c.send_raw(b"Content-Length: x12\r\n\r\n")
    m = c.wait(lambda m: "error" in m, TIMEOUT, "the error of a garbled Content-Length")
    check(m["error"]["code"] == -32700, "garbled Content-Length: -32700")
    c.send_raw(b"X-Nothing: 1\r\n\r\n")
    m = c.wait(lambda m: "error" in m, TIMEOUT, "the error of a missing Content-Length")
    check(m["error"]["code"] == -32700, "missing Content-Length: -32700")
    body = b'{"jsonrpc":"2.0","id":99,"method":"workspace/nothing"}'
    c.send_raw(b"Content-Lenght: %d\r\n\r\n%s" % (len(body), body))  # misspelt
    m = c.wait(lambda m: "error" in m, TIMEOUT, "the error of a misspelt Content-Length")
    check(m["error"]["code"] == -32700, "misspelt Content-Length: -32700")
    c.send_raw(frame({"jsonrpc": "2.0", "id": 100, "method": "workspace/nothing"}))
    m = c.response(100, TIMEOUT)
    check(m.get("error", {}).get("code") == -32601,
          "the message after a misspelt header is read (reading picks up again)")
    c.send_raw(frame([1, 2]))
    m = c.wait(lambda m: "error" in m, TIMEOUT, "the error of a batch")
    check(m["error"]["code"] == -32600, "not an object: -32600")
    invalid_requests(c)
    rid = c.request("workspace/noSuchThing", {})
    m = c.response(rid, TIMEOUT)
    check(m.get("error", {}).get("code") == -32601, "unknown request: -32601")
    c.notify("$/noSuchNotification", {})
    c.notify("textDocument/didChange", {"textDocument": 7})
    rid = c.request("textDocument/codeAction", {"textDocument": {"uri": "untitled:x"}})
    check(c.response(rid, TIMEOUT).get("result") == [], "code action without context: []")

    rid = c.request("shutdown", None)
    check(c.response(rid, TIMEOUT).get("result", 0) is None, "shutdown answers null")
    rid = c.request("textDocument/codeAction", {})
    check(c.response(rid, TIMEOUT).get("error", {}).get("code") == -32600,
          "a request after shutdown: -32600")
    c.notify("exit", None)
    check(c.proc.wait(TIMEOUT) == 0, "exit after shutdown: status 0")


def answer_to(c, body):
    """Sends `body` (raw JSON text), then a request of an unknown method;
    returns the first error the server sends after (the one to `body`, or
    else the -32601 of that request), and reads up to that request's."""
    c.send_raw(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    rid = c.request("workspace/noSuchThing", {})
    m = c.wait(lambda m: "error" in m, TIMEOUT, "an error after %r" % body)
    if m.get("id") != rid:
        c.response(rid, TIMEOUT)
    return m, rid


def invalid_requests(c):
    """JSON-RPC 2.0 (section 5.1, examples in 7): a message that is valid JSON
    but no request, notification or response gets -32600 (id null when its id
    cannot be read: a new user's {"x":1} got no answer at all); a response
    and an unknown notification get none, an unknown request -32601."""
    for body, want_id in ((b'{"x":1}', None), (b'[]', None), (b'"hello"', None), (b'42', None),
                          (b'null', None), (b'{"jsonrpc":"2.0","id":1007}', 1007),
                          (b'{"jsonrpc":"2.0","id":"s8","params":{}}', "s8"),
                          (b'{"jsonrpc":"2.0","id":true,"method":"shutdown"}', None),
                          (b'{"jsonrpc":"2.0","id":{},"method":"shutdown"}', None),
                          (b'{"jsonrpc":"2.0","id":1009,"method":5}', 1009),
                          (b'{"jsonrpc":"1.0","id":1010,"method":"workspace/noSuchThing"}', 1010)):
        m, rid = answer_to(c, body)
        check(m.get("id") == want_id and m["error"]["code"] == -32600,
              "%s: -32600 with id %s (got %s)" % (body.decode(), want_id, m))
    for body in (b'{"jsonrpc":"2.0","id":1011,"result":null}',
                 b'{"jsonrpc":"2.0","id":1012,"error":{"code":1,"message":"x"}}',
                 b'{"jsonrpc":"2.0","method":"$/noSuchNotification","params":{}}',
                 b'{"jsonrpc":"2.0","method":"workspace/noSuchNotification"}'):
        m, rid = answer_to(c, body)
        check(m.get("id") == rid and m["error"]["code"] == -32601,
              "%s gets no answer (got %s)" % (body.decode(), m))


def eof_without_shutdown(bin_, proj, tmp, log):
    c = start(bin_, proj, tmp, log)
    rid = c.request("initialize", {"processId": None, "rootUri": proj.as_uri(),
                                   "capabilities": {}})
    c.response(rid, TIMEOUT)
    c.send_raw(b"Content-Length: 500\r\n\r\n{\"jsonrpc\"")  # cut short by the end of input
    c.proc.stdin.close()
    check(c.proc.wait(TIMEOUT) == 1, "end of input without shutdown: status 1")


if __name__ == "__main__":
    sys.exit(main())
