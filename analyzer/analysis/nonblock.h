/* nonblock.h - which descriptors the program makes non-blocking: the set
 * of descriptor keys that a call made non-blocking anywhere (a socket()
 * or accept4() with SOCK_NONBLOCK returned it, fcntl(F_SETFL, O_NONBLOCK
 * or flags not known) or ioctl(FIONBIO) was called on it:
 * cl_call_nonblocking), for rules that ask whether a call on a descriptor
 * can block (CL010).
 *
 * Descriptors are keyed by where they are kept, not by value: the local
 * ("L<fn>#fd": the function by its definition), the global, or the member steps after the last
 * dereference (`c->fd`, `conn->fd` and `srv.fd` are all ".fd": a field
 * made non-blocking anywhere counts everywhere); a descriptor passed down
 * to a helper's parameter unchanged is followed up the call chain to the
 * caller's argument. A call's result goes to the local it is assigned to,
 * or to the first write after the call in its statement sequence.
 * A descriptor copied from a local into memory (`c.fd = fd` after
 * `fd = socket(.., SOCK_NONBLOCK, ..)`) keeps its mark (cl_nonblock_copy).
 * Limits: a descriptor copied into another local or returned by a
 * project function loses its mark; code the thread walks never reaches
 * sets nothing (only the call records the rule sees are noted).
 *
 * Ownership: a cl_nonblock owns its keys (its arena); it borrows the
 * model and the records passed in. Zero-initialize it; release with
 * cl_nonblock_release.
 */
#ifndef CL_ANALYSIS_NONBLOCK_H
#define CL_ANALYSIS_NONBLOCK_H

#include "model/model.h"
#include "util/arena.h"
#include "util/strmap.h"

typedef struct cl_nonblock {
    cl_strmap keys; /* descriptor keys made non-blocking */
    /* Descriptors copied into memory (cl_nonblock_copy): destination and
     * source keys, one pair per copy noted. */
    struct { const char **v; size_t n, cap; } copies;
    cl_strmap streams; /* keys of arrays pipe/socketpair filled (cl_nonblock_stream_arg0) */
    cl_strmap sockets; /* keys of descriptors socket/accept/accept4 returned */
    cl_arena arena; /* the keys */
} cl_nonblock;

/* Notes the descriptor call record `r` makes non-blocking, if any, and
 * returns what the call does with blocking descriptors
 * (cl_call_nonblocking: 0 or a CL_NB_* value). */
int cl_nonblock_note(cl_nonblock *nb, const cl_model *m, const cl_callrec *r);

/* Notes write record `r` when it copies a local's (or a parameter's)
 * value into memory (`c.fd = fd`: cl_access.stored with the local's token):
 * the destination's key then stands for the source's, which a call noted
 * before or after may make non-blocking. */
void cl_nonblock_copy(cl_nonblock *nb, const cl_model *m, const cl_accrec *r);

/* Whether the descriptor `r` passes as its first argument is known and
 * was made non-blocking by a call noted so far, directly or through the
 * copies that filled its location: every one of them from a descriptor
 * so made (one blocking source on some path, `if (..) c.fd = blocking;
 * else c.fd = nonblocking;`, makes it blocking). */
int cl_nonblock_arg0(cl_nonblock *nb, const cl_model *m, const cl_callrec *r);

/* Whether the descriptor `r` passes as its first argument is a stream
 * whose other end may never write or read: an element of an array a
 * pipe, pipe2 or socketpair call noted so far filled (CL_CS_STREAM_PAIR:
 * `read(fds[0], ..)` after `pipe(fds)`), matched by the array's key with
 * the subscript dropped (a member array by its member steps, `s->pfd` and
 * `t->pfd` alike); or a descriptor a socket, accept or accept4 call noted
 * so far returned (CL_CS_STREAM_RESULT), matched by its descriptor key. */
int cl_nonblock_stream_arg0(cl_nonblock *nb, const cl_model *m, const cl_callrec *r);

void cl_nonblock_release(cl_nonblock *nb);

#endif
