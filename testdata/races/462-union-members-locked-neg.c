/* Pattern: a value cell is a union written as an integer by a worker and
 * read as a float by main, always under one mutex; a bit-field word is
 * guarded the same way.
 * Verdict: race-free.
 */
// expect-none
#include <pthread.h>

static union {
    int i;
    float f;
} cell;
static struct {
    unsigned on : 1, off : 1;
} sw;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    pthread_mutex_lock(&lock);
    cell.i = 1;
    sw.on = 1;
    pthread_mutex_unlock(&lock);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_mutex_lock(&lock);
    float v = cell.f;
    sw.off = 1;
    pthread_mutex_unlock(&lock);
    pthread_join(t, NULL);
    return v > 0;
}
