/* An append-only journal kept in a file. */
// expect-none
#include <stddef.h>

struct journal {
    int fd;
    size_t pending;
};

int journal_append(struct journal *j, const void *rec, size_t len);
/* Makes what was appended durable: waits for the disk. */
int journal_commit(struct journal *j);
