package dev.perfdesk.importers.grpcbench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads grpc_bench's results table, as its {@code analyze/results_analyze.rb} prints it
 * ({@code | name | req/s | avg. latency | 90 % in | 95 % in | 99 % in | avg. cpu | avg. memory |}), alone or inside a
 * Markdown page, with its columns in any order. One benchmark per implementation: its average latency with the
 * 90, 95 and 99 % latencies as reported percentiles, in milliseconds (ghz's strings such as {@code 1.13 s}
 * converted exactly); and, as metrics of the same name, its {@code requests/s} (grpc_bench's: OK responses over
 * ghz's total time, higher is better), {@code cpu} in % and {@code memory} in MiB. The implementations are
 * alternatives, so the run view compares their average latencies as hyperfine compares commands.
 *
 * <p>Tables regrouped by hand with rows such as {@code --C=1:----} and {@code ----S=10---^2.9----} (connections and
 * concurrent streams) are one grpc_bench run per group: each group becomes a run of its own, named with its
 * settings, with the hand-written annotation ({@code ^2.9}) kept as a tag.
 */
public final class GrpcBenchImporter implements Importer {
    public static final String FORMAT = "grpc-bench-table";
    /** The metric of the requests-per-second benchmarks. */
    public static final String RPS = "requests/s";
    private static final Pattern CONNECTIONS = Pattern.compile("^-+C=(\\d+):-*$");
    private static final Pattern STREAMS = Pattern.compile("^-+S=(\\d+)-*(?:\\^([\\d.]+))?-*$");
    private static final Pattern TIME = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(ns|µs|us|ms|s)$");
    private static final Pattern PERCENT = Pattern.compile("^(\\d+(?:\\.\\d+)?)%$");
    private static final Pattern MEMORY = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(B|KiB|MiB|GiB)$");
    private static final String[] COLUMNS = {"name", "req/s", "avg. latency", "90 % in", "95 % in", "99 % in",
        "avg. cpu", "avg. memory"};

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "grpc_bench results table (analyze.sh)";
    }

    @Override
    public int detect(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 32768), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("| name ") && l.endsWith("|")) {
                List<String> cells = cells(l);
                if (cells.containsAll(List.of(COLUMNS))) {
                    return 88;
                }
            }
        }
        return 0;
    }

    /** One run being read: its settings and its implementations in table order. */
    private static final class Group {
        final Map<String, String> tags = new LinkedHashMap<>();
        final List<Benchmark> benchmarks = new ArrayList<>();
        final String label;

        Group(String label) {
            this.label = label;
        }
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        Path file = source.path();
        int[] index = null;
        List<Group> groups = new ArrayList<>();
        String connections = "";
        Group current = null;
        boolean tableDone = false;
        long lastLine = 0;
        try (InputStream in = source.open()) {
            ByteLineReader lines = new ByteLineReader(in, source, 1 << 16, monitor);
            while (lines.next()) {
                long n = lines.lineNumber();
                lastLine = n;
                String line = new String(lines.buffer(), lines.start(), lines.end() - lines.start(),
                        StandardCharsets.UTF_8).strip();
                if (line.indexOf('\0') >= 0) {
                    throw ImportException.atLine(file, n, "binary data where grpc_bench's results table was "
                            + "expected");
                }
                if (tableDone) {
                    continue;
                }
                if (index == null) {
                    if (line.startsWith("| name ")) {
                        index = header(file, n, line);
                    }
                    continue;
                }
                Matcher m;
                if ((m = CONNECTIONS.matcher(line)).matches()) {
                    connections = m.group(1);
                    continue;
                }
                if ((m = STREAMS.matcher(line)).matches()) {
                    current = new Group("C=" + connections + " S=" + m.group(1));
                    current.tags.put("GRPC_CLIENT_CONNECTIONS", connections);
                    current.tags.put("GRPC_CLIENT_CONCURRENCY", m.group(1));
                    if (m.group(2) != null) {
                        current.tags.put("annotation", "^" + m.group(2));
                    }
                    groups.add(current);
                    continue;
                }
                if (line.matches("^-+$")) {
                    if (groups.stream().anyMatch(g -> !g.benchmarks.isEmpty())) {
                        tableDone = true;
                    }
                    continue;
                }
                if (line.startsWith("|")) {
                    if (current == null) {
                        current = new Group("");
                        groups.add(current);
                    }
                    row(file, n, line, index, current.benchmarks);
                    continue;
                }
                if (groups.stream().anyMatch(g -> !g.benchmarks.isEmpty())) {
                    tableDone = true;
                } else if (!line.isEmpty() && !line.startsWith("```")) {
                    throw ImportException.atLine(file, n, "expected a table row '| name | req/s | ...' or a rule "
                            + "of dashes, found '" + shorten(line) + "'");
                }
            }
        }
        if (lastLine == 0) {
            throw ImportException.whole(file, "the file is empty");
        }
        if (index == null) {
            throw ImportException.atLine(file, lastLine, "no table header '| name | req/s | avg. latency | ...': "
                    + "this is not grpc_bench's results table");
        }
        groups.removeIf(g -> g.benchmarks.isEmpty());
        if (groups.isEmpty()) {
            throw ImportException.atLine(file, lastLine, "the table has a header but no rows; the file looks "
                    + "truncated");
        }
        List<BenchmarkRun> runs = new ArrayList<>();
        for (Group g : groups) {
            String name = g.label.isEmpty() ? source.fileName() : source.fileName() + " " + g.label;
            runs.add(new BenchmarkRun(name, "grpc_bench", FORMAT, null, Map.of(), g.label, "", g.tags,
                    g.benchmarks));
        }
        runs.forEach(sink::addRun);
    }

    private static int[] header(Path file, long n, String line) throws ImportException {
        List<String> cells = cells(line);
        int[] index = new int[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            index[i] = cells.indexOf(COLUMNS[i]);
            if (index[i] < 0) {
                throw ImportException.atLine(file, n, "the table has no '" + COLUMNS[i] + "' column; grpc_bench's "
                        + "are " + String.join(", ", COLUMNS));
            }
        }
        return index;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1
                : line.length());
        List<String> out = new ArrayList<>();
        for (String c : inner.split("\\|", -1)) {
            out.add(c.strip());
        }
        return out;
    }

    private static void row(Path file, long n, String line, int[] index, List<Benchmark> into)
            throws ImportException {
        List<String> c = cells(line);
        int needed = 0;
        for (int i : index) {
            needed = Math.max(needed, i + 1);
        }
        if (!line.endsWith("|")) {
            throw ImportException.atLine(file, n, "the row does not end with '|'; the table looks cut");
        }
        if (c.size() < needed) {
            throw ImportException.atLine(file, n, "the row has " + c.size() + " cells where the header has "
                    + needed + "; the table looks cut");
        }
        String name = c.get(index[0]);
        if (name.isEmpty()) {
            throw ImportException.atLine(file, n, "a row without an implementation name");
        }
        String rps = c.get(index[1]);
        if (!rps.matches("\\d+(\\.\\d+)?")) {
            throw ImportException.atLine(file, n, "'req/s' must be a finite number >= 0, found '" + shorten(rps)
                    + "'");
        }
        Benchmark.Builder latency = Benchmark.builder(name).unit("ms").lowerIsBetter(true)
                .statistic("mean", millis(file, n, c.get(index[2]), "avg. latency"))
                .reportedPercentile(90, millis(file, n, c.get(index[3]), "90 % in"))
                .reportedPercentile(95, millis(file, n, c.get(index[4]), "95 % in"))
                .reportedPercentile(99, millis(file, n, c.get(index[5]), "99 % in"))
                .attribute("avg. latency", c.get(index[2]));
        Matcher cpu = PERCENT.matcher(c.get(index[6]));
        if (!cpu.matches()) {
            throw ImportException.atLine(file, n, "'avg. cpu' must be a finite percentage >= 0 such as '14.25%', "
                    + "found '" + shorten(c.get(index[6])) + "'");
        }
        Matcher mem = MEMORY.matcher(c.get(index[7]));
        if (!mem.matches()) {
            throw ImportException.atLine(file, n, "'avg. memory' must be a finite size >= 0 such as '496.0 MiB', "
                    + "found '" + shorten(c.get(index[7])) + "'");
        }
        double mib = Double.parseDouble(mem.group(1)) * switch (mem.group(2)) {
            case "B" -> 1.0 / (1 << 20);
            case "KiB" -> 1.0 / 1024;
            case "GiB" -> 1024;
            default -> 1;
        };
        into.add(latency.build());
        into.add(Benchmark.builder(name).metric(RPS).unit("req/s").lowerIsBetter(false)
                .statistic("rate", Double.parseDouble(rps)).build());
        into.add(Benchmark.builder(name).metric("cpu").unit("%").lowerIsBetter(true)
                .statistic("value", Double.parseDouble(cpu.group(1))).build());
        into.add(Benchmark.builder(name).metric("memory").unit("MiB").lowerIsBetter(true)
                .statistic("value", mib).build());
    }

    /** A latency as grpc_bench prints ghz's strings ({@code 0.10 ms}, {@code 1.13 s}) in milliseconds. */
    private static double millis(Path file, long n, String text, String column) throws ImportException {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            throw ImportException.atLine(file, n, "'" + column + "' must be a finite time >= 0 such as '0.10 ms', "
                    + "found '" + shorten(text) + "'");
        }
        BigDecimal v = new BigDecimal(m.group(1));
        BigDecimal perMs = switch (m.group(2)) {
            case "ns" -> new BigDecimal("0.000001");
            case "µs", "us" -> new BigDecimal("0.001");
            case "ms" -> BigDecimal.ONE;
            default -> BigDecimal.valueOf(1000);
        };
        return v.multiply(perMs).doubleValue();
    }

    private static String shorten(String s) {
        return s.length() > 50 ? s.substring(0, 50) + "…" : s;
    }
}
