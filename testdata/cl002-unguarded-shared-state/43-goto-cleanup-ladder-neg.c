/* CL002 negative: an error path that unlocks and jumps to the cleanup
 * label. The jump skips the locked update, so every access to `queued` is
 * under `queue_lock`. An analyzer that follows `goto` in sequence (walking
 * the code between the jump and its label on the error path, with the lock
 * already released) reports the update as unguarded. Shaped like the
 * "unlock; goto out" ladders of libmicrohttpd and rsyslog.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static int queued;

static int enqueue(int len)
{
    int rc = 0;
    char *buf;
    pthread_mutex_lock(&queue_lock);
    buf = malloc((size_t)len);
    if (buf == NULL) {
        pthread_mutex_unlock(&queue_lock);
        rc = -1;
        goto out;
    }
    queued++;
    pthread_mutex_unlock(&queue_lock);
    free(buf);
out:
    return rc;
}

static void *producer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++)
        enqueue(64);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, producer, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return queued == 200 ? 0 : 1;
}
