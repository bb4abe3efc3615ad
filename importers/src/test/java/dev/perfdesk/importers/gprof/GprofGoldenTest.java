package dev.perfdesk.importers.gprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfdesk.core.calltree.CallCounts;
import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.calltree.CallTreeBuilder;
import dev.perfdesk.core.calltree.FunctionStats;
import dev.perfdesk.core.calltree.NamedStacks;
import dev.perfdesk.core.calltree.WeightedStacks;
import dev.perfdesk.core.flame.Butterfly;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.Importers;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * gprof's text output of {@code testdata/gprof} (recorded by record.sh there, and the workplace's {@code gp.c}
 * recording) against gprof's own tables: each function's self seconds, calls and per-call figures from its flat
 * profile, and each function's self + children from its call graph.
 */
class GprofGoldenTest {
    private static final Pattern FLAT = Pattern.compile(
            "\\s*(\\d+\\.\\d+)\\s+(\\d+\\.\\d+)\\s+(\\d+\\.\\d+)"
                    + "(?:\\s+(\\d+)\\s+(\\d+\\.\\d+)\\s+(\\d+\\.\\d+))?\\s+(.+)");
    private static final Pattern PRIMARY = Pattern.compile(
            "\\[(\\d+)\\]\\s+(\\d+\\.\\d+)\\s+(\\d+\\.\\d+)\\s+(\\d+\\.\\d+)\\s+"
                    + "(?:[\\d+]+\\s+)?(.+?)(?: <cycle \\d+>)? \\[\\d+\\]");

    static Path data(String name) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "gprof", name);
    }

    /** A flat profile row: self seconds, calls (-1 when blank), per-call columns as printed. */
    record Flat(double self, long calls, String selfPerCall, String totalPerCall) {
    }

    static Map<String, Flat> flat(Path file) throws Exception {
        Map<String, Flat> out = new LinkedHashMap<>();
        boolean in = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.contains("seconds    calls")) {
                in = true;
                continue;
            }
            if (in && line.isBlank()) {
                break;
            }
            Matcher m = FLAT.matcher(line);
            if (in && m.matches()) {
                String name = m.group(7).strip();
                int paren = name.indexOf(" (");
                out.put(paren > 0 ? name.substring(0, paren) : name, new Flat(Double.parseDouble(m.group(3)),
                        m.group(4) == null ? -1 : Long.parseLong(m.group(4)), m.group(5), m.group(6)));
            }
        }
        return out;
    }

    /** Each call graph entry's self + children, by name (cycles as {@code <cycle N as a whole>}). */
    static Map<String, Double> callGraphTotals(Path file) throws Exception {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : lines(file)) {
            Matcher m = PRIMARY.matcher(line);
            if (m.matches()) {
                out.put(m.group(5), Double.parseDouble(m.group(3)) + Double.parseDouble(m.group(4)));
            }
        }
        return out;
    }

    static List<String> lines(Path file) throws Exception {
        if (!file.toString().endsWith(".gz")) {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    static Profile load(String name) throws Exception {
        ImportSource source = ImportSource.of(data(name));
        assertEquals("gprof", Importers.detect(source).format());
        CollectingSink sink = new CollectingSink();
        new GprofImporter().read(source, sink, ProgressMonitor.NONE);
        assertEquals(1, sink.profiles().size());
        return sink.profiles().get(0);
    }

    static Map<String, FunctionStats> stats(Profile p) {
        CallTree tree = CallTreeBuilder.topDown(p, FrameNamers.forProfile(p), WeightedStacks.of(p.samples()));
        Map<String, FunctionStats> out = new TreeMap<>();
        for (FunctionStats f : FunctionStats.of(tree)) {
            out.put(f.name(), f);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gprof.gprofdemo.txt", "gprof.gprofdemo.brief.txt", "gprof.gprofdemo.flat.txt",
        "gprof.gprofdemo.callgraph.txt", "gprof.gprofdemo.lines-flat.txt", "gprof.gprofdemo.lines.txt",
        "gprof.gp.txt", "gprof.gp.brief.txt", "gprof.gp.flat.txt", "gprof.gp.callgraph.txt",
        "gprof.gp.lines-flat.txt", "gprof.gprofcpp.brief.txt.gz"})
    void selfSecondsAndCallsAreTheFlatProfiles(String name) throws Exception {
        String base = name.substring(0, name.indexOf('.', "gprof.".length()) + 1);
        Map<String, Flat> expected = flat(data(base + "flat.txt"));
        Profile p = load(name);
        assertEquals(WeightUnit.NANOSECONDS, p.info().unit());
        Map<String, FunctionStats> stats = stats(p);
        long total = 0;
        for (Map.Entry<String, Flat> e : expected.entrySet()) {
            long self = Math.round(e.getValue().self() * 1e9);
            total += self;
            FunctionStats f = stats.get(e.getKey());
            assertEquals(self, f == null ? 0 : f.self(), e.getKey() + " in " + name);
        }
        assertEquals(total, p.info().totalWeight());
        CallCounts calls = CallCounts.of(p.info());
        assertNotNull(calls);
        for (Map.Entry<String, Flat> e : expected.entrySet()) {
            assertEquals(e.getValue().calls(), calls.callsOf(e.getKey()), "calls of " + e.getKey() + " in " + name);
        }
        assertTrue(p.info().attributes().get("note").contains("rebuilt from those arcs"));
    }

    @Test
    void perCallFiguresAreTheFlatProfilesInItsUnit() throws Exception {
        Map<String, Flat> expected = flat(data("gprof.gprofdemo.flat.txt"));
        assertTrue(Files.readString(data("gprof.gprofdemo.flat.txt")).contains("ms/call  ms/call"));
        Profile p = load("gprof.gprofdemo.txt");
        CallCounts calls = CallCounts.of(p.info());
        Map<String, FunctionStats> stats = stats(p);
        for (Map.Entry<String, Flat> e : expected.entrySet()) {
            FunctionStats f = stats.get(e.getKey());
            long self = f == null ? 0 : f.self();
            long total = f == null ? 0 : f.total();
            // gprof's own figure in ms/call; where it prints 0.00 for a function with time, self / calls instead.
            long selfPer = Math.round(Double.parseDouble(e.getValue().selfPerCall()) * 1e6);
            long totalPer = Math.round(Double.parseDouble(e.getValue().totalPerCall()) * 1e6);
            long n = e.getValue().calls();
            assertEquals(selfPer == 0 && self > 0 ? self / n : selfPer, calls.selfPerCall(self, e.getKey()),
                    e.getKey());
            assertEquals(totalPer == 0 && total > 0 ? total / n : totalPer, calls.totalPerCall(total, e.getKey()),
                    e.getKey());
        }
        // is_even: 0.08 s over 40,496,253 calls, where gprof prints 0.00 ms/call.
        assertEquals(1L, calls.selfPerCall(80_000_000L, "is_even"));
        // s/call in the other recording: harmonic 1.16 s per call.
        Profile gp = load("gprof.gp.txt");
        assertEquals(1_160_000_000L, CallCounts.of(gp.info()).selfPerCall(0, "harmonic"));
    }

    @Test
    void aRunWithoutTimeKeepsItsCallsAndSaysSo() throws Exception {
        assertTrue(Files.readString(data("gprof.gprofshort.brief.txt")).contains("Ts/call  Ts/call"));
        Profile p = load("gprof.gprofshort.brief.txt");
        assertEquals(0, p.info().totalWeight());
        assertEquals(1000, CallCounts.of(p.info()).callsOf("twice"));
        assertTrue(p.info().attributes().get("warning").contains("no time"), p.info().attributes().toString());
    }

    /**
     * Each function's total in the rebuilt tree is gprof's self + children. gprof propagates the unrounded times and
     * prints them rounded to 0.01 s, the tree sums the rounded self times: they agree to 0.01 s per function below.
     */
    @ParameterizedTest
    @ValueSource(strings = {"gprof.gprofdemo.txt", "gprof.gp.txt", "gprof.gprofcpp.brief.txt.gz"})
    void totalsAreTheCallGraphsSelfPlusChildren(String name) throws Exception {
        Map<String, Double> expected = callGraphTotals(data(name));
        Map<String, FunctionStats> stats = stats(load(name));
        int functions = stats.size();
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            FunctionStats f = stats.get(e.getKey());
            double total = f == null ? 0 : f.total() / 1e9;
            assertEquals(e.getValue(), total, 0.005 + 0.01 * functions, e.getKey() + " in " + name);
        }
        assertTrue(name.contains("cpp") || expected.containsKey("<cycle 1 as a whole>"));
        assertTrue(expected.size() > 5, expected.toString());
    }

    @Test
    void theTreeFollowsGprofsPropagation() throws Exception {
        Profile p = load("gprof.gprofdemo.txt");
        Map<String, Long> stacks = new TreeMap<>();
        for (int row = 0; row < p.samples().size(); row++) {
            StringBuilder sb = new StringBuilder();
            for (int frame : p.stacks().frames(p.samples().stack(row))) {
                sb.append(sb.length() == 0 ? "" : ";").append(p.frame(frame).name());
            }
            stacks.merge(sb.toString(), p.samples().weight(row), Long::sum);
        }
        // shared: 0.40 s, called 600 times from reader and 300 from writer: 2/3 and 1/3 of it.
        assertEquals(266_666_667L, stacks.get("main;reader;shared"));
        assertEquals(133_333_333L, stacks.get("main;writer;shared"));
        // The cycle is entered 20,000 times from parity and 300 from writer (at is_odd).
        long cycleSelf = 150_000_000L;
        long fromParity = stacks.get("main;parity;<cycle 1 as a whole>;is_even")
                + stacks.get("main;parity;<cycle 1 as a whole>;is_odd");
        assertEquals(Math.round(cycleSelf * 20_000.0 / 20_300), fromParity, 1);
        // Recursion is not followed: fib's time stays at main;fib.
        assertEquals(50_000_000L, stacks.get("main;fib"));
        assertEquals(280_000_000L, stacks.get("main;harmonic"));
        // The butterfly of shared: its callers with their shares.
        Butterfly b = Butterfly.of(NamedStacks.of(p, FrameNamers.forProfile(p), WeightedStacks.of(p.samples()),
                ProgressMonitor.NONE), "shared");
        assertEquals(List.of("reader", "writer"), b.callers().stream().map(Butterfly.Edge::name).toList());
        assertEquals(List.of(266_666_667L, 133_333_333L), b.callers().stream().map(Butterfly.Edge::weight).toList());
    }
}
