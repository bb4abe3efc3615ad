package dev.perfdesk.viewers.heap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.perfdesk.core.heap.HeapSeries;
import dev.perfdesk.core.heap.HeapSeries.Snapshot;

/**
 * Where a {@link HeapChart} draws things, without JavaFX: the plot rectangle inside the chart, the scales from time
 * (in the series' unit) and bytes to pixels, the axes' ticks, and which detailed snapshot a click picks.
 *
 * @param series the series drawn
 * @param left   the plot's left edge, in pixels from the chart's
 * @param top    the plot's top edge
 * @param width  the plot's width
 * @param height the plot's height
 * @param maxBytes the byte value at the plot's top (a round number at or above the largest total)
 */
public record HeapChartLayout(HeapSeries series, double left, double top, double width, double height,
                              long maxBytes) {
    /** Space for the byte labels on the left. */
    public static final double AXIS_LEFT = 70;
    /** Space for the time labels below. */
    public static final double AXIS_BOTTOM = 34;
    /** Space above the plot for the legend and the peak label. */
    public static final double LEGEND = 22;
    public static final double RIGHT = 16;

    /** A tick on an axis: its position in pixels and its label. */
    public record Tick(double position, String label) {
    }

    /** The layout of {@code series} in a chart {@code w} by {@code h} pixels. */
    public static HeapChartLayout of(HeapSeries series, double w, double h) {
        long max = 1;
        for (Snapshot s : series.snapshots()) {
            max = Math.max(max, s.total());
        }
        long step = byteStep(max / 4.0);
        long top = ((max + step - 1) / step) * step;
        return new HeapChartLayout(series, AXIS_LEFT, LEGEND, Math.max(1, w - AXIS_LEFT - RIGHT),
                Math.max(1, h - LEGEND - AXIS_BOTTOM), Math.max(1, top));
    }

    /** The first snapshot's time. */
    public long startTime() {
        return series.snapshots().isEmpty() ? 0 : series.snapshots().get(0).time();
    }

    /** The last snapshot's time (at least one past the first, so the scale never divides by zero). */
    public long endTime() {
        long start = startTime();
        long end = series.snapshots().isEmpty() ? 1 : series.snapshots().get(series.snapshots().size() - 1).time();
        return Math.max(start + 1, end);
    }

    /** The x pixel of a time. */
    public double x(long time) {
        return left + (time - startTime()) / (double) (endTime() - startTime()) * width;
    }

    /** The y pixel of a byte value (0 at the bottom). */
    public double y(long bytes) {
        return top + height - bytes / (double) maxBytes * height;
    }

    /** The time at x pixel {@code px}, clamped to the series. */
    public double timeAt(double px) {
        double f = Math.max(0, Math.min(1, (px - left) / width));
        return startTime() + f * (endTime() - startTime());
    }

    /** The detailed snapshot a click at x pixel {@code px} picks: the nearest in time; null when there is none. */
    public Snapshot pick(double px) {
        return series.nearestDetailed(timeAt(px));
    }

    /** Byte ticks from 0 to {@link #maxBytes()}, round in binary units: {@code 0}, {@code 500 KiB}, ... */
    public List<Tick> byteTicks() {
        List<Tick> out = new ArrayList<>();
        long step = byteStep(maxBytes / 4.0);
        int k = 0;
        long base = 1;
        while (k < BYTE_UNITS.length - 1 && step >= base * 1024) {
            base *= 1024;
            k++;
        }
        for (long b = 0; b <= maxBytes; b += step) {
            double v = b / (double) base;
            String number = v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
                    : String.format(Locale.ROOT, "%.1f", v);
            out.add(new Tick(y(b), b == 0 ? "0" : number + " " + BYTE_UNITS[k]));
            if (b > Long.MAX_VALUE - step) {
                break;
            }
        }
        return out;
    }

    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    /** A round step in bytes, at least {@code raw}: 1, 2 or 5 times a power of ten of B, KiB, MiB, ... */
    static long byteStep(double raw) {
        double base = 1;
        while (raw / base >= 1024 && base < (double) (1L << 50)) {
            base *= 1024;
        }
        return Math.max(1, (long) (niceStep(raw / base) * base));
    }

    /** Time ticks about every 100 pixels, in the series' unit with a k/M/G multiplier. */
    public List<Tick> timeTicks() {
        List<Tick> out = new ArrayList<>();
        long span = endTime() - startTime();
        long step = niceStep(span / Math.max(1.0, width / 100));
        long first = ((startTime() + step - 1) / step) * step;
        for (long t = first; t <= endTime(); t += step) {
            out.add(new Tick(x(t), formatTime(t, step)));
            if (t > Long.MAX_VALUE - step) {
                break;
            }
        }
        return out;
    }

    /** A time in the series' unit, short: {@code 1.4 Mi}, {@code 250 ms}, {@code 2.1 MB}. */
    String formatTime(long t, long step) {
        String unit = series.timeUnit();
        String[] prefixes = {"", "k", "M", "G", "T"};
        int p = 0;
        double v = t;
        double s = step;
        while (Math.abs(v) >= 1000 && p < prefixes.length - 1 && s >= 1) {
            v /= 1000;
            s /= 1000;
            p++;
        }
        String number = s >= 1 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
                : s >= 0.1 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return number + " " + prefixes[p] + unit;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static long niceStep(double raw) {
        if (raw <= 1) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return (long) Math.min(Long.MAX_VALUE / 4, m * p);
            }
        }
        return (long) Math.min(Long.MAX_VALUE / 4, 10 * p);
    }
}
