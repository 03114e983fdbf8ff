/* Pattern: a cooperative "baton" between a parser thread and a checker
 * thread, through give()/take() helpers around sem_post/sem_wait, as
 * libraries wrap them; the shared parse state is only touched while
 * holding the baton.
 * Verdict: race-free. The parser's first step precedes every give it
 * makes; after that each side holds the baton the other gave it.
 */
// class: semaphore
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

struct parse_state {
    int line;
    int errors;
};

static struct parse_state ps;
static sem_t to_checker, to_parser;

static void give(sem_t *s)
{
    sem_post(s);
}

static void take(sem_t *s)
{
    while (sem_wait(s) != 0)
        ;
}

static void *parser(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++) {
        ps.line = i + 1;
        give(&to_checker);
        take(&to_parser);
    }
    return NULL;
}

static void *checker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++) {
        take(&to_checker);
        if (ps.line % 7 == 0)
            ps.errors++;
        give(&to_parser);
    }
    return NULL;
}

int main(void)
{
    pthread_t p, c;
    sem_init(&to_checker, 0, 0);
    sem_init(&to_parser, 0, 0);
    pthread_create(&p, NULL, parser, NULL);
    pthread_create(&c, NULL, checker, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    printf("%d errors\n", ps.errors);
    return 0;
}
