/* Pattern: a pump whose role comes from its start argument, with a default
 * filled in by the entry itself (`if (!role) role = SENDER_ROLE;`): the
 * thread started with NULL becomes a sender too.
 * Verdict: racy on `sent`: both threads take the sender branch. The
 * argument is reassigned in the entry, so the constant the spawn passed
 * decides nothing after that.
 */
// class: instance-id
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define SENDER_ROLE ((void *)(intptr_t)1)

static unsigned long sent, received;

static void *pump(void *role)
{
    if (!role)
        role = SENDER_ROLE;
    for (int i = 0; i < 100; i++) {
        if (role == SENDER_ROLE)
            sent++; // expect: CL002
        else
            received++; // fp-todo: CL002 -- every thread is a sender after the default; pointer roles are not decided
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    if (pthread_create(&a, NULL, pump, SENDER_ROLE) != 0)
        return 1;
    if (pthread_create(&b, NULL, pump, NULL) != 0)
        return 1;
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%lu %lu\n", sent, received);
    return 0;
}
