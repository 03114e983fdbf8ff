/* Pattern: a port table kept through small helpers (tab_append,
 * tab_get) is filled before the scanners start, but main appends one
 * more port after they are running.
 * Verdict: racy. The scanners read `ports` (its count in their loop, the
 * count and entries in tab_get) while main's tab_append writes them: one
 * table, named through the helpers' parameter in main and directly in
 * the scanners. One unguarded append, one finding at its first write; the
 * scanners' reads are related locations.
 */
#include <pthread.h>

// class: generic-container-helpers

struct table {
    unsigned short entry[16];
    int count;
};

static struct table ports;

static int tab_append(struct table *t, unsigned short p)
{
    if (t->count == 16)
        return -1;
    t->entry[t->count] = p; // expect: CL002 {{write to 't->entry[]' in 'tab_append'}} {{and 2 more races on 'ports'}}
    t->count = t->count + 1; // expect-related: CL002 {{also writes 't->count' in 'tab_append'}}
    return 0;
}

static unsigned short tab_get(const struct table *t, int i)
{
    return i < t->count ? t->entry[i] : 0; // expect-related: CL002 {{conflicting read of 't->count' in 'tab_get'}}
}

static void *scanner(void *arg)
{
    long open_ports = 0;
    (void)arg;
    for (int i = 0; i < ports.count; i++) // expect-related: CL002 {{conflicting read of 'ports.count' in 'scanner'}}
        open_ports += tab_get(&ports, i) > 1024;
    return (void *)open_ports;
}

int main(void)
{
    pthread_t s[2];
    for (unsigned short p = 80; p < 84; p++)
        tab_append(&ports, p);
    for (int k = 0; k < 2; k++)
        pthread_create(&s[k], NULL, scanner, NULL);
    tab_append(&ports, 8443);
    for (int k = 0; k < 2; k++)
        pthread_join(s[k], NULL);
    return 0;
}
