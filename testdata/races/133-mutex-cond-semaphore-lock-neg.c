/* Pattern: a semaphore built from a mutex and a condition variable (the
 * shape of fio's fio_sem), initialized to 1 and used as a lock around a
 * shared table by two threads: down() waits until the value is positive
 * and takes it, up() gives it back and signals.
 * Verdict: race-free. Between down() and up() a thread holds the only
 * unit: the table is never touched by two threads at once.
 */
// class: semaphore
// expect-none
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
    while (!s->value)
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

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, adder, NULL);
    pthread_create(&b, NULL, adder, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", table_used);
    return 0;
}
