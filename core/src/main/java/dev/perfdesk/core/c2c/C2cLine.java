package dev.perfdesk.core.c2c;

import java.util.List;
import java.util.Objects;

/**
 * One shared cache line: a row of the Shared Data Cache Line Table and its offsets from the pareto.
 *
 * @param index   perf's index of the line ({@code Index}, 0 for the hottest)
 * @param address the cache line's data address, as printed ({@code 0x20ea08034080})
 * @param cells   the table row's cells in {@link C2cReport#lineColumns()} order, as printed
 * @param offsets the pareto's rows for this line: one per offset and code address (per perf's data grouping)
 */
public record C2cLine(int index, String address, List<String> cells, List<C2cOffset> offsets) {
    public C2cLine {
        Objects.requireNonNull(address, "address");
        cells = List.copyOf(cells);
        offsets = List.copyOf(offsets);
    }
}
