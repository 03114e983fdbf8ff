/* CL002 positive, one root cause across a call: account() counts an error
 * in the global `srv` and calls table_add() to record it in the error
 * table inside `srv`, both from the I/O threads without the lock the main
 * thread holds (the redis afterErrorReply -> incrementErrorCount shape). The
 * helper's writes go through its parameter; they are part of account()'s
 * unguarded update: one finding at account()'s write.
 */
#include <pthread.h>

struct table {
    int n;
    int codes[32];
};

struct server {
    pthread_mutex_t lock;
    long errors_total;
    struct table errors;
};

static struct server srv = { PTHREAD_MUTEX_INITIALIZER, 0, { 0, { 0 } } };

static void table_add(struct table *t, int code)
{
    if (t->n < 32) // expect-related: CL002 {{also reads 't->n' in 'table_add'}}
        t->codes[t->n++] = code; // expect-related: CL002 {{also writes 't->codes[]' in 'table_add'}}
}

static void account(int code)
{
    srv.errors_total++; // expect: CL002 {{write to 'srv.errors_total' in 'account'}} {{more races on 'srv' through 'account'}}
    table_add(&srv.errors, code);
}

static void *io_thread(void *arg)
{
    account((int)(long)arg);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, io_thread, (void *)i);
    pthread_mutex_lock(&srv.lock);
    account(500);
    pthread_mutex_unlock(&srv.lock);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
