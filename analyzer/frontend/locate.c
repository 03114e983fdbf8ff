/* locate.c - finds libclang and the clang resource directory at run time;
 * see locate.h. Nothing here loads a library.
 */
/* realpath() is XSI; popen() POSIX.2; the build defines only _POSIX_C_SOURCE. */
#define _XOPEN_SOURCE 700

#include "frontend/locate.h"
#include "util/arena.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef CL_LLVM_VERSION
#define CL_LLVM_VERSION ""
#endif
#ifndef CL_MULTIARCH
#define CL_MULTIARCH "" /* the build's library architecture, "x86_64-linux-gnu" */
#endif

enum { LLVM_NEWEST = 21, LLVM_OLDEST = 17 };

static int is_file(const char *path)
{
    struct stat st;
    return path != NULL && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The directory `llvm-config --libdir` prints into buf, or "" (no
 * llvm-config on PATH, or it failed). */
static void llvm_config_libdir(char *buf, size_t len)
{
    buf[0] = '\0';
    FILE *p = popen("llvm-config --libdir 2>/dev/null", "r");
    if (p == NULL)
        return;
    if (fgets(buf, (int)len, p) == NULL)
        buf[0] = '\0';
    if (pclose(p) != 0)
        buf[0] = '\0';
    buf[strcspn(buf, "\r\n")] = '\0';
}

/* Tries the libclang file names of LLVM `v` (Debian's versioned SONAME,
 * then the unversioned development names) in `dir`. */
static int try_dir(const char *dir, int v, char *buf, size_t len)
{
    if (buf == NULL || len == 0)
        return 0;
    char names[4][64];
    snprintf(names[0], sizeof names[0], "libclang-%d.so.%d", v, v);
    snprintf(names[1], sizeof names[1], "libclang.so.%d", v);
    snprintf(names[2], sizeof names[2], "libclang-%d.so", v);
    snprintf(names[3], sizeof names[3], "libclang.so");
    for (size_t i = 0; i < 4; i++) {
        int n = snprintf(buf, len, "%s/%s", dir, names[i]);
        if (n > 0 && (size_t)n < len && is_file(buf))
            return 1;
    }
    return 0;
}

/* The version in a library file name: the digits after ".so." of the real
 * file ("libclang-19.so.19" -> "19", "libclang.so.18.1.8" -> "18.1.8"). */
static void version_of(const char *path, char *buf, size_t len)
{
    buf[0] = '\0';
    char *real = realpath(path, NULL);
    const char *base = strrchr(real != NULL ? real : path, '/');
    base = base != NULL ? base + 1 : (real != NULL ? real : path);
    const char *so = strstr(base, ".so.");
    if (so != NULL && so[4] >= '0' && so[4] <= '9')
        snprintf(buf, len, "%.*s", (int)strspn(so + 4, "0123456789."), so + 4);
    free(real);
}

static char found_version[64];

void cl_libclang_find(const char *env, const char *builtin, char *buf, size_t len,
                      cl_libclang_info *out)
{
    out->version = "";
    if (env != NULL && env[0] != '\0') {
        out->path = env;
        out->source = "CONC_LINT_LIBCLANG";
        return;
    }
    if (is_file(builtin)) {
        out->path = builtin;
        out->source = "build";
        out->version = CL_LLVM_VERSION;
        return;
    }
    char libdir[4096];
    llvm_config_libdir(libdir, sizeof libdir);
    for (int v = LLVM_NEWEST; v >= LLVM_OLDEST && libdir[0] != '\0'; v--) {
        if (try_dir(libdir, v, buf, len)) {
            out->path = buf;
            out->source = "llvm-config";
            return;
        }
    }
    static const char multiarch[] = "/usr/lib/" CL_MULTIARCH;
    static const char *const dirs[] = {multiarch, "/usr/lib64", "/usr/lib", "/usr/local/lib"};
    for (int v = LLVM_NEWEST; v >= LLVM_OLDEST; v--) {
        char llvm[64];
        snprintf(llvm, sizeof llvm, "/usr/lib/llvm-%d/lib", v);
        if (try_dir(llvm, v, buf, len))
            goto found;
        for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
            if (try_dir(dirs[i], v, buf, len))
                goto found;
    }
    out->path = builtin;
    out->source = "not found";
    return;
found:
    out->path = buf;
    out->source = "search";
}

static pthread_once_t locate_once = PTHREAD_ONCE_INIT;
static cl_libclang_info located;
static char located_path[4096];
static const char *resource_dir;
static char *found_resource_dir; /* kept for the life of the process */

/* 1 when `dir`/include/stddef.h exists: a usable resource directory. */
static int has_stddef(const char *dir)
{
    cl_strbuf b = {0};
    cl_strbuf_addf(&b, "%s/include/stddef.h", dir);
    int ok = is_file(b.s);
    cl_strbuf_release(&b);
    return ok;
}

static void locate(void)
{
    cl_libclang_find(getenv("CONC_LINT_LIBCLANG"), CL_LIBCLANG_PATH, located_path,
                     sizeof located_path, &located);
    if (located.version[0] == '\0') {
        version_of(located.path, found_version, sizeof found_version);
        located.version = found_version;
    }

    const char *env = getenv("CONC_LINT_RESOURCE_DIR");
    resource_dir = env != NULL && env[0] != '\0' ? env : CL_RESOURCE_DIR;
    int major = atoi(located.version);
    if (resource_dir == env || has_stddef(resource_dir) || major == 0)
        return;
    /* <libdir>/clang/N (an LLVM tree), then Debian's /usr/lib/llvm-N. */
    char *real = realpath(located.path, NULL);
    const char *lib = real != NULL ? real : located.path;
    const char *slash = strrchr(lib, '/');
    cl_strbuf cand[2] = {{0}, {0}};
    cl_strbuf_addf(&cand[0], "%.*s/clang/%d", slash ? (int)(slash - lib) : 1, slash ? lib : ".",
                   major);
    cl_strbuf_addf(&cand[1], "/usr/lib/llvm-%d/lib/clang/%d", major, major);
    free(real);
    for (size_t i = 0; i < 2; i++) {
        if (found_resource_dir == NULL && has_stddef(cand[i].s))
            resource_dir = found_resource_dir = cl_xstrdup(cand[i].s);
        cl_strbuf_release(&cand[i]);
    }
}

const cl_libclang_info *cl_libclang_locate(void)
{
    pthread_once(&locate_once, locate);
    return &located;
}

const char *cl_libclang_resource_dir(void)
{
    pthread_once(&locate_once, locate);
    return resource_dir;
}
