package dev.perfdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.perfdesk.core.bench.Benchmark;
import dev.perfdesk.core.bench.BenchmarkRun;
import dev.perfdesk.core.model.SyntheticProfiles;

/** Labels of runs and profiles: written in the import, merged with what the file records, filtered by index. */
class LabelStoreTest {

    private static BenchmarkRun jmhRun(String name, String jdk) {
        Benchmark b = Benchmark.builder("dev.perfdesk.Parse.parse").params(Map.of("size", "1000")).mode("thrpt")
                .unit("ops/s").samples(new double[] {10, 11, 12}).build();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("jdkVersion", jdk);
        env.put("vmName", "OpenJDK 64-Bit Server VM");
        env.put("jvmArgs", "-Xmx1g");
        return new BenchmarkRun(name, "JMH", "jmh-json", null, env, "", "", Map.of(), List.of(b));
    }

    private static StoredRun importRun(Store store, BenchmarkRun run, String hash, Map<String, String> labels) {
        try (ImportTransaction tx = store.beginImport(Path.of(run.name()), run.format(), 10)) {
            tx.label(labels);
            tx.addRun(run);
            return tx.commit(hash).runs().get(0);
        }
    }

    @EngineTest
    void givenLabelsJoinTheFilesOwnAndComeBackInListsAndLoads(TestEngine engine) {
        try (Store store = engine.open("labels")) {
            StoredRun r = importRun(store, jmhRun("a.json", "17.0.15"), "a1".repeat(32),
                    Map.of("platform", "aws-m6i", "branch", "main", "jdkVersion", "17.0.99"));
            Map<String, String> expected = Map.of("platform", "aws-m6i", "branch", "main", "jdkVersion", "17.0.99",
                    "vmName", "OpenJDK 64-Bit Server VM", "param.size", "1000");
            assertEquals(expected, r.labels(), "given labels win over recorded ones; jvmArgs is no label");
            assertEquals(expected, store.findRun(r.id()).orElseThrow().labels());
            assertEquals(expected, store.loadRun(r.id()).labels());
            assertEquals(expected, store.listRuns().get(0).labels());
        }
    }

    @EngineTest
    void listFiltersByEveryLabelGiven(TestEngine engine) {
        try (Store store = engine.open("filter")) {
            for (int i = 0; i < 12; i++) {
                importRun(store, jmhRun("run" + i + ".json", "17.0." + i), String.format("%064x", i),
                        Map.of("platform", i % 2 == 0 ? "aws-m6i" : "gcp-n2", "branch", i < 6 ? "main" : "dev"));
            }
            assertEquals(12, store.listRuns(Map.of()).size());
            List<StoredRun> aws = store.listRuns(Map.of("platform", "aws-m6i"));
            assertEquals(6, aws.size());
            assertTrue(aws.stream().allMatch(x -> x.labels().get("platform").equals("aws-m6i")));
            List<StoredRun> both = store.listRuns(Map.of("platform", "aws-m6i", "branch", "dev"));
            assertEquals(List.of("run10.json", "run8.json", "run6.json"), both.stream().map(StoredRun::name).toList(),
                    "AND of labels, newest import first");
            assertEquals(List.of(), store.listRuns(Map.of("platform", "azure")));
            assertEquals(List.of(), store.listRuns(Map.of("platform", "aws-m6i' OR '1'='1")), "values are bound");
            Map<String, Map<String, Integer>> values = store.runs().labelValues();
            assertEquals(Map.of("aws-m6i", 6, "gcp-n2", 6), values.get("platform"));
            assertEquals(Map.of("main", 6, "dev", 6), values.get("branch"));
        }
    }

    @EngineTest
    void labelsAreAddedLaterAndGoWithTheirRun(TestEngine engine) {
        try (Store store = engine.open("later")) {
            StoredRun r = importRun(store, jmhRun("a.json", "17"), "b2".repeat(32), Map.of("platform", "x"));
            assertTrue(store.runs().addLabels(r.id(), Map.of("platform", "y", "owner", "perf-team")));
            assertEquals("y", store.findRun(r.id()).orElseThrow().labels().get("platform"));
            assertEquals("perf-team", store.findRun(r.id()).orElseThrow().labels().get("owner"));
            assertFalse(store.runs().addLabels(r.id() + 1000, Map.of("a", "b")));
            assertThrows(StoreException.class, () -> store.runs().addLabels(r.id(), Map.of("bad key", "v")));
            assertTrue(store.deleteRun(r.id()));
            assertEquals(0, engine.count("later", "run_label"), "labels are deleted with their run");
        }
    }

    @EngineTest
    void profilesTakeTheGivenLabels(TestEngine engine) {
        try (Store store = engine.open("profiles")) {
            StoredProfile p;
            try (ImportTransaction tx = store.beginImport(Path.of("p.txt"), "perf-script", 10)) {
                tx.label(Map.of("platform", "aws-m6i", "commit", "abc123"));
                tx.addProfile(SyntheticProfiles.generate(100, 10, 1), null);
                p = tx.commit("c3".repeat(32)).profiles().get(0);
            }
            assertEquals(Map.of("platform", "aws-m6i", "commit", "abc123"), p.labels());
            assertEquals(List.of(p.id()), store.listProfiles(Map.of("commit", "abc123")).stream()
                    .map(StoredProfile::id).toList());
            assertEquals(List.of(), store.listProfiles(Map.of("commit", "def")));
            assertTrue(store.profiles().addLabels(p.id(), Map.of("build", "42")));
            assertEquals("42", store.findProfile(p.id()).orElseThrow().labels().get("build"));
            assertEquals(Map.of("42", 1), store.profiles().labelValues().get("build"));
        }
    }

    @EngineTest
    void aBadLabelIsRefusedBeforeAnythingIsWritten(TestEngine engine) {
        try (Store store = engine.open("bad")) {
            try (ImportTransaction tx = store.beginImport(Path.of("a.json"), "jmh-json", 10)) {
                StoreException e = assertThrows(StoreException.class, () -> tx.label(Map.of("", "x")));
                assertTrue(e.getMessage().contains("key"), e.getMessage());
            }
            assertEquals(List.of(), store.listRuns());
            assertEquals(0, engine.count("bad", "source_file"));
        }
    }
}
