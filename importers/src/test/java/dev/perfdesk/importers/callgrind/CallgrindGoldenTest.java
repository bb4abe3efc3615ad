package dev.perfdesk.importers.callgrind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.calltree.CallTreeBuilder;
import dev.perfdesk.core.calltree.FunctionStats;
import dev.perfdesk.core.calltree.WeightedStacks;
import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.Importers;

/**
 * The recorded files of {@code testdata/callgrind} (see record.sh there) against {@code callgrind_annotate
 * --threshold=100}: the program totals and every function's self cost, for every event.
 */
class CallgrindGoldenTest {
    /** The folder record.sh records in; callgrind_annotate strips it from file names as the current directory. */
    private static final String WORK = "/tmp/perfdesk-callgrind-rec/";

    @TempDir
    Path dir;

    static Path data(String name) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "callgrind", name);
    }

    /** What callgrind_annotate printed: events, program totals, self cost per "file:function". */
    record Annotate(List<String> events, long[] totals, Map<String, long[]> functions) {
        static Annotate read(Path file) throws Exception {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> events = null;
            long[] totals = null;
            Map<String, long[]> functions = new HashMap<>();
            boolean inFunctions = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("Events shown:")) {
                    events = List.of(line.substring("Events shown:".length()).strip().split("\\s+"));
                } else if (line.endsWith("PROGRAM TOTALS")) {
                    totals = new long[events.size()];
                    parse(line, totals);
                } else if (line.endsWith("file:function")) {
                    inFunctions = true;
                    i++;
                } else if (inFunctions && !line.isBlank()) {
                    long[] costs = new long[events.size()];
                    String name = parse(line, costs);
                    if (name.endsWith("]") && name.contains(" [")) {
                        name = name.substring(0, name.lastIndexOf(" ["));
                    }
                    long[] old = functions.putIfAbsent(name, costs);
                    if (old != null) {
                        for (int e = 0; e < costs.length; e++) {
                            old[e] += costs[e];
                        }
                    }
                }
            }
            return new Annotate(events, totals, functions);
        }

        /** Reads the cost columns ({@code 1,234 (5.6%)}, {@code 0} or {@code .}) and returns the rest. */
        private static String parse(String line, long[] into) {
            int k = 0;
            for (int e = 0; e < into.length; e++) {
                while (line.charAt(k) == ' ') {
                    k++;
                }
                if (line.charAt(k) == '.') {
                    k++;
                    continue;
                }
                long v = 0;
                while (Character.isDigit(line.charAt(k)) || line.charAt(k) == ',') {
                    if (line.charAt(k) != ',') {
                        v = v * 10 + (line.charAt(k) - '0');
                    }
                    k++;
                }
                into[e] = v;
                int j = k;
                while (j < line.length() && line.charAt(j) == ' ') {
                    j++;
                }
                if (j < line.length() && line.charAt(j) == '(') {
                    k = line.indexOf(')', j) + 1;
                }
            }
            return line.substring(k).strip();
        }
    }

    static List<Profile> read(Path file) throws Exception {
        CollectingSink sink = new CollectingSink();
        new CallgrindImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        return sink.profiles();
    }

    /** Self cost per "file:function" as callgrind_annotate keys it, from the stacks' leaf frames. */
    static Map<String, Long> selfByFunction(Profile p) {
        Map<String, Long> out = new TreeMap<>();
        for (int row = 0; row < p.samples().size(); row++) {
            Frame leaf = p.frame(p.stacks().frame(p.samples().stack(row)));
            String module = leaf.module().startsWith(WORK) ? leaf.module().substring(WORK.length()) : leaf.module();
            out.merge(module + ":" + leaf.name(), p.samples().weight(row), Long::sum);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"callgrind.out.tiny", "callgrind.out.tiny-instr", "callgrind.out.tiny-cachesim"})
    void selfCostsOfEveryFunctionAndEventEqualCallgrindAnnotate(String name) throws Exception {
        Annotate expected = Annotate.read(data(name + ".annotate.txt"));
        List<Profile> profiles = read(data(name));
        assertEquals(expected.events().size(), profiles.size(), "one profile per event");
        for (int i = 0; i < profiles.size(); i++) {
            int e = i;
            Profile p = profiles.get(e);
            String event = expected.events().get(e);
            assertEquals(event, p.info().event());
            assertEquals(name + " · " + event, p.info().name());
            assertEquals(WeightUnit.EVENTS, p.info().unit());
            // annotate's PROGRAM TOTALS is the summary: line; the cost lines (and totals:) can be a little less
            assertEquals(expected.totals()[e], Long.parseLong(p.info().attributes().get("summary")), event);
            long sumOfFunctions = expected.functions().values().stream().mapToLong(c -> c[e]).sum();
            assertEquals(sumOfFunctions, p.info().totalWeight(), event + " total");
            Map<String, Long> want = new TreeMap<>();
            for (Map.Entry<String, long[]> f : expected.functions().entrySet()) {
                if (f.getValue()[e] != 0) {
                    want.put(f.getKey(), f.getValue()[e]);
                }
            }
            assertEquals(want, selfByFunction(p), event + " self per function");
            assertTrue(p.info().attributes().get("note").contains("estimates"));
        }
    }

    @Test
    void tableAndCallTreeShowMainAsTheTopSelfFunctionAndEverythingUnderTheProgramEntry() throws Exception {
        Profile ir = read(data("callgrind.out.tiny")).get(0);
        CallTree tree = CallTreeBuilder.topDown(ir, FrameNamers.forProfile(ir), WeightedStacks.of(ir.samples()));
        List<FunctionStats> stats = FunctionStats.of(tree);
        FunctionStats top = FunctionStats.topBySelf(stats, 1).get(0);
        assertEquals("main", top.name());
        assertEquals(1_800_968, top.self());
        // fib'2 is reached only through fib, which main calls: its whole self cost is under main;fib.
        FunctionStats main = stats.stream().filter(s -> s.name().equals("main")).findFirst().orElseThrow();
        assertTrue(main.total() > main.self() + 513_583, main.toString());
        assertEquals(2_704_269, tree.total(CallTree.ROOT));
        assertTrue(FrameNamers.hasLineNumbers(ir), "file and line under Lines");
    }

    @Test
    void twoPartsInOneFileAreTwoThreadsOfOneProfileWithBothTotals() throws Exception {
        List<Profile> profiles = read(data("callgrind.out.tiny-parts"));
        assertEquals(1, profiles.size());
        Profile p = profiles.get(0);
        assertEquals(2_681_534L + 22_735L, p.info().totalWeight());
        assertEquals(2, p.threads().size());
        assertEquals("part 1 of ./tiny", p.threads().get(0).name());
        assertEquals("part 2 of ./tiny", p.threads().get(1).name());
        long[] perThread = new long[2];
        for (int row = 0; row < p.samples().size(); row++) {
            perThread[p.samples().thread(row)] += p.samples().weight(row);
        }
        assertEquals(2_681_534L, perThread[0]);
        assertEquals(22_735L, perThread[1]);
        assertEquals("2", p.info().attributes().get("parts"));
    }

    @Test
    void readsGzipAndDetectsByContent() throws Exception {
        Path gz = dir.resolve("profile.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(data("callgrind.out.tiny")));
        }
        assertEquals(CallgrindImporter.FORMAT, Importers.detect(ImportSource.of(gz)).format());
        assertEquals(2_704_269, read(gz).get(0).info().totalWeight());
        for (String name : List.of("callgrind.out.tiny-instr", "callgrind.out.tiny-cachesim",
                "callgrind.out.tiny-parts")) {
            assertEquals(CallgrindImporter.FORMAT, Importers.detect(ImportSource.of(data(name))).format());
        }
    }

    @Test
    void understandsTheSpecificationsCompressionAndCallExample() throws Exception {
        // The format specification's example of name and subposition compression, with a call and an fi= section.
        String text = String.join("\n", "# callgrind format", "events: Instr", "positions: line",
                "fl=(1) file1.c", "fn=(1) main", "16 20", "cfn=(2) func1", "calls=1 50", "+1 400", "-1 5",
                "fi=(2) inline.h", "100 7", "fe=(1)", "fn=(2)", "50 100", "cfi=(3) file2.c", "cfn=(3) func2", "calls=2 20",
                "+1 300", "fl=(3)", "fn=(3)", "20 150", "+1 0", "totals: 282", "");
        Path file = dir.resolve("example.out");
        Files.writeString(file, text);
        assertEquals(CallgrindImporter.FORMAT, Importers.detect(ImportSource.of(file)).format());
        Profile p = read(file).get(0);
        assertEquals(282, p.info().totalWeight());
        Map<String, Long> self = selfByFunction(p);
        assertEquals(Map.of("file1.c:main", 25L, "inline.h:main", 7L, "file1.c:func1", 100L, "file2.c:func2", 150L),
                self);
        // func2 (150) is called only from func1, which is called only from main: one path each.
        List<String> stacks = new ArrayList<>();
        for (int row = 0; row < p.samples().size(); row++) {
            StringBuilder sb = new StringBuilder();
            for (int f : p.stacks().frames(p.samples().stack(row))) {
                Frame frame = p.frame(f);
                sb.append(sb.length() == 0 ? "" : ";").append(frame.name()).append(':').append(frame.line());
            }
            stacks.add(sb + " " + p.samples().weight(row));
        }
        assertTrue(stacks.contains("main:17;func1:51;func2:20 150"), stacks.toString());
        assertTrue(stacks.contains("main:17;func1:50 100"), stacks.toString());
        assertTrue(stacks.contains("main:16 25"), stacks.toString());
        assertTrue(stacks.contains("main:100 7"), stacks.toString());
    }
}
