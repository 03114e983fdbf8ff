/* Pattern: a semaphore built from a mutex and a condition variable used as
 * a lock, and a reset path that clears the shared table without taking it.
 * Verdict: racy. resetter() writes `table_used` without csem_down(), while
 * an adder may be inside its critical section.
 */
// class: semaphore
#include <pthread.h>
#include <stdio.h>

struct csem {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int value;
};

static struct csem table_sem = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 1 };
static int table[16];
static int table_used;

static void csem_down(struct csem *s)
{
    pthread_mutex_lock(&s->lock);
    while (s->value == 0)
        pthread_cond_wait(&s->cond, &s->lock);
    s->value--;
    pthread_mutex_unlock(&s->lock);
}

static void csem_up(struct csem *s)
{
    pthread_mutex_lock(&s->lock);
    s->value++;
    pthread_cond_signal(&s->cond);
    pthread_mutex_unlock(&s->lock);
}

static void *adder(void *arg)
{
    for (int i = 0; i < 8; i++) {
        csem_down(&table_sem);
        if (table_used < 16)
            table[table_used++] = i;
        csem_up(&table_sem);
    }
    return arg;
}

static void *resetter(void *arg)
{
    table_used = 0; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t a, b, r;
    pthread_create(&a, NULL, adder, NULL);
    pthread_create(&b, NULL, adder, NULL);
    pthread_create(&r, NULL, resetter, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    pthread_join(r, NULL);
    printf("%d\n", table_used);
    return 0;
}
