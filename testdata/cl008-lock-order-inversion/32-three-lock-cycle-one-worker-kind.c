/* CL008 positive (a pipeline of stages run by a pool): one worker
 * function is started several times and dispatches on its job; the three
 * jobs take the stage locks pairwise in a rotating order, so instances of
 * the one thread close a three-lock cycle.
 */
// class: three-lock-cycle
#include <pthread.h>
#include <stdint.h>

static pthread_mutex_t in_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t work_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static int moved;

static void *stage_worker(void *arg)
{
    switch ((int)(intptr_t)arg) {
    case 0:
        pthread_mutex_lock(&in_lock);
        pthread_mutex_lock(&work_lock); // expect: CL008 {{form a cycle}}
        moved++;
        pthread_mutex_unlock(&work_lock);
        pthread_mutex_unlock(&in_lock);
        break;
    case 1:
        pthread_mutex_lock(&work_lock);
        pthread_mutex_lock(&out_lock); // expect: CL008 {{form a cycle}}
        moved++;
        pthread_mutex_unlock(&out_lock);
        pthread_mutex_unlock(&work_lock);
        break;
    default:
        pthread_mutex_lock(&out_lock);
        pthread_mutex_lock(&in_lock); // expect: CL008 {{form a cycle}}
        moved++;
        pthread_mutex_unlock(&in_lock);
        pthread_mutex_unlock(&out_lock);
        break;
    }
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, stage_worker, (void *)(intptr_t)i);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return 0;
}
