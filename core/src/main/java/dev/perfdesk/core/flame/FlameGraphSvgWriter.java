package dev.perfdesk.core.flame;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.util.XmlText;

/**
 * Writes a flame graph view as a standalone, interactive SVG: click a frame to zoom, Esc or "Reset zoom" to zoom
 * out, "Search" (or Ctrl+F) for a regular expression with the matched share counted once per sample, and a
 * tooltip plus a details line on hover. The small script is embedded; it reads frame names from the {@code <title>}
 * elements and writes them back only as text, so no name can inject markup or script. Every name is XML-escaped,
 * and characters XML 1.0 forbids are dropped.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(path)) {
 *     new FlameGraphSvgWriter(FlameGraphSvgWriter.Options.DEFAULT).write(state, zoomNode, out);
 * }
 * }</pre>
 */
public final class FlameGraphSvgWriter {
    private static final String SCRIPT = loadScript();
    private static final int LEFT = 10;
    private static final int TOP = 52;
    private static final int BOTTOM = 34;
    private static final double CHAR_WIDTH_EM = 0.6;

    /** Rows a flame graph draws by default: deeper frames are left out and counted (a stack of a million frames). */
    public static final int DEFAULT_MAX_DEPTH = 1024;

    /**
     * How the SVG looks.
     *
     * @param width       image width in pixels
     * @param frameHeight height of one frame row in pixels
     * @param fontSize    frame label font size in pixels
     * @param icicle      root at the top rather than at the bottom
     * @param title       the heading; empty for the profile's name
     * @param minWidth    frames narrower than this (pixels) are left out, as flamegraph.pl's {@code --minwidth}
     *                    (default 0.1), each run of them drawn as one grey rectangle when it is that wide together
     * @param maxDepth    frames deeper than this many rows below the root are left out
     */
    public record Options(int width, int frameHeight, int fontSize, boolean icicle, String title, double minWidth,
                          int maxDepth) {
        public static final Options DEFAULT = new Options(1200, 16, 12, false, "", 0.1, DEFAULT_MAX_DEPTH);

        /** Options with the default depth. */
        public Options(int width, int frameHeight, int fontSize, boolean icicle, String title, double minWidth) {
            this(width, frameHeight, fontSize, icicle, title, minWidth, DEFAULT_MAX_DEPTH);
        }

        public Options withIcicle(boolean newIcicle) {
            return new Options(width, frameHeight, fontSize, newIcicle, title, minWidth, maxDepth);
        }

        public Options withTitle(String newTitle) {
            return new Options(width, frameHeight, fontSize, icicle, newTitle, minWidth, maxDepth);
        }

        /** These options with frames narrower than {@code pixels} left out. */
        public Options withMinWidth(double pixels) {
            return new Options(width, frameHeight, fontSize, icicle, title, pixels, maxDepth);
        }

        /** These options with frames deeper than {@code rows} left out. */
        public Options withMaxDepth(int rows) {
            return new Options(width, frameHeight, fontSize, icicle, title, minWidth, rows);
        }
    }

    /**
     * What the last document written left out: frames of the call tree not drawn as frames of their own.
     *
     * @param narrow frames narrower than the minimum width (with everything they call)
     * @param deep   frames deeper than the maximum depth
     */
    public record LeftOut(long narrow, long deep) {
        /** All frames left out. */
        public long total() {
            return narrow + deep;
        }

        /** One sentence for people, such as "999,000 frames left out: deeper than 1024 rows". */
        public String describe(Options options) {
            StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "%,d frame%s left out (",
                    total(), total() == 1 ? "" : "s"));
            if (narrow > 0) {
                sb.append(String.format(java.util.Locale.ROOT, "%,d narrower than %s px", narrow,
                        num(options.minWidth())));
            }
            if (deep > 0) {
                sb.append(narrow > 0 ? ", " : "").append(String.format(java.util.Locale.ROOT,
                        "%,d deeper than %d row%s", deep, options.maxDepth(), options.maxDepth() == 1 ? "" : "s"));
            }
            return sb.append(')').toString();
        }
    }

    private LeftOut leftOut = new LeftOut(0, 0);

    private final Options options;

    public FlameGraphSvgWriter(Options options) {
        this.options = options;
    }

    /** Writes {@code state} zoomed to {@code zoomNode} (the zoom's ancestors span the full width, as on screen). */
    public void write(FlameViewState state, int zoomNode, OutputStream out) throws IOException {
        write(state, zoomNode, null, out);
    }

    /**
     * Writes {@code state} zoomed to {@code zoomNode} with colours, tooltips and subtitle from {@code style} (null
     * for the state's own); the details line on hover then repeats each frame's tooltip.
     */
    public void write(FlameViewState state, int zoomNode, FrameStyle style, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(toSvg(state, zoomNode, style));
        w.flush();
    }

    /** The SVG document as a string. */
    public String toSvg(FlameViewState state, int zoomNode) {
        return toSvg(state, zoomNode, null);
    }

    /** The SVG document as a string, styled by {@code style} when it is not null. */
    public String toSvg(FlameViewState state, int zoomNode, FrameStyle style) {
        if (style != null && style.tree() != state.tree()) {
            throw new IllegalArgumentException("the frame style was made for another tree");
        }
        CallTree tree = state.tree();
        int drawWidth = options.width() - 2 * LEFT;
        FlameLayout layout = new FlameLayout();
        layout.compute(tree, zoomNode, drawWidth, options.minWidth(), options.maxDepth());
        leftOut = countLeftOut(tree, zoomNode, layout);
        Integer[] order = new Integer[layout.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Parents before children, left to right: the script relies on it to count nested matches once.
        Arrays.sort(order, (a, b) -> layout.depth(a) != layout.depth(b)
                ? Integer.compare(layout.depth(a), layout.depth(b)) : Double.compare(layout.x(a), layout.x(b)));
        int[] position = new int[tree.size()];
        Arrays.fill(position, -1);
        int rows = layout.size() == 0 ? 1 : layout.maxDepth() + 1;
        int height = TOP + rows * options.frameHeight() + BOTTOM;
        double charWidth = options.fontSize() * CHAR_WIDTH_EM;

        StringBuilder sb = new StringBuilder(256 + layout.size() * 220);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(options.width())
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(options.width())
                .append(' ').append(height).append("\">\n");
        sb.append("<style type=\"text/css\">\n")
                .append("text { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: ")
                .append(options.fontSize()).append("px; fill: #1a1a1a; }\n")
                .append("#frames g { cursor: pointer; }\n")
                .append("#frames g:hover rect { stroke: #202020; stroke-width: 0.8; }\n")
                .append("#frames text { pointer-events: none; }\n")
                .append(".button { cursor: pointer; fill: #1d4ed8; text-decoration: underline; }\n")
                .append(".heading { font-size: 17px; font-weight: bold; }\n")
                .append("</style>\n");
        sb.append("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#f8f8f4\"/>\n");
        String title = options.title().isEmpty() ? state.info().name() : options.title();
        sb.append("<text class=\"heading\" x=\"").append(options.width() / 2).append("\" y=\"22\" ")
                .append("text-anchor=\"middle\">");
        text(sb, title);
        sb.append("</text>\n");
        sb.append("<text x=\"").append(options.width() / 2).append("\" y=\"40\" text-anchor=\"middle\">");
        text(sb, subtitle(state, zoomNode, style) + (leftOut.total() > 0 ? "; " + leftOut.describe(options) : ""));
        sb.append("</text>\n");
        sb.append("<text id=\"reset\" class=\"button\" x=\"").append(LEFT).append("\" y=\"22\">Reset zoom</text>\n");
        sb.append("<text id=\"search\" class=\"button\" x=\"").append(options.width() - LEFT)
                .append("\" y=\"22\" text-anchor=\"end\">Search</text>\n");
        sb.append("<text id=\"case\" class=\"button\" x=\"").append(options.width() - LEFT)
                .append("\" y=\"40\" text-anchor=\"end\">Match case: off</text>\n");
        sb.append("<text id=\"details\" x=\"").append(LEFT).append("\" y=\"").append(height - 12)
                .append("\"> </text>\n");
        sb.append("<text id=\"matched\" x=\"").append(options.width() - LEFT).append("\" y=\"")
                .append(height - 12).append("\" text-anchor=\"end\"> </text>\n");
        sb.append("<g id=\"frames\" data-total=\"").append(tree.total(CallTree.ROOT))
                .append("\" data-unit=\"");
        text(sb, state.unit().symbol());
        sb.append("\" data-width=\"").append(drawWidth).append("\" data-left=\"").append(LEFT)
                .append("\" data-charw=\"").append(num(charWidth)).append("\" data-match=\"")
                .append(FramePalette.hex(style != null ? style.matchColor() : 0xE040E0)).append('"');
        if (style != null) {
            sb.append(" data-hover=\"title\"");
        }
        sb.append(">\n");

        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            int node = layout.node(i);
            boolean elided = layout.isElided(i);
            if (!elided) {
                position[node] = k;
            }
            int parent = elided ? position[node] : (tree.parent(node) >= 0 ? position[tree.parent(node)] : -1);
            int depth = layout.depth(i);
            double x = layout.x(i);
            double w = layout.width(i);
            double y = options.icicle()
                    ? TOP + depth * options.frameHeight()
                    : TOP + (rows - 1 - depth) * options.frameHeight();
            long weight = layout.weight(i);
            sb.append("<g class=\"").append(elided ? 'e' : 'f').append("\" data-x=\"").append(num(x))
                    .append("\" data-w=\"").append(num(w)).append("\" data-d=\"").append(depth)
                    .append("\" data-p=\"").append(parent).append("\" data-v=\"").append(weight)
                    .append("\" data-s=\"").append(elided ? 0 : tree.self(node)).append("\">");
            sb.append("<title>");
            if (elided) {
                text(sb, "Narrow frames\n" + state.format(weight) + " ("
                        + FlameViewState.percent(weight, state.totalWeight()) + " of all)");
            } else {
                text(sb, XmlText.singleLine(tree.name(node)));
                text(sb, "\n" + (style != null ? style.details(node)
                        : state.format(weight) + " (" + FlameViewState.percent(weight, state.totalWeight())
                        + " of all), self " + state.format(tree.self(node))));
            }
            sb.append("</title>");
            int rgb = elided ? 0xB8B8B8 : style != null ? style.color(node) : state.color(node);
            sb.append("<rect x=\"").append(num(LEFT + x)).append("\" y=\"").append(num(y))
                    .append("\" width=\"").append(num(Math.max(0, w - 0.5))).append("\" height=\"")
                    .append(options.frameHeight() - 1).append("\" fill=\"").append(FramePalette.hex(rgb))
                    .append("\" rx=\"2\" ry=\"2\"/>");
            if (!elided) {
                sb.append("<text x=\"").append(num(LEFT + x + 3)).append("\" y=\"")
                        .append(num(y + options.frameHeight() - 4)).append("\">");
                text(sb, fit(XmlText.singleLine(tree.name(node)), w, charWidth));
                sb.append("</text>");
            }
            sb.append("</g>\n");
        }
        sb.append("</g>\n");
        sb.append("<script type=\"text/ecmascript\"><![CDATA[\n").append(SCRIPT).append("]]></script>\n");
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** What the last document written left out. */
    public LeftOut leftOut() {
        return leftOut;
    }

    /** Frames under the zoom that the layout did not draw as frames of their own, narrow or deep. */
    private LeftOut countLeftOut(CallTree tree, int zoomNode, FlameLayout layout) {
        boolean[] drawn = new boolean[tree.size()];
        for (int i = 0; i < layout.size(); i++) {
            if (!layout.isElided(i)) {
                drawn[layout.node(i)] = true;
            }
        }
        long narrow = 0;
        long deep = 0;
        int[] stack = new int[64];
        int sp = 0;
        stack[sp++] = zoomNode;
        while (sp > 0) {
            int n = stack[--sp];
            for (int c = tree.firstChild(n); c >= 0; c = tree.nextSibling(c)) {
                if (!drawn[c]) {
                    if (tree.depth(c) > options.maxDepth()) {
                        deep++;
                    } else {
                        narrow++;
                    }
                }
                if (sp == stack.length) {
                    stack = Arrays.copyOf(stack, sp * 2);
                }
                stack[sp++] = c;
            }
        }
        return new LeftOut(narrow, deep);
    }

    private static String subtitle(FlameViewState state, int zoomNode, FrameStyle style) {
        StringBuilder sb = new StringBuilder();
        if (style != null && !style.subtitle().isEmpty()) {
            sb.append(style.subtitle());
        } else {
            sb.append(state.spec().reversed() ? "Reversed (bottom-up)" : "Top-down");
            sb.append(", ").append(state.format(state.totalWeight()));
        }
        if (!state.spec().threads().isEmpty()) {
            sb.append(", ").append(state.spec().threads().size()).append(" thread(s)");
        }
        for (StackTransform t : state.spec().transforms()) {
            sb.append(", ").append(t.label());
        }
        if (zoomNode != CallTree.ROOT) {
            sb.append(", zoomed to ").append(state.tree().name(zoomNode));
        }
        return XmlText.singleLine(sb.toString());
    }

    /** {@code name} cut with an ellipsis to fit {@code width} pixels at {@code charWidth} per character. */
    static String fit(String name, double width, double charWidth) {
        int chars = (int) Math.floor((width - 6) / charWidth);
        if (chars < 3) {
            return "";
        }
        if (name.length() <= chars) {
            return name;
        }
        return name.substring(0, chars - 1) + "\u2026";
    }

    private static void text(StringBuilder sb, String s) {
        XmlText.escape(s, sb);
    }

    private static String num(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String loadScript() {
        try (InputStream in = FlameGraphSvgWriter.class.getResourceAsStream("flamegraph.js")) {
            if (in == null) {
                throw new IllegalStateException("flamegraph.js missing from the classpath");
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (script.contains("]]>")) {
                throw new IllegalStateException("flamegraph.js may not contain ]]>");
            }
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
