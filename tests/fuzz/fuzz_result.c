/* fuzz_result.c - libFuzzer target for the result-entry reader (result.h),
 * which reads bytes from the cache directory: untrusted input.
 *
 * Input layout: the first byte picks the mode.
 *   even: the rest is given to cl_result_read as is (an entry's bytes);
 *   odd:  the rest is a payload behind a valid header (fuzz_framed_input), so
 *         mutations reach the payload parser.
 * The rest of the first byte (>> 1) is the number of TUs the reader is told
 * to expect (0-7). Invariants checked besides ASan/UBSan/LSan:
 *   - a rejected input leaves the findings empty and the outcomes untouched;
 *   - an accepted one round-trips: written again and read back, it writes
 *     the very same bytes.
 *
 * Seeds: with CL_FUZZ_RESULT_SEEDS=DIR in the environment,
 * LLVMFuzzerInitialize writes a few valid entries (made with the real
 * writer, so they follow the current format version) to DIR.
 */
#include "fuzz_common.h"

#include "report/finding.h"
#include "cache/result.h"
#include "rule.h"

enum { HEADER = 8 + 4 + 8 + 8, MAX_TUS = 7 };

/* A result of `ntus` TUs (the first with a parse error) and `nfindings`
 * findings with related locations and a thread flow, written to `out`. */
static void sample(size_t ntus, size_t nfindings, cl_strbuf *out)
{
    cl_findings fs;
    memset(&fs, 0, sizeof fs);
    cl_tu *tus[MAX_TUS];
    cl_arena *a = &fs.arena;
    for (size_t i = 0; i < ntus; i++) {
        tus[i] = calloc(1, sizeof *tus[i]);
        if (tus[i] == NULL)
            abort();
        tus[i]->main_file = cl_arena_printf(&tus[i]->arena, "/src/tu%zu.c", i);
        tus[i]->parsed = 1;
        if (i == 0) {
            tus[i]->ndiags = 1;
            tus[i]->diags = cl_arena_alloc(&tus[i]->arena, sizeof *tus[i]->diags);
            tus[i]->diags[0].level = CL_DIAG_ERROR;
            tus[i]->diags[0].loc.file = tus[i]->main_file;
            tus[i]->diags[0].loc.line = 3;
            tus[i]->diags[0].message = "expected ';'";
        }
    }
    for (size_t k = 0; k < nfindings; k++) {
        cl_finding f;
        memset(&f, 0, sizeof f);
        f.rule = cl_rules[k % cl_nrules];
        f.rule_index = k % cl_nrules;
        f.level = CL_LEVEL_WARNING;
        f.loc.file = "/src/tu0.c";
        f.loc.line = (uint32_t)(10 + k);
        f.loc.col = 5;
        f.function = "worker";
        f.message = cl_arena_printf(a, "finding %zu on 'counter'", k);
        f.key = "counter|write";
        f.nrelated = 1;
        f.related = cl_arena_alloc(a, sizeof *f.related);
        f.related[0].loc = f.loc;
        f.related[0].message = "thread 'worker' started here";
        f.nflows = 1;
        f.flows = cl_arena_alloc(a, sizeof *f.flows);
        f.flows[0].thread = "main thread";
        f.flows[0].nsteps = 1;
        f.flows[0].steps = cl_arena_alloc(a, sizeof *f.flows[0].steps);
        f.flows[0].steps[0].loc = f.loc;
        f.flows[0].steps[0].message = "writes 'counter'";
        cl_findings_add(&fs, &f);
    }
    cl_result_stats st = { 5, 2, 9, 1, 3, 2, 4 };
    cl_result_write(&fs, &st, (const cl_tu *const *)tus, ntus, out);
    for (size_t i = 0; i < ntus; i++)
        cl_tu_free(tus[i]);
    cl_findings_release(&fs);
}

static void write_seeds(const char *dir)
{
    static const size_t shapes[][2] = { { 1, 0 }, { 1, 1 }, { 3, 4 } };
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        cl_strbuf b = { NULL, 0, 0 };
        sample(shapes[i][0], shapes[i][1], &b);
        unsigned char *raw = malloc(b.len + 1);
        if (raw == NULL)
            abort();
        memcpy(raw + 1, b.s, b.len);
        char path[4400];
        raw[0] = (unsigned char)(shapes[i][0] << 1); /* mode 0: the bytes */
        snprintf(path, sizeof path, "%s/result-%zu-raw", dir, i);
        fuzz_write_file(path, raw, b.len + 1);
        raw[HEADER] = (unsigned char)(shapes[i][0] << 1 | 1); /* mode 1: the payload */
        snprintf(path, sizeof path, "%s/result-%zu-payload", dir, i);
        fuzz_write_file(path, raw + HEADER, b.len - HEADER + 1);
        free(raw);
        cl_strbuf_release(&b);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *dir = getenv("CL_FUZZ_RESULT_SEEDS");
    if (dir != NULL && dir[0] != '\0') {
        mkdir(dir, 0755);
        write_seeds(dir);
    }
    return 0;
}

/* Reads `len` bytes expecting `ntus` TUs; checks the invariants. Writes the
 * accepted result to `again` (may be NULL). Returns 1 when accepted. */
static int check(const unsigned char *buf, size_t len, size_t ntus, cl_strbuf *again)
{
    cl_findings fs;
    memset(&fs, 0, sizeof fs);
    cl_result_stats st;
    cl_tu *tus[MAX_TUS + 1];
    memset(tus, 0, sizeof tus);
    if (cl_result_read(buf, len, &fs, &st, tus, ntus) != 0) {
        if (fs.list.n != 0)
            fuzz_fail("a rejected result left %zu findings", fs.list.n);
        for (size_t i = 0; i <= MAX_TUS; i++)
            if (tus[i] != NULL)
                fuzz_fail("a rejected result filled outcome %zu", i);
        return 0;
    }
    if (again != NULL)
        cl_result_write(&fs, &st, (const cl_tu *const *)tus, ntus, again);
    for (size_t i = 0; i < ntus; i++)
        cl_tu_free(tus[i]);
    cl_findings_release(&fs);
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    size_t ntus = (size_t)(data[0] >> 1) % (MAX_TUS + 1);
    size_t len;
    unsigned char *buf = fuzz_framed_input(data, size, "CLRES\r\n\x1a", CL_RESULT_FORMAT, &len);
    cl_strbuf w1 = { NULL, 0, 0 }, w2 = { NULL, 0, 0 };
    if (check(buf, len, ntus, &w1)) {
        if (!check((const unsigned char *)w1.s, w1.len, ntus, &w2))
            fuzz_fail("a re-written result of %zu bytes does not read back", w1.len);
        fuzz_check_round_trip(&w1, &w2);
    }
    cl_strbuf_release(&w1);
    cl_strbuf_release(&w2);
    free(buf);
    return 0;
}
