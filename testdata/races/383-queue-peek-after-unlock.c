/* Pattern: a status board keeps its newest entry at the head of a list;
 * the updater changes that entry in place under the lock, the reporter
 * reads the head pointer under the lock but reads the entry's fields
 * after unlocking, without taking it off the list.
 * Verdict: racy. The entry is still shared: the reporter's reads of it
 * race with the updater's writes.
 */
// class: ownership-transfer
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct entry {
    struct entry *next;
    int state;
    long stamp;
};

static pthread_mutex_t board_lock = PTHREAD_MUTEX_INITIALIZER;
static struct entry *board;

static void *updater(void *arg)
{
    (void)arg;
    for (long i = 0; i < 1000; i++) {
        pthread_mutex_lock(&board_lock);
        if (board != NULL) {
            board->state = (int)(i & 3);
            board->stamp = i;
        }
        pthread_mutex_unlock(&board_lock);
    }
    return NULL;
}

static void *reporter(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&board_lock);
        struct entry *e = board;
        pthread_mutex_unlock(&board_lock);
        if (e != NULL)
            printf("%d %ld\n", e->state, e->stamp); // expect: CL002
    }
    return NULL;
}

int main(void)
{
    board = calloc(1, sizeof *board);
    if (board == NULL)
        return 1;
    pthread_t u, r;
    pthread_create(&u, NULL, updater, NULL);
    pthread_create(&r, NULL, reporter, NULL);
    pthread_join(u, NULL);
    pthread_join(r, NULL);
    return 0;
}
