/* Pattern: a tagged value with an anonymous union; every access to either
 * member, from the worker and from main, holds the value's mutex.
 * Verdict: race-free. The members are one location, but one lock guards it.
 */
// class: anonymous-union
// expect-none
#include <pthread.h>
#include <stdio.h>

struct value {
    pthread_mutex_t lock;
    int is_num;
    union {
        long num;
        double real;
    };
};

static struct value current = { PTHREAD_MUTEX_INITIALIZER, 0, { 0 } };

static void *parser(void *arg)
{
    pthread_mutex_lock(&current.lock);
    current.num = 42;
    current.is_num = 1;
    pthread_mutex_unlock(&current.lock);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, parser, NULL);
    pthread_mutex_lock(&current.lock);
    current.real = 1.5;
    current.is_num = 0;
    pthread_mutex_unlock(&current.lock);
    pthread_join(t, NULL);
    printf("%f\n", current.real);
    return 0;
}
