package dev.perfdesk.importers.massif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfdesk.core.calltree.FunctionStats;
import dev.perfdesk.core.calltree.WeightedStacks;
import dev.perfdesk.core.calltree.CallTreeBuilder;
import dev.perfdesk.core.heap.HeapSeries;
import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.Timeline;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.Importers;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * The Massif files of {@code testdata/massif} (recorded by record.sh there, and massif-visualizer's test files)
 * against {@code ms_print --threshold=0} of each: every snapshot's totals, which are detailed and which is the peak,
 * and every detailed snapshot's tree (each node's bytes), the peak's top allocation sites included.
 */
class MassifGoldenTest {
    static Path data(String name) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "massif", name);
    }

    /** One row of ms_print's snapshot table. */
    record Row(int n, long time, long total, long heap, long extra, long stacks) {
    }

    /** What ms_print printed: the table, the detailed snapshots (the peak marked), each tree's bytes per path. */
    record MsPrint(String timeUnit, List<Row> rows, List<Integer> detailed, int peak,
                   Map<Integer, Map<String, Long>> trees, Map<Integer, List<String>> topSites) {
        private static final Pattern ROW = Pattern.compile(
                "\\s*(\\d+)\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)");
        private static final Pattern NODE = Pattern.compile("(\\d+\\.\\d+)% \\(([\\d,]+)B\\) (.*)");

        static MsPrint read(Path file) throws Exception {
            List<String> lines = new ArrayList<>();
            try (InputStream raw = Files.newInputStream(file);
                 InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                }
            }
            String unit = null;
            List<Row> rows = new ArrayList<>();
            List<Integer> detailed = new ArrayList<>();
            int peak = -1;
            Map<Integer, Map<String, Long>> trees = new TreeMap<>();
            Map<Integer, List<String>> tops = new TreeMap<>();
            List<String> path = new ArrayList<>();
            int current = -1;
            for (String line : lines) {
                if (line.startsWith(" Detailed snapshots: [")) {
                    for (String part : line.substring(line.indexOf('[') + 1, line.lastIndexOf(']')).split(", ")) {
                        if (part.isBlank()) {
                            continue;
                        }
                        int n = Integer.parseInt(part.replace(" (peak)", "").strip());
                        detailed.add(n);
                        if (part.contains("(peak)")) {
                            peak = n;
                        }
                    }
                } else if (line.matches("\\s+n\\s+time\\(.*")) {
                    unit = line.substring(line.indexOf("time(") + 5, line.indexOf(')'));
                } else if (ROW.matcher(line).matches() && !line.contains("%")) {
                    Matcher m = ROW.matcher(line);
                    m.matches();
                    rows.add(new Row(Integer.parseInt(m.group(1)), num(m.group(2)), num(m.group(3)), num(m.group(4)),
                            num(m.group(5)), num(m.group(6))));
                    current = rows.get(rows.size() - 1).n();
                } else {
                    int arrow = line.indexOf("->");
                    Matcher m = NODE.matcher(arrow < 0 ? line : line.substring(arrow + 2));
                    if (!m.matches() || (arrow < 0 && !line.startsWith(m.group(1)))) {
                        continue;
                    }
                    if (arrow < 0) {
                        trees.put(current, new LinkedHashMap<>());
                        tops.put(current, new ArrayList<>());
                        path.clear();
                        continue;
                    }
                    int depth = arrow / 2 + 1;
                    String text = m.group(3);
                    if (text.startsWith("0x")) {
                        text = text.substring(text.indexOf(": ") + 2);
                    }
                    while (path.size() >= depth) {
                        path.remove(path.size() - 1);
                    }
                    path.add(text);
                    if (num(m.group(2)) > 0) {
                        // A node of 0 bytes is no part of a flame graph.
                        trees.get(current).merge(String.join(" <- ", path), num(m.group(2)), Long::sum);
                    }
                    if (depth == 1) {
                        tops.get(current).add(text + " = " + num(m.group(2)));
                    }
                }
            }
            return new MsPrint(unit, rows, detailed, peak, trees, tops);
        }

        private static long num(String s) {
            return Long.parseLong(s.replace(",", ""));
        }
    }

    static Profile load(String name) throws Exception {
        ImportSource source = ImportSource.of(data(name));
        assertEquals("massif", Importers.detect(source).format());
        CollectingSink sink = new CollectingSink();
        new MassifImporter().read(source, sink, ProgressMonitor.NONE);
        assertEquals(1, sink.profiles().size());
        return sink.profiles().get(0);
    }

    /** A frame as ms_print prints it after the address: {@code name (file:line)}, {@code ??? (in lib.so)}. */
    private static String text(Frame f) {
        String name = f.kind() == FrameKind.UNKNOWN && !f.address().isEmpty() ? "???" : f.name();
        if (name.startsWith("[in ") && name.endsWith("]")) {
            return name.substring(1, name.length() - 1);
        }
        if (f.line() > 0) {
            return name + " (" + f.module() + ":" + f.line() + ")";
        }
        return f.module().isEmpty() ? name : name + " (in " + f.module() + ")";
    }

    /** Bytes per path (allocation site first, as ms_print) of one snapshot's rows of the timeline. */
    private static Map<String, Long> tree(Profile p, int snapshot) {
        Map<String, Long> out = new LinkedHashMap<>();
        Timeline t = p.timeline();
        StackTable stacks = p.stacks();
        for (int i = 0; t != null && i < t.size(); i++) {
            if (t.time(i) != snapshot) {
                continue;
            }
            List<String> path = new ArrayList<>();
            for (int node = t.stack(i); node != StackTable.ROOT; node = stacks.parent(node)) {
                path.add(text(p.frame(stacks.frame(node))));
            }
            if (path.get(0).equals(MassifReader.EXTRA_HEAP) || path.get(0).equals(MassifReader.STACKS)) {
                continue;
            }
            for (int k = 1; k <= path.size(); k++) {
                out.merge(String.join(" <- ", path.subList(0, k)), t.weight(i), Long::sum);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"massif.out.heapdemo", "massif.out.heapdemo-ms-stacks", "massif.out.heapdemo-B-stacks",
        "massif.out.heapdemo-pages",
        "massif.out.tiny", "massif.out.tiny-stacks-B", "massif.out.32406", "massif.out.huge", "massif.out.stack",
        "massif.out.ktorrent.gz", "massif.out.duchainify.gz"})
    void snapshotsAndTreesEqualMsPrint(String name) throws Exception {
        String expectedName = name.endsWith(".gz") ? name.substring(0, name.length() - 3) + ".ms_print.txt.gz"
                : Files.exists(data(name + ".ms_print.txt")) ? name + ".ms_print.txt" : name + ".ms_print.txt.gz";
        MsPrint expected = MsPrint.read(data(expectedName));
        Profile p = load(name);
        HeapSeries series = HeapSeries.of(p.info());
        assertNotNull(series);
        assertEquals(expected.timeUnit(), series.timeUnit());
        assertEquals(expected.rows().size(), series.snapshots().size());
        for (int i = 0; i < expected.rows().size(); i++) {
            Row row = expected.rows().get(i);
            HeapSeries.Snapshot s = series.snapshots().get(i);
            assertEquals(row, new Row(s.number(), s.time(), s.total(), s.heap(), s.extraHeap(), s.stacks()),
                    "snapshot " + i);
        }
        assertEquals(expected.detailed(), series.detailed().stream().map(HeapSeries.Snapshot::number).toList());
        assertEquals(expected.peak(), series.snapshots().stream().filter(s -> s.tree() == HeapSeries.Tree.PEAK)
                .mapToInt(HeapSeries.Snapshot::number).findFirst().orElse(-1));
        assertEquals(expected.trees().keySet().stream().toList(), expected.detailed());
        for (Map.Entry<Integer, Map<String, Long>> e : expected.trees().entrySet()) {
            Map<String, Long> actual = tree(p, e.getKey());
            Map<String, String> differences = new TreeMap<>();
            for (String key : e.getValue().keySet()) {
                if (!e.getValue().get(key).equals(actual.get(key))) {
                    differences.put(key, e.getValue().get(key) + " in ms_print, " + actual.get(key) + " here");
                }
            }
            for (String key : actual.keySet()) {
                if (!e.getValue().containsKey(key)) {
                    differences.put(key, "not in ms_print, " + actual.get(key) + " here");
                }
            }
            assertEquals(Map.of(), differences, "snapshot " + e.getKey() + " of " + name);
            assertEquals(e.getValue().size(), actual.size());
        }
        // The profile's own samples: the shown snapshot, whose total is ms_print's total(B).
        int shown = Integer.parseInt(p.info().attributes().get(HeapSeries.SHOWN_ATTRIBUTE));
        Row shownRow = expected.rows().get(shown);
        assertEquals(shownRow.total(), p.info().totalWeight());
        assertEquals(WeightUnit.BYTES, p.info().unit());
        if (expected.peak() >= 0) {
            assertEquals(expected.peak(), shown);
        }
    }

    @Test
    void topAllocationSitesAtThePeakAreMsPrints() throws Exception {
        MsPrint expected = MsPrint.read(data("massif.out.heapdemo.ms_print.txt"));
        assertEquals(38, expected.peak());
        assertEquals(List.of("make_buffer (heapdemo.c:32) = 819200", "push_node (heapdemo.c:11) = 224000",
                "grow_table (heapdemo.c:26) = 131072",
                "in 1 place, below massif's threshold (1.00%) = 6400"),
                expected.topSites().get(38));
        Profile p = load("massif.out.heapdemo");
        List<FunctionStats> stats = FunctionStats.of(CallTreeBuilder.topDown(p, FrameNamers.forProfile(p),
                WeightedStacks.of(p.samples())));
        Map<String, Long> self = new LinkedHashMap<>();
        for (FunctionStats f : FunctionStats.topBySelf(stats, 6)) {
            if (f.self() > 0) {
                self.put(f.name(), f.self());
            }
        }
        // ms_print: 1,251,088 B in total = 1,180,672 heap + 70,416 extra heap.
        assertEquals(Map.of("make_buffer", 819_200L, "push_node", 224_000L, "grow_table", 131_072L,
                MassifReader.EXTRA_HEAP, 70_416L,
                "[in 1 place, below massif's threshold (1.00%)]", 6_400L), self);
        assertEquals(1_251_088L, p.info().totalWeight());
        assertEquals("massif.out.heapdemo · heap", p.info().name());
        assertEquals("38", p.info().attributes().get(HeapSeries.SHOWN_ATTRIBUTE));
        assertEquals("./heapdemo 2", p.info().command());
    }

    @Test
    void stacksAreTheirOwnFrame() throws Exception {
        Profile p = load("massif.out.heapdemo-ms-stacks");
        HeapSeries series = HeapSeries.of(p.info());
        HeapSeries.Snapshot peak = series.peak();
        assertEquals("ms", series.timeUnit());
        assertTrue(peak.stacks() > 0);
        long stacks = 0;
        for (int row = 0; row < p.samples().size(); row++) {
            int node = p.samples().stack(row);
            if (p.frame(p.stacks().frame(node)).name().equals(MassifReader.STACKS)) {
                stacks += p.samples().weight(row);
            }
        }
        assertEquals(peak.stacks(), stacks);
    }

    @Test
    void aFileWithoutTreesShowsItsLargestSnapshotsTotals() throws Exception {
        Profile p = load("massif.out.huge");
        assertEquals(5_021_305_210L + 5_021_305_211L + 5_021_305_212L, p.info().totalWeight());
        assertTrue(p.info().attributes().get("note").contains("no detailed snapshot"));
        assertFalse(p.timeline() != null && p.timeline().size() > 0);
    }

    @Test
    void gzipIsReadTransparently() throws Exception {
        Profile p = load("massif.out.ktorrent.gz");
        assertEquals("ktorrent --nofork", p.info().command());
    }
}
