/* Pattern: a relay list built once by main; a checker walks it under the
 * list's lock and starts a detached thread for each relay that has none
 * running, handing the thread its relay. Each relay thread works only on
 * its relay's own source (allocated per relay) and clears `running`
 * under the list's lock when it ends (icecast's relay threads).
 * Verdict: race-free between the relay threads: each has another relay
 * and another source; `running` is only touched under `relays_lock`.
 */
// class: thread-arguments
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct source { int state; long bytes; };
struct relay { struct relay *next; struct source *src; int running; };

static pthread_mutex_t relays_lock = PTHREAD_MUTEX_INITIALIZER;
static struct relay *relays;

static void *relay_thread(void *arg)
{
    struct relay *r = arg;
    r->src->state = 1;
    for (int i = 0; i < 100; i++)
        r->src->bytes += i;
    r->src->state = 0;
    pthread_mutex_lock(&relays_lock);
    r->running = 0;
    pthread_mutex_unlock(&relays_lock);
    return NULL;
}

static void check_relays(void)
{
    pthread_mutex_lock(&relays_lock);
    struct relay *r = relays;
    while (r != NULL) {
        pthread_t t;
        if (!r->running && pthread_create(&t, NULL, relay_thread, r) == 0) {
            r->running = 1;
            pthread_detach(t);
        }
        r = r->next;
    }
    pthread_mutex_unlock(&relays_lock);
}

int main(void)
{
    for (int i = 0; i < 3; i++) {
        struct relay *r = calloc(1, sizeof *r);
        if (r == NULL || (r->src = calloc(1, sizeof *r->src)) == NULL)
            return 1;
        r->next = relays;
        relays = r;
    }
    check_relays();
    pthread_exit(NULL);
}
