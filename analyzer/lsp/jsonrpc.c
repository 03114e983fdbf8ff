/* jsonrpc.c - see jsonrpc.h. */
#include "lsp/jsonrpc.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "util/arena.h"

void cl_rpc_reader_init(cl_rpc_reader *r, int fd)
{
    memset(r, 0, sizeof *r);
    r->fd = fd;
}

/* Refills the buffer when it is empty. Returns 1 when bytes are there, 0
 * at the end of the stream (or on a read error: the client is gone). */
static int fill(cl_rpc_reader *r)
{
    if (r->pos < r->len)
        return 1;
    if (r->eof)
        return 0;
    for (;;) {
        ssize_t n = read(r->fd, r->buf, sizeof r->buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            r->eof = 1;
            return 0;
        }
        r->pos = 0;
        r->len = (size_t)n;
        return 1;
    }
}

int cl_rpc_pending(cl_rpc_reader *r)
{
    if (r->pos < r->len || r->eof)
        return 1;
    struct pollfd p = { r->fd, POLLIN, 0 };
    return poll(&p, 1, 0) > 0;
}

/* One header line without its "\r\n" (or "\n") into `line` (`cap` bytes);
 * a longer line is consumed and comes back truncated with *too_long set.
 * Returns 0, or -1 at the end of the stream. */
static int read_line(cl_rpc_reader *r, char *line, size_t cap, int *too_long)
{
    size_t n = 0;
    *too_long = 0;
    for (;;) {
        if (!fill(r))
            return -1;
        char c = r->buf[r->pos++];
        if (c == '\n')
            break;
        if (n + 1 < cap)
            line[n++] = c;
        else
            *too_long = 1;
    }
    if (n > 0 && line[n - 1] == '\r')
        n--;
    line[n] = '\0';
    return 0;
}

/* The value of a "Content-Length" header line (the name case-insensitive),
 * -1 when `line` is another header, -2 when the value is not a decimal
 * number (or is absurdly large; the caller checks CL_RPC_MAX_CONTENT).
 * The name may come after other bytes on the line: the rest of a message
 * whose own header was garbled runs into the next message's header, which
 * is where reading picks up again. */
static long long content_length(const char *line)
{
    static const char name[] = "content-length:";
    const char *at = line;
    while (*at != '\0' && strncasecmp(at, name, sizeof name - 1) != 0)
        at++;
    if (*at == '\0')
        return -1;
    const char *v = at + sizeof name - 1;
    v += strspn(v, " \t");
    if (*v < '0' || *v > '9')
        return -2;
    long long n = 0;
    for (; *v >= '0' && *v <= '9'; v++) {
        n = n * 10 + (*v - '0');
        if (n > (long long)CL_RPC_MAX_CONTENT * 16)
            return -2;
    }
    v += strspn(v, " \t");
    return *v == '\0' ? n : -2;
}

/* Reads `len` bytes of content into a new NUL-terminated buffer (or drops
 * them when `out` is NULL). Returns 0, or -1 at the end of the stream. */
static int read_content(cl_rpc_reader *r, size_t len, char **out)
{
    char *body = out != NULL ? cl_xmalloc(len + 1) : NULL;
    size_t got = 0;
    while (got < len) {
        if (!fill(r)) {
            free(body);
            return -1;
        }
        size_t take = r->len - r->pos < len - got ? r->len - r->pos : len - got;
        if (body != NULL)
            memcpy(body + got, r->buf + r->pos, take);
        r->pos += take;
        got += take;
    }
    if (body != NULL) {
        body[len] = '\0';
        *out = body;
    }
    return 0;
}

cl_rpc_status cl_rpc_read(cl_rpc_reader *r, char **content, size_t *len, char *why,
                          size_t whylen)
{
    char line[CL_RPC_MAX_HEADER];
    long long length = -1;
    int bad = 0, lines = 0, too_long = 0;
    *content = NULL;
    *len = 0;
    for (;;) {
        if (read_line(r, line, sizeof line, &too_long) != 0)
            return CL_RPC_EOF;
        if (line[0] == '\0' && !too_long) {
            if (lines == 0)
                continue; /* blank lines between messages */
            break;
        }
        lines++;
        long long n = too_long ? -2 : content_length(line);
        if (n == -2 || (n >= 0 && length >= 0))
            bad = 1;
        else if (n >= 0)
            length = n;
        else if (strchr(line, ':') == NULL)
            bad = 1; /* not a header at all: the rest of a garbled message */
    }
    if (bad || length < 0) {
        snprintf(why, whylen, "%s", bad ? "malformed header block (a garbled or repeated "
                                          "Content-Length, or a line that is no header)"
                                        : "header block without Content-Length");
        return CL_RPC_BAD_FRAME;
    }
    if ((size_t)length > CL_RPC_MAX_CONTENT) {
        snprintf(why, whylen, "message of %lld bytes is larger than the %zu accepted", length,
                 CL_RPC_MAX_CONTENT);
        return read_content(r, (size_t)length, NULL) != 0 ? CL_RPC_EOF : CL_RPC_BAD_FRAME;
    }
    if (read_content(r, (size_t)length, content) != 0)
        return CL_RPC_EOF;
    *len = (size_t)length;
    return CL_RPC_MESSAGE;
}

/* Writes all `n` bytes of `p`. Returns 0 or -1. */
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

int cl_rpc_write(int fd, const cJSON *msg)
{
    char *body = cJSON_PrintUnformatted(msg);
    if (body == NULL) {
        errno = ENOMEM;
        return -1;
    }
    size_t n = strlen(body);
    char head[64];
    int h = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", n);
    int rc = write_all(fd, head, (size_t)h) == 0 && write_all(fd, body, n) == 0 ? 0 : -1;
    cJSON_free(body);
    return rc;
}

/* A new message object {"jsonrpc":"2.0"} with "id" (a copy of `id`, or
 * null) when `with_id`. */
static cJSON *message(const cJSON *id, int with_id)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "jsonrpc", "2.0");
    if (with_id)
        cJSON_AddItemToObject(m, "id", id != NULL ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
    return m;
}

/* Sends `m` and frees it. */
static int send_and_free(int fd, cJSON *m)
{
    int rc = cl_rpc_write(fd, m);
    cJSON_Delete(m);
    return rc;
}

int cl_rpc_respond(int fd, const cJSON *id, cJSON *result)
{
    cJSON *m = message(id, 1);
    cJSON_AddItemToObject(m, "result", result != NULL ? result : cJSON_CreateNull());
    return send_and_free(fd, m);
}

int cl_rpc_respond_error(int fd, const cJSON *id, int code, const char *msg)
{
    cJSON *m = message(id, 1);
    cJSON *e = cJSON_AddObjectToObject(m, "error");
    cJSON_AddNumberToObject(e, "code", code);
    cJSON_AddStringToObject(e, "message", msg);
    return send_and_free(fd, m);
}

int cl_rpc_notify(int fd, const char *method, cJSON *params)
{
    cJSON *m = message(NULL, 0);
    cJSON_AddStringToObject(m, "method", method);
    if (params != NULL)
        cJSON_AddItemToObject(m, "params", params);
    return send_and_free(fd, m);
}
