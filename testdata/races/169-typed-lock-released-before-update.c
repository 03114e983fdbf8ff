/* Pattern: typed lock wrapper chosen by a constant type argument (C11
 * mutex or a pthread rwlock), released before the last update.
 * Verdict: racy. guard_enter(KIND_MTX, ...) and guard_leave(KIND_MTX, ...)
 * bracket the read of `cursor`; the write of `cursor` comes after
 * guard_leave() in every worker.
 */
// class: recursive-and-typed-locks
#include <pthread.h>
#include <stdio.h>
#include <threads.h>

enum { KIND_MTX, KIND_RW };
static mtx_t cur_mtx;
static pthread_rwlock_t cur_rw = PTHREAD_RWLOCK_INITIALIZER;
static int cursor;

static void guard_enter(int kind)
{
    if (kind == KIND_RW)
        pthread_rwlock_wrlock(&cur_rw);
    else
        mtx_lock(&cur_mtx);
}

static void guard_leave(int kind)
{
    if (kind == KIND_RW)
        pthread_rwlock_unlock(&cur_rw);
    else
        mtx_unlock(&cur_mtx);
}

static void *advance(void *arg)
{
    for (int i = 0; i < 100; i++) {
        guard_enter(KIND_MTX);
        int next = cursor + 1;
        guard_leave(KIND_MTX);
        cursor = next; // expect: CL002
    }
    return arg;
}

int main(void)
{
    mtx_init(&cur_mtx, mtx_plain);
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, advance, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", cursor);
    return 0;
}
