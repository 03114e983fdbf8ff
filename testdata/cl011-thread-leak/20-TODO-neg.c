/* CL011 negative: TODO the correct twin of a positive case. */
// expect-none
#include <pthread.h>

void todo(void);
void todo(void)
{
}
