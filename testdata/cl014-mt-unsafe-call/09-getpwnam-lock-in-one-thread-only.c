/* CL014 positive: the session thread looks users up under pw_lock, but
 * the audit thread calls getpwuid() without it; both share the static
 * struct passwd, so the lock in one thread alone protects nothing. */
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t pw_lock = PTHREAD_MUTEX_INITIALIZER;

static void *session_main(void *arg)
{
    pthread_mutex_lock(&pw_lock);
    struct passwd *pw = getpwnam(arg); // expect: CL014 {{'getpwnam' is not thread-safe (it uses the static 'struct passwd' and its iterator)}} {{while 'getpwuid'}}
    if (pw != NULL)
        printf("home %s\n", pw->pw_dir);
    pthread_mutex_unlock(&pw_lock);
    return NULL;
}

static void *audit_main(void *arg)
{
    (void)arg;
    struct passwd *pw = getpwuid(getuid()); // expect: CL014 {{'getpwuid_r'}}
    if (pw != NULL)
        printf("audit as %s\n", pw->pw_name);
    return NULL;
}

int main(void)
{
    pthread_t s, a;
    pthread_create(&s, NULL, session_main, "alice");
    pthread_create(&a, NULL, audit_main, NULL);
    pthread_join(s, NULL);
    pthread_join(a, NULL);
    return 0;
}
