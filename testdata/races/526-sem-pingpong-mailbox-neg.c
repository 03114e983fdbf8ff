/* Pattern: a request/response mailbox between the front end (main) and one
 * back-end thread: the front end writes a request, posts `req` and waits on
 * `resp`; the back end waits on `req`, reads the request, writes the
 * response and posts `resp`; the front end then reads the response and
 * writes the next request.
 * Verdict: race-free. Each side touches the mailbox only while it holds
 * the token the other handed it (the front end's first request precedes
 * every post it makes).
 */
// class: semaphore
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>

struct mailbox {
    int opcode;
    char key[32];
    long result;
    sem_t req, resp;
};

static struct mailbox mb;

static void *backend(void *arg)
{
    (void)arg;
    for (;;) {
        sem_wait(&mb.req);
        if (mb.opcode < 0)
            break;
        mb.result = (long)strlen(mb.key) * mb.opcode;
        sem_post(&mb.resp);
    }
    return NULL;
}

int main(void)
{
    static const char *keys[3] = { "alpha", "beta", "gamma" };
    pthread_t t;
    sem_init(&mb.req, 0, 0);
    sem_init(&mb.resp, 0, 0);
    pthread_create(&t, NULL, backend, NULL);
    for (int i = 0; i < 3; i++) {
        mb.opcode = i + 1;
        snprintf(mb.key, sizeof mb.key, "%s", keys[i]);
        sem_post(&mb.req);
        sem_wait(&mb.resp);
        printf("%s -> %ld\n", keys[i], mb.result);
    }
    mb.opcode = -1;
    sem_post(&mb.req);
    pthread_join(t, NULL);
    return 0;
}
