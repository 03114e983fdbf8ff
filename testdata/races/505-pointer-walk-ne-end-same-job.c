/* Pattern: a table of jobs walked with an end pointer and `++s` (`for (s =
 * jobs; s != end; ++s)`, `end = jobs + NJOBS`); the spawn passes `jobs`
 * instead of `s`, so every worker gets the first job.
 * Verdict: racy. All workers write the first job's result at once.
 */
// class: pointer-walk-ne
#include <pthread.h>
#include <stdio.h>

#define NJOBS 6

struct job {
    pthread_t th;
    int input;
    long result;
};

static struct job jobs[NJOBS];

static void *square(void *arg)
{
    struct job *j = arg;
    j->result = (long)j->input * j->input; // expect: CL002
    return NULL;
}

int main(void)
{
    struct job *end = jobs + NJOBS, *s;
    int k = 0;
    for (s = jobs; s != end; ++s) {
        s->input = k++;
        pthread_create(&s->th, NULL, square, jobs);
    }
    for (s = jobs; s != end; ++s)
        pthread_join(s->th, NULL);
    long sum = 0;
    for (s = jobs; s != end; ++s)
        sum += s->result;
    printf("%ld\n", sum);
    return 0;
}
