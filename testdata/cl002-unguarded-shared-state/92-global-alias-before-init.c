/* CL002 positive: the session object is made current (stored in a global
 * the monitor thread polls) before its fields are filled in.
 * The fields are written after the object became reachable from the
 * global, so they race with the monitor's reads.
 */
// class: fresh-objects
#include <pthread.h>
#include <stdlib.h>

struct session {
    int id;
    int bytes;
};

static struct session *current;

static void *monitor(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++) {
        struct session *s = current; // expect: CL002 {{races with write}}
        if (s != NULL && s->bytes > 0) // expect: CL002 {{races with write}}
            return s;
    }
    return NULL;
}

static void open_session(int id)
{
    struct session *s = malloc(sizeof *s);
    if (s == NULL)
        return;
    current = s;
    s->id = id;
    s->bytes = 0;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, monitor, NULL);
    open_session(1);
    open_session(2);
    pthread_join(t, NULL);
    return 0;
}
