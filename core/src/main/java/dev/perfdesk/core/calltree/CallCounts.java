package dev.perfdesk.core.calltree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.perfdesk.core.model.ProfileInfo;

/**
 * How many times each function was called, where the source counts calls (gprof's {@code calls} column), with the
 * source's own time per call where it prints one: kept in a profile's {@link #ATTRIBUTE} attribute, and the one place
 * the views get a function's calls and time per call from.
 *
 * <pre>{@code
 * CallCounts calls = CallCounts.of(profile.info());   // null when the source counts no calls
 * long perCall = calls.selfPerCall(stats.self(), stats.name());
 * }</pre>
 *
 * @param calls calls and time per call, by function name, in a stable order
 */
public record CallCounts(Map<String, Calls> calls) {

    /**
     * One function's calls.
     *
     * @param calls        how many times it was called
     * @param selfPerCall  self time per call as the source printed it (gprof computes it before rounding the self
     *                     column), in the profile's unit; -1 when the source prints none
     * @param totalPerCall self and children per call likewise, or -1
     */
    public record Calls(long calls, long selfPerCall, long totalPerCall) {
    }

    /** The profile attribute holding {@link #encode()}. */
    public static final String ATTRIBUTE = "calls";

    public CallCounts {
        calls = Collections.unmodifiableMap(new LinkedHashMap<>(calls));
    }

    /** The call counts a profile carries, or null when it has none. */
    public static CallCounts of(ProfileInfo info) {
        String text = info.attributes().get(ATTRIBUTE);
        return text == null ? null : decode(text);
    }

    /** The calls of {@code function}, or -1 when not counted. */
    public long callsOf(String function) {
        Calls c = calls.get(function);
        return c == null ? -1 : c.calls();
    }

    /**
     * {@code function}'s self time per call: the source's own figure where it printed one, else {@code self / calls}
     * rounded down; -1 when its calls are not counted or are 0. A printed figure of 0 for a function with time (gprof's
     * {@code 0.00 ms/call} for a function called millions of times) gives way to {@code self / calls}, which is finer.
     */
    public long selfPerCall(long self, String function) {
        Calls c = calls.get(function);
        return c == null ? -1 : perCall(c.selfPerCall(), self, c.calls());
    }

    /** {@code function}'s total (self and children) per call, as {@link #selfPerCall}. */
    public long totalPerCall(long total, String function) {
        Calls c = calls.get(function);
        return c == null ? -1 : perCall(c.totalPerCall(), total, c.calls());
    }

    private static long perCall(long printed, long weight, long calls) {
        if (calls <= 0) {
            return -1;
        }
        return printed > 0 || (printed == 0 && weight == 0) ? printed : weight / calls;
    }

    /** One {@code calls<TAB>selfPerCall<TAB>totalPerCall<TAB>name} per line. */
    public String encode() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Calls> e : calls.entrySet()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            Calls c = e.getValue();
            sb.append(c.calls()).append('\t').append(c.selfPerCall()).append('\t').append(c.totalPerCall())
                    .append('\t').append(e.getKey().replace('\n', ' ').replace('\t', ' '));
        }
        return sb.toString();
    }

    /**
     * Reads {@link #encode()}'s form.
     *
     * @throws IllegalArgumentException when {@code text} is not in that form
     */
    public static CallCounts decode(String text) {
        Map<String, Calls> out = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            for (String line : text.split("\n", -1)) {
                String[] f = line.split("\t", 4);
                if (f.length != 4) {
                    throw new IllegalArgumentException("not a call count: '" + line + "'");
                }
                out.putIfAbsent(f[3], new Calls(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])));
            }
        }
        return new CallCounts(out);
    }

    /** How many functions have counts. */
    public int size() {
        return calls.size();
    }
}
