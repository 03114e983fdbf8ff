/* Pattern: two different loader threads each set up one table and post a
 * shared "ready" semaphore; main waits twice and uses both tables while
 * the loaders may still be running their clean-up.
 * Verdict: race-free. Two waits on a semaphore that starts at 0 and gets
 * two posts: both loaders have posted, after their writes.
 */
// class: semaphore-count
// expect-none
#include <pthread.h>
#include <semaphore.h>

static sem_t ready;
static int users[8];
static int groups[8];

static void *load_users(void *arg)
{
    for (int i = 0; i < 8; i++)
        users[i] = i + 100;
    sem_post(&ready);
    return arg;
}

static void *load_groups(void *arg)
{
    for (int i = 0; i < 8; i++)
        groups[i] = i + 200;
    sem_post(&ready);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    sem_init(&ready, 0, 0);
    pthread_create(&a, NULL, load_users, NULL);
    pthread_create(&b, NULL, load_groups, NULL);
    sem_wait(&ready);
    sem_wait(&ready);
    int v = users[3] + groups[5];
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return v;
}
