/* CL002 positive: the session object is made current (stored in a global
 * the monitor thread polls) before its fields are filled in.
 * The fields are written after the object became reachable from the
 * global, so they race with the monitor's reads. One defect (published
 * before it is filled in): one finding at the publishing write, the field
 * write and the monitor's reads as related locations.
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
        struct session *s = current; // expect-related: CL002 {{conflicting read of 'current' in 'monitor'}}
        if (s != NULL && s->bytes > 0) // expect-related: CL002 {{conflicting read of 's->bytes' in 'monitor'}}
            return s;
    }
    return NULL;
}

static void open_session(int id)
{
    struct session *s = malloc(sizeof *s);
    if (s == NULL)
        return;
    current = s; // expect: CL002 {{write to 'current' in 'open_session' races with read}}
    s->id = id;
    s->bytes = 0; // expect-related: CL002 {{also writes 's->bytes' in 'open_session'}}
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
