/* report_github.h - findings as GitHub Actions workflow commands, so a CI
 * step shows them as annotations on the pull request's diff:
 *
 *   ::warning file=src/stats.c,line=48,col=11,title=CL002 unguarded-shared-state::write to ...
 *
 * One command per line and per finding, in the report's (sorted) order, at
 * most CL_GITHUB_ANNOTATIONS_PER_KIND of each level: GitHub shows no more
 * per step ("10 warning annotations, 10 error annotations, and 10 notice
 * annotations per step"; actions/toolkit, docs/problem-matchers.md,
 * "Limitations"), so the rest would vanish without a word. One plain line
 * then says how many more there are.
 * Reference: GitHub Docs, "Workflow commands for GitHub Actions", sections
 * "Setting a warning message" and the escaping rules of the runner
 * (actions/toolkit, packages/core/src/command.ts: escapeData, escapeProperty).
 */
#ifndef CL_REPORT_GITHUB_H
#define CL_REPORT_GITHUB_H

#include <stdio.h>

#include "report/finding.h"
#include "report/report.h"

enum { CL_GITHUB_ANNOTATIONS_PER_KIND = 10 };

/* Writes one workflow command per finding of `r` to `out`:
 *   ::LEVEL file=REL,line=L,col=C,title=ID NAME::MESSAGE
 * - LEVEL: finding level error -> "error", warning -> "warning",
 *   note -> "notice"; findings of level none and suppressed findings are
 *   skipped (GitHub has no place for them; SARIF keeps them).
 * - REL: the file relative to r->srcroot (which should be the repository
 *   root, GITHUB_WORKSPACE, for GitHub to place the annotation), or the
 *   normalized absolute path when the file is outside it. A finding without
 *   a file has no file/line/col; line/col are left out when 0.
 * - col: 1-based, in UTF-16 code units like the SARIF writer (read from the
 *   source line; the byte column when the file cannot be read).
 * - MESSAGE: the finding's message, then one line per related location,
 *   "REL:LINE:COL: MESSAGE", so the evidence shows in the annotation.
 * Escaping: property values (file, title) encode '%', '\r', '\n', ':' and ','
 * as %25 %0D %0A %3A %2C; the message encodes '%', '\r', '\n'. Other bytes,
 * UTF-8 included, are written unchanged.
 * After CL_GITHUB_ANNOTATIONS_PER_KIND commands of a level, further
 * findings of that level are counted, not written; then one line
 * "conc-lint: N more findings not shown as annotations (...)".
 * When $GITHUB_STEP_SUMMARY names a file, a markdown table with one row per
 * rule (findings, new ones with a baseline, suppressed) and a total line is
 * appended to it (best effort: a failure there is ignored).
 * Returns 0, or -1 when writing to `out` failed (ferror). */
int cl_report_write_github(FILE *out, const cl_report *r);

/* As cl_report_write_github, but writes only the findings for which
 * keep(f, arg) returns non-zero (after the level/suppression filter), e.g.
 * only those cl_baseline_classify called NEW, so a pull request is
 * annotated with what it introduced. keep == NULL keeps every finding. */
int cl_report_write_github_if(FILE *out, const cl_report *r,
                              int (*keep)(const cl_finding *f, void *arg), void *arg);

/* Appends `s` to `b` escaped as a workflow command property value
 * (prop != 0: % \r \n : ,) or as command data (prop == 0: % \r \n). */
void cl_github_escape(cl_strbuf *b, const char *s, int prop);

#endif
