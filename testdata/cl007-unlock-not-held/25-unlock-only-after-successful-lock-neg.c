/* CL007 negative: the lock call's failure is tested and the error path
 * returns before the unlock; only the path that locked unlocks.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static FILE *out;

static int emit(const char *line)
{
    if (pthread_mutex_lock(&out_lock) != 0) {
        perror("emit");
        return -1;
    }
    int rc = fputs(line, out) < 0 ? -1 : 0;
    pthread_mutex_unlock(&out_lock);
    return rc;
}

static void *printer(void *arg)
{
    for (int i = 0; i < 5; i++)
        emit(arg);
    return NULL;
}

int main(void)
{
    pthread_t t;
    out = stdout;
    pthread_create(&t, NULL, printer, "tick\n");
    emit("main\n");
    pthread_join(t, NULL);
    return 0;
}
