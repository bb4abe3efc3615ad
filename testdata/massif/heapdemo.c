/* A small program for Massif recordings: three allocation sites reached through different call paths, a table that
 * grows with realloc, a burst of short-lived buffers that makes the peak, and a recursive function that uses the stack.
 * Written for Perfdesk's test data; no licence restrictions. Usage: ./heapdemo [scale] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node { struct node *next; char payload[48]; };

static struct node *push_node(struct node *head, int i) {
    struct node *n = malloc(sizeof *n);
    memset(n->payload, 'a' + i % 26, sizeof n->payload);
    n->next = head;
    return n;
}

static struct node *build_list(int count) {
    struct node *head = NULL;
    for (int i = 0; i < count; i++) head = push_node(head, i);
    return head;
}

static long *grow_table(long *table, int *capacity, int needed) {
    while (*capacity < needed) {
        *capacity = *capacity == 0 ? 64 : *capacity * 2;
        table = realloc(table, sizeof(long) * (size_t) *capacity);
    }
    return table;
}

static char *make_buffer(size_t size) {
    char *b = calloc(1, size);
    b[size - 1] = 1;
    return b;
}

static long burst(int count, size_t size) {
    char **bufs = malloc(sizeof(char *) * (size_t) count);
    long sum = 0;
    for (int i = 0; i < count; i++) bufs[i] = make_buffer(size);
    for (int i = 0; i < count; i++) { sum += bufs[i][size - 1]; free(bufs[i]); }
    free(bufs);
    return sum;
}

static long deep(int depth) {
    char frame[256];
    memset(frame, depth, sizeof frame);
    return depth == 0 ? frame[0] : deep(depth - 1) + frame[depth % 256];
}

static void free_list(struct node *head) {
    while (head) { struct node *next = head->next; free(head); head = next; }
}

int main(int argc, char **argv) {
    int scale = argc > 1 ? atoi(argv[1]) : 1;
    struct node *list = build_list(2000 * scale);
    int capacity = 0;
    long *table = NULL;
    long sum = 0;
    for (int round = 0; round < 8; round++) {
        table = grow_table(table, &capacity, (round + 1) * 1000 * scale);
        for (int i = 0; i < capacity; i++) table[i] = i + round;
        sum += deep(200 + round * 50);
        if (round == 5) sum += burst(400 * scale, 1024);
    }
    free_list(list);
    sum += burst(100 * scale, 512);
    printf("sum=%ld capacity=%d\n", sum, capacity);
    free(table);
    return 0;
}
