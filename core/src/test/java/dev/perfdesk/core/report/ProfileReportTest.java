package dev.perfdesk.core.report;

import static dev.perfdesk.core.report.ReportEscapingTest.IMG;
import static dev.perfdesk.core.report.ReportEscapingTest.PIPES;
import static dev.perfdesk.core.report.ReportEscapingTest.SCRIPT;
import static dev.perfdesk.core.report.ReportEscapingTest.parseXml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import dev.perfdesk.core.diff.ProfileDiff;
import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.model.TimelineWriter;
import dev.perfdesk.core.stats.SimpleJson;

/** Profile comparison reports: the top function changes, and in HTML the interactive differential flame graph. */
class ProfileReportTest {

    static Profile folded(String name, String... lines) {
        ProfileBuilder b = new ProfileBuilder(TimelineWriter.DISCARD);
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            int node = StackTable.ROOT;
            for (String frame : line.substring(0, space).split(";")) {
                node = b.child(node, b.frame(Frame.of(frame, FrameKind.UNKNOWN)));
            }
            b.sample(node, -1, Long.parseLong(line.substring(space + 1)), ProfileBuilder.NO_TIME);
        }
        return b.build(new ProfileInfo(name, "folded", "", WeightUnit.SAMPLES, "", "", "", "", null, -1, 0, 0,
                Map.of()));
    }

    static ProfileComparison comparison() {
        ProfileDiff diff = ProfileDiff.compute(
                ProfileDiff.Side.of(folded("before", "main;parse 50", "main;" + SCRIPT + " 30", "main;gc 20"),
                        ProgressMonitor.NONE),
                ProfileDiff.Side.of(folded("after", "main;parse 20", "main;" + SCRIPT + " 60", "main;" + PIPES
                        + " 10", "main;gc 20"), ProgressMonitor.NONE),
                ProfileDiff.Options.DEFAULT, ProgressMonitor.NONE);
        return new ProfileComparison("12 before " + IMG, "13 after", diff, 3);
    }

    @Test
    void markdownListsTheLargestChangesFirst() {
        String md = new MarkdownReportWriter().write(comparison());
        List<String> rows = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Function")).toList();
        assertEquals(3, rows.size(), md);
        assertEquals("| &lt;script>alert(1)&lt;/script> | 30 samples | 60 samples | +30 samples | +100.0% "
                + "| +30 samples |", rows.get(0));
        assertEquals("| parse | 50 samples | 20 samples | -30 samples | -60.0% | -30 samples |", rows.get(1));
        assertEquals("| a\\|b\\`c\\`\\*d\\*\\_e\\_\\[f\\](g) | 0 samples | 10 samples | +10 samples | new "
                + "| +10 samples |", rows.get(2), "ties by name: a new function before main");
        assertTrue(md.startsWith("## Profile comparison: 12 before &lt;img src=x onerror=alert(2)> vs 13 after"),
                md);
    }

    @Test
    void htmlEmbedsTheInteractiveDiffFlameGraphWithNamesEscaped() throws Exception {
        String html = new HtmlReportWriter().write(comparison());
        Document doc = parseXml(html);
        assertEquals(1, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength());
        assertEquals(1, doc.getElementsByTagName("script").getLength(), "the flame graph's own script");
        assertFalse(html.contains(SCRIPT) || html.contains("<img"));
        assertFalse(html.contains("<?xml"), "the SVG's XML declaration is dropped inside HTML");
        assertTrue(doc.getDocumentElement().getTextContent().contains(PIPES));
    }

    @Test
    void jsonHasBothSidesOfEachFunction() {
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) SimpleJson.parse(new JsonReportWriter().write(comparison()));
        assertEquals("profile-comparison", root.get("kind"));
        List<?> functions = (List<?>) root.get("functions");
        assertEquals(3, functions.size());
        Map<?, ?> f = (Map<?, ?>) functions.get(0);
        assertEquals(SCRIPT, f.get("name"));
        assertEquals(30.0, f.get("baselineTotal"));
        assertEquals(60.0, f.get("candidateTotal"));
    }
}
