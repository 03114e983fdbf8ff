/* Pattern: the twin of 910: one thread per node of a list of jobs, each
 * started on its own node from a for loop that walks the list; each
 * thread also adds its node's byte count to a global total, and main
 * reads each node's status in a second walk before it joins.
 * Verdict: racy, twice: on `total_bytes`, which every thread writes with
 * no lock, and on `j->status`, which main reads while the node's thread
 * may still write it. The nodes are distinct; the total and the
 * unjoined node are not.
 */
// class: thread-arguments
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct job {
    struct job *next;
    pthread_t tid;
    long bytes;
    int status;
};

static long total_bytes;

static void *run_job(void *arg)
{
    struct job *j = arg;
    total_bytes += j->bytes; // expect: CL002 {{'total_bytes'}}
    j->status = 1; // expect: CL002 {{'j->status'}}
    return NULL;
}

int main(void)
{
    struct job *head = NULL;
    for (int i = 0; i < 8; i++) {
        struct job *j = calloc(1, sizeof *j);
        if (j == NULL)
            return 1;
        j->bytes = 100 * i;
        j->next = head;
        head = j;
    }
    for (struct job *j = head; j != NULL; j = j->next)
        pthread_create(&j->tid, NULL, run_job, j);
    for (struct job *j = head; j != NULL; j = j->next)
        printf("%d\n", j->status);
    for (struct job *j = head; j != NULL; j = j->next)
        pthread_join(j->tid, NULL);
    printf("%ld\n", total_bytes);
    return 0;
}
