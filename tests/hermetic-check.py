#!/usr/bin/env python3
"""hermetic-check.py CTEST TESTDIR SANDBOX TEST... - the suite writes only
in its per-test sandboxes (tests/CMakeLists.txt):

  1. every test of TESTDIR/CTestTestfile.cmake but sandbox/setup runs with
     HOME, XDG_CACHE_HOME, XDG_CONFIG_HOME, XDG_DATA_HOME and TMPDIR inside
     its own SANDBOX/<name, '/' as '+'>/ and requires fixture cl_sandbox,
     which sandbox/setup sets up;
  2. the TESTs, run by ctest from a scratch copy of the test list (its
     sandboxes moved to a scratch directory, so the running suite is not
     disturbed) with HOME an empty directory and no XDG_* variables, pass,
     leave HOME empty, and put their summary cache in their sandbox.

Exits 0 when both hold, 1 otherwise (each problem on stderr)."""
import json
import os
import re
import subprocess
import sys
import tempfile

ISOLATED = ("HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "TMPDIR")


def props(test):
    return {p["name"]: p["value"] for p in test.get("properties", [])}


def check_properties(tests, sandbox):
    """Problems with the sandbox properties of `tests` (ctest json-v1)."""
    problems = []
    for t in tests:
        name, p = t["name"], props(t)
        if name == "sandbox/setup":
            if "cl_sandbox" not in p.get("FIXTURES_SETUP", []):
                problems.append(f"{name}: does not set up fixture cl_sandbox")
            continue
        own = os.path.join(sandbox, name.replace("/", "+")) + "/"
        env = dict(e.split("=", 1) for e in p.get("ENVIRONMENT", []) if "=" in e)
        for var in ISOLATED:
            if not env.get(var, "").startswith(own):
                problems.append(f"{name}: {var} is '{env.get(var, '')}', not in {own}")
        if "cl_sandbox" not in p.get("FIXTURES_REQUIRED", []):
            problems.append(f"{name}: does not require fixture cl_sandbox")
    return problems


def main():
    if len(sys.argv) < 5:
        sys.exit("usage: hermetic-check.py CTEST TESTDIR SANDBOX TEST...")
    ctest, testdir, sandbox, picks = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        run, home, scratch = (os.path.join(tmp, d) for d in ("run", "home", "sandbox"))
        for d in (run, home, os.path.join(tmp, "tmp")):
            os.mkdir(d)
        with open(os.path.join(testdir, "CTestTestfile.cmake")) as f:
            text = f.read()
        if sandbox not in text:
            sys.exit(f"hermetic-check: {sandbox} is not named in the test list")
        with open(os.path.join(run, "CTestTestfile.cmake"), "w") as f:
            f.write(text.replace(sandbox, scratch))

        listing = subprocess.run([ctest, "--show-only=json-v1"], cwd=run, check=True,
                                 capture_output=True, text=True).stdout
        tests = json.loads(listing)["tests"]
        problems += check_properties(tests, scratch)
        names = {t["name"] for t in tests}
        problems += [f"{p}: no such test" for p in picks if p not in names]
        print(f"1. {len(tests)} tests checked for their own HOME, XDG_* and TMPDIR")

        env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
        env.update(HOME=home, TMPDIR=os.path.join(tmp, "tmp"))
        regex = "^(" + "|".join(re.sub(r"([.+*?()\[\]^$|\\])", r"\\\1", p) for p in picks) + ")$"
        res = subprocess.run([ctest, "-R", regex, "--output-on-failure", "--no-tests=error"],
                             cwd=run, env=env, capture_output=True, text=True)
        if res.returncode != 0:
            problems.append(f"ctest -R '{regex}' failed:\n{res.stdout}{res.stderr}")
        for root, dirs, files in os.walk(home):
            for x in dirs + files:
                problems.append(f"written in HOME: {os.path.join(root, x)}")
        for p in picks:
            cache = os.path.join(scratch, p.replace("/", "+"), "cache")
            if not any(files for _, _, files in os.walk(cache)):
                problems.append(f"{p}: no summary cache in its sandbox ({cache})")
        print(f"2. {len(picks)} tests run by ctest with an empty HOME and no XDG_*")
    for p in problems:
        print(f"hermetic-check: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
