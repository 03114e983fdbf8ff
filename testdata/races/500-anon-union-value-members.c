/* Pattern: a tagged value keeps its payload in an anonymous union (C11
 * 6.7.2.1p13); the worker stores the number, main reads the string member
 * while the worker may still run.
 * Verdict: racy. The members of an anonymous union share storage as those
 * of a named one do: `current.num` and `current.str` are one location.
 */
// class: anonymous-union
#include <pthread.h>
#include <stdio.h>

struct value {
    enum { V_NUM, V_STR } type;
    union {
        long num;
        const char *str;
    };
};

static struct value current;

static void *parser(void *arg)
{
    current.num = 42; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, parser, NULL);
    if (current.str != NULL)
        puts("string");
    pthread_join(t, NULL);
    return 0;
}
