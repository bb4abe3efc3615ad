package dev.perfdesk.core.c2c;

import java.util.List;
import java.util.Objects;

/**
 * One row of the Shared Cache Line Distribution Pareto: an offset in a cache line and the code that touched it.
 *
 * @param cells   the row's cells in {@link C2cReport#offsetColumns()} order, as printed (the symbol with its
 *                {@code [.]} or {@code [k]} mark)
 */
public record C2cOffset(List<String> cells) {
    public C2cOffset {
        cells = List.copyOf(Objects.requireNonNull(cells, "cells"));
    }

    /** The cell in the first column named {@code column} of {@code columns}, or null. */
    public String cell(List<String> columns, String column) {
        int i = columns.indexOf(column);
        return i < 0 || i >= cells.size() ? null : cells.get(i);
    }
}
