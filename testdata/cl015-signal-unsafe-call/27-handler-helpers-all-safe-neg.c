/* CL015 negative: the crash handler formats the signal number by hand
 * (no snprintf) in a helper two calls down and writes it with write():
 * every call on the way is async-signal-safe. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

// expect-none

static size_t format_int(char *out, int v)
{
    char tmp[16];
    size_t n = 0, k = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0 && n < sizeof tmp);
    while (n > 0)
        out[k++] = tmp[--n];
    return k;
}

static void emit_line(const char *prefix, int v)
{
    char line[64];
    size_t n = strlen(prefix);
    memcpy(line, prefix, n);
    n += format_int(line + n, v);
    line[n++] = '\n';
    ssize_t w = write(STDERR_FILENO, line, n);
    (void)w;
}

static void on_crash(int sig)
{
    emit_line("crashed with signal ", sig);
    _exit(128 + sig);
}

int main(void)
{
    signal(SIGSEGV, on_crash);
    signal(SIGFPE, on_crash);
    pause();
    return 0;
}
