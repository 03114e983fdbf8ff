/* arena.h - bump allocation for per-TU and per-run data, and small helpers
 * for growable arrays and strings.
 *
 * An arena hands out memory that lives until cl_arena_release(); objects are
 * never freed one by one. Built with -DCL_ARENA_MALLOC every allocation is a
 * separate malloc() so AddressSanitizer sees each object's bounds.
 * Out of memory aborts the process with a message (cl_xmalloc), like git's
 * xmalloc: an analyzer that cannot allocate cannot report anything useful.
 */
#ifndef CL_ARENA_H
#define CL_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct cl_arena_chunk cl_arena_chunk;

typedef struct cl_arena {
    cl_arena_chunk *head; /* newest chunk first */
} cl_arena;

/* Allocates `size` zeroed bytes, 16-byte aligned, owned by `a`. Never NULL. */
void *cl_arena_alloc(cl_arena *a, size_t size);

/* Copies the NUL-terminated `s` (NULL gives NULL) into `a`. */
char *cl_arena_strdup(cl_arena *a, const char *s);

/* Copies `n` bytes of `s` and a terminating NUL into `a`. */
char *cl_arena_strndup(cl_arena *a, const char *s, size_t n);

/* printf into a new string owned by `a`. */
char *cl_arena_printf(cl_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* vprintf into a new string owned by `a`. */
char *cl_arena_vprintf(cl_arena *a, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

/* A position in an arena (cl_arena_mark_of): what was allocated after it
 * can be given back at once (cl_arena_rewind). */
typedef struct cl_arena_mark {
    cl_arena_chunk *head;
    size_t used;
} cl_arena_mark;

/* The current end of `a`. */
cl_arena_mark cl_arena_mark_of(const cl_arena *a);

/* Frees what `a` allocated since mark `m` (taken on `a`, with no rewind to
 * an earlier mark since): those objects are gone, the ones before stay. */
void cl_arena_rewind(cl_arena *a, cl_arena_mark m);

/* Frees every chunk; `a` is empty and reusable afterwards. */
void cl_arena_release(cl_arena *a);

/* Moves every chunk of `src` into `dst`: what `src` allocated stays valid
 * and is now owned by `dst`; `src` is empty afterwards. O(chunks of src).
 * New allocations from `dst` go on in its own newest chunk. */
void cl_arena_adopt(cl_arena *dst, cl_arena *src);

/* malloc/calloc/realloc/strdup that abort with "conc-lint: out of memory". */
void *cl_xmalloc(size_t size);
void *cl_xcalloc(size_t n, size_t size);
void *cl_xrealloc(void *p, size_t size);
char *cl_xstrdup(const char *s);

/* Growable array of `type` in a struct with members `v`, `n`, `cap`:
 *   struct { int *v; size_t n, cap; } ints = {0};
 *   CL_VEC_PUSH(&ints, 42);
 * Heap-allocated (cl_xrealloc); the owner frees `v`. */
#define CL_VEC_PUSH(vec, value)                                                \
    do {                                                                       \
        if ((vec)->n == (vec)->cap) {                                          \
            (vec)->cap = (vec)->cap ? (vec)->cap * 2 : 8;                      \
            (vec)->v = cl_xrealloc((vec)->v, (vec)->cap * sizeof *(vec)->v);   \
        }                                                                      \
        (vec)->v[(vec)->n++] = (value);                                        \
    } while (0)

/* Makes `s` one printable line in place: control characters (newlines,
 * escapes) become '?'. For messages that quote untrusted text. */
void cl_one_line(char *s);

/* A growable NUL-terminated string on the heap; `s` is NULL until first use. */
typedef struct cl_strbuf {
    char *s;
    size_t len, cap;
} cl_strbuf;

void cl_strbuf_add(cl_strbuf *b, const char *s);
void cl_strbuf_addn(cl_strbuf *b, const char *s, size_t n);
void cl_strbuf_addf(cl_strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The contents; "" when empty. Borrowed from `b`. */
const char *cl_strbuf_str(const cl_strbuf *b);
void cl_strbuf_release(cl_strbuf *b);

/* A growable array of heap strings, each owned by the vector:
 *   cl_strvec sv = {0};  cl_strvec_push(&sv, "x");  ...  cl_strvec_release(&sv); */
typedef struct cl_strvec {
    char **v;
    size_t n, cap;
} cl_strvec;

/* Appends a copy of the NUL-terminated `s` (cl_xstrdup; must not be NULL). */
void cl_strvec_push(cl_strvec *sv, const char *s);
/* Frees every string and the array; `sv` is empty and reusable afterwards. */
void cl_strvec_release(cl_strvec *sv);

/* The last component of `path` (what follows its last '/', or all of it),
 * borrowed from `path`; "?" when `path` is NULL. */
const char *cl_base_name(const char *path);

/* The text of error number `e` (strerror's) in `buf` (`len` bytes, at
 * least 1), made with strerror_r: unlike strerror() it shares no buffer
 * with other threads. Returns `buf`. */
char *cl_strerror(int e, char *buf, size_t len);

/* Reads all of the regular file `path` (at most `max` bytes) into *out: a
 * malloc'ed, NUL-terminated buffer the caller frees ("" for an empty file),
 * its length without the NUL in *outlen. Never blocks and never reads past
 * the size the file reports (a FIFO, device or /proc file is refused or reads
 * as empty). Returns 0, or -1 with *out untouched and a lowercase reason in
 * `why` (`whylen` bytes): strerror() text when it cannot be opened or read,
 * "not a regular file", or "larger than N bytes" when it exceeds `max`. */
int cl_read_file(const char *path, size_t max, char **out, size_t *outlen, char *why,
                 size_t whylen);

/* From now on cl_read_file(`path`) (the exact string: an absolute,
 * normalized path) gives the `len` bytes at `data` instead of the file on
 * disk: an editor's unsaved buffer (--stdin-filename, the language
 * server's open documents), so that what reads sources for the report
 * (suppression comments, --verify directives, the source line under a
 * finding) sees what was analyzed. Several files can be overlaid; a second
 * call for one path replaces its overlay. cl_read_file_stat, which the
 * summary cache uses, still reads the disk. `path` and `data` are borrowed
 * until the overlays end; NULL `path` ends them all. Not thread-safe: call
 * it while no other thread reads files. */
void cl_read_file_overlay(const char *path, const char *data, size_t len);

struct stat;
/* cl_read_file, also filling *st_out (may be NULL) with the file's status
 * as it was before the read (the summary cache records it). */
int cl_read_file_stat(const char *path, size_t max, char **out, size_t *outlen,
                      struct stat *st_out, char *why, size_t whylen);

#endif
