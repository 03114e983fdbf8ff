/* Pattern: see session.c. main allocates the session and its reference,
 * starts the session, and stops it through session_stop(), which sets
 * the flag under the lock before joining; the byte count is read after
 * the join.
 * Verdict: race-free.
 */
#include <stdio.h>
#include <stdlib.h>

#include "session.h"

// class: heap-contexts
// expect-none

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
    session_stop(ref);
    printf("%lu\n", s->bytes);
    free(ref);
    free(s);
    return 0;
}
