#!/usr/bin/env python3
"""check-function-length.py - lists C functions longer than a limit.

usage: check-function-length.py [--max N] [--exempt FILE] PATH...

Scans every .c file under the PATHs (files or directories) for top-level
function definitions and prints one line per function longer than N lines
(default 150), from the line of its name to its closing brace:

    analyzer/cli/driver.c:612: 'cl_driver_run' is 386 lines (limit 150)

The scan is lexical, not a parser: comments, string and character literals
and preprocessor lines (with their continuations) are blanked first; then a
'{' at brace depth 0 opens a function when the text since the previous
top-level ';', '}' or directive ends in a parameter list ')' and is not a
struct, union or enum or an initializer ('='). That is right for the code
this project writes (one function per definition, no K&R parameter lists,
no braces hidden in macros at the top level).

--exempt FILE names files whose long functions are allowed for now, one
shell pattern a line (fnmatch, matched against the path as printed; '#'
starts a comment). Their long functions are listed, marked [exempt]; a
pattern that matches no long function is named in a note, so the entry can
go once the code it covered is fixed.

Exit status: 0 when nothing is over the limit outside the exemptions, 1
otherwise, 2 on a usage error.
"""
import argparse
import fnmatch
import os
import re
import sys


def blank(text):
    """`text` with comments, literals and preprocessor lines replaced by
    spaces; newlines are kept, so offsets map to the same lines."""
    out = []
    i, n = 0, len(text)
    line_start = True
    while i < n:
        c = text[i]
        if line_start and c in ' \t':
            out.append(c)
            i += 1
            continue
        if line_start and c == '#':
            # a directive, up to an unescaped newline
            while i < n and text[i] != '\n':
                if text[i] == '\\' and i + 1 < n and text[i + 1] == '\n':
                    out.append(' \n')
                    i += 2
                    continue
                out.append(' ')
                i += 1
            continue
        line_start = False
        if c == '\n':
            line_start = True
            out.append(c)
            i += 1
        elif text.startswith('/*', i):
            end = text.find('*/', i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:end]))
            i = end
        elif text.startswith('//', i):
            end = text.find('\n', i)
            end = n if end < 0 else end
            out.append(' ' * (end - i))
            i = end
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            j = min(j + 1, n)
            out.append(c + re.sub(r'[^\n]', ' ', text[i + 1:j - 1]) + c)
            i = j
        else:
            out.append(c)
            i += 1
    return ''.join(out)


HEAD = re.compile(r'([A-Za-z_]\w*)\s*\(')


def functions(path):
    """Yields (name, first line, last line) of each function defined in
    the file at `path`."""
    with open(path, encoding='utf-8', errors='replace') as f:
        text = blank(f.read())
    depth = 0
    start = 0          # offset where the current top-level declaration began
    opened = None      # (name, offset of the name) of the function being read
    for i, c in enumerate(text):
        if c == '{':
            if depth == 0:
                head = text[start:i]
                m = HEAD.search(head)
                flat = ' '.join(head.split())
                if (m and flat.endswith(')') and '=' not in flat and
                        not re.match(r'(typedef\s+)?(struct|union|enum)\b', flat)):
                    opened = (m.group(1), start + m.start(1))
                else:
                    opened = None
            depth += 1
        elif c == '}':
            depth -= 1
            if depth == 0:
                if opened is not None:
                    first = text.count('\n', 0, opened[1]) + 1
                    last = text.count('\n', 0, i) + 1
                    yield opened[0], first, last
                opened = None
                start = i + 1
        elif c == ';' and depth == 0:
            start = i + 1
        elif c == '\n' and depth == 0 and text[start:i].strip() == '':
            start = i + 1


def c_files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith('.c'):
                        yield os.path.join(root, name)
        else:
            yield p


def read_exemptions(path):
    pats = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if line:
                pats.append(line)
    return pats


def main():
    ap = argparse.ArgumentParser(description='list C functions longer than a limit')
    ap.add_argument('--max', type=int, default=150, help='longest allowed function, in lines')
    ap.add_argument('--exempt', help='file of shell patterns naming files exempt for now')
    ap.add_argument('paths', nargs='+')
    args = ap.parse_args()
    if args.max < 1:
        ap.error('--max must be at least 1')
    exempt = read_exemptions(args.exempt) if args.exempt else []
    used = set()
    bad = 0
    for path in c_files(args.paths):
        if not os.path.isfile(path):
            print(f'check-function-length: no such file: {path}', file=sys.stderr)
            return 2
        for name, first, last in functions(path):
            length = last - first + 1
            if length <= args.max:
                continue
            hits = [p for p in exempt if fnmatch.fnmatch(path, p)]
            used.update(hits)
            tag = ' [exempt]' if hits else ''
            print(f'{path}:{first}: \'{name}\' is {length} lines (limit {args.max}){tag}')
            bad += not hits
    for p in exempt:
        if p not in used:
            print(f'check-function-length: note: exemption \'{p}\' matches no function '
                  f'over {args.max} lines; it can be removed from {args.exempt}')
    if bad:
        print(f'check-function-length: {bad} function(s) over {args.max} lines')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
