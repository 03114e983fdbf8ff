/* Pattern: a listener thread whose start routine is chosen by a
 * conditional (`use_ipv6 ? listen6 : &listen4`); both candidates update the
 * connection count under `conn_lock`, and main reads it under the same lock
 * while the listener runs.
 * Verdict: race-free. Every access to `connections` holds conn_lock.
 */
// class: conditional-start-routine
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t conn_lock = PTHREAD_MUTEX_INITIALIZER;
static int connections;

static void *listen4(void *arg)
{
    pthread_mutex_lock(&conn_lock);
    connections++;
    pthread_mutex_unlock(&conn_lock);
    return arg;
}

static void *listen6(void *arg)
{
    pthread_mutex_lock(&conn_lock);
    connections += 2;
    pthread_mutex_unlock(&conn_lock);
    return arg;
}

int main(void)
{
    int use_ipv6 = getenv("IPV6") != NULL;
    pthread_t t;
    pthread_create(&t, NULL, use_ipv6 ? listen6 : &listen4, NULL);
    pthread_mutex_lock(&conn_lock);
    printf("%d\n", connections);
    pthread_mutex_unlock(&conn_lock);
    pthread_join(t, NULL);
    return 0;
}
