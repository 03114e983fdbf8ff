/* progress_test.c - the progress line (report/progress.c): nothing in the
 * first second; in place ("\r...\033[K") on a terminal, erased at the end;
 * line by line when forced on a pipe; never in auto mode on a pipe or with
 * TERM=dumb; the last step is always drawn once drawing has started. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report/progress.h"
#include "testutil.h"

static void wait_past_a_second(void)
{
    struct timespec ts = {1, 100 * 1000 * 1000};
    nanosleep(&ts, NULL);
}

/* Runs 3 steps (the first at once, the others after a second) and returns
 * what was written. */
static char *run(int tty, cl_progress_mode mode)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    if (fp == NULL)
        t_die("open", "memstream");
    cl_progress p;
    cl_progress_init(&p, fp, tty, mode, 3);
    cl_progress_step(&p, "a.c");
    wait_past_a_second();
    cl_progress_step(&p, "b.c");
    cl_progress_step(&p, "c.c");
    cl_progress_finish(&p);
    fclose(fp);
    return buf;
}

int main(void)
{
    setenv("TERM", "xterm", 1);
    char *out = run(1, CL_PROGRESS_AUTO);
    CHECK(strstr(out, "[1/3]") == NULL); /* within the first second */
    CHECK(strstr(out, "\r[2/3] b.c\033[K") != NULL);
    CHECK(strstr(out, "\r[3/3] c.c\033[K") != NULL); /* the last step, even within 1/10 s */
    size_t n = strlen(out);
    CHECK(n >= 4 && strcmp(out + n - 4, "\r\033[K") == 0); /* erased at the end */
    free(out);

    out = run(0, CL_PROGRESS_ALWAYS);
    CHECK(strcmp(out, "[2/3] b.c\n[3/3] c.c\n") == 0);
    free(out);

    out = run(0, CL_PROGRESS_AUTO);
    CHECK(strcmp(out, "") == 0);
    free(out);
    out = run(1, CL_PROGRESS_NEVER);
    CHECK(strcmp(out, "") == 0);
    free(out);

    setenv("TERM", "dumb", 1);
    out = run(1, CL_PROGRESS_AUTO);
    CHECK(strcmp(out, "") == 0);
    free(out);
    return t_finish("progress_test", t_all());
}
