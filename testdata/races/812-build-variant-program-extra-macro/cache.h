#ifndef CACHE_H
#define CACHE_H
extern long cache_entries;
int cache_start(void);
#endif
