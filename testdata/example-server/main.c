/* main.c - kvd startup: configuration, cache warm-up, background threads,
 * then the accept loop.
 *
 * Findings shown here: the warm-up waits for the loader with sleep() instead
 * of joining it (CL003). The configuration is written before any thread
 * exists and only read afterwards, which is not a race.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cache.h"
#include "server.h"
#include "stats.h"

struct kvd_config config = {
    .port = 7070,
    .dump_path = "kvd.dump",
    .access_log = "kvd-access.log",
    .stats_interval_s = 60,
    .resolve_timeout_ms = 2000,
};

static void parse_args(int argc, char **argv)
{
    int opt;
    while ((opt = getopt(argc, argv, "p:d:l:s:t:")) != -1) {
        switch (opt) {
        case 'p': config.port = (unsigned short)atoi(optarg); break;
        case 'd': config.dump_path = optarg; break;
        case 'l': config.access_log = optarg; break;
        case 's': config.stats_interval_s = (unsigned)atoi(optarg); break;
        case 't': config.resolve_timeout_ms = atoi(optarg); break;
        default:
            fprintf(stderr, "usage: %s [-p port] [-d dump] [-l log] [-s secs] [-t ms]\n", argv[0]);
            exit(2);
        }
    }
}

int main(int argc, char **argv)
{
    pthread_t loader, reporter;

    parse_args(argc, argv);
    if (resolve_init() != 0 || log_pool_start(config.access_log) != 0) {
        fprintf(stderr, "kvd: cannot start background services\n");
        return 1;
    }

    /* Warm the cache from the last snapshot in the background. */
    if (pthread_create(&loader, NULL, cache_load_main, (void *)config.dump_path) != 0) {
        fprintf(stderr, "kvd: cannot start the cache loader\n");
        return 1;
    }
    sleep(1); // expect: CL003
    fprintf(stderr, "kvd: cache warm, %u entries\n", cache_count());

    if (config.stats_interval_s > 0
        && pthread_create(&reporter, NULL, stats_reporter_main, stderr) == 0)
        pthread_detach(reporter);

    int fd = listener_open(config.port);
    if (fd < 0) {
        fprintf(stderr, "kvd: cannot listen on port %u\n", config.port);
        return 1;
    }
    fprintf(stderr, "kvd: listening on port %u\n", config.port);
    return listener_run(fd) == 0 ? 0 : 1;
}
