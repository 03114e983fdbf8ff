/* The unit tests: a stub statistics lock, one thread. */
// expect-none
#include "stats.h"

long stat_requests;

void stats_lock(void)
{
}

void stats_unlock(void)
{
}

int main(void)
{
    stats_lock();
    stat_requests = 1;
    stats_unlock();
    return stat_requests != 1;
}
