/* fuzz_common.h - helpers shared by the libFuzzer targets in tests/fuzz/.
 *
 * Each target gets a private temporary directory (mkdtemp under $TMPDIR or
 * /tmp, removed at exit) and writes the fuzz input to a file in it, because
 * the readers under test take a path. A violated invariant is reported with
 * fuzz_fail(), which prints the reason and aborts so libFuzzer saves the
 * input as a crash artifact.
 */
#ifndef CL_FUZZ_COMMON_H
#define CL_FUZZ_COMMON_H

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/bytes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Not every target uses every helper. */
#define FUZZ_HELPER static __attribute__((unused))

static char fuzz_dir[4096];

FUZZ_HELPER void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
FUZZ_HELPER void fuzz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("fuzz invariant violated: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

/* Removes `path` and, if it is a directory, everything under it (no
 * symlinks are followed: lstat, and unlink for everything not a directory). */
FUZZ_HELPER void fuzz_rm_rf(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (d != NULL) {
            struct dirent *e;
            while ((e = readdir(d)) != NULL) {
                if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                    continue;
                char sub[4096];
                if ((size_t)snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) < sizeof sub)
                    fuzz_rm_rf(sub);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

FUZZ_HELPER void fuzz_cleanup(void)
{
    if (fuzz_dir[0] != '\0')
        fuzz_rm_rf(fuzz_dir);
}

/* Creates the private directory once; returns it. */
FUZZ_HELPER const char *fuzz_tmpdir(void)
{
    if (fuzz_dir[0] != '\0')
        return fuzz_dir;
    const char *base = getenv("TMPDIR");
    if (base == NULL || base[0] == '\0')
        base = "/tmp";
    snprintf(fuzz_dir, sizeof fuzz_dir, "%s/cl-fuzz-XXXXXX", base);
    if (mkdtemp(fuzz_dir) == NULL) {
        perror("mkdtemp");
        abort();
    }
    atexit(fuzz_cleanup);
    return fuzz_dir;
}

/* Joins `name` to the private directory into `out`. */
FUZZ_HELPER const char *fuzz_path(char *out, size_t outlen, const char *name)
{
    snprintf(out, outlen, "%s/%s", fuzz_tmpdir(), name);
    return out;
}

/* Writes `size` bytes to `path` (created or truncated). */
FUZZ_HELPER void fuzz_write_file(const char *path, const void *data, size_t size)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        perror(path);
        abort();
    }
    const unsigned char *p = data;
    while (size > 0) {
        ssize_t w = write(fd, p, size);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            perror(path);
            abort();
        }
        p += w;
        size -= (size_t)w;
    }
    close(fd);
}

/* The bytes a target reads from a fuzz input of `size` > 0 bytes, for
 * the binary formats (summary_io.h, result.h) whose header is the 8-byte
 * `magic`, u32 `version`, u64 length and u64 FNV-1a-64 of the payload: when
 * the first byte is odd, the rest behind a valid header, so mutations get
 * past the checksum to the payload parser; when even, the rest as is, in a
 * buffer of exactly that size (ASan catches any read past it). malloc'ed;
 * length in *outlen. */
FUZZ_HELPER unsigned char *fuzz_framed_input(const uint8_t *data, size_t size, const char magic[8],
                                             uint32_t version, size_t *outlen)
{
    cl_strbuf b = { NULL, 0, 0 };
    if (data[0] & 1) {
        cl_strbuf_addn(&b, magic, 8);
        cl_put_u32(&b, version);
        cl_put_u64(&b, size - 1);
        cl_put_u64(&b, cl_fnv1a64(CL_FNV_OFFSET, data + 1, size - 1));
        cl_strbuf_addn(&b, (const char *)data + 1, size - 1);
        *outlen = b.len;
        return (unsigned char *)b.s;
    }
    unsigned char *buf = malloc(size - 1 > 0 ? size - 1 : 1);
    if (buf == NULL)
        abort();
    memcpy(buf, data + 1, size - 1);
    *outlen = size - 1;
    return buf;
}

/* Checks that a format round-trips: `w2`, written from what was read back
 * from `w1`, is the very same bytes. */
FUZZ_HELPER void fuzz_check_round_trip(const cl_strbuf *w1, const cl_strbuf *w2)
{
    if (w1->len != w2->len || memcmp(w1->s, w2->s, w1->len) != 0)
        fuzz_fail("write(read(write(read(x)))) differs from write(read(x)): %zu vs %zu bytes",
                  w1->len, w2->len);
}

/* Checks that an error message is one non-empty line. */
FUZZ_HELPER void fuzz_check_err_line(const char *what, const char *err)
{
    if (err[0] == '\0')
        fuzz_fail("%s failed with an empty error message", what);
    if (strchr(err, '\n') != NULL || strchr(err, '\r') != NULL)
        fuzz_fail("%s error message is not one line: '%s'", what, err);
}

#endif
