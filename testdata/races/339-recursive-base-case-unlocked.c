/* Pattern: the same recursive walk, but the leaf count is updated in the
 * base case, outside the lock that the inner levels take.
 * Verdict: racy: `leaves++` runs in several threads with no lock.
 */
#include <pthread.h>
#include <stdio.h>

// class: recursion

static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static long visited, leaves;

static void walk(int depth)
{
    if (depth == 0) {
        leaves++; // expect: CL002
        return;
    }
    pthread_mutex_lock(&count_lock);
    visited++;
    pthread_mutex_unlock(&count_lock);
    walk(depth - 1);
    walk(depth - 1);
}

static void *explorer(void *arg)
{
    walk(6);
    return arg;
}

int main(void)
{
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, explorer, NULL);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("%ld %ld\n", visited, leaves);
    return 0;
}
