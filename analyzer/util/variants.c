/* variants.c - see variants.h. */
#include "util/variants.h"

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

#define VARIANT_MAX_FILE ((size_t)64 << 20)

/* One macro after the arguments: its name and value (`name` and `value`
 * point into the arguments; `nlen`, `vlen` their lengths), or undefined. */
typedef struct macro {
    const char *name, *value;
    size_t nlen, vlen;
    int defined;
} macro;

typedef struct macros {
    macro *v;
    size_t n, cap;
} macros;

/* Applies one "-DNAME[=VALUE]" (`def` 1) or "-UNAME" (`def` 0) whose
 * operand is `op` to `ms`: the last word on a name wins. */
static void apply(macros *ms, const char *op, int def)
{
    const char *eq = def ? strchr(op, '=') : NULL;
    /* (`-D'LOCK(x)=lock(x)'`: the name is LOCK, the parameters go with the
     * value) */
    size_t nlen = strcspn(op, "=(");
    if (nlen == 0)
        return;
    macro m = { op, op[nlen] == '(' ? op + nlen : eq != NULL ? eq + 1 : "1", nlen, 0, def };
    m.vlen = strlen(m.value);
    for (size_t i = 0; i < ms->n; i++)
        if (ms->v[i].nlen == nlen && memcmp(ms->v[i].name, op, nlen) == 0) {
            ms->v[i] = m;
            return;
        }
    CL_VEC_PUSH(ms, m);
}

/* Compares the names of two "NAME=VALUE" lines (each ends at '=' or at
 * the end of the line). */
static int cmp_names(const char *a, const char *b)
{
    size_t la = strcspn(a, "=(\n"), lb = strcspn(b, "=(\n");
    int c = memcmp(a, b, la < lb ? la : lb);
    return c != 0 ? c : (la > lb) - (la < lb);
}

static int cmp_macro(const void *pa, const void *pb)
{
    const macro *a = pa, *b = pb;
    int c = memcmp(a->name, b->name, a->nlen < b->nlen ? a->nlen : b->nlen);
    return c != 0 ? c : (a->nlen > b->nlen) - (a->nlen < b->nlen);
}

char *cl_variant_config(char *const *args, size_t nargs)
{
    macros ms = { NULL, 0, 0 };
    for (size_t i = 0; i < nargs; i++) {
        const char *a = args[i];
        if ((strcmp(a, "-D") == 0 || strcmp(a, "-U") == 0) && i + 1 < nargs)
            apply(&ms, args[++i], a[1] == 'D');
        else if (strncmp(a, "-D", 2) == 0 || strncmp(a, "-U", 2) == 0)
            apply(&ms, a + 2, a[1] == 'D');
    }
    if (ms.n > 1)
        qsort(ms.v, ms.n, sizeof *ms.v, cmp_macro);
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_add(&b, "");
    for (size_t i = 0; i < ms.n; i++)
        if (ms.v[i].defined) {
            cl_strbuf_addn(&b, ms.v[i].name, ms.v[i].nlen);
            cl_strbuf_add(&b, "=");
            /* (a value with a newline would split the line: cut it there) */
            cl_strbuf_addn(&b, ms.v[i].value, strcspn(ms.v[i].value, "\n"));
            cl_strbuf_add(&b, "\n");
        }
    free(ms.v);
    return b.s;
}

static int ident_char(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Whether the NUL-terminated `text` has the `nlen` bytes at `name` as a
 * whole identifier (up to its first NUL: a file with NULs is no C). */
static int names(const char *text, const char *name, size_t nlen)
{
    char *want = cl_xmalloc(nlen + 1);
    memcpy(want, name, nlen);
    want[nlen] = '\0';
    int found = 0;
    for (const char *p = text; !found && (p = strstr(p, want)) != NULL; p += nlen)
        found = (p == text || !ident_char(p[-1])) && !ident_char(p[nlen]);
    free(want);
    return found;
}

/* The length of the name of the line at `p`. */
static size_t name_len(const char *p)
{
    return strcspn(p, "=(\n");
}

/* The next line after the one at `p`. */
static const char *next_line(const char *p)
{
    return p + strcspn(p, "\n") + (p[strcspn(p, "\n")] == '\n');
}

/* Whether the lines at `a` and `b` (same name) differ in value. */
static int differ_in_value(const char *a, const char *b)
{
    size_t la = strcspn(a, "\n"), lb = strcspn(b, "\n");
    return la != lb || memcmp(a, b, la) != 0;
}

char *cl_variant_text(const char *file)
{
    char *text = NULL, why[128];
    size_t len = 0;
    return cl_read_file(file, VARIANT_MAX_FILE, &text, &len, why, sizeof why) == 0 ? text : NULL;
}

/* The line of configuration `cfg` that defines the macro named like the
 * line at `name`, or NULL when `cfg` leaves it undefined. */
static const char *line_of(const char *cfg, const char *name)
{
    for (; *cfg != '\0'; cfg = next_line(cfg))
        if (cmp_names(cfg, name) == 0)
            return cfg;
    return NULL;
}

/* Whether configurations `a` and `b` define the macro named like the line
 * at `name` alike (both leave it undefined, or give it one value). */
static int alike(const char *a, const char *b, const char *name)
{
    const char *la = line_of(a, name), *lb = line_of(b, name);
    return la == NULL ? lb == NULL : lb != NULL && !differ_in_value(la, lb);
}

int cl_variant_agrees(const char *mine, const char *cand, const char *const *cands, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (const char *p = cands[i]; *p != '\0'; p = next_line(p)) {
            int distinguishes = 0;
            for (size_t j = 0; j < n && !distinguishes; j++)
                distinguishes = !alike(cands[i], cands[j], p);
            if (distinguishes && !alike(mine, cand, p))
                return 0;
        }
    return 1;
}

int cl_variant_differs(const char *a, const char *b, const char *text)
{
    if (text == NULL)
        return 0;
    int found = 0;
    while (!found && (*a != '\0' || *b != '\0')) {
        int c = *a == '\0' ? 1 : *b == '\0' ? -1 : cmp_names(a, b);
        const char *differs = c < 0 ? a : c > 0 ? b : differ_in_value(a, b) ? a : NULL;
        if (differs != NULL)
            found = names(text, differs, name_len(differs));
        if (c <= 0)
            a = next_line(a);
        if (c >= 0)
            b = next_line(b);
    }
    return found;
}
