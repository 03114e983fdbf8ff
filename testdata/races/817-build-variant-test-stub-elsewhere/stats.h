#ifndef STATS_H
#define STATS_H
extern long stat_requests;
void stats_lock(void);
void stats_unlock(void);
#endif
