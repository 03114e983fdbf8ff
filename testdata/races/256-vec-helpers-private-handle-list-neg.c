/* Pattern: one generic vector (vec_push, vec_at, vec_grow) serves two
 * lists: the routes table, filled before the workers start and only read
 * by them, and the list of worker handles, which only main touches, also
 * after the workers started.
 * Verdict: race-free. The helpers' accesses are to the list they were
 * passed: main's pushes to `handles` never meet the workers' reads of
 * `routes`, and the routes are not written after the spawns.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// class: generic-container-helpers
// expect-none

struct vec {
    size_t elem, len, cap;
    unsigned char *data;
};

static struct vec routes, handles;

static int vec_grow(struct vec *v)
{
    if (v->len < v->cap)
        return 0;
    size_t cap = v->cap ? v->cap * 2 : 4;
    unsigned char *d = realloc(v->data, cap * v->elem);
    if (d == NULL)
        return -1;
    v->data = d;
    v->cap = cap;
    return 0;
}

static void *vec_at(struct vec *v, size_t i)
{
    return i < v->len ? v->data + i * v->elem : NULL;
}

static int vec_push(struct vec *v, const void *item)
{
    if (vec_grow(v) != 0)
        return -1;
    memcpy(v->data + v->len * v->elem, item, v->elem);
    v->len++;
    return 0;
}

static void *route_worker(void *arg)
{
    long hits = 0;
    (void)arg;
    for (size_t i = 0; i < routes.len; i++) {
        int *port = vec_at(&routes, i);
        hits += port != NULL ? *port : 0;
    }
    return (void *)hits;
}

int main(void)
{
    routes.elem = sizeof(int);
    handles.elem = sizeof(pthread_t);
    for (int p = 8000; p < 8004; p++)
        vec_push(&routes, &p);
    for (int k = 0; k < 4; k++) {
        pthread_t t;
        if (pthread_create(&t, NULL, route_worker, NULL) != 0)
            break;
        vec_push(&handles, &t);
    }
    for (size_t i = 0; i < handles.len; i++)
        pthread_join(*(pthread_t *)vec_at(&handles, i), NULL);
    free(handles.data);
    free(routes.data);
    return 0;
}
