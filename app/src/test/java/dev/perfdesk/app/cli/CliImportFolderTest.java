package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing folders: files in no known format are skipped with one line, an empty folder is an error. */
class CliImportFolderTest {
    @TempDir
    Path dir;

    private static Path sampleData() {
        return Path.of(System.getProperty("perfdesk.sampledata", "../sample-data"));
    }

    @Test
    void aFolderWithReadmesAndScriptsImportsItsDataAndSaysOnceWhatItSkipped() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("runs"));
        Files.copy(sampleData().resolve("bench/hyperfine/hyperfine-sleep.json"), folder.resolve("a.json"));
        Files.writeString(folder.resolve("README.md"), "# How these were recorded\n");
        Files.writeString(folder.resolve("record.sh"), "#!/bin/sh\nhyperfine --export-json a.json 'sleep 0.1'\n");
        CliRunner.Result r = CliRunner.run("import", "--db", dir.resolve("s.db").toString(), folder.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("r1\t"), r.out());
        assertEquals(1, r.errLines().length, r.err());
        assertEquals(folder + ": skipped 2 files in no format Perfdesk reads (README.md, record.sh)",
                r.errLines()[0]);
    }

    @Test
    void anEmptyFolderIsAnError() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("empty"));
        CliRunner.Result r = CliRunner.run("import", "--db", dir.resolve("s.db").toString(), folder.toString());
        assertEquals(1, r.exitCode());
        assertEquals(folder + ": the folder has no files to import", r.err().strip());
    }

    @Test
    void aFolderOfNothingReadableImportsNothingAndFails() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(folder.resolve("notes.txt"), "nothing to see\n");
        CliRunner.Result r = CliRunner.run("import", "--db", dir.resolve("s.db").toString(), folder.toString());
        assertEquals(1, r.exitCode());
        assertEquals(2, r.errLines().length, r.err());
        assertTrue(r.errLines()[1].startsWith("nothing imported"), r.err());
    }

    @Test
    void aFileGivenByNameInNoKnownFormatIsStillRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "nothing to see\n");
        CliRunner.Result r = CliRunner.run("import", "--db", dir.resolve("s.db").toString(), file.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith(file + ": not a format Perfdesk reads"), r.err());
    }
}
