/* Pattern: the request/response mailbox of a front end and one back-end
 * thread, "pipelined": the front end posts the request and then already
 * writes the next request's opcode before waiting for the response.
 * Verdict: racy. After the post the back end holds the mailbox; the front
 * end's write is after its release and before it gets the token back.
 */
// class: semaphore
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

struct mailbox {
    int opcode;
    long result;
    sem_t req, resp;
};

static struct mailbox mb;

static void *backend(void *arg)
{
    (void)arg;
    for (;;) {
        sem_wait(&mb.req);
        if (mb.opcode < 0) // expect: CL002
            break;
        mb.result = 10L * mb.opcode;
        sem_post(&mb.resp);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    sem_init(&mb.req, 0, 0);
    sem_init(&mb.resp, 0, 0);
    pthread_create(&t, NULL, backend, NULL);
    mb.opcode = 1;
    for (int i = 0; i < 3; i++) {
        sem_post(&mb.req);
        mb.opcode = i + 2;
        sem_wait(&mb.resp);
        printf("%ld\n", mb.result);
    }
    mb.opcode = -1;
    sem_post(&mb.req);
    pthread_join(t, NULL);
    return 0;
}
