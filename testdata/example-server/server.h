/* server.h - shared declarations of kvd, a tiny threaded key-value server.
 *
 * Protocol: one command per line on a TCP connection.
 *   GET key            -> "VALUE v" or "NOTFOUND"
 *   SET key value      -> "OK"
 *   RESOLVE host       -> "ADDR a.b.c.d" or "ERR timeout"
 *   STATS              -> counters, one per line
 */
// expect-none
#ifndef KVD_SERVER_H
#define KVD_SERVER_H

#include <netinet/in.h>
#include <pthread.h>
#include <stddef.h>

struct kvd_config {
    unsigned short port;
    const char *dump_path;         /* cache snapshot loaded at startup */
    const char *access_log;        /* written by the log pool */
    unsigned stats_interval_s;     /* 0: no periodic stats */
    int resolve_timeout_ms;
};

/* Filled in by main() before the first thread starts; read-only after. */
extern struct kvd_config config;

/* listener.c */
int listener_open(unsigned short port);
int listener_run(int listen_fd);

/* What the listener hands a connection thread (heap, owned by the thread). */
struct conn_start {
    int fd;
    struct sockaddr_in peer;
};

/* conn.c: thread entry of one client connection; takes ownership of arg,
 * a struct conn_start. */
void *conn_main(void *arg);

/* pool.c: fixed pool of access-log writers. */
int log_pool_start(const char *path);
void log_pool_submit(const char *line);

/* resolve.c: getaddrinfo() with a deadline, at most RESOLVE_MAX_INFLIGHT
 * lookups at once. resolve_host() writes a dotted IPv4 address into out and
 * returns 0, or -1 on failure or when timeout_ms passed first. */
#define RESOLVE_MAX_INFLIGHT 8
int resolve_init(void);
int resolve_host(const char *host, char *out, size_t cap, int timeout_ms);

#endif
