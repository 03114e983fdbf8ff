/* CL010 positive: the journal appends and fsyncs inside the journal lock,
 * so writers queue behind the disk flush (group commit does the fsync
 * after releasing). */
#include <pthread.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t journal_lock = PTHREAD_MUTEX_INITIALIZER;
static int journal_fd = 1;
static unsigned long journal_len;

static int journal_append(const char *rec)
{
    pthread_mutex_lock(&journal_lock);
    ssize_t n = write(journal_fd, rec, strlen(rec));
    if (n > 0)
        journal_len += (unsigned long)n;
    int rc = fsync(journal_fd); // expect: CL010
    pthread_mutex_unlock(&journal_lock);
    return rc;
}

static void *writer(void *arg)
{
    (void)arg;
    return (void *)(long)journal_append("put k v\n");
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, writer, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
