/* CL011 negative: the handle is created in a local and copied into the
 * registry entry that the shutdown code joins. */
// expect-none
#include <pthread.h>

struct entry { pthread_t tid; int used; };

static struct entry registry[16];

static void *job_main(void *arg)
{
    return arg;
}

int spawn_job(int slot);
int spawn_job(int slot)
{
    pthread_t tid;
    if (pthread_create(&tid, NULL, job_main, NULL) != 0)
        return -1;
    registry[slot].tid = tid;
    registry[slot].used = 1;
    return 0;
}

void join_jobs(void);
void join_jobs(void)
{
    for (int i = 0; i < 16; i++)
        if (registry[i].used)
            pthread_join(registry[i].tid, NULL);
}
