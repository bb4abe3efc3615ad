package dev.perfdesk.importers.heaptrack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.SampleTable;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.Importers;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * Every heaptrack trace in {@code testdata/heaptrack} (recorded here by {@code record.sh}, and two of heaptrack's own
 * test files) against {@code heaptrack_print} 1.4.0 run on it: the totals of its summary, the top locations of each
 * of its lists, and every stack of its flame-graph output ({@code -F}, per cost type) with its cost.
 */
class HeaptrackGoldenTest {
    static Path dir() {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata")).resolve("heaptrack");
    }

    static List<Profile> importAll(Path file) throws Exception {
        ImportSource source = ImportSource.of(file);
        assertEquals(HeaptrackImporter.FORMAT, Importers.detect(source).format(), "detected by content: " + file);
        CollectingSink sink = new CollectingSink();
        new HeaptrackImporter().read(source, sink, ProgressMonitor.NONE);
        return sink.profiles();
    }

    /** heaptrack_print's {@code formatBytes}: powers of 1000, two decimals, the unit's first letter. */
    static String formatBytes(long bytes) {
        double v = bytes;
        String[] units = {"B", "K", "M", "G", "T"};
        int i = 0;
        while (i < units.length - 1 && Math.abs(v) > 1000.) {
            v /= 1000.;
            i++;
        }
        return i == 0 ? bytes + "B" : String.format(Locale.ROOT, "%.2f%s", v, units[i]);
    }

    private static String summary(String print, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(label) + ": (\\S+)").matcher(print);
        return m.find() ? m.group(1) : null;
    }

    private static final String[] COSTS = {"allocations", "temporary", "peak", "leaked"};

    @ParameterizedTest
    @ValueSource(strings = {"heaptrack.heapdemo.zst", "heaptrack.heapdemo.gz", "upstream.heaptrack.david.18594.gz",
        "upstream.heaptrack.embedded_lsan_suppressions.84207.zst"})
    void totalsEqualHeaptrackPrint(String name) throws Exception {
        List<Profile> profiles = importAll(dir().resolve(name));
        assertEquals(4, profiles.size());
        String print = Files.readString(dir().resolve(name + ".print.txt"));
        Map<String, String> attrs = profiles.get(0).info().attributes();
        long calls = Long.parseLong(attrs.get("calls to allocation functions"));
        assertEquals(summary(print, "calls to allocation functions"), Long.toString(calls));
        assertEquals(summary(print, "temporary memory allocations"), attrs.get("temporary allocations"));
        assertEquals(summary(print, "peak heap memory consumption"),
                formatBytes(Long.parseLong(attrs.get("peak heap bytes"))));
        assertEquals(summary(print, "total memory leaked"), formatBytes(Long.parseLong(attrs.get("leaked bytes"))));
        String suppressed = summary(print, "suppressed leaks");
        String ours = attrs.get("suppressed leaks (bytes)");
        assertEquals(suppressed, ours == null ? null : formatBytes(Long.parseLong(ours)));

        // the profiles' totals are those figures
        assertEquals(calls, profiles.get(0).samples().totalWeight());
        assertEquals(Long.parseLong(attrs.get("temporary allocations")), profiles.get(1).samples().totalWeight());
        assertEquals(Long.parseLong(attrs.get("leaked bytes")), profiles.get(3).samples().totalWeight());
        assertEquals("allocations", profiles.get(0).info().event());
        assertEquals("bytes", profiles.get(2).info().unit().symbol());
    }

    @ParameterizedTest
    @ValueSource(strings = {"heaptrack.heapdemo.zst", "upstream.heaptrack.david.18594.gz",
        "upstream.heaptrack.embedded_lsan_suppressions.84207.zst"})
    void everyStackAndCostEqualsHeaptrackPrintsFlameGraphOutput(String name) throws Exception {
        List<Profile> profiles = importAll(dir().resolve(name));
        for (int p = 0; p < COSTS.length; p++) {
            Map<String, Long> expected = new HashMap<>();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir().resolve(name + "." + COSTS[p]
                    + ".folded.gz")))) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    int space = line.lastIndexOf(' ');
                    long cost = Long.parseLong(line.substring(space + 1));
                    if (cost != 0) {
                        expected.merge(line.substring(0, space), cost, Long::sum);
                    }
                }
            }
            Map<String, Long> actual = heaptrackFolded(profiles.get(p));
            assertEquals(expected.size(), actual.size(), COSTS[p] + " stacks of " + name);
            assertEquals(expected, actual, COSTS[p] + " of " + name);
            if (p == 2) {
                long peak = Long.parseLong(profiles.get(p).info().attributes().get("peak heap bytes"));
                assertEquals(peak, profiles.get(p).samples().totalWeight(), "the peak's stacks add up to the peak");
            }
        }
    }

    private static final Set<String> STOP = Set.of("main", "__libc_start_main",
            "__static_initialization_and_destruction_0");

    /**
     * Our stacks written as heaptrack_print's {@code printFlamegraph} writes them: per instruction pointer (a NATIVE
     * frame and the INLINED ones after it, root first) its own frame first, then its inlined callers; each
     * {@code name (file's base name)}; from the leaf up to the first ip in main or another stop function.
     */
    static Map<String, Long> heaptrackFolded(Profile profile) {
        Map<String, Long> out = new HashMap<>();
        SampleTable samples = profile.samples();
        StackTable stacks = profile.stacks();
        for (int row = 0; row < samples.size(); row++) {
            List<Frame> rootFirst = new ArrayList<>();
            for (int node = samples.stack(row); node != StackTable.ROOT; node = stacks.parent(node)) {
                rootFirst.add(0, profile.frame(stacks.frame(node)));
            }
            List<List<Frame>> ips = new ArrayList<>();
            for (Frame f : rootFirst) {
                if (f.kind() != FrameKind.INLINED || ips.isEmpty()) {
                    ips.add(new ArrayList<>());
                }
                ips.get(ips.size() - 1).add(f);
            }
            int from = 0;
            for (int i = ips.size() - 1; i >= 0; i--) {
                List<Frame> ip = ips.get(i);
                if (STOP.contains(ip.get(ip.size() - 1).name())) {
                    from = i;
                    break;
                }
            }
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < ips.size(); i++) {
                List<Frame> ip = ips.get(i);
                for (int j = ip.size() - 1; j >= 0; j--) {
                    Frame f = ip.get(j);
                    sb.append(f.name());
                    if (f.line() >= 0) {
                        sb.append(" (").append(f.module().substring(f.module().lastIndexOf('/') + 1)).append(')');
                    }
                    sb.append(';');
                }
            }
            out.merge(sb.toString(), samples.weight(row), Long::sum);
        }
        return out;
    }

    private static final Pattern CALLS = Pattern.compile("^(\\d+) calls to allocation functions with (\\S+) peak "
            + "consumption from$");
    private static final Pattern PEAK = Pattern.compile("^(\\S+) peak memory consumed over (\\d+) calls from$");
    private static final Pattern TEMPORARY = Pattern.compile("^(\\d+) temporary allocations of (\\d+) allocations "
            + "in total \\(.*\\) from$");
    private static final Pattern LEAK = Pattern.compile("^(\\S+) leaked over (\\d+) calls from$");

    @ParameterizedTest
    @ValueSource(strings = {"heaptrack.heapdemo.zst", "upstream.heaptrack.david.18594.gz",
        "upstream.heaptrack.embedded_lsan_suppressions.84207.zst"})
    void topLocationsOfEachListAreHeaptrackPrints(String name) throws Exception {
        List<Profile> profiles = importAll(dir().resolve(name));
        String[] print = Files.readString(dir().resolve(name + ".print.txt")).split("\n");
        Pattern[] lists = {CALLS, TEMPORARY, PEAK, LEAK};
        int[] group = {1, 1, 1, 1};
        boolean[] bytes = {false, false, true, true};
        for (int p = 0; p < lists.length; p++) {
            Map<String, Long> ours = byLeafLocation(profiles.get(p));
            int checked = 0;
            for (int i = 0; i + 2 < print.length && checked < 5; i++) {
                Matcher m = lists[p].matcher(print[i]);
                if (!m.matches()) {
                    continue;
                }
                String function = print[i + 1];
                String at = print[i + 2].strip();
                // heaptrack merges by module and frame, not address: unnamed ips of one module are one entry
                String key = function.startsWith("0x") && at.startsWith("in ") ? "?? " + at.substring(3)
                        : function + " " + (at.startsWith("at ") ? at.substring(3) : "");
                Long value = ours.get(key);
                assertNotNull(value, COSTS[p] + ": heaptrack_print's " + key + " is not a leaf of ours: "
                        + ours.keySet());
                String shown = bytes[p] ? formatBytes(value) : Long.toString(value);
                assertEquals(m.group(group[p]), shown, COSTS[p] + " of " + key);
                checked++;
            }
            assertTrue(checked > 0 || profiles.get(p).samples().totalWeight() == 0, "listed: " + COSTS[p]);
        }
    }

    /** Weights by the leaf instruction pointer's location, as heaptrack_print merges its lists. */
    private static Map<String, Long> byLeafLocation(Profile profile) {
        Map<String, Long> out = new HashMap<>();
        SampleTable samples = profile.samples();
        for (int row = 0; row < samples.size(); row++) {
            Frame leaf = profile.frame(profile.stacks().frame(samples.stack(row)));
            String key = leaf.name().startsWith("0x") && leaf.line() < 0 ? "?? " + leaf.module()
                    : leaf.name() + " " + (leaf.line() >= 0 ? leaf.module() + ":" + leaf.line() : "");
            out.merge(key, samples.weight(row), Long::sum);
        }
        return out;
    }

    @org.junit.jupiter.api.Test
    void theRecordedWorkloadShowsItsLeaksTemporariesAndPeak() throws Exception {
        List<Profile> profiles = importAll(dir().resolve("heaptrack.heapdemo.zst"));
        Map<String, Long> temporary = byLeafLocation(profiles.get(1));
        assertTrue(temporary.entrySet().stream().anyMatch(e -> e.getKey().startsWith("temporary_work ")
                && e.getValue() == 500), temporary.toString());
        Map<String, Long> peak = byLeafLocation(profiles.get(2));
        assertTrue(peak.entrySet().stream().anyMatch(e -> e.getKey().startsWith("build_peak ")
                && e.getValue() == 1_000_000), peak.toString());
        Map<String, Long> leaked = byLeafLocation(profiles.get(3));
        assertTrue(leaked.entrySet().stream().anyMatch(e -> e.getKey().startsWith("leak_config ")
                && e.getValue() == 10_000), leaked.toString());
        assertEquals("heaptrack.heapdemo · leaked", profiles.get(3).info().name());
        assertEquals("/tmp/heapdemo", profiles.get(0).info().command());
        assertFalse(profiles.get(0).frames().stream().anyMatch(f -> f.name().startsWith("operator new")));
    }

    static byte[] plain(String name) throws IOException {
        try (InputStream in = ImportSource.of(dir().resolve(name)).open()) {
            return in.readAllBytes();
        }
    }
}
