package dev.perfdesk.importers.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
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

class PerfScriptBadInputTest {
    @TempDir
    Path dir;

    private static final String SAMPLE = "java 12688/12764 [002] 6544038.708352: 10309278 cpu-clock:\n"
            + "\tffffffff8103ce3b native_safe_halt+0x1b ([kernel.kallsyms])\n"
            + "\t    7f1e22141f7d write (/lib/x86_64-linux-gnu/libc-2.15.so)\n"
            + "\t    7f1e11300e8b Lsun/nio/ch/FileDispatcherImpl;.write0(Ljava/io/FileDescriptor;JI)I (/tmp/perf-3236.map)\n"
            + "\n";

    private Path write(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private static ImportException importFails(Path file) {
        return assertThrows(ImportException.class,
                () -> new PerfScriptImporter().read(ImportSource.of(file), new CollectingSink(), ProgressMonitor.NONE));
    }

    @Test
    void rejectsEmptyFile() throws Exception {
        Path file = write("empty.txt", new byte[0]);
        ImportException e = importFails(file);
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertThrows(ImportException.class, () -> Importers.detect(ImportSource.of(file)));
    }

    @Test
    void refusesPeriodsThatOverflowTheTotalWeightAtTheSampleThatOverflows() throws Exception {
        String huge = SAMPLE.replace("10309278", Long.toString(Long.MAX_VALUE));
        Path file = write("overflow.txt", (huge + huge).getBytes(StandardCharsets.UTF_8));
        ImportException e = importFails(file);
        assertEquals(10, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("add up to more than 9223372036854775807"), e.getMessage());
    }

    @Test
    void refusesPeriodsThatAreNoCountWithTheirLine() throws Exception {
        // "java" takes the byte parser, "jävä" (not ASCII) the regular expression; both must refuse the same way
        for (String comm : new String[] {"java", "j\u00e4v\u00e4"}) {
            for (String period : new String[] {"-10309278", "NaN", "nan", "1.5", "+inf", "1e9", "ten"}) {
                String bad = SAMPLE.replace("java", comm).replace("10309278", period);
                Path file = write("period.txt", (SAMPLE + SAMPLE + bad).getBytes(StandardCharsets.UTF_8));
                ImportException e = importFails(file);
                assertEquals(11, e.line(), e.getMessage());
                assertEquals("the sample period '" + period + "' of event 'cpu-clock' is not a whole number; perf "
                        + "script writes a count of events, 0 or more, here", e.problem(), e.getMessage());
            }
            String noPeriod = SAMPLE.replace("java", comm).replace(" 10309278 ", " ");
            Path file = write("no-period.txt", noPeriod.getBytes(StandardCharsets.UTF_8));
            CollectingSink sink = new CollectingSink();
            new PerfScriptImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE);
            assertEquals(1, sink.profiles().size(), "a header without a period is still a sample");
        }
    }

    @Test
    void rejectsTruncatedStackWithLine() throws Exception {
        String text = SAMPLE + SAMPLE;
        byte[] cut = Arrays.copyOf(text.getBytes(StandardCharsets.UTF_8), SAMPLE.length() + 70);
        Path file = write("cut.txt", cut);
        ImportException e = importFails(file);
        assertEquals(7, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":7: "), e.getMessage());
    }

    @Test
    void rejectsBinaryGarbage() throws Exception {
        byte[] garbage = new byte[200_000];
        new Random(42).nextBytes(garbage);
        Path file = write("garbage.bin", garbage);
        ImportException detect = assertThrows(ImportException.class, () -> Importers.detect(ImportSource.of(file)));
        assertTrue(detect.getMessage().contains("binary"), detect.getMessage());
        ImportException forced = importFails(file);
        assertTrue(forced.line() > 0, forced.getMessage());
    }

    @Test
    void rejectsOversizedLine() throws Exception {
        Path file = dir.resolve("long.txt");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
        }
        ImportException e = importFails(file);
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }

    @Test
    void rejectsJsonGivenAsPerfScript() throws Exception {
        Path file = write("result.json", "{\n  \"benchmarks\": []\n}\n".getBytes(StandardCharsets.UTF_8));
        ImportException e = importFails(file);
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("expected a sample header"), e.getMessage());
        ImportException detect = assertThrows(ImportException.class, () -> Importers.detect(ImportSource.of(file)));
        assertTrue(detect.getMessage().contains("JSON"), detect.getMessage());
    }

    @Test
    void rejectsFileWithoutSamples() throws Exception {
        Path file = write("comments.txt", "# ========\n# captured on: today\n# ========\n#\n"
                .getBytes(StandardCharsets.UTF_8));
        ImportException e = importFails(file);
        assertTrue(e.getMessage().contains("no samples"), e.getMessage());
    }

    @Test
    void readsGzipTransparentlyAndDetectsByContent() throws Exception {
        Path file = dir.resolve("trace.data");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(SAMPLE.repeat(3).getBytes(StandardCharsets.UTF_8));
        }
        ImportSource source = ImportSource.of(file);
        assertEquals("perf-script", Importers.detect(source).format());
        CollectingSink sink = new CollectingSink();
        new PerfScriptImporter().read(source, sink, ProgressMonitor.NONE);
        Profile p = sink.profiles().get(0);
        assertEquals(3, p.info().sampleCount());
        assertEquals(3 * 10309278L, p.info().totalWeight());
        assertEquals("cpu-clock", p.info().event());
        assertEquals(3, p.timeline().size());
        assertEquals(6544038_708352000L, p.timeline().time(0));
    }

    @Test
    void rejectsTruncatedGzip() throws Exception {
        Path whole = dir.resolve("whole.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            byte[] noise = new byte[300_000];
            new Random(1).nextBytes(noise);
            out.write(SAMPLE.repeat(2000).getBytes(StandardCharsets.UTF_8));
            out.write(Arrays.toString(noise).getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = write("cut.gz", Arrays.copyOf(bytes, bytes.length / 2));
        ImportException e = importFails(cut);
        assertTrue(e.getMessage().contains("gzip"), e.getMessage());
    }

    @Test
    void stopsWhenCancelled() throws Exception {
        Path file = write("big.txt", SAMPLE.repeat(100_000).getBytes(StandardCharsets.UTF_8));
        ProgressMonitor cancelled = new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class,
                () -> new PerfScriptImporter().read(ImportSource.of(file), new CollectingSink(), cancelled));
    }

    @Test
    void keepsThreadsEventsAndMetadata() throws Exception {
        Path file = write("two.txt", ("# hostname : box1\n# cmdline : /usr/bin/perf record -g ./app\n"
                + SAMPLE + "app 5 [000] 1.5: 1 cycles:\n\t1 main (/bin/app)\n\n").getBytes(StandardCharsets.UTF_8));
        CollectingSink sink = new CollectingSink();
        new PerfScriptImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        assertEquals(2, sink.profiles().size());
        Profile first = sink.profiles().get(0);
        assertEquals("cpu-clock", first.info().event());
        assertEquals("box1", first.info().host());
        assertEquals("/usr/bin/perf record -g ./app", first.info().command());
        assertEquals(12688, first.threads().get(0).pid());
        assertEquals(12764, first.threads().get(0).tid());
        Profile second = sink.profiles().get(1);
        assertEquals("cycles", second.info().event());
        assertEquals(-1, second.threads().get(0).pid());
        assertEquals(5, second.threads().get(0).tid());
    }
}
