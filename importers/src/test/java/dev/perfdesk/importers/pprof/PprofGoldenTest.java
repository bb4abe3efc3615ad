package dev.perfdesk.importers.pprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.Importers;

/**
 * Every recorded pprof file in {@code testdata/pprof}, every sample type: totals, flat and cum of the top functions
 * and the number of functions equal what {@code go tool pprof -top -nodefraction=0} printed
 * ({@code testdata/pprof/record-expected.sh}).
 */
class PprofGoldenTest {
    static Path dir() {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata")).resolve("pprof");
    }

    static List<Profile> importAll(Path file) throws IOException, ImportException {
        ImportSource source = ImportSource.of(file);
        assertEquals(PprofImporter.FORMAT, Importers.detect(source).format(), "detected by content: " + file);
        CollectingSink sink = new CollectingSink();
        new PprofImporter().read(source, sink, ProgressMonitor.NONE);
        return sink.profiles();
    }

    static Stream<Path> expectedFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir().resolve("expected"))) {
            return s.filter(p -> p.toString().endsWith(".top")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedFiles")
    void functionTableEqualsGoToolPprofTop(Path expected) throws Exception {
        PprofTop top = PprofTop.parse(expected);
        String name = expected.getFileName().toString();
        String input = name.substring(0, name.lastIndexOf("." + top.type() + (top.byCum() ? ".cum.top" : ".top")));
        Profile profile = importAll(dir().resolve(input)).stream()
                .filter(p -> p.info().event().equals(top.type())).findFirst().orElseThrow();
        top.assertSameAs(profile, name);
    }

    @Test
    void goHeapProfileGivesOneProfilePerSampleTypeInItsUnit() throws Exception {
        List<Profile> profiles = importAll(dir().resolve("go.mem.pprof"));
        assertEquals(List.of("alloc_objects", "alloc_space", "inuse_objects", "inuse_space"),
                profiles.stream().map(p -> p.info().event()).toList());
        assertEquals(List.of(WeightUnit.EVENTS, WeightUnit.BYTES, WeightUnit.EVENTS, WeightUnit.BYTES),
                profiles.stream().map(p -> p.info().unit()).toList());
        Profile space = profiles.get(1);
        assertEquals("go.mem.pprof · alloc_space", space.info().name());
        assertEquals("524288 space/bytes", space.info().attributes().get("period"));
        assertEquals("alloc_space", space.info().attributes().get("default sample type"));
        assertTrue(space.info().attributes().get("label bytes").startsWith("11 samples, 24 to 1048576"),
                space.info().attributes().toString());
        // The sample count of alloc_space is its alloc_objects value, of inuse_space its inuse_objects.
        assertEquals(profiles.get(0).info().totalWeight(), space.info().sampleCount());
        assertEquals(profiles.get(2).info().totalWeight(), profiles.get(3).info().sampleCount());
        assertEquals(java.time.Instant.parse("2026-12-02T06:36:34.432302066Z"), space.info().startTime());
    }

    @Test
    void inlinedLinesBecomeInlinedFramesAboveTheirCaller() throws Exception {
        // go tool pprof -raw: location 23 is sort.Ints (sort.go:157) inlined into BenchmarkSortInts.func1 (:33).
        Profile space = importAll(dir().resolve("go.mem.pprof")).get(1);
        boolean found = false;
        for (int row = 0; row < space.samples().size(); row++) {
            int[] frames = space.stacks().frames(space.samples().stack(row));
            int leaf = frames[frames.length - 1];
            if (space.frame(leaf).name().equals("sort.Ints")) {
                assertEquals(FrameKind.INLINED, space.frame(leaf).kind());
                assertEquals(157, space.frame(leaf).line());
                var caller = space.frame(frames[frames.length - 2]);
                assertEquals("example.com/gobench.BenchmarkSortInts.func1", caller.name());
                assertEquals(33, caller.line());
                assertEquals(FrameKind.NATIVE, caller.kind(), "Go code in the binary's mapping");
                assertEquals(4718700, space.samples().weight(row));
                found = true;
            }
        }
        assertTrue(found, "a sample whose leaf is the inlined sort.Ints");
    }

    @Test
    void cpuProfileKeepsPeriodDurationAndBothSampleTypes() throws Exception {
        List<Profile> profiles = importAll(dir().resolve("go.cpu.pprof"));
        assertEquals(List.of("samples", "cpu"), profiles.stream().map(p -> p.info().event()).toList());
        Profile cpu = profiles.get(1);
        assertEquals(WeightUnit.NANOSECONDS, cpu.info().unit());
        assertEquals(WeightUnit.SAMPLES, profiles.get(0).info().unit());
        assertEquals("10000000 cpu/nanoseconds", cpu.info().attributes().get("period"));
        assertEquals(profiles.get(0).info().totalWeight(), cpu.info().sampleCount());
        assertEquals(cpu.info().totalWeight(), 10_000_000L * cpu.info().sampleCount());
        assertTrue(cpu.info().durationNanos() > 3_000_000_000L, "duration " + cpu.info().durationNanos());
    }

    @Test
    void asyncProfilerFilesGzipAndPlainReadAlike() throws Exception {
        Profile gz = importAll(dir().resolve("async-profiler.cpu.pb.gz")).get(0);
        Profile plain = importAll(dir().resolve("async-profiler.cpu-total.pprof")).get(0);
        assertEquals(WeightUnit.SAMPLES, gz.info().unit());
        assertEquals(WeightUnit.NANOSECONDS, plain.info().unit());
        assertEquals(gz.info().totalWeight(), plain.info().totalWeight());
        assertEquals("Produced by async-profiler", gz.info().attributes().get("comment"));
        assertTrue(gz.frames().stream().allMatch(f -> f.kind() == FrameKind.UNKNOWN),
                "async-profiler's fake mapping says nothing of a frame's kind");
        assertEquals(PprofTop.functionTable(gz), PprofTop.functionTable(plain));
    }
}
