/* server.c - see lsp.h. The lifecycle and the dispatch of messages (LSP
 * 3.17, "Lifecycle Messages", "Document Synchronization"); the analysis
 * and what it publishes are in publish.c.
 *
 * One thread: a message is handled, then, once no other message is
 * waiting, the documents that changed are analyzed. Edits that arrive
 * together (didChange, didSave) cost one analysis.
 */
#include "lsp/lsp.h"

#include <cjson/cJSON.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache/cache.h"
#include "cli/compdb.h"
#include "lsp/actions.h"
#include "lsp/jsonrpc.h"
#include "lsp/publish.h"
#include "util/arena.h"

static const char lsp_usage[] =
    "usage: conc-lint lsp [-p DB] [--config FILE] [--cache-dir DIR | --no-cache] [-j N]\n"
    "                     [--check]\n"
    "\n"
    "A Language Server Protocol server on standard input and output: whole-program\n"
    "findings as diagnostics of the open files, a quick fix that inserts a\n"
    "suppression comment. --check analyzes again from scratch after each analysis\n"
    "and logs whether the diagnostics agree (slow; for testing).\n"
    "See docs/editors.md, \"Language server\".\n";

/* The server: what publish.c keeps, and the lifecycle. */
typedef struct server {
    cl_lsp_state st;
    cl_rpc_reader in;
    int initialized;     /* initialize answered */
    int shutdown;        /* shutdown received */
    int exit_code;       /* -1 until exit (or the end of input) decides it */
    int dirty;           /* a document changed since the last analysis */
    char *changed;       /* the path of the last document changed, or NULL */
} server;

static const cJSON *member(const cJSON *obj, const char *name)
{
    return cJSON_GetObjectItemCaseSensitive(obj, name);
}

static const char *string_member(const cJSON *obj, const char *name)
{
    const cJSON *v = member(obj, name);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Makes the workspace root the working directory (where the compile
 * database and the config are looked for, and what the cache keys on):
 * rootUri, else the first workspace folder, else rootPath. */
static void enter_root(const cJSON *params)
{
    const char *uri = string_member(params, "rootUri");
    const cJSON *folders = member(params, "workspaceFolders");
    if (uri == NULL && cJSON_IsArray(folders))
        uri = string_member(cJSON_GetArrayItem(folders, 0), "uri");
    char *dir = uri != NULL ? cl_lsp_uri_to_path(uri) : NULL;
    const char *root = dir != NULL ? dir : string_member(params, "rootPath");
    struct stat sb;
    if (root != NULL && stat(root, &sb) == 0 && S_ISDIR(sb.st_mode) && chdir(root) != 0)
        fprintf(stderr, "conc-lint lsp: warning: cannot enter the workspace root '%s'\n", root);
    free(dir);
}

/* Whether the client offers UTF-8 positions (general.positionEncodings). */
static int offers_utf8(const cJSON *params)
{
    const cJSON *encs = member(member(member(params, "capabilities"), "general"),
                               "positionEncodings");
    const cJSON *e, *list = cJSON_IsArray(encs) ? encs : NULL;
    cJSON_ArrayForEach(e, list)
        if (cJSON_IsString(e) && strcmp(e->valuestring, "utf-8") == 0)
            return 1;
    return 0;
}

static cJSON *initialize(server *s, const cJSON *params)
{
    enter_root(params);
    s->st.enc = offers_utf8(params) ? CL_LSP_UTF8 : CL_LSP_UTF16;
    s->initialized = 1;
    cJSON *res = cJSON_CreateObject();
    cJSON *caps = cJSON_AddObjectToObject(res, "capabilities");
    cJSON_AddStringToObject(caps, "positionEncoding",
                            s->st.enc == CL_LSP_UTF8 ? "utf-8" : "utf-16");
    cJSON *sync = cJSON_AddObjectToObject(caps, "textDocumentSync");
    cJSON_AddBoolToObject(sync, "openClose", 1);
    cJSON_AddNumberToObject(sync, "change", 1); /* Full */
    cJSON_AddBoolToObject(cJSON_AddObjectToObject(sync, "save"), "includeText", 0);
    cJSON *ca = cJSON_AddObjectToObject(caps, "codeActionProvider");
    cJSON_AddItemToArray(cJSON_AddArrayToObject(ca, "codeActionKinds"),
                         cJSON_CreateString("quickfix"));
    cJSON *info = cJSON_AddObjectToObject(res, "serverInfo");
    cJSON_AddStringToObject(info, "name", "conc-lint");
    cJSON_AddStringToObject(info, "version", CL_VERSION);
    return res;
}

/* Notes that the document `uri` changed (its path, for publish.c). */
static void mark_changed(server *s, const char *uri)
{
    s->dirty = 1;
    free(s->changed);
    s->changed = cl_lsp_uri_to_path(uri);
}

/* didOpen, didChange (full sync: the last change's text), didSave (with
 * its text when the client sends it), didClose. */
static void sync_document(server *s, const char *method, const cJSON *params)
{
    const cJSON *td = member(params, "textDocument");
    const char *uri = string_member(td, "uri");
    const cJSON *version = member(td, "version");
    long v = cJSON_IsNumber(version) ? (long)version->valuedouble : 0;
    const char *text = NULL;
    if (uri == NULL) {
        fprintf(stderr, "conc-lint lsp: warning: %s without textDocument.uri ignored\n", method);
        return;
    }
    if (strcmp(method, "textDocument/didOpen") == 0) {
        text = string_member(td, "text");
    } else if (strcmp(method, "textDocument/didChange") == 0) {
        const cJSON *changes = member(params, "contentChanges");
        const cJSON *last = cJSON_GetArrayItem(changes, cJSON_GetArraySize(changes) - 1);
        text = member(last, "range") == NULL ? string_member(last, "text") : NULL;
        if (text == NULL) {
            fprintf(stderr, "conc-lint lsp: warning: didChange without a full text ignored "
                            "(the server asked for full synchronization)\n");
            return;
        }
        if (cl_lsp_docs_find(&s->st.docs, uri) == NULL)
            return; /* not opened: nothing to change */
    } else if (strcmp(method, "textDocument/didSave") == 0) {
        cl_lsp_doc *doc = cl_lsp_docs_find(&s->st.docs, uri);
        text = string_member(params, "text");
        if (doc != NULL && text == NULL)
            v = doc->version;
    } else if (cl_lsp_docs_close(&s->st.docs, uri) != 0) {
        return;
    }
    if (text != NULL)
        cl_lsp_docs_set(&s->st.docs, uri, text, strlen(text), v);
    mark_changed(s, uri);
}

/* A request (`id` set): answers it. */
static int request(server *s, const char *method, const cJSON *id, const cJSON *params)
{
    int fd = s->st.out_fd;
    if (strcmp(method, "initialize") == 0) {
        if (s->initialized)
            return cl_rpc_respond_error(fd, id, CL_RPC_INVALID_REQUEST, "already initialized");
        return cl_rpc_respond(fd, id, initialize(s, params));
    }
    if (!s->initialized)
        return cl_rpc_respond_error(fd, id, CL_RPC_SERVER_NOT_INITIALIZED,
                                    "the server is not initialized yet");
    if (s->shutdown)
        return cl_rpc_respond_error(fd, id, CL_RPC_INVALID_REQUEST,
                                    "the server is shutting down: only 'exit' is accepted");
    if (strcmp(method, "shutdown") == 0) {
        s->shutdown = 1;
        return cl_rpc_respond(fd, id, NULL);
    }
    if (strcmp(method, "textDocument/codeAction") == 0) {
        if (!cJSON_IsObject(params))
            return cl_rpc_respond_error(fd, id, CL_RPC_INVALID_PARAMS, "params must be an object");
        return cl_rpc_respond(fd, id, cl_lsp_code_actions(params, &s->st.shown, &s->st.docs));
    }
    char msg[300];
    snprintf(msg, sizeof msg, "method '%.200s' is not supported by conc-lint", method);
    return cl_rpc_respond_error(fd, id, CL_RPC_METHOD_NOT_FOUND, msg);
}

/* A notification: acted on, or ignored when unknown (LSP 3.17: "$/"
 * notifications and others a server does not know are dropped). */
static void notification(server *s, const char *method, const cJSON *params)
{
    if (strcmp(method, "exit") == 0) {
        s->exit_code = s->shutdown ? 0 : 1;
        return;
    }
    if (!s->initialized || s->shutdown)
        return;
    if (strncmp(method, "textDocument/did", 16) == 0 &&
        (strcmp(method + 16, "Open") == 0 || strcmp(method + 16, "Change") == 0 ||
         strcmp(method + 16, "Save") == 0 || strcmp(method + 16, "Close") == 0))
        sync_document(s, method, params);
}

/* Why the JSON value `msg` is not a request, a notification or a
 * response (JSON-RPC 2.0, sections 4, 5 and 6), or NULL when it is one;
 * *id_ok says whether its id can be answered (else the error's id is null). */
static const char *invalid_message(const cJSON *msg, int *id_ok)
{
    *id_ok = 0;
    if (cJSON_IsArray(msg))
        return cJSON_GetArraySize(msg) == 0
                   ? "an empty batch is not a JSON-RPC request"
                   : "batch requests are not supported (the Language Server Protocol has none)";
    if (!cJSON_IsObject(msg))
        return "not a JSON-RPC request or notification: the message must be an object";
    const cJSON *id = member(msg, "id");
    const cJSON *method = member(msg, "method");
    const cJSON *version = member(msg, "jsonrpc");
    *id_ok = id == NULL || cJSON_IsNumber(id) || cJSON_IsString(id);
    if (!*id_ok)
        return "not a JSON-RPC request: \"id\" must be a number or a string";
    if (version != NULL && !(cJSON_IsString(version) && strcmp(version->valuestring, "2.0") == 0))
        return "not a JSON-RPC 2.0 message: \"jsonrpc\" must be \"2.0\"";
    if (method != NULL && !cJSON_IsString(method))
        return "not a JSON-RPC request or notification: \"method\" must be a string";
    if (method == NULL && (id == NULL || (member(msg, "result") == NULL &&
                                          member(msg, "error") == NULL)))
        return "not a JSON-RPC request, notification or response: no \"method\"";
    return NULL;
}

/* One message's content: parsed, checked, dispatched. Returns 0, or -1
 * when the client cannot be written to. */
static int handle(server *s, const char *content, size_t len)
{
    cJSON *msg = cJSON_ParseWithLength(content, len);
    int fd = s->st.out_fd, rc = 0, id_ok;
    if (msg == NULL)
        return cl_rpc_respond_error(fd, NULL, CL_RPC_PARSE_ERROR, "the message is not valid JSON");
    const cJSON *id = member(msg, "id");
    const cJSON *method = member(msg, "method");
    const char *invalid = invalid_message(msg, &id_ok);
    if (invalid != NULL)
        rc = cl_rpc_respond_error(fd, id_ok ? id : NULL, CL_RPC_INVALID_REQUEST, invalid);
    else if (method == NULL)
        ; /* a response to a request of ours: the server sends none that need one */
    else if (id != NULL)
        rc = request(s, method->valuestring, id, member(msg, "params"));
    else
        notification(s, method->valuestring, member(msg, "params"));
    cJSON_Delete(msg);
    return rc;
}

/* The message loop; returns the exit status. */
static int serve(server *s)
{
    size_t since_dirty = 0;
    for (;;) {
        if (s->dirty && !s->shutdown && (!cl_rpc_pending(&s->in) || since_dirty >= 64)) {
            s->dirty = 0;
            since_dirty = 0;
            if (cl_lsp_analyze(&s->st, s->changed) != 0)
                return 1;
        }
        char *content = NULL, why[256];
        size_t len = 0;
        cl_rpc_status got = cl_rpc_read(&s->in, &content, &len, why, sizeof why);
        if (got == CL_RPC_EOF)
            return s->shutdown ? 0 : 1;
        int rc = got == CL_RPC_MESSAGE
                     ? handle(s, content, len)
                     : cl_rpc_respond_error(s->st.out_fd, NULL, CL_RPC_PARSE_ERROR, why);
        free(content);
        if (rc != 0)
            return 1; /* the client is gone */
        if (s->exit_code >= 0)
            return s->exit_code;
        since_dirty += (size_t)s->dirty;
    }
}

/* The value of option `name` at argv[*i] ("--name V", "--name=V", and for
 * a short form "-p V", "-pV") into *value; 1 on a match, 0 when argv[*i]
 * is another option, -1 when the value is missing. */
static int option(int argc, char **argv, int *i, const char *name, const char *shrt,
                  const char **value)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) == 0 && a[n] == '=') {
        *value = a + n + 1;
        return 1;
    }
    if (shrt != NULL && strncmp(a, shrt, 2) == 0 && a[2] != '\0') {
        *value = a + 2;
        return 1;
    }
    if (strcmp(a, name) != 0 && (shrt == NULL || strcmp(a, shrt) != 0))
        return 0;
    if (*i + 1 >= argc)
        return -1;
    *value = argv[++*i];
    return 1;
}

/* Parses the options into `st` (paths made absolute: the server enters
 * the workspace root later). Returns 0, 1 for --help, or 2 after a usage
 * error on stderr. */
static int parse_options(int argc, char **argv, cl_lsp_state *st, char **owned, int *no_cache)
{
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd) == NULL)
        cwd[0] = '\0';
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        int m = 0, k = -1;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(lsp_usage, stdout);
            return 1;
        } else if (strcmp(argv[i], "--no-cache") == 0) {
            *no_cache = 1;
            continue;
        } else if (strcmp(argv[i], "--check") == 0) {
            st->check = 1;
            continue;
        } else if ((m = option(argc, argv, &i, "--compile-commands", "-p", &v)) != 0) {
            k = 0;
        } else if ((m = option(argc, argv, &i, "--config", NULL, &v)) != 0) {
            k = 1;
        } else if ((m = option(argc, argv, &i, "--cache-dir", NULL, &v)) != 0) {
            k = 2;
        } else if ((m = option(argc, argv, &i, "--jobs", "-j", &v)) != 0) {
            char *end = NULL;
            long n = m > 0 ? strtol(v, &end, 10) : 0;
            if (m > 0 && (*end != '\0' || n < 1 || n > 1024)) {
                fprintf(stderr, "conc-lint: error: invalid job count '%s' (1 to 1024)\n", v);
                return 2;
            }
            st->jobs = (unsigned)n;
        } else {
            fprintf(stderr, "conc-lint: error: unknown option '%s' for 'conc-lint lsp'\n%s",
                    argv[i], lsp_usage);
            return 2;
        }
        if (m < 0) {
            fprintf(stderr, "conc-lint: error: option '%s' needs a value\n", argv[i]);
            return 2;
        }
        if (k >= 0) {
            free(owned[k]);
            owned[k] = cl_path_normalize(v, cwd);
        }
    }
    return 0;
}

int cl_lsp_main(int argc, char **argv)
{
    server s;
    memset(&s, 0, sizeof s);
    s.exit_code = -1;
    char *owned[3] = { NULL, NULL, NULL }; /* -p, --config, --cache-dir */
    int no_cache = 0;
    int rc = parse_options(argc, argv, &s.st, owned, &no_cache);
    if (rc != 0)
        goto out;
    if (owned[2] == NULL && !no_cache)
        owned[2] = cl_cache_default_dir();
    s.st.compdb = owned[0];
    s.st.config = owned[1];
    s.st.cache_dir = no_cache ? NULL : owned[2];
    /* The protocol gets private descriptors; what else reads standard
     * input gets /dev/null, and what else prints goes to standard error. */
    signal(SIGPIPE, SIG_IGN);
    int in = dup(STDIN_FILENO), outfd = dup(STDOUT_FILENO);
    int null = open("/dev/null", O_RDONLY);
    if (in < 0 || outfd < 0 || null < 0 || dup2(null, STDIN_FILENO) < 0 ||
        dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
        perror("conc-lint lsp: error: cannot set up standard input and output");
        rc = 1;
        goto out;
    }
    close(null);
    s.st.out_fd = outfd;
    cl_rpc_reader_init(&s.in, in);
    s.st.keep = cl_keep_new();
    rc = serve(&s);
    cl_keep_free(s.st.keep);
    cl_lsp_docs_release(&s.st.docs);
    cl_lsp_diags_release(&s.st.shown);
    free(s.changed);
    close(in);
    close(outfd);
out:
    for (int k = 0; k < 3; k++)
        free(owned[k]);
    return rc;
}
