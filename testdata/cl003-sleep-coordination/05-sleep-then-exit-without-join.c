/* CL003 positive: the creator sleeps instead of joining and then exits. A
 * CLI tool starts a thread to flush its upload buffer, sleeps one second
 * "so the flush can finish", and returns from main(), which ends the
 * process whether or not the flush is done.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

struct upload { const char *path; const char *data; size_t len; };

static void *flush_main(void *arg)
{
    const struct upload *up = arg;
    FILE *f = fopen(up->path, "wb");
    if (f != NULL) {
        fwrite(up->data, 1, up->len, f);
        fclose(f);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    static struct upload up = { "upload.bin", "payload", 7 };
    pthread_t flusher;
    if (argc > 1)
        up.path = argv[1];
    if (pthread_create(&flusher, NULL, flush_main, &up) != 0)
        return 1;
    fprintf(stderr, "flushing %s\n", up.path);
    sleep(1); // expect: CL003
    return 0;
}
