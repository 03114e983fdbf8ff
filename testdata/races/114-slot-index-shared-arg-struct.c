/* Pattern: per-thread output slots, but every worker is started with the
 * address of the same argument struct (the loop reuses one `arg`), so all
 * of them read the same index.
 * Verdict: racy. a->idx is one field of one object for every instance:
 * out[a->idx] is the same element in all of them (and main rewrites
 * arg.idx while they run).
 */
#include <pthread.h>
#include <stdio.h>

// class: per-thread-slots

enum { NWORKERS = 4 };

struct job_arg {
    int idx;
    int scale;
};

static long out[NWORKERS];

static void *scale_job(void *p)
{
    struct job_arg *a = p;
    for (int k = 0; k < 100; k++)
        out[a->idx] += a->scale; // expect: CL002 CL002
    return NULL;
}

int main(void)
{
    pthread_t t[NWORKERS];
    struct job_arg arg;
    arg.scale = 3;
    for (int i = 0; i < NWORKERS; i++) {
        arg.idx = i;
        pthread_create(&t[i], NULL, scale_job, &arg); // expect: CL012 {{the loop writes again}}
    }
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", out[0] + out[1] + out[2] + out[3]);
    return 0;
}
