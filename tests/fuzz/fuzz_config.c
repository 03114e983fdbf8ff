/* fuzz_config.c - libFuzzer target for the config reader (config.h).
 *
 * The input is written to a private temporary ".conc-lint.json" and loaded
 * with cl_config_load. Invariants checked besides "no crash, no leak, no
 * out-of-bounds access" (ASan/UBSan/LSan):
 *   - a failed load leaves one non-empty error line and a config that may be
 *     released (and is released);
 *   - a successful load answers every query without crashing;
 *   - --print-config output of a loaded config is itself a valid config that
 *     loads to the same settings: printing it again gives the same bytes.
 */
#include "fuzz_common.h"

#include "analysis/callspec.h"
#include "cli/config.h"
#include "rule.h"

static char *print_config(const cl_config *cfg, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    if (f == NULL)
        abort();
    cl_config_print(cfg, f);
    fclose(f);
    return buf;
}

static void exercise(const cl_config *cfg)
{
    static const char *const paths[] = {
        "src/net.c", "/abs/third_party/x.c", "a b/ü.c", "", ".", "..", "/", "x/../../y.c",
    };
    static const char *const names[] = { "handle_request", "main", "", "event_register", "x" };
    for (size_t i = 0; i < cl_nrules; i++)
        (void)cl_config_rule_level(cfg, i, cl_rules[i]->default_level);
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
        (void)cl_config_path_selected(cfg, paths[i]);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        (void)cl_config_is_handler(cfg, names[i]);
        (void)cl_config_is_registration_api(cfg, names[i]);
    }
    cl_callspecs specs;
    memset(&specs, 0, sizeof specs);
    cl_config_add_callspecs(cfg, &specs);
    (void)cl_callspec_find(&specs, "pthread_create");
    (void)cl_callspec_find(&specs, "msleep");
    cl_callspecs_release(&specs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[4200], path2[4200], err[512];
    fuzz_path(path, sizeof path, ".conc-lint.json");
    fuzz_write_file(path, data, size);

    cl_config cfg;
    memset(&cfg, 0xa5, sizeof cfg); /* "needs no initialization" */
    err[0] = '\0';
    if (cl_config_load(&cfg, path, err, sizeof err) != 0) {
        fuzz_check_err_line("cl_config_load", err);
        cl_config_release(&cfg);
        return 0;
    }
    exercise(&cfg);

    /* Round trip through --print-config. */
    size_t len1 = 0, len2 = 0;
    char *out1 = print_config(&cfg, &len1);
    fuzz_path(path2, sizeof path2, "printed.json");
    fuzz_write_file(path2, out1, len1);
    cl_config cfg2;
    err[0] = '\0';
    if (cl_config_load(&cfg2, path2, err, sizeof err) != 0)
        fuzz_fail("--print-config output does not load: %s\n--- output:\n%s", err, out1);
    char *out2 = print_config(&cfg2, &len2);
    if (len1 != len2 || memcmp(out1, out2, len1) != 0)
        fuzz_fail("--print-config is not stable:\n--- first:\n%s\n--- second:\n%s", out1, out2);
    free(out1);
    free(out2);
    cl_config_release(&cfg2);
    cl_config_release(&cfg);
    cl_config_release(&cfg); /* releasing twice is allowed: it is then the defaults */
    return 0;
}
