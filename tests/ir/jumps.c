/* jumps.c - the control flow the IR spells out for the flow engine: a goto
 * cleanup ladder, a do-while(0) error macro (runs once, not a loop), a
 * do-while(cond) loop, GNU local labels declared by a macro used twice, and
 * a computed goto. Read by ir_test.c: each `ir:` comment lists dump lines
 * (`--dump-ir`, leading blanks aside) separated by " | ", with $L standing
 * for the comment's own line number; the dump must print them all, in
 * order. */
void *malloc(unsigned long size);
void free(void *p);

#define CHECK(x) do { if (!(x)) goto fail; } while (0)
#define TRY(x) ({ __label__ out; if (!(x)) goto out; 1; out: 0; })

int ladder(int n)
{
    char *a = malloc(8), *b;
    CHECK(a != 0);          // ir: loop @$L bound=once ind=- do-while | goto @$L fail
    b = malloc(8);
    if (b == 0)
        goto free_a;        // ir: goto @$L free_a
    int i = 0;
    do {                    // ir: loop @$L bound=counted ind=i do-while vars=i,n
        i++;
    } while (i < n);
    TRY(n);                 // ir: goto @$L out | label @$L out
    TRY(n + 1);             // ir: goto @$L out#2 | label @$L out#2
    while (i < 10)          // ir: loop @$L bound=const ind=i vars=i
        i++;
    void *p = &&free_b;
    goto *p;                // ir: goto @$L *(computed)
free_b:                     // ir: label @$L free_b
    free(b);                // ir: $L:5 call free(&Hc:@F@ladder#b@16 per-iter)
free_a:                     // ir: label @$L free_a
    free(a);                // ir: $L:5 call free(&Hc:@F@ladder#a@16 per-iter)
    return 0;
fail:                       // ir: label @$L fail
    return -1;              // ir: return @$L
}
