package dev.perfdesk.viewers.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One series against every objective: met when it meets them all. Its text names each objective's value, with a mark
 * per objective when some are missed, so a verdict is complete and its colour follows its own mark.
 *
 * <pre>{@code
 * SlaVerdict.of(chart.slaResults());   // one per series, in legend order
 * // "✗ run A: p99 = 212.600 ms ✓ · p99.9 = 480.000 ms ✗"
 * }</pre>
 *
 * @param series  the series' label
 * @param results its results, objective by objective
 */
public record SlaVerdict(String series, List<SlaResult> results) {
    /** A verdict of copied results. */
    public SlaVerdict {
        results = List.copyOf(results);
    }

    /** The verdicts of {@code results}, one per series, in the order the series first appear. */
    public static List<SlaVerdict> of(List<SlaResult> results) {
        Map<String, List<SlaResult>> bySeries = new LinkedHashMap<>();
        for (SlaResult r : results) {
            bySeries.computeIfAbsent(r.series(), k -> new ArrayList<>()).add(r);
        }
        return bySeries.entrySet().stream().map(e -> new SlaVerdict(e.getKey(), e.getValue())).toList();
    }

    /** Whether the series meets every objective. */
    public boolean passes() {
        return results.stream().allMatch(SlaResult::passes);
    }

    /** {@code ✓ run A: p95 = 32.100 ms · p99 = 40.000 ms}; with a mark per objective when one is missed. */
    @Override
    public String toString() {
        boolean all = passes();
        return (all ? "✓ " : "✗ ") + series + ": " + results.stream()
                .map(r -> r.valueText() + (all ? "" : r.passes() ? " ✓" : " ✗"))
                .collect(Collectors.joining(" · "));
    }
}
