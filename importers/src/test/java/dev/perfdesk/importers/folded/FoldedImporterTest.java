package dev.perfdesk.importers.folded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.core.folded.FoldedStackWriter;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.Importers;

class FoldedImporterTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static CollectingSink read(Path file) throws Exception {
        CollectingSink sink = new CollectingSink();
        new FoldedImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        return sink;
    }

    private static String fold(Profile p) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FoldedStackWriter.write(p, FrameNamers.forProfile(p), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void roundTripsEveryExpectedFoldedFile() throws Exception {
        Path expected = Path.of(System.getProperty("perfdesk.testdata", "../testdata"), "perf-script",
                "expected");
        try (var files = Files.list(expected)) {
            for (Path file : files.sorted().toList()) {
                Profile p = read(file).profiles().get(0);
                assertEquals(Files.readString(file, StandardCharsets.UTF_8), fold(p), file.toString());
            }
        }
    }

    @Test
    void mergesRepeatedStacksAndKeepsAnnotationsAsKinds() throws Exception {
        Path file = write("a.folded", "main;work_[k] 3\nmain;work_[k] 4\nmain;jit_[j] 1\n");
        Profile p = read(file).profiles().get(0);
        assertEquals(8, p.info().sampleCount());
        assertEquals("main;jit_[j] 1\nmain;work_[k] 7\n", fold(p));
        assertEquals(FrameKind.KERNEL, p.frames().stream().filter(f -> f.name().equals("work_[k]")).findFirst()
                .orElseThrow().kind());
        assertEquals("folded", Importers.detect(ImportSource.of(file)).format());
    }

    @Test
    void readsDifffoldedAsBaselineAndCandidate() throws Exception {
        Path file = write("diff.folded", "main;a 10 5\nmain;b 0 7\n");
        CollectingSink sink = read(file);
        assertEquals(2, sink.profiles().size());
        assertTrue(sink.profiles().get(0).info().name().endsWith("baseline"));
        assertEquals("main;a 10\n", fold(sink.profiles().get(0)));
        assertEquals("main;a 5\nmain;b 7\n", fold(sink.profiles().get(1)));
    }

    @Test
    void rejectsMixedCountColumnsWithLine() throws Exception {
        Path file = write("mixed.folded", "a;b 1 2\na;c 3\n");
        ImportException e = assertThrows(ImportException.class, () -> read(file));
        assertEquals(2, e.line());
    }

    @Test
    void refusesCountsWhoseSumOverflowsAtTheLineThatOverflows() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            text.append("main;f").append(i).append(" 999999999999999999\n");
        }
        Path file = write("huge.folded", text.toString());
        ImportException e = assertThrows(ImportException.class, () -> read(file));
        assertEquals(10, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("add up to more than"), e.getMessage());
    }

    @Test
    void rejectsAFileWhoseLinesAreMostlyWithoutCount() throws Exception {
        Path file = write("bad.folded", "a;b 1\na;c\na;d\n");
        ImportException e = assertThrows(ImportException.class, () -> read(file));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("COUNT"), e.getMessage());
        assertTrue(e.getMessage().contains("2 of 3 lines"), e.getMessage());
    }

    @Test
    void rejectsEmptyAndTruncatedAndGarbageAndOversized() throws Exception {
        Path empty = write("empty.folded", "");
        assertThrows(ImportException.class, () -> read(empty));
        Path cut = write("cut.folded", "a;b 1\na;c;d");
        ImportException e = assertThrows(ImportException.class, () -> read(cut));
        assertEquals(2, e.line());
        byte[] garbage = new byte[10_000];
        new Random(7).nextBytes(garbage);
        Path bin = dir.resolve("bin.folded");
        Files.write(bin, garbage);
        assertThrows(ImportException.class, () -> read(bin));
        Path huge = dir.resolve("huge.folded");
        try (OutputStream out = Files.newOutputStream(huge)) {
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 8; i++) {
                out.write(chunk);
            }
        }
        e = assertThrows(ImportException.class, () -> read(huge));
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }
}
