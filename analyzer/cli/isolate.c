/* isolate.c - see isolate.h.
 *
 * The child writes to the result pipe: the magic RESULT_MAGIC, i64 parse
 * start (CLOCK_REALTIME ns), u64 parse and lowering times (microseconds),
 * u32 n and n u64 include hashes, then the serialized summary. Its stderr goes
 * to a second pipe the parent reads (bounded) only to tell an allocation
 * failure from another crash: LLVM prints "out of memory" before it aborts,
 * conc-lint's own allocator "out of memory".
 *
 * fork() in a threaded process: the child runs only the frontend, on
 * memory no other thread of the parent was changing under a lock of its own
 * (glibc's malloc is fork-safe; the parent's threads never run libclang while
 * isolation is on, and libclang is loaded before the first fork), and it
 * never touches stdio, the cache or the pool. It ends with _exit().
 */
/* pipe2() and close_range() are GNU. */
#define _GNU_SOURCE

#include "cli/isolate.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "frontend/frontend.h"
#include "ir/summary_io.h"
#include "util/bytes.h"

#if defined(__SANITIZE_THREAD__)
#define CL_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define CL_TSAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(CL_TSAN)
#define CL_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CL_SANITIZED 1
#endif
#endif

#ifdef CL_TSAN
/* ThreadSanitizer kills a child of a threaded fork() that starts a thread
 * (libclang parses on one); the child here is a separate program run. */
const char *__tsan_default_options(void);
const char *__tsan_default_options(void)
{
    return "die_after_fork=0";
}
#endif

static const char RESULT_MAGIC[8] = { 'C', 'L', 'I', 'S', 'O', '1', '\n', 0 };
enum { CHILD_NO_LIBCLANG = 70, CHILD_WRITE_FAILED = 71, STDERR_KEEP = 4096 };

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Closes every descriptor from `from` up. The child inherits the pipes of
 * the other workers' children too: holding their write ends would keep
 * their readers from seeing the end of the result. */
static void close_from(int from)
{
    if (close_range((unsigned)from, ~0U, 0) == 0)
        return;
    DIR *d = opendir("/proc/self/fd");
    if (d == NULL)
        return;
    int self = dirfd(d);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        int fd = atoi(de->d_name);
        if (fd >= from && fd != self)
            close(fd);
    }
    closedir(d);
}

/* The child: parse, send the result on descriptor 3, _exit. */
static void child_main(int out, int err, pid_t parent, const char *file, char *const *args,
                       size_t nargs, const cl_tu_limits *lim)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(CHILD_WRITE_FAILED);
    if (dup2(err, STDERR_FILENO) < 0 || (out != 3 && dup2(out, 3) < 0))
        _exit(CHILD_WRITE_FAILED);
    out = 3;
    close_from(4);
#ifdef CL_SANITIZED
    (void)lim; /* shadow memory needs terabytes of address space */
#else
    if (lim->memory_mb > 0) {
        rlim_t bytes = (rlim_t)lim->memory_mb << 20;
        struct rlimit rl = { bytes, bytes };
        (void)setrlimit(RLIMIT_AS, &rl);
    }
#endif
    cl_frontend *fe = cl_frontend_new();
    cl_tu *tu = cl_frontend_summarize(fe, file, args, nargs);
    if (tu == NULL)
        _exit(CHILD_NO_LIBCLANG);
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_addn(&b, RESULT_MAGIC, sizeof RESULT_MAGIC);
    cl_put_u64(&b, (uint64_t)tu->parse_started_ns);
    cl_put_u64(&b, (uint64_t)(tu->parse_seconds * 1e6));
    cl_put_u64(&b, (uint64_t)(tu->lower_seconds * 1e6));
    cl_put_u32(&b, tu->include_hashes != NULL ? (uint32_t)tu->nincludes : 0);
    for (size_t i = 0; tu->include_hashes != NULL && i < tu->nincludes; i++)
        cl_put_u64(&b, tu->include_hashes[i]);
    cl_summary_write(tu, &b);
    _exit(write_all(out, b.s, b.len) == 0 ? 0 : CHILD_WRITE_FAILED);
}

/* The summary in the child's result bytes, or NULL when they are not one. */
static cl_tu *decode(const unsigned char *buf, size_t len)
{
    if (len < sizeof RESULT_MAGIC || memcmp(buf, RESULT_MAGIC, sizeof RESULT_MAGIC) != 0)
        return NULL;
    cl_reader r = { buf + sizeof RESULT_MAGIC, buf + len, 0 };
    int64_t started = (int64_t)cl_get_u64(&r);
    double parse = (double)cl_get_u64(&r) / 1e6, lower = (double)cl_get_u64(&r) / 1e6;
    size_t nhashes = cl_get_count(&r, 8);
    const unsigned char *hashes = r.p;
    if (r.bad || !cl_need(&r, nhashes * 8))
        return NULL;
    r.p += nhashes * 8;
    cl_tu *tu = cl_summary_read(r.p, (size_t)(r.end - r.p), NULL);
    if (tu == NULL)
        return NULL;
    if (nhashes > 0 && nhashes == tu->nincludes) {
        cl_reader h = { hashes, hashes + nhashes * 8, 0 };
        tu->include_hashes = cl_arena_alloc(&tu->arena, nhashes * sizeof *tu->include_hashes);
        for (size_t i = 0; i < nhashes; i++)
            tu->include_hashes[i] = cl_get_u64(&h);
    }
    tu->parse_started_ns = started;
    tu->parse_seconds = parse;
    tu->lower_seconds = lower;
    return tu;
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Reads the child's two pipes until the result pipe closes or the deadline
 * (ms, CLOCK_MONOTONIC; 0: none) passes. Returns 1 when it passed. */
static int collect(int out, int err, int64_t deadline, cl_strbuf *result, cl_strbuf *errtext)
{
    struct pollfd fds[2] = { { out, POLLIN, 0 }, { err, POLLIN, 0 } };
    char buf[65536];
    while (fds[0].fd >= 0) {
        int wait = -1;
        if (deadline > 0) {
            int64_t left = deadline - now_ms();
            if (left <= 0)
                return 1;
            wait = left > 60000 ? 60000 : (int)left;
        }
        int n = poll(fds, 2, wait);
        if (n < 0 && errno != EINTR)
            return 0;
        for (int i = 0; i < 2 && n > 0; i++) {
            if (fds[i].fd < 0 || fds[i].revents == 0)
                continue;
            ssize_t got = read(fds[i].fd, buf, sizeof buf);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0) {
                fds[i].fd = -1;
                continue;
            }
            if (i == 0)
                cl_strbuf_addn(result, buf, (size_t)got);
            else if (errtext->len < STDERR_KEEP)
                cl_strbuf_addn(errtext, buf, (size_t)got);
        }
    }
    return 0;
}

/* Whether the child's stderr says an allocation failed. */
static int out_of_memory(const char *errtext)
{
    return errtext != NULL &&
           (strstr(errtext, "out of memory") != NULL || strstr(errtext, "bad_alloc") != NULL);
}

/* The reason a child that delivered no summary gives in `why`. */
static void explain(int status, int timed_out, const char *errtext, const cl_tu_limits *lim,
                    char *why, size_t whylen)
{
    int oom = out_of_memory(errtext);
    if (timed_out)
        snprintf(why, whylen, "timed out after %u s (--tu-timeout)", lim->timeout_s);
    else if (oom && lim->memory_mb > 0)
        snprintf(why, whylen, "ran out of memory (--tu-memory %u MB)", lim->memory_mb);
    else if (oom)
        snprintf(why, whylen, "ran out of memory");
    else if (WIFSIGNALED(status)) {
        char name[64];
        const char *descr = sigdescr_np(WTERMSIG(status)); /* strsignal is not thread-safe */
        snprintf(name, sizeof name, "%s", descr != NULL ? descr : "unknown signal");
        if (name[0] >= 'A' && name[0] <= 'Z')
            name[0] = (char)(name[0] - 'A' + 'a');
        snprintf(why, whylen, "crashed with signal %d (%s)", WTERMSIG(status), name);
    } else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
        snprintf(why, whylen, "failed (exit status %d)", WEXITSTATUS(status));
    else
        snprintf(why, whylen, "failed (no summary came back)");
}

cl_tu *cl_summarize_isolated(const char *file, char *const *args, size_t nargs,
                             const cl_tu_limits *lim, char *why, size_t whylen)
{
    why[0] = '\0';
    /* Loaded before the fork: every child inherits it, and no thread is
     * inside dlopen() when one forks. */
    if (cl_frontend_load(NULL, 0) != 0)
        return NULL;
    int out[2], err[2];
    if (pipe2(out, O_CLOEXEC) != 0) {
        snprintf(why, whylen, "failed (cannot create a pipe: %s)", strerror(errno));
        return NULL;
    }
    if (pipe2(err, O_CLOEXEC) != 0) {
        snprintf(why, whylen, "failed (cannot create a pipe: %s)", strerror(errno));
        close(out[0]);
        close(out[1]);
        return NULL;
    }
    pid_t parent = getpid();
    int64_t deadline = lim->timeout_s > 0 ? now_ms() + (int64_t)lim->timeout_s * 1000 : 0;
    pid_t pid = fork();
    if (pid == 0)
        child_main(out[1], err[1], parent, file, args, nargs, lim);
    close(out[1]);
    close(err[1]);
    cl_tu *tu = NULL;
    if (pid < 0) {
        snprintf(why, whylen, "failed (cannot start a process: %s)", strerror(errno));
        close(out[0]);
        close(err[0]);
        return NULL;
    }
    cl_strbuf result = { NULL, 0, 0 }, errtext = { NULL, 0, 0 };
    int timed_out = collect(out[0], err[0], deadline, &result, &errtext);
    if (timed_out)
        kill(pid, SIGKILL);
    close(out[0]);
    close(err[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!timed_out && WIFEXITED(status) && WEXITSTATUS(status) == 0)
        tu = decode((const unsigned char *)result.s, result.len);
    /* libclang's crash recovery turns LLVM's abort on a failed allocation
     * into "cannot parse": the memory limit is the better reason. */
    if (tu != NULL && !tu->parsed && out_of_memory(errtext.s)) {
        cl_tu_free(tu);
        tu = NULL;
    }
    if (tu == NULL)
        explain(status, timed_out, errtext.s, lim, why, whylen);
    cl_strbuf_release(&result);
    cl_strbuf_release(&errtext);
    return tu;
}
