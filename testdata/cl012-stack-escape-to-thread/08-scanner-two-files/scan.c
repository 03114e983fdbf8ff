/* CL012 positive, two files: the scanner reuses one stack target per host
 * and the probes run on (probe.c). */
#include <pthread.h>
#include <string.h>
#include "scan.h"

int scan_all(const char *const *hosts, int n)
{
    pthread_t tids[16];
    struct target t;
    int started = 0;
    for (int i = 0; i < n && i < 16; i++) {
        strncpy(t.host, hosts[i], sizeof t.host - 1); // expect: CL002
        t.host[sizeof t.host - 1] = '\0';
        t.port = 443;
        if (pthread_create(&tids[started], NULL, probe_main, &t) == 0) // expect: CL012 {{'probe_main'}}
            started++;
    }
    for (int i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    return started;
}
