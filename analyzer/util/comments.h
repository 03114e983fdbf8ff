/* comments.h - the comments of C source text, for the directives conc-lint
 * reads from them: inline suppressions (suppress.h) and --verify
 * expectations (verify.h).
 */
#ifndef CL_COMMENTS_H
#define CL_COMMENTS_H

#include <stddef.h>
#include <stdint.h>

/* Called once per comment: `line` and `col` (1-based; col in bytes) of the
 * first byte after the opening delimiter, the text between the delimiters
 * (`len` bytes, not NUL-terminated; a block comment may span lines), and
 * whether it is a block comment. */
typedef void (*cl_comment_fn)(void *ctx, uint32_t line, uint32_t col, const char *text,
                              size_t len, int block);

/* Calls `fn` for every `//` and block comment of the `len` bytes at `buf`,
 * in order. String and character literals are skipped (an unterminated
 * one ends at its line's end, as an apostrophe in #error text would); an
 * unterminated block comment runs to the end of the text. */
void cl_comments_scan(const char *buf, size_t len, cl_comment_fn fn, void *ctx);

#endif
