/* CL002 multi-file case 58, program 2: main() of the checksum pool; reads
 * the total after sums_run() joined every worker.
 */
// expect-none
#include <stdio.h>

int sums_run(void);
extern unsigned long long checksum_total;

int main(void)
{
    if (sums_run() != 0)
        return 1;
    printf("checksum %llx\n", checksum_total);
    return 0;
}
