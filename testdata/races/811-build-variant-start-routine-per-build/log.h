#ifndef LOG_H
#define LOG_H
int log_start(void);
void log_line(const char *s);
#endif
