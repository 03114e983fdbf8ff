/* verify.h - the --verify test oracle (the idea of clang's -verify).
 *
 * Directives are line comments in the analyzed source files:
 *   // expect: CL002            a finding of CL002 on this line
 *   // expect: CL001 CL003      two findings on this line
 *   // expect@+1: CL002         ... on the next line (@-N, @+N)
 *   // expect: CL002 {{races with read}}
 *                               ... whose message contains the text (a
 *                               substring, byte for byte, blanks included);
 *                               several pins after one rule must all be in
 *                               the same message
 *   // expect-related: CL002 {{conflicting write}}
 *                               some CL002 finding (anywhere) has a related
 *                               location on this line whose message
 *                               contains the text (pins optional)
 *   // expect-flow: CL002 {{thread 'worker'}}
 *                               the CL002 finding on this line has a thread
 *                               flow in which every pin is in the thread's
 *                               name or in one of its steps' messages (no
 *                               pin: it has a thread flow)
 *   // expect-todo: CL002       a known miss: the finding is wanted but not
 *                               produced yet; counted, and an error once it is
 *   // fp-todo: CL002           a known false positive on this line; counted,
 *                               and an error once it disappears
 *   // expect-none              the whole file must produce no finding
 * A directive must start the comment (after "//" and blanks); a word that
 * merely contains "expect" is not one. Rule names may be given by id
 * ("CL002") or name ("unguarded-shared-state"); pins (`{{text}}`) follow
 * their rule on any directive but expect-none, and `@+N`/`@-N` works on
 * all of them. expect-related and expect-flow add no expected finding: the
 * finding they describe needs its own expect. A file with no directive at
 * all is an error (say expect-none), as is a malformed directive (unknown
 * rule, bad offset, an unclosed or empty pin, a '{' in the trailing note,
 * expect-none beside other directives).
 */
#ifndef CL_VERIFY_H
#define CL_VERIFY_H

#include <stdio.h>

#include "report/finding.h"

/* Checks `findings` (sorted, suppressed ones excluded by the caller or not:
 * suppressed findings are ignored here) against the directives in `files`
 * (absolute paths, the project files analyzed). Prints every missing,
 * unexpected and malformed item, one per line as "file:line: message", and a
 * summary line to `out` ("verify: N expected, N found, N missing, N
 * unexpected, N todo", then the other counts that are not zero; an unmet
 * expect-related or expect-flow counts as missing). Returns 0 when
 * everything matches, 1 otherwise. */
int cl_verify(const cl_findings *findings, char *const *files, size_t nfiles, FILE *out);

#endif
