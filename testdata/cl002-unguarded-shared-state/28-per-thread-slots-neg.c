/* CL002 negative: per-thread array elements. Each crawler gets
 * &results[i] from the spawn loop and writes only its own element's
 * fields; main reads the array only after joining every crawler.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define NCRAWLERS 6

struct crawl_result {
    const char *seed;                    /* set before the spawn */
    unsigned pages;
    unsigned errors;
    char last_url[128];
};

static struct crawl_result results[NCRAWLERS];

int fetch_page(const char *url, char *next, size_t cap);   /* http.c */

static void *crawler_main(void *arg)
{
    struct crawl_result *r = arg;
    char url[128];
    snprintf(url, sizeof url, "%s", r->seed);
    for (int depth = 0; depth < 50; depth++) {
        char next[128];
        if (fetch_page(url, next, sizeof next) != 0) {
            r->errors++;
            break;
        }
        r->pages++;
        memcpy(url, next, sizeof url);
    }
    memcpy(r->last_url, url, sizeof r->last_url);
    return NULL;
}

int main(void)
{
    static const char *const seeds[NCRAWLERS] = {
        "http://a.example/", "http://b.example/", "http://c.example/",
        "http://d.example/", "http://e.example/", "http://f.example/",
    };
    pthread_t tids[NCRAWLERS];
    for (int i = 0; i < NCRAWLERS; i++)
        results[i].seed = seeds[i];
    for (int i = 0; i < NCRAWLERS; i++)
        pthread_create(&tids[i], NULL, crawler_main, &results[i]);
    for (int i = 0; i < NCRAWLERS; i++)
        pthread_join(tids[i], NULL);
    for (int i = 0; i < NCRAWLERS; i++)
        printf("%s: %u pages, %u errors, ended at %s\n", results[i].seed,
               results[i].pages, results[i].errors, results[i].last_url);
    return 0;
}
