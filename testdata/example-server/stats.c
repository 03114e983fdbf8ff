/* stats.c - server-wide counters.
 *
 * Connection counts are C11 atomics; the per-command counters are guarded by
 * stats_lock. Finding shown here: bytes_in is updated without stats_lock
 * from every connection thread (CL002), while stats_format() reads it under
 * the lock; its siblings bytes_out and commands are correct.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

#include "server.h"
#include "stats.h"

static atomic_uint live_conns;
static atomic_ulong total_conns;

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
    unsigned long commands;              /* guarded by stats_lock */
    unsigned long hits;                  /* guarded by stats_lock */
    unsigned long long bytes_in;         /* guarded by stats_lock */
    unsigned long long bytes_out;        /* guarded by stats_lock */
} stats;

void stats_conn_opened(void)
{
    atomic_fetch_add(&live_conns, 1);
    atomic_fetch_add(&total_conns, 1);
}

void stats_conn_closed(void)
{
    atomic_fetch_sub(&live_conns, 1);
}

void stats_note_command(int hit)
{
    pthread_mutex_lock(&stats_lock);
    stats.commands++;
    if (hit)
        stats.hits++;
    pthread_mutex_unlock(&stats_lock);
}

void stats_add_bytes_in(size_t n)
{
    stats.bytes_in += n; // expect: CL002
}

void stats_add_bytes_out(size_t n)
{
    pthread_mutex_lock(&stats_lock);
    stats.bytes_out += n;
    pthread_mutex_unlock(&stats_lock);
}

int stats_format(char *buf, size_t cap)
{
    pthread_mutex_lock(&stats_lock);
    int len = snprintf(buf, cap,
                       "live_conns %u\r\ntotal_conns %lu\r\ncommands %lu\r\n"
                       "hits %lu\r\nbytes_in %llu\r\nbytes_out %llu\r\n",
                       atomic_load(&live_conns), atomic_load(&total_conns),
                       stats.commands, stats.hits,
                       stats.bytes_in, stats.bytes_out);
    pthread_mutex_unlock(&stats_lock);
    return len;
}

/* A periodic report: the sleep paces this thread's own work. */
void *stats_reporter_main(void *arg)
{
    FILE *out = arg;
    char buf[512];
    for (;;) {
        sleep(config.stats_interval_s);
        stats_format(buf, sizeof buf);
        fprintf(out, "--- kvd stats\n%s", buf);
        fflush(out);
    }
    return NULL;
}
