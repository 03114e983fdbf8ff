/* comments.c - see comments.h. */
#include "util/comments.h"

void cl_comments_scan(const char *buf, size_t len, cl_comment_fn fn, void *ctx)
{
    enum { NORMAL, STR, CHR } st = NORMAL;
    uint32_t line = 1;
    size_t bol = 0; /* offset of the current line's first byte */

    for (size_t i = 0; i < len; i++) {
        char ch = buf[i];
        char nx = i + 1 < len ? buf[i + 1] : '\0';
        if (ch == '\n') {
            line++;
            bol = i + 1;
            st = NORMAL; /* an unterminated literal ends with its line */
            continue;
        }
        switch (st) {
        case NORMAL:
            if (ch == '/' && nx == '/') {
                size_t j = i + 2;
                while (j < len && buf[j] != '\n')
                    j++;
                fn(ctx, line, (uint32_t)(i + 2 - bol + 1), buf + i + 2, j - i - 2, 0);
                i = j - 1;
            } else if (ch == '/' && nx == '*') {
                size_t j = i + 2;
                while (j + 1 < len && !(buf[j] == '*' && buf[j + 1] == '/'))
                    j++;
                size_t end = j + 1 < len ? j : len; /* unterminated: to the end */
                fn(ctx, line, (uint32_t)(i + 2 - bol + 1), buf + i + 2, end - i - 2, 1);
                for (size_t k = i + 2; k < end; k++)
                    if (buf[k] == '\n') {
                        line++;
                        bol = k + 1;
                    }
                i = end + 1 < len ? end + 1 : len; /* the closing '/' */
            } else if (ch == '"') {
                st = STR;
            } else if (ch == '\'') {
                st = CHR;
            }
            break;
        case STR:
        case CHR:
            if (ch == '\\' && i + 1 < len) {
                i++;
                if (buf[i] == '\n') {
                    line++;
                    bol = i + 1;
                }
            } else if (ch == (st == STR ? '"' : '\'')) {
                st = NORMAL;
            }
            break;
        }
    }
}
