/* Pattern: an audit log that appends inline when `audit.writers == 0`
 * (no writer threads) and through its lock otherwise. Start-up returns
 * before starting writers when there are none; a later "reload" sets
 * `audit.writers` to 0 while the writers it started run on.
 * Verdict: racy. After the reload main appends inline (no lock) while a
 * writer still appends under the lock. The inline append's two unlocked
 * writes (`audit.line`, `audit.nlines`) are one finding.
 */
#include <pthread.h>
#include <stdio.h>

// class: mode-global-fields

static struct {
    int writers;
    char line[64];
    unsigned nlines;
} audit;
static pthread_mutex_t audit_lock = PTHREAD_MUTEX_INITIALIZER;

static void audit_append(const char *what)
{
    if (audit.writers == 0) { // expect: CL002
        snprintf(audit.line, sizeof audit.line, "%s", what); // expect: CL002
        audit.nlines++; // expect-related: CL002 {{also writes 'audit.nlines' in 'audit_append'}}
        return;
    }
    pthread_mutex_lock(&audit_lock);
    snprintf(audit.line, sizeof audit.line, "%s", what);
    audit.nlines++;
    pthread_mutex_unlock(&audit_lock);
}

static void *writer_main(void *arg)
{
    audit_append(arg);
    return NULL;
}

static void reload(void)
{
    audit.writers = 0; // expect-related: CL002
}

int main(int argc, char **argv)
{
    pthread_t t;
    (void)argv;
    audit.writers = argc > 1;
    if (audit.writers == 0)
        return 0;
    pthread_create(&t, NULL, writer_main, "start");
    reload();
    audit_append("reloaded");
    pthread_join(t, NULL);
    return 0;
}
