/* fuzz_baseline.c - libFuzzer target for the --baseline reader (baseline.h).
 *
 * The input is written to a private temporary file and loaded with
 * cl_baseline_load. Invariants checked besides ASan/UBSan/LSan:
 *   - a failure leaves one non-empty error line and an empty baseline;
 *   - every entry has a rule id and a fingerprint;
 *   - the multiset matching: classifying every entry's own (rule id,
 *     fingerprint) once gives "unchanged" each time and leaves nothing
 *     absent; one more classification of any of them is "new".
 */
#include "fuzz_common.h"

#include "report/baseline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[4200], err[512];
    fuzz_path(path, sizeof path, "baseline.sarif");
    fuzz_write_file(path, data, size);

    cl_baseline b;
    memset(&b, 0, sizeof b);
    err[0] = '\0';
    if (cl_baseline_load(&b, path, err, sizeof err) != 0) {
        fuzz_check_err_line("cl_baseline_load", err);
        if (b.entries.n != 0)
            fuzz_fail("a failed load left %zu entries", b.entries.n);
        cl_baseline_release(&b);
        return 0;
    }
    size_t n = b.entries.n;
    if (cl_baseline_absent(&b, NULL) != n)
        fuzz_fail("before any classification, %zu of %zu entries are absent",
                  cl_baseline_absent(&b, NULL), n);
    (void)cl_baseline_classify(&b, NULL, NULL);
    for (size_t i = 0; i < n; i++) {
        const cl_baseline_entry *e = &b.entries.v[i];
        if (e->rule_id == NULL || e->fingerprint == NULL)
            fuzz_fail("entry %zu has no rule id or fingerprint", i);
        (void)cl_baseline_state_name(CL_BASELINE_NEW);
    }
    /* Snapshot the keys: classification must not depend on entry storage. */
    char **ids = calloc(n + 1, sizeof *ids), **fps = calloc(n + 1, sizeof *fps);
    if (ids == NULL || fps == NULL)
        abort();
    for (size_t i = 0; i < n; i++) {
        ids[i] = strdup(b.entries.v[i].rule_id);
        fps[i] = strdup(b.entries.v[i].fingerprint);
    }
    for (size_t i = 0; i < n; i++) {
        if (cl_baseline_classify(&b, ids[i], fps[i]) != CL_BASELINE_UNCHANGED)
            fuzz_fail("entry %zu ('%s', '%s') does not match itself", i, ids[i], fps[i]);
    }
    if (b.nmatched != n || cl_baseline_absent(&b, NULL) != 0)
        fuzz_fail("all %zu entries classified, yet %zu matched and %zu absent", n, b.nmatched,
                  cl_baseline_absent(&b, NULL));
    if (n > 0 && cl_baseline_classify(&b, ids[0], fps[0]) != CL_BASELINE_NEW)
        fuzz_fail("an entry matched twice");
    (void)cl_baseline_classify(&b, "CL002", "");
    const cl_baseline_entry **out = calloc(n + 1, sizeof *out);
    if (out == NULL)
        abort();
    (void)cl_baseline_absent(&b, out);
    free(out);
    for (size_t i = 0; i < n; i++) {
        free(ids[i]);
        free(fps[i]);
    }
    free(ids);
    free(fps);
    cl_baseline_release(&b);
    return 0;
}
