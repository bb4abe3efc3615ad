package dev.perfdesk.importers.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.perfdesk.core.folded.FoldedStackWriter;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.naming.NamingOptions;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * Every committed recording (see sample-data/jfr/README.md) against two references: the event counts that
 * {@code jfr summary} printed for it, and folded stacks aggregated with the plain {@code jdk.jfr.consumer} API.
 */
class JfrImporterTest {

    static List<String> recordings() throws Exception {
        return JfrReference.recordings();
    }

    static List<Profile> importAll(Path file) throws Exception {
        CollectingSink sink = new CollectingSink();
        new JfrImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        return sink.profiles();
    }

    static Profile profile(List<Profile> profiles, String event) {
        for (Profile p : profiles) {
            if (p.info().event().equals(event)) {
                return p;
            }
        }
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void sampleCountsEqualJfrSummary(String recording) throws Exception {
        Path file = JfrReference.recording(recording);
        List<Profile> profiles = importAll(file);
        Map<String, Long> summary = JfrReference.summaryCounts(recording);
        Map<String, Long> consumer = JfrReference.consumerCounts(file);

        Map<String, Long> expected = new TreeMap<>();
        for (JfrEventKind kind : JfrEventKind.values()) {
            long count = summary.getOrDefault(kind.event, 0L);
            assertEquals(count, consumer.getOrDefault(kind.event, 0L).longValue(),
                    "jfr summary and RecordingFile disagree on " + kind.event);
            if (count > 0) {
                expected.put(kind.event, count);
            }
        }
        Map<String, Long> actual = new TreeMap<>();
        for (Profile p : profiles) {
            actual.put(p.info().event(), p.info().sampleCount());
            assertEquals(p.info().sampleCount(), p.timeline().size(), "one timeline entry per event");
        }
        assertFalse(expected.isEmpty(), "the recording has profile events");
        assertEquals(expected, actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void foldedExportEqualsConsumerAggregation(String recording) throws Exception {
        Path file = JfrReference.recording(recording);
        List<Profile> profiles = importAll(file);
        assertNotNull(profile(profiles, "jdk.ExecutionSample"), "every test recording has CPU samples");
        for (Profile p : profiles) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FoldedStackWriter.write(p, FrameNamers.forProfile(p), out);
            String expected = JfrReference.folded(file, p.info().event());
            assertFalse(expected.isEmpty(), p.info().event());
            assertEquals(expected, out.toString(StandardCharsets.UTF_8), p.info().name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void foldedExportWithLinesEqualsConsumerAggregation(String recording) throws Exception {
        Path file = JfrReference.recording(recording);
        Profile cpu = profile(importAll(file), "jdk.ExecutionSample");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FoldedStackWriter.write(cpu, FrameNamers.forProfile(cpu, NamingOptions.parse("lines")), out);
        String expected = JfrReference.folded(file, "jdk.ExecutionSample", true);
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
        if (!recording.startsWith("asprof")) {
            assertTrue(expected.matches("(?s).*\\.[A-Za-z_$<>]+:\\d+[; ].*"), "JDK frames have lines");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void namesProfilesByFileKindAndEvent(String recording) throws Exception {
        List<Profile> profiles = importAll(JfrReference.recording(recording));
        Map<String, String> names = new LinkedHashMap<>();
        for (Profile p : profiles) {
            names.put(p.info().event(), p.info().name());
            assertEquals(JfrImporter.FORMAT, p.info().format());
        }
        assertEquals(recording + " · CPU (jdk.ExecutionSample)", names.get("jdk.ExecutionSample"));
        assertTrue(names.values().stream().allMatch(n -> n.startsWith(recording + " · ")), names.toString());
    }
}
