/* Pattern: parser threads and a stage flag. Main sets `stage` to
 * STAGE_PARSE before starting the parsers; a parser only calls the shared
 * input handler when `stage == STAGE_PARSE`, and the handler queues a
 * request for the main thread only when `accepting && stage ==
 * STAGE_IDLE`, a test inside an `&&` condition.
 * Verdict: race-free. A parser never takes the queueing branch (its stage
 * is STAGE_PARSE); only main pushes onto `backlog`.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

// class: mode-conjuncts
// expect-none

enum { STAGE_IDLE, STAGE_PARSE };
enum { NPARSER = 3 };

struct req {
    struct req *next;
};

static int stage;
static int accepting = 1;
static struct req *backlog;
static atomic_int parsed;

static void on_input(struct req *r)
{
    if (accepting && stage == STAGE_IDLE) {
        r->next = backlog;
        backlog = r;
        return;
    }
    atomic_fetch_add(&parsed, 1);
}

static void *parser_main(void *arg)
{
    if (stage == STAGE_PARSE)
        on_input(arg);
    return NULL;
}

int main(void)
{
    static struct req reqs[NPARSER + 1];
    pthread_t t[NPARSER];
    stage = STAGE_PARSE;
    for (int i = 0; i < NPARSER; i++)
        pthread_create(&t[i], NULL, parser_main, &reqs[i]);
    on_input(&reqs[NPARSER]);
    for (int i = 0; i < NPARSER; i++)
        pthread_join(t[i], NULL);
    return 0;
}
