/* CL011 positive: TODO what real code this models (and its source). */
#include <pthread.h>

void todo(void);
void todo(void)
{
    /* TODO: the defect */ // expect: CL011
}
