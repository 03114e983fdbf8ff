/* conn.c - one client connection: read lines, run commands, reply.
 *
 * Runs on its own thread per connection (see listener.c). Everything it
 * shares goes through the locked cache, the stats module, the log pool or
 * the resolver; the connection's own buffers are thread-private.
 */
// expect-none
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cache.h"
#include "server.h"
#include "stats.h"

#define LINE_MAX_LEN 512

static int reply(int fd, const char *text)
{
    size_t len = strlen(text);
    ssize_t n = send(fd, text, len, MSG_NOSIGNAL);
    if (n > 0)
        stats_add_bytes_out((size_t)n);
    return n == (ssize_t)len ? 0 : -1;
}

static int run_command(int fd, char *line)
{
    char out[1024];
    char *save = NULL;
    char *cmd = strtok_r(line, " \t", &save);
    char *arg1 = strtok_r(NULL, " \t", &save);
    char *arg2 = strtok_r(NULL, "", &save);

    if (cmd == NULL)
        return 0;
    if (strcmp(cmd, "GET") == 0 && arg1 != NULL) {
        char val[CACHE_VAL_MAX];
        int hit = cache_get(arg1, val, sizeof val) == 0;
        stats_note_command(hit);
        if (!hit)
            return reply(fd, "NOTFOUND\r\n");
        snprintf(out, sizeof out, "VALUE %s\r\n", val);
        return reply(fd, out);
    }
    if (strcmp(cmd, "SET") == 0 && arg1 != NULL && arg2 != NULL) {
        stats_note_command(1);
        return reply(fd, cache_set(arg1, arg2) == 0 ? "OK\r\n" : "ERR full\r\n");
    }
    if (strcmp(cmd, "RESOLVE") == 0 && arg1 != NULL) {
        char addr[64];
        stats_note_command(1);
        if (resolve_host(arg1, addr, sizeof addr, config.resolve_timeout_ms) != 0)
            return reply(fd, "ERR timeout\r\n");
        snprintf(out, sizeof out, "ADDR %s\r\n", addr);
        return reply(fd, out);
    }
    if (strcmp(cmd, "STATS") == 0) {
        stats_format(out, sizeof out);
        return reply(fd, out);
    }
    return reply(fd, "ERR unknown command\r\n");
}

void *conn_main(void *arg)
{
    struct conn_start *cs = arg;
    char buf[LINE_MAX_LEN + 1];
    char peer[INET_ADDRSTRLEN] = "?";
    char logline[160];
    size_t used = 0;
    ssize_t n;
    int fd = cs->fd;

    inet_ntop(AF_INET, &cs->peer.sin_addr, peer, sizeof peer);
    free(cs);
    while ((n = recv(fd, buf + used, LINE_MAX_LEN - used, 0)) > 0) {
        stats_add_bytes_in((size_t)n);
        used += (size_t)n;
        buf[used] = '\0';
        char *nl;
        while ((nl = strchr(buf, '\n')) != NULL) {
            *nl = '\0';
            if (nl > buf && nl[-1] == '\r')
                nl[-1] = '\0';
            snprintf(logline, sizeof logline, "%s %.120s\n", peer, buf);
            log_pool_submit(logline);
            if (run_command(fd, buf) != 0)
                goto out;
            used -= (size_t)(nl + 1 - buf);
            memmove(buf, nl + 1, used + 1);
        }
        if (used == LINE_MAX_LEN)
            used = 0;                    /* overlong line: drop it */
    }
out:
    close(fd);
    stats_conn_closed();
    return NULL;
}
