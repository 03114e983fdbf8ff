/* CL004 positive: epoll_wait() with a finite timeout on an eventfd. The
 * signer thread writes its result through `job.sig`, a pointer to the
 * caller's local `sig`, and then bumps the eventfd. On timeout the caller
 * returns -ETIMEDOUT, and the signer later writes into the dead frame.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

int hsm_sign(const unsigned char *digest, unsigned char sig[64]);   /* hsm.c: slow */

struct sign_job {
    const unsigned char *digest;
    unsigned char *sig;                  /* points into the caller's frame */
    int *status;                         /* likewise */
    int done_fd;
};

static void *sign_main(void *arg)
{
    struct sign_job *job = arg;
    unsigned char tmp[64];
    int rc = hsm_sign(job->digest, tmp);
    for (int i = 0; i < 64; i++)
        job->sig[i] = tmp[i];
    *job->status = rc;
    uint64_t one = 1;
    (void)!write(job->done_fd, &one, sizeof one);
    return NULL;
}

int sign_with_deadline(const unsigned char *digest, unsigned char out[64], int timeout_ms)
{
    unsigned char sig[64];
    int status = -1;
    struct sign_job job = { digest, sig, &status, eventfd(0, 0) };
    struct epoll_event ev = { .events = EPOLLIN, .data.fd = job.done_fd };
    int ep = epoll_create1(0);
    pthread_t tid;
    if (job.done_fd < 0 || ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, job.done_fd, &ev) != 0)
        return -1;
    if (pthread_create(&tid, NULL, sign_main, &job) != 0) // expect: CL012 {{a local of}}
        return -1;
    if (epoll_wait(ep, &ev, 1, timeout_ms) == 0) {
        close(ep);
        return -ETIMEDOUT; // expect: CL004
    }
    pthread_join(tid, NULL);
    close(ep);
    close(job.done_fd);
    for (int i = 0; i < 64; i++)
        out[i] = sig[i];
    return status;
}
