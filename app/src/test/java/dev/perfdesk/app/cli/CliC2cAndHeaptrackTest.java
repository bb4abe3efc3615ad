package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * perf c2c reports and heaptrack traces on the command line: imported, listed, shown in every format, deleted; broken
 * files get one line naming the file, exit 1, and the store unchanged.
 */
class CliC2cAndHeaptrackTest {
    @TempDir
    Path dir;
    Path db;

    static Path data(String folder) {
        return Path.of(System.getProperty("perfdesk.testdata", "../testdata")).resolve(folder);
    }

    @BeforeEach
    void storeWithTheReport() {
        db = dir.resolve("store.db");
        CliRunner.Result r = CliRunner.run("import", "--db", db.toString(),
                data("perf-c2c").resolve("perfgo.false-sharing.c2c-report.txt").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("cl1\tperfgo.false-sharing.c2c-report.txt\n", r.out());
    }

    @Test
    void aC2cReportIsListedAndShownAsTextCsvMarkdownAndHtml() {
        String list = CliRunner.run("list", "--db", db.toString()).out();
        assertTrue(list.contains("c2c        cl1"), list);
        assertTrue(list.contains("ibs_op/ldlat=0/"), list);
        assertTrue(list.contains("1 lines  perfgo.false-sharing.c2c-report.txt (1 false sharing)"), list);

        CliRunner.Result text = CliRunner.run("show", "--db", db.toString(), "cl1");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("Cachelines sort on       Total HITMs"), text.out());
        assertTrue(text.out().contains("Cache line 0 (0x20ea08034080): false sharing:"), text.out());
        assertTrue(text.out().contains("Load Hitm LclHitm"), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("*") && l.contains("0x30") && l.contains("49.62%")),
                text.out());

        String csv = CliRunner.run("show", "--db", db.toString(), "cl1", "--format", "csv").out();
        String[] rows = csv.split("\n");
        assertEquals(3, rows.length, csv);
        assertTrue(rows[0].startsWith("Index,Cacheline Address,Cacheline Node"), rows[0]);
        assertTrue(rows[1].contains(",2096,2092,4,") && rows[1].contains(",yes,yes,75.00%,49.62%,"), rows[1]);

        String md = CliRunner.run("show", "--db", db.toString(), "cl1", "--format", "markdown").out();
        assertTrue(md.startsWith("# perf c2c: perfgo.false-sharing.c2c-report.txt"), md);
        assertTrue(md.contains("1 of 1 shared cache lines show false sharing."), md);
        assertTrue(md.contains("| **yes** | **0** | **0x20ea08034080**"), md);
        assertTrue(md.contains("\\[.\\] github.com/perfgo/perfgo/e"), "brackets escaped: " + md);

        String html = CliRunner.run("show", "--db", db.toString(), "cl1", "--format", "html").out();
        assertTrue(html.contains("<tr class=\"fs\"><td>75.00%</td><td>49.62%</td>"), html);
        assertTrue(html.contains("<td>[.] github.com/perfgo/perfgo/e</td>"), html);

        assertEquals(1, CliRunner.run("show", "--db", db.toString(), "cl1", "--format", "json").exitCode());
        assertEquals(1, CliRunner.run("show", "--db", db.toString(), "cl9").exitCode());

        CliRunner.Result deleted = CliRunner.run("delete", "--db", db.toString(), "cl1");
        assertEquals(0, deleted.exitCode(), deleted.err());
        assertFalse(CliRunner.run("list", "--db", db.toString()).out().contains("c2c "));
    }

    @Test
    void namesFromTheReportAreEscapedInMarkdownAndHtml() throws Exception {
        String text = Files.readString(data("perf-c2c").resolve("perfgo.false-sharing.c2c-report.txt"))
                .replace("[.] github.com/perfgo/perfgo/e", "[.] <img|src=x>");
        Path file = Files.writeString(dir.resolve("evil.txt"), text);
        CliRunner.Result r = CliRunner.run("import", "--db", db.toString(), file.toString());
        assertEquals(0, r.exitCode(), r.err());
        String md = CliRunner.run("show", "--db", db.toString(), "cl2", "--format", "markdown").out();
        assertTrue(md.contains("&lt;img\\|src=x>"), md);
        String html = CliRunner.run("show", "--db", db.toString(), "cl2", "--format", "html").out();
        assertTrue(html.contains("[.] &lt;img|src=x&gt;"), html);
        assertFalse(html.contains("<img"), html);
    }

    private void assertRejected(Path file, String expected) {
        String before = CliRunner.run("list", "--db", db.toString()).out();
        CliRunner.Result r = CliRunner.run("import", "--db", db.toString(), file.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(file + ":"), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(before, CliRunner.run("list", "--db", db.toString()).out(), "store unchanged");
    }

    @Test
    void brokenReportsAndTracesLeaveTheStoreUnchanged() throws Exception {
        String text = Files.readString(data("perf-c2c").resolve("perfgo.false-sharing.c2c-report.txt"));
        assertRejected(Files.writeString(dir.resolve("cut.txt"), text.substring(0, text.indexOf("0x53dbc8"))),
                "looks cut");
        assertRejected(Files.writeString(dir.resolve("flip.txt"), text.replace("2092        4     3152",
                "20#2        4     3152")), "holds '20#2'");
        byte[] zst = Files.readAllBytes(data("heaptrack").resolve("heaptrack.heapdemo.zst"));
        assertRejected(Files.write(dir.resolve("heaptrack.cut.zst"), Arrays.copyOf(zst, zst.length / 2)),
                "zstd data is corrupt or truncated");
    }

    @Test
    void aHeaptrackTraceImportsAsFourProfiles() {
        CliRunner.Result r = CliRunner.run("import", "--db", db.toString(),
                data("heaptrack").resolve("heaptrack.heapdemo.zst").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("1\theaptrack.heapdemo · allocations\n2\theaptrack.heapdemo · temporary allocations\n"
                + "3\theaptrack.heapdemo · peak heap\n4\theaptrack.heapdemo · leaked\n", r.out());
        String peak = CliRunner.run("show", "--db", db.toString(), "3").out();
        assertTrue(peak.contains("build_peak"), peak);
        assertTrue(peak.contains("unit           bytes"), peak);
    }
}
