/* Pattern: a parallel checksum gives each job an argument struct with a
 * pointer to its own slot of the results array (jobs[i].out =
 * &sums[i]) and to the shared, read-only input.
 * Verdict: race-free. Each job writes only its own slot; the input is
 * only read; main reads the slots after the joins.
 */
// class: thread-arguments
// expect-none
#include <pthread.h>

struct sum_job {
    const unsigned char *in;
    unsigned long *out;
    int part;
};

static unsigned char input[4096];

static void *sum_part(void *arg)
{
    struct sum_job *j = arg;
    for (int k = 0; k < 1024; k++)
        *j->out += j->in[j->part * 1024 + k];
    return NULL;
}

int main(void)
{
    unsigned long sums[4] = { 0 }, total = 0;
    struct sum_job jobs[4];
    pthread_t t[4];
    for (int i = 0; i < 4; i++) {
        jobs[i].in = input;
        jobs[i].out = &sums[i];
        jobs[i].part = i;
        pthread_create(&t[i], NULL, sum_part, &jobs[i]);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        total += sums[i];
    }
    return (int)total;
}
