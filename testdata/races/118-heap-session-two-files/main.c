/* Pattern: see session.c. main allocates the session and the reference
 * that carries it, starts the session thread and then asks it to stop by
 * setting s->closing with no lock.
 * Verdict: racy (the write below and session_main's read).
 */
#include <stdlib.h>

#include "session.h"

// class: heap-contexts

int main(void)
{
    struct session *s = calloc(1, sizeof *s);
    struct session_ref *ref = calloc(1, sizeof *ref);
    if (s == NULL || ref == NULL)
        return 1;
    s->fd = 0;
    ref->s = s;
    if (session_start(ref) != 0)
        return 1;
    s->closing = 1; // expect-related: CL002 {{conflicting write of 's->closing'}}
    session_stop(ref);
    free(ref);
    free(s);
    return 0;
}
