/* CL013 positive without a volatile declaration: the flag is a plain int,
 * but the shutdown path stores it and the worker reads it through a cast to
 * a pointer to volatile (the ACCESS_ONCE idiom). The accesses are volatile
 * and race all the same; with no declaration to point at, the finding is
 * at the first store.
 */
#include <pthread.h>
#include <unistd.h>

#define ACCESS_ONCE(x) (*(volatile int *)&(x))

static int g_done;
static unsigned long g_loops;

static void *spinner(void *arg)
{
    (void)arg;
    while (!ACCESS_ONCE(g_done))
        g_loops++;
    return NULL;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, spinner, NULL) != 0)
        return 1;
    sleep(1);
    ACCESS_ONCE(g_done) = 1; // expect: CL013 {{read in 'spinner' (line 18)}}
    pthread_join(t, NULL);
    return g_loops == 0;
}
