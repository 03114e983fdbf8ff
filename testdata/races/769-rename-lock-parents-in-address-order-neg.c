/* Pattern: a file server's rename between two directories locks both
 * directory objects in address order to avoid deadlock, picking the
 * order with conditional operators into two locals (`lo`, `hi`), as
 * lock_rename-style helpers do. Two threads rename in opposite
 * directions.
 * Verdict: race-free. Whatever the order, `lo` and `hi` are the two
 * directories, so both mutexes are held when the entry counts of both
 * directories change.
 */
// expect-none
// class: lock-order-choice
#include <pthread.h>
#include <stdio.h>

struct dir {
    pthread_mutex_t mu;
    int nentries;
    long version;
};

static struct dir dirs[2] = {
    { PTHREAD_MUTEX_INITIALIZER, 10, 0 },
    { PTHREAD_MUTEX_INITIALIZER, 10, 0 },
};

static void rename_entry(struct dir *src, struct dir *dst)
{
    struct dir *lo = src < dst ? src : dst;
    struct dir *hi = src < dst ? dst : src;
    pthread_mutex_lock(&lo->mu);
    pthread_mutex_lock(&hi->mu);
    src->nentries--;
    src->version++;
    dst->nentries++;
    dst->version++;
    pthread_mutex_unlock(&hi->mu);
    pthread_mutex_unlock(&lo->mu);
}

static void *mover(void *arg)
{
    int dir = arg != NULL;
    for (int i = 0; i < 100; i++)
        rename_entry(&dirs[dir], &dirs[1 - dir]);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, mover, NULL);
    pthread_create(&b, NULL, mover, (void *)1);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d %d\n", dirs[0].nentries, dirs[1].nentries);
    return 0;
}
