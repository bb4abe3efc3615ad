package dev.perfdesk.core.util;

import java.util.Arrays;

/** A growable list of {@code long}s without boxing. */
public final class LongArrayList {
    private long[] data;
    private int size;

    public LongArrayList(int capacity) {
        data = new long[Math.max(4, capacity)];
    }

    public LongArrayList() {
        this(16);
    }

    public void add(long value) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size++] = value;
    }

    public long get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return data[index];
    }

    /** Adds {@code delta} to the element at {@code index}. */
    public void addTo(int index, long delta) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        data[index] += delta;
    }

    public int size() {
        return size;
    }

    /** Empties the list, keeping its capacity. */
    public void clear() {
        size = 0;
    }

    public long[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
