/* CL014 positive: two scanner threads read entries from one shared DIR
 * stream with readdir(); the stream's position and entry buffer are one
 * state, so entries are lost or read twice. */
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>

static DIR *spool_dir;

static void *scanner(void *arg)
{
    (void)arg;
    struct dirent *de;
    while ((de = readdir(spool_dir)) != NULL) // expect: CL014 {{'readdir' is not thread-safe (the stream's position is shared)}}
        printf("%s\n", de->d_name);
    return NULL;
}

int main(void)
{
    spool_dir = opendir("/var/spool/app");
    if (spool_dir == NULL)
        return 1;
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, scanner, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    closedir(spool_dir);
    return 0;
}
