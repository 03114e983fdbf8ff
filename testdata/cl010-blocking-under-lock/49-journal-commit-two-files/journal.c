/* CL010 across files: journal_commit() waits for the disk (fdatasync);
 * store.c calls it while holding the store lock in store_put (every
 * reader of the store waits for the disk) and after releasing it in
 * store_put_batch (correct).
 */
// expect-none
#include <unistd.h>

#include "journal.h"

int journal_append(struct journal *j, const void *rec, size_t len)
{
    j->pending += len;
    return write(j->fd, rec, len) == (ssize_t)len ? 0 : -1;
}

int journal_commit(struct journal *j)
{
    return fdatasync(j->fd);
}
