/* CL005 positive: a session table with a goto cleanup ladder. The parse
 * failure jumps to `err_free`, a label below the unlock: the table lock
 * stays held on that path.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct session { char id[32]; struct session *next; };
struct table { pthread_mutex_t lock; struct session *head; unsigned n; };

static struct table sessions = { .lock = PTHREAD_MUTEX_INITIALIZER };

static int parse_id(const char *req, char *out, size_t n)
{
    if (strlen(req) >= n)
        return -1;
    strcpy(out, req);
    return 0;
}

int session_open(struct table *t, const char *req)
{
    struct session *s = calloc(1, sizeof *s);
    if (s == NULL)
        return -1;
    pthread_mutex_lock(&t->lock);
    if (parse_id(req, s->id, sizeof s->id) != 0)
        goto err_free;
    s->next = t->head;
    t->head = s;
    t->n++;
    pthread_mutex_unlock(&t->lock);
    return 0;
err_free:
    free(s);
    return -1; // expect: CL005 {{'session_open' returns with 't->lock' still locked}}
}

static void *client(void *arg)
{
    for (int i = 0; i < 100; i++)
        session_open(&sessions, arg);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, client, "alpha");
    pthread_create(&b, NULL, client, "beta");
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
