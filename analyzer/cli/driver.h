/* driver.h - one analysis run: collect the translation units, summarize
 * them on a pool of worker threads, link, run the rules, report.
 */
#ifndef CL_DRIVER_H
#define CL_DRIVER_H

#include <stddef.h>

#include "cli/compdb.h"
#include "cli/keep.h"
#include "frontend/frontend.h"
#include "report/finding.h"
#include "report/report.h"

/* The largest buffer --stdin-filename reads. */
#define CL_STDIN_MAX_BYTES ((size_t)64 << 20)

/* What a run hands to cl_options.sink instead of writing a report: all
 * borrowed, valid only during the call. */
typedef struct cl_run_output {
    const cl_findings *findings;     /* sorted; suppressions applied (f->suppressed) */
    const cl_notification *notes;    /* parse diagnostics, notes of the run */
    size_t nnotes;
    const cl_compile_cmd *tus;       /* the run's translation units */
    size_t ntus;
    int reused;                      /* the findings came from the result cache */
} cl_run_output;

/* Exit statuses (docs/ci.md, README "Usage"). */
enum {
    CL_EXIT_OK = 0,        /* no finding at or above the fail level */
    CL_EXIT_FINDINGS = 1,
    CL_EXIT_USAGE = 2,     /* usage or configuration error */
    CL_EXIT_FAILED = 3     /* the analysis itself failed */
};

typedef struct cl_options {
    char **paths;          /* files and directories to analyze (borrowed) */
    size_t npaths;
    char **extra_args;     /* compiler arguments after `--` (borrowed) */
    size_t nextra;
    int have_dashdash;     /* `--` was given (even with no arguments) */
    const char *compdb;    /* -p: a compile_commands.json or its directory */
    unsigned jobs;         /* 0: number of CPUs */
    cl_format format;
    const char *output;    /* -o, or NULL for stdout */
    cl_level fail_on;
    int verify;
    int dump_ir;
    int stats;             /* print timings to stderr */
    const char *srcroot;   /* NULL: the current directory */
    const char *cache_dir;  /* summary cache directory, or NULL for no cache */
    /* --shard K/N: summarize the TUs whose index i in the input order has
     * i % N == K - 1 into cache_dir, and stop (no rules, no report). */
    unsigned shard_index, shard_count;
    /* --link DIR...: take every summary from these directories (written by
     * shards or a cached run) instead of parsing; a missing one is an error. */
    char **link_dirs;
    size_t nlink;
    /* Rule selection from --enable/--disable, per cl_rules[i]: 0 disabled,
     * 1 as configured, 2 explicitly enabled (runs even if the config turns
     * it off). NULL means all as configured. */
    const unsigned char *enabled;
    const char *config_path;   /* --config; NULL: search .conc-lint.json upward */
    int print_config;          /* --print-config: print the effective config, exit */
    const char *baseline_path; /* --baseline old.sarif, or NULL */
    int quiet;                 /* --quiet: findings only (no progress, summary, notes) */
    int progress;              /* a cl_progress_mode (report/progress.h): --progress forces */
    int color;                 /* --color: 0 auto (a tty, TERM not dumb, no NO_COLOR),
                                * 1 always, 2 never */
    int analyze_generated;     /* --analyze-generated: keep files that say they are generated */
    /* --tu-timeout SECONDS, --tu-memory MB: limits per TU, 0 for none, -1
     * when not given (then the config's, else CL_DEFAULT_TU_*). */
    int tu_timeout, tu_memory;
    /* --scope file: a file named with a compile database is analyzed alone
     * (its TU only), not as part of the whole program (docs/editors.md). */
    int scope_file;
    /* --stdin-filename FILE: standard input holds the contents of FILE (an
     * editor's unsaved buffer); FILE is the one path to analyze. NULL: none. */
    const char *stdin_filename;
    /* In-process callers (the language server): the unsaved buffers of
     * source files (borrowed, paths absolute and normalized), analyzed in
     * place of those files when they are TUs of the run (others are not
     * used); not with stdin_filename. */
    const cl_unsaved *unsaved;
    size_t nunsaved;
    /* Summaries kept between runs (keep.h), or NULL: the run takes a TU's
     * summary from it when still valid, and files every summary it used
     * there at its end. */
    cl_keep *keep;
    /* When set, the report is not written: sink(sink_arg, ...) receives
     * the findings and notes instead (format, output, baseline unused). */
    void (*sink)(void *sink_arg, const cl_run_output *out);
    void *sink_arg;
} cl_options;

/* Runs the analysis described by `o`. Errors are reported on stderr as one
 * line "conc-lint: error: ...". Returns one of the CL_EXIT_* codes. */
int cl_driver_run(const cl_options *o);

#endif
