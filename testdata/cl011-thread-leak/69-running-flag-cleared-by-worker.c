/* CL011 positive (a new user's report): the background worker clears its
 * running flag when it finishes; the next round then starts a new worker
 * into the same handle without joining the finished one, whose resources
 * stay until a join that never comes. A flag the thread resets is no
 * one-shot.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <sys/socket.h>
#include <unistd.h>
static pthread_t bg;
static atomic_int bg_running;
static void *bg_main(void *arg) { (void)arg; sleep(1); atomic_store(&bg_running, 0); return NULL; }
void serve_client(int fd)
{
    char buf[256];
    while (recv(fd, buf, sizeof buf, 0) > 0) {
        if (!atomic_load(&bg_running)) {
            atomic_store(&bg_running, 1);
            pthread_create(&bg, NULL, bg_main, NULL); // expect: CL011
        }
    }
}
int main(void) { serve_client(0); pthread_join(bg, NULL); return 0; }
