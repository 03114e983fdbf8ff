/* CL011 negative: each start's result is stored beside its handle in a
 * per-thread argument array on the stack, and a later loop joins exactly
 * the threads whose start succeeded (the shape of knot's
 * zone_adjust_tree_parallel, src/knot/zone/adjust.c). */
// expect-none
#include <pthread.h>
#include <string.h>

struct adjust_arg {
    pthread_t thread;
    int ret;
    unsigned first, count;
    long done;
};

static void *adjust_main(void *p)
{
    struct adjust_arg *a = p;
    a->done = (long)a->count;
    return NULL;
}

int adjust_parallel(unsigned nodes, unsigned threads);
int adjust_parallel(unsigned nodes, unsigned threads)
{
    struct adjust_arg args[16];
    memset(args, 0, sizeof(args));
    if (threads > 16)
        return -1;
    for (unsigned i = 0; i < threads; i++) {
        args[i].first = i * (nodes / threads);
        args[i].count = nodes / threads;
        args[i].ret = -1;
    }
    for (unsigned i = 0; i < threads; i++)
        args[i].ret = pthread_create(&args[i].thread, NULL, adjust_main, &args[i]);
    int ret = 0;
    for (unsigned i = 0; i < threads; i++) {
        if (args[i].ret == 0)
            args[i].ret = pthread_join(args[i].thread, NULL);
        if (args[i].ret != 0)
            ret = -1;
        else if (ret == 0 && args[i].done < 0)
            ret = -2;
    }
    return ret;
}
