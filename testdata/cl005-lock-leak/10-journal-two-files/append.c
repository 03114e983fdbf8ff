/* CL005 positive, file 2 of 2: journal_append() takes the journal lock
 * through the helper in journal.c and returns on a failed write without
 * releasing it; the flusher thread then blocks forever.
 */
#include "journal.h"

static struct journal jn = { PTHREAD_MUTEX_INITIALIZER, NULL, 0 };

int journal_append(struct journal *j, const char *rec)
{
    journal_lock(j);
    if (fputs(rec, j->f) < 0)
        return -1; // expect: CL005 {{'journal_append' returns with 'jn.m' still locked}}
    j->seq++;
    journal_unlock(j);
    return 0;
}

static void *flusher(void *arg)
{
    journal_lock(&jn);
    fflush(jn.f);
    journal_unlock(&jn);
    return arg;
}

int main(void)
{
    pthread_t t;
    jn.f = stdout;
    pthread_create(&t, NULL, flusher, NULL);
    journal_append(&jn, "start\n");
    pthread_join(t, NULL);
    return 0;
}
