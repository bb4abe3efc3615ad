package dev.perfdesk.viewers.trend;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import dev.perfdesk.core.bench.DisplayUnits;
import dev.perfdesk.core.series.SeriesPoint;

/** How the trend view writes numbers, times and runs. */
final class TrendFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter FULL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private TrendFormat() {
    }

    /** A value as every benchmark view writes it ({@link DisplayUnits#number}); "-" for NaN. */
    static String number(double v) {
        return Double.isNaN(v) ? "-" : DisplayUnits.number(v);
    }

    static String meanAndDeviation(double mean, double sd) {
        return number(mean) + " ± " + number(sd);
    }

    /** A change in percent ({@link DisplayUnits#percent}). */
    static String percent(double p) {
        return DisplayUnits.percent(p);
    }

    static String pValue(double p) {
        return p == 0 ? "<1e-300" : String.format(Locale.ROOT, "%.3g", p);
    }

    static String time(long epochMillis, ZoneId zone) {
        return TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    static String fullTime(long epochMillis, ZoneId zone) {
        return FULL_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    /** A run's labels, one {@code name: value} per line. */
    static String labels(SeriesPoint run) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : run.attributes().entrySet()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(e.getKey()).append(": ").append(e.getValue());
        }
        return sb.toString();
    }
}
