/* bytes.c - see bytes.h. */
#include "util/bytes.h"

#include <string.h>

uint64_t cl_fnv1a64(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ull;
    }
    return h;
}

uint64_t cl_content_hash(const void *p, size_t n)
{
    return cl_fnv1a64(CL_FNV_OFFSET, p, n) | 1;
}

void cl_put_u8(cl_strbuf *b, unsigned v)
{
    char c = (char)(unsigned char)v;
    cl_strbuf_addn(b, &c, 1);
}

void cl_put_u32(cl_strbuf *b, uint32_t v)
{
    char c[4] = { (char)(unsigned char)v, (char)(unsigned char)(v >> 8),
                  (char)(unsigned char)(v >> 16), (char)(unsigned char)(v >> 24) };
    cl_strbuf_addn(b, c, 4);
}

void cl_put_u64(cl_strbuf *b, uint64_t v)
{
    cl_put_u32(b, (uint32_t)v);
    cl_put_u32(b, (uint32_t)(v >> 32));
}

void cl_put_str(cl_strbuf *b, const char *s)
{
    if (s == NULL) {
        cl_put_u32(b, 0);
        return;
    }
    size_t n = strlen(s);
    cl_put_u32(b, (uint32_t)n + 1);
    cl_strbuf_addn(b, s, n);
}

int cl_need(cl_reader *r, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = 1;
        return 0;
    }
    return 1;
}

unsigned cl_get_u8(cl_reader *r)
{
    if (!cl_need(r, 1))
        return 0;
    return *r->p++;
}

uint32_t cl_get_u32(cl_reader *r)
{
    if (!cl_need(r, 4))
        return 0;
    uint32_t v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 |
                 (uint32_t)r->p[3] << 24;
    r->p += 4;
    return v;
}

uint64_t cl_get_u64(cl_reader *r)
{
    uint64_t lo = cl_get_u32(r);
    return lo | (uint64_t)cl_get_u32(r) << 32;
}

size_t cl_get_count(cl_reader *r, size_t min)
{
    uint32_t n = cl_get_u32(r);
    if (!r->bad && min > 0 && (size_t)(r->end - r->p) / min < n)
        r->bad = 1;
    return r->bad ? 0 : n;
}

const char *cl_get_str(cl_reader *r, cl_arena *a)
{
    uint32_t n = cl_get_u32(r);
    if (n == 0 || !cl_need(r, n - 1))
        return NULL;
    const char *s = cl_arena_strndup(a, (const char *)r->p, n - 1);
    r->p += n - 1;
    return s;
}
