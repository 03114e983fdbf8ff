/* Pattern: a capture thread fills the slots of a ring and a decoder (main)
 * drains them; the two indices are read and written only under the ring's
 * mutex, and each side waits for its index with a `while` loop on a
 * condition variable.
 * Verdict: race-free. The two indices are handed back and forth under the
 * mutex: a slot is written only while it is free and read only while it
 * is filled. (Its shutdown can hang with a full ring; not a race.) A
 * merge once reported the capture's write here: predicates under a mutex
 * stopped counting as tokens the two threads pass back and forth.
 */
// class: condvar-handshake
// expect-none
#include <pthread.h>
#include <string.h>

#define NSLOTS 8

struct frame { unsigned long long stamp; unsigned len; unsigned char data[512]; };

static struct ring {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct frame slot[NSLOTS];
    unsigned head, tail; /* head: next to fill, tail: next to drain */
    int stop;
} rb = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };

static void *capture(void *arg)
{
    unsigned long long stamp = 0;
    pthread_mutex_lock(&rb.mu);
    while (!rb.stop) {
        unsigned next = (rb.head + 1) % NSLOTS;
        while (next == rb.tail)
            pthread_cond_wait(&rb.cv, &rb.mu);
        struct frame *f = &rb.slot[rb.head];
        pthread_mutex_unlock(&rb.mu);
        f->stamp = ++stamp;
        f->len = sizeof f->data;
        memset(f->data, 0x5a, sizeof f->data);
        pthread_mutex_lock(&rb.mu);
        rb.head = next;
        pthread_cond_signal(&rb.cv);
    }
    pthread_mutex_unlock(&rb.mu);
    return arg;
}

int main(void)
{
    pthread_t t;
    unsigned long long last = 0;
    pthread_mutex_lock(&rb.mu);
    if (pthread_create(&t, NULL, capture, NULL) != 0)
        return 1;
    for (int n = 0; n < 1000; n++) {
        while (rb.head == rb.tail)
            pthread_cond_wait(&rb.cv, &rb.mu);
        struct frame *f = &rb.slot[rb.tail];
        pthread_mutex_unlock(&rb.mu);
        last = f->stamp + f->len + f->data[0];
        pthread_mutex_lock(&rb.mu);
        rb.tail = (rb.tail + 1) % NSLOTS;
        pthread_cond_signal(&rb.cv);
    }
    rb.stop = 1;
    pthread_cond_signal(&rb.cv);
    pthread_mutex_unlock(&rb.mu);
    pthread_join(t, NULL);
    return (int)(last & 1);
}
