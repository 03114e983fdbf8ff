/* CL004 positive: the deadline is retried a fixed number of times. The
 * caller tries pthread_timedjoin_np() three times, logging between
 * attempts; a successful join returns the result, but when every attempt
 * times out the `return -1` after the loop leaves the render worker
 * running, and it later writes `job->out` into this function's dead
 * stack frame.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <time.h>

struct render_job {
    const char *scene;
    long out;
};

long render_scene(const char *scene);    /* render.c */

static void *render_main(void *arg)
{
    struct render_job *job = arg;
    job->out = render_scene(job->scene);
    return NULL;
}

int render_with_deadline(const char *scene, long *out)
{
    struct render_job job = { scene, 0 };
    pthread_t tid;
    if (pthread_create(&tid, NULL, render_main, &job) != 0)
        return -1;
    for (int attempt = 0; attempt < 3; attempt++) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += 1;
        if (pthread_timedjoin_np(tid, NULL, &ts) == 0) {
            *out = job.out;
            return 0;
        }
        fprintf(stderr, "render: still waiting (%d)\n", attempt);
    }
    return -1; // expect: CL004 {{'render_with_deadline' returns after 'pthread_timedjoin_np' times out}}
}

int main(void)
{
    long v;
    return render_with_deadline("scene.xml", &v) != 0;
}
