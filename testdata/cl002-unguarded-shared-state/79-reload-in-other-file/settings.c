/* CL002 positive across two files, one root cause: settings_reload()
 * (here) rewrites the fields of the object the global `settings` points to
 * (`current`, which the analysis names through the pointer it never changes),
 * while the request threads of server.c read them without a lock. The
 * reads are in another file and another function each; the defect is the
 * unguarded reload: one finding here, the readers in server.c as related
 * locations.
 */
#include <string.h>

#include "settings.h"

static struct settings current = { 4, 16, "/srv" };
struct settings *settings = &current;

void settings_reload(void)
{
    settings->workers = 8; // expect: CL002 {{write to 'settings->workers' in 'settings_reload'}} {{and 2 more races on 'current' through 'settings_reload'}}
    settings->backlog = 64; // expect-related: CL002 {{also writes 'settings->backlog' in 'settings_reload'}}
    strcpy(settings->root, "/var/www"); // expect-related: CL002 {{also writes 'settings->root'}}
}
