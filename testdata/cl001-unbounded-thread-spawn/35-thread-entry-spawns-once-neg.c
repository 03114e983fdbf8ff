/* CL001 negative: logger_main is address-taken only as a start routine (it
 * is not a registered callback) and starts one detached helper thread, once. Start
 * routines are not request handlers.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

static void *rotate_main(void *arg)
{
    (void)arg;
    return NULL;
}

static void *logger_main(void *arg)
{
    pthread_t rot;
    (void)arg;
    if (pthread_create(&rot, NULL, rotate_main, NULL) == 0)
        pthread_detach(rot);
    fputs("logger done\n", stderr);
    return NULL;
}

int main(void)
{
    pthread_t lg;
    if (pthread_create(&lg, NULL, logger_main, NULL) != 0)
        return 1;
    pthread_join(lg, NULL);
    return 0;
}
