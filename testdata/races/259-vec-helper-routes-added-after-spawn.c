/* Pattern: the generic vector of 256 again, but main adds one more route
 * to the table after the workers started, through vec_push.
 * Verdict: racy. The workers read `routes` (routes.len in their loop,
 * len and data in vec_at) while main's vec_push writes them: the same
 * list, reached through the helpers' parameters and directly.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// class: generic-container-helpers

struct vec {
    size_t elem, len, cap;
    unsigned char *data;
};

static struct vec routes;

static void *vec_at(struct vec *v, size_t i)
{
    return i < v->len ? v->data + i * v->elem : NULL; // expect: CL002 CL002
}

static int vec_push(struct vec *v, const void *item)
{
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 4;
        unsigned char *d = realloc(v->data, cap * v->elem);
        if (d == NULL)
            return -1;
        v->data = d;
        v->cap = cap;
    }
    memcpy(v->data + v->len * v->elem, item, v->elem);
    v->len++; // expect-related: CL002 {{conflicting write of 'v->len' in 'vec_push'}}
    return 0;
}

static void *route_worker(void *arg)
{
    long hits = 0;
    (void)arg;
    for (size_t i = 0; i < routes.len; i++) { // expect: CL002 {{races with write in 'vec_push'}}
        int *port = vec_at(&routes, i);
        hits += port != NULL ? *port : 0;
    }
    return (void *)hits;
}

int main(void)
{
    pthread_t t[2];
    int extra = 9000;
    routes.elem = sizeof(int);
    for (int p = 8000; p < 8004; p++)
        vec_push(&routes, &p);
    for (int k = 0; k < 2; k++)
        pthread_create(&t[k], NULL, route_worker, NULL);
    vec_push(&routes, &extra);
    for (int k = 0; k < 2; k++)
        pthread_join(t[k], NULL);
    return 0;
}
