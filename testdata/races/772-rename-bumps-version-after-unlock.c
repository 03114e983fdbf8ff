/* Pattern: a rename between two directories locks both in address order
 * through `lo`/`hi` chosen with conditional operators, moves the entry,
 * drops both locks, and only then bumps the destination's version
 * (a change-notification counter).
 * Verdict: racy. Two movers run in opposite directions; one bumps
 * dirs[1].version with no lock held while the other changes the same
 * word, as its source, holding both mutexes.
 */
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
    pthread_mutex_unlock(&hi->mu);
    pthread_mutex_unlock(&lo->mu);
    dst->version++; // expect: CL002
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
    printf("%ld %ld\n", dirs[0].version, dirs[1].version);
    return 0;
}
