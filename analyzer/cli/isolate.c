/* isolate.c - see isolate.h.
 *
 * Parent and child talk over a socket pair (sending with MSG_NOSIGNAL: a
 * closed peer is an error, not a SIGPIPE). Each message is
 * a u64 length, then that many bytes. A request is the file (cl_put_str),
 * u32 n and n arguments (cl_put_str each), then u64 0, or u64 len + 1 and
 * len bytes: the file's unsaved contents; the child answers each request
 * with a reply: the magic RESULT_MAGIC, i64 parse start (CLOCK_REALTIME
 * ns), u64 parse and lowering times (microseconds), u32 n and n u64 include
 * hashes, then the serialized summary. It ends (exit 0) when the socket
 * closes. Its stderr goes to a pipe the parent reads (bounded, per TU) only
 * to tell an allocation failure from another crash: LLVM prints "out of
 * memory" before it aborts, conc-lint's own allocator "out of memory".
 *
 * fork() in a threaded process: the child runs only the frontend, on
 * memory no other thread of the parent was changing under a lock of its own
 * (glibc's malloc is fork-safe; the parent's threads never run libclang, nor
 * dlopen() anything, while isolation is on), and it never touches stdio, the
 * cache or the pool. It ends with _exit(). Each child loads libclang itself
 * and then sends one byte, "ready" (spawn waits for it, so that no TU's
 * deadline counts the loading): the parent, which goes on to link every
 * summary, never maps the library (about 50 MB of resident pages it would
 * carry through the link for nothing); a child that cannot load it exits
 * with CHILD_NO_LIBCLANG instead.
 */
/* pipe2(), close_range() and SOCK_CLOEXEC are GNU. */
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
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "frontend/frontend.h"
#include "ir/summary_io.h"
#include "util/arena.h"
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

static const char RESULT_MAGIC[8] = { 'C', 'L', 'I', 'S', 'O', '2', '\n', 0 };
enum { CHILD_NO_LIBCLANG = 70, CHILD_IO_FAILED = 71, STDERR_KEEP = 4096, FRAME_HEAD = 8 };

struct cl_isolator {
    cl_tu_limits lim;
    pid_t pid;          /* the child; 0: none */
    int sock;           /* the parent's end of the socket pair */
    int err;            /* the read end of the child's stderr */
    unsigned served;    /* TUs the child has summarized */
    cl_strbuf errtext;  /* its stderr since the current request (bounded) */
};

/* Sends (`out`) or reads exactly `n` bytes at `buf` on socket `fd`; a send
 * to a closed peer is an error, not a SIGPIPE. Returns 0, or -1 at an
 * error or the end of input. */
static int transfer(int fd, char *buf, size_t n, int out)
{
    while (n > 0) {
        ssize_t k = out ? send(fd, buf, n, MSG_NOSIGNAL) : read(fd, buf, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        buf += k;
        n -= (size_t)k;
    }
    return 0;
}

/* Starts a message in `b` (emptied): room for its length, filled in by
 * frame_end. */
static void frame_begin(cl_strbuf *b)
{
    b->len = 0;
    cl_put_u64(b, 0);
}

static void frame_end(cl_strbuf *b)
{
    cl_strbuf head = { NULL, 0, 0 };
    cl_put_u64(&head, (uint64_t)(b->len - FRAME_HEAD));
    memcpy(b->s, head.s, FRAME_HEAD);
    cl_strbuf_release(&head);
}

/* Closes every descriptor from 3 up but `keep`. The child inherits the
 * channels of the other workers' children too: holding their ends would
 * keep them from seeing each other's end. */
static void close_others(int keep)
{
    unsigned from[2] = { 3, (unsigned)keep + 1 }, to[2] = { (unsigned)keep - 1, ~0U };
    int ok = 1;
    for (int i = 0; i < 2; i++)
        if (from[i] <= to[i] && close_range(from[i], to[i], 0) != 0)
            ok = 0;
    if (ok)
        return;
    DIR *d = opendir("/proc/self/fd");
    if (d == NULL)
        return;
    int self = dirfd(d);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        int fd = atoi(de->d_name);
        if (fd >= 3 && fd != self && fd != keep)
            close(fd);
    }
    closedir(d);
}

/* One string of a request, copied into `a`; NULL when the request is
 * malformed (r->bad set). */
static char *get_arg(cl_reader *r, cl_arena *a)
{
    uint32_t n = cl_get_u32(r);
    if (n == 0 || !cl_need(r, n - 1)) {
        r->bad = 1;
        return NULL;
    }
    char *s = cl_arena_strndup(a, (const char *)r->p, n - 1);
    r->p += n - 1;
    return s;
}

/* The child's answer to one request (payload `len` bytes at `p`): the
 * reply in `b`. Exits when the request is malformed. */
static void serve(cl_frontend *fe, const unsigned char *p, size_t len, cl_strbuf *b)
{
    cl_arena a = { NULL };
    cl_reader r = { p, p + len, 0 };
    char *file = get_arg(&r, &a);
    size_t nargs = cl_get_count(&r, 4);
    char **args = cl_arena_alloc(&a, (nargs + 1) * sizeof *args);
    for (size_t i = 0; i < nargs && !r.bad; i++)
        args[i] = get_arg(&r, &a);
    uint64_t has = cl_get_u64(&r);
    cl_unsaved unsaved = { file, (const char *)r.p, (size_t)(has - 1) };
    if (r.bad || (has > 0 && !cl_need(&r, has - 1)))
        _exit(CHILD_IO_FAILED);
    cl_tu *tu = cl_frontend_summarize_unsaved(fe, file, args, nargs, has > 0 ? &unsaved : NULL);
    if (tu == NULL)
        _exit(CHILD_NO_LIBCLANG);
    frame_begin(b);
    cl_strbuf_addn(b, RESULT_MAGIC, sizeof RESULT_MAGIC);
    cl_put_u64(b, (uint64_t)tu->parse_started_ns);
    cl_put_u64(b, (uint64_t)(tu->parse_seconds * 1e6));
    cl_put_u64(b, (uint64_t)(tu->lower_seconds * 1e6));
    cl_put_u32(b, tu->include_hashes != NULL ? (uint32_t)tu->nincludes : 0);
    for (size_t i = 0; tu->include_hashes != NULL && i < tu->nincludes; i++)
        cl_put_u64(b, tu->include_hashes[i]);
    cl_summary_write(tu, b);
    frame_end(b);
    cl_tu_free(tu);
    cl_arena_release(&a);
}

/* The child: answer requests on `sock` until it closes, then _exit. */
_Noreturn static void child_main(int sock, int err, pid_t parent, const cl_tu_limits *lim)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(CHILD_IO_FAILED);
    if (dup2(err, STDERR_FILENO) < 0)
        _exit(CHILD_IO_FAILED);
    close_others(sock);
#ifdef CL_SANITIZED
    (void)lim; /* shadow memory needs terabytes of address space */
#else
    if (lim->memory_mb > 0) {
        rlim_t bytes = (rlim_t)lim->memory_mb << 20;
        struct rlimit rl = { bytes, bytes };
        (void)setrlimit(RLIMIT_AS, &rl);
    }
#endif
    if (cl_frontend_load(NULL, 0) != 0)
        _exit(CHILD_NO_LIBCLANG);
    char ready = 'r';
    if (transfer(sock, &ready, 1, 1) != 0)
        _exit(CHILD_IO_FAILED);
    cl_frontend *fe = cl_frontend_new();
    cl_strbuf reply = { NULL, 0, 0 };
    unsigned char *req = NULL;
    for (;;) {
        unsigned char head[FRAME_HEAD];
        if (transfer(sock, (char *)head, sizeof head, 0) != 0)
            _exit(0);
        cl_reader h = { head, head + sizeof head, 0 };
        uint64_t len = cl_get_u64(&h);
        if (len > SIZE_MAX / 2)
            _exit(CHILD_IO_FAILED);
        req = cl_xrealloc(req, len > 0 ? (size_t)len : 1);
        if (transfer(sock, (char *)req, (size_t)len, 0) != 0)
            _exit(CHILD_IO_FAILED);
        serve(fe, req, (size_t)len, &reply);
        if (transfer(sock, reply.s, reply.len, 1) != 0)
            _exit(CHILD_IO_FAILED);
    }
}

/* The summary in a reply's bytes, or NULL when they are not one; *body
 * gets the offset of its serialized form in `buf`. */
static cl_tu *decode(const unsigned char *buf, size_t len, size_t *body)
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
    *body = (size_t)(r.p - buf);
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

/* Keeps what one read of the child's stderr gives (bounded). Returns the
 * bytes read, 0 at its end or -1. */
static ssize_t read_stderr(cl_isolator *iso)
{
    char buf[4096];
    ssize_t got = read(iso->err, buf, sizeof buf);
    if (got > 0 && iso->errtext.len < STDERR_KEEP)
        cl_strbuf_addn(&iso->errtext, buf, (size_t)got);
    return got;
}

/* Reads what the child's stderr holds now, without waiting. */
static void drain_stderr(cl_isolator *iso)
{
    struct pollfd p = { iso->err, POLLIN, 0 };
    while (poll(&p, 1, 0) > 0 && read_stderr(iso) > 0)
        ;
}

typedef enum await_end { REPLY, CHILD_GONE, TIMED_OUT } await_end;

/* Reads the child's reply into `reply` (its payload from offset FRAME_HEAD
 * on) and its stderr until the reply is complete, the socket closes, or the
 * deadline (ms, CLOCK_MONOTONIC; 0: none) passes. */
static await_end await_reply(cl_isolator *iso, int64_t deadline, cl_strbuf *reply)
{
    struct pollfd fds[2] = { { iso->sock, POLLIN, 0 }, { iso->err, POLLIN, 0 } };
    char buf[65536];
    for (;;) {
        if (reply->len >= FRAME_HEAD) {
            cl_reader h = { (const unsigned char *)reply->s,
                            (const unsigned char *)reply->s + FRAME_HEAD, 0 };
            uint64_t len = cl_get_u64(&h);
            if (reply->len - FRAME_HEAD >= len)
                return REPLY;
        }
        int wait = -1;
        if (deadline > 0) {
            int64_t left = deadline - now_ms();
            if (left <= 0)
                return TIMED_OUT;
            wait = left > 60000 ? 60000 : (int)left;
        }
        int n = poll(fds, 2, wait);
        if (n < 0 && errno != EINTR)
            return CHILD_GONE;
        if (n > 0 && fds[1].revents != 0 && read_stderr(iso) <= 0)
            fds[1].fd = -1;
        if (n <= 0 || fds[0].revents == 0)
            continue;
        ssize_t got = read(iso->sock, buf, sizeof buf);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return CHILD_GONE;
        cl_strbuf_addn(reply, buf, (size_t)got);
    }
}

/* Starts the child. Returns 0, or -1 with the reason in `why`. */
static int end_child(cl_isolator *iso);
static void explain(int status, int timed_out, const char *errtext, const cl_tu_limits *lim,
                    char *why, size_t whylen);

/* Starts the child and waits until it has loaded libclang. Returns 0, or
 * -1 with the reason in `why` ("" when the child could not load libclang). */
static int spawn(cl_isolator *iso, char *why, size_t whylen)
{
    int sv[2], err[2];
    char eb[128];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
        snprintf(why, whylen, "failed (cannot create a socket: %s)", cl_strerror(errno, eb, sizeof eb));
        return -1;
    }
    if (pipe2(err, O_CLOEXEC) != 0) {
        snprintf(why, whylen, "failed (cannot create a pipe: %s)", cl_strerror(errno, eb, sizeof eb));
        close(sv[0]);
        close(sv[1]);
        return -1;
    }
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0)
        child_main(sv[1], err[1], parent, &iso->lim);
    close(sv[1]);
    close(err[1]);
    if (pid < 0) {
        snprintf(why, whylen, "failed (cannot start a process: %s)", cl_strerror(errno, eb, sizeof eb));
        close(sv[0]);
        close(err[0]);
        return -1;
    }
    iso->pid = pid;
    iso->sock = sv[0];
    iso->err = err[0];
    iso->served = 0;
    iso->errtext.len = 0;
    if (iso->errtext.s != NULL)
        iso->errtext.s[0] = '\0';
    char ready;
    if (transfer(iso->sock, &ready, 1, 0) != 0) {
        int status = end_child(iso);
        if (WIFEXITED(status) && WEXITSTATUS(status) == CHILD_NO_LIBCLANG)
            why[0] = '\0'; /* (cl_frontend_load in the parent says why) */
        else
            explain(status, 0, iso->errtext.s, &iso->lim, why, whylen);
        return -1;
    }
    return 0;
}

/* Kills the child and reaps it; what it left on stderr is added to
 * errtext. Returns its wait status: that of its own end when it had ended
 * already (a process that is exiting keeps its status). */
static int end_child(cl_isolator *iso)
{
    kill(iso->pid, SIGKILL);
    close(iso->sock);
    int status = 0;
    while (waitpid(iso->pid, &status, 0) < 0 && errno == EINTR)
        ;
    drain_stderr(iso);
    close(iso->err);
    iso->pid = 0;
    iso->served = 0;
    return status;
}

/* Whether the child's address space has passed half the memory limit: a
 * TU that needs the other half would fail in it and not in a fresh child
 * (which cl_isolator_summarize would then try), so it is replaced now. */
static int grown(const cl_isolator *iso)
{
#ifdef CL_SANITIZED
    (void)iso; /* no limit is applied (child_main); shadow memory is address space */
    return 0;
#else
    if (iso->lim.memory_mb == 0)
        return 0;
    char path[64], buf[128];
    snprintf(path, sizeof path, "/proc/%d/statm", (int)iso->pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    ssize_t got = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (got <= 0)
        return 0;
    buf[got] = '\0';
    unsigned long long pages = strtoull(buf, NULL, 10);
    long page = sysconf(_SC_PAGESIZE);
    return pages * (unsigned long long)(page > 0 ? page : 4096) >
           ((unsigned long long)iso->lim.memory_mb << 20) / 2;
#endif
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

/* One try of a request (a message in `req`) in the running child. Returns
 * a parsed summary, an unparsed one (libclang could not produce an AST), or
 * NULL with the reason in `why`; *timed_out says the deadline passed. With
 * a summary, its serialized form replaces *bytes (may be NULL). The
 * child is ended unless a parsed summary came back; a child that has grown
 * too much (grown) is ended then too. */
static cl_tu *attempt(cl_isolator *iso, const cl_strbuf *req, cl_strbuf *bytes, int *timed_out,
                      char *why, size_t whylen)
{
    iso->errtext.len = 0;
    if (iso->errtext.s != NULL)
        iso->errtext.s[0] = '\0';
    int64_t deadline = iso->lim.timeout_s > 0 ? now_ms() + (int64_t)iso->lim.timeout_s * 1000 : 0;
    cl_strbuf reply = { NULL, 0, 0 };
    await_end end = transfer(iso->sock, req->s, req->len, 1) == 0
                        ? await_reply(iso, deadline, &reply)
                        : CHILD_GONE;
    size_t body = 0;
    cl_tu *tu = end == REPLY ? decode((const unsigned char *)reply.s + FRAME_HEAD,
                                      reply.len - FRAME_HEAD, &body)
                             : NULL;
    if (tu != NULL && bytes != NULL) {
        body += FRAME_HEAD;
        memmove(reply.s, reply.s + body, reply.len - body);
        reply.len -= body;
        cl_strbuf_release(bytes);
        *bytes = reply;
    } else {
        cl_strbuf_release(&reply);
    }
    *timed_out = end == TIMED_OUT;
    drain_stderr(iso);
    if (tu != NULL && tu->parsed) {
        iso->served++;
        if (grown(iso))
            end_child(iso);
        return tu;
    }
    /* A child that answered but gave no summary (or no AST) is ended too:
     * libclang's crash recovery may have left it in any state. Its status
     * (killed here) then says nothing: 0 gives "no summary came back". */
    int status = end_child(iso);
    if (end != CHILD_GONE)
        status = 0;
    /* libclang's crash recovery turns LLVM's abort on a failed allocation
     * into "cannot parse": the memory limit is the better reason. */
    if (tu != NULL && out_of_memory(iso->errtext.s)) {
        cl_tu_free(tu);
        tu = NULL;
    }
    if (tu == NULL)
        explain(status, *timed_out, iso->errtext.s, &iso->lim, why, whylen);
    return tu;
}

cl_isolator *cl_isolator_new(const cl_tu_limits *lim)
{
    cl_isolator *iso = cl_xcalloc(1, sizeof *iso);
    iso->lim = *lim;
    return iso;
}

void cl_isolator_free(cl_isolator *iso)
{
    if (iso == NULL)
        return;
    if (iso->pid != 0)
        end_child(iso);
    cl_strbuf_release(&iso->errtext);
    free(iso);
}

cl_tu *cl_isolator_summarize(cl_isolator *iso, const char *file, char *const *args,
                             size_t nargs, const cl_unsaved *unsaved, cl_strbuf *bytes, char *why,
                             size_t whylen)
{
    why[0] = '\0';
    cl_strbuf req = { NULL, 0, 0 };
    frame_begin(&req);
    cl_put_str(&req, file);
    cl_put_u32(&req, (uint32_t)nargs);
    for (size_t i = 0; i < nargs; i++)
        cl_put_str(&req, args[i]);
    cl_put_u64(&req, unsaved != NULL ? (uint64_t)unsaved->len + 1 : 0);
    if (unsaved != NULL)
        cl_strbuf_addn(&req, unsaved->data, unsaved->len);
    frame_end(&req);
    cl_tu *tu = NULL;
    /* At most twice: a TU that fails in a child that served others before
     * is tried again in a fresh one (isolate.h); a timeout is not. */
    for (int tries = 0; tries < 2; tries++) {
        if (iso->pid == 0 && spawn(iso, why, whylen) != 0)
            break;
        int reused = iso->served > 0, timed_out = 0;
        tu = attempt(iso, &req, bytes, &timed_out, why, whylen);
        if ((tu != NULL && tu->parsed) || !reused || timed_out)
            break;
        cl_tu_free(tu);
        tu = NULL;
        why[0] = '\0';
    }
    cl_strbuf_release(&req);
    return tu;
}
