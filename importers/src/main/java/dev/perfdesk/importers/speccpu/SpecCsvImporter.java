package dev.perfdesk.importers.speccpu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads the {@code .csv} result of a SPEC CPU 2017 {@code runcpu} report ({@code CPU2017.001.intrate.refrate.csv}):
 * the "Full Results Table" (every iteration of every benchmark, base and peak on one row, the selected one marked
 * 1), the "Selected Results Table", the suite metrics ({@code SPECrate2017_int_base,1.99}) and the system
 * description's {@code "Field","value"} lines (a line starting with a comma continues the field before it), up to
 * the flags sections. See {@link SpecResult} for the run made of it.
 */
public final class SpecCsvImporter implements Importer {
    public static final String FORMAT = "spec-cpu2017-csv";
    static final Pattern METRIC = Pattern.compile("^(?:Est\\. )?(SPEC(?:rate|speed)(?:\\(R\\))?\\d{4}_(?:int|fp)_"
            + "(?:base|peak))$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BENCHMARK = Pattern.compile("^\\d{3}\\.\\w+$");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "SPEC CPU 2017 result (.csv of a runcpu report)";
    }

    @Override
    public int detect(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 16384), StandardCharsets.UTF_8);
        boolean tables = text.contains("\"Full Results Table\"") || text.contains("\"Selected Results Table\"");
        boolean header = text.contains("\nBenchmark,\"Base # ") || text.contains("\nBenchmark,\"Est. Base # ");
        return tables && header ? 92 : 0;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        Path file = source.path();
        SpecResult result = new SpecResult(file);
        String section = "top";
        int[] columns = null;
        String lastField = null;
        boolean sawTable = false;
        long lastLine = 0;
        try (InputStream in = source.open()) {
            ByteLineReader lines = new ByteLineReader(in, source, 1 << 16, monitor);
            while (lines.next()) {
                long n = lines.lineNumber();
                lastLine = n;
                String line = new String(lines.buffer(), lines.start(), lines.end() - lines.start(),
                        StandardCharsets.UTF_8);
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (n == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.indexOf('\0') >= 0) {
                    throw ImportException.atLine(file, n, "binary data where a SPEC CPU 2017 CSV result was "
                            + "expected");
                }
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = split(file, n, line);
                String first = f.get(0).strip();
                if (first.equals("Full Results Table") || first.equals("Selected Results Table")) {
                    section = first.startsWith("Full") ? "full" : "selected";
                    columns = null;
                    sawTable = true;
                    continue;
                }
                if (section.equals("full") || section.equals("selected")) {
                    if (first.equals("Benchmark")) {
                        columns = columns(file, n, f);
                        continue;
                    }
                    if (BENCHMARK.matcher(first).matches()) {
                        if (columns == null) {
                            throw ImportException.atLine(file, n, "a benchmark row before the table's "
                                    + "'Benchmark,\"Base # Copies\",...' header");
                        }
                        row(result, file, n, f, columns, section.equals("selected"));
                        continue;
                    }
                    section = "after";
                }
                if (!sawTable) {
                    if (f.size() == 2 && !first.isEmpty()) {
                        result.tags.put(first, f.get(1).strip());
                    } else if (f.size() == 1 && first.startsWith("SPEC CPU")) {
                        result.tags.put("report", first);
                    }
                    continue;
                }
                if (section.equals("flags")) {
                    if (first.startsWith("Tested with") && f.size() >= 2) {
                        result.tags.put("SPEC CPU version", f.get(1).strip());
                    }
                    continue;
                }
                Matcher m = METRIC.matcher(first);
                if (m.matches()) {
                    String value = f.size() > 1 ? f.get(1).strip() : "";
                    if (!value.isEmpty() && !value.equalsIgnoreCase("Not Run") && !value.equals("--")) {
                        double v = SpecResult.number(file, n, value, first);
                        result.metrics.put(m.group(1).replace("(R)", ""), new double[] {v, n});
                    }
                    continue;
                }
                if (f.size() == 1) {
                    section = "flags";
                    continue;
                }
                if (first.isEmpty() && lastField != null) {
                    result.environment.merge(lastField, f.get(1).strip(), (a, b) -> a + " " + b);
                } else if (!first.isEmpty()) {
                    lastField = first;
                    result.environment.put(first, f.get(1).strip());
                }
            }
        }
        if (lastLine == 0) {
            throw ImportException.whole(file, "the file is empty");
        }
        if (!sawTable) {
            throw ImportException.atLine(file, lastLine, "no \"Full Results Table\" or \"Selected Results Table\": "
                    + "this is not a SPEC CPU 2017 CSV result, or it is cut short");
        }
        if (result.metrics.isEmpty()) {
            throw ImportException.atLine(file, lastLine, "no suite metric line (SPECrate2017_int_base,...) after "
                    + "the results tables; the file looks truncated");
        }
        sink.addRun(result.toRun(source.fileName(), FORMAT, lastLine));
    }

    /** Column indexes: benchmark, copies, time, ratio, selected, status for base, then for peak (-1 if absent). */
    private static int[] columns(Path file, long n, List<String> header) throws ImportException {
        int[] c = new int[12];
        java.util.Arrays.fill(c, -1);
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip().toLowerCase(Locale.ROOT).replace("est. ", "");
            int tune = h.startsWith("base ") ? 0 : h.startsWith("peak ") ? 6 : -1;
            if (tune < 0) {
                continue;
            }
            String what = h.substring(5);
            if (what.startsWith("# ")) {
                c[tune + 1] = i;
            } else if (what.equals("run time")) {
                c[tune + 2] = i;
            } else if (what.equals("rate") || what.equals("ratio")) {
                c[tune + 3] = i;
            } else if (what.equals("selected")) {
                c[tune + 4] = i;
            } else if (what.equals("status")) {
                c[tune + 5] = i;
            }
        }
        String[] names = {"", "Base # Copies", "Base Run Time", "Base Rate", "Base Selected", "Base Status"};
        for (int i = 1; i < 6; i++) {
            if (c[i] < 0) {
                throw ImportException.atLine(file, n, "the results table has no '" + names[i] + "' column");
            }
        }
        return c;
    }

    private static void row(SpecResult result, Path file, long n, List<String> f, int[] c, boolean selectedTable)
            throws ImportException {
        String name = f.get(0).strip();
        for (int tune = 0; tune <= 6; tune += 6) {
            if (c[tune + 1] < 0) {
                continue;
            }
            String tuning = tune == 0 ? "base" : "peak";
            String status = get(f, c[tune + 5]);
            if (status.equals("NR") || (status.isEmpty() && get(f, c[tune + 2]).isEmpty())) {
                if (!selectedTable) {
                    result.entry(name, tuning).iterations.add(new SpecResult.Iteration(0, 0, 0, false, "NR", n));
                }
                continue;
            }
            String prefix = tune == 0 ? "Base " : "Peak ";
            int copies = (int) SpecResult.number(file, n, get(f, c[tune + 1]), prefix + "# Copies");
            double seconds = SpecResult.number(file, n, get(f, c[tune + 2]), prefix + "Run Time");
            double ratio = SpecResult.number(file, n, get(f, c[tune + 3]), prefix + "Rate");
            if (!(seconds > 0)) {
                throw ImportException.atLine(file, n, "'" + prefix + "Run Time' must be above 0, found " + seconds);
            }
            boolean selected = get(f, c[tune + 4]).equals("1");
            SpecResult.Iteration it = new SpecResult.Iteration(copies, seconds, ratio, selected, status, n);
            SpecResult.Entry e = result.entry(name, tuning);
            if (selectedTable) {
                e.selected = e.iterations.stream().filter(x -> x.seconds() == seconds && x.ratio() == ratio)
                        .findFirst().orElse(it);
            } else {
                e.iterations.add(it);
            }
        }
    }

    private static String get(List<String> f, int i) {
        return i < 0 || i >= f.size() ? "" : f.get(i).strip();
    }

    /** The fields of one CSV line, with double-quoted fields and doubled quotes inside them. */
    static List<String> split(Path file, long n, String line) throws ImportException {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    sb.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(ch);
            }
        }
        if (quoted) {
            throw ImportException.atLine(file, n, "a quoted field is not closed");
        }
        out.add(sb.toString());
        return out;
    }
}
