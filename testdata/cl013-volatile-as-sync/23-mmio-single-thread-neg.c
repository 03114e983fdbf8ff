/* CL013 negative: memory-mapped device registers, what volatile is for. A
 * single-threaded driver loop writes a control register and polls a status
 * register through pointers to volatile, and keeps a volatile tick counter
 * a signal handler could read. No second thread.
 */
// expect-none
#include <stdint.h>

#define UART_BASE 0x10000000u

struct uart_regs {
    volatile uint32_t data;
    volatile uint32_t status;
    volatile uint32_t ctrl;
};

static volatile unsigned long g_ticks;

static void uart_putc(struct uart_regs *u, char c)
{
    while (!(u->status & 0x20u))
        g_ticks++;
    u->data = (uint32_t)(unsigned char)c;
}

int main(void)
{
    struct uart_regs *u = (struct uart_regs *)(uintptr_t)UART_BASE;
    u->ctrl = 1;
    for (const char *s = "hello\n"; *s != '\0'; s++)
        uart_putc(u, *s);
    return (int)(g_ticks & 1u);
}
