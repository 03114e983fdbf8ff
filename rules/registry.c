/* registry.c - the rule table, generated from rules.def. */
#include <string.h>
#include <strings.h>

#include "rule.h"

#define CL_RULE(id, sym) extern const cl_rule sym;
#include "rules.def"
#undef CL_RULE

const cl_rule *const cl_rules[] = {
#define CL_RULE(id, sym) &sym,
#include "rules.def"
#undef CL_RULE
};

const size_t cl_nrules = sizeof cl_rules / sizeof cl_rules[0];

const cl_rule *cl_rule_find(const char *id_or_name, size_t *index_out)
{
    if (id_or_name == NULL)
        return NULL;
    for (size_t i = 0; i < cl_nrules; i++) {
        if (strcasecmp(cl_rules[i]->id, id_or_name) == 0 || strcmp(cl_rules[i]->name, id_or_name) == 0) {
            if (index_out != NULL)
                *index_out = i;
            return cl_rules[i];
        }
    }
    return NULL;
}
