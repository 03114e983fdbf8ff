/* libclang.c - loads libclang on first use and fills the function table of
 * libclang.h; identifies the library for the summary cache (frontend.h:
 * cl_frontend_load, cl_frontend_library_id).
 */
/* realpath() is XSI; the build defines only _POSIX_C_SOURCE. */
#define _XOPEN_SOURCE 700
#define CL_LIBCLANG_TABLE_ONLY

#include "frontend/libclang.h"
#include "frontend/locate.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "frontend/frontend.h"

cl_libclang_api cl_libclang;

static pthread_once_t libclang_once = PTHREAD_ONCE_INIT;
static char libclang_error[1024]; /* why loading failed; "" when it did not */

/* The libclang to load: $CONC_LINT_LIBCLANG, the one found at build time,
 * or one found at run time (locate.h). */
static const char *libclang_path(void)
{
    return cl_libclang_locate()->path;
}

_Static_assert(sizeof(void (*)(void)) == sizeof(void *), "a function pointer must fit a void *");

/* Stores the address of function `name` of `lib` in the function pointer at
 * `slot`. Returns 0, or -1 when lib has no such symbol (dlerror() says so). */
static int resolve(void *lib, const char *name, void *slot)
{
    void *sym = dlsym(lib, name);
    if (sym == NULL)
        return -1;
    memcpy(slot, &sym, sizeof sym);
    return 0;
}

/* Fills the table, or libclang_error. Once per process (pthread_once). The
 * library is never closed, not even when it lacks a symbol. */
#define CL_LIBCLANG_RESOLVE(fn) && resolve(lib, #fn, &cl_libclang.fn) == 0
static void load_libclang(void)
{
    const char *path = libclang_path();
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (lib != NULL CL_LIBCLANG_FUNCS(CL_LIBCLANG_RESOLVE))
        return;
    const char *why = dlerror();
    snprintf(libclang_error, sizeof libclang_error, "cannot load libclang '%s': %s", path,
             why != NULL ? why : "unknown error");
}
#undef CL_LIBCLANG_RESOLVE

int cl_frontend_load(char *err, size_t errlen)
{
    pthread_once(&libclang_once, load_libclang);
    if (libclang_error[0] == '\0')
        return 0;
    if (err != NULL && errlen > 0)
        snprintf(err, errlen, "%s", libclang_error);
    return -1;
}

static pthread_once_t library_id_once = PTHREAD_ONCE_INIT;
static char library_id[4352];

static void compute_library_id(void)
{
    const char *path = libclang_path();
    char *real = realpath(path, NULL);
    struct stat st;
    if (real != NULL && stat(real, &st) == 0)
        snprintf(library_id, sizeof library_id, "%s %lld %lld.%09ld", real, (long long)st.st_size,
                 (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
    else
        snprintf(library_id, sizeof library_id, "%s (missing)", path);
    free(real);
}

const char *cl_frontend_library_id(void)
{
    pthread_once(&library_id_once, compute_library_id);
    return library_id;
}
