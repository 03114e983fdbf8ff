/* Pattern: a worker gets its own object back from the link it was given
 * (container_of) and updates it; main updates another object of the same
 * type.
 * Verdict: race-free. The worker's object is `mine`, main's is `theirs`.
 */
// expect-none
#include <pthread.h>
#include <stddef.h>

struct item {
    long count;
    int link;
};

static struct item mine, theirs;

static void *worker(void *arg)
{
    struct item *it = (struct item *)((char *)arg - offsetof(struct item, link));
    it->count++;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, &mine.link);
    theirs.count++;
    pthread_join(t, NULL);
    return 0;
}
