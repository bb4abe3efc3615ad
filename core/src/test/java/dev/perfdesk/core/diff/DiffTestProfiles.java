package dev.perfdesk.core.diff;

import java.util.List;
import java.util.Map;

import dev.perfdesk.core.calltree.CallTree;
import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.model.TimelineWriter;

/** Sides of a diff written as folded lines, {@code a;b;c 3}, and paths looked up in a diff's tree. */
final class DiffTestProfiles {

    private DiffTestProfiles() {
    }

    static Profile folded(String name, List<String> lines) {
        ProfileBuilder b = new ProfileBuilder(TimelineWriter.DISCARD);
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            long weight = Long.parseLong(line.substring(space + 1));
            int node = StackTable.ROOT;
            for (String frame : line.substring(0, space).split(";")) {
                node = b.child(node, b.frame(Frame.of(frame, FrameKind.UNKNOWN)));
            }
            b.sample(node, -1, weight, ProfileBuilder.NO_TIME);
        }
        return b.build(new ProfileInfo(name, "folded", "", WeightUnit.SAMPLES, "", "", "", "", null, -1, 0, 0,
                Map.of()));
    }

    static ProfileDiff.Side side(String name, String... lines) {
        return ProfileDiff.Side.of(folded(name, List.of(lines)), ProgressMonitor.NONE);
    }

    static ProfileDiff.Side side(String name, List<String> lines) {
        return ProfileDiff.Side.of(folded(name, lines), ProgressMonitor.NONE);
    }

    /** The node reached by {@code path} ({@code a;b;c}), or -1. */
    static int node(ProfileDiff diff, String path) {
        CallTree tree = diff.tree();
        int node = CallTree.ROOT;
        if (path.isEmpty()) {
            return node;
        }
        for (String name : path.split(";")) {
            int next = -1;
            for (int c = tree.firstChild(node); c >= 0; c = tree.nextSibling(c)) {
                if (tree.name(c).equals(name)) {
                    next = c;
                }
            }
            if (next < 0) {
                return -1;
            }
            node = next;
        }
        return node;
    }
}
