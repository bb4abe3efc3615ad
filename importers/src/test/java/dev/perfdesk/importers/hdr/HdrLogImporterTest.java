package dev.perfdesk.importers.hdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.IntervalHistograms;
import dev.perfdesk.core.timeline.TimeRange;
import dev.perfdesk.importers.bench.BenchFiles;
import dev.perfdesk.importers.spi.ImportException;

/**
 * Every interval log of the test data (HdrHistogram's own V1, V2 and tagged logs; see testdata/README.md)
 * against HdrHistogram's own reader and {@code Histogram.add}: per tag, every interval histogram with its start and
 * end, and merges of the whole log and of time ranges, value for value.
 */
class HdrLogImporterTest {
    static final double[] PERCENTILES = {0, 25, 50, 90, 99, 99.9, 99.99, 100};

    static Stream<Arguments> logs() {
        return Stream.of(BenchFiles.sample("hdr", "tagged-Log.logV2.hlog"),
                BenchFiles.testdata("hdr/tagged-Log.logV2.hlog"), BenchFiles.testdata("hdr/jHiccup-2.0.6.logV1.hlog"),
                BenchFiles.testdata("hdr/jHiccup-2.0.7S.logV2.hlog"))
                .map(p -> Arguments.of(p.getParent().getFileName() + "/" + p.getFileName(), p));
    }

    /** The log's interval histograms per tag ("" for none), read by HdrHistogram alone. */
    static Map<String, List<Histogram>> readByHdrHistogram(Path file) throws Exception {
        Map<String, List<Histogram>> byTag = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            HistogramLogReader reader = new HistogramLogReader(in);
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                Histogram interval = (Histogram) h;
                byTag.computeIfAbsent(interval.getTag() == null ? "" : interval.getTag(), t -> new ArrayList<>())
                        .add(interval);
            }
        }
        return byTag;
    }

    /** HdrHistogram's sum of intervals, as its HistogramLogProcessor accumulates them. */
    static Histogram added(List<Histogram> intervals) {
        Histogram sum = intervals.get(0).copy();
        sum.reset();
        for (Histogram h : intervals) {
            sum.add(h);
        }
        return sum;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void keepsEveryIntervalHistogramPerTagAsHdrHistogramReadsIt(String name, Path file) throws Exception {
        BenchmarkRun run = BenchFiles.importRun(file, HdrLogImporter.FORMAT);
        Map<String, List<Histogram>> expected = readByHdrHistogram(file);
        assertEquals(expected.size(), run.benchmarks().size(), "one benchmark per tag");
        int t = 0;
        for (Map.Entry<String, List<Histogram>> e : expected.entrySet()) {
            Benchmark b = run.benchmarks().get(t++);
            assertEquals(e.getKey().isEmpty() ? Map.of() : Map.of("tag", e.getKey()), b.params());
            List<Histogram> hs = e.getValue();
            IntervalHistograms intervals = b.intervals();
            assertEquals(hs.size(), intervals.size());
            assertEquals(Integer.toString(hs.size()), b.attributes().get("intervals"));
            for (int i = 0; i < hs.size(); i++) {
                assertEquals(hs.get(i), intervals.histogram(i), "interval " + i);
                assertEquals(hs.get(i).getStartTimeStamp() * 1_000_000L, intervals.startNanos(i));
                assertEquals(hs.get(i).getEndTimeStamp() * 1_000_000L, intervals.endNanos(i));
            }
            Histogram all = added(hs);
            assertEquals(all, b.distribution().histogram(), "the whole log is the sum of its intervals");
            assertEquals(all.getTotalCount(), b.count());
            for (double p : PERCENTILES) {
                assertEquals(all.getValueAtPercentile(p) / 1e6, b.percentile(p), "p" + p);
            }
            assertEquals(all.getMaxValue() / 1e6, b.statistics().get("max"));
            assertFalse(b.hasSamples(), "counts are not expanded into samples");
            assertNull(b.points(), "intervals, not points");
        }
    }

    @Test
    void readsALogWithBlankLinesAndWindowsLineEndsAsTheLogItself(@TempDir Path dir) throws Exception {
        Path original = BenchFiles.sample("hdr", "tagged-Log.logV2.hlog");
        List<String> lines = Files.readAllLines(original);
        // blank lines before the first interval, between two, at the end (as an editor or `cat a b` leaves them),
        // and every line ended by CR LF
        List<String> edited = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            edited.add(lines.get(i));
            if (i == 3 || i == lines.size() / 2) {
                edited.add("");
            }
        }
        edited.add("");
        edited.add("");
        Path file = dir.resolve("edited.hlog");
        Files.writeString(file, String.join("\r\n", edited) + "\r\n");
        BenchmarkRun expected = BenchFiles.importRun(original, HdrLogImporter.FORMAT);
        BenchmarkRun actual = BenchFiles.importRun(file, HdrLogImporter.FORMAT);
        assertEquals(expected.benchmarks().size(), actual.benchmarks().size());
        for (int b = 0; b < expected.benchmarks().size(); b++) {
            IntervalHistograms want = expected.benchmarks().get(b).intervals();
            IntervalHistograms got = actual.benchmarks().get(b).intervals();
            assertEquals(want.size(), got.size());
            for (int i = 0; i < want.size(); i++) {
                assertEquals(want.histogram(i), got.histogram(i), "interval " + i);
                assertEquals(want.startNanos(i), got.startNanos(i));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void aTimeRangeMergesTheIntervalsStartingInIt(String name, Path file) throws Exception {
        BenchmarkRun run = BenchFiles.importRun(file, HdrLogImporter.FORMAT);
        List<Histogram> hs = readByHdrHistogram(file).values().iterator().next();
        IntervalHistograms intervals = run.benchmarks().get(0).intervals();
        long first = hs.get(0).getStartTimeStamp() * 1_000_000L;
        long last = hs.get(hs.size() - 1).getStartTimeStamp() * 1_000_000L;
        TimeRange middle = new TimeRange(first + (last - first) / 3, first + (last - first) * 2 / 3);
        List<Histogram> inside = hs.stream().filter(h -> middle.contains(h.getStartTimeStamp() * 1_000_000L)).toList();
        assertTrue(inside.size() >= 5 && inside.size() < hs.size() / 2, name + ": " + inside.size());
        Histogram expected = added(inside);
        Histogram merged = intervals.merge(middle);
        assertEquals(expected, merged);
        for (double p : PERCENTILES) {
            assertEquals(expected.getValueAtPercentile(p), merged.getValueAtPercentile(p), "p" + p);
        }
    }

    @Test
    void firstIntervalOfTheSampleHasTheMaxTheLogsColumnPrints() throws Exception {
        // 0.127,1.007,2.769,HISTF...: Interval_Max 2.769 ms, to the histogram's two significant digits
        BenchmarkRun run = BenchFiles.importRun(BenchFiles.sample("hdr", "tagged-Log.logV2.hlog"),
                HdrLogImporter.FORMAT);
        IntervalHistograms intervals = run.benchmarks().get(0).intervals();
        assertEquals(2.769, intervals.histogram(0).getMaxValue() / 1e6, 2.769 * 0.01);
        assertEquals(1_441_812_279_601L * 1_000_000L, intervals.startNanos(0), "StartTime 1441812279.474 + 0.127 s");
        assertEquals(1_441_812_280_608L * 1_000_000L, intervals.endNanos(0), "plus the 1.007 s interval");
    }

    @Test
    void rejectsEmptyGarbageAndTruncatedGzipWithOneSentence(@TempDir Path dir) throws Exception {
        byte[] log = Files.readAllBytes(BenchFiles.sample("hdr", "tagged-Log.logV2.hlog"));
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(log);
        }
        byte[] garbage = new byte[20_000];
        new java.util.Random(7).nextBytes(garbage);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("empty.hlog", new byte[0]);
        files.put("garbage.hlog", garbage);
        files.put("truncated.hlog.gz", java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2));
        files.put("cut-mid-line.hlog", java.util.Arrays.copyOf(log, log.length / 2));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path file = Files.write(dir.resolve(f.getKey()), f.getValue());
            ImportException e = assertThrows(ImportException.class,
                    () -> BenchFiles.read(file, new HdrLogImporter()), f.getKey());
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    void rejectsATimeStampPastTheYear2262WithItsLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("far.hlog"), String.join("\n",
                "#[Histogram log format version 1.2]",
                "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"",
                "0.127,1.007,2.769,HISTFAAAAEV42pNpmSzMwMCgyAABTBDKT4GBgdnNYMcCBvsPEBEJISEuATEZMQ4uASkhIR4nrxg9v2l"
                        + "MaxhvMekILGZkKmcCAEf2CsI=",
                "99999999999.0,1.007,2.769,HISTFAAAAEV42pNpmSzMwMCgyAABTBDKT4GBgdnNYMcCBvsPEBEJISEuATEZMQ4uASkhIR4n"
                        + "rxg9v2lMaxhvMekILGZkKmcCAEf2CsI=", ""));
        ImportException e = assertThrows(ImportException.class, () -> BenchFiles.read(file, new HdrLogImporter()));
        assertTrue(e.getMessage().contains(":4: the interval's time stamp is out of range"), e.getMessage());
    }

    @Test
    void refusesAGarbageLineInTheMiddleWithItsLineInsteadOfKeepingTheIntervalsBeforeIt(@TempDir Path dir)
            throws Exception {
        List<String> lines = Files.readAllLines(BenchFiles.sample("hdr", "tagged-Log.logV2.hlog"));
        int middle = lines.size() / 2;
        List<String> damaged = new ArrayList<>(lines);
        damaged.add(middle, "this line is not part of any histogram log");
        Path file = Files.write(dir.resolve("damaged.hlog"), damaged);
        ImportException e = assertThrows(ImportException.class, () -> BenchFiles.read(file, new HdrLogImporter()));
        assertTrue(e.getMessage().startsWith(file + ":" + (middle + 1) + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("neither a comment, the column header nor an interval"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aDamagedIntervalSaysSoInWordsNotHdrHistogramsText(@TempDir Path dir) throws Exception {
        String header = "#[Histogram log format version 1.2]\n"
                + "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"\n";
        String good = "HISTFAAAAEV42pNpmSzMwMCgyAABTBDKT4GBgdnNYMcCBvsPEBEJISEuATEZMQ4uASkhIR4nrxg9v2l"
                + "MaxhvMekILGZkKmcCAEf2CsI=";
        for (String histogram : new String[] {good.substring(0, 60), good.substring(0, 80)}) {
            Path file = Files.writeString(dir.resolve("bad.hlog"), header + "0.127,1.007,2.769," + histogram + "\n");
            ImportException e = assertThrows(ImportException.class, () -> BenchFiles.read(file, new HdrLogImporter()));
            assertTrue(e.getMessage().startsWith(file + ":3: interval 1 cannot be decoded: "), e.getMessage());
            assertTrue(e.problem().endsWith("; the log looks damaged or truncated"), e.getMessage());
            assertTrue(!e.problem().contains("Exception") && !e.problem().contains("out of bounds")
                    && !e.problem().contains("cookie found"), e.getMessage());
        }
    }

    @Test
    void refusesANaNIntervalStartWithItsLine(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(BenchFiles.sample("hdr", "tagged-Log.logV2.hlog")));
        int at = lines.size() - 1;
        String last = lines.get(at);
        int comma = last.indexOf(',', last.startsWith("Tag=") ? last.indexOf(',') + 1 : 0);
        String prefix = last.startsWith("Tag=") ? last.substring(0, last.indexOf(',') + 1) : "";
        lines.set(at, prefix + "NaN" + last.substring(comma));
        Path file = Files.write(dir.resolve("nan.hlog"), lines);
        ImportException e = assertThrows(ImportException.class, () -> BenchFiles.read(file, new HdrLogImporter()));
        assertTrue(e.getMessage().startsWith(file + ":" + (at + 1) + ": "), e.getMessage());
    }

    @Test
    void refusesAFourMegabyteLineAtOnceWithItsLine(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(BenchFiles.sample("hdr", "tagged-Log.logV2.hlog")));
        lines.add(5, "0.127,1.007,2.769,HIST" + "A".repeat(4 << 20));
        Path file = Files.write(dir.resolve("long.hlog"), lines);
        ImportException e = assertThrows(ImportException.class, () -> BenchFiles.read(file, new HdrLogImporter()));
        assertTrue(e.getMessage().startsWith(file + ":6: the line is longer than 256 KiB"), e.getMessage());
    }
}
