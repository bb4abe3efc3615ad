package dev.perfdesk.viewers.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;

import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.CollectingSink;
import dev.perfdesk.importers.jmh.JmhJsonImporter;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * A generated pair of JMH JSON runs that compare as 76 rows, imported through {@link JmhJsonImporter} as the app
 * does: 19 benchmarks of one package in the modes thrpt, avgt, sample and ss, each with the secondary metrics
 * {@code gc.alloc.rate.norm}, {@code gc.alloc.rate} and {@code gc.count}. Rows 41 and 46 (in import order) regress:
 * {@code MapBench.get}'s time grows 14% and {@code MapBench.put}'s allocation per operation 25%; two benchmarks
 * improve. Single-shot rows have 5 samples a side, too few for a confidence interval; most {@code gc.count} rows
 * are all equal. Fixed seeds: the same files every run.
 */
final class JmhComparisonData {
    static final String PACKAGE = "org.example.bench.";

    /** class.method, mode, params ("" for none), unit, centre. */
    private record Spec(String name, String mode, String params, String unit, double centre) {
    }

    private static final Spec[] SPECS = {
        new Spec("json.ParserBench.parseSmallDocument", "thrpt", "", "ops/ms", 412.5),
        new Spec("json.ParserBench.parseLargeDocument", "thrpt", "", "ops/ms", 3.82),
        new Spec("json.WriterBench.writeSmallDocument", "thrpt", "", "ops/ms", 988.1),
        new Spec("json.WriterBench.writeLargeDocument", "thrpt", "", "ops/ms", 7.94),
        new Spec("text.StringBuilderBench.appendMany", "thrpt", "count=16", "ops/us", 12.31),
        new Spec("text.StringBuilderBench.appendMany", "thrpt", "count=4096", "ops/us", 0.0481),
        new Spec("collections.ListBench.iterate", "avgt", "size=100", "ns/op", 87.4),
        new Spec("collections.ListBench.iterate", "avgt", "size=100000", "us/op", 91.2),
        new Spec("collections.ListBench.sortRandom", "avgt", "size=100000", "ms/op", 8.71),
        new Spec("collections.ListBench.sortPresorted", "avgt", "size=100000", "us/op", 412.9),
        new Spec("collections.MapBench.get", "avgt", "size=100000", "ns/op", 23.8),
        new Spec("collections.MapBench.put", "avgt", "size=100000", "ns/op", 61.3),
        new Spec("concurrent.QueueBench.offerPoll", "sample", "threads=1", "us/op", 0.412),
        new Spec("concurrent.QueueBench.offerPoll", "sample", "threads=4", "us/op", 1.93),
        new Spec("concurrent.LockBench.contendedLock", "sample", "", "us/op", 3.71),
        new Spec("io.ChannelBench.readDirectBuffer", "sample", "bufferSize=65536", "us/op", 28.4),
        new Spec("startup.ClassLoadingBench.loadThousandClasses", "ss", "", "ms/op", 184.0),
        new Spec("startup.ServiceLoaderBench.firstLookup", "ss", "", "ms/op", 12.6),
        new Spec("startup.ReflectionBench.firstInvoke", "ss", "", "us/op", 850.0),
    };

    private JmhComparisonData() {
    }

    static BenchmarkRun baseline() {
        return run("baseline", false);
    }

    static BenchmarkRun candidate() {
        return run("candidate", true);
    }

    /** The JMH JSON of one side, as JMH writes it with {@code -rf json -prof gc}. */
    static String json(boolean candidate) {
        StringBuilder out = new StringBuilder("[\n");
        for (int k = 0; k < SPECS.length; k++) {
            Spec s = SPECS[k];
            SplittableRandom random = new SplittableRandom(31L * k + (candidate ? 17 : 5));
            double factor = 1;
            double allocFactor = 1;
            if (candidate) {
                factor = k == 10 ? 1.14 : k == 3 ? 0.9 : k == 14 ? 0.82 : 1 + 0.004 * gaussian(random);
                allocFactor = k == 11 ? 1.25 : 1;
            }
            boolean singleShot = s.mode().equals("ss");
            int forks = singleShot ? 1 : 3;
            int iterations = 5;
            double sigma = singleShot ? 0.06 : s.mode().equals("sample") ? 0.25 : 0.015;
            out.append(k == 0 ? "" : ",\n").append("  {\n")
                    .append("    \"jmhVersion\" : \"1.37\",\n")
                    .append("    \"benchmark\" : \"").append(PACKAGE).append(s.name()).append("\",\n")
                    .append("    \"mode\" : \"").append(s.mode()).append("\",\n")
                    .append("    \"threads\" : 1,\n    \"forks\" : ").append(forks).append(",\n")
                    .append("    \"jvm\" : \"/usr/lib/jvm/java-17-openjdk-amd64/bin/java\",\n")
                    .append("    \"jvmArgs\" : [ \"-Xmx2g\" ],\n")
                    .append("    \"jdkVersion\" : \"17.0.15\",\n    \"vmName\" : \"OpenJDK 64-Bit Server VM\",\n")
                    .append("    \"vmVersion\" : \"17.0.15+6-Debian-1deb12u1\",\n")
                    .append("    \"warmupIterations\" : 5,\n    \"warmupTime\" : \"1 s\",\n")
                    .append("    \"measurementIterations\" : ").append(iterations).append(",\n")
                    .append("    \"measurementTime\" : \"1 s\",\n");
            if (!s.params().isEmpty()) {
                String[] kv = s.params().split("=");
                out.append("    \"params\" : { \"").append(kv[0]).append("\" : \"").append(kv[1]).append("\" },\n");
            }
            out.append("    \"primaryMetric\" : ");
            if (s.mode().equals("sample")) {
                histogramMetric(out, random, s.centre() * factor, sigma, s.unit(), forks, iterations);
            } else {
                double centre = s.mode().equals("thrpt") ? s.centre() / factor : s.centre() * factor;
                metric(out, random, centre, sigma, s.unit(), forks, iterations, false);
            }
            double bytesPerOp = 48 + 24 * k;
            double opsPerSecond = 1e6 / Math.max(0.05, s.centre());
            out.append(",\n    \"secondaryMetrics\" : {\n      \"gc.alloc.rate.norm\" : ");
            metric(out, random, bytesPerOp * allocFactor, 0.0005, "B/op", forks, iterations, false);
            out.append(",\n      \"gc.alloc.rate\" : ");
            metric(out, random, Math.min(4000, bytesPerOp * opsPerSecond / 1e6) * allocFactor, 0.02, "MB/sec",
                    forks, iterations, false);
            out.append(",\n      \"gc.count\" : ");
            metric(out, random, k % 4 == 0 ? 2 : 0, 0, "counts", forks, iterations, true);
            out.append("\n    }\n  }");
        }
        return out.append("\n]\n").toString();
    }

    private static void metric(StringBuilder out, SplittableRandom random, double centre, double sigma, String unit,
                               int forks, int iterations, boolean whole) {
        double[][] raw = new double[forks][iterations];
        double sum = 0;
        for (int f = 0; f < forks; f++) {
            for (int i = 0; i < iterations; i++) {
                double v = centre * Math.exp(sigma * gaussian(random));
                raw[f][i] = whole ? Math.rint(v) : v;
                sum += raw[f][i];
            }
        }
        double mean = sum / (forks * iterations);
        out.append("{ \"score\" : ").append(num(mean)).append(", \"scoreError\" : ")
                .append(num(mean * sigma * 1.5)).append(", \"scoreConfidence\" : [ ")
                .append(num(mean * (1 - sigma * 1.5))).append(", ").append(num(mean * (1 + sigma * 1.5)))
                .append(" ], \"scoreUnit\" : \"").append(unit).append("\", \"rawData\" : [ ");
        for (int f = 0; f < forks; f++) {
            out.append(f == 0 ? "[ " : ", [ ");
            for (int i = 0; i < iterations; i++) {
                out.append(i == 0 ? "" : ", ").append(num(raw[f][i]));
            }
            out.append(" ]");
        }
        out.append(" ] }");
    }

    /** Sample mode: each iteration's samples as [value, count] pairs, values rounded as JMH's timer does. */
    private static void histogramMetric(StringBuilder out, SplittableRandom random, double centre, double sigma,
                                        String unit, int forks, int iterations) {
        StringBuilder hist = new StringBuilder();
        double sum = 0;
        long count = 0;
        for (int f = 0; f < forks; f++) {
            hist.append(f == 0 ? "[ " : ", [ ");
            for (int i = 0; i < iterations; i++) {
                TreeMap<Double, Integer> counts = new TreeMap<>();
                for (int n = 0; n < 800; n++) {
                    double g = gaussian(random);
                    double v = centre * Math.exp(sigma * g) * (g > 2 ? 1 + (g - 2) * 1.5 : 1);
                    double rounded = Math.max(0.001, Math.round(v * 1000) / 1000.0);
                    counts.merge(rounded, 1, Integer::sum);
                    sum += rounded;
                    count++;
                }
                hist.append(i == 0 ? "[ " : ", [ ");
                boolean first = true;
                for (var e : counts.entrySet()) {
                    hist.append(first ? "" : ", ").append("[ ").append(num(e.getKey())).append(", ")
                            .append(e.getValue()).append(" ]");
                    first = false;
                }
                hist.append(" ]");
            }
            hist.append(" ]");
        }
        double mean = sum / count;
        out.append("{ \"score\" : ").append(num(mean)).append(", \"scoreError\" : ").append(num(mean * 0.01))
                .append(", \"scoreUnit\" : \"").append(unit).append("\", \"rawDataHistogram\" : [ ").append(hist)
                .append(" ] }");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static BenchmarkRun run(String side, boolean candidate) {
        try {
            Path dir = Path.of("target", "generated-jmh");
            Files.createDirectories(dir);
            Path file = dir.resolve("jmh-76-" + side + ".json");
            Files.writeString(file, json(candidate), StandardCharsets.UTF_8);
            CollectingSink sink = new CollectingSink();
            new JmhJsonImporter().read(ImportSource.of(file), sink, ProgressMonitor.NONE);
            return sink.runs().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the generated JMH JSON did not import", e);
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
