#!/usr/bin/env python3
"""check-registry.py - every rule in the registry is complete.

  scripts/check-registry.py CONC_LINT REPO

For each rule `conc-lint --list-rules` prints (id, name), checks:
  - ids are unique and in increasing order, names unique and kebab-case;
  - `conc-lint --explain ID` prints help text (at least a heading and a fix);
  - rules/<id>_<name>.c exists (id lowercased, name with '_') and
    rules/rules.def names it once;
  - testdata/<id>-<name>/ holds at least MIN positive cases (a file or
    folder with an `expect:` directive naming the rule) and MIN negative
    cases (files whose directives say `expect-none`, i.e. silent);
  - docs/rules.md has a row for the rule.
Prints one line per problem and exits 1 when there is any, 0 otherwise.
"""
import os
import re
import subprocess
import sys

MIN = 6
DIRECTIVE = re.compile(r'//\s*expect(?:@[+-]\d+)?:\s*([^{\n]*)')


def files_of(path):
    if os.path.isdir(path):
        for root, _, names in os.walk(path):
            for n in sorted(names):
                if n.endswith(('.c', '.h')):
                    yield os.path.join(root, n)
    elif path.endswith('.c'):
        yield path


def classify(path, rid, name):
    """'pos' if a directive names the rule, 'neg' if the case says
    expect-none, None otherwise."""
    pos = neg = False
    for f in files_of(path):
        text = open(f, encoding='utf-8', errors='replace').read()
        for m in DIRECTIVE.finditer(text):
            if rid in m.group(1).split() or name in m.group(1).split():
                pos = True
        if re.search(r'//\s*expect-none\b', text):
            neg = True
    if pos:
        return 'pos'
    return 'neg' if neg and not os.path.isdir(path) else None


def main():
    if len(sys.argv) != 3:
        print('usage: check-registry.py CONC_LINT REPO', file=sys.stderr)
        return 2
    binary, repo = sys.argv[1], sys.argv[2]
    out = subprocess.run([binary, '--list-rules'], capture_output=True, text=True, check=False)
    rules = []
    for line in out.stdout.splitlines():
        m = re.match(r'^(CL\d{3})\s+([a-z0-9-]+)\b', line)
        if m:
            rules.append((m.group(1), m.group(2)))
    problems = []
    if not rules:
        problems.append('--list-rules printed no rules')
    ids = [r[0] for r in rules]
    if ids != sorted(set(ids)):
        problems.append('rule ids are duplicated or out of order: %s' % ' '.join(ids))
    if len({r[1] for r in rules}) != len(rules):
        problems.append('rule names are duplicated')
    registry = open(os.path.join(repo, 'rules', 'rules.def'), encoding='utf-8').read()
    docs_path = os.path.join(repo, 'docs', 'rules.md')
    docs = open(docs_path, encoding='utf-8').read() if os.path.exists(docs_path) else ''
    for rid, name in rules:
        stem = '%s_%s' % (rid.lower(), name.replace('-', '_'))
        if not os.path.exists(os.path.join(repo, 'rules', stem + '.c')):
            problems.append('%s: rules/%s.c is missing' % (rid, stem))
        if len(re.findall(r'CL_RULE\(%s,' % rid, registry)) != 1:
            problems.append('%s: rules/rules.def must name it exactly once' % rid)
        ex = subprocess.run([binary, '--explain', rid], capture_output=True, text=True, check=False)
        if ex.returncode != 0 or len(ex.stdout.strip()) < 80 or '**Fix**' not in ex.stdout:
            problems.append('%s: --explain prints no help text with a **Fix** section' % rid)
        if '`%s`' % rid not in docs or '`%s`' % name not in docs:
            problems.append('%s: docs/rules.md has no row naming `%s` and `%s`' % (rid, rid, name))
        folder = os.path.join(repo, 'testdata', '%s-%s' % (rid.lower(), name))
        cases = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
        kinds = [classify(os.path.join(folder, c), rid, name) for c in cases]
        npos, nneg = kinds.count('pos'), kinds.count('neg')
        if npos < MIN or nneg < MIN:
            problems.append('%s: testdata/%s-%s has %d positive and %d negative cases (at least %d each)'
                            % (rid, rid.lower(), name, npos, nneg, MIN))
    for p in problems:
        print('check-registry: %s' % p)
    print('check-registry: %d rules, %d problems' % (len(rules), len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
