package dev.perfdesk.importers.c2c;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.perfdesk.core.c2c.C2cLine;
import dev.perfdesk.core.c2c.C2cOffset;
import dev.perfdesk.core.c2c.C2cReport;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads {@code perf c2c report --stdio} text (perf 4.x to 6.x): the three summaries, the Shared Data Cache Line Table
 * and the Shared Cache Line Distribution Pareto. Columns are never taken by position: each table's header (a row of
 * group headings such as {@code ------- Load Hitm -------}, a row of names and the {@code .....} underline) gives
 * the columns, named by group and name ({@code Load Hitm LclHitm}, {@code Store Refs L1 Hit}, {@code Snoop Peer}),
 * so the column sets of perf versions and of {@code -d}, {@code -c}, {@code -N} and {@code --no-source} all read.
 * Leading indentation (a report quoted in a mail) is allowed. The report becomes one {@link C2cReport}.
 */
public final class C2cImporter implements Importer {
    public static final String FORMAT = "perf-c2c";

    static final int MAX_LINE = 1 << 20;

    private static final Pattern CELL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?%?|0x[0-9a-fA-F]+|N/A|-");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "perf c2c report --stdio";
    }

    @Override
    public int detect(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        boolean banner = text.contains("=================================================");
        if (banner && (text.contains("Shared Data Cache Line Table") || text.contains("Trace Event Information")
                && text.contains("Load Local HITM") || text.contains("Shared Cache Line Distribution Pareto"))) {
            return 100;
        }
        return 0;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        if (source.size() == 0) {
            throw ImportException.whole(source.path(), "the file is empty");
        }
        Parser parser = new Parser(source.path());
        try (InputStream in = source.open()) {
            ByteLineReader lines = new ByteLineReader(in, source, MAX_LINE, monitor);
            while (lines.next()) {
                if (lines.lastLineUnterminated() && parser.inTable()) {
                    throw ImportException.atLine(source.path(), lines.lineNumber(), "the file ends in the middle of "
                            + "a row; it looks cut");
                }
                parser.line(lines.lineNumber(), new String(lines.buffer(), lines.start(), lines.end() - lines.start(),
                        StandardCharsets.UTF_8));
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw source.damaged(e);
        }
        sink.addC2c(parser.finish(source.fileName()));
    }

    /** The sections of a report, in the order perf prints them. */
    private enum Section { NONE, TRACE, SHARED, DETAILS, TABLE, PARETO, OTHER }

    /** A state machine over the report's lines. */
    private static final class Parser {
        private final Path file;
        private Section section = Section.NONE;
        private boolean sawBanner;
        private boolean expectTitle;
        private final Map<String, String> trace = new LinkedHashMap<>();
        private final Map<String, String> shared = new LinkedHashMap<>();
        private final Map<String, String> details = new LinkedHashMap<>();
        private String lastKey;
        private final List<String> header = new ArrayList<>();
        private List<String> lineColumns;
        private List<String> paretoColumns;
        private final List<Object[]> rows = new ArrayList<>(); // {index, address, cells, line number}
        private final Map<Integer, List<C2cOffset>> offsets = new TreeMap<>();
        private int paretoDashes;
        private Integer block;
        private long lineNumber;
        private boolean sawTable;
        private boolean sawPareto;

        Parser(Path file) {
            this.file = file;
        }

        boolean inTable() {
            return section == Section.TABLE || section == Section.PARETO;
        }

        void line(long number, String raw) throws ImportException {
            lineNumber = number;
            String text = raw.strip();
            if (text.length() >= 20 && text.chars().allMatch(c -> c == '=')) {
                sawBanner = true;
                expectTitle = !expectTitle;
                return;
            }
            if (expectTitle) {
                section = switch (text) {
                    case "Trace Event Information" -> Section.TRACE;
                    case "Global Shared Cache Line Event Information" -> Section.SHARED;
                    case "c2c details" -> Section.DETAILS;
                    case "Shared Data Cache Line Table" -> Section.TABLE;
                    case "Shared Cache Line Distribution Pareto" -> Section.PARETO;
                    default -> Section.OTHER;
                };
                sawTable |= section == Section.TABLE;
                sawPareto |= section == Section.PARETO;
                header.clear();
                lastKey = null;
                return;
            }
            if (!sawBanner) {
                if (text.isEmpty() || text.startsWith("#")) {
                    return; // perf's own comment lines before the first banner
                }
                throw fail("this is not a perf c2c report: expected the '=====' banner of 'Trace Event Information' "
                        + "or 'Shared Data Cache Line Table', found '" + preview(text) + "'");
            }
            switch (section) {
                case TRACE -> keyValue(trace, text);
                case SHARED -> keyValue(shared, text);
                case DETAILS -> keyValue(details, text);
                case TABLE -> tableLine(raw, text);
                case PARETO -> paretoLine(raw, text);
                default -> {
                    // a section this version of Perfdesk does not know: skipped
                }
            }
        }

        private void keyValue(Map<String, String> into, String text) throws ImportException {
            if (text.isEmpty()) {
                return;
            }
            int colon = text.indexOf(" :");
            if (colon < 0 && text.startsWith(":")) {
                colon = 0;
            }
            if (colon < 0) {
                throw fail("expected 'label : value', found '" + preview(text) + "'");
            }
            String key = text.substring(0, colon).strip();
            String value = text.substring(Math.min(text.length(), colon + 2)).strip();
            if (key.isEmpty() && lastKey != null) {
                into.put(lastKey, into.get(lastKey) + ", " + value); // a continuation, as for several events
                return;
            }
            into.put(key, value);
            lastKey = key;
        }

        private void tableLine(String raw, String text) throws ImportException {
            if (text.startsWith("#")) {
                header.add(raw);
                if (text.matches("#[ .]*\\.[ .]*")) {
                    lineColumns = Columns.of(header, fail("the cache line table's header names no columns"));
                }
                return;
            }
            if (text.isEmpty()) {
                return;
            }
            if (lineColumns == null) {
                throw fail("a cache line row before the table's header ('# Index Address ...' and its '.....' "
                        + "line)");
            }
            List<String> cells = List.of(text.split("\\s+"));
            if (cells.size() != lineColumns.size()) {
                throw fail("a cache line row has " + cells.size() + " cells but the header names "
                        + lineColumns.size() + " columns");
            }
            for (int i = 0; i < cells.size(); i++) {
                if (!CELL.matcher(cells.get(i)).matches()) {
                    throw fail("the column '" + lineColumns.get(i) + "' holds '" + preview(cells.get(i))
                            + "', not a count, percentage or address");
                }
            }
            int index = (int) parseIndex(cells.get(0));
            rows.add(new Object[] {index, cells.get(1), cells, lineNumber});
        }

        private void paretoLine(String raw, String text) throws ImportException {
            if (text.startsWith("#")) {
                header.add(raw);
                if (text.matches("#[ .]*\\.[ .]*")) {
                    paretoColumns = Columns.of(header, fail("the pareto's header names no columns"));
                }
                return;
            }
            if (text.isEmpty()) {
                return;
            }
            if (text.chars().allMatch(c -> c == '-') && text.length() >= 10) {
                paretoDashes++;
                return;
            }
            if (paretoColumns == null) {
                throw fail("a pareto row before the pareto's header");
            }
            List<String> tokens = List.of(text.split("\\s+"));
            if (paretoDashes % 2 == 1) {
                // the line's own row between its two dashed lines: Num, its counts, then its address
                block = (int) parseIndex(tokens.get(0));
                offsets.computeIfAbsent(block, k -> new ArrayList<>());
                return;
            }
            if (block == null) {
                throw fail("an offset row before its cache line's '-----' block");
            }
            List<String> columns = paretoColumns.subList(1, paretoColumns.size()); // offset rows have no Num
            int symbol = columns.indexOf("Symbol");
            List<String> cells = new ArrayList<>();
            if (symbol < 0) {
                if (tokens.size() != columns.size()) {
                    throw fail("an offset row has " + tokens.size() + " cells but the header names " + columns.size());
                }
                cells.addAll(tokens);
            } else {
                int after = columns.size() - symbol - 1;
                if (tokens.size() < symbol + 1 + after) {
                    throw fail("an offset row has " + tokens.size() + " cells; the header names " + columns.size()
                            + " columns");
                }
                cells.addAll(tokens.subList(0, symbol));
                cells.add(String.join(" ", tokens.subList(symbol, tokens.size() - after)));
                cells.addAll(tokens.subList(tokens.size() - after, tokens.size()));
            }
            for (int i = 0; i < (symbol < 0 ? 0 : symbol); i++) {
                if (!CELL.matcher(cells.get(i)).matches()) {
                    throw fail("the column '" + columns.get(i) + "' holds '" + preview(cells.get(i))
                            + "', not a count, percentage or address");
                }
            }
            offsets.get(block).add(new C2cOffset(cells));
        }

        private long parseIndex(String cell) throws ImportException {
            try {
                return Long.parseLong(cell);
            } catch (NumberFormatException e) {
                throw fail("expected the cache line's index (0, 1, ...), found '" + preview(cell) + "'");
            }
        }

        C2cReport finish(String name) throws ImportException {
            if (!sawBanner) {
                throw ImportException.whole(file, "this is not a perf c2c report: no '=====' section banners");
            }
            if (trace.isEmpty() && !sawTable) {
                throw ImportException.whole(file, "this is not a perf c2c report: neither 'Trace Event Information' "
                        + "nor 'Shared Data Cache Line Table' is in it");
            }
            if (sawTable && lineColumns == null) {
                throw ImportException.atLine(file, lineNumber, "the file ends in the cache line table's header; it "
                        + "looks cut");
            }
            if (sawTable && !sawPareto) {
                throw ImportException.atLine(file, lineNumber, "the file ends before the 'Shared Cache Line "
                        + "Distribution Pareto' that follows the table; it looks cut");
            }
            List<C2cLine> lines = new ArrayList<>();
            for (Object[] row : rows) {
                int index = (Integer) row[0];
                List<C2cOffset> of = offsets.get(index);
                if (of == null || of.isEmpty()) {
                    throw ImportException.atLine(file, lineNumber, "the pareto has no offsets for cache line " + index
                            + " (" + row[1] + ", table line " + row[3] + "); the file looks cut");
                }
                @SuppressWarnings("unchecked")
                List<String> cells = (List<String>) row[2];
                lines.add(new C2cLine(index, (String) row[1], cells, of));
            }
            List<String> offsetColumns = paretoColumns == null ? List.of()
                    : paretoColumns.subList(1, paretoColumns.size());
            return new C2cReport(name, trace, shared, details, lineColumns == null ? List.of() : lineColumns,
                    offsetColumns, lines);
        }

        private ImportException fail(String problem) {
            return ImportException.atLine(file, lineNumber, problem);
        }

        private static String preview(String text) {
            return text.length() > 60 ? text.substring(0, 60) + "..." : text;
        }
    }
}
