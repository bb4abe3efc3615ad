/*
 * A small CPU-bound workload for Perfdesk's attached-profile tests: it fills records, checksums them and sorts
 * them. Built twice: VERSION=1 is the baseline; VERSION=2 adds a per-byte validation to the checksum, a
 * regression the candidate's profile shows in validate_byte.
 *
 * Build: gcc -O1 -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer -DVERSION=1 -o work work.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef VERSION
#define VERSION 1
#endif

#define RECORD 256

static unsigned char records[4096][RECORD];

__attribute__((noinline)) static void fill_records(unsigned seed, int n) {
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < RECORD; j++) {
            seed = seed * 1103515245u + 12345u;
            records[i][j] = (unsigned char) (seed >> 16);
        }
    }
}

__attribute__((noinline)) static int validate_byte(unsigned char b, unsigned acc) {
    unsigned x = b;
    for (int k = 0; k < 6; k++) {
        x = (x * 2654435761u) ^ (acc >> (k + 1));
    }
    return (x & 0xff) != 0xff || acc != 0;
}

__attribute__((noinline)) static unsigned checksum(const unsigned char *r) {
    unsigned acc = 2166136261u;
    for (int j = 0; j < RECORD; j++) {
#if VERSION >= 2
        if (!validate_byte(r[j], acc)) {
            return 0;
        }
#endif
        acc = (acc ^ r[j]) * 16777619u;
    }
    return acc;
}

static int compare(const void *a, const void *b) {
    return memcmp(a, b, RECORD);
}

__attribute__((noinline)) static void sort_records(int n) {
    qsort(records, n, RECORD, compare);
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 20;
    unsigned total = 0;
    for (int r = 0; r < rounds; r++) {
        fill_records(r + 1, 4096);
        for (int i = 0; i < 4096; i++) {
            total += checksum(records[i]);
        }
        sort_records(4096);
    }
    printf("%u\n", total);
    return 0;
}
