/* Pattern: a capture thread fills the slots of a ring and a decoder (main)
 * drains them; the two indices are read and written only under the ring's
 * mutex. The capture thread waits for a free slot with
 * `if (full) { pthread_cond_wait(); continue; }` inside its main loop
 * instead of a `while` loop.
 * Verdict: race-free. The `continue` goes back to the loop, which tests
 * again: the fallthrough has seen a free slot under the mutex, as after
 * `while (full) wait;`. A slot is written only while it is free and read
 * only while it is filled.
 */
// class: condvar-handshake
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
        if (next == rb.tail) {
            pthread_cond_wait(&rb.cv, &rb.mu);
            continue;
        }
        struct frame *f = &rb.slot[rb.head];
        pthread_mutex_unlock(&rb.mu);
        f->stamp = ++stamp; // fp-todo: CL002 -- the if-wait-continue form is not a wait loop for the model yet
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
