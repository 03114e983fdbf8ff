#ifndef SCAN_H
#define SCAN_H
struct target { char host[64]; int port; };
void *probe_main(void *arg);
int scan_all(const char *const *hosts, int n);
#endif
