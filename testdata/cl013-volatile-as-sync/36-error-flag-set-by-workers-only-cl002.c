/* CL002, not CL013: two workers set a volatile error flag and nobody reads
 * it while they run (main reads it after joining both). No thread waits on
 * the flag, so it is not used as synchronization; the two unordered stores
 * are a plain data race, CL002's.
 */
#include <pthread.h>
#include <stdio.h>

static volatile int failed;

static void *scan_part(void *arg)
{
    const char *name = arg;
    FILE *f = fopen(name, "r");
    if (f == NULL) {
        failed = 1; // expect: CL002
        return NULL;
    }
    fclose(f);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, scan_part, "part1");
    pthread_create(&b, NULL, scan_part, "part2");
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return failed;
}
