/* Pattern: a join loop with one round fewer than the spawn loop.
 * Verdict: racy. Main starts NW scanners into scanners[0..NW) but its
 * join loop stops at NW - 1, so the last scanner may still be adding into
 * `hits` (under hits_lock) when main prints it without the lock.
 */
// class: join-coverage
#include <pthread.h>
#include <stdio.h>

#define NW 5
static long hits;
static pthread_mutex_t hits_lock = PTHREAD_MUTEX_INITIALIZER;

static void *scanner(void *arg)
{
    long base = (long)arg;
    for (long i = 0; i < 1000; i++) {
        if ((i ^ base) % 7 == 0) {
            pthread_mutex_lock(&hits_lock);
            hits++;
            pthread_mutex_unlock(&hits_lock);
        }
    }
    return NULL;
}

int main(void)
{
    pthread_t scanners[NW];
    for (long i = 0; i < NW; i++)
        pthread_create(&scanners[i], NULL, scanner, (void *)i);
    for (int i = 0; i < NW - 1; i++)
        pthread_join(scanners[i], NULL);
    printf("hits %ld\n", hits); // expect: CL002
    return 0;
}
