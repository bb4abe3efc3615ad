package dev.perfdesk.core.report;

import static dev.perfdesk.core.report.TestRuns.around;
import static dev.perfdesk.core.report.TestRuns.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.stats.ComparisonOptions;
import dev.perfdesk.core.stats.SimpleJson;

/**
 * Hostile names from input files stay text in every format: HTML that parses as well-formed XML with no script
 * and no external resource, Markdown whose table rows keep their columns, JSON that parses back to the same names.
 */
class ReportEscapingTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(2)>";
    static final String PIPES = "a|b`c`*d*_e_[f](g)";
    static final String QUOTES = "q\"uo'te\\back & amp; &amp;";
    static final String CONTROL = "line\nbreak\u0001\u2028x";
    static final List<String> NAMES = List.of(SCRIPT, IMG, PIPES, QUOTES, CONTROL);

    static RunComparison hostile() {
        List<Benchmark> base = new ArrayList<>();
        List<Benchmark> cand = new ArrayList<>();
        double factor = 1.0;
        for (String name : NAMES) {
            base.add(Benchmark.builder(name).param("size", IMG).unit("ms").samples(around(10, 20)).build());
            cand.add(Benchmark.builder(name).param("size", IMG).unit("ms").samples(around(10 * factor, 20)).build());
            factor += 0.05;
        }
        base.add(samples("only|base" + SCRIPT, "ns", around(1, 10)));
        Map<String, String> env = Map.of("host" + SCRIPT, IMG + PIPES);
        return RunComparison.compare(SCRIPT + " base", new BenchmarkRun(IMG, SCRIPT, "x", null, env, PIPES, QUOTES,
                Map.of(), base), PIPES + " cand", new BenchmarkRun("c", "t", "x", null, env, "", "", Map.of(), cand),
                ComparisonOptions.DEFAULTS, List.of());
    }

    static Document parseXml(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void htmlIsWellFormedSelfContainedAndHasNoMarkupFromNames() throws Exception {
        String html = new HtmlReportWriter().write(hostile());
        Document doc = parseXml(html);
        assertEquals("html", doc.getDocumentElement().getTagName());
        assertEquals(0, doc.getElementsByTagName("script").getLength(), "the run report needs no script");
        assertEquals(0, doc.getElementsByTagName("img").getLength());
        assertFalse(html.contains(SCRIPT) || html.contains("<img"), "names are escaped");
        XPath xpath = XPathFactory.newInstance().newXPath();
        assertEquals(0.0, xpath.evaluate("count(//@*[local-name()='src' or local-name()='href'])", doc,
                XPathConstants.NUMBER), "no external resources");
        String css = doc.getElementsByTagName("style").item(0).getTextContent();
        assertFalse(css.contains("url(") || css.contains("@import"), "no resources from the styles");
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains(SCRIPT), "the name reads as itself");
        assertTrue(text.contains(PIPES));
        assertTrue(text.contains(QUOTES));
        NodeList svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertTrue(svgs.getLength() >= 2, "the change chart and percentile curves are inline SVG");
    }

    @Test
    void markdownKeepsEveryTableRowInItsColumns() {
        String md = new MarkdownReportWriter().write(hostile());
        assertFalse(md.contains(SCRIPT) || md.contains("<img"), md);
        for (String line : md.split("\n")) {
            if (line.startsWith("|")) {
                long pipes = unescapedPipes(line);
                String header = headerOf(md, line);
                assertEquals(unescapedPipes(header), pipes, "columns of: " + line);
            }
        }
        assertTrue(md.contains("a\\|b\\`c\\`\\*d\\*\\_e\\_\\[f\\](g)"), md);
        assertFalse(md.contains("\u2028") || md.contains("\u0001"), "no line or control characters from names");
    }

    @Test
    void jsonParsesBackToTheSameNames() {
        String json = new JsonReportWriter().write(hostile());
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) SimpleJson.parse(json);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) root.get("benchmarks");
        List<Object> names = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            names.add(r.get("name"));
            assertEquals(Map.of("size", IMG), r.get("params"));
        }
        // the rows come in report order (regressions, improvements, the rest), so compare the names as a set
        assertEquals(NAMES.size(), names.size());
        assertEquals(java.util.Set.copyOf(NAMES), java.util.Set.copyOf(names));
        assertEquals(SCRIPT + " base", ((Map<?, ?>) root.get("baseline")).get("title"));
        assertEquals(List.of("only|base" + SCRIPT), root.get("onlyInBaseline"));
        assertTrue(json.contains("\\u2028"), "U+2028 is escaped for JavaScript");
    }

    @Test
    void textHasNoControlCharactersFromNames() {
        String text = new TextReportWriter().write(hostile());
        assertFalse(text.chars().anyMatch(ch -> ch < 0x20 && ch != '\n'), "control characters become spaces");
        assertTrue(text.contains("line break x") || text.contains("line break"), text);
    }

    private static long unescapedPipes(String line) {
        long n = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '|') {
                n++;
            }
        }
        return n;
    }

    /** The header row of the table {@code row} belongs to. */
    private static String headerOf(String md, String row) {
        String[] lines = md.split("\n");
        int at = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals(row)) {
                at = i;
                break;
            }
        }
        while (at > 0 && lines[at - 1].startsWith("|")) {
            at--;
        }
        return lines[at];
    }
}
