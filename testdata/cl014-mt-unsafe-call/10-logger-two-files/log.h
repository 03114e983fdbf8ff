/* CL014 two-file case: the logger's interface. */
// expect-none
#ifndef LOG_H
#define LOG_H
void log_info(const char *what);
void log_utc_banner(void);
#endif
