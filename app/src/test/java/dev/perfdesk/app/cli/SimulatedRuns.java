package dev.perfdesk.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Benchmark files of a simulated continuous-performance pipeline: workers (CI jobs) each run one suite on one
 * platform and push one result per build, JMH (avgt, us/op) for even suites and hyperfine (seconds) for odd ones.
 * Worker {@code k} runs suite {@code k / 2} on platform {@code k % 2} ({@value #STEPPED} or {@value #STEADY}); from
 * build {@code step} on, every result on {@value #STEPPED} is 12% slower. Values carry 1% noise; every file is
 * different, so no two share a content hash.
 */
public final class SimulatedRuns {
    public static final String STEPPED = "aws-m6i";
    public static final String STEADY = "gcp-n2";
    public static final double STEP = 1.12;

    private SimulatedRuns() {
    }

    public static String platform(int worker) {
        return worker % 2 == 0 ? STEPPED : STEADY;
    }

    public static int suite(int worker) {
        return worker / 2;
    }

    public static boolean jmh(int worker) {
        return suite(worker) % 2 == 0;
    }

    public static String job(int worker) {
        return "perf-suite" + suite(worker) + "-" + platform(worker);
    }

    /** The benchmark's name as series name it: the JMH benchmark, or the hyperfine command. */
    public static String benchmark(int worker) {
        return jmh(worker) ? "dev.perfdesk.sim.Suite" + suite(worker) + ".parse" : "suite" + suite(worker) + " --parse";
    }

    /** The file name of a build's result. */
    public static String fileName(int build) {
        return String.format(Locale.ROOT, "build-%03d.json", build);
    }

    /** Writes the result files of builds {@code 1..builds} of {@code worker} into {@code dir}, in build order. */
    public static List<Path> writeAll(Path dir, int worker, int builds, int step) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (int b = 1; b <= builds; b++) {
            out.add(write(dir, worker, b, step));
        }
        return out;
    }

    /** Writes one build's result of {@code worker} into {@code dir}. */
    public static Path write(Path dir, int worker, int build, int step) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(worker * 100_003L + build);
        double base = 100 + 25 * suite(worker);
        double level = base * (platform(worker).equals(STEPPED) && build >= step ? STEP : 1);
        double[] values = new double[5];
        for (int i = 0; i < values.length; i++) {
            values[i] = level * (1 + 0.01 * random.nextGaussian());
        }
        Path file = dir.resolve(fileName(build));
        Files.writeString(file, jmh(worker) ? jmhJson(worker, build, values) : hyperfineJson(worker, values));
        return file;
    }

    private static String jmhJson(int worker, int build, double[] us) {
        double mean = mean(us);
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < us.length; i++) {
            raw.append(i == 0 ? "" : ", ").append(num(us[i]));
        }
        return "[{\"jmhVersion\": \"1.37\", \"benchmark\": \"" + benchmark(worker) + "\", \"mode\": \"avgt\", "
                + "\"threads\": 1, \"forks\": 1, \"jvm\": \"/usr/lib/jvm/java-17/bin/java\", "
                + "\"jvmArgs\": [\"-Dsim.build=" + build + "\"], \"jdkVersion\": \"17.0.15\", "
                + "\"vmName\": \"OpenJDK 64-Bit Server VM\", \"vmVersion\": \"17.0.15+6\", "
                + "\"warmupIterations\": 1, \"warmupTime\": \"1 s\", \"warmupBatchSize\": 1, "
                + "\"measurementIterations\": " + us.length + ", \"measurementTime\": \"1 s\", "
                + "\"measurementBatchSize\": 1, \"primaryMetric\": {\"score\": " + num(mean)
                + ", \"scoreError\": " + num(stddev(us)) + ", \"scoreConfidence\": [" + num(mean - stddev(us)) + ", "
                + num(mean + stddev(us)) + "], \"scoreUnit\": \"us/op\", \"rawData\": [[" + raw + "]]}, "
                + "\"secondaryMetrics\": {}}]\n";
    }

    private static String hyperfineJson(int worker, double[] ms) {
        double[] s = new double[ms.length];
        for (int i = 0; i < ms.length; i++) {
            s[i] = ms[i] / 1000;
        }
        double[] sorted = s.clone();
        java.util.Arrays.sort(sorted);
        StringBuilder times = new StringBuilder();
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
            times.append(i == 0 ? "" : ", ").append(num(s[i]));
            codes.append(i == 0 ? "0" : ", 0");
        }
        return "{\"results\": [{\"command\": \"" + benchmark(worker) + "\", \"mean\": " + num(mean(s))
                + ", \"stddev\": " + num(stddev(s)) + ", \"median\": " + num(sorted[s.length / 2])
                + ", \"user\": 0.001, \"system\": 0.0005, \"min\": " + num(sorted[0]) + ", \"max\": "
                + num(sorted[s.length - 1]) + ", \"times\": [" + times + "], \"exit_codes\": [" + codes + "]}]}\n";
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    private static double stddev(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
