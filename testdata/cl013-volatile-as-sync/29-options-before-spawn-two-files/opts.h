/* Options parsed once at startup. */
// expect-none
#ifndef OPTS_H
#define OPTS_H
extern volatile int opt_verbose;
void parse_opts(int argc, char **argv);
#endif
