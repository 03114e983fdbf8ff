/* CL002 positive: the worker passes a command it read at run time, so
 * every case may run, including the one that writes `mode` while main
 * writes it too.
 */
// class: constant-arguments
#include <pthread.h>
#include <stdlib.h>

enum { M_OFF, M_ON };
static int mode;

static void set(int cmd)
{
    switch (cmd) {
    case M_OFF:
        break;
    case M_ON:
        mode = 1; // expect: CL002
        break;
    }
}

static void *worker(void *arg)
{
    set(atoi(getenv("MODE")));
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    set(M_ON);
    pthread_join(t, NULL);
    return 0;
}
