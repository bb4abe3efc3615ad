package dev.perfdesk.importers.speedscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfdesk.core.calltree.CallTreeBuilder;
import dev.perfdesk.core.calltree.FunctionStats;
import dev.perfdesk.core.calltree.WeightedStacks;
import dev.perfdesk.core.folded.FoldedStackWriter;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.cpuprofile.CpuProfileImporter;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;
import dev.perfdesk.importers.Importers;

/**
 * {@code testdata/browser}: a Node.js {@code --cpu-prof} recording against cpuprofile-expected.py (DevTools' rule:
 * a sample lasts until the next), and a speedscope file written from a folded file by make-speedscope.py.
 */
class BrowserProfilesGoldenTest {
    @TempDir
    Path dir;

    static Path data(String name) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "browser", name);
    }

    private static List<Profile> read(Importer importer, Path file) throws Exception {
        CollectingSink sink = new CollectingSink();
        importer.read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        return sink.profiles();
    }

    private static List<String> topSelf(Profile p, int n) {
        List<String> out = new ArrayList<>();
        var tree = CallTreeBuilder.topDown(p, FrameNamers.forProfile(p), WeightedStacks.of(p.samples()));
        for (FunctionStats f : FunctionStats.topBySelf(FunctionStats.of(tree), n)) {
            out.add(f.self() + " " + f.name());
        }
        return out;
    }

    private static String fold(Profile p) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FoldedStackWriter.write(p, FrameNamers.forProfile(p), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void nodeCpuProfileTotalsAndTopFramesEqualTheReference() throws Exception {
        List<String> expected = Files.readAllLines(data("busy.cpuprofile.expected.txt"));
        Path file = data("busy.cpuprofile");
        assertEquals(CpuProfileImporter.FORMAT, Importers.detect(ImportSource.of(file)).format());
        List<Profile> profiles = read(new CpuProfileImporter(), file);
        assertEquals(1, profiles.size());
        Profile p = profiles.get(0);
        assertEquals(WeightUnit.NANOSECONDS, p.info().unit());
        assertEquals("samples " + p.info().sampleCount(), expected.get(0));
        assertEquals("total_us " + p.info().totalWeight() / 1000, expected.get(1));
        assertEquals(0, p.info().totalWeight() % 1000);
        List<String> want = new ArrayList<>();
        for (String line : expected.subList(2, 7)) {
            String[] parts = line.split(" ", 3);
            want.add(Long.parseLong(parts[1]) * 1000 + " " + parts[2]);
        }
        assertEquals(want, topSelf(p, 5));
        assertTrue(fold(p).contains("(anonymous);main;sumSquares "), "JS frames under the module's code");
        assertTrue(p.frames().stream().noneMatch(f -> f.name().equals("(root)")));
        assertTrue(FrameNamers.hasLineNumbers(p));
    }

    @Test
    void speedscopeSampledAndEventedProfilesEqualTheFoldedFileTheyWereWrittenFrom() throws Exception {
        Path file = data("perf-java-faults-01.speedscope.json");
        assertEquals(SpeedscopeImporter.FORMAT, Importers.detect(ImportSource.of(file)).format());
        List<Profile> profiles = read(new SpeedscopeImporter(), file);
        assertEquals(2, profiles.size());
        Path folded = Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "perf-script", "expected",
                "perf-java-faults-01.folded");
        String want = Files.readString(folded, StandardCharsets.UTF_8);
        List<String> expected = Files.readAllLines(data("perf-java-faults-01.speedscope.expected.txt"));

        Profile sampled = profiles.get(0);
        assertEquals("perf-java-faults-01 · samples", sampled.info().name());
        assertEquals(WeightUnit.SAMPLES, sampled.info().unit());
        assertEquals("total " + sampled.info().totalWeight(), expected.get(0));
        assertEquals(want, fold(sampled));
        List<String> top = new ArrayList<>();
        for (String line : expected.subList(1, 6)) {
            top.add(line.substring("self ".length()));
        }
        assertEquals(top, topSelf(sampled, 5));

        Profile evented = profiles.get(1);
        assertEquals(WeightUnit.NANOSECONDS, evented.info().unit());
        assertEquals(sampled.info().totalWeight() * 1_000_000L, evented.info().totalWeight());
        assertEquals(sampled.info().totalWeight() * 1_000_000L, evented.info().durationNanos());
        StringBuilder scaled = new StringBuilder();
        for (String line : want.split("\n")) {
            int sp = line.lastIndexOf(' ');
            scaled.append(line, 0, sp + 1).append(Long.parseLong(line.substring(sp + 1)) * 1_000_000L).append('\n');
        }
        assertEquals(scaled.toString(), fold(evented), "evented stacks weigh the time they were open");
    }

    @Test
    void eventedTimeGoesToTheFrameOnTopIncludingGapsBetweenChildren() throws Exception {
        String json = "{\"$schema\":\"https://www.speedscope.app/file-format-schema.json\",\"profiles\":[{\"type\":"
                + "\"evented\",\"name\":\"e\",\"unit\":\"microseconds\",\"startValue\":0,\"endValue\":10,\"events\":["
                + "{\"type\":\"O\",\"frame\":0,\"at\":0},{\"type\":\"O\",\"frame\":1,\"at\":2},"
                + "{\"type\":\"C\",\"frame\":1,\"at\":5},{\"type\":\"O\",\"frame\":1,\"at\":6.5},"
                + "{\"type\":\"C\",\"frame\":1,\"at\":7},{\"type\":\"C\",\"frame\":0,\"at\":10}]}],"
                + "\"shared\":{\"frames\":[{\"name\":\"main\",\"file\":\"a.js\",\"line\":3},{\"name\":\"work\"}]}}";
        Path file = dir.resolve("e.json");
        Files.writeString(file, json);
        Profile p = read(new SpeedscopeImporter(), file).get(0);
        assertEquals("main 6500\nmain;work 3500\n", fold(p));
    }

    @ParameterizedTest
    @ValueSource(strings = {"busy.cpuprofile", "perf-java-faults-01.speedscope.json"})
    void refusesDamagedFilesWithOneLineAndNothingImported(String name) throws Exception {
        Importer importer = name.endsWith(".cpuprofile") ? new CpuProfileImporter() : new SpeedscopeImporter();
        byte[] bytes = Files.readAllBytes(data(name));
        List<byte[]> bad = new ArrayList<>();
        for (int cut : new int[] {1, 100, bytes.length / 2, bytes.length - 3}) {
            bad.add(Arrays.copyOf(bytes, cut));
        }
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 3] = (byte) 0xFF;
        bad.add(flipped);
        byte[] garbage = new byte[50_000];
        new Random(3).nextBytes(garbage);
        bad.add(garbage);
        bad.add(new byte[0]);
        bad.add("main;work 3\n".getBytes(StandardCharsets.UTF_8));
        bad.add("{\"benchmarks\": []}".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < bad.size(); i++) {
            Path file = dir.resolve("bad" + i + ".json");
            Files.write(file, bad.get(i));
            CollectingSink sink = new CollectingSink();
            ImportException e = assertThrows(ImportException.class,
                    () -> importer.read(ImportSource.of(file), sink, ProgressMonitor.NONE), "case " + i);
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(sink.profiles().isEmpty());
        }
    }

    @Test
    void refusesAHundredMegabyteLineOfOneJsonString() throws Exception {
        Path file = dir.resolve("long.json");
        try (var out = Files.newOutputStream(file)) {
            out.write("{\"nodes\":[{\"id\":1,\"callFrame\":{\"functionName\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }
        ImportException e = assertThrows(ImportException.class,
                () -> read(new CpuProfileImporter(), file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }
}
