package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: {@code flame} on a stack 100,000 frames deep wrote every frame (a million gave 271 MB). It leaves out
 * frames deeper than {@code --max-depth} and narrower than {@code --minwidth} and says how many on stderr.
 */
class CliFlamePruningTest {
    @TempDir
    Path dir;

    @Test
    void aDeepStackIsCutAndTheCutIsSaidOnStderr() throws IOException {
        Path folded = dir.resolve("deep.folded");
        StringBuilder sb = new StringBuilder("f0");
        for (int i = 1; i < 100_000; i++) {
            sb.append(";f").append(i % 10);
        }
        Files.writeString(folded, sb + " 1\nmain;other 1\n");
        String db = dir.resolve("s.db").toString();
        CliRunner.Result imported = CliRunner.run("import", "--db", db, "--format", "folded", folded.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        Path svg = dir.resolve("deep.svg");
        CliRunner.Result r = CliRunner.run("flame", "--db", db, "1", "-o", svg.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(svg + ": 98,976 frames left out (98,976 deeper than 1024 rows)", r.err().strip());
        assertTrue(Files.size(svg) < 1_000_000, "size " + Files.size(svg));
        assertTrue(Files.readString(svg).contains("98,976 frames left out"));
        CliRunner.Result wide = CliRunner.run("flame", "--db", db, "1", "-o", svg.toString(), "--max-depth", "10",
                "--minwidth", "600");
        assertEquals(0, wide.exitCode(), wide.err());
        assertTrue(wide.err().contains("narrower than 600 px") && wide.err().contains("deeper than 10 rows"),
                wide.err());
        CliRunner.Result bad = CliRunner.run("flame", "--db", db, "1", "-o", svg.toString(), "--minwidth", "-1");
        assertEquals(2, bad.exitCode());
    }
}
