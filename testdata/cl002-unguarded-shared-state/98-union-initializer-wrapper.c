/* CL002 positive: the thread-creation wrapper converts its entry through
 * a union set up with a designated initializer (`= { .plain = entry }`,
 * not an assignment); the workers it starts bump a shared count
 * without a lock.
 * The workers must be in the model: the start routine is read back
 * through the union's other member.
 */
// class: spawn-wrappers
#include <pthread.h>

typedef void (*plain_entry)(void *);

static int log_len;

static int spawn(pthread_t *t, plain_entry entry, void *arg)
{
    union {
        plain_entry plain;
        void *(*posix)(void *);
    } u = { .plain = entry };
    return pthread_create(t, NULL, u.posix, arg);
}

static void append(void *arg)
{
    (void)arg;
    log_len++; // expect: CL002 {{races with}}
}

int main(void)
{
    static const char tags[2] = { 'a', 'b' };
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        spawn(&t[i], append, (void *)&tags[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return log_len;
}
