/* CL010 negative (an event loop's self-pipe): the wake-up pipe is made
 * non-blocking at start-up, so draining it under the loop lock returns at
 * once when it is empty.
 */
// class: pipe-io-under-lock
// expect-none
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t loop_lock = PTHREAD_MUTEX_INITIALIZER;
static int self_pipe[2];
static int wakeups;

static void *loop_thread(void *arg)
{
    char buf[64];
    pthread_mutex_lock(&loop_lock);
    while (read(self_pipe[0], buf, sizeof buf) > 0)
        wakeups++;
    pthread_mutex_unlock(&loop_lock);
    return arg;
}

int main(void)
{
    pthread_t t;
    if (pipe(self_pipe) != 0)
        return 1;
    fcntl(self_pipe[0], F_SETFL, fcntl(self_pipe[0], F_GETFL) | O_NONBLOCK);
    pthread_create(&t, NULL, loop_thread, NULL);
    write(self_pipe[1], "w", 1);
    pthread_join(t, NULL);
    return 0;
}
