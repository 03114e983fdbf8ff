/* CL005 negative (a config reload with a cleanup ladder): errors after the
 * lock jump to `out_unlock`, errors before it to `out`; the ladder
 * releases the lock exactly on the paths that took it. Breaks out of the
 * parse loop run with the lock held, which was held before the loop too.
 */
// class: jump-past-unlock
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t conf_lock = PTHREAD_MUTEX_INITIALIZER;
static int conf_values[16];

static int conf_reload(const char *path)
{
    int rc = -1;
    FILE *fp = fopen(path, "r");
    if (fp == NULL)
        goto out;
    int *tmp = calloc(16, sizeof *tmp);
    if (tmp == NULL)
        goto out_close;
    pthread_mutex_lock(&conf_lock);
    for (int i = 0; i < 16; i++) {
        if (fscanf(fp, "%d", &tmp[i]) != 1)
            break;
        if (tmp[i] < 0)
            goto out_unlock;
        conf_values[i] = tmp[i];
    }
    rc = 0;
out_unlock:
    pthread_mutex_unlock(&conf_lock);
    free(tmp);
out_close:
    fclose(fp);
out:
    return rc;
}

static void *reloader(void *arg)
{
    conf_reload(arg);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reloader, "a.conf");
    conf_reload("b.conf");
    pthread_join(t, NULL);
    return 0;
}
