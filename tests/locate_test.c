/* locate_test.c - the run-time libclang search (analyzer/frontend/locate.c):
 * $CONC_LINT_LIBCLANG wins; an existing compiled-in path comes next; when
 * the compiled-in path is gone (a binary built elsewhere), a libclang is
 * still found through llvm-config or the standard library directories. */
#include <string.h>
#include <sys/stat.h>

#include "frontend/locate.h"
#include "testutil.h"

int main(void)
{
    char buf[4096];
    cl_libclang_info in;

    cl_libclang_find("/opt/x/libclang.so", CL_LIBCLANG_PATH, buf, sizeof buf, &in);
    CHECK_STR(in.path, "/opt/x/libclang.so");
    CHECK_STR(in.source, "CONC_LINT_LIBCLANG");

    cl_libclang_find(NULL, CL_LIBCLANG_PATH, buf, sizeof buf, &in);
    CHECK_STR(in.path, CL_LIBCLANG_PATH);
    CHECK_STR(in.source, "build");
    CHECK(in.version[0] >= '1' && in.version[0] <= '9');

    /* the compiled-in library is gone: found at run time */
    cl_libclang_find("", "/nonexistent/lib/libclang.so", buf, sizeof buf, &in);
    CHECK(strcmp(in.source, "llvm-config") == 0 || strcmp(in.source, "search") == 0);
    struct stat st;
    CHECK(stat(in.path, &st) == 0 && S_ISREG(st.st_mode));
    CHECK(strstr(in.path, "libclang") != NULL);
    printf("found at run time (%s): %s\n", in.source, in.path);

    const cl_libclang_info *li = cl_libclang_locate();
    CHECK(li->path != NULL && li->source != NULL && li->version != NULL);
    return t_finish("locate_test", t_all());
}
