/* CL010 negative (a progress bar thread): the counter update is made
 * cancellation-safe with pthread_cleanup_push(pthread_mutex_unlock) and
 * pthread_cleanup_pop(1); the pop runs the unlock, so the sleep between
 * redraws holds no lock.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t progress_mu = PTHREAD_MUTEX_INITIALIZER;
static long done_blocks, total_blocks = 100;

static void *progress_bar(void *arg)
{
    (void)arg;
    for (;;) {
        long d;
        pthread_cleanup_push((void (*)(void *))pthread_mutex_unlock, &progress_mu);
        pthread_mutex_lock(&progress_mu);
        d = done_blocks;
        pthread_cleanup_pop(1);
        printf("\r%ld/%ld", d, total_blocks);
        if (d >= total_blocks)
            break;
        usleep(250000);
    }
    pthread_mutex_lock(&progress_mu);
    printf(" (%ld done)\n", done_blocks);
    pthread_mutex_unlock(&progress_mu);
    return NULL;
}

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&progress_mu);
        done_blocks++;
        pthread_mutex_unlock(&progress_mu);
    }
    return NULL;
}

int main(void)
{
    pthread_t p, w;
    pthread_create(&p, NULL, progress_bar, NULL);
    pthread_create(&w, NULL, worker, NULL);
    pthread_join(w, NULL);
    pthread_join(p, NULL);
    return 0;
}
