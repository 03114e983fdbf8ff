/* CL003 positive: a poll loop written with a label: main sleeps and goes
 * back to `wait:` until the loader's atomic `ready` flag is set, then
 * joins the loader and uses the table. No iteration does anything but
 * test and sleep, so the label loop is a poll loop (the join comes only
 * after it); a condition variable or the join alone is the tool. The
 * backward goto makes it a loop, but one that neither works nor waits.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

static atomic_int ready;
static int table[64];

static void *loader(void *arg)
{
    (void)arg;
    for (int i = 0; i < 64; i++)
        table[i] = i * i;
    atomic_store(&ready, 1);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, loader, NULL);
wait:
    usleep(500); // expect: CL003
    if (!atomic_load(&ready))
        goto wait;
    pthread_join(t, NULL);
    int sum = 0;
    for (int i = 0; i < 64; i++)
        sum += table[i];
    return sum & 1;
}
