/* CL003 positive, one finding for one defect: the uploader thread sets a
 * plain `int` when the snapshot is on disk, and the main thread polls it
 * every 50 ms. The poll is also a data race on `snapshot_done` (the read in
 * the loop condition against the thread's write), but that race and the
 * sleep are one mistake with one fix (a condition variable or a join): the
 * race is reported once, as this CL003 finding, not again as CL002.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int snapshot_done;

static void write_snapshot(const char *path)
{
    FILE *f = fopen(path, "w");
    if (f != NULL)
        fclose(f);
}

static void *uploader(void *arg)
{
    write_snapshot(arg);
    snapshot_done = 1; // expect-related: CL003 {{'snapshot_done' written here}}
    return NULL;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, uploader, "/tmp/snap.db") != 0)
        return 1;
    while (!snapshot_done) // expect-related: CL003 {{read here by the loop}}
        usleep(50000); // expect: CL003 {{polls 'snapshot_done'}}
    puts("snapshot written");
    pthread_detach(t);
    return 0;
}
