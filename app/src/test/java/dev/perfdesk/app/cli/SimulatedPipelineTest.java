package dev.perfdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfdesk.core.series.ChangePointKey;
import dev.perfdesk.core.series.ChangePointReview;
import dev.perfdesk.core.series.ReviewStatus;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoreLocation;
import dev.perfdesk.store.StorePaths;
import dev.perfdesk.store.StoredRun;

/**
 * A continuous-performance pipeline, simulated: concurrent {@code perfdesk import} processes (child JVMs running the
 * command line's main class) push labelled runs, JMH and hyperfine, of two platforms into one store, PostgreSQL when
 * {@code PERFDESK_TEST_PG} names a server, else an SQLite file. Every run is there once and whole; the change points
 * of each benchmark's history on the platform with the 12% step are found at the step's build, none on the other;
 * {@code perfdesk ci} fails on the step and passes once it is acknowledged in the store.
 *
 * <p>By default 8 workers push 12 builds each (step at build 7); {@code -Dperfdesk.pipeline.builds=100} runs the full
 * 8 x 100 (step at build 61) and prints the import throughput; {@code -Dperfdesk.pipeline.engine=sqlite} forces
 * SQLite for comparison.
 */
class SimulatedPipelineTest {
    private static final int WORKERS = 8;

    @TempDir
    Path dir;
    private String schema;
    private String adminUrl;

    private final int builds = Integer.getInteger("perfdesk.pipeline.builds", 12);
    private final int step = builds * 3 / 5 + 1;

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            try (Connection c = pg(adminUrl); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** A connection to a postgresql://user:password@host:port/db URL, for making and dropping the test schema. */
    private static Connection pg(String url) throws SQLException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "postgresql://([^:@]+):([^@]*)@([^:/]+):(\\d+)/([^?]+).*").matcher(url);
        if (!m.matches()) {
            throw new SQLException("PERFDESK_TEST_PG must read postgresql://user:password@host:port/database");
        }
        Properties p = new Properties();
        p.setProperty("user", m.group(1));
        p.setProperty("password", m.group(2));
        return DriverManager.getConnection("jdbc:postgresql://" + m.group(3) + ":" + m.group(4) + "/" + m.group(5),
                p);
    }

    /** The store given to the children, and the environment they need for it (the password, never in a URL). */
    private record Target(String db, Map<String, String> env, boolean postgres) {
    }

    private Target target() throws SQLException {
        String given = System.getenv("PERFDESK_TEST_PG");
        boolean sqlite = "sqlite".equals(System.getProperty("perfdesk.pipeline.engine"));
        if (given == null || given.isBlank() || sqlite) {
            return new Target(dir.resolve("team.db").toString(), Map.of(), false);
        }
        adminUrl = given;
        schema = "pipe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = pg(adminUrl); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        String password = given.replaceFirst("postgresql://[^:@]+:([^@]*)@.*", "$1");
        String withoutPassword = given.replaceFirst("(postgresql://[^:@]+):[^@]*@", "$1@");
        String url = withoutPassword + (withoutPassword.contains("?") ? "&" : "?") + "options=-c%20search_path%3D"
                + schema;
        return new Target(url, Map.of("PGPASSWORD", password), true);
    }

    @Test
    void concurrentImportsKeepEveryRunOnceAndTheGateFollowsReviews() throws Exception {
        Target target = target();
        // the store's schema is made once before the workers start, as a team's first import would
        assertEquals(0, cli(target, "list").exitCode());

        List<List<Path>> files = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            files.add(SimulatedRuns.writeAll(dir.resolve("worker" + w), w, builds, step));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < WORKERS; w++) {
            List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp",
                    System.getProperty("java.class.path"), "dev.perfdesk.app.Main", "import", "--db", target.db(),
                    "--label", "platform=" + SimulatedRuns.platform(w), "--label", "job=" + SimulatedRuns.job(w),
                    "--label", "branch=main"));
            files.get(w).forEach(f -> command.add(f.toString()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("out" + w).toFile())
                    .redirectError(dir.resolve("err" + w).toFile());
            pb.environment().putAll(target.env());
            pb.environment().remove("PERFDESK_DB");
            children.add(pb.start());
        }
        for (int w = 0; w < WORKERS; w++) {
            assertTrue(children.get(w).waitFor(20, TimeUnit.MINUTES), "worker " + w + " finished");
            assertEquals(0, children.get(w).exitValue(), Files.readString(dir.resolve("err" + w)));
            assertEquals(builds, Files.readAllLines(dir.resolve("out" + w)).size(), "one line per run created");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "simulated pipeline: %d workers x %d runs into %s in %.1f s: %.1f runs/s%n",
                WORKERS, builds, target.postgres() ? "PostgreSQL" : "SQLite", seconds, WORKERS * builds / seconds);

        try (Store store = Store.open(location(target))) {
            List<StoredRun> runs = store.listRuns();
            assertEquals(WORKERS * builds, runs.size(), "every run once");
            assertEquals(WORKERS * builds, runs.stream().map(StoredRun::sourceHash).distinct().count());
            assertTrue(runs.stream().noneMatch(r -> r.sourceHash().startsWith("pending:")), "nothing partial");
            for (int w = 0; w < WORKERS; w++) {
                Map<String, String> where = Map.of("job", SimulatedRuns.job(w));
                List<String> names = store.listRuns(where).stream().map(StoredRun::name).sorted().toList();
                List<String> expected = new ArrayList<>();
                for (int b = 1; b <= builds; b++) {
                    expected.add(SimulatedRuns.fileName(b));
                }
                assertEquals(expected, names, "worker " + w + ": each build once");
                for (StoredRun r : store.listRuns(where)) {
                    assertEquals(SimulatedRuns.platform(w), r.labels().get("platform"));
                    assertEquals(1, r.benchmarkCount());
                }
            }
            assertEquals(WORKERS * builds / 2, store.listRuns(Map.of("platform", SimulatedRuns.STEPPED)).size());
        }

        ObjectMapper json = new ObjectMapper();
        for (int suite = 0; suite < WORKERS / 2; suite++) {
            String benchmark = SimulatedRuns.benchmark(suite * 2);
            CliRunner.Result stepped = cli(target, "changepoints", benchmark, "--where",
                    "platform=" + SimulatedRuns.STEPPED, "--format", "json");
            assertEquals(1, stepped.exitCode(), stepped.err() + stepped.out());
            JsonNode cps = json.readTree(stepped.out()).path("metrics").path(0).path("changePoints");
            assertEquals(1, cps.size(), benchmark + ": one change point on the stepped platform: " + stepped.out());
            assertEquals(step - 1, cps.path(0).path("index").asInt(), "the first run of the new level is the step's");
            assertTrue(cps.path(0).path("regression").asBoolean());
            double change = cps.path(0).path("changePercent").asDouble();
            assertTrue(change > 9 && change < 15, benchmark + ": about +12%, was " + change);
            String runAfter = cps.path(0).path("after").path("labels").path("run").asText();
            try (Store store = Store.open(location(target))) {
                assertEquals(SimulatedRuns.fileName(step),
                        store.findRun(Long.parseLong(runAfter.substring(1))).orElseThrow().name());
            }
            CliRunner.Result steady = cli(target, "changepoints", benchmark, "--where",
                    "platform=" + SimulatedRuns.STEADY, "--format", "json");
            assertEquals(0, steady.exitCode(), steady.err() + steady.out());
            assertEquals(0, json.readTree(steady.out()).path("metrics").path(0).path("changePoints").size(),
                    benchmark + ": nothing on the steady platform");
        }

        // perfdesk ci on the next build of worker 0 (stepped platform): the step is unreviewed, so the gate fails
        Path next = SimulatedRuns.write(dir.resolve("ci"), 0, builds + 1, step);
        CliRunner.Result gate = ci(target, next, 0, builds + 1);
        System.out.println(gate.out());
        assertEquals(1, gate.exitCode(), gate.err() + gate.out());
        assertTrue(gate.out().contains("## Perfdesk: FAIL"), gate.out());
        assertTrue(gate.out().contains("**new regression**"), gate.out());
        assertTrue(gate.out().contains("`platform=" + SimulatedRuns.STEPPED + "`"), gate.out());
        assertTrue(gate.out().contains((builds + 1) + " runs in its series"), gate.out());
        // the steady platform's next build passes
        Path steadyNext = SimulatedRuns.write(dir.resolve("ci-steady"), 1, builds + 1, step);
        CliRunner.Result pass = ci(target, steadyNext, 1, builds + 1);
        assertEquals(0, pass.exitCode(), pass.err() + pass.out());

        // acknowledged in the store (as the trend view does), the gate clears for the next build
        JsonNode cp = json.readTree(cli(target, "changepoints", SimulatedRuns.benchmark(0), "--where",
                "platform=" + SimulatedRuns.STEPPED, "--format", "json").out()).path("metrics").path(0);
        try (Store store = Store.open(location(target))) {
            store.saveReview(new ChangePointKey(SimulatedRuns.benchmark(0), cp.path("metric").asText(),
                    cp.path("changePoints").path(0).path("timeMillis").asLong()),
                    new ChangePointReview(ReviewStatus.ACKNOWLEDGED, "expected: new parser"));
        }
        Path after = SimulatedRuns.write(dir.resolve("ci2"), 0, builds + 2, step);
        CliRunner.Result cleared = ci(target, after, 0, builds + 2);
        assertEquals(0, cleared.exitCode(), cleared.err() + cleared.out());
        assertTrue(cleared.out().contains("acknowledged: expected: new parser"), cleared.out());
        assertTrue(cleared.out().contains("No new regression"), cleared.out());
    }

    private CliRunner.Result ci(Target target, Path file, int worker, int build) {
        return cli(target, "ci", file.toString(), "--label", "platform=" + SimulatedRuns.platform(worker),
                "--label", "job=" + SimulatedRuns.job(worker), "--label", "branch=main", "--label",
                "build=https://ci.example/" + build, "--label", "commit=" + Integer.toHexString(0xabc000 + build));
    }

    /** The command line in-process, on the target store (its password through the test's own URL). */
    private CliRunner.Result cli(Target target, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(target.postgres() ? withPassword(target.db()) : target.db());
        return CliRunner.run(all.toArray(String[]::new));
    }

    private String withPassword(String url) {
        String password = adminUrl.replaceFirst("postgresql://[^:@]+:([^@]*)@.*", "$1");
        return url.replaceFirst("(postgresql://[^:@/]+)@", "$1:" + password + "@");
    }

    private StoreLocation location(Target target) {
        return StorePaths.locate(target.postgres() ? withPassword(target.db()) : target.db());
    }
}
