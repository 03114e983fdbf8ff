/* Pattern: a task struct with a callback member, initialized statically
 * and handed to a runner thread that calls through the member.
 * Verdict: racy. The callback bumps a global counter that main also
 * writes without a lock.
 */
#include <pthread.h>

static long done_tasks;

static void finish_task(void)
{
    done_tasks++; // expect: CL002
}

struct task {
    int id;
    void (*on_done)(void);
};

static void *runner(void *arg)
{
    struct task *t = arg;
    t->on_done();
    return NULL;
}

int main(void)
{
    static struct task job = { .id = 7, .on_done = finish_task };
    pthread_t th;
    if (pthread_create(&th, NULL, runner, &job) != 0)
        return 1;
    done_tasks = 0;
    pthread_join(th, NULL);
    return (int)done_tasks;
}
