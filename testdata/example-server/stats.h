/* stats.h - server-wide counters. Every function may be called from any
 * thread. */
// expect-none
#ifndef KVD_STATS_H
#define KVD_STATS_H

#include <stddef.h>

void stats_conn_opened(void);
void stats_conn_closed(void);
void stats_note_command(int hit);
void stats_add_bytes_in(size_t n);
void stats_add_bytes_out(size_t n);

/* Writes the counters as "name value\n" lines into buf; returns the length. */
int stats_format(char *buf, size_t cap);

/* Thread entry: prints the counters every config.stats_interval_s seconds. */
void *stats_reporter_main(void *arg);

#endif
