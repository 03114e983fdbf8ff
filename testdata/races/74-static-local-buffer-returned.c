/* Pattern: function-scope static buffer returned to callers (the classic
 * non-reentrant formatter).
 * Verdict: racy. fmt_addr() formats into a static local buffer that every
 * worker calls concurrently; the writes into `buf` race. snprintf writes
 * through the pointer, so the write happens at the call on the marked line.
 */
#include <pthread.h>
#include <stdio.h>

#define NT 4

static const char *fmt_addr(unsigned ip)
{
    static char buf[32];
    snprintf(buf, sizeof buf, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 255, // expect: CL002
             (ip >> 8) & 255, ip & 255);
    return buf;
}

static void *worker(void *arg)
{
    size_t total = 0;
    for (unsigned i = 0; i < 1000; i++)
        total += fmt_addr(i * 2654435761u)[0] != '\0';
    return total ? arg : NULL;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    return 0;
}
