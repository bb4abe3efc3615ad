package dev.perfdesk.app.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.perfdesk.core.diff.ProfileDiff;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.report.ProfileComparison;
import dev.perfdesk.store.Store;
import dev.perfdesk.store.StoredProfile;

/**
 * The profiles attached to two runs, paired for comparison: a baseline profile goes with the first candidate
 * profile of the same kind (the same event, such as {@code cpu-clock}, counted in the same unit), each candidate
 * profile at most once. Used by {@code perfdesk compare}, the run comparison tab and the trend view, so that all of
 * them pair the same profiles. Plain Java; reads the store on the caller's thread.
 */
public final class AttachedProfiles {

    /** A baseline profile and the candidate profile of the same kind. */
    public record Pair(StoredProfile baseline, StoredProfile candidate) {
    }

    /**
     * The runs whose profiles a change point is explained by: the runs just before and after it, or the nearest
     * before and after that have profiles.
     *
     * @param baselineIndex  the index in the series of the run used as baseline, or -1 when no earlier run has any
     * @param candidateIndex the index of the run used as candidate, or -1 when no later run has any
     * @param nearest        true when either is not the run right beside the change point
     */
    public record Around(int baselineIndex, int candidateIndex, boolean nearest) {
        /** Whether both sides were found. */
        public boolean found() {
            return baselineIndex >= 0 && candidateIndex >= 0;
        }
    }

    private AttachedProfiles() {
    }

    /** Whether two profiles are of the same kind: the same event in the same unit. */
    public static boolean sameKind(ProfileInfo a, ProfileInfo b) {
        return a.event().equals(b.event()) && a.unit().equals(b.unit());
    }

    /** The pairs of profiles of the same kind, in the baseline's order. */
    public static List<Pair> pairs(List<StoredProfile> baseline, List<StoredProfile> candidate) {
        List<StoredProfile> left = new ArrayList<>(candidate);
        List<Pair> out = new ArrayList<>();
        for (StoredProfile b : baseline) {
            for (int i = 0; i < left.size(); i++) {
                if (sameKind(b.info(), left.get(i).info())) {
                    out.add(new Pair(b, left.remove(i)));
                    break;
                }
            }
        }
        return out;
    }

    /** The pairs of profiles attached to two stored runs. */
    public static List<Pair> pairs(Store store, long baselineRunId, long candidateRunId) {
        return pairs(store.profilesOfRun(baselineRunId), store.profilesOfRun(candidateRunId));
    }

    /**
     * The comparisons of the profiles attached to two stored runs, one per pair, with the {@code top} functions
     * whose total weight changed most; empty when either run has none of a kind the other has.
     */
    public static List<ProfileComparison> compare(Store store, long baselineRunId, long candidateRunId, int top) {
        List<ProfileComparison> out = new ArrayList<>();
        for (Pair p : pairs(store, baselineRunId, candidateRunId)) {
            String b = title(p.baseline());
            String c = title(p.candidate());
            ProfileDiff diff = ProfileDiff.compute(side(store, p.baseline(), b), side(store, p.candidate(), c),
                    ProfileDiff.Options.DEFAULT, ProgressMonitor.NONE);
            out.add(new ProfileComparison(b, c, diff, top));
        }
        return out;
    }

    /** A stored profile loaded and named as a side of a diff. */
    public static ProfileDiff.Side side(Store store, StoredProfile stored, String title) {
        Profile p = store.loadProfile(stored.id());
        return ProfileDiff.Side.of(p, FrameNamers.forProfile(p), Set.of(), null, title, ProgressMonitor.NONE);
    }

    /** How reports and tabs name a profile: its name and id, {@code work.perf.txt (12)}. */
    public static String title(StoredProfile p) {
        return p.info().name() + " (" + p.id() + ")";
    }

    /**
     * A profile named by its run for a diff's sides: {@code r6 · work.perf.txt (12)}, without the event the name
     * may end with (both sides have the same).
     */
    public static String shortTitle(long runId, StoredProfile p) {
        String name = p.info().name();
        String event = " · " + p.info().event();
        if (name.endsWith(event) && name.length() > event.length()) {
            name = name.substring(0, name.length() - event.length());
        }
        return "r" + runId + " · " + name + " (" + p.id() + ")";
    }

    /**
     * The runs around a change point whose profiles to compare: the run just before it ({@code before}) and the
     * one at it ({@code after}) when both have profiles, else the nearest earlier and later runs that do.
     *
     * @param runIds       the series' runs in order, as stored run ids ({@code -1} for a point that is no stored run)
     * @param before       the index of the last run before the change
     * @param after        the index of the first run after it
     * @param withProfiles the ids of the runs that have profiles attached
     */
    public static Around around(List<Long> runIds, int before, int after, Set<Long> withProfiles) {
        int b = before;
        while (b >= 0 && !withProfiles.contains(runIds.get(b))) {
            b--;
        }
        int c = after;
        while (c >= 0 && c < runIds.size() && !withProfiles.contains(runIds.get(c))) {
            c++;
        }
        if (c >= runIds.size()) {
            c = -1;
        }
        return new Around(b, c, b != before || c != after);
    }
}
