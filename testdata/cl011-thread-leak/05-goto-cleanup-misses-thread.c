/* CL011 positive: a goto cleanup ladder that frees the buffers but forgets
 * the reader thread started before the failing step. */
#include <pthread.h>
#include <stdlib.h>

struct session { char *in, *out; };

static void *reader_main(void *arg)
{
    struct session *s = arg;
    s->in[0] = 0;
    return NULL;
}

int session_run(struct session *s);
int session_run(struct session *s)
{
    pthread_t reader;
    int rc = -1;
    s->in = malloc(64);
    if (s->in == NULL)
        goto out;
    if (pthread_create(&reader, NULL, reader_main, s) != 0) // expect: CL011
        goto free_in;
    s->out = malloc(64);
    if (s->out == NULL)
        goto free_in;
    pthread_join(reader, NULL);
    free(s->out);
    rc = 0;
free_in:
    free(s->in);
out:
    return rc;
}
