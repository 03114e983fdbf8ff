/* suppress.h - inline suppression comments.
 *
 * The syntax follows clang-tidy's NOLINT / NOLINTNEXTLINE (and cppcheck's
 * `// cppcheck-suppress`): a comment that *begins* with a directive
 *
 *   x++;  // conc-lint-ignore: CL002 -- counter is approximate by design
 *   // conc-lint-ignore-next-line: unguarded-shared-state, CL003
 *   x++;
 *   y++;  // conc-lint-ignore: all
 *
 * (a block comment that begins with the directive works the same way).
 * `conc-lint-ignore` suppresses findings whose primary location is on the
 * comment's own line, `conc-lint-ignore-next-line` those on the following
 * line. After the ':' comes a list of rules, by id ("CL002") or name
 * ("unguarded-shared-state"), separated by commas and/or blanks, or `all`;
 * then optionally `--` and a free-text reason, which is recorded as the
 * finding's suppression_reason (SARIF suppressions[].justification). The
 * directive must begin the comment (after blanks), in a `//` or a block
 * comment; it ends at the end of the line or of the comment. Comments are
 * found by a lexer that skips string and character literals, so a directive
 * inside a string does nothing.
 *
 * clang-tidy users' spelling is an alias: `// NOLINT(CL002)` is
 * `conc-lint-ignore: CL002`, `// NOLINTNEXTLINE(CL002, CL003)` is
 * `conc-lint-ignore-next-line: CL002, CL003`; text after the ')' (after an
 * optional ':' or '--') is the reason. Names in the list that are not
 * conc-lint rules belong to clang-tidy and are skipped; a bare `NOLINT` or
 * one naming no rule of ours is left to clang-tidy (suppresses nothing here).
 *
 * A directive that is malformed (unknown rule, a missing ':', no rule, a
 * misspelled keyword such as `conc-lint-ignore-nextline`) suppresses nothing
 * and is reported; so is a well-formed directive that matched no finding
 * ("unused suppression"), so stale suppressions do not pile up.
 */
#ifndef CL_SUPPRESS_H
#define CL_SUPPRESS_H

#include <stddef.h>

#include "util/arena.h"
#include "report/finding.h"

/* Source files larger than this are not scanned (an UNREADABLE note). */
#define CL_SUPPRESS_MAX_FILE_BYTES ((size_t)16 << 20)

typedef enum cl_suppress_note_kind {
    CL_SUPPRESS_UNUSED = 1, /* a well-formed directive (or some of its rules) matched no finding */
    CL_SUPPRESS_MALFORMED,  /* ignored: unknown rule, missing ':', no rule, unknown keyword */
    CL_SUPPRESS_UNREADABLE  /* a file could not be read; its directives were not applied */
} cl_suppress_note_kind;

/* Something the driver should print as a note ("file:line:col: note: ..."). */
typedef struct cl_suppress_note {
    cl_suppress_note_kind kind;
    /* The directive: file as the finding or `files` named it, line of the
     * comment (1-based) and byte column of the directive keyword (1-based).
     * For UNREADABLE, line and col are 0. */
    cl_loc loc;
    /* The directive as written, e.g. "conc-lint-ignore: CL002 -- reason"
     * (blanks and a closing "*" "/" trimmed); NULL for UNREADABLE. */
    const char *text;
    /* Lowercase, no final period, e.g.
     *   "unused suppression: no 'CL003' finding on line 13"
     *   "malformed suppression: unknown rule 'CL009'"
     *   "cannot read 'x.c' for suppressions: No such file or directory" */
    const char *message;
} cl_suppress_note;

typedef struct cl_suppress_report {
    cl_arena arena; /* owns every note string */
    /* Sorted by file, line, column, kind: deterministic for any -j. */
    struct { cl_suppress_note *v; size_t n, cap; } notes;
    size_t nsuppressed; /* findings this call marked suppressed */
    size_t ndirectives; /* well-formed directives seen in the scanned files */
} cl_suppress_report;

/* Applies the suppression comments to `fs`.
 *
 * Scans every file that holds a finding's primary location plus the extra
 * `files` (the analyzed project files, so unused suppressions in files
 * without findings are reported too; may be NULL when `nfiles` is 0). Paths
 * are compared after normalization (cl_path_normalize against the working
 * directory), so "src/a.c" and "/abs/src/a.c" are the same file. Each file is
 * read once, up to CL_SUPPRESS_MAX_FILE_BYTES.
 *
 * A finding is suppressed when a directive targeting its primary line names
 * its rule (or `all`): its `suppressed` is set to 1 and its
 * `suppression_reason` to the directive's reason, copied into `fs->arena`
 * (NULL when the directive gives none; the first directive with a reason
 * wins). Findings with no file or rule are left alone.
 *
 * `rule_active`, when not NULL, has cl_nrules entries (index as in
 * cl_rules[]); a directive's rule whose entry is 0 (disabled in this run)
 * is never reported unused. NULL means every rule ran.
 *
 * `out` needs no initialization: it is overwritten; release it with
 * cl_suppress_report_release(). Never fails: unreadable files and malformed
 * directives become notes in `out`. Cost: one pass over each scanned file,
 * then findings x directives on the same file. */
void cl_suppress_apply(cl_findings *fs, char *const *files, size_t nfiles,
                       const unsigned char *rule_active, cl_suppress_report *out);

/* Frees the notes; `r` is empty afterwards. */
void cl_suppress_report_release(cl_suppress_report *r);

#endif
