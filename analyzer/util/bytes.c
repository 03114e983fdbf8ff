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

/* Odd 64-bit multipliers with well-mixed bits (the golden ratio's and two
 * other large primes' fractional expansions). */
#define MIX1 0x9e3779b97f4a7c15ull
#define MIX2 0xc2b2ae3d27d4eb4full
#define MIX3 0x165667b19e3779f9ull

static uint64_t rotl64(uint64_t x, unsigned r)
{
    return (x << r) | (x >> (64 - r));
}

/* The 8 bytes at `p` as a little-endian number (one load on x86-64; the
 * same hash on any host). */
static uint64_t load_le64(const unsigned char *p)
{
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
           (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
           (uint64_t)p[7] << 56;
}

/* One round: the word `w` multiplied into `acc`, rotated, multiplied. */
static uint64_t round64(uint64_t acc, uint64_t w)
{
    return rotl64(acc + w * MIX2, 31) * MIX1;
}

/* `v` folded into the running value `h`. */
static uint64_t fold64(uint64_t h, uint64_t v)
{
    return rotl64(h ^ round64(0, v), 27) * MIX1 + MIX3;
}

/* Four independent lanes over 32-byte blocks (the CPU runs their
 * multiplications in parallel: several times FNV-1a's speed, which waits
 * for a multiplication per byte), then the lanes, the length and the tail
 * (8-byte words, then the last bytes zero-padded: the length tells the
 * padding apart) folded into one value and avalanched (every input bit
 * moves about half the output bits). */
uint64_t cl_content_hash(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t l0 = MIX1, l1 = MIX2, l2 = MIX3, l3 = MIX1 ^ MIX3;
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        l0 = round64(l0, load_le64(b + i));
        l1 = round64(l1, load_le64(b + i + 8));
        l2 = round64(l2, load_le64(b + i + 16));
        l3 = round64(l3, load_le64(b + i + 24));
    }
    uint64_t h = (uint64_t)n * MIX3;
    h = fold64(fold64(fold64(fold64(h, l0), l1), l2), l3);
    for (; i + 8 <= n; i += 8)
        h = fold64(h, load_le64(b + i));
    if (i < n) {
        unsigned char last[8] = { 0 };
        memcpy(last, b + i, n - i);
        h = fold64(h, load_le64(last));
    }
    h ^= h >> 33;
    h *= MIX2;
    h ^= h >> 29;
    h *= MIX3;
    h ^= h >> 32;
    return h | 1;
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

const char *cl_json_trailing(const char *p, const char *end)
{
    for (; p != NULL && p < end; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            return p;
    return NULL;
}
