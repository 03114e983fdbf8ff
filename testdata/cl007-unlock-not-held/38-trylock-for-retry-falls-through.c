/* CL007 positive (a queue's batch commit): a counted `for` retries the
 * trylock, leaving it as soon as it succeeds; after the last failed round
 * the loop ends normally and the commit goes on to the unlock.
 */
// class: trylock-failed-path
#include <errno.h>
#include <pthread.h>
#include <unistd.h>

struct batch {
    pthread_mutex_t lock;
    int committed;
};

static struct batch bt = { PTHREAD_MUTEX_INITIALIZER, 0 };

static void batch_commit(struct batch *b)
{
    for (int i = 0; i < 3; i++) {
        if (pthread_mutex_trylock(&b->lock) == 0)
            break;
        usleep(100);
    }
    b->committed++; // expect: CL002
    pthread_mutex_unlock(&b->lock); // expect: CL007 {{'b->lock' is unlocked on a path}}
}

static void *committer(void *arg)
{
    batch_commit(arg);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, committer, &bt);
    pthread_create(&b, NULL, committer, &bt);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
