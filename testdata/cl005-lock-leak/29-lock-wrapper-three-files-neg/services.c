// expect-none
//
// Case 56, file 3 of 3 (false-positive trap): the threads. Announcers call
// registry_add(), main() calls registry_port() after the joins, and the
// sweeper calls registry_expire_locked() between registry_lock() and
// registry_unlock(). Every access to the registry happens under the one
// mutex, taken through wrappers defined in another file: nothing races.
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include "registry.h"

#define NANNOUNCERS 3
#define ROUNDS 1000

static const char *const names[] = { "auth", "billing", "search", "media" };

static void *announcer_main(void *arg)
{
    unsigned short base = *(const unsigned short *)arg;
    for (int r = 0; r < ROUNDS; r++)
        registry_add(names[r % 4], (unsigned short)(base + r % 4), time(NULL));
    return NULL;
}

static void *sweeper_main(void *arg)
{
    unsigned long *expired = arg;
    for (int r = 0; r < ROUNDS; r++) {
        registry_lock();
        *expired += registry_expire_locked(time(NULL) - 30);
        registry_unlock();
    }
    return NULL;
}

int main(void)
{
    static const unsigned short bases[NANNOUNCERS] = { 8000, 9000, 10000 };
    unsigned long expired = 0;
    pthread_t announcers[NANNOUNCERS], sweeper;
    pthread_create(&sweeper, NULL, sweeper_main, &expired);
    for (int i = 0; i < NANNOUNCERS; i++)
        pthread_create(&announcers[i], NULL, announcer_main, (void *)&bases[i]);
    for (int i = 0; i < NANNOUNCERS; i++)
        pthread_join(announcers[i], NULL);
    pthread_join(sweeper, NULL);
    printf("search on port %d, %lu entries expired\n", registry_port("search"), expired);
    return 0;
}
