/* The operations every module of 682 provides. */
#ifndef MODULE_H
#define MODULE_H

struct module {
    const char *name;
    int (*start)(void);
    void (*stop)(void);
};

extern const struct module log_module, stats_module, http_module;

#endif
