package dev.perfdesk.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.RelativeSpeed;
import dev.perfdesk.core.stats.ComparisonOptions;
import dev.perfdesk.core.stats.SimpleJson;

/**
 * The reports' "Relative speed within each run": RelativeSpeed's own sentences for each run, in every format, for
 * groups of 2 to 12 comparable primary benchmarks; larger groups are named as left out; names are escaped.
 */
class ReportRelativeSpeedTest {

    /** A hyperfine command as its importer builds it: hyperfine's mean and stddev, in seconds, and its times. */
    static Benchmark command(String name, double mean, double stddev) {
        return Benchmark.builder(name).unit("s").lowerIsBetter(true).statistic("mean", mean)
                .statistic("stddev", stddev).samples(TestRuns.around(mean, 15)).build();
    }

    /** hyperfine-relative.json's means and standard deviations (sample-data/bench/hyperfine). */
    static BenchmarkRun hyperfine(String name) {
        return new BenchmarkRun(name, "hyperfine", "hyperfine-json", null, Map.of(), "", "", Map.of(), List.of(
                command("sleep 0.01", 0.014611735399999999, 0.0062199156181833685),
                command("sleep 0.02", 0.0336790472, 0.01712510465001324),
                command("sleep 0.03", 0.0441386046, 0.011517427442653732)));
    }

    static final List<String> HYPERFINE_PRINTED = List.of("sleep 0.01 ran 2.30 ± 1.53 times faster than sleep 0.02",
            "sleep 0.01 ran 3.02 ± 1.51 times faster than sleep 0.03");

    @Test
    void everyFormatGivesHyperfinesSentencesForBothRuns() {
        RunComparison c = RunComparison.compare("before", hyperfine("a"), "after", hyperfine("b"),
                ComparisonOptions.DEFAULTS, List.of());
        String md = new MarkdownReportWriter().write(c);
        String html = new HtmlReportWriter().write(c);
        String text = new TextReportWriter().write(c);
        assertTrue(md.contains("### Relative speed within each run\n"), md);
        assertTrue(md.contains("Baseline before, 3 benchmarks in s (lower is better):\n\n- " + HYPERFINE_PRINTED.get(0)
                + "\n- " + HYPERFINE_PRINTED.get(1) + "\n"), md);
        assertTrue(md.contains("Candidate after, 3 benchmarks in s (lower is better):\n\n- "
                + HYPERFINE_PRINTED.get(0) + "\n"), md);
        assertTrue(html.contains("<h2>Relative speed within each run</h2>"), html);
        assertTrue(text.contains("Relative speed within each run (" + RelativeSpeed.BASIS), text);
        for (String sentence : HYPERFINE_PRINTED) {
            assertEquals(2, count(md, "- " + sentence + "\n"), md);
            assertEquals(2, count(html, "<li>" + sentence + "</li>"), html);
            assertEquals(2, count(text, "  " + sentence + "\n"), text);
        }
        Map<String, Object> json = obj(SimpleJson.parse(new JsonReportWriter().write(c)));
        for (String side : List.of("baseline", "candidate")) {
            Map<String, Object> speed = object(object(json, side), "relativeSpeed");
            assertEquals(RelativeSpeed.BASIS, speed.get("basis"));
            List<Object> groups = array(speed, "groups");
            assertEquals(1, groups.size());
            @SuppressWarnings("unchecked")
            Map<String, Object> g = (Map<String, Object>) groups.get(0);
            assertEquals(Boolean.TRUE, g.get("inText"));
            assertEquals("s", g.get("unit"));
            List<Object> entries = array(g, "entries");
            assertEquals(3, entries.size());
            @SuppressWarnings("unchecked")
            Map<String, Object> second = (Map<String, Object>) entries.get(1);
            assertEquals("sleep 0.01", second.get("reference"));
            assertEquals("sleep 0.02", second.get("name"));
            assertEquals("SLOWER", second.get("relation"));
            assertEquals(0.0336790472 / 0.014611735399999999, ((Number) second.get("ratio")).doubleValue(), 1e-12);
            assertEquals("2.30 ± 1.53", second.get("ratioText"));
            assertEquals(HYPERFINE_PRINTED.get(0), second.get("sentence"));
            @SuppressWarnings("unchecked")
            Map<String, Object> first = (Map<String, Object>) entries.get(0);
            assertEquals("REFERENCE", first.get("relation"));
            assertEquals(null, first.get("ratioStddev"));
        }
    }

    @Test
    void groupsOfMoreThanTwelveAreLeftOutAndSaidSo() {
        List<Benchmark> many = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            many.add(command("cmd " + i, i, 0.1));
        }
        BenchmarkRun run = new BenchmarkRun("many", "hyperfine", "hyperfine-json", null, Map.of(), "", "", Map.of(),
                many);
        RunComparison c = RunComparison.compare("x", run, "y", run, ComparisonOptions.DEFAULTS, List.of());
        String md = new MarkdownReportWriter().write(c);
        assertTrue(md.contains("Baseline x: 13 benchmarks in s (lower is better): left out, more than 12.\n"), md);
        assertFalse(md.contains("times faster than"), md);
        assertTrue(new HtmlReportWriter().write(c).contains("Candidate y: 13 benchmarks in s (lower is better): "
                + "left out, more than 12.</p>"));
        Map<String, Object> json = obj(SimpleJson.parse(new JsonReportWriter().write(c)));
        @SuppressWarnings("unchecked")
        Map<String, Object> g = (Map<String, Object>) array(object(object(json,
                "baseline"), "relativeSpeed"), "groups").get(0);
        assertEquals(Boolean.FALSE, g.get("inText"));
        assertEquals(13, array(g, "entries").size());
    }

    @Test
    void aRunOfOneBenchmarkPerUnitHasNoSection() {
        BenchmarkRun run = TestRuns.run("one", TestRuns.samples("a", "ms", TestRuns.around(10, 20)),
                TestRuns.samples("b", "ops/s", TestRuns.around(10, 20)));
        RunComparison c = RunComparison.compare("x", run, "y", run, ComparisonOptions.DEFAULTS, List.of());
        assertFalse(new MarkdownReportWriter().write(c).contains("Relative speed"));
        assertFalse(new TextReportWriter().write(c).contains("Relative speed"));
    }

    @Test
    void namesAreEscaped() {
        BenchmarkRun run = new BenchmarkRun("h", "hyperfine", "hyperfine-json", null, Map.of(), "", "", Map.of(),
                List.of(command("echo a|b <script>", 1, 0.1), command("sleep *1*", 2, 0.1)));
        RunComparison c = RunComparison.compare("x", run, "y", run, ComparisonOptions.DEFAULTS, List.of());
        String md = new MarkdownReportWriter().write(c);
        assertTrue(md.contains("- " + MarkdownText.escape("echo a|b <script> ran 2.00 ± 0.22 times faster than "
                + "sleep *1*") + "\n"), md);
        assertFalse(md.contains("<script>"), md);
        String html = new HtmlReportWriter().write(c);
        assertTrue(html.contains("<li>echo a|b &lt;script&gt; ran 2.00 ± 0.22 times faster than sleep *1*</li>"),
                html);
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> object(Map<String, Object> in, String name) {
        return obj(in.get(name));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> array(Map<String, Object> in, String name) {
        return (List<Object>) in.get(name);
    }
}
