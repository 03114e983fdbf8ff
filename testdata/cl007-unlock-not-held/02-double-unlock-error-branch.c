/* CL007 positive: the error branch unlocks, then falls through to the
 * common unlock: the mutex is unlocked twice on that path.
 */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t cfg_lock = PTHREAD_MUTEX_INITIALIZER;
static int cfg_version;

static int reload(FILE *f)
{
    int v;
    pthread_mutex_lock(&cfg_lock);
    if (fscanf(f, "%d", &v) != 1) {
        fprintf(stderr, "reload: bad config\n");
        pthread_mutex_unlock(&cfg_lock);
    } else {
        cfg_version = v;
    }
    pthread_mutex_unlock(&cfg_lock); // expect: CL007 {{'cfg_lock'}}
    return 0;
}

static void *reloader(void *arg)
{
    reload(arg);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reloader, stdin);
    pthread_join(t, NULL);
    return 0;
}
