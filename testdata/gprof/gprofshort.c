#include <stdio.h>
static int twice(int x) { return 2 * x; }
int main(void) { int s = 0; for (int i = 0; i < 1000; i++) s += twice(i); printf("%d\n", s); return 0; }
