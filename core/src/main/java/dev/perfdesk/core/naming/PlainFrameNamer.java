package dev.perfdesk.core.naming;

import java.util.List;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.Profile;

/**
 * Names frames by their stored name, with no root above the stacks: for folded input and other clean sources. With
 * line numbers, a frame that knows its line is {@code name:line}, so a method at two lines is two frames.
 */
public final class PlainFrameNamer implements FrameNamer {
    private final Profile profile;
    private final boolean lines;

    public PlainFrameNamer(Profile profile) {
        this(profile, false);
    }

    public PlainFrameNamer(Profile profile, boolean lines) {
        this.profile = profile;
        this.lines = lines;
    }

    @Override
    public void appendNames(int frame, int thread, List<String> out) {
        Frame f = profile.frame(frame);
        out.add(lines && f.line() > 0 ? f.name() + ":" + f.line() : f.name());
    }


    @Override
    public String rootName(int thread) {
        return null;
    }

    @Override
    public boolean dependsOnThread() {
        return false;
    }
}
