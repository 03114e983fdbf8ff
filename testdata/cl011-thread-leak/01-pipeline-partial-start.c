/* CL011 positive: a stage pool started in a loop; when stage k fails to
 * start, the function returns and stages 0..k-1 keep running, never
 * joined (isec-tugraz/meltdown #16, PhotonLibOS #1251 shape). */
#include <pthread.h>
#include <stdio.h>

#define NSTAGES 4

struct stages {
    pthread_t tids[NSTAGES];
    int stop;
};

static void *stage_main(void *arg)
{
    return arg;
}

int stages_start(struct stages *s);
int stages_start(struct stages *s)
{
    for (int i = 0; i < NSTAGES; i++) {
        if (pthread_create(&s->tids[i], NULL, stage_main, s) != 0) { // expect: CL011 {{after a later start failed}}
            perror("pthread_create");
            return -1; // expect-related: CL011 {{leaves here}}
        }
    }
    return 0;
}

void stages_stop(struct stages *s);
void stages_stop(struct stages *s)
{
    for (int i = 0; i < NSTAGES; i++)
        pthread_join(s->tids[i], NULL);
}
