/* CL005 positive, file 1 of 2: the journal's lock and unlock helpers, an
 * acquire wrapper and a release wrapper (not findings: append.c pairs
 * them).
 */
// expect-none
#include "journal.h"

void journal_lock(struct journal *j)
{
    pthread_mutex_lock(&j->m);
}

void journal_unlock(struct journal *j)
{
    pthread_mutex_unlock(&j->m);
}
