package dev.perfdesk.importers.jfr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.SampleTable;
import dev.perfdesk.core.model.Timeline;
import dev.perfdesk.core.progress.CancelledException;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * Recordings of several chunks read on several threads give exactly what reading the chunks one after the other
 * gives: the same profiles in the same order, with the same frame, stack, thread and row indexes, the same metadata
 * and the same timelines; a chunk that fails on another thread fails the import.
 */
class JfrParallelReadTest {
    @TempDir
    Path dir;

    /** The committed recordings glued into one file, in the order given. */
    private Path glued(String... recordings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String r : recordings) {
            out.writeBytes(Files.readAllBytes(JfrReference.recording(r)));
        }
        Path file = dir.resolve(String.join("+", recordings));
        Files.write(file, out.toByteArray());
        return file;
    }

    private static List<Profile> importWith(int threads, Path file) throws Exception {
        CollectingSink sink = new CollectingSink();
        new JfrImporter(threads).read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        return sink.profiles();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            cpu-jdk17.jfr lock-io-jdk17.jfr
            cpu-jdk17.jfr alloc-jdk25.jfr asprof-cpu-alloc.jfr asprof-lock.jfr lock-io-jdk17.jfr
            lock-io-jdk17.jfr cpu-jdk17.jfr lock-io-jdk17.jfr cpu-jdk17.jfr lock-io-jdk17.jfr
            asprof-lock.jfr asprof-lock.jfr alloc-jdk25.jfr asprof-lock.jfr
            """)
    void readsChunksOnSeveralThreadsAsOneAfterTheOther(String recordings) throws Exception {
        Path file = glued(recordings.split(" "));
        List<Profile> sequential = importWith(1, file);
        for (int threads : new int[] {2, 3, 8}) {
            List<Profile> parallel = importWith(threads, file);
            assertEquals(sequential.size(), parallel.size(), threads + " threads");
            for (int i = 0; i < sequential.size(); i++) {
                assertSameProfile(sequential.get(i), parallel.get(i), threads + " threads");
            }
        }
    }

    static void assertSameProfile(Profile expected, Profile actual, String what) {
        String name = what + ", " + expected.info().name();
        assertEquals(expected.info(), actual.info(), name);
        assertEquals(List.copyOf(expected.info().attributes().entrySet()),
                List.copyOf(actual.info().attributes().entrySet()), name + ": attributes in order");
        assertEquals(expected.frames(), actual.frames(), name);
        assertEquals(expected.threads(), actual.threads(), name);
        assertArrayEquals(expected.stacks().parentArray(), actual.stacks().parentArray(), name);
        assertArrayEquals(expected.stacks().frameArray(), actual.stacks().frameArray(), name);
        SampleTable e = expected.samples();
        SampleTable a = actual.samples();
        assertEquals(e.size(), a.size(), name);
        for (int row = 0; row < e.size(); row++) {
            assertEquals(e.stack(row), a.stack(row), name);
            assertEquals(e.thread(row), a.thread(row), name);
            assertEquals(e.weight(row), a.weight(row), name);
            assertEquals(e.count(row), a.count(row), name);
        }
        Timeline et = expected.timeline();
        Timeline at = actual.timeline();
        assertEquals(et.size(), at.size(), name);
        for (int i = 0; i < et.size(); i++) {
            assertEquals(et.time(i), at.time(i), name);
            assertEquals(et.stack(i), at.stack(i), name);
            assertEquals(et.thread(i), at.thread(i), name);
            assertEquals(et.weight(i), at.weight(i), name);
        }
    }

    @Test
    void keepsTheFirstJvmOfRecordingsGluedTogether() throws Exception {
        Path file = glued("lock-io-jdk17.jfr", "alloc-jdk25.jfr");
        List<Profile> alone = importWith(1, JfrReference.recording("lock-io-jdk17.jfr"));
        List<Profile> parallel = importWith(2, file);
        String firstJvm = alone.get(0).info().attributes().get("JVM version");
        for (Profile p : parallel) {
            assertEquals(firstJvm, p.info().attributes().get("JVM version"), p.info().name());
            assertEquals(alone.get(0).info().command(), p.info().command(), p.info().name());
            assertEquals("2", p.info().attributes().get("chunks"));
        }
        assertTrue(parallel.stream().anyMatch(p -> p.info().event().equals("jdk.CPUTimeSample")),
                "the second recording's own event types are read");
    }

    @Test
    void failsWhenAChunkReadOnAnotherThreadIsCorrupt() throws Exception {
        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        ByteBuffer.wrap(junk).put(JfrChunks.MAGIC).putShort((short) 2).putShort((short) 1).putLong(junk.length)
                .putLong(1000).putLong(2000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Files.readAllBytes(JfrReference.recording("cpu-jdk17.jfr")));
        out.writeBytes(junk);
        out.writeBytes(Files.readAllBytes(JfrReference.recording("lock-io-jdk17.jfr")));
        Path file = dir.resolve("corrupt-second-chunk.jfr");
        Files.write(file, out.toByteArray());

        for (int threads : new int[] {1, 2, 3}) {
            CollectingSink sink = new CollectingSink();
            ImportException e = assertThrows(ImportException.class,
                    () -> new JfrImporter(threads).read(ImportSource.of(file), sink, ProgressMonitor.NONE));
            assertTrue(e.problem().startsWith("the recording is damaged in chunk 2 of 3"), e.getMessage());
            assertEquals(Files.size(JfrReference.recording("cpu-jdk17.jfr")), e.byteOffset(), e.getMessage());
            assertEquals(List.of(), sink.profiles(), "nothing reaches the sink when the import fails");
        }
    }

    @Test
    void stopsEveryThreadWhenCancelled() throws Exception {
        Path file = glued("lock-io-jdk17.jfr", "cpu-jdk17.jfr", "lock-io-jdk17.jfr", "cpu-jdk17.jfr");
        AtomicInteger checks = new AtomicInteger();
        List<long[]> reports = new ArrayList<>();
        ProgressMonitor cancelLater = new ProgressMonitor() {
            @Override
            public synchronized void progress(long done, long total) {
                reports.add(new long[] {done, total});
            }

            @Override
            public boolean isCancelled() {
                return checks.incrementAndGet() > 3;
            }
        };
        CollectingSink sink = new CollectingSink();
        assertThrows(CancelledException.class,
                () -> new JfrImporter(3).read(ImportSource.of(file), sink, cancelLater));
        assertEquals(List.of(), sink.profiles());
        long previous = -1;
        for (long[] r : reports) {
            assertTrue(r[0] >= previous && r[0] <= r[1], "progress only grows");
            previous = r[0];
        }
    }
}
