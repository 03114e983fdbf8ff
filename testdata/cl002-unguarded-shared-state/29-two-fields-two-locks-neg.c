/* CL002 negative: one struct, two fields, two locks, each used correctly
 * (field-sensitive locksets). `queued` is always under q_lock and `sent`
 * always under tx_lock; the producer and the sender threads never share a
 * lock, and need not.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

struct mailer {
    pthread_mutex_t q_lock;              /* guards queued */
    unsigned queued;
    pthread_mutex_t tx_lock;             /* guards sent */
    unsigned long sent;
};

static void *producer_main(void *arg)
{
    struct mailer *m = arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&m->q_lock);
        m->queued++;
        pthread_mutex_unlock(&m->q_lock);
    }
    return NULL;
}

static void *sender_main(void *arg)
{
    struct mailer *m = arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&m->tx_lock);
        m->sent++;
        pthread_mutex_unlock(&m->tx_lock);
    }
    return NULL;
}

int main(void)
{
    static struct mailer m = { .q_lock = PTHREAD_MUTEX_INITIALIZER,
                               .tx_lock = PTHREAD_MUTEX_INITIALIZER };
    pthread_t prod, send;
    pthread_create(&prod, NULL, producer_main, &m);
    pthread_create(&send, NULL, sender_main, &m);
    pthread_mutex_lock(&m.q_lock);
    unsigned q = m.queued;
    pthread_mutex_unlock(&m.q_lock);
    pthread_mutex_lock(&m.tx_lock);
    unsigned long s = m.sent;
    pthread_mutex_unlock(&m.tx_lock);
    printf("queued %u sent %lu\n", q, s);
    pthread_join(prod, NULL);
    pthread_join(send, NULL);
    return 0;
}
