/* ir_test.c - the control-flow facts the frontend puts into the IR (labels,
 * goto targets, do-while loops, CL_LOOP_ONCE), as --dump-ir shows them,
 * and their trip through the summary format (summary_io.h).
 *
 * usage: ir_test FILE.c
 * FILE.c carries its expectations in `ir:` comments (see tests/ir/jumps.c):
 * every line named there must appear in the dump of FILE.c's summary, in
 * order. The summary is then written and read back: the dump of the copy
 * must be the same text, and the reader must reject a label node without a
 * name, a name on a node that takes none and a do-while bit on a non-loop.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontend/frontend.h"
#include "ir/irdump.h"
#include "ir/summary_io.h"
#include "testutil.h"

/* The dump of `tu` as a malloc'ed string. */
static char *dump_of(const cl_tu *tu)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (f == NULL)
        t_die("open a memory stream", "ir dump");
    cl_ir_dump(f, tu);
    fclose(f);
    return text;
}

/* Is `want` (with "$L" replaced by `line`) the next line of `*dump`, blanks
 * aside, or a later one? Advances *dump past the line that matched. */
static int find_next(const char **dump, const char *want, unsigned line)
{
    char expect[512];
    size_t n = 0;
    for (const char *p = want; *p != '\0' && n + 16 < sizeof expect; p++) {
        if (p[0] == '$' && p[1] == 'L') {
            n += (size_t)snprintf(expect + n, sizeof expect - n, "%u", line);
            p++;
        } else {
            expect[n++] = *p;
        }
    }
    expect[n] = '\0';
    for (const char *p = *dump; *p != '\0';) {
        const char *end = strchr(p, '\n');
        size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
        const char *s = p;
        while (*s == ' ')
            s++;
        p = end != NULL ? end + 1 : p + len;
        if ((size_t)(p - s) >= n && strncmp(s, expect, n) == 0 && (s[n] == '\n' || s[n] == '\0')) {
            *dump = p;
            return 1;
        }
    }
    fprintf(stderr, "ir_test: line %u: the dump has no '%s' after the previous match\n", line,
            expect);
    return 0;
}

/* Checks every `ir:` directive of `source` against `dump`; returns how
 * many lines were expected. */
static int check_directives(const char *source, const char *dump)
{
    FILE *f = fopen(source, "r");
    if (f == NULL)
        t_die("read", source);
    char buf[1024];
    unsigned line = 0;
    int expected = 0;
    const char *at = dump;
    while (fgets(buf, sizeof buf, f) != NULL) {
        line++;
        const char *d = strstr(buf, "// ir: ");
        if (d == NULL)
            continue;
        buf[strcspn(buf, "\n")] = '\0';
        char *save = NULL;
        for (char *w = strtok_r(buf + (d - buf) + 7, "|", &save); w != NULL;
             w = strtok_r(NULL, "|", &save)) {
            while (*w == ' ')
                w++;
            size_t len = strlen(w);
            while (len > 0 && w[len - 1] == ' ')
                w[--len] = '\0';
            CHECK(find_next(&at, w, line));
            expected++;
        }
    }
    fclose(f);
    return expected;
}

/* The first node of kind `kind` in the tree under `n` (depth first). */
static cl_node *find_node(cl_node *n, cl_node_kind kind)
{
    if (n == NULL || n->kind == kind)
        return n;
    cl_node *r = find_node(n->cond, kind);
    for (size_t i = 0; r == NULL && i < n->nkids; i++)
        r = find_node(n->kids[i], kind);
    return r;
}

/* Does the summary format accept `tu` as it is now? */
static int reads_back(const cl_tu *tu)
{
    cl_strbuf b = { NULL, 0, 0 };
    cl_summary_write(tu, &b);
    cl_tu *copy = cl_summary_read((const unsigned char *)b.s, b.len, NULL);
    cl_strbuf_release(&b);
    cl_tu_free(copy);
    return copy != NULL;
}

/* The summary round-trips, and the reader checks the new fields. */
static void check_summary_io(cl_tu *tu, const char *dump)
{
    cl_strbuf b = { NULL, 0, 0 };
    cl_summary_write(tu, &b);
    size_t used = 0;
    cl_tu *copy = cl_summary_read((const unsigned char *)b.s, b.len, &used);
    CHECK(copy != NULL && used == b.len);
    if (copy != NULL) {
        char *again = dump_of(copy);
        CHECK_STR(again, dump);
        free(again);
        cl_tu_free(copy);
    }
    cl_strbuf_release(&b);

    cl_node *body = tu->funcs[0].body;
    cl_node *label = find_node(body, CL_N_LABEL);
    cl_node *loop = find_node(body, CL_N_LOOP);
    CHECK(label != NULL && loop != NULL && loop->x->do_while);
    if (label == NULL || loop == NULL)
        return;
    CHECK(reads_back(tu));
    const char *name = label->x->label;
    cl_node_ext_of(label, &tu->arena)->label = NULL;
    CHECK(!reads_back(tu)); /* a label without a name */
    cl_node_ext_of(label, &tu->arena)->label = name;
    cl_node_ext_of(body, &tu->arena)->label = name;
    CHECK(!reads_back(tu)); /* a name on a SEQ */
    cl_node_ext_of(body, &tu->arena)->label = NULL;
    cl_node_ext_of(body, &tu->arena)->do_while = 1;
    CHECK(!reads_back(tu)); /* a do-while bit on a SEQ */
    cl_node_ext_of(body, &tu->arena)->do_while = 0;
    CHECK(reads_back(tu));
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: ir_test FILE.c\n");
        return 2;
    }
    cl_frontend *fe = cl_frontend_new();
    cl_tu *tu = cl_frontend_summarize(fe, argv[1], NULL, 0);
    if (tu == NULL || !tu->parsed || tu->ndiags != 0 || tu->nfuncs != 1) {
        fprintf(stderr, "ir_test: '%s' did not give one function without diagnostics\n", argv[1]);
        return 2;
    }
    char *dump = dump_of(tu);
    t_all()->output = dump;
    CHECK(check_directives(argv[1], dump) >= 10);
    check_summary_io(tu, dump);
    int rc = t_finish("ir_test", t_all());
    free(dump);
    cl_tu_free(tu);
    cl_frontend_free(fe);
    return rc;
}
