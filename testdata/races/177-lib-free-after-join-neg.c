/* Pattern: configuration parsed before the threads, freed after them.
 * Verdict: race-free, C11 threads. main fills the config with sscanf and
 * strcpy before starting the workers, the workers only read it (strlen,
 * strcmp, printf's %s), and main frees it after joining them all.
 */
// class: library-accesses
// expect-none
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

struct config { int port; char name[32]; };
static struct config *cfg;

static int worker(void *arg)
{
    (void)arg;
    size_t n = strlen(cfg->name);
    if (strcmp(cfg->name, "default") == 0)
        n = 0;
    printf("%s:%d %zu\n", cfg->name, cfg->port, n);
    return 0;
}

int main(int argc, char **argv)
{
    thrd_t t[3];
    cfg = malloc(sizeof *cfg);
    if (cfg == NULL)
        return 1;
    if (argc < 2 || sscanf(argv[1], "%d", &cfg->port) != 1)
        cfg->port = 80;
    strcpy(cfg->name, "default");
    for (int i = 0; i < 3; i++)
        thrd_create(&t[i], worker, NULL);
    for (int i = 0; i < 3; i++)
        thrd_join(t[i], NULL);
    free(cfg);
    return 0;
}
