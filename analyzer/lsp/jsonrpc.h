/* jsonrpc.h - JSON-RPC 2.0 messages framed as the Language Server Protocol
 * frames them on a byte stream (LSP 3.17, "Base Protocol"): a header part of
 * "Name: value\r\n" lines ended by an empty line, then a content part of
 * exactly Content-Length bytes of UTF-8 JSON.
 *
 * Reading is forgiving of what a client gets wrong, and never hangs on it:
 * a header block without a valid Content-Length is reported and skipped (the
 * reader then looks for the next header block), header lines past
 * CL_RPC_MAX_HEADER bytes are skipped, and a content part larger than
 * CL_RPC_MAX_CONTENT is read and dropped.
 */
#ifndef CL_LSP_JSONRPC_H
#define CL_LSP_JSONRPC_H

#include <stddef.h>

struct cJSON;

#define CL_RPC_MAX_HEADER 8192
#define CL_RPC_MAX_CONTENT ((size_t)256 << 20)

/* JSON-RPC and LSP error codes (LSP 3.17, "ResponseMessage"). */
enum {
    CL_RPC_PARSE_ERROR = -32700,
    CL_RPC_INVALID_REQUEST = -32600,
    CL_RPC_METHOD_NOT_FOUND = -32601,
    CL_RPC_INVALID_PARAMS = -32602,
    CL_RPC_SERVER_NOT_INITIALIZED = -32002
};

/* A buffered reader on a file descriptor (borrowed: not closed). */
typedef struct cl_rpc_reader {
    int fd;
    char buf[65536];
    size_t pos, len;  /* unread bytes are buf[pos..len) */
    int eof;
} cl_rpc_reader;

/* Starts reading messages from `fd`. */
void cl_rpc_reader_init(cl_rpc_reader *r, int fd);

/* Outcomes of cl_rpc_read. */
typedef enum cl_rpc_status {
    CL_RPC_MESSAGE = 0, /* *content holds a content part */
    CL_RPC_EOF,         /* the stream ended (between or inside messages) */
    CL_RPC_BAD_FRAME    /* a header block was unusable: *content is NULL, `why` says why */
} cl_rpc_status;

/* Reads the next message: its content part, NUL-terminated, into *content
 * (malloc'ed, the caller frees), its length into *len. On CL_RPC_BAD_FRAME
 * the block is consumed and `why` (`whylen` bytes) holds a lowercase
 * reason; the next call goes on with what follows. Blocks until a message,
 * the end of the stream, or a bad frame. */
cl_rpc_status cl_rpc_read(cl_rpc_reader *r, char **content, size_t *len, char *why,
                          size_t whylen);

/* Whether a byte can be read without blocking (buffered, or readable on
 * the descriptor, or the end of the stream): the server reads pending
 * messages before it starts an analysis that they may make stale. */
int cl_rpc_pending(cl_rpc_reader *r);

/* Writes `msg` (borrowed) to `fd`, framed: "Content-Length: N\r\n\r\n" and
 * the compact JSON. Returns 0, or -1 when the write failed (errno set). */
int cl_rpc_write(int fd, const struct cJSON *msg);

/* Sends the response to request `id` (borrowed; a JSON null when NULL):
 * `result` (ownership passes; NULL stands for a JSON null). */
int cl_rpc_respond(int fd, const struct cJSON *id, struct cJSON *result);

/* Sends an error response to request `id` (NULL: a JSON null, for a
 * message whose id could not be read) with `code` and `message`. */
int cl_rpc_respond_error(int fd, const struct cJSON *id, int code, const char *message);

/* Sends the notification `method` with `params` (ownership passes; may be
 * NULL: no params). */
int cl_rpc_notify(int fd, const char *method, struct cJSON *params);

#endif
