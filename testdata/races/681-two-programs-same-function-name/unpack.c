/* Program two (see pack.c), racy twin of 680: its own `scan` counts the
 * entries too, without the lock its progress thread reads them under.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t screen_lock = PTHREAD_MUTEX_INITIALIZER;
static int done;
int entries;

void scan(const char *dir)
{
    entries++; // expect: CL002 {{write to 'entries' in 'scan' races with read in 'progress'}}
    printf("unpacking %s\n", dir);
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
