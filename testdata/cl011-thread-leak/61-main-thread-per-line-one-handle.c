/* CL011 positive (a batch tool's main): each input line is handed to a new
 * thread started into one handle; only the thread of the last line is
 * joined, so the earlier ones may still run when main returns and are
 * never joined.
 */
// class: handle-overwritten-in-main
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long total;

static void *process_line(void *arg)
{
    char *line = arg;
    __atomic_add_fetch(&total, (long)strlen(line), __ATOMIC_RELAXED);
    free(line);
    return NULL;
}

int main(void)
{
    char buf[512];
    pthread_t worker;
    int any = 0;
    while (fgets(buf, sizeof buf, stdin) != NULL) {
        char *copy = strdup(buf);
        pthread_create(&worker, NULL, process_line, copy); // expect: CL011 {{overwrites its handle 'worker'}}
        any = 1;
    }
    if (any)
        pthread_join(worker, NULL);
    printf("%ld\n", total); // expect: CL002 -- the earlier lines' threads may still run
    return 0;
}
