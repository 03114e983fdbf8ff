/* CL002 multi-file case 79: the shared settings and the reload. */
// expect-none
#ifndef SETTINGS_H
#define SETTINGS_H

struct settings {
    int workers;
    int backlog;
    char root[64];
};

extern struct settings *settings;

void settings_reload(void);

#endif
