/* config.h - the project configuration file `.conc-lint.json`.
 *
 * The file is found by searching upward from a start directory
 * (cl_config_find), loaded and validated strictly (cl_config_load), and then
 * only read: rule levels, request-handler and callback-registration patterns
 * for CL001, configured spawn/lock/unlock/sleep wrapper functions (turned into
 * call specs with cl_config_add_callspecs) and path include/exclude patterns.
 * The schema is documented in docs/config.md; in short:
 *
 *   { "version": 1,
 *     "rules": { "CL002": "error", "sleep-coordination": { "level": "off" } },
 *     "handlers": ["^handle_"], "registration_apis": ["^event_register$"],
 *     "spawn_functions": [ { "name": "thread_start", "start_routine_arg": 1,
 *                            "arg_arg": 2, "handle_arg": 0 } ],
 *     "lock_functions": [ { "name": "my_lock", "lock_arg": 0 } ],
 *     "unlock_functions": [ { "name": "my_unlock", "lock_arg": 0 } ],
 *     "sleep_functions": ["msleep"],
 *     "include": ["^src/"], "exclude": ["/third_party/"] }
 *
 * Every key is optional. Anything the schema does not name (a key, a type, a
 * level, a rule, a regex PCRE2 rejects, a duplicate key) is an error: a bad
 * config must stop the run (exit 2) rather than be half-applied.
 *
 * Patterns are PCRE2 regular expressions, compiled once at load (JIT-compiled
 * when the platform supports it) and searched unanchored, like grep: write
 * `^handle_` or `^main$` to anchor. Matching runs with a match limit, so a
 * pathological pattern fails to match instead of hanging the run.
 *
 * Thread safety: after cl_config_load/cl_config_init returns, every query
 * function below only reads the config and allocates its own PCRE2 match
 * data, so a config may be shared by worker threads without locking.
 */
#ifndef CL_CONFIG_H
#define CL_CONFIG_H

#include <stddef.h>
#include <stdio.h>

#include "analysis/callspec.h"
#include "report/finding.h"

/* The name searched for by cl_config_find. */
#define CL_CONFIG_FILENAME ".conc-lint.json"
/* The only schema version this build reads. */
#define CL_CONFIG_VERSION 1
/* Config files larger than this are rejected (they are hand-written). */
#define CL_CONFIG_MAX_BYTES ((size_t)1 << 20)
/* Largest argument index a wrapper entry may name (0-based). */
#define CL_CONFIG_MAX_ARG 63

/* A compiled pattern list; opaque compiled code lives in config.c. */
typedef struct cl_config_regex cl_config_regex;
typedef struct cl_config_patterns {
    size_t n;
    char **source;          /* the patterns as written (heap) */
    cl_config_regex **re;   /* compiled, parallel to `source` */
} cl_config_patterns;

/* A configured spawn wrapper: which arguments carry the thread handle
 * out-pointer, the start routine and the start argument (0-based; -1 when
 * the wrapper has no such argument). start_routine_arg is always >= 0. */
typedef struct cl_config_spawn {
    char *name;
    int start_routine_arg;
    int arg_arg;
    int handle_arg;
} cl_config_spawn;

/* A configured lock or unlock wrapper taking the lock as argument lock_arg. */
typedef struct cl_config_lockfn {
    char *name;
    int lock_arg;
} cl_config_lockfn;

typedef struct cl_config_lockfns {
    cl_config_lockfn *v;
    size_t n, cap;
} cl_config_lockfns;

/* One "rules" entry: the level configured for the rule at `rule_index`. */
typedef struct cl_config_rule {
    size_t rule_index;      /* index in cl_rules[] */
    cl_level level;         /* CL_LEVEL_NONE means "off" */
} cl_config_rule;

typedef struct cl_config {
    char *path;             /* the file loaded (as given), or NULL for the defaults */
    char *root;             /* absolute directory holding the file, or NULL */
    int version;
    struct { cl_config_rule *v; size_t n, cap; } rules;
    cl_config_patterns handlers;
    cl_config_patterns registration_apis;
    cl_config_patterns include;
    cl_config_patterns exclude;
    struct { cl_config_spawn *v; size_t n, cap; } spawn_functions;
    cl_config_lockfns lock_functions;
    cl_config_lockfns unlock_functions;
    struct { char **v; size_t n, cap; } sleep_functions;
    /* "walk_budget": steps each thread walk may take before it stops
     * descending into calls (analysis/flow.h); 0 = the default. */
    unsigned long walk_budget;
    int analyze_generated;  /* 1: analyze files that say they are generated */
    /* "libc": the C library the program runs on, "glibc" (0, the default:
     * what glibc makes thread-safe is, cl_callspecs_for_glibc) or "posix"
     * (1: only what POSIX promises, for portable code) */
    int libc_posix;
    /* "event_loops": 1 models libevent/libuv/libev loops (a dispatch runs
     * the handlers registered with its loop, a wake-up descriptor orders);
     * 0, the default, leaves those library calls unknown. */
    int event_loops;
    int tu_timeout;         /* seconds per TU, 0 no limit, -1 not set */
    int tu_memory;          /* MB per TU, 0 no limit, -1 not set */
} cl_config;

/* The per-TU limits when neither the command line nor the config sets
 * them (docs/config.md): far above what any TU of the corpus packages
 * needs (the slowest, generated ones aside, parse in seconds). */
enum { CL_DEFAULT_TU_TIMEOUT = 300, CL_DEFAULT_TU_MEMORY = 4096, CL_MAX_TU_LIMIT = 1000000 };

/* Sets `cfg` to the defaults: no file, every rule at its default level, no
 * patterns, no wrappers, every path selected, generated files skipped, the
 * per-TU limits not set (-1). Allocates nothing; releasing it is allowed
 * and does nothing. */
void cl_config_init(cl_config *cfg);

/* Searches `start_dir` (NULL: the working directory; relative paths are taken
 * against it) and then each parent for a regular file named
 * CL_CONFIG_FILENAME. The search stops after the first directory that is a
 * repository root (it holds a `.git` directory or file) or the user's home
 * ($HOME), else at "/". A file owned by another user than the effective one
 * (root's files excepted) is not used and the search goes on, like git's
 * safe.directory check: a file planted in a shared parent such as /tmp
 * cannot turn rules off. Returns 1 and sets *path_out to a malloc'ed
 * absolute, normalized path (caller frees) when one is found; returns 0 and
 * sets *path_out to NULL otherwise (also when the working directory is
 * unknown). When `ignored_out` is not NULL it receives the nearest file
 * passed over for its owner (malloc'ed), or NULL. */
int cl_config_find(const char *start_dir, char **path_out, char **ignored_out);

/* Loads and validates the config file `path`. `cfg` needs no initialization:
 * it is overwritten. Returns 0 on success; release with cl_config_release().
 * On error returns -1, leaves `cfg` as after cl_config_init() (so releasing
 * it is harmless) and writes one line without a newline into `err`, in the
 * form "PATH: key 'rules.CL009': unknown rule", "PATH:3:14: invalid JSON"
 * or "PATH: cannot read: No such file or directory". Key paths use '.' for
 * object members and [N] (0-based) for array elements, e.g.
 * 'spawn_functions[1].start_routine_arg'. Only the first error is reported. */
int cl_config_load(cl_config *cfg, const char *path, char *err, size_t errlen);

/* The level for rule `rule_index` (index in cl_rules[]): the configured one,
 * or `default_level` when the config does not name the rule. CL_LEVEL_NONE
 * means the rule is off. */
cl_level cl_config_rule_level(const cl_config *cfg, size_t rule_index, cl_level default_level);

/* Whether `path` is analyzed: it matches some "include" pattern (or there are
 * none) and no "exclude" pattern. The path is normalized (made absolute
 * against the working directory, "." and ".." removed) and, when it lies
 * under cfg->root, the patterns see it relative to the root ("src/net.c");
 * otherwise they see the absolute path. Returns 1 or 0. */
int cl_config_path_selected(const cl_config *cfg, const char *path);

/* Whether the function name `fn_name` matches a "handlers" pattern (a request
 * handler for CL001). Returns 1 or 0; 0 when there are no patterns. */
int cl_config_is_handler(const cl_config *cfg, const char *fn_name);

/* Whether `fn_name` matches a "registration_apis" pattern (a function that
 * registers a callback run per request/event). Returns 1 or 0. */
int cl_config_is_registration_api(const cl_config *cfg, const char *fn_name);

/* Adds the configured wrappers to `specs` with cl_callspecs_add:
 * spawn_functions as CL_CK_SPAWN (obj = handle_arg, func = start_routine_arg,
 * data = arg_arg), lock_functions as CL_CK_LOCK and unlock_functions as
 * CL_CK_UNLOCK (obj = lock_arg), sleep_functions as CL_CK_SLEEP. Configured
 * entries are searched before the built-ins, so a config may redefine a
 * library function. With "libc" "glibc" (the default) the functions glibc
 * makes thread-safe follow, without their thread-safety flags
 * (cl_callspecs_for_glibc). Sets specs->event_loops from "event_loops".
 * Names are copied; `specs` stays owned by the caller. */
void cl_config_add_callspecs(const cl_config *cfg, cl_callspecs *specs);

/* Writes the effective configuration to `out` as one JSON document (for
 * --print-config): every key of the schema, every rule by id with its
 * effective level (configured or default), and a final newline. The output
 * is itself a valid config file that loads to the same settings. */
void cl_config_print(const cl_config *cfg, FILE *out);

/* Frees everything `cfg` owns and leaves it as after cl_config_init(). */
void cl_config_release(cl_config *cfg);

/* "off", "note", "warning", "error": the config spelling of a level. */
const char *cl_config_level_name(cl_level level);

#endif
