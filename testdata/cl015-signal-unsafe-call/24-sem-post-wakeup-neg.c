/* CL015 negative: the handler wakes the shutdown thread with sem_post(),
 * which POSIX lists as async-signal-safe; the thread logs and cleans up. */
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>

// expect-none

static sem_t shutdown_sem;

static void on_term(int sig)
{
    (void)sig;
    sem_post(&shutdown_sem);
}

static void *shutdown_main(void *arg)
{
    (void)arg;
    sem_wait(&shutdown_sem);
    printf("shutting down\n");
    return NULL;
}

int main(void)
{
    sem_init(&shutdown_sem, 0, 0);
    signal(SIGTERM, on_term);
    pthread_t t;
    pthread_create(&t, NULL, shutdown_main, NULL);
    pthread_join(t, NULL);
    return 0;
}
