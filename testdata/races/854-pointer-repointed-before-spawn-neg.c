/* Pattern: a global "current buffer" pointer first points at the start-up
 * buffer, which the main thread fills and keeps using, and is then moved
 * to the run buffer before the writer thread starts; the writer only
 * touches what the pointer names.
 * Verdict: race-free. The pointer is assigned two objects, so it names
 * neither for good: the writer's accesses through it are not taken as
 * accesses to the start-up buffer the main thread writes.
 */
// class: alias-global-pointer
// expect-none
#include <pthread.h>
#include <string.h>

static char boot_buf[64];
static char run_buf[64];
static char *cur_buf;

static void *writer(void *arg)
{
    (void)arg;
    memset(cur_buf, 'x', 16);
    return NULL;
}

int main(void)
{
    pthread_t t;
    cur_buf = boot_buf;
    strcpy(cur_buf, "booting");
    cur_buf = run_buf;
    if (pthread_create(&t, NULL, writer, NULL) != 0)
        return 1;
    strcpy(boot_buf, "ready");
    pthread_join(t, NULL);
    return boot_buf[0] == 'r';
}
