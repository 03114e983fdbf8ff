/* Pattern: main copies a template struct into a per-thread argument array
 * (`args[i] = tmpl;`) before each create; each thread reads and changes
 * only its own copy.
 * Verdict: race-free. The copies are distinct objects, made before the
 * create of the thread that uses them; main reads them after the joins.
 */
#include <pthread.h>
#include <stdio.h>

// class: struct-copies
// expect-none

enum { NT = 3 };

struct job {
    int first;
    int count;
    long sum;
};

static void *run(void *arg)
{
    struct job *j = arg;
    for (int k = 0; k < j->count; k++)
        j->sum += j->first + k;
    return NULL;
}

int main(void)
{
    struct job tmpl = { 0, 100, 0 };
    struct job args[NT];
    pthread_t t[NT];
    for (int i = 0; i < NT; i++) {
        args[i] = tmpl;
        args[i].first = i * 100;
        pthread_create(&t[i], NULL, run, &args[i]);
    }
    long total = 0;
    for (int i = 0; i < NT; i++) {
        pthread_join(t[i], NULL);
        total += args[i].sum;
    }
    printf("%ld\n", total);
    return 0;
}
