/* CL011 negative: the signing pool of knot's zone_tree_sign
 * (src/knot/dnssec/zone-sign.c): one thread runs inline, several are
 * started with their start code kept per argument, joined "those threads
 * that have been really started", and the codes collected afterwards. */
// expect-none
#include <pthread.h>
#include <stddef.h>

struct sign_arg {
    pthread_t thread;
    size_t index, nthreads;
    int init_errcode;
    int errcode;
};

static void *sign_main(void *p)
{
    struct sign_arg *a = p;
    a->errcode = (int)(a->index % 2);
    return NULL;
}

int sign_tree(size_t nthreads);
int sign_tree(size_t nthreads)
{
    struct sign_arg args[8];
    if (nthreads == 0 || nthreads > 8)
        return -1;
    for (size_t i = 0; i < nthreads; i++) {
        args[i].index = i;
        args[i].nthreads = nthreads;
        args[i].errcode = 0;
        args[i].init_errcode = -1;
    }
    if (nthreads == 1) {
        args[0].init_errcode = 0;
        sign_main(&args[0]);
    } else {
        for (size_t i = 0; i < nthreads; i++)
            args[i].init_errcode = pthread_create(&args[i].thread, NULL, sign_main, &args[i]);
        for (size_t i = 0; i < nthreads; i++) {
            if (args[i].init_errcode == 0)
                args[i].init_errcode = pthread_join(args[i].thread, NULL);
        }
    }
    int ret = 0;
    for (size_t i = 0; i < nthreads; i++) {
        if (ret == 0)
            ret = args[i].init_errcode != 0 ? args[i].init_errcode : args[i].errcode;
    }
    return ret;
}
