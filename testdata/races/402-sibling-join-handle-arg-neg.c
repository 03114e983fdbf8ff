/* Pattern: a two-stage pipeline; main passes the first stage's handle to
 * the second stage, which joins it and then reads and rewrites the first
 * stage's output. Main joins only the second stage.
 * Verdict: race-free. The second stage's join of the handle it was given
 * orders the first stage before everything the second stage does after it.
 */
// class: sibling-join
// expect-none
#include <pthread.h>
#include <string.h>

static char stage1_out[64];
static int stage1_len;

static void *stage1(void *arg)
{
    strcpy(stage1_out, "hello");
    stage1_len = 5;
    return arg;
}

static void *stage2(void *arg)
{
    pthread_t *prev = arg;
    pthread_join(*prev, NULL);
    for (int i = 0; i < stage1_len; i++)
        stage1_out[i] = (char)(stage1_out[i] - 32);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, stage1, NULL);
    pthread_create(&b, NULL, stage2, &a);
    pthread_join(b, NULL);
    return 0;
}
