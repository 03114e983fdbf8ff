/* Pattern: recursive mutex locked twice and unlocked twice, then the data
 * is touched.
 * Verdict: racy. After the second unlock the thread holds nothing; the
 * update of `last_id` after it races with the other workers.
 */
// class: recursive-and-typed-locks
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t id_lock;
static int next_id, last_id;

static int take_id(void)
{
    pthread_mutex_lock(&id_lock);
    int id = next_id++;
    pthread_mutex_unlock(&id_lock);
    return id;
}

static void *worker(void *arg)
{
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&id_lock);
        int id = take_id();
        pthread_mutex_unlock(&id_lock);
        last_id = id; // expect: CL002
    }
    return arg;
}

int main(void)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&id_lock, &a);
    pthread_mutexattr_destroy(&a);
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%d %d\n", next_id, last_id);
    return 0;
}
