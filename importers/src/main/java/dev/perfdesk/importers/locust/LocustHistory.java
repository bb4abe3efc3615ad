package dev.perfdesk.importers.locust;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.TimeSeries;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;

/**
 * Reads Locust's {@code PREFIX_stats_history.csv}, streaming: a row per second per endpoint (with
 * {@code --csv-full-history}) or for {@code Aggregated} only, each with its current requests/s and failures/s and
 * its percentiles as Locust reported them at that moment ({@code N/A} before the first request, kept as NaN).
 * Memory grows with the seconds and endpoints, not with requests.
 *
 * @param series      per endpoint: requests/s, failures/s and the chosen percentiles; then the user count
 * @param start       the first row's time, or null when there is none
 * @param fullHistory whether rows of single endpoints were written ({@code --csv-full-history}), in which case
 *                    Locust's percentiles cover its last 10 s; otherwise they are cumulative
 */
record LocustHistory(List<TimeSeries> series, Instant start, boolean fullHistory) {
    /** The label that names a series' endpoint. */
    static final String ENDPOINT = "endpoint";

    /** One endpoint's columns while rows arrive. */
    private static final class Track {
        final String endpoint;
        long[] t = new long[64];
        double[][] v;
        int n;

        Track(String endpoint, int columns) {
            this.endpoint = endpoint;
            this.v = new double[columns][64];
        }

        void add(long nanos, double[] values) {
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
                for (int i = 0; i < v.length; i++) {
                    v[i] = Arrays.copyOf(v[i], n * 2);
                }
            }
            t[n] = nanos;
            for (int i = 0; i < v.length; i++) {
                v[i][n] = values[i];
            }
            n++;
        }
    }

    static LocustHistory read(ImportSource source, double[] percentiles, ProgressMonitor monitor)
            throws IOException, ImportException {
        var file = source.path();
        try (LocustCsv csv = new LocustCsv(source, monitor)) {
            LocustCsv.Row header = csv.next();
            if (header == null) {
                return new LocustHistory(List.of(), null, false);
            }
            String headerText = String.join(",", header.fields());
            if (!"stats history".equals(LocustImporter.kindOf(headerText))) {
                throw ImportException.atLine(file, header.line(), "expected Locust's stats history header starting "
                        + "with 'Timestamp,User Count,Type,Name', found '" + LocustImporter.abbreviate(headerText)
                        + "'");
            }
            LocustImporter.Columns c = new LocustImporter.Columns(file, header);
            int timestamp = c.required("Timestamp");
            int users = c.required("User Count");
            int type = c.required("Type");
            int name = c.required("Name");
            int rps = c.required("Requests/s");
            int fps = c.required("Failures/s");
            int[] pcols = new int[percentiles.length];
            for (int i = 0; i < percentiles.length; i++) {
                pcols[i] = c.required(Benchmark.percentileKey(percentiles[i]).substring(1) + "%");
            }
            Map<String, Track> tracks = new LinkedHashMap<>();
            Track userTrack = new Track("", 1);
            long lastUserTime = Long.MIN_VALUE;
            boolean full = false;
            long first = Long.MAX_VALUE;
            LocustCsv.Row row;
            double[] values = new double[2 + percentiles.length];
            while ((row = csv.next()) != null) {
                c.checkWidth(row, csv.lastLineUnterminated());
                long seconds = c.count(row, timestamp);
                if (seconds > Long.MAX_VALUE / 1_000_000_000L) {
                    throw ImportException.atLine(file, row.line(), "the timestamp " + seconds
                            + " is not a time in epoch seconds");
                }
                long nanos = seconds * 1_000_000_000L;
                first = Math.min(first, nanos);
                String endpoint = LocustImporter.endpoint(row.get(type), row.get(name));
                boolean aggregate = row.get(type).isEmpty() && row.get(name).equals("Aggregated");
                full |= !aggregate;
                values[0] = c.number(row, rps, false);
                values[1] = c.number(row, fps, false);
                for (int i = 0; i < pcols.length; i++) {
                    values[2 + i] = c.number(row, pcols[i], true);
                }
                tracks.computeIfAbsent(endpoint, e -> new Track(e, values.length)).add(nanos, values);
                if (nanos != lastUserTime) {
                    userTrack.add(nanos, new double[] {c.count(row, users)});
                    lastUserTime = nanos;
                }
            }
            List<TimeSeries> out = new ArrayList<>();
            for (Track t : tracks.values()) {
                Map<String, String> labels = Map.of(ENDPOINT, t.endpoint);
                long[] times = Arrays.copyOf(t.t, t.n);
                out.add(new TimeSeries(LocustImporter.RPS, labels, "req/s", TimeSeries.LOCUST_HISTORY, times,
                        Arrays.copyOf(t.v[0], t.n)));
                out.add(new TimeSeries("failures/s", labels, "req/s", TimeSeries.LOCUST_HISTORY, times,
                        Arrays.copyOf(t.v[1], t.n)));
                for (int i = 0; i < percentiles.length; i++) {
                    out.add(new TimeSeries(Benchmark.percentileKey(percentiles[i]), labels, "ms",
                            TimeSeries.LOCUST_HISTORY, times, Arrays.copyOf(t.v[2 + i], t.n)));
                }
            }
            if (userTrack.n > 0) {
                out.add(new TimeSeries("users", Map.of(), "users", TimeSeries.LOCUST_HISTORY,
                        Arrays.copyOf(userTrack.t, userTrack.n), Arrays.copyOf(userTrack.v[0], userTrack.n)));
            }
            Instant start = first == Long.MAX_VALUE ? null : Instant.ofEpochSecond(first / 1_000_000_000L);
            return new LocustHistory(out, start, full);
        }
    }
}
