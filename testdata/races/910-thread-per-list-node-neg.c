/* Pattern: main reads a list of jobs, then walks it with a while loop and
 * starts one thread per node; each thread fills its own node's result
 * buffer and status. main joins every thread (through the handle kept in
 * the node) before it prints the results.
 * Verdict: race-free. Each round of the walk passes another node: the
 * threads share no node, and main reads the results after the joins.
 */
// class: thread-arguments
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct job {
    struct job *next;
    pthread_t tid;
    char input[64];
    char result[64];
    int status;
};

static void *run_job(void *arg)
{
    struct job *j = arg;
    size_t n = strlen(j->input);
    for (size_t i = 0; i < n; i++)
        j->result[i] = (char)(j->input[n - 1 - i]);
    j->result[n] = '\0';
    j->status = 1;
    return NULL;
}

int main(void)
{
    struct job *head = NULL;
    char line[64];
    while (fgets(line, sizeof line, stdin) != NULL) {
        struct job *j = calloc(1, sizeof *j);
        if (j == NULL)
            break;
        line[strcspn(line, "\n")] = '\0';
        strcpy(j->input, line);
        j->next = head;
        head = j;
    }
    struct job *j = head;
    while (j != NULL) {
        pthread_create(&j->tid, NULL, run_job, j);
        j = j->next;
    }
    for (j = head; j != NULL; j = j->next) {
        pthread_join(j->tid, NULL);
        printf("%s -> %s (%d)\n", j->input, j->result, j->status);
    }
    return 0;
}
