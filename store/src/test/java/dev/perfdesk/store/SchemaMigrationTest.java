package dev.perfdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

/** A store left at any older schema version by an older Perfdesk migrates to this one, on every engine. */
class SchemaMigrationTest {
    @EngineTest
    void aStoreOfEveryOlderVersionMigratesAndTakesImports(TestEngine engine) throws Exception {
        for (int v = 1; v < Schema.VERSION; v++) {
            String name = "v" + v;
            engine.createAtVersion(name, v);
            assertEquals(v, engine.version(name));
            try (Store store = engine.open(name)) {
                assertTrue(store.listRuns().isEmpty());
                try (ImportTransaction tx = store.beginImport(Path.of("a.json"), "jmh-json", 1)) {
                    tx.addRun(BenchmarkRunStoreTest.sampleRun());
                    tx.commit("0a".repeat(32));
                }
                assertEquals(1, store.listRuns().size());
            }
            assertEquals(Schema.VERSION, engine.version(name), "version " + v + " was migrated");
        }
    }
}
