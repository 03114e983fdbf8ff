/* CL006 negative: two different objects whose mutexes share the member
 * name `lock`. A zone list walks its zones under the list's lock and, for
 * each zone, inserts into the zone's rule set, which takes the set's own
 * lock. Both objects come from pointers the walk cannot resolve (results
 * of lookups), so their locks are known only by their member name; that
 * is not the same mutex (modelled on unbound's
 * auth_zones_read_zones -> rpz_clientip_insert_trigger_rr).
 */
// expect-none
#include <pthread.h>
#include <stddef.h>

struct rule_set {
    pthread_mutex_t lock;
    int nrules;
};

struct zone {
    struct zone *next;
    struct rule_set *rules;
};

struct zone_list {
    pthread_mutex_t lock;
    struct zone *first;
};

struct zone_list *zone_list_lookup(const char *name);
struct rule_set *zone_rules(struct zone *z);

static void rule_set_add(struct rule_set *set)
{
    pthread_mutex_lock(&set->lock);
    set->nrules++;
    pthread_mutex_unlock(&set->lock);
}

static void zones_reload(struct zone_list *zl)
{
    pthread_mutex_lock(&zl->lock);
    for (struct zone *z = zl->first; z != NULL; z = z->next)
        rule_set_add(zone_rules(z));
    pthread_mutex_unlock(&zl->lock);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        zones_reload(zone_list_lookup(argv[i]));
    return 0;
}
