/* CL015 two-file case: the status reporter's interface. */
// expect-none
#ifndef REPORT_H
#define REPORT_H
void report_status(const char *why);
#endif
