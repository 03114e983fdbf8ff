#ifndef STATS_H
#define STATS_H
int stats_start(void);
void stats_hit(void);
long stats_total(void);
#endif
