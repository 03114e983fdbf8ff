// expect-none
/* The journal's lock helpers (journal.c) and its writer (append.c). */
#include <pthread.h>
#include <stdio.h>

struct journal { pthread_mutex_t m; FILE *f; long seq; };
void journal_lock(struct journal *j);
void journal_unlock(struct journal *j);
int journal_append(struct journal *j, const char *rec);
