package dev.perfdesk.core.naming;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.Profile;

/** Picks the {@link FrameNamer} that suits a profile's source format. */
public final class FrameNamers {
    /** The format id of perf script profiles, whose frames are named as stackcollapse-perf.pl names them. */
    public static final String PERF_SCRIPT = "perf-script";

    private FrameNamers() {
    }

    /**
     * The namer for {@code profile} with the given options: the stackcollapse-perf.pl ones change perf profiles,
     * line numbers the others (perf script frames have none).
     */
    public static FrameNamer forProfile(Profile profile, NamingOptions options) {
        if (PERF_SCRIPT.equals(profile.info().format())) {
            return new PerfFrameNamer(profile, options);
        }
        return new PlainFrameNamer(profile, options.lines());
    }

    /**
     * Whether naming {@code profile} with line numbers changes anything: some frame knows its line (JFR), and the
     * profile is not a perf one (whose frames have none, and whose names follow stackcollapse-perf.pl).
     */
    public static boolean hasLineNumbers(Profile profile) {
        if (PERF_SCRIPT.equals(profile.info().format())) {
            return false;
        }
        for (Frame f : profile.frames()) {
            if (f.line() > 0) {
                return true;
            }
        }
        return false;
    }

    /** The default namer for {@code profile}. */
    public static FrameNamer forProfile(Profile profile) {
        return forProfile(profile, NamingOptions.DEFAULT);
    }
}
