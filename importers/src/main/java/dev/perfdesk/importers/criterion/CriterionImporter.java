package dev.perfdesk.importers.criterion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.bench.ReportedEstimate;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.importers.json.JsonDocument;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads Criterion.rs's output folder, {@code target/criterion}, as one run: a folder format, so it is imported as a
 * folder ({@link ImportSource#isFolder()}), not file by file. Each benchmark folder
 * ({@code <group>/<function>/<value>/}) whose {@code new/} holds {@code sample.json} and {@code estimates.json}
 * gives one benchmark; the folder given may be {@code target/criterion}, a group's folder, one benchmark's folder
 * or its {@code new/} folder. Only {@code new/} is read as the run's measurements: in Criterion 0.3 {@code base/}
 * is a copy of {@code new/} once a run ends (the default saved baseline), so it is not the run compared against.
 *
 * <ul>
 *   <li>Samples: {@code sample.json}'s {@code times[i] / iters[i]}, the time of one iteration in nanoseconds, as
 *       Criterion analyses them (its {@code times} are the total of {@code iters} iterations). 0.3+ writes
 *       {@code {"sampling_mode", "iters", "times"}}; 0.2 wrote {@code [[iters], [times]]}.</li>
 *   <li>The name: {@code benchmark.json}'s {@code full_id} ({@code Fibonacci/Recursive/10}), not the folder path,
 *       which Criterion sanitises; the folder's path when there is no {@code benchmark.json}. Throughput
 *       ({@code {"Bytes": 4096}}, {@code {"Elements": 10}}) is kept as an attribute.</li>
 *   <li>Criterion's own estimates ({@code estimates.json}: mean, median, median_abs_dev, slope, std_dev, each with
 *       its point estimate and confidence interval; 0.2 spelled them {@code Mean}, {@code MedianAbsDev}, ...) and
 *       its change against its saved baseline ({@code change/estimates.json}: mean and median, as fractions) are
 *       kept as {@link ReportedEstimate}s and shown beside Perfdesk's figures and verdict, never used for them.</li>
 * </ul>
 * Units are nanoseconds: a custom Criterion {@code Measurement} writes other units into the same files without
 * naming them, which cannot be told from the files.
 */
public final class CriterionImporter implements Importer {
    public static final String FORMAT = "criterion";
    /** The tool, as runs name it. */
    public static final String TOOL = "Criterion.rs";
    /** The largest single Criterion file read; Criterion writes a few KB per benchmark. */
    static final long MAX_FILE = 16L << 20;
    private static final Set<String> DATA_FILES = Set.of("benchmark.json", "estimates.json", "sample.json",
            "tukey.json", "raw.csv");
    private static final String[][] ESTIMATES = {{"mean", "Mean"}, {"median", "Median"},
        {"median_abs_dev", "MedianAbsDev"}, {"slope", "Slope"}, {"std_dev", "StdDev"}};
    private static final int MAX_DEPTH = 12;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Criterion.rs output folder (target/criterion)";
    }

    /** A file is never Criterion output on its own: the format is a folder. */
    @Override
    public int detect(byte[] head) {
        return 0;
    }

    @Override
    public int detectFolder(Path folder) throws IOException {
        if (measurements(folder).isEmpty()) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
            boolean onlyCriterion = walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(folder, p))
                    .allMatch(p -> isCriterionFile(folder, p));
            return onlyCriterion ? 95 : 0;
        }
    }

    private static boolean hidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Criterion's data files, and the HTML and SVG of its reports. */
    private static boolean isCriterionFile(Path root, Path p) {
        String name = p.getFileName().toString();
        if (DATA_FILES.contains(name)) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean report = false;
        for (Path part : root.relativize(p)) {
            report |= part.toString().equals("report");
        }
        return report && (lower.endsWith(".html") || lower.endsWith(".svg") || lower.endsWith(".js")
                || lower.endsWith(".css") || lower.endsWith(".png"));
    }

    /**
     * The measurement folders under {@code folder}, sorted by path: every {@code new/} folder with a
     * {@code sample.json} or {@code estimates.json}, or {@code folder} itself when it holds them.
     */
    static List<Path> measurements(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        if (Files.isRegularFile(folder.resolve("sample.json")) || Files.isRegularFile(folder.resolve(
                "estimates.json"))) {
            return List.of(folder);
        }
        try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
            return walk.filter(Files::isDirectory)
                    .filter(d -> d.getFileName() != null && d.getFileName().toString().equals("new"))
                    .filter(d -> Files.isRegularFile(d.resolve("sample.json"))
                            || Files.isRegularFile(d.resolve("estimates.json")))
                    .filter(d -> !hidden(folder, d))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        Path folder = source.path();
        if (!source.isFolder()) {
            throw ImportException.whole(folder, "Criterion.rs output is a folder (target/criterion); import the "
                    + "folder, not one of its files");
        }
        List<Path> found = measurements(folder);
        if (found.isEmpty()) {
            throw ImportException.whole(folder, "holds no Criterion.rs benchmark: no <benchmark>/new/ folder with "
                    + "sample.json and estimates.json");
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        boolean old = false;
        for (Path m : found) {
            monitor.checkCancelled();
            Reading r = benchmark(folder, m);
            old |= r.oldLayout();
            benchmarks.add(r.benchmark());
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("criterion layout", old ? "0.2 (CamelCase estimates, [[iters], [times]] samples)"
                : "0.3 and later");
        String name = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        sink.addRun(new BenchmarkRun(name, TOOL, FORMAT, null, environment, "", "", Map.of(), benchmarks));
    }

    /** One benchmark, and whether its files are in the 0.2 layout. */
    private record Reading(Benchmark benchmark, boolean oldLayout) {
    }

    private static Reading benchmark(Path root, Path m) throws IOException, ImportException {
        Path benchDir = m.equals(root) && !m.getFileName().toString().equals("new") ? m : m.getParent();
        String name = !benchDir.startsWith(root) || benchDir.equals(root) ? nameOf(benchDir)
                : root.relativize(benchDir).toString()
                .replace(java.io.File.separatorChar, '/');
        Benchmark.Builder b;
        Path info = m.resolve("benchmark.json");
        Map<String, String> attributes = new LinkedHashMap<>();
        if (Files.isRegularFile(info)) {
            JsonDocument doc = read(info, "Criterion's benchmark.json");
            doc.object("", "a Criterion benchmark.json object with 'full_id'");
            name = doc.text("/full_id");
            for (String[] key : new String[][] {{"group_id", "group"}, {"function_id", "function"},
                {"value_str", "value"}}) {
                String v = doc.text("/" + key[0], "");
                if (!v.isEmpty()) {
                    attributes.put(key[1], v);
                }
            }
            JsonNode throughput = doc.root().path("throughput");
            if (throughput.isObject() && throughput.size() == 1) {
                Map.Entry<String, JsonNode> t = throughput.fields().next();
                double per = doc.nonNegative("/throughput/" + t.getKey());
                attributes.put("throughput", String.format(Locale.ROOT, "%s %s per iteration",
                        dev.perfdesk.core.bench.DisplayUnits.shortNumber(per),
                        t.getKey().toLowerCase(Locale.ROOT).replace("bytesdecimal", "bytes (decimal)")));
            }
        }
        b = Benchmark.builder(name).unit("ns").lowerIsBetter(true);
        Path samplesFile = m.resolve("sample.json");
        if (!Files.isRegularFile(samplesFile)) {
            throw ImportException.whole(m, "has estimates.json but no sample.json; Criterion writes both");
        }
        JsonDocument samples = read(samplesFile, "Criterion's sample.json");
        boolean old = samples.root().isArray();
        String itersAt;
        String timesAt;
        if (old) {
            JsonNode pair = samples.root();
            if (pair.size() != 2 || !pair.get(0).isArray() || !pair.get(1).isArray()) {
                throw samples.error("", "expected Criterion 0.2's sample.json, [[iters...], [times...]], found an "
                        + "array of " + pair.size() + (pair.size() == 1 ? " value" : " values"));
            }
            itersAt = "/0";
            timesAt = "/1";
        } else {
            samples.object("", "Criterion's sample.json: {\"sampling_mode\", \"iters\", \"times\"}");
            samples.array("/iters", "an array 'iters' of iteration counts");
            samples.array("/times", "an array 'times' of measured nanoseconds");
            itersAt = "/iters";
            timesAt = "/times";
            String mode = samples.text("/sampling_mode", "");
            if (!mode.isEmpty()) {
                attributes.put("sampling mode", mode);
            }
        }
        JsonNode iters = samples.root().at(itersAt);
        JsonNode times = samples.root().at(timesAt);
        if (iters.isEmpty()) {
            throw samples.error(itersAt, "the sample is empty: no iteration counts");
        }
        if (iters.size() != times.size()) {
            throw samples.error(timesAt, "'times' has " + times.size() + " values but 'iters' has " + iters.size()
                    + "; they must pair up");
        }
        double[] perIteration = new double[iters.size()];
        double total = 0;
        for (int i = 0; i < perIteration.length; i++) {
            double n = finite(samples, itersAt + "/" + i, "an iteration count");
            double t = finite(samples, timesAt + "/" + i, "a measured time");
            if (n <= 0) {
                throw samples.error(itersAt + "/" + i, "an iteration count must be above 0, found "
                        + JsonDocument.describe(iters.get(i)));
            }
            if (t < 0) {
                throw samples.error(timesAt + "/" + i, "a measured time cannot be negative, found "
                        + JsonDocument.describe(times.get(i)));
            }
            perIteration[i] = t / n;
            total += n;
        }
        b.samples(perIteration);
        attributes.put("iterations", String.format(Locale.ROOT, "%.0f in %d samples", total, perIteration.length));

        Path estimatesFile = m.resolve("estimates.json");
        if (!Files.isRegularFile(estimatesFile)) {
            throw ImportException.whole(m, "has sample.json but no estimates.json; Criterion writes both");
        }
        String level = estimates(b, read(estimatesFile, "Criterion's estimates.json"), false);
        Path change = benchDir.resolve("change").resolve("estimates.json");
        if (!m.equals(benchDir) && Files.isRegularFile(change)) {
            estimates(b, read(change, "Criterion's change/estimates.json"), true);
            attributes.put(ReportedEstimate.CHANGE_AGAINST, "its saved baseline (change/estimates.json)");
        }
        if (level != null) {
            attributes.put(ReportedEstimate.CONFIDENCE, level);
        }
        attributes.forEach(b::attribute);
        return new Reading(b.build(), old);
    }

    private static String nameOf(Path p) {
        Path name = p.getFileName();
        return name == null ? p.toString() : name.toString();
    }

    /** Adds the estimates of {@code doc}; returns their confidence level as written, or null. */
    private static String estimates(Benchmark.Builder b, JsonDocument doc, boolean change) throws ImportException {
        doc.object("", "Criterion's estimates.json object with 'mean' and 'median'");
        String level = null;
        int found = 0;
        for (String[] names : ESTIMATES) {
            String key = doc.root().has(names[0]) ? names[0] : doc.root().has(names[1]) ? names[1] : null;
            if (key == null || doc.root().get(key).isNull()) {
                continue;
            }
            String at = "/" + key;
            doc.object(at, "an estimate object with 'point_estimate' and 'confidence_interval'");
            double point = finite(doc, at + "/point_estimate", "a point estimate");
            double lower = Double.NaN;
            double upper = Double.NaN;
            if (doc.root().at(at + "/confidence_interval").isObject()) {
                lower = finite(doc, at + "/confidence_interval/lower_bound", "a confidence bound");
                upper = finite(doc, at + "/confidence_interval/upper_bound", "a confidence bound");
                JsonNode l = doc.root().at(at + "/confidence_interval/confidence_level");
                if (l.isNumber() && level == null) {
                    level = l.asText();
                }
            }
            ReportedEstimate.put(b, new ReportedEstimate(names[0], point, lower, upper, change));
            found++;
        }
        if (found == 0 || !(doc.root().has("mean") || doc.root().has("Mean"))) {
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = doc.root().fieldNames(); it.hasNext(); ) {
                keys.add(it.next());
            }
            throw doc.error("", "expected Criterion's estimates ('mean', 'median', ...), found "
                    + (keys.isEmpty() ? "an empty object" : "the keys " + String.join(", ", keys)));
        }
        return level;
    }

    private static double finite(JsonDocument doc, String pointer, String what) throws ImportException {
        double v = doc.number(pointer);
        if (!Double.isFinite(v)) {
            throw doc.error(pointer, what + " must be a finite number, found "
                    + JsonDocument.describe(doc.root().at(pointer)));
        }
        return v;
    }

    /** Reads one of Criterion's files; refuses files far larger than Criterion writes. */
    private static JsonDocument read(Path file, String what) throws IOException, ImportException {
        long size = Files.size(file);
        if (size == 0) {
            throw ImportException.whole(file, "the file is empty; expected " + what);
        }
        if (size > MAX_FILE) {
            throw tooLarge(file, size, what);
        }
        return JsonDocument.read(ImportSource.of(file), what);
    }

    private static ImportException tooLarge(Path file, long size, String what) throws IOException {
        byte[] buf = new byte[1 << 16];
        long seen = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while (seen <= MAX_FILE && (n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        return ImportException.whole(file, String.format(Locale.ROOT, "the file is %,d MB; %s is a "
                                + "few KB, so this is not one (over %d MB is not read)", size >> 20, what,
                                MAX_FILE >> 20));
                    }
                }
                seen += n;
            }
        }
        return ImportException.atLine(file, 1, String.format(Locale.ROOT, "the line is longer than %d MB; %s is "
                + "a few KB, so this is not one", MAX_FILE >> 20, what));
    }
}
