package dev.perfdesk.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.store.StoredProfile;

/** Pairing the profiles of two runs, and finding the runs with profiles around a change point. */
class AttachedProfilesTest {

    private static StoredProfile profile(long id, String event, WeightUnit unit) {
        ProfileInfo info = new ProfileInfo("p" + id + " · " + event, "perf-script", event, unit, "", "", "", "", null,
                -1, 0, 0, Map.of());
        return new StoredProfile(id, info, Instant.EPOCH, 0, 0, 0, 0);
    }

    @Test
    void profilesPairByEventAndUnitEachCandidateOnce() {
        StoredProfile cpu1 = profile(1, "cpu-clock", WeightUnit.NANOSECONDS);
        StoredProfile alloc1 = profile(2, "alloc", WeightUnit.BYTES);
        StoredProfile cpu2 = profile(3, "cpu-clock", WeightUnit.NANOSECONDS);
        StoredProfile cpuSamples = profile(4, "cpu-clock", WeightUnit.SAMPLES);
        StoredProfile alloc2 = profile(5, "alloc", WeightUnit.BYTES);
        List<AttachedProfiles.Pair> pairs = AttachedProfiles.pairs(List.of(cpu1, alloc1, profile(6, "cpu-clock",
                WeightUnit.NANOSECONDS)), List.of(cpuSamples, alloc2, cpu2));
        assertEquals(List.of(new AttachedProfiles.Pair(cpu1, cpu2), new AttachedProfiles.Pair(alloc1, alloc2)),
                pairs, "the third baseline profile finds no cpu-clock candidate left; samples are not ns");
        assertTrue(AttachedProfiles.pairs(List.of(cpu1), List.of(alloc2)).isEmpty());
        assertEquals("r6 · p3 (3)", AttachedProfiles.shortTitle(6, cpu2));
    }

    @Test
    void theRunsAtTheChangePointOrTheNearestWithProfiles() {
        List<Long> runs = List.of(10L, 11L, 12L, 13L, 14L, 15L, -1L);
        AttachedProfiles.Around at = AttachedProfiles.around(runs, 2, 3, Set.of(12L, 13L));
        assertEquals(new AttachedProfiles.Around(2, 3, false), at);
        AttachedProfiles.Around near = AttachedProfiles.around(runs, 2, 3, Set.of(10L, 15L, 13L));
        assertEquals(new AttachedProfiles.Around(0, 3, true), near);
        assertTrue(near.found());
        AttachedProfiles.Around after = AttachedProfiles.around(runs, 2, 3, Set.of(12L, 15L));
        assertEquals(new AttachedProfiles.Around(2, 5, true), after);
        AttachedProfiles.Around none = AttachedProfiles.around(runs, 2, 3, Set.of(10L, 11L));
        assertFalse(none.found(), "no run after the change has profiles");
        assertFalse(AttachedProfiles.around(runs, 2, 3, Set.of()).found());
    }
}
