/* irdump.c - see irdump.h. */
#include "ir/irdump.h"

static const char *kind_name(cl_node_kind k)
{
    switch (k) {
    case CL_N_SEQ: return "seq";
    case CL_N_EVENT: return "event";
    case CL_N_BRANCH: return "branch";
    case CL_N_LOOP: return "loop";
    case CL_N_RETURN: return "return";
    case CL_N_BREAK: return "break";
    case CL_N_CONTINUE: return "continue";
    case CL_N_GOTO: return "goto";
    case CL_N_SWITCH: return "switch";
    case CL_N_LABEL: return "label";
    }
    return "?";
}

static const char *bound_name(cl_loop_bound b)
{
    switch (b) {
    case CL_LOOP_UNKNOWN: return "unknown";
    case CL_LOOP_INFINITE: return "infinite";
    case CL_LOOP_CONST: return "const";
    case CL_LOOP_COUNTED: return "counted";
    case CL_LOOP_ONCE: return "once";
    }
    return "?";
}

static void dump_value(FILE *out, const cl_value *v)
{
    switch (v->kind) {
    case CL_VAL_UNKNOWN: fputs("?", out); break;
    case CL_VAL_ADDR:
        fprintf(out, "&%s%s%s", v->path, v->per_iteration ? " per-iter" : "",
                v->stack_local ? " stack" : "");
        break;
    case CL_VAL_FUNC: fprintf(out, "fn %s", v->func_name); break;
    case CL_VAL_INT: fprintf(out, "%lld", v->ival); break;
    case CL_VAL_NULL: fputs("NULL", out); break;
    case CL_VAL_LOAD: fprintf(out, "*%s%s", v->path, v->per_iteration ? " per-iter" : ""); break;
    }
    if (v->field != NULL)
        fprintf(out, " field %s", v->field);
}

static void dump_event(FILE *out, const cl_event *e)
{
    fprintf(out, "%u:%u ", e->loc.line, e->loc.col);
    switch (e->kind) {
    case CL_EV_ACCESS: {
        unsigned fl = e->u.access.flags;
        fprintf(out, "%s%s%s%s%s%s%s %s (%s)", (fl & CL_ACC_READ) ? "R" : "",
                (fl & CL_ACC_WRITE) ? "W" : "", (fl & CL_ACC_ATOMIC) ? " atomic" : "",
                (fl & CL_ACC_TLS) ? " tls" : "", (fl & CL_ACC_VOLATILE) ? " volatile" : "",
                (fl & CL_ACC_OWN_ELEMENT) ? " own" : "", (fl & CL_ACC_TAKEN) ? " taken" : "",
                e->u.access.path, e->u.access.name);
        if (e->u.access.ipath != NULL)
            fprintf(out, " [%s]", e->u.access.ipath);
        if (fl & (CL_ACC_RELAXED | CL_ACC_XCHG_CONST | CL_ACC_WAKE_FD))
            fprintf(out, "%s%s%s", (fl & CL_ACC_RELAXED) ? " relaxed" : "",
                    (fl & CL_ACC_XCHG_CONST) ? " xchg" : "", (fl & CL_ACC_WAKE_FD) ? " wake-fd" : "");
        if (e->u.access.index_path != NULL)
            fprintf(out, " index %s", e->u.access.index_path);
        if (e->u.access.decl.line != 0)
            fprintf(out, " decl %u:%u", e->u.access.decl.line, e->u.access.decl.col);
        if (e->u.access.stored != NULL) {
            fputs(" = ", out);
            dump_value(out, e->u.access.stored);
        }
        break;
    }
    case CL_EV_CALL:
        fprintf(out, "call %s(", e->u.call.callee_name);
        for (size_t i = 0; i < e->u.call.nargs; i++) {
            if (i)
                fputs(", ", out);
            dump_value(out, &e->u.call.args[i]);
        }
        fputs(")", out);
        if (e->u.call.callee_usr == NULL && e->u.call.callee.kind != CL_VAL_UNKNOWN) {
            fputs(" via ", out);
            dump_value(out, &e->u.call.callee);
        }
        if (e->u.call.ret_var)
            fprintf(out, " -> %s", e->u.call.ret_var);
        if (e->u.call.ret_path)
            fprintf(out, " -> %s", e->u.call.ret_path);
        break;
    case CL_EV_FUNCREF:
        fprintf(out, "funcref %s", e->u.funcref.func_name);
        if (e->u.funcref.path != NULL)
            fprintf(out, " in %s", e->u.funcref.path);
        if (e->u.funcref.field != NULL)
            fprintf(out, " field %s", e->u.funcref.field);
        break;
    }
}

static void dump_node(FILE *out, const cl_node *n, int depth)
{
    if (n == NULL)
        return;
    fprintf(out, "%*s", depth * 2, "");
    if (n->kind == CL_N_EVENT) {
        dump_event(out, n->ev);
        fputc('\n', out);
        return;
    }
    fprintf(out, "%s @%u", kind_name(n->kind), n->loc.line);
    if (n->kind == CL_N_LOOP)
        fprintf(out, " bound=%s ind=%s%s%s%s%s", bound_name(n->bound),
                n->x->induction_var ? n->x->induction_var : "-", n->x->do_while ? " do-while" : "",
                n->x->walks_list ? " walks-list" : "",
                n->x->exit_index ? " exit=" : "", n->x->exit_index ? n->x->exit_index : "");
    if (n->kind == CL_N_LABEL)
        fprintf(out, " %s", n->x->label);
    if (n->kind == CL_N_GOTO)
        fprintf(out, " %s", n->x->label != NULL ? n->x->label : "*(computed)");
    if (n->x->test_call != NULL)
        fprintf(out, " test=%s@%u op=%d %lld", n->x->test_call->u.call.callee_name,
                n->x->test_call->loc.line, (int)n->x->test_op, n->x->test_value);
    if (n->x->test_elem)
        fputs(" per-element", out);
    if (n->ncond_vars) {
        fputs(" vars=", out);
        for (size_t i = 0; i < n->ncond_vars; i++)
            fprintf(out, "%s%s", i ? "," : "", n->cond_vars[i]);
    }
    if (n->x->cond_key != NULL)
        fprintf(out, " key=%s", n->x->cond_key);
    if (n->x->trip != 0)
        fprintf(out, " trip=%lld", n->x->trip);
    if (n->x->test_var != NULL)
        fprintf(out, " test-var=%s op=%d %lld", n->x->test_var, (int)n->x->test_op, n->x->test_value);
    if (n->x->test_global != NULL)
        fprintf(out, " test-global=%s op=%d %lld", n->x->test_global, (int)n->x->test_op, n->x->test_value);
    if (n->x->test_path != NULL)
        fprintf(out, " test-path=%s op=%d %lld", n->x->test_path, (int)n->x->test_op, n->x->test_value);
    for (size_t i = 0; i < n->x->ngtests; i++)
        fprintf(out, " %s=%s op=%d %lld", n->x->gtest_alt ? "or" : "and", n->x->gtests[i].global,
                (int)n->x->gtests[i].op, n->x->gtests[i].value);
    fputc('\n', out);
    if (n->cond) {
        fprintf(out, "%*scond:\n", depth * 2 + 2, "");
        dump_node(out, n->cond, depth + 2);
    }
    for (size_t i = 0; i < n->nkids; i++)
        dump_node(out, n->kids[i], depth + 1);
}

void cl_ir_dump(FILE *out, const cl_tu *tu)
{
    fprintf(out, "tu %s (parsed=%d)\n", tu->main_file, tu->parsed);
    for (size_t i = 0; i < tu->ndiags; i++)
        fprintf(out, "diag %s:%u: %s\n", tu->diags[i].loc.file ? tu->diags[i].loc.file : "?",
                tu->diags[i].loc.line, tu->diags[i].message);
    for (size_t i = 0; i < tu->nglobals; i++)
        fprintf(out, "global %s %s flags=%#x\n", tu->globals[i].name, tu->globals[i].usr,
                tu->globals[i].flags);
    for (size_t i = 0; i < tu->nfuncrefs; i++)
        fprintf(out, "funcref %s%s%s%s%s\n", tu->funcrefs[i].func_name,
                tu->funcrefs[i].path != NULL ? " in " : "",
                tu->funcrefs[i].path != NULL ? tu->funcrefs[i].path : "",
                tu->funcrefs[i].field != NULL ? " field " : "",
                tu->funcrefs[i].field != NULL ? tu->funcrefs[i].field : "");
    for (size_t i = 0; i < tu->nfuncs; i++) {
        const cl_function *fn = &tu->funcs[i];
        fprintf(out, "function %s %s flags=%#x params=%zu\n", fn->name, fn->usr, fn->flags, fn->nparams);
        dump_node(out, fn->body, 1);
    }
}
