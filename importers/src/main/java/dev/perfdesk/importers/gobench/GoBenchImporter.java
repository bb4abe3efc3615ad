package dev.perfdesk.importers.gobench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.perfdesk.core.bench.BenchUnits;
import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.BenchmarkStatus;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.spi.ByteLineReader;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads Go benchmark output: the text {@code go test -bench . -count N -benchmem} prints (the "Go Benchmark Data
 * Format", golang/proposal 14313, as {@code golang.org/x/perf/benchfmt} reads it), and the same inside the
 * {@code go test -json} (test2json) event stream, whose {@code Output} fields are joined per package before they
 * are split into lines (go splits a result line over two events).
 *
 * <ul>
 *   <li>A result line {@code BenchmarkName/sub=1-8 <iterations> <value> <unit> [<value> <unit>]...} adds one
 *       sample per unit. The name loses its {@code Benchmark} prefix and its {@code -N} GOMAXPROCS suffix, which
 *       becomes the parameter {@code gomaxprocs} (benchstat's {@code /gomaxprocs} key; go omits it when it is 1);
 *       sub-benchmark parts stay in the name, as benchstat's rows show them.</li>
 *   <li>Each unit is a metric of its own: {@code ns/op} is the primary metric (the first unit of the line when there
 *       is no {@code ns/op}); {@code B/op}, {@code allocs/op}, {@code MB/s} and custom {@code b.ReportMetric} units
 *       are secondary metrics named by their unit. Lower is better except for rates ({@code MB/s}).</li>
 *   <li>Configuration lines {@code key: value} ({@code goos}, {@code goarch}, {@code pkg}, {@code cpu}, or any
 *       lower-case key, as benchstat takes them) apply to the results after them. Keys with one value for every
 *       result are the run's environment; a key whose value changes within the file (several {@code pkg:}
 *       blocks) becomes a parameter of each benchmark, so equal names in two packages stay apart. A
 *       {@code commit:} key is also the run's commit.</li>
 *   <li>{@code Unit <unit> key=value} lines (benchfmt's unit metadata, such as {@code assume=exact}) become
 *       attributes of that unit's benchmarks; the iteration counts are the attribute {@code iterations}.</li>
 *   <li>{@code --- FAIL: BenchmarkName} marks that benchmark failed; every other line (PASS, ok, logs) is
 *       ignored, as benchfmt ignores it.</li>
 * </ul>
 * A line that starts like a result (a name, then an iteration count) but is cut short or holds a value that is not
 * a finite number fails the import, naming the file and line.
 */
public final class GoBenchImporter implements Importer {
    public static final String FORMAT = "go-bench";
    /** The tool, as the runs name it. */
    public static final String TOOL = "go test -bench";
    /** The parameter the {@code -N} suffix becomes. */
    public static final String GOMAXPROCS = "gomaxprocs";
    private static final int MAX_LINE = 1 << 20;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> NON_NEGATIVE = Set.of("ns/op", "B/op", "allocs/op", "MB/s");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Go benchmark output (go test -bench, text or -json)";
    }

    @Override
    public int detect(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        boolean json = text.stripLeading().startsWith("{");
        int results = 0;
        int config = 0;
        for (String raw : text.split("\n", -1)) {
            String line = raw;
            if (json) {
                if (!line.contains("\"Action\"")) {
                    continue;
                }
                line = outputOf(line);
                if (line == null) {
                    continue;
                }
            }
            line = line.strip();
            if (isResultStart(line) && line.split("\\s+").length >= 4
                    && line.split("\\s+")[1].matches("\\d+")) {
                results++;
            } else if (line.startsWith("goos:") || line.startsWith("goarch:") || line.startsWith("pkg:")) {
                config++;
            }
        }
        if (json) {
            return results > 0 ? 85 : config > 0 && text.contains("\"Package\"") ? 60 : 0;
        }
        if (results > 0) {
            return config > 0 ? 90 : 75;
        }
        return 0;
    }

    /** The Output of a test2json line seen in a detection head, unescaped roughly; null without one. */
    private static String outputOf(String line) {
        int at = line.indexOf("\"Output\":\"");
        if (at < 0) {
            return null;
        }
        String rest = line.substring(at + 10);
        int end = rest.lastIndexOf('"');
        return (end < 0 ? rest : rest.substring(0, end)).replace("\\t", "\t").replace("\\n", "");
    }

    /** benchfmt's test: {@code Benchmark} followed by a character that is not a lower-case letter. */
    private static boolean isResultStart(String line) {
        return line.startsWith("Benchmark") && (line.length() == 9 || !Character.isLowerCase(line.charAt(9)));
    }

    /** One result line: a name, its configuration, and value/unit pairs. */
    private record Result(String name, Map<String, String> config, long iterations, List<String> units,
                          double[] values) {
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        Parser parser = new Parser(source.path());
        Instant start = null;
        try (InputStream in = source.open()) {
            ByteLineReader lines = new ByteLineReader(in, source, MAX_LINE, monitor);
            Boolean json = null;
            Map<String, StringBuilder> pending = new LinkedHashMap<>();
            while (lines.next()) {
                String line = new String(lines.buffer(), lines.start(), lines.end() - lines.start(),
                        StandardCharsets.UTF_8);
                long n = lines.lineNumber();
                if (json == null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    json = line.stripLeading().startsWith("{");
                }
                if (!json) {
                    parser.line(line, n, "");
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonNode event = event(source.path(), n, line, lines.lastLineUnterminated());
                if (start == null && event.path("Time").isTextual()) {
                    start = time(event.path("Time").asText());
                }
                JsonNode output = event.path("Output");
                if (!output.isTextual()) {
                    continue;
                }
                String pkg = event.path("Package").asText("");
                StringBuilder buf = pending.computeIfAbsent(pkg, k -> new StringBuilder());
                buf.append(output.asText());
                int nl;
                while ((nl = buf.indexOf("\n")) >= 0) {
                    parser.line(buf.substring(0, nl), n, pkg);
                    buf.delete(0, nl + 1);
                }
                if (buf.length() > MAX_LINE) {
                    throw ImportException.atLine(source.path(), n, "the output of package " + pkg + " has a line "
                            + "longer than " + MAX_LINE + " bytes; this is not go test output");
                }
            }
            if (json == null) {
                throw ImportException.whole(source.path(), "the file holds only blank lines; expected go test "
                        + "-bench output");
            }
            for (Map.Entry<String, StringBuilder> e : pending.entrySet()) {
                if (e.getValue().length() > 0) {
                    parser.line(e.getValue().toString(), lines.lineNumber(), e.getKey());
                }
            }
        }
        sink.addRun(parser.run(source.fileName(), start));
    }

    private static JsonNode event(Path file, long n, String line, boolean unterminated) throws ImportException {
        JsonNode event;
        try {
            event = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            String why = unterminated ? "the file ends in the middle of a go test -json event"
                    : "not a go test -json event: "
                    + dev.perfdesk.importers.json.JsonErrors.describe(e);
            throw ImportException.atLine(file, n, why);
        }
        if (event == null || !event.isObject() || !event.path("Action").isTextual()) {
            throw ImportException.atLine(file, n, "expected a go test -json event object with \"Action\", found "
                    + (event == null ? "nothing" : event.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        return event;
    }

    private static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The state of one read: configuration in force (per package stream), results in file order. */
    private static final class Parser {
        private final Path file;
        private final Map<String, Map<String, String>> configByStream = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> unitAttributes = new LinkedHashMap<>();
        private final List<Result> results = new ArrayList<>();
        private final Map<String, String> failed = new LinkedHashMap<>();
        private final Map<String, String> lastConfig = new LinkedHashMap<>();

        Parser(Path file) {
            this.file = file;
        }

        void line(String text, long n, String stream) throws ImportException {
            String line = text.strip();
            Map<String, String> config = configByStream.computeIfAbsent(stream, k -> new LinkedHashMap<>());
            if (isResultStart(line)) {
                result(line, n, config);
                return;
            }
            if (line.startsWith("--- FAIL: Benchmark")) {
                String name = line.substring("--- FAIL: Benchmark".length()).strip();
                int space = name.indexOf(' ');
                failed.put(space < 0 ? name : name.substring(0, space), "--- FAIL");
                return;
            }
            if (text.startsWith("Unit ")) {
                unit(line, n);
                return;
            }
            String[] kv = keyValue(text);
            if (kv != null) {
                if (kv[1].isEmpty()) {
                    config.remove(kv[0]);
                } else {
                    config.put(kv[0], kv[1]);
                    lastConfig.put(kv[0], kv[1]);
                }
            }
        }

        private void result(String line, long n, Map<String, String> config) throws ImportException {
            String[] f = line.split("\\s+");
            if (f.length < 2 || !f[1].matches("[+-]?\\d+")) {
                // the name alone (go test -v and -json print it before running), or a name with a log line after
                // it: not a result
                return;
            }
            long iterations;
            try {
                iterations = Long.parseLong(f[1]);
            } catch (NumberFormatException e) {
                throw ImportException.atLine(file, n, "the iteration count '" + f[1] + "' is out of range");
            }
            if (iterations < 0) {
                throw ImportException.atLine(file, n, "the iteration count cannot be negative: " + f[1]);
            }
            if (f.length < 4) {
                throw ImportException.atLine(file, n, "the result of " + f[0] + " has an iteration count but no "
                        + "'value unit' pairs; the line is cut short");
            }
            if (f.length % 2 != 0) {
                throw ImportException.atLine(file, n, "the result of " + f[0] + " ends with the value '"
                        + f[f.length - 1] + "' without its unit; the line is cut short");
            }
            List<String> units = new ArrayList<>();
            double[] values = new double[(f.length - 2) / 2];
            for (int i = 2; i < f.length; i += 2) {
                double v;
                try {
                    // Go's strconv spells non-finite values NaN, +Inf, -Inf
                    v = f[i].matches("(?i)[+-]?(nan|inf(inity)?)") ? Double.NaN : Double.parseDouble(f[i]);
                } catch (NumberFormatException e) {
                    throw ImportException.atLine(file, n, "expected a number before the unit '" + f[i + 1]
                            + "', found '" + f[i] + "'");
                }
                if (!Double.isFinite(v) || f[i].matches("(?i)[+-]?(nan|inf(inity)?)")) {
                    throw ImportException.atLine(file, n, "the " + f[i + 1] + " value of " + f[0] + " is '" + f[i]
                            + "'; a measurement must be a finite number");
                }
                String unit = f[i + 1];
                if (v < 0 && NON_NEGATIVE.contains(unit)) {
                    throw ImportException.atLine(file, n, "the " + unit + " value of " + f[0]
                            + " cannot be negative: " + f[i]);
                }
                if (units.contains(unit)) {
                    throw ImportException.atLine(file, n, "the unit " + unit + " appears twice in one result");
                }
                units.add(unit);
                values[(i - 2) / 2] = v;
            }
            results.add(new Result(f[0].substring("Benchmark".length()), new LinkedHashMap<>(config), iterations, units,
                    values));
        }

        private void unit(String line, long n) throws ImportException {
            String[] f = line.split("\\s+");
            if (f.length < 2) {
                throw ImportException.atLine(file, n, "a 'Unit' line needs a unit and key=value pairs");
            }
            Map<String, String> attrs = unitAttributes.computeIfAbsent(f[1], k -> new LinkedHashMap<>());
            for (int i = 2; i < f.length; i++) {
                int eq = f[i].indexOf('=');
                if (eq <= 0) {
                    throw ImportException.atLine(file, n, "expected key=value after the unit " + f[1] + ", found '"
                            + f[i] + "'");
                }
                attrs.put(f[i].substring(0, eq), f[i].substring(eq + 1));
            }
        }

        /** benchfmt's configuration line: a lower-case key without spaces or capitals, a colon, a space. */
        private static String[] keyValue(String line) {
            if (line.isEmpty() || !Character.isLowerCase(line.codePointAt(0))) {
                return null;
            }
            int colon = -1;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (Character.isWhitespace(c) || Character.isUpperCase(c)) {
                    return null;
                }
                if (i > 0 && c == ':') {
                    colon = i;
                    break;
                }
            }
            if (colon < 0) {
                return null;
            }
            String value = line.substring(colon + 1);
            if (!value.isEmpty() && value.charAt(0) != ' ' && value.charAt(0) != '\t') {
                return null;
            }
            return new String[] {line.substring(0, colon), value.strip()};
        }

        BenchmarkRun run(String name, Instant start) throws ImportException {
            if (results.isEmpty()) {
                throw ImportException.whole(file, "found no benchmark result lines ('BenchmarkName N value "
                        + "unit ...'); expected go test -bench output");
            }
            // keys with one value for every result describe the run; keys that vary tell benchmarks apart
            Map<String, String> environment = new LinkedHashMap<>();
            Set<String> varying = new HashSet<>();
            Set<String> keys = new java.util.LinkedHashSet<>();
            results.forEach(r -> keys.addAll(r.config().keySet()));
            for (String key : keys) {
                String first = results.get(0).config().get(key);
                boolean same = results.stream().allMatch(r -> java.util.Objects.equals(first, r.config().get(key)));
                if (same) {
                    environment.put(key, first);
                } else {
                    varying.add(key);
                }
            }
            lastConfig.forEach(environment::putIfAbsent);
            varying.forEach(environment::remove);

            Map<String, Group> groups = new LinkedHashMap<>();
            for (Result r : results) {
                String full = r.name();
                String base = full;
                String procs = null;
                int dash = full.lastIndexOf('-');
                if (dash > 0 && dash < full.length() - 1 && full.substring(dash + 1).chars().allMatch(
                        Character::isDigit)) {
                    base = full.substring(0, dash);
                    procs = full.substring(dash + 1);
                }
                Map<String, String> params = new LinkedHashMap<>();
                for (String key : keys) {
                    if (varying.contains(key) && r.config().containsKey(key)) {
                        params.put(key, r.config().get(key));
                    }
                }
                if (procs != null) {
                    params.put(GOMAXPROCS, procs);
                }
                String id = base + "\u0000" + params;
                String groupName = base;
                Group g = groups.computeIfAbsent(id, k -> new Group(groupName, full, params));
                g.add(r);
            }
            List<Benchmark> benchmarks = new ArrayList<>();
            for (Group g : groups.values()) {
                String primary = g.samples.containsKey("ns/op") ? "ns/op" : g.samples.keySet().iterator().next();
                List<String> units = new ArrayList<>(g.samples.keySet());
                units.remove(primary);
                units.add(0, primary);
                for (String unit : units) {
                    List<Double> values = g.samples.get(unit);
                    Benchmark.Builder b = Benchmark.builder(g.name).params(g.params).unit(unit)
                            .metric(unit.equals(primary) ? Benchmark.PRIMARY : unit)
                            .lowerIsBetter(BenchUnits.lowerIsBetter(unit))
                            .samples(values.stream().mapToDouble(Double::doubleValue).toArray());
                    b.attribute("iterations", String.join(", ", g.iterations.get(unit)));
                    Map<String, String> attrs = unitAttributes.get(unit);
                    if (attrs != null) {
                        attrs.forEach(b::attribute);
                    }
                    String fail = failed.get(g.fullName);
                    if (fail == null) {
                        fail = failed.get(g.name);
                    }
                    if (fail != null) {
                        b.status(BenchmarkStatus.FAILED, fail);
                    }
                    benchmarks.add(b.build());
                }
            }
            Set<String> seen = new HashSet<>();
            groups.values().forEach(g -> {
                seen.add(g.name);
                seen.add(g.fullName);
            });
            for (String f : failed.keySet()) {
                // a parent fails when a sub-benchmark does: the sub-benchmark is the one to name
                boolean parentOfFailed = failed.keySet().stream().anyMatch(o -> o.startsWith(f + "/"));
                if (!seen.contains(f) && !parentOfFailed) {
                    benchmarks.add(Benchmark.builder(f).unit("ns/op").lowerIsBetter(true)
                            .status(BenchmarkStatus.FAILED, "--- FAIL").build());
                }
            }
            String commit = environment.getOrDefault("commit", "");
            return new BenchmarkRun(name, TOOL, FORMAT, start, environment, "", commit, Map.of(), benchmarks);
        }
    }

    /** The samples of one benchmark (name and parameters), per unit in the order the lines give them. */
    private static final class Group {
        final String name;
        final String fullName;
        final Map<String, String> params;
        final Map<String, List<Double>> samples = new LinkedHashMap<>();
        final Map<String, List<String>> iterations = new LinkedHashMap<>();

        Group(String name, String fullName, Map<String, String> params) {
            this.name = name;
            this.fullName = fullName;
            this.params = params;
        }

        void add(Result r) {
            for (int i = 0; i < r.units().size(); i++) {
                samples.computeIfAbsent(r.units().get(i), u -> new ArrayList<>()).add(r.values()[i]);
                iterations.computeIfAbsent(r.units().get(i), u -> new ArrayList<>()).add(Long.toString(r.iterations()));
            }
        }
    }
}
