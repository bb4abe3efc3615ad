/* A small workload for heaptrack: leaks, temporary allocations and one clear peak. Written for Perfdesk's test data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Kept until the end, never freed: 10 leaks of 1000 bytes. */
static void *leak_config(int i) {
    char *p = malloc(1000);
    snprintf(p, 1000, "config %d", i);
    return p;
}

/* Freed right after it is allocated: heaptrack's "temporary" allocations. */
static size_t temporary_work(int n) {
    size_t sum = 0;
    for (int i = 0; i < n; i++) {
        char *t = malloc(64 + i % 16);
        memset(t, i, 64);
        sum += (unsigned char) t[3];
        free(t);
    }
    return sum;
}

/* The peak: 20 blocks of 50,000 bytes alive at once, then freed. */
static void build_peak(void) {
    void *blocks[20];
    for (int i = 0; i < 20; i++) {
        blocks[i] = malloc(50000);
        memset(blocks[i], 1, 50000);
    }
    for (int i = 0; i < 20; i++) {
        free(blocks[i]);
    }
}

/* Grows a buffer with realloc: the old blocks are freed, not temporary (other events come between). */
static char *grow(void) {
    char *buf = NULL;
    size_t cap = 0;
    for (int i = 0; i < 8; i++) {
        cap = cap ? cap * 2 : 256;
        buf = realloc(buf, cap);
        buf[0] = 'g';
    }
    return buf;
}

int main(void) {
    void *leaks[10];
    for (int i = 0; i < 10; i++) {
        leaks[i] = leak_config(i);
    }
    size_t s = temporary_work(500);
    build_peak();
    char *g = grow();
    free(g);
    printf("sum=%zu leaks=%p\n", s, leaks[9]);
    return 0;
}
