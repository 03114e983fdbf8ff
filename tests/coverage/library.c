/* Thread coverage of a library without main() (tests/cli.cmake,
 * cli/coverage-*): spawn_raw() and spawn_job() only pass their parameter
 * on, and so does the public lib_spawn(), which nothing in the program
 * calls: none of them is a spawn site. lib_start() names a start routine
 * (resolved); lib_run() passes one taken from a job nobody fills in this
 * program (a site, unresolved). Two threads: the root and the flusher,
 * which is not walked as a root itself. Expected: 2 sites, 1 resolved,
 * 2 threads, 0 walks truncated.
 */
#include <pthread.h>
#include <stddef.h>

typedef void *(*fn_t)(void *);

struct job {
    fn_t run;
    void *arg;
};

static int spawn_raw(fn_t fn, void *arg)
{
    pthread_t t;
    int rc = pthread_create(&t, NULL, fn, arg);
    if (rc == 0)
        pthread_detach(t);
    return rc;
}

static int spawn_job(fn_t fn, void *arg)
{
    return spawn_raw(fn, arg);
}

int lib_spawn(fn_t fn, void *arg)
{
    return spawn_job(fn, arg);
}

static unsigned long flushes;

static void *flusher(void *arg)
{
    (void)arg;
    flushes++;
    return NULL;
}

int lib_start(void)
{
    return spawn_job(flusher, NULL);
}

int lib_run(struct job *j)
{
    return spawn_job(j->run, j->arg);
}
