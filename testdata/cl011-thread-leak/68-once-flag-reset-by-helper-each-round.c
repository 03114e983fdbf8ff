/* CL011 positive (a new user's report): the loop starts the flusher under a
 * once-flag, but a helper the loop calls every round clears the flag, so
 * the next round starts another flusher into the same handle; the earlier
 * ones are never joined. A reset in a callee makes the flag no one-shot.
 */
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>
static pthread_t flusher;
static int flusher_started;
static void *flush_main(void *arg) { (void)arg; sleep(1); return NULL; }
static void reset_state(void) { flusher_started = 0; }
void serve_client(int fd)
{
    char buf[256];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0) {
        if (!flusher_started) {
            flusher_started = 1;
            pthread_create(&flusher, NULL, flush_main, NULL); // expect: CL011
        }
        send(fd, buf, (size_t)n, 0);
        reset_state();
    }
}
void shutdown_all(void) { pthread_join(flusher, NULL); }
int main(void) { serve_client(0); shutdown_all(); return 0; }
