/* CL014 negative: a command-line tool that never starts a thread parses
 * its arguments with strtok() and prints times with localtime(), gmtime()
 * and strerror(): nothing else can run at the same time. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

// expect-none

static void show(time_t t)
{
    struct tm *l = localtime(&t);
    printf("local %02d:%02d\n", l->tm_hour, l->tm_min);
    struct tm *u = gmtime(&t);
    printf("utc %02d:%02d\n", u->tm_hour, u->tm_min);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 1;
    for (char *tok = strtok(argv[1], ","); tok != NULL; tok = strtok(NULL, ","))
        show((time_t)strtol(tok, NULL, 10));
    FILE *f = fopen("/nonexistent", "r");
    if (f == NULL)
        fprintf(stderr, "open: %s\n", strerror(errno));
    return 0;
}
