/* CL014 negative: each scanner thread opens its own directory stream and
 * reads it with readdir(); the state readdir keeps is per stream, so
 * threads on different streams do not share it. */
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>

// expect-none

static void *scanner(void *arg)
{
    DIR *d = opendir(arg);
    if (d == NULL)
        return NULL;
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        printf("%s\n", de->d_name);
    closedir(d);
    return NULL;
}

int main(void)
{
    static const char *dirs[2] = { "/var/spool/in", "/var/spool/out" };
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, scanner, (void *)dirs[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
