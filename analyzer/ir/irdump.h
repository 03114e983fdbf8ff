/* irdump.h - human-readable dump of a TU summary, for debugging the frontend
 * (`conc-lint --dump-ir FILE`). The format is not stable. */
#ifndef CL_IRDUMP_H
#define CL_IRDUMP_H

#include <stdio.h>

#include "ir/ir.h"

/* Writes every function of `tu` as an indented tree to `out`. */
void cl_ir_dump(FILE *out, const cl_tu *tu);

#endif
