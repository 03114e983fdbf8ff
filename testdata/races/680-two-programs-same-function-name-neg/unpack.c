/* Program two (see pack.c): its own `scan` only reads the entries its
 * progress thread shows under the lock; the other program's `scan`, which
 * writes them, is not linked into this one. A call resolves to the
 * definition in the caller's own translation unit.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t screen_lock = PTHREAD_MUTEX_INITIALIZER;
static int done;
int entries;

void scan(const char *dir)
{
    pthread_mutex_lock(&screen_lock);
    printf("unpacking %s (%d so far)\n", dir, entries);
    pthread_mutex_unlock(&screen_lock);
}

static void *progress(void *arg)
{
    for (;;) {
        pthread_mutex_lock(&screen_lock);
        int stop = done;
        printf("\r%d", entries);
        pthread_mutex_unlock(&screen_lock);
        if (stop)
            break;
        usleep(100000);
    }
    return arg;
}

int main(int argc, char **argv)
{
    pthread_t t;
    pthread_create(&t, NULL, progress, NULL);
    for (int i = 1; i < argc; i++)
        scan(argv[i]);
    pthread_mutex_lock(&screen_lock);
    done = 1;
    pthread_mutex_unlock(&screen_lock);
    pthread_join(t, NULL);
    return 0;
}
