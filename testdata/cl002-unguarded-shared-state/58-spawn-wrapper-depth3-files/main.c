/* CL002 multi-file case 58, program 1: main() runs the decoder pool and prints
 * the total after every decoder was joined (ordered: no race here).
 */
// expect-none
#include <stdio.h>

int pool_run(void);
extern unsigned long decoded_bytes;

int main(void)
{
    int n = pool_run();
    printf("%d decoders, %lu bytes\n", n, decoded_bytes);
    return n > 0 ? 0 : 1;
}
