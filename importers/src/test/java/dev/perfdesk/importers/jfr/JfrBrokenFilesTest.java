package dev.perfdesk.importers.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.progress.CancelledException;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.Importers;

/**
 * Recordings cut short, glued together, compressed, and files that only pretend to be recordings: each either
 * imports what is complete, saying what was left out, or fails with a sentence naming the problem, and never hands
 * the sink a partial profile.
 */
class JfrBrokenFilesTest {
    static final String FIRST = "cpu-jdk17.jfr";
    static final String SECOND = "lock-io-jdk17.jfr";

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private static byte[] bytes(String recording) throws IOException {
        return Files.readAllBytes(JfrReference.recording(recording));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static Map<String, Long> counts(List<Profile> profiles) {
        Map<String, Long> counts = new TreeMap<>();
        for (Profile p : profiles) {
            counts.put(p.info().event(), p.info().sampleCount());
        }
        return counts;
    }

    private ImportException failsWithoutProfiles(Path file) {
        CollectingSink sink = new CollectingSink();
        ImportException e = assertThrows(ImportException.class,
                () -> new JfrImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE));
        assertEquals(List.of(), sink.profiles(), "nothing reaches the sink when the import fails");
        assertEquals(file, e.file());
        return e;
    }

    @Test
    void rejectsRecordingCutInItsOnlyChunkWithOffset() throws Exception {
        byte[] whole = bytes(FIRST);
        Path file = write("cut.jfr", Arrays.copyOf(whole, whole.length / 2));
        ImportException e = failsWithoutProfiles(file);
        assertEquals(0, e.byteOffset());
        assertTrue(e.problem().contains("cut short") && e.problem().contains("no complete chunk"), e.getMessage());
        assertEquals(e.problem().indexOf("cut short"), e.problem().lastIndexOf("cut short"),
                "says once that it is cut short: " + e.getMessage());
        assertTrue(e.problem().contains("declares " + JfrChunks.grouped(whole.length) + " bytes but only "
                + JfrChunks.grouped(whole.length / 2)), e.getMessage());
    }

    @Test
    void rejectsRecordingCutInsideTheHeader() throws Exception {
        Path file = write("header.jfr", Arrays.copyOf(bytes(FIRST), 40));
        ImportException e = failsWithoutProfiles(file);
        assertTrue(e.problem().contains("header is cut off after 40 bytes"), e.getMessage());
    }

    @Test
    void importsCompleteChunksOfRecordingCutInItsSecondChunk() throws Exception {
        byte[] first = bytes(FIRST);
        byte[] second = bytes(SECOND);
        Path file = write("two-cut.jfr", concat(first, Arrays.copyOf(second, second.length / 3)));
        CollectingSink sink = new CollectingSink();
        new JfrImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE);

        assertEquals(counts(JfrImporterTest.importAll(JfrReference.recording(FIRST))), counts(sink.profiles()));
        for (Profile p : sink.profiles()) {
            String warning = p.info().attributes().get("warning");
            assertTrue(warning != null && warning.contains("chunk at byte " + JfrChunks.grouped(first.length)
                    + " is incomplete") && warning.contains("the 1 complete chunk before it"), String.valueOf(warning));
            assertEquals("1", p.info().attributes().get("chunks"));
        }
    }

    @Test
    void importsEveryChunkOfRecordingsGluedTogether() throws Exception {
        Path file = write("two.jfr", concat(bytes(FIRST), bytes(SECOND)));
        List<Profile> profiles = JfrImporterTest.importAll(file);
        Map<String, Long> expected = counts(JfrImporterTest.importAll(JfrReference.recording(FIRST)));
        counts(JfrImporterTest.importAll(JfrReference.recording(SECOND)))
                .forEach((k, v) -> expected.merge(k, v, Long::sum));
        assertEquals(expected, counts(profiles));
        assertEquals("2", profiles.get(0).info().attributes().get("chunks"));
        assertTrue(profiles.stream().noneMatch(p -> p.info().attributes().containsKey("warning")));
    }

    @Test
    void importsGzipCompressedRecording() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(compressed)) {
            gz.write(bytes(FIRST));
        }
        Path file = write("cpu.jfr.gz", compressed.toByteArray());
        assertTrue(Importers.detect(ImportSource.of(file)) instanceof JfrImporter);
        List<Profile> profiles = JfrImporterTest.importAll(file);
        assertEquals(counts(JfrImporterTest.importAll(JfrReference.recording(FIRST))), counts(profiles));
        assertTrue(profiles.get(0).info().name().startsWith("cpu.jfr · "), profiles.get(0).info().name());
    }

    @Test
    void rejectsEmptyFile() throws Exception {
        ImportException e = failsWithoutProfiles(write("empty.jfr", new byte[0]));
        assertEquals("the file is empty", e.problem());
    }

    @Test
    void rejectsTextFileNamedJfr() throws Exception {
        Path file = write("notes.jfr", "main;work;leaf 12\nthis is not a recording\n".getBytes(StandardCharsets.UTF_8));
        ImportException e = failsWithoutProfiles(file);
        assertEquals(0, e.byteOffset());
        assertTrue(e.problem().startsWith("not a JFR recording") && e.problem().contains("'main;wor'"),
                e.getMessage());
        assertEquals(0, new JfrImporter().detect(Files.readAllBytes(file)));
    }

    @Test
    void rejectsRandomBytesAfterTheMagic() throws Exception {
        byte[] junk = new byte[64 * 1024];
        new Random(42).nextBytes(junk);
        System.arraycopy(JfrChunks.MAGIC, 0, junk, 0, 4);
        Path file = write("random.jfr", junk);
        assertTrue(Importers.detect(ImportSource.of(file)) instanceof JfrImporter, "the magic alone makes it JFR");
        ImportException e = failsWithoutProfiles(file);
        assertTrue(e.problem().contains("unsupported JFR format version"), e.getMessage());
    }

    @Test
    void rejectsPlausibleHeaderFollowedByGarbage() throws Exception {
        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        ByteBuffer header = ByteBuffer.wrap(junk);
        header.put(JfrChunks.MAGIC).putShort((short) 2).putShort((short) 1).putLong(junk.length)
                .putLong(1000).putLong(2000);
        Path file = write("garbage.jfr", junk);
        ImportException e = failsWithoutProfiles(file);
        assertTrue(e.problem().startsWith("the recording is damaged in its chunk"), e.getMessage());
        assertEquals(0, e.byteOffset(), e.getMessage());
    }

    @Test
    void rejectsGarbageAfterCompleteChunk() throws Exception {
        byte[] first = bytes(FIRST);
        Path file = write("tail.jfr", concat(first, "trailing text".getBytes(StandardCharsets.US_ASCII)));
        ImportException e = failsWithoutProfiles(file);
        assertEquals(first.length, e.byteOffset());
        assertTrue(e.problem().contains("no chunk header"), e.getMessage());
    }

    @Test
    void honoursCancellationAndReportsProgress() throws Exception {
        Path file = JfrReference.recording(FIRST);
        List<long[]> reports = new ArrayList<>();
        CollectingSink sink = new CollectingSink();
        ProgressMonitor cancelAtOnce = new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class, () -> new JfrImporter().read(ImportSource.of(file), sink, cancelAtOnce));
        assertEquals(List.of(), sink.profiles());

        ProgressMonitor recording = new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                reports.add(new long[] {done, total});
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        new JfrImporter().read(ImportSource.of(file), sink, recording);
        long size = Files.size(file);
        long previous = -1;
        for (long[] r : reports) {
            assertEquals(size, r[1]);
            assertTrue(r[0] >= previous && r[0] <= size, "progress only grows");
            previous = r[0];
        }
        assertEquals(size, reports.get(reports.size() - 1)[0]);
    }
}
