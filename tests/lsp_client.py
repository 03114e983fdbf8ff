"""A small Language Server Protocol client for the tests of `conc-lint lsp`
(tests/lsp-session.py, scripts/bench-lsp.py): frames messages, reads the
server's messages on a thread, waits for them with a deadline."""
import json
import queue
import subprocess
import threading
import time


def frame(obj):
    body = json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Client:
    def __init__(self, argv, cwd, stderr):
        self.proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=stderr)
        self.messages = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            if length is None:
                raise SystemExit("lsp: server sent a header block without Content-Length")
            self.messages.put(json.loads(out.read(length)))

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send_raw(frame({"jsonrpc": "2.0", "method": method, "params": params}))

    def request(self, method, params):
        self.next_id += 1
        self.send_raw(frame({"jsonrpc": "2.0", "id": self.next_id, "method": method,
                             "params": params}))
        return self.next_id

    def wait(self, pred, timeout, what):
        """The first message for which pred(msg) holds; messages before it are
        passed to self.seen. Fails after `timeout` seconds or at the end of the
        server's output."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("timed out waiting for " + what)
            try:
                msg = self.messages.get(timeout=left)
            except queue.Empty:
                raise AssertionError("timed out waiting for " + what)
            if msg is None:
                raise AssertionError("server output ended while waiting for " + what)
            self.seen(msg)
            if pred(msg):
                return msg

    def seen(self, msg):
        pass

    def response(self, rid, timeout):
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout,
                         "the response to request %d" % rid)
