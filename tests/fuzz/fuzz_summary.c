/* fuzz_summary.c - libFuzzer target for the summary deserializer
 * (summary_io.h), the reader of cache entries and shard outputs.
 *
 * Input layout: the first byte picks the mode.
 *   even: the rest is given to cl_summary_read as is (a cache file's bytes);
 *   odd:  the rest is a payload; a valid header (magic, this build's format
 *         version, length, FNV-1a hash) is put in front of it, so mutations
 *         reach the payload parser instead of dying at the hash check.
 * Invariants checked besides ASan/UBSan/LSan:
 *   - an accepted summary can be walked (cl_ir_dump to /dev/null), written
 *     again, and the written bytes are read back and written to the very
 *     same bytes (the format round-trips);
 *   - `consumed` never exceeds the input.
 *
 * Seeds: with CL_FUZZ_SUMMARY_SEEDS=DIR and CL_FUZZ_SUMMARY_SOURCES=a.c:b.c
 * in the environment, LLVMFuzzerInitialize parses those C files with the
 * real frontend and writes their summaries to DIR (both modes) before
 * fuzzing starts, so the corpus follows the current format version.
 */
#include "fuzz_common.h"

#include "util/arena.h"
#include "frontend/frontend.h"
#include "ir/irdump.h"
#include "ir/summary_io.h"

enum { HEADER = 8 + 4 + 8 + 8 };

static FILE *devnull;

static void write_seeds(const char *dir, const char *sources)
{
    char *list = strdup(sources);
    if (list == NULL)
        abort();
    char err[1024];
    if (cl_frontend_load(err, sizeof err) != 0) {
        fprintf(stderr, "fuzz_summary: %s\n", err);
        abort();
    }
    cl_frontend *fe = cl_frontend_new();
    int k = 0;
    char *save = NULL;
    for (char *f = strtok_r(list, ":", &save); f != NULL; f = strtok_r(NULL, ":", &save)) {
        cl_tu *tu = cl_frontend_summarize(fe, f, NULL, 0);
        cl_strbuf b = {0};
        cl_summary_write(tu, &b);
        cl_tu_free(tu);
        char path[4400];
        /* mode 0: the bytes as written */
        unsigned char *raw = malloc(b.len + 1);
        if (raw == NULL)
            abort();
        raw[0] = 0;
        memcpy(raw + 1, b.s, b.len);
        snprintf(path, sizeof path, "%s/summary-%02d-raw", dir, k);
        fuzz_write_file(path, raw, b.len + 1);
        /* mode 1: the payload only */
        if (b.len >= HEADER) {
            raw[HEADER] = 1; /* raw[1 + HEADER] is the payload's first byte */
            snprintf(path, sizeof path, "%s/summary-%02d-payload", dir, k);
            fuzz_write_file(path, raw + HEADER, b.len - HEADER + 1);
        }
        free(raw);
        cl_strbuf_release(&b);
        k++;
    }
    cl_frontend_free(fe);
    free(list);
    fprintf(stderr, "fuzz_summary: wrote %d summaries as seeds to %s\n", k, dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    devnull = fopen("/dev/null", "w");
    if (devnull == NULL)
        abort();
    const char *dir = getenv("CL_FUZZ_SUMMARY_SEEDS");
    const char *sources = getenv("CL_FUZZ_SUMMARY_SOURCES");
    if (dir != NULL && sources != NULL && dir[0] != '\0' && sources[0] != '\0') {
        mkdir(dir, 0755);
        write_seeds(dir, sources);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    size_t len;
    unsigned char *buf = fuzz_framed_input(data, size, "CLSUM\r\n\x1a", CL_SUMMARY_FORMAT, &len);
    size_t consumed = (size_t)-1;
    cl_tu *tu = cl_summary_read(buf, len, &consumed);
    if (tu == NULL) {
        free(buf);
        return 0;
    }
    if (consumed > len)
        fuzz_fail("consumed %zu of %zu bytes", consumed, len);
    cl_ir_dump(devnull, tu);

    cl_strbuf w1 = {0}, w2 = {0};
    cl_summary_write(tu, &w1);
    cl_tu_free(tu);
    size_t c1 = 0;
    cl_tu *tu2 = cl_summary_read((const unsigned char *)w1.s, w1.len, &c1);
    if (tu2 == NULL || c1 != w1.len)
        fuzz_fail("a re-written summary of %zu bytes does not read back (consumed %zu)", w1.len,
                  c1);
    cl_summary_write(tu2, &w2);
    cl_tu_free(tu2);
    fuzz_check_round_trip(&w1, &w2);
    cl_strbuf_release(&w1);
    cl_strbuf_release(&w2);
    free(buf);
    return 0;
}
