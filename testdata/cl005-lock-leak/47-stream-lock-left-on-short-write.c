/* CL005 positive: a record writer takes the output stream's lock
 * (flockfile) to keep a record's fields together, and returns on a short
 * write with the stream still locked: every later writer of that stream,
 * in any thread, blocks forever in its flockfile (or in any stdio call on
 * the stream, which takes the same lock).
 */
#include <stdio.h>
#include <string.h>

int write_record(FILE *out, const char *key, const char *value)
{
    flockfile(out); // expect-related: CL005 {{locked here}}
    if (fwrite(key, 1, strlen(key), out) != strlen(key))
        return -1; // expect: CL005 {{release '*out' on this path}}
    fputc('=', out);
    fputs(value, out);
    fputc('\n', out);
    funlockfile(out);
    return 0;
}
