/* Oracle self-test: no directive at all, which --verify must reject. */
int answer(void);
int answer(void) { return 42; }
