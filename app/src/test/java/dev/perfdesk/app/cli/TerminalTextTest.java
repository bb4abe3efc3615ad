package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names from input files reach the terminal without control characters, and spreadsheets as text. */
class TerminalTextTest {
    @TempDir
    Path dir;

    @Test
    void escapesControlCharactersAndTheBackslash() {
        assertEquals("evil\\x1b]0;pwned\\x07", TerminalText.escape("evil\u001b]0;pwned\u0007"));
        assertEquals("a\\nb\\tc\\rd\\\\e\\x7f\\x9b", TerminalText.escape("a\nb\tc\rd\\e\u007f\u009b"));
        assertEquals("plain µs name", TerminalText.escape("plain µs name"));
    }

    @Test
    void quotesCellsThatASpreadsheetWouldEvaluate() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", TerminalText.csvCell("=HYPERLINK(\"x\")"));
        assertEquals("\"'+1\"", TerminalText.csvCell("+1"));
        assertEquals("\"'-cmd\"", TerminalText.csvCell("-cmd"));
        assertEquals("\"'@SUM(A1)\"", TerminalText.csvCell("@SUM(A1)"));
        assertEquals("sleep 0.5", TerminalText.csvCell("sleep 0.5"));
        assertEquals("\"a,b\"", TerminalText.csvCell("a,b"));
    }

    @Test
    void showImportAndListPrintNoEscapeSequenceFromAHostileName() throws Exception {
        Path file = dir.resolve("hostile.json");
        Files.writeString(file, "{\"results\": [{\"command\": \"=cmd\\u001b]0;owned\\u0007\", \"mean\": 0.1, "
                + "\"stddev\": null, \"median\": 0.1, \"user\": 0.0, \"system\": 0.0, \"min\": 0.1, \"max\": 0.1, "
                + "\"times\": [0.1], \"exit_codes\": [0]}]}");
        String db = dir.resolve("s.db").toString();
        CliRunner.Result imported = CliRunner.run("import", "--db", db, file.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        for (CliRunner.Result r : new CliRunner.Result[] {imported, CliRunner.run("list", "--db", db),
            CliRunner.run("show", "--db", db, "r1")}) {
            assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007"), r.out());
        }
        assertTrue(CliRunner.run("show", "--db", db, "r1").out().contains("=cmd\\x1b]0;owned\\x07"));
        String csv = CliRunner.run("show", "--db", db, "r1", "--format", "csv").out();
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().startsWith("\"'=cmd"), csv);
    }
}
