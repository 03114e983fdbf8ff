/* CL014 positive: a reload thread rewrites the environment with
 * setenv() while request threads read it with getenv(): setenv may move
 * the environment array and free the string getenv returned. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *reload_main(void *arg)
{
    setenv("APP_MODE", arg, 1); // expect: CL014 {{'setenv' is not thread-safe (it uses the environment)}} {{while 'getenv'}} {{reads it}}
    return NULL;
}

static void *request_main(void *arg)
{
    (void)arg;
    const char *mode = getenv("APP_MODE"); // expect: CL014 {{while 'setenv'}}
    printf("mode %s\n", mode ? mode : "default");
    return NULL;
}

int main(void)
{
    pthread_t rl, rq[2];
    pthread_create(&rl, NULL, reload_main, "maintenance");
    for (int i = 0; i < 2; i++)
        pthread_create(&rq[i], NULL, request_main, NULL);
    pthread_join(rl, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(rq[i], NULL);
    return 0;
}
