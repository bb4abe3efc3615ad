package dev.perfdesk.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.series.RunHistory;
import dev.perfdesk.store.ImportTransaction;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StorePaths;
import dev.perfdesk.store.StoredRun;
import dev.perfdesk.viewers.trend.TrendViewModel;

/**
 * Figures, not a test of speed: opening the history of a benchmark across 10,000 stored runs, as the trend tab
 * does it (the store query, {@link RunHistory}'s series, and the trend view model's change points), on SQLite and
 * on the PostgreSQL server {@code PERFDESK_TEST_PG} names. Prints the times; asserts only what was found. Run with
 * {@code -Dperfdesk.figures=true}.
 */
@EnabledIfSystemProperty(named = "perfdesk.figures", matches = "true")
class TrendOpenFiguresTest {
    private static final int RUNS = 10_000;
    private static final int PER_FILE = 100;
    private static final int STEP_AT = 7_000;

    @TempDir
    Path dir;

    /** Writes RUNS hyperfine-like runs of "work" (12 times each, 12% slower from STEP_AT on), 100 per file. */
    private static void generate(Store store) {
        Random random = new Random(42);
        for (int f = 0; f < RUNS / PER_FILE; f++) {
            try (ImportTransaction tx = store.beginImport(Path.of("nightly-" + f + ".json"), "hyperfine-json", f)) {
                for (int k = 0; k < PER_FILE; k++) {
                    int i = f * PER_FILE + k;
                    double mean = i < STEP_AT ? 0.0280 : 0.0280 * 1.12;
                    double[] times = new double[12];
                    for (int t = 0; t < times.length; t++) {
                        times[t] = mean * (1 + 0.004 * random.nextGaussian());
                    }
                    Benchmark b = Benchmark.builder("work").unit("s").samples(times).build();
                    tx.addRun(new BenchmarkRun("nightly-" + i + ".json", "hyperfine", "hyperfine-json",
                            Instant.ofEpochSecond(1_700_000_000L + i * 3600L), Map.of(), "", "", Map.of(),
                            List.of(b)));
                }
                tx.commit("generated-" + f);
            }
        }
    }

    private static void measure(String engine, Store store) throws Exception {
        long t0 = System.nanoTime();
        generate(store);
        long t1 = System.nanoTime();
        // the way the trend tab read runs before: one loadRun per run
        List<RunHistory.IdentifiedRun> oneByOne = new ArrayList<>();
        for (StoredRun r : store.listRuns()) {
            oneByOne.add(new RunHistory.IdentifiedRun("r" + r.id(), store.loadRun(r.id()), r.importedAt()));
        }
        long t2 = System.nanoTime();
        for (int round = 0; round < 3; round++) {
            long a = System.nanoTime();
            var loaded = store.runs().loadAll();
            long b = System.nanoTime();
            List<RunHistory.RunSeries> series = RunHistories.ofBenchmark(store, "work");
            long c = System.nanoTime();
            assertEquals(RUNS, loaded.size());
            assertEquals(1, series.size());
            TrendViewModel vm = new TrendViewModel(Runnable::run, Runnable::run);
            vm.setDirections(series.get(0).directions());
            vm.setSeriesSet(series.get(0).set());
            assertNotNull(vm.getReport());
            long d = System.nanoTime();
            assertTrue(vm.getReport().changePoints().stream().anyMatch(cp -> cp.index() == STEP_AT),
                    "the step is found at run " + STEP_AT);
            vm.close();
            System.out.printf(Locale.ROOT, "FIGURES %s round %d: store query (loadAll) %d ms; store query + "
                    + "history (RunHistories.ofBenchmark) %d ms; change points (TrendViewModel) %d ms; open total "
                    + "%d ms%n", engine, round + 1, (b - a) / 1_000_000, (c - b) / 1_000_000, (d - c) / 1_000_000,
                    (d - b) / 1_000_000);
        }
        System.out.printf(Locale.ROOT, "FIGURES %s: generating %,d runs %d ms; before: listRuns + loadRun per run "
                + "%d ms%n", engine, RUNS, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        long l0 = System.nanoTime();
        int listed = store.listRuns().size();
        System.out.printf(Locale.ROOT, "FIGURES %s: listRuns of %,d runs %d ms%n", engine, listed,
                (System.nanoTime() - l0) / 1_000_000);
    }

    @Test
    void sqlite() throws Exception {
        try (Store store = Store.open(dir.resolve("trend.db"))) {
            measure("sqlite", store);
        }
    }

    @Test
    void postgresql() throws Exception {
        String given = System.getenv("PERFDESK_TEST_PG");
        String base = given == null || given.isBlank()
                ? "postgresql://perfdesk:pd-test-secret@localhost:5432/perfdesk_test" : given;
        String schema = "fig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = jdbc(base); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        try (Store store = Store.open(StorePaths.locate(base + (base.contains("?") ? "&" : "?")
                + "options=-c%20search_path%3D" + schema))) {
            measure("postgresql", store);
        } finally {
            try (Connection c = jdbc(base); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static Connection jdbc(String url) throws SQLException {
        Matcher m = Pattern.compile("postgresql://([^:@]+):([^@]*)@([^:/]+):(\\d+)/([^?]+).*").matcher(url);
        if (!m.matches()) {
            throw new SQLException("the test URL must read postgresql://user:password@host:port/database");
        }
        Properties p = new Properties();
        p.setProperty("user", m.group(1));
        p.setProperty("password", m.group(2));
        return DriverManager.getConnection("jdbc:postgresql://" + m.group(3) + ":" + m.group(4) + "/" + m.group(5),
                p);
    }
}
