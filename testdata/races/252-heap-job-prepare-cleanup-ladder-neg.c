/* Pattern: a dispatcher loop prepares a job object with a helper that
 * calls another helper (job_prepare -> job_clear), appends the pointer to
 * a pending list through a list helper, and starts a worker on the job;
 * errors go to a cleanup ladder of labels at the end of the loop body.
 * Verdict: race-free. job_prepare and job_clear write the job allocated
 * in this round, before pthread_create; the earlier workers hold earlier
 * jobs. Putting the job's address into the dispatcher's own list is not a
 * hand-over.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// class: heap-init-helpers
// expect-none

struct job {
    pthread_t tid;
    int kind;
    int result;
    char tag[16];
};

struct plist {
    struct job **items;
    size_t count, cap;
};

static struct plist pending;

static int plist_push(struct plist *l, struct job *j)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 8;
        struct job **v = realloc(l->items, cap * sizeof *v);
        if (v == NULL)
            return -1;
        l->items = v;
        l->cap = cap;
    }
    l->items[l->count++] = j;
    return 0;
}

static void job_clear(struct job *j)
{
    j->result = -1;
    memset(j->tag, 0, sizeof j->tag);
}

static void job_prepare(struct job *j, int kind)
{
    job_clear(j);
    j->kind = kind;
}

static void *worker(void *arg)
{
    struct job *j = arg;
    j->result = j->kind * 2;
    j->tag[0] = (char)('a' + j->result % 26);
    return NULL;
}

int dispatch(const int *kinds, int n)
{
    int started = 0;
    for (int i = 0; i < n; i++) {
        struct job *j = malloc(sizeof *j);
        if (j == NULL)
            goto out;
        job_prepare(j, kinds[i]);
        if (plist_push(&pending, j) != 0)
            goto free_job;
        if (pthread_create(&j->tid, NULL, worker, j) != 0)
            goto unlist;
        started++;
        continue;
unlist:
        pending.count--;
free_job:
        free(j);
out:
        break;
    }
    for (size_t k = 0; k < pending.count; k++)
        pthread_join(pending.items[k]->tid, NULL);
    return started;
}
