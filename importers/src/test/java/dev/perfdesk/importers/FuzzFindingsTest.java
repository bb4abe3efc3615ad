package dev.perfdesk.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * The defects the import fuzzer ({@code ImportFuzzTest} in app) found, one case each, reduced from the case it
 * printed. Each failed before its fix: library text with no place, a quoted megabyte in a message, a hang.
 */
class FuzzFindingsTest {
    private static final Path ROOT = Path.of(System.getProperty("perfdesk.root", ".."));

    @TempDir
    Path tmp;

    private static ImportException refused(String format, Path file) {
        return assertThrows(ImportException.class, () -> Importers.byFormat(format).read(ImportSource.of(file),
                new CollectingSink(), ProgressMonitor.NONE));
    }

    private Path edited(String sample, String from, String to) throws IOException {
        String text = Files.readString(ROOT.resolve(sample), StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Path out = tmp.resolve(Path.of(sample).getFileName());
        Files.writeString(out, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
        return out;
    }

    /**
     * seed 20789 case 11859: an HdrHistogram log with two numbers changed inside an interval's base64 payload decoded
     * into a histogram whose buckets do not add up to its total count, and HdrHistogram's iterator threw
     * NoSuchElementException.
     */
    @Test
    void anHdrIntervalWhoseCountsDoNotAddUpIsRefusedAtItsLine() throws IOException {
        Path file = edited("testdata/hdr/jHiccup-2.0.6.logV1.hlog", "gxADO1BMjMGdYT5DL4M4Ax",
                "gxADO0x7fffffffBMjMGdYT5DLM4Ax");
        ImportException e = refused("hdr-log", file);
        assertEquals(17, e.line(), e.getMessage());
        assertTrue(e.problem().contains("do not add up"), e.getMessage());
    }

    /** A Gatling version of eleven digits threw NumberFormatException from the version check. */
    @Test
    void aGatlingVersionTooLongForANumberIsRefusedAtItsLine() throws IOException {
        Path file = edited("testdata/gatling/gatling-3.12.0/simulation.log", "\t3.12.0\n", "\t99999999999.12\n");
        ImportException e = refused("gatling-log", file);
        assertTrue(e.line() > 0, e.getMessage());
        assertTrue(e.problem().contains("Gatling '99999999999.12'"), e.getMessage());
    }

    /** A gprof line-mode name with a line number over 2^31 threw NumberFormatException from the frame namer. */
    @Test
    void aGprofLineNumberTooLongForANumberIsNoCrash() throws IOException {
        Path file = edited("testdata/gprof/gprof.gp.lines-flat.txt", "harmonic (gp.c:5 @ 120c)",
                "harmonic (gp.c:99999999999 @ 120c)");
        CollectingSink sink = new CollectingSink();
        try {
            Importers.byFormat("gprof").read(ImportSource.of(file), sink, ProgressMonitor.NONE);
            assertTrue(sink.profiles().get(0).frames().size() > 0);
        } catch (ImportException e) {
            assertTrue(e.line() > 0, e.getMessage());
        }
    }

    /** seed 20789 case 1319: wrk2's spectrum with a count over 2^63 said {@code For input string: "9999…"}. */
    @Test
    void wrkCountOverLongIsRefusedAtItsLineInWords() throws IOException {
        Path file = edited("sample-data/bench/wrk/wrk2-readme-latency.txt", "Total count    =        39500",
                "Total count    =        99999999999999999999999999");
        ImportException e = refused("wrk-latency", file);
        assertTrue(e.line() > 0, e.getMessage());
        assertTrue(e.problem().contains("is not a whole number"), e.getMessage());
        assertFalse(e.problem().contains("For input string"), e.getMessage());
    }

    /**
     * seed 20789 case 3033 (found after the SPEC importers were merged): a line of 262,144 digits in a SPEC CPU
     * text result hung its row pattern; such a line is refused at once with its number. A bound on a hang, not a
     * timing assertion.
     */
    @Test
    void aLongLineInASpecTextResultIsRefusedAtOnce() throws IOException {
        Path file = edited("testdata/spec-cpu2017/CPU2017.001.intrate.refrate.txt", "\n500.",
                "\n500." + "9".repeat(262_144));
        ImportException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> refused("spec-cpu2017-txt", file));
        assertTrue(e.line() > 0, e.getMessage());
    }

    /** seed 20789 case 4157: "Latency Distribution (" without its ')' threw StringIndexOutOfBoundsException. */
    @Test
    void aWrkDistributionHeadingWithoutItsParenthesisIsNoCrash() throws IOException {
        Path file = edited("testdata/formats/wrk2-readme-latency-output.txt", "Latency Distribution (HdrHistogram",
                "Latency Distribution (HdrHistogram]");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int at = text.indexOf("Latency Distribution (");
        int eol = text.indexOf('\n', at);
        Files.writeString(file, text.substring(0, at) + "Latency Distribution (HdrHistogram" + text.substring(eol));
        CollectingSink sink = new CollectingSink();
        try {
            Importers.byFormat("wrk-latency").read(ImportSource.of(file), sink, ProgressMonitor.NONE);
        } catch (ImportException e) {
            assertTrue(e.line() > 0 || e.getMessage().startsWith(file.toString()), e.getMessage());
        }
    }

    /** seed 20789 case 2530: a JMH percentile key of -Infinity said BigDecimal's "Character I is neither …". */
    @Test
    void jmhPercentileKeyOutOfRangeIsRefusedAtItsLine() throws IOException {
        Path file = edited("sample-data/bench/jmh/jmh-percentile.json", "\"90.0\" :", "\"-Infinity\" :");
        ImportException e = refused("jmh-json", file);
        assertTrue(e.line() > 0, e.getMessage());
        assertTrue(e.problem().contains("percentiles from 0 to 100"), e.getMessage());
    }

    /** seed 20789 case 1532: the same in a k6 summary, {@code p(-Infinity)}. */
    @Test
    void k6PercentileOutOfRangeIsRefusedAtItsLine() throws IOException {
        Path file = edited("sample-data/bench/k6/k6-summary-export.json", "\"p(90)\"", "\"p(-Infinity)\"");
        ImportException e = refused("k6-summary-json", file);
        assertTrue(e.line() > 0, e.getMessage());
        assertTrue(e.problem().contains("names no percentile"), e.getMessage());
        file = edited("sample-data/bench/k6/k6-summary-export.json", "\"p(90)\"", "\"p(250)\"");
        assertTrue(refused("k6-summary-json", file).line() > 0);
    }

    /**
     * seed 20789 case 4137: a series CSV header cell of a letter and two million quotes never finished: each quote
     * asked the growing field whether it was blank. A bound on a hang, not a timing assertion.
     */
    @Test
    void aLineOfQuotesAfterALetterIsLinear() throws IOException {
        Path file = tmp.resolve("quotes.csv");
        Files.writeString(file, "time,x" + "\"".repeat(4 << 20) + "\n2024-01-01T00:00:00Z,1\n");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                Importers.byFormat("series-csv").read(ImportSource.of(file), new CollectingSink(),
                        ProgressMonitor.NONE);
            } catch (ImportException e) {
                assertTrue(e.getMessage().length() < 1000, "bounded: " + e.getMessage().length());
            }
        });
    }

    /**
     * seed 20789 case 117: a 2 MB cell was quoted whole in the message; and input line breaks reach messages as
     * they are. Every message is one line of bounded length, a long quoted value cut with its length said.
     */
    @Test
    void messagesAreOneBoundedLine() {
        String cell = "2026.01.0" + " ".repeat(2 << 20) + "892";
        ImportException e = ImportException.atLine(Path.of("s.csv"), 9, "cannot read '" + cell
                + "' in column 'timestamp' as a time; expected ISO-8601");
        assertTrue(e.getMessage().length() < 300, e.getMessage());
        assertTrue(e.getMessage().contains("(" + cell.length() + " characters)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("in column 'timestamp' as a time; expected ISO-8601"), e.getMessage());
        ImportException lines = ImportException.atLine(Path.of("s.csv"), 2, "name 'a\nb\r\u001b]0;title\u0007'");
        assertEquals("s.csv:2: name 'a\\nb\\r\\u001b]0;title\\u0007'", lines.getMessage());
        String longProblem = "x".repeat(5000);
        assertTrue(ImportException.whole(Path.of("f"), longProblem).getMessage().length() < 700);
    }

    /**
     * seed 20789 cases 68, 808, 848: a damaged JFR chunk said JFR's reader's own text (EOFException: Trying to read
     * at 3694604396, IndexOutOfBoundsException: Index -1803999504, Expected check point event) and no place. It
     * now names the damaged chunk by its byte offset and says what is wrong in words.
     */
    @Test
    void aDamagedJfrChunkIsNamedByItsOffsetInWords() throws IOException {
        byte[] original = Files.readAllBytes(ROOT.resolve("importers/src/test/resources/jfr/lock-io-jdk17.jfr"));
        int refusedInWords = 0;
        // four bytes of 0x7f at offsets where JFR's reader fails (found by probing): each is refused in words at the
        // damaged chunk's offset
        for (int at : new int[] {2931, 23000, 48803}) {
            byte[] b = original.clone();
            for (int k = 0; k < 4; k++) {
                b[at + k] = (byte) 0x7f;
            }
            Path file = tmp.resolve("damaged-" + at + ".jfr");
            Files.write(file, b);
            ImportException e = refused("jfr", file);
            assertEquals(0, e.byteOffset(), e.getMessage());
            assertTrue(e.problem().startsWith("the recording is damaged in its chunk"), e.getMessage());
            assertFalse(e.problem().contains("Exception"), e.getMessage());
            assertFalse(e.problem().matches(".*\\d{7,}.*"), "no reader positions: " + e.getMessage());
            refusedInWords++;
        }
        assertEquals(3, refusedInWords);
    }

    /**
     * seed 1 case 5114: a perf script line that is not ASCII with half a megabyte of blanks in it hung in the header
     * regex (stackcollapse-perf.pl's, backtracking over the blanks for each end of the command it tried).
     */
    @Test
    void aPerfHeaderWithALongRunOfBlanksIsLinear() throws IOException {
        Path file = tmp.resolve("blanks.perf");
        Files.writeString(file, "java é" + " ".repeat(1 << 19) + "x 123/456 1.000: 1 cpu-clock:\n"
                + "\t7f00 main (/bin/a)\n\n", StandardCharsets.UTF_8);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                Importers.byFormat("perf-script").read(ImportSource.of(file), new CollectingSink(),
                        ProgressMonitor.NONE);
            } catch (ImportException e) {
                assertTrue(e.getMessage().length() < 1000, e.getMessage());
            }
        });
    }

    /** The linear header regex finds what stackcollapse-perf.pl's finds, with the same groups, on many lines. */
    @Test
    void theLinearPerfHeaderRegexAgreesWithStackcollapsePerf() {
        java.util.regex.Pattern original = java.util.regex.Pattern.compile("^(\\S.+?)\\s+(\\d+)/*(\\d+)*\\s+");
        java.util.regex.Pattern ours = dev.perfdesk.importers.perf.PerfHeaderAccess.header();
        String alphabet = "a1/ \t\ré9x\u0085";
        java.util.SplittableRandom random = new java.util.SplittableRandom(13);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(12);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String line = sb.toString();
            java.util.regex.Matcher a = original.matcher(line);
            java.util.regex.Matcher b = ours.matcher(line);
            boolean found = a.find();
            assertEquals(found, b.find(), "'" + line + "'");
            if (found) {
                for (int g = 0; g <= 3; g++) {
                    assertEquals(a.group(g), b.group(g), "group " + g + " of '" + line + "'");
                }
            }
        }
    }
}
