/* Pattern: a start-up rendezvous between the I/O thread and main: each
 * posts the other's semaphore and then waits on its own ("both sides are
 * ready"), and afterwards both update the shared status word.
 * Verdict: racy. A rendezvous orders what each side did before it against
 * what the other does after it, but the two updates after it run at the
 * same time: neither post is made while holding the other's token.
 */
// class: semaphore
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t io_ready, main_ready;
static unsigned status;

static void *io_thread(void *arg)
{
    (void)arg;
    sem_post(&io_ready);
    sem_wait(&main_ready);
    status |= 1u; // expect: CL002
    return NULL;
}

int main(void)
{
    pthread_t t;
    sem_init(&io_ready, 0, 0);
    sem_init(&main_ready, 0, 0);
    pthread_create(&t, NULL, io_thread, NULL);
    sem_post(&main_ready);
    sem_wait(&io_ready);
    status |= 2u;
    pthread_join(t, NULL);
    printf("%u\n", status);
    return 0;
}
