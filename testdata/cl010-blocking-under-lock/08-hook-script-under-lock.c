/* CL010 positive: a config reload runs the user's hook script with
 * system() and reads a command's output with popen() while holding the
 * config lock. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t cfg_lock = PTHREAD_MUTEX_INITIALIZER;
static int cfg_generation;
static char cfg_host[64];

static void reload(void)
{
    pthread_mutex_lock(&cfg_lock);
    cfg_generation++;
    if (system("/etc/myd/reload-hook") != 0) // expect: CL010
        cfg_generation--;
    FILE *p = popen("hostname", "r"); // expect: CL010
    if (p != NULL) {
        if (fgets(cfg_host, sizeof cfg_host, p) == NULL)
            cfg_host[0] = 0;
        pclose(p); // expect: CL010
    }
    pthread_mutex_unlock(&cfg_lock);
}

static void *reloader(void *arg)
{
    (void)arg;
    reload();
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reloader, NULL);
    pthread_mutex_lock(&cfg_lock);
    int g = cfg_generation;
    pthread_mutex_unlock(&cfg_lock);
    pthread_join(t, NULL);
    return g;
}
