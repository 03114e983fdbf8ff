/* CL003 positive, exit() variant: a one-shot tool hands the report upload
 * to a detached thread, sleeps five seconds "so the upload can finish" and
 * calls exit(), which ends the process whether or not the upload is done.
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

int upload_report(const char *path);     /* http.c */

static void *upload_main(void *arg)
{
    upload_report(arg);
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t up;
    if (argc < 2)
        return 2;
    if (pthread_create(&up, NULL, upload_main, argv[1]) != 0)
        return 1;
    pthread_detach(up);
    sleep(5); // expect: CL003
    exit(0);
}
