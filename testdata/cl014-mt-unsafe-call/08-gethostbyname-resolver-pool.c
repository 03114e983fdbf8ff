/* CL014 positive: two resolver threads look names up with
 * gethostbyname(), whose struct hostent is static: one thread copies the
 * other's addresses. */
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct lookup { const char *name; char addr[16]; };

static void *resolver(void *arg)
{
    struct lookup *l = arg;
    struct hostent *he = gethostbyname(l->name); // expect: CL014 {{'gethostbyname' is not thread-safe (it uses the static 'struct hostent')}}
    if (he != NULL && he->h_length <= (int)sizeof l->addr)
        memcpy(l->addr, he->h_addr_list[0], (size_t)he->h_length);
    return NULL;
}

int main(void)
{
    static struct lookup q[2] = { { "a.example", "" }, { "b.example", "" } };
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, resolver, &q[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", q[0].addr[0]);
    return 0;
}
