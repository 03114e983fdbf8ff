/* CL002 multi-file case 79, the readers: the request threads read the
 * settings unlocked while main reloads them (settings.c). Only related
 * locations of the one finding in settings.c are here.
 */
#include <pthread.h>
#include <stdio.h>

#include "settings.h"

static int queue_len(void)
{
    return settings->backlog; // expect-related: CL002 {{conflicting read of 'settings->backlog' in 'queue_len'}}
}

static void *request_main(void *arg)
{
    (void)arg;
    printf("%d workers, root %s, queue %d\n", settings->workers, settings->root, queue_len()); // expect-related: CL002 {{conflicting read of 'settings->workers' in 'request_main'}}
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, request_main, NULL);
    settings_reload();
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return 0;
}
