package dev.perfdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.ThreadInfo;
import dev.perfdesk.core.model.WeightUnit;

/** Profiles attached to runs: written with the run in one transaction, listed both ways, gone with either side. */
class RunProfileStoreTest {

    static Profile profile(String name, long work) {
        ProfileBuilder b = new ProfileBuilder(null);
        int t = b.thread(new ThreadInfo("main", 1, 1));
        int main = b.frame(new Frame("main", "app", FrameKind.NATIVE, "", -1));
        int parse = b.frame(new Frame("parse", "app", FrameKind.NATIVE, "", -1));
        b.sample(b.child(b.child(StackTable.ROOT, main), parse), t, work, ProfileBuilder.NO_TIME);
        b.sample(b.child(StackTable.ROOT, main), t, 10, ProfileBuilder.NO_TIME);
        return b.build(new ProfileInfo(name, "perf-script", "cpu-clock", WeightUnit.SAMPLES, "", "", "host", "",
                Instant.ofEpochSecond(1_700_000_000L), -1, 0, 0, Map.of("arch", "x86_64")));
    }

    /** Imports a run file and a profile file in one transaction, the profile attached to the run. */
    private static long[] importAttached(Store store, String runHash, String profileHash, long work) {
        try (ImportTransaction tx = store.beginImport(Path.of("results.json"), "jmh-json", 100)) {
            tx.addRun(BenchmarkRunStoreTest.sampleRun());
            ImportTransaction.Staged run = tx.stage(runHash);
            tx.nextFile(Path.of("profile.perf.txt"), "perf-script", 200);
            tx.addProfile(profile("profile.perf.txt", work), null);
            ImportTransaction.Staged prof = tx.stage(profileHash);
            tx.link(run.runIds().get(0), prof.profileIds().get(0));
            tx.commit();
            return new long[] {run.runIds().get(0), prof.profileIds().get(0)};
        }
    }

    @EngineTest
    void attachedProfilesAreListedBothWaysAndTakeTheRunsLabels(TestEngine engine) {
        try (Store store = engine.open("a")) {
            long[] ids = importAttached(store, "run-1", "prof-1", 90);
            List<StoredProfile> attached = store.profilesOfRun(ids[0]);
            assertEquals(List.of(ids[1]), attached.stream().map(StoredProfile::id).toList());
            Map<String, String> attributes = attached.get(0).info().attributes();
            assertEquals("x86_64", attributes.get("arch"), "the profile's own attributes stay");
            assertEquals("main", attributes.get("label"));
            assertEquals("5b78858e", attributes.get("commit"));
            assertEquals("17.0.15", attributes.get("jdkVersion"));
            assertEquals("http://127.0.0.1:8765/", attributes.get("url"));
            assertEquals(List.of(ids[0]), store.runsOfProfile(ids[1]).stream().map(StoredRun::id).toList());
            assertEquals(java.util.Set.of(ids[0]), store.runs().idsWithProfiles());
            assertEquals(1, engine.count("a", "run_profile"));
        }
    }

    @EngineTest
    void anImportThatFailsAfterTheRunLeavesNothing(TestEngine engine) {
        try (Store store = engine.open("a")) {
            try (ImportTransaction tx = store.beginImport(Path.of("results.json"), "jmh-json", 100)) {
                tx.addRun(BenchmarkRunStoreTest.sampleRun());
                ImportTransaction.Staged run = tx.stage("run-1");
                tx.nextFile(Path.of("profile.perf.txt"), "perf-script", 200);
                tx.addProfile(profile("profile.perf.txt", 90), null);
                assertThrows(StoreException.class, () -> tx.link(run.runIds().get(0), 999_999));
            }
            assertTrue(store.listRuns().isEmpty());
            assertTrue(store.listProfiles().isEmpty());
            assertEquals(0, engine.count("a", "source_file"));
            assertEquals(0, engine.count("a", "run_profile"));
        }
    }

    @EngineTest
    void aProfileStoredBeforeIsLinkedNotCopied(TestEngine engine) {
        try (Store store = engine.open("a")) {
            long[] first = importAttached(store, "run-1", "prof-1", 90);
            long[] second = importAttached(store, "run-2", "prof-1", 90);
            assertFalse(first[0] == second[0]);
            assertEquals(first[1], second[1], "the same profile content is kept once");
            assertEquals(1, store.listProfiles().size());
            assertEquals(2, store.runsOfProfile(first[1]).size());
            long[] again = importAttached(store, "run-1", "prof-2", 50);
            assertEquals(first[0], again[0], "the same run file links its earlier run");
            assertEquals(2, store.profilesOfRun(first[0]).size());
        }
    }

    @EngineTest
    void linksGoWithEitherSide(TestEngine engine) {
        try (Store store = engine.open("a")) {
            long[] ids = importAttached(store, "run-1", "prof-1", 90);
            long[] other = importAttached(store, "run-2", "prof-2", 50);
            assertTrue(store.deleteRun(ids[0]));
            assertTrue(store.findProfile(ids[1]).isPresent(), "the profile stays");
            assertTrue(store.runsOfProfile(ids[1]).isEmpty());
            assertTrue(store.deleteProfile(other[1]));
            assertTrue(store.profilesOfRun(other[0]).isEmpty());
            assertEquals(0, engine.count("a", "run_profile"));
            store.runs().attachProfile(other[0], ids[1]);
            assertEquals(List.of(ids[1]), store.profilesOfRun(other[0]).stream().map(StoredProfile::id).toList());
            assertThrows(StoreException.class, () -> store.runs().attachProfile(424242, ids[1]));
        }
    }
}
