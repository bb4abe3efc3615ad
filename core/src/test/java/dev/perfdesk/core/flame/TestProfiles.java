package dev.perfdesk.core.flame;

import java.util.Map;

import dev.perfdesk.core.calltree.NamedStacks;
import dev.perfdesk.core.calltree.WeightedStacks;
import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileBuilder;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.WeightUnit;
import dev.perfdesk.core.naming.FrameNamers;
import dev.perfdesk.core.model.TimelineWriter;

/** Small profiles written as folded lines, {@code a;b;c 3}, for tests. */
final class TestProfiles {

    private TestProfiles() {
    }

    static Profile folded(String... lines) {
        ProfileBuilder b = new ProfileBuilder(TimelineWriter.DISCARD);
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            long weight = Long.parseLong(line.substring(space + 1));
            int node = StackTable.ROOT;
            for (String name : line.substring(0, space).split(";")) {
                node = b.child(node, b.frame(Frame.of(name, FrameKind.UNKNOWN)));
            }
            b.sample(node, -1, weight, ProfileBuilder.NO_TIME);
        }
        return b.build(new ProfileInfo("test", "folded", "", WeightUnit.SAMPLES, "", "", "", "", null, -1, 0, 0,
                Map.of()));
    }

    static NamedStacks stacks(String... lines) {
        Profile p = folded(lines);
        return NamedStacks.of(p, FrameNamers.forProfile(p), WeightedStacks.of(p.samples()));
    }
}
