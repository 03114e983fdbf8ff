/* Pattern: as two loaders posting a semaphore that main waits on twice,
 * but the semaphore starts at 2.
 * Verdict: racy. The initial count lets both waits return at once, before
 * either loader has written.
 */
// class: semaphore-count
#include <pthread.h>
#include <semaphore.h>

static sem_t ready;
static int users[8];
static int groups[8];

static void *load_users(void *arg)
{
    for (int i = 0; i < 8; i++)
        users[i] = i + 100; // expect: CL002
    sem_post(&ready);
    return arg;
}

static void *load_groups(void *arg)
{
    for (int i = 0; i < 8; i++)
        groups[i] = i + 200; // expect: CL002
    sem_post(&ready);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    sem_init(&ready, 0, 2);
    pthread_create(&a, NULL, load_users, NULL);
    pthread_create(&b, NULL, load_groups, NULL);
    sem_wait(&ready);
    sem_wait(&ready);
    int v = users[3] + groups[5];
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return v;
}
