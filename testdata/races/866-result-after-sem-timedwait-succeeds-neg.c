/* Pattern: a lookup with a deadline. A resolver thread fills the answer
 * and posts a semaphore; the caller waits with sem_timedwait and uses the
 * answer only when the wait succeeded (the resolver is kept joinable and
 * joined on both paths).
 * Verdict: race-free. A successful sem_timedwait synchronizes with the
 * post as sem_wait does: the answer was written before the post.
 */
// class: semaphore
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <time.h>

static sem_t answered;
static char answer[64];

static void *resolver(void *arg)
{
    (void)arg;
    snprintf(answer, sizeof answer, "192.0.2.%d", 7);
    sem_post(&answered);
    return NULL;
}

int main(void)
{
    pthread_t t;
    struct timespec deadline;
    if (sem_init(&answered, 0, 0) != 0)
        return 1;
    if (pthread_create(&t, NULL, resolver, NULL) != 0)
        return 1;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 2;
    if (sem_timedwait(&answered, &deadline) == 0)
        puts(answer);
    pthread_join(t, NULL);
    return 0;
}
