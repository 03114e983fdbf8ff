/* Pattern: main starts a coordinator thread, which starts two children
 * that both update one global: one adds, the other subtracts.
 * Verdict: racy. The children run in parallel with each other (the
 * coordinator joins both only after starting both) and neither locks.
 */
#include <pthread.h>
#include <stdio.h>

// class: entry-shapes

static int level;

static void *raise_level(void *arg)
{
    level++; // expect: CL002
    return arg;
}

static void *lower_level(void *arg)
{
    level--;
    return arg;
}

static void *coordinator(void *arg)
{
    pthread_t kids[2];
    pthread_create(&kids[0], NULL, raise_level, NULL);
    pthread_create(&kids[1], NULL, lower_level, NULL);
    pthread_join(kids[0], NULL);
    pthread_join(kids[1], NULL);
    return arg;
}

int main(void)
{
    pthread_t c;
    pthread_create(&c, NULL, coordinator, NULL);
    pthread_join(c, NULL);
    printf("%d\n", level);
    return 0;
}
