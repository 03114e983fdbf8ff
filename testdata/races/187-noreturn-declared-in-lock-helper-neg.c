/* Pattern: shutdown that dies when a join fails, through a function
 * declared __attribute__((noreturn)) and defined elsewhere.
 * Verdict: race-free. main either joins every worker or calls
 * panic_at(), which never returns, so the report after the joins runs
 * with no worker left; the store after panic_at() in the worker cannot
 * run.
 */
// class: noreturn-setjmp
// expect-none
#include <pthread.h>
#include <stdio.h>

void panic_at(const char *file, int line) __attribute__((noreturn));

enum kind { K_TABLE = 1 };
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static int table[16];
static int last_error;

static void take(int kind)
{
    if (kind == K_TABLE)
        pthread_mutex_lock(&table_lock);
    else
        panic_at(__FILE__, __LINE__);
}

static void *worker(void *arg)
{
    int kind = *(const int *)arg;
    for (int i = 0; i < 16; i++) {
        take(kind);
        table[i]++;
        pthread_mutex_unlock(&table_lock);
    }
    if (kind != K_TABLE) {
        panic_at(__FILE__, __LINE__);
        last_error = kind;
    }
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    int kind = K_TABLE;
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, worker, &kind);
    for (int i = 0; i < 3; i++) {
        if (kind == K_TABLE)
            pthread_join(t[i], NULL);
        else
            panic_at(__FILE__, __LINE__);
    }
    printf("%d %d\n", table[0], last_error);
    return 0;
}
