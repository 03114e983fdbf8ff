/* Pattern: a wait-for-each loop that skips the slots it considers idle
 * (`continue`) before waiting; the workers of those slots still run and
 * write their results.
 * Verdict: racy. A skipped slot's worker was never waited for: its write
 * of `out` races with main's read after the loop.
 */
// class: condvar-handshake
#include <pthread.h>
#include <stdio.h>

struct job {
    pthread_mutex_t m;
    pthread_cond_t c;
    int finished;
    int idle;
    long out;
};

static struct job jobs[6];

static void *run(void *arg)
{
    struct job *j = arg;
    j->out = 7; // expect: CL002
    pthread_mutex_lock(&j->m);
    j->finished = 1;
    pthread_cond_broadcast(&j->c);
    pthread_mutex_unlock(&j->m);
    return NULL;
}

int main(int argc, char **argv)
{
    (void)argv;
    pthread_t t;
    for (int i = 0; i < 6; i++) {
        jobs[i].idle = (i == argc);
        pthread_mutex_init(&jobs[i].m, NULL);
        pthread_cond_init(&jobs[i].c, NULL);
        pthread_create(&t, NULL, run, &jobs[i]);
        pthread_detach(t);
    }
    for (int i = 0; i < 6; i++) {
        if (jobs[i].idle)
            continue;
        pthread_mutex_lock(&jobs[i].m);
        while (!jobs[i].finished)
            pthread_cond_wait(&jobs[i].c, &jobs[i].m);
        pthread_mutex_unlock(&jobs[i].m);
    }
    long sum = 0;
    for (int i = 0; i < 6; i++)
        sum += jobs[i].out;
    printf("%ld\n", sum);
    return 0;
}
