/* Pattern: the start routines come from a local table of function
 * pointers (`roles[i]`); the two roles both update one global without a
 * lock.
 * Verdict: racy: the producer and consumer threads write `level` at the
 * same time.
 */
#include <pthread.h>
#include <stdio.h>

// class: function-pointers

static int level;

static void *produce(void *arg)
{
    level++; // expect: CL002
    return arg;
}

static void *consume(void *arg)
{
    level--;
    return arg;
}

int main(void)
{
    void *(*roles[2])(void *) = { produce, consume };
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, roles[i], NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", level);
    return 0;
}
