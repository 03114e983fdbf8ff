/* bytes_test.c - cl_content_hash (util/bytes.h), the hash the summary cache
 * detects a changed file by: never 0, changed by every one-bit change and
 * by trailing zero bytes (its tail is zero-padded), independent of the
 * buffer's alignment, and the same value on every host (a pinned value).
 *
 * usage: bytes_test
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "util/bytes.h"

enum { MAXLEN = 130 };

/* Every one-bit flip of every length up to MAXLEN (every tail shape, one
 * to four 32-byte blocks) changes the hash; none gives 0. */
static void check_bit_flips(void)
{
    unsigned char buf[MAXLEN];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (unsigned char)(i * 37 + 11);
    int unchanged = 0, zero = 0;
    for (size_t n = 0; n <= MAXLEN; n++) {
        uint64_t h = cl_content_hash(buf, n);
        zero += (h & 1) == 0;
        for (size_t i = 0; i < n; i++)
            for (int bit = 0; bit < 8; bit++) {
                buf[i] ^= (unsigned char)(1u << bit);
                uint64_t g = cl_content_hash(buf, n);
                buf[i] ^= (unsigned char)(1u << bit);
                unchanged += g == h;
                zero += (g & 1) == 0;
            }
    }
    CHECK(unchanged == 0);
    CHECK(zero == 0);
}

/* Appending zero bytes changes the hash; the data's address does not. */
static void check_padding_and_alignment(void)
{
    unsigned char zeros[MAXLEN] = { 0 };
    int same = 0;
    for (size_t n = 0; n < 40; n++)
        same += cl_content_hash(zeros, n) == cl_content_hash(zeros, n + 1);
    CHECK(same == 0);
    const char *text = "#include <stdio.h>\nint main(void) { return 0; }\n";
    size_t len = strlen(text);
    char shifted[128];
    for (size_t off = 1; off < 8; off++) {
        memcpy(shifted + off, text, len);
        CHECK(cl_content_hash(shifted + off, len) == cl_content_hash(text, len));
    }
}

int main(void)
{
    check_bit_flips();
    check_padding_and_alignment();
    /* The same on every host (little-endian words, whatever the CPU). A
     * deliberate change of the function updates this value. */
    CHECK(cl_content_hash("conc-lint", 9) == 0x2551afc05f0df31bull);
    return t_finish("bytes_test", t_all());
}
