/* lengths.c - input of tests/function-length-check.sh: with --max 4, only
 * 'long_one' (6 lines) and 'tricky' (7 lines) are over the limit. A struct,
 * an initializer, a braced macro and braces in comments and literals are
 * not functions and do not end one. */
struct table {
    int a;
    int b;
    int c;
    int d;
};
static const struct table tables[] = {
    { 1, 2, 3, 4 },
    { 5, 6, 7, 8 },
    { 9, 10, 11, 12 },
};
#define BLOCK(x) do {  \
        (void)(x);     \
        (void)(x);     \
    } while (0)
int short_one(void)
{
    return tables[0].a;
}
int long_one(int x)
{
    BLOCK(x);
    x++;
    return x;
}
static const char *tricky(int x)
{
    /* } */
    const char *s = "}}";
    char c = '{';
    return x ? s : &c + 0;
}
