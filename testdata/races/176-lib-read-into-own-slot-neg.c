/* Pattern: each thread reads input into its own element of a table.
 * Verdict: race-free. Worker i gets &slots[i] and fills it with memset,
 * read() and fgets() on its own stream; main looks at the slots only after
 * joining every worker.
 */
// class: library-accesses
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define NW 4
struct slot { int fd; FILE *in; char head[16]; char line[80]; };
static struct slot slots[NW];

static void *reader(void *arg)
{
    struct slot *s = arg;
    memset(s->head, 0, sizeof s->head);
    if (read(s->fd, s->head, sizeof s->head - 1) < 0)
        return NULL;
    if (s->in != NULL && fgets(s->line, sizeof s->line, s->in) == NULL)
        s->line[0] = '\0';
    return NULL;
}

int main(void)
{
    pthread_t t[NW];
    for (int i = 0; i < NW; i++) {
        slots[i].fd = 0;
        slots[i].in = NULL;
        pthread_create(&t[i], NULL, reader, &slots[i]);
    }
    for (int i = 0; i < NW; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < NW; i++)
        printf("%s %s\n", slots[i].head, slots[i].line);
    return 0;
}
