/* CL003 negative: retry backoff that reads only locals. main retries
 * opening its database with usleep() between attempts, before any thread
 * exists; then it starts the workers and joins them.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define NWORKERS 4

int db_open(const char *path);           /* db.c */
void db_serve(int handle, int worker);   /* db.c */

struct worker_arg { int db; int id; };

static void *worker_main(void *arg)
{
    const struct worker_arg *wa = arg;
    db_serve(wa->db, wa->id);
    return NULL;
}

int main(void)
{
    int db = -1;
    unsigned delay_us = 10000;
    for (int attempt = 0; attempt < 8 && db < 0; attempt++) {
        db = db_open("data.db");
        if (db < 0) {
            usleep(delay_us);
            delay_us *= 2;
        }
    }
    if (db < 0) {
        fprintf(stderr, "cannot open 'data.db'\n");
        return 1;
    }
    struct worker_arg args[NWORKERS];
    pthread_t tids[NWORKERS];
    for (int i = 0; i < NWORKERS; i++) {
        args[i].db = db;
        args[i].id = i;
    }
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&tids[i], NULL, worker_main, &args[i]);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(tids[i], NULL);
    return 0;
}
