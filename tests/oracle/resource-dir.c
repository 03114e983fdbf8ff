/* The parser must find clang's resource directory: these headers live there,
 * not in /usr/include. A "file not found" here means libclang was not told
 * where its resource directory is. */
// expect-none
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

size_t answer(void);
size_t answer(void) { return offsetof(struct { int a; atomic_int b; }, b); }
