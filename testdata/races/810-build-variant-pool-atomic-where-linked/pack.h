#ifndef PACK_H
#define PACK_H
int pack_block(const char *data);
unsigned long pack_progress(void);
#endif
