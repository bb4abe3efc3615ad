package dev.perfdesk.core.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.calltree.NamedStacks;
import dev.perfdesk.core.calltree.WeightedStacks;
import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.model.TimelineWriter;

class FlameGraphSvgWriterTest {
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String AMP = "a&b";
    private static final String QUOTES = "say \"hi\" it's";
    private static final String CDATA_END = "x]]>y";
    private static final String ATTR = "\" onload=\"alert(2)";
    /** Bytes 0xff 0xfe decoded as UTF-8, a lone surrogate and control characters. */
    private static final String BAD_BYTES = new String(new byte[] {'b', (byte) 0xff, (byte) 0xfe, 'd'},
            StandardCharsets.UTF_8) + "\uD800\u0001\u0008z";

    private static FlameViewState hostileState() {
        ProfileBuilder b = new ProfileBuilder(TimelineWriter.DISCARD);
        String[][] stacks = {{"main", SCRIPT, AMP}, {"main", QUOTES, CDATA_END}, {"main", ATTR, BAD_BYTES}};
        for (String[] stack : stacks) {
            int node = StackTable.ROOT;
            for (String name : stack) {
                node = b.child(node, b.frame(Frame.of(name, FrameKind.NATIVE)));
            }
            b.sample(node, -1, 10, ProfileBuilder.NO_TIME);
        }
        Profile p = b.build(new ProfileInfo("<b>title</b> & co", "folded", "", WeightUnit.SAMPLES, "", "", "", "",
                null, -1, 0, 0, Map.of()));
        return FlameViewState.compute(p, FrameNamers.forProfile(p), FlameViewSpec.DEFAULT, ProgressMonitor.NONE);
    }

    private static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }

    private static byte[] write(FlameViewState state, int zoom) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FlameGraphSvgWriter(FlameGraphSvgWriter.Options.DEFAULT).write(state, zoom, out);
        return out.toByteArray();
    }

    @Test
    void hostileNamesGiveWellFormedXmlThatShowsThemAsText() throws Exception {
        FlameViewState state = hostileState();
        Document doc = parse(write(state, CallTree.ROOT));
        List<String> titles = new ArrayList<>();
        NodeList titleNodes = doc.getElementsByTagNameNS("*", "title");
        for (int i = 0; i < titleNodes.getLength(); i++) {
            String t = titleNodes.item(i).getTextContent();
            titles.add(t.substring(0, t.indexOf('\n')));
        }
        String expectedBad = "b\uFFFD\uFFFDd  z";
        for (String name : List.of(SCRIPT, AMP, QUOTES, CDATA_END, ATTR, expectedBad)) {
            assertTrue(titles.contains(name), "title for " + name + " in " + titles);
        }
        String svgText = new String(write(state, CallTree.ROOT), StandardCharsets.UTF_8);
        assertTrue(svgText.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(svgText.contains("&lt;b&gt;title&lt;/b&gt; &amp; co"));
    }

    @Test
    void theOnlyScriptIsOursAndNoNameReachesAnAttributeOrTheScript() throws Exception {
        Document doc = parse(write(hostileState(), CallTree.ROOT));
        NodeList scripts = doc.getElementsByTagNameNS("*", "script");
        assertEquals(1, scripts.getLength());
        String script = scripts.item(0).getTextContent();
        for (String name : List.of("alert", "a&b", "onload", "it's")) {
            assertFalse(script.contains(name), name);
        }
        assertFalse(script.contains("innerHTML"));
        assertFalse(script.contains("eval("));
        List<String> problems = new ArrayList<>();
        walk(doc.getDocumentElement(), problems);
        assertEquals(List.of(), problems);
    }

    private static void walk(Element e, List<String> problems) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            if (a.getNodeName().toLowerCase().startsWith("on")) {
                problems.add("event attribute " + a.getNodeName() + " on " + e.getTagName());
            }
            if (a.getNodeValue().contains("alert")) {
                problems.add("name in attribute " + a.getNodeName() + " of " + e.getTagName());
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element) {
                walk((Element) c, problems);
            }
        }
    }

    @Test
    void framesCarryWeightsDepthAndParentForTheScript() throws Exception {
        NamedStacks stacks = TestProfiles.stacks("a;b;c 6", "a;b;d 2", "a;e 2");
        FlameViewState state = FlameViewState.compute(stacks, TestProfiles.folded("x 1").info(), List.of(),
                FlameViewSpec.DEFAULT, ProgressMonitor.NONE);
        Document doc = parse(write(state, CallTree.ROOT));
        Element layer = doc.getElementById("frames");
        if (layer == null) {
            NodeList gs = doc.getElementsByTagNameNS("*", "g");
            for (int i = 0; i < gs.getLength(); i++) {
                if ("frames".equals(((Element) gs.item(i)).getAttribute("id"))) {
                    layer = (Element) gs.item(i);
                }
            }
        }
        assertEquals("10", layer.getAttribute("data-total"));
        NodeList frames = layer.getElementsByTagNameNS("*", "g");
        assertEquals(6, frames.getLength());
        for (int i = 0; i < frames.getLength(); i++) {
            Element g = (Element) frames.item(i);
            int parent = Integer.parseInt(g.getAttribute("data-p"));
            assertTrue(parent < i, "parents come first");
            if (i > 0) {
                Element p = (Element) frames.item(parent);
                assertEquals(Integer.parseInt(p.getAttribute("data-d")) + 1, Integer.parseInt(g.getAttribute("data-d")));
            }
        }
    }

    @Test
    void longNamesAreCutWithAnEllipsis() {
        assertEquals("abcdefghij", FlameGraphSvgWriter.fit("abcdefghij", 100, 7.2));
        assertEquals("abcdefghi\u2026", FlameGraphSvgWriter.fit("abcdefghijklmnop", 78, 7.2));
        assertEquals("", FlameGraphSvgWriter.fit("abcdefghij", 20, 7.2));
    }
}
