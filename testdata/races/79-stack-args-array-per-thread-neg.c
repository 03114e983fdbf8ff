/* Pattern: stack objects passed to threads, one element each.
 * Verdict: race-free. main fills args[i] before creating thread i; thread
 * i reads and writes only args[i]; main reads the results after joining,
 * and its frame outlives the threads.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4
struct arg { int lo, hi; long out; };

static void *worker(void *p)
{
    struct arg *a = p;
    long s = 0;
    for (int i = a->lo; i < a->hi; i++)
        s += i;
    a->out = s;
    return NULL;
}

int main(void)
{
    struct arg args[NT];
    pthread_t t[NT];
    for (int i = 0; i < NT; i++) {
        args[i].lo = i * 10;
        args[i].hi = i * 10 + 10;
        args[i].out = 0;
        pthread_create(&t[i], NULL, worker, &args[i]);
    }
    long s = 0;
    for (int i = 0; i < NT; i++) {
        pthread_join(t[i], NULL);
        s += args[i].out;
    }
    printf("%ld\n", s);
    return 0;
}
