/* CL008 positive, the twin of 47: the same wrapper, and this time the
 * reaper takes the stats lock, then the lock of the session at the head
 * of the list, while the worker holds a session's lock (touch_session,
 * for a session from a library lookup) and takes the stats lock. The
 * lookup may return the head: an inversion on one session lock. The
 * worker's lock is named by the member its caller passes (`&s->lock`),
 * the class of session locks the head's lock belongs to. Both edges are
 * reported in the wrapper, named by the locks, not by the wrapper's one
 * spelling `l->m`. */
#include <pthread.h>

struct lk { pthread_mutex_t m; };
struct session { struct lk lock; int hits; struct session *next; };

extern struct session *session_lookup(int id);

static struct session *head;
static struct lk stats_lock = { PTHREAD_MUTEX_INITIALIZER };
static long requests;

static void lk_lock(struct lk *l)
{
    pthread_mutex_lock(&l->m); // expect: CL008 {{'head->lock.m' is taken while 'stats_lock.m' is held}}, CL008 {{'stats_lock.m' is taken while '?.lock.m' is held}}
}

static void lk_unlock(struct lk *l)
{
    pthread_mutex_unlock(&l->m);
}

static void touch_session(struct session *s)
{
    lk_lock(&s->lock);
    s->hits++;
    lk_lock(&stats_lock);
    requests++;
    lk_unlock(&stats_lock);
    lk_unlock(&s->lock);
}

static void *worker(void *arg)
{
    touch_session(session_lookup((int)(long)arg));
    return NULL;
}

static void *reaper(void *arg)
{
    (void)arg;
    lk_lock(&stats_lock);
    if (head != NULL) {
        lk_lock(&head->lock);
        head->hits = 0;
        lk_unlock(&head->lock);
    }
    requests = 0;
    lk_unlock(&stats_lock);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, (void *)1L);
    pthread_create(&b, NULL, reaper, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
