/* cache.h - the key-value store: a fixed-size hash table behind one mutex,
 * taken through cache_lock()/cache_unlock(). */
// expect-none
#ifndef KVD_CACHE_H
#define KVD_CACHE_H

#include <stddef.h>

#define CACHE_KEY_MAX 64
#define CACHE_VAL_MAX 192

int cache_get(const char *key, char *val, size_t cap);   /* 0 found, -1 not */
int cache_set(const char *key, const char *val);         /* 0 ok, -1 full */
unsigned cache_count(void);

/* Thread entry: loads "key value" lines from the file named by arg. */
void *cache_load_main(void *arg);

#endif
