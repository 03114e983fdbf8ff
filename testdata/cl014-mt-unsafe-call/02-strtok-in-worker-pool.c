/* CL014 positive: a fixed pool of workers parses request lines with
 * strtok(), whose position is one static pointer: a worker resumes
 * tokenizing another worker's line. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

enum { NWORKERS = 4 };

struct job { char line[128]; int fields; };

static struct job jobs[NWORKERS];

static int count_fields(char *line)
{
    int n = 0;
    for (char *tok = strtok(line, " "); tok != NULL; tok = strtok(NULL, " ")) // expect: CL014 {{'strtok' is not thread-safe}} {{use 'strtok_r'}}
        n++;
    return n;
}

static void *worker(void *arg)
{
    struct job *j = arg;
    j->fields = count_fields(j->line);
    return NULL;
}

int main(void)
{
    pthread_t t[NWORKERS];
    for (int i = 0; i < NWORKERS; i++) {
        snprintf(jobs[i].line, sizeof jobs[i].line, "GET /item/%d HTTP/1.1", i);
        pthread_create(&t[i], NULL, worker, &jobs[i]);
    }
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", jobs[0].fields);
    return 0;
}
