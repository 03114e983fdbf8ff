/* Pattern: per-thread latency histograms where the worker writes a fixed
 * slot instead of its own (the index was hard-coded while debugging).
 * Verdict: racy. Every instance writes hist[0].count: a constant index
 * is the same element for all of them: one finding for both fields.
 */
#include <pthread.h>
#include <stdio.h>

// class: per-thread-slots

enum { NWORKERS = 4 };

struct hist {
    unsigned long count;
    unsigned long total_us;
};

static struct hist hist[NWORKERS];

struct warg {
    int id;
    unsigned delay_us;
};

static void *probe(void *p)
{
    struct warg *a = p;
    for (int k = 0; k < 100; k++) {
        hist[0].count++; // expect: CL002 {{races with itself}}
        hist[0].total_us += a->delay_us; // expect-related: CL002 {{also writes 'hist[].total_us' in 'probe'}}
    }
    return NULL;
}

int main(void)
{
    pthread_t t[NWORKERS];
    struct warg args[NWORKERS];
    for (int i = 0; i < NWORKERS; i++) {
        args[i].id = i;
        args[i].delay_us = 10u * (unsigned)i;
        pthread_create(&t[i], NULL, probe, &args[i]);
    }
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(t[i], NULL);
    printf("%lu\n", hist[0].count);
    return 0;
}
