/* A benchmark program built twice from one file: with -DWRITERS=1 (one
 * writer thread, which main joins before it reads the total) and with
 * -DWRITERS=4, where main also resets the total while the writers run.
 * Each build is a program with its own main; the race is in the second
 * one listed.
 */
#include <pthread.h>
#include <stdio.h>

static long total;

static void *writer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++)
        total++; // expect: CL002
    return NULL;
}

int main(void)
{
    pthread_t t[WRITERS];
    for (int i = 0; i < WRITERS; i++)
        if (pthread_create(&t[i], NULL, writer, NULL) != 0)
            return 1;
#if WRITERS > 1
    total = 0;
#endif
    for (int i = 0; i < WRITERS; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", total);
    return 0;
}
