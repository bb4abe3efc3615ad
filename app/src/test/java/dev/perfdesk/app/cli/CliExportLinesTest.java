package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code perfdesk export ID --folded --lines} of a JFR CPU profile: the same samples, frames named method:line. */
class CliExportLinesTest {
    @TempDir
    Path dir;

    private static long total(String folded) {
        return folded.lines().mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void linesNameFramesByLineAndKeepEverySample() throws Exception {
        Path db = dir.resolve("lines.db");
        Path jfr = Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"), "jfr", "cpu-jdk17.jfr");
        CliRunner.Result imported = CliRunner.run("import", "--db", db.toString(), jfr.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        String cpu = imported.out().lines().filter(l -> l.contains("(jdk.ExecutionSample)")).findFirst()
                .orElseThrow().split("\t")[0];

        Path plainFile = dir.resolve("plain.folded");
        Path linesFile = dir.resolve("lines.folded");
        assertEquals(0, CliRunner.run("export", "--db", db.toString(), cpu, "--folded", "-o", plainFile.toString())
                .exitCode());
        CliRunner.Result r = CliRunner.run("export", "--db", db.toString(), cpu, "--folded", "--lines", "-o",
                linesFile.toString());
        assertEquals(0, r.exitCode(), r.err());
        String plain = Files.readString(plainFile);
        String lines = Files.readString(linesFile);
        assertTrue(total(plain) > 0);
        assertEquals(total(plain), total(lines));
        assertTrue(plain.lines().noneMatch(l -> l.matches(".*\\.hashLoop:\\d+.*")));
        assertTrue(lines.lines().anyMatch(l -> l.matches(".*;jfrsample\\.CpuWork\\.hashLoop:\\d+[; ].*")), lines);
        assertTrue(lines.lines().count() > plain.lines().count(), "a method at two lines is two frames");
    }
}
