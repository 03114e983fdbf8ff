/* CL014 negative: main starts one importer thread, which tokenizes with
 * strtok(), and joins it before tokenizing the next file itself: the
 * calls never overlap (create/join order). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

// expect-none

static char header[] = "id,name,price";
static char body[] = "1,apple,3";
static int columns;

static void *importer(void *arg)
{
    (void)arg;
    for (char *t = strtok(header, ","); t != NULL; t = strtok(NULL, ","))
        columns++;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, importer, NULL);
    pthread_join(t, NULL);
    int values = 0;
    for (char *v = strtok(body, ","); v != NULL; v = strtok(NULL, ","))
        values++;
    printf("%d %d\n", columns, values);
    return 0;
}
