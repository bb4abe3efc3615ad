package dev.perfdesk.core.bench;

import com.tdunning.math.stats.AVLTreeDigest;

/**
 * Percentiles as Gatling's reports compute them (gatling-charts' {@code GeneralStatsBuffer}): every response time is
 * added, in the log's order, to a t-digest {@code new AVLTreeDigest(100.0)} (com.tdunning:t-digest 3.3, the version
 * Gatling 3.13 to 3.15 use), and the value at percentile p is {@code Math.round(digest.quantile(p / 100))}: a whole
 * number of milliseconds. Only {@link BenchmarkFigures} uses it, for benchmarks marked
 * {@link Benchmark#GATLING_PERCENTILES}. Gatling 3.12 and earlier used t-digest 3.1, whose values can differ from
 * these by a unit where centroids merge.
 *
 * <pre>{@code
 * TDigestPercentiles.ofGatling(new double[] {3, 1, 2, 40}).percentile(50);   // 3, rounded as Gatling prints it
 * }</pre>
 */
public final class TDigestPercentiles {
    /** The compression Gatling creates its digests with. */
    public static final double GATLING_COMPRESSION = 100.0;

    private static final long SEED = 0x6761746cL;

    private final AVLTreeDigest digest;

    private TDigestPercentiles(AVLTreeDigest digest) {
        this.digest = digest;
    }

    /** Gatling's digest of {@code valuesInOrder}, NaN left out. */
    public static TDigestPercentiles ofGatling(double[] valuesInOrder) {
        AVLTreeDigest d = new AVLTreeDigest(GATLING_COMPRESSION);
        seed(d);
        for (double v : valuesInOrder) {
            if (!Double.isNaN(v)) {
                d.add(v);
            }
        }
        return new TDigestPercentiles(d);
    }

    /**
     * The digest picks at random among equally near centroids with room (its {@code gen}, unseeded in Gatling);
     * a fixed seed makes the same samples give the same figures everywhere. Where the pick changes a percentile,
     * Gatling's own report of the same log can change between two generations too.
     */
    private static void seed(AVLTreeDigest d) {
        try {
            java.lang.reflect.Field gen = AVLTreeDigest.class.getDeclaredField("gen");
            gen.setAccessible(true);
            ((java.util.Random) gen.get(d)).setSeed(SEED);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("t-digest 3.3 is expected on the class path", e);
        }
    }

    /** The value at {@code percentile} (0..100), rounded to a whole number as Gatling does; NaN when empty. */
    public double percentile(double percentile) {
        if (digest.size() == 0) {
            return Double.NaN;
        }
        double q = Math.min(Math.max(percentile, 0), 100) / 100.0;
        return Math.round(digest.quantile(q));
    }
}
