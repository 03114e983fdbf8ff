/* Pattern: the parser threads of 220, but the handler queues when
 * `stage == STAGE_IDLE || urgent`: the other side of the `||` lets a
 * parser queue in any stage.
 * Verdict: racy. A parser with an urgent request counts it in `queued`
 * while main does.
 */
#include <pthread.h>

// class: mode-conjuncts

enum { STAGE_IDLE, STAGE_PARSE };
enum { NPARSER = 3 };

struct req {
    int urgent;
};

static int stage;
static long queued;

static void on_input(struct req *r)
{
    if (stage == STAGE_IDLE || r->urgent)
        queued++; // expect: CL002
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
    for (int i = 0; i < NPARSER; i++) {
        reqs[i].urgent = i == 0;
        pthread_create(&t[i], NULL, parser_main, &reqs[i]);
    }
    on_input(&reqs[NPARSER]);
    for (int i = 0; i < NPARSER; i++)
        pthread_join(t[i], NULL);
    return 0;
}
