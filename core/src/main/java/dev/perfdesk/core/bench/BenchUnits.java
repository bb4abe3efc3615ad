package dev.perfdesk.core.bench;

import java.util.Locale;

/**
 * The units benchmark tools print, for normalising values to one unit on display: times ({@code ns}, {@code us},
 * {@code ms}, {@code s}, with or without {@code /op}) and throughputs ({@code ops/s}, {@code ops/ms}, ...).
 *
 * <pre>{@code
 * BenchUnits.convert(1520.0, "ns/op", "us/op");   // 1.52
 * BenchUnits.convert(3.0, "ops/ms", "ops/s");     // 3000.0
 * BenchUnits.isThroughput("ops/s");               // true: higher is better
 * }</pre>
 */
public final class BenchUnits {

    private BenchUnits() {
    }

    /** Seconds in one {@code unit} of time ({@code ns}, {@code us}, {@code µs}, {@code ms}, {@code s}...), else NaN. */
    public static double secondsPer(String unit) {
        switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "ns":
            case "nsec":
            case "nanoseconds":
                return 1e-9;
            case "us":
            case "µs":
            case "μs":
            case "usec":
            case "microseconds":
                return 1e-6;
            case "ms":
            case "msec":
            case "milliseconds":
                return 1e-3;
            case "s":
            case "sec":
            case "seconds":
                return 1;
            case "m":
            case "min":
            case "minutes":
                return 60;
            case "h":
            case "hr":
            case "hours":
                return 3600;
            default:
                return Double.NaN;
        }
    }

    /** Bytes in one {@code unit} of size ({@code B}, {@code KiB}, {@code MiB}, {@code GiB}), else NaN. */
    static double bytesPer(String unit) {
        switch (unit.strip()) {
            case "B":
                return 1;
            case "KiB":
                return 1024;
            case "MiB":
                return 1024 * 1024;
            case "GiB":
                return 1024 * 1024 * 1024;
            default:
                return Double.NaN;
        }
    }

    /** Whether {@code unit} is a time per operation or a plain time: {@code ns/op}, {@code ms}, {@code s/op}. */
    public static boolean isTime(String unit) {
        return !Double.isNaN(timeFactor(unit));
    }

    /** Whether {@code unit} is operations per time: {@code ops/s}, {@code ops/ms}, {@code iter/sec}, {@code req/s}. */
    public static boolean isThroughput(String unit) {
        return !Double.isNaN(rateFactor(unit));
    }

    /** Seconds per unit of a time unit, with an optional {@code /op} suffix; NaN when it is not one. */
    private static double timeFactor(String unit) {
        String u = unit.strip();
        int slash = u.indexOf('/');
        if (slash >= 0) {
            String per = u.substring(slash + 1).strip().toLowerCase(Locale.ROOT);
            if (!per.equals("op") && !per.equals("ops") && !per.equals("iter") && !per.equals("call")) {
                return Double.NaN;
            }
            u = u.substring(0, slash);
        }
        return secondsPer(u);
    }

    /** Operations per second in one unit of a throughput ({@code ops/ms} gives 1000); NaN when it is not one. */
    private static double rateFactor(String unit) {
        int slash = unit.indexOf('/');
        if (slash <= 0) {
            return Double.NaN;
        }
        double seconds = secondsPer(unit.substring(slash + 1));
        return Double.isNaN(seconds) ? Double.NaN : 1 / seconds;
    }

    /**
     * {@code value} in {@code from} expressed in {@code to}: time to time or throughput to throughput (the part
     * before the slash must match); NaN when the units do not convert.
     */
    public static double convert(double value, String from, String to) {
        if (from.equals(to)) {
            return value;
        }
        double f = timeFactor(from);
        double t = timeFactor(to);
        if (!Double.isNaN(f) && !Double.isNaN(t) && suffix(from).equals(suffix(to))) {
            return value * f / t;
        }
        f = bytesPer(from);
        t = bytesPer(to);
        if (!Double.isNaN(f) && !Double.isNaN(t)) {
            return value * f / t;
        }
        f = rateFactor(from);
        t = rateFactor(to);
        if (!Double.isNaN(f) && !Double.isNaN(t) && prefix(from).equals(prefix(to))) {
            return value * f / t;
        }
        return Double.NaN;
    }

    private static String suffix(String unit) {
        int slash = unit.indexOf('/');
        return slash < 0 ? "" : unit.substring(slash).strip();
    }

    private static String prefix(String unit) {
        int slash = unit.indexOf('/');
        return unit.substring(0, slash).strip();
    }

    /**
     * The time unit (with {@code unit}'s {@code /op} suffix, if any) in which {@code value} reads between 1 and
     * 1000 ({@code 1520 ns/op} reads best as {@code us/op}); for a size in bytes the binary unit in which it reads
     * below 1024 ({@code 48263168 B} reads as {@code MiB}); {@code unit} itself when it is neither.
     */
    public static String readableTimeUnit(double value, String unit) {
        double bytes = bytesPer(unit);
        if (!Double.isNaN(bytes) && Double.isFinite(value) && value != 0) {
            double b = Math.abs(value) * bytes;
            return b >= 1024.0 * 1024 * 1024 ? "GiB" : b >= 1024 * 1024 ? "MiB" : b >= 1024 ? "KiB" : "B";
        }
        double f = timeFactor(unit);
        if (Double.isNaN(f) || !Double.isFinite(value) || value == 0) {
            return unit;
        }
        double seconds = Math.abs(value) * f;
        String base = seconds >= 1 ? "s" : seconds >= 1e-3 ? "ms" : seconds >= 1e-6 ? "us" : "ns";
        return base + suffix(unit);
    }

    /** Whether lower is better for values in {@code unit}: false for throughputs, true otherwise. */
    public static boolean lowerIsBetter(String unit) {
        return !isThroughput(unit);
    }
}
