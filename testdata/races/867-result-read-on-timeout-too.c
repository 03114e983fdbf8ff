/* Pattern: the twin of 866 where the caller also prints the answer on the
 * timeout path ("partial answer"), while the resolver may still be
 * writing it.
 * Verdict: racy on the timeout path.
 */
// class: semaphore
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <time.h>

static sem_t answered;
static char answer[64];

static void *resolver(void *arg)
{
    (void)arg;
    snprintf(answer, sizeof answer, "192.0.2.%d", 7); // expect: CL002
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
    else
        printf("partial: %s\n", answer);
    pthread_join(t, NULL);
    return 0;
}
