/* Pattern: a packet header overlays raw bytes and a pair of 16-bit fields
 * in an anonymous union holding an anonymous struct; two workers get the
 * same packet by pointer, one fills the fields, the other the raw bytes.
 * Verdict: racy. `pkt->port` (in the anonymous struct) and `pkt->raw[0]`
 * overlap through the anonymous union.
 */
// class: anonymous-union
#include <pthread.h>
#include <string.h>

struct packet {
    int len;
    union {
        unsigned char raw[4];
        struct {
            unsigned short port;
            unsigned short flags;
        };
    };
};

static void *fill_fields(void *arg)
{
    struct packet *pkt = arg;
    pkt->port = 8080; // expect: CL002
    return NULL;
}

static void *fill_raw(void *arg)
{
    struct packet *pkt = arg;
    memset(pkt->raw, 0, sizeof pkt->raw);
    pkt->raw[0] = 1;
    return NULL;
}

int main(void)
{
    static struct packet p;
    pthread_t a, b;
    pthread_create(&a, NULL, fill_fields, &p);
    pthread_create(&b, NULL, fill_raw, &p);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return p.len;
}
