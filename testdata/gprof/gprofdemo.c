/* A small program for gprof recordings: a leaf loop, a function called from two callers, plain recursion (fib) and
 * a cycle of mutual recursion (is_even/is_odd) entered from two places. Written for Perfdesk's test data; no licence
 * restrictions. Build: gcc -pg -g -O0 -o gprofdemo gprofdemo.c */
#include <stdio.h>

static double harmonic(long n) { double s = 0; for (long i = 1; i <= n; i++) s += 1.0 / (double) i; return s; }
static unsigned long fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

static double shared(long n) { double s = 0; for (long i = 0; i < n; i++) s += (double) (i % 7) * 0.5; return s; }

static double reader(int rounds) { double s = 0; for (int r = 0; r < rounds; r++) s += shared(200000); return s; }
static double writer(int rounds) {
    double s = 0;
    for (int r = 0; r < rounds; r++) s += shared(200000) + is_odd(3001 + r % 5);
    return s;
}
static long parity(int rounds) { long c = 0; for (int r = 0; r < rounds; r++) c += is_even(4000 + r % 7); return c; }

int main(void) {
    double h = harmonic(150000000L);
    unsigned long f = fib(30);
    long p = parity(20000);
    double a = reader(600);
    double b = writer(300);
    printf("harmonic=%f fib=%lu parity=%ld shared=%f\n", h, f, p, a + b);
    return 0;
}
