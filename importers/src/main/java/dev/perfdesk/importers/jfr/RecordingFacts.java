package dev.perfdesk.importers.jfr;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;

import dev.perfdesk.core.model.WeightUnit;

/**
 * What a recording says about itself, gathered from its metadata events: the JVM, OS, CPU, memory and GC, the
 * command line and host, every event type's settings ({@code jdk.ActiveSetting}) and lost CPU-time samples. Each
 * chunk gathers its own; {@link #merge} adds a later chunk's so that the result is what one pass over the chunks in
 * file order gives: the first JVM, OS, ... stated wins, a setting stated again takes its later value.
 */
final class RecordingFacts {
    /** The metadata events read; others are not offered to {@link #accept}. */
    static final Set<String> EVENTS = Set.of("jdk.ActiveSetting", "jdk.JVMInformation", "jdk.OSInformation",
            "jdk.CPUInformation", "jdk.PhysicalMemory", "jdk.GCConfiguration", "jdk.InitialEnvironmentVariable",
            "jdk.CPUTimeSamplesLost");
    /** The facts that jdk.JVMInformation states together; only the first such event counts. */
    private static final List<String> JVM_FACTS = List.of("JVM", "JVM version", "JVM start", "pid",
            "JVM flags file");

    /** jdk.ActiveSetting values by event type id, then setting name. */
    final Map<Long, Map<String, String>> settings = new LinkedHashMap<>();
    final Map<String, String> facts = new LinkedHashMap<>();
    final Set<Long> pids = new LinkedHashSet<>();
    String command = "";
    String host = "";
    long lostCpuTimeSamples;

    void accept(RecordedEvent event) {
        switch (event.getEventType().getName()) {
            case "jdk.ActiveSetting":
                settings.computeIfAbsent(event.getLong("id"), k -> new LinkedHashMap<>())
                        .put(event.getString("name"), event.getString("value"));
                break;
            case "jdk.JVMInformation":
                pids.add(event.getLong("pid"));
                if (!facts.containsKey("JVM")) {
                    facts.put("JVM", event.getString("jvmName"));
                    facts.put("JVM version", event.getString("jvmVersion"));
                    Instant start = event.getInstant("jvmStartTime");
                    facts.put("JVM start", start.toString());
                    facts.put("pid", Long.toString(event.getLong("pid")));
                    command = join(event.getString("jvmArguments"), event.getString("javaArguments"));
                    String flags = event.getString("jvmFlags");
                    if (flags != null && !flags.isBlank()) {
                        facts.put("JVM flags file", flags);
                    }
                }
                break;
            case "jdk.OSInformation":
                facts.putIfAbsent("OS", osName(event.getString("osVersion")));
                break;
            case "jdk.CPUInformation":
                facts.putIfAbsent("CPU", event.getString("cpu") + " (" + event.getInt("hwThreads")
                        + " hardware threads, " + event.getInt("cores") + " cores, " + event.getInt("sockets")
                        + (event.getInt("sockets") == 1 ? " socket)" : " sockets)"));
                break;
            case "jdk.PhysicalMemory":
                facts.putIfAbsent("memory", WeightUnit.BYTES.format(event.getLong("totalSize")));
                break;
            case "jdk.GCConfiguration":
                facts.putIfAbsent("GC", event.getString("youngCollector") + " / " + event.getString("oldCollector"));
                break;
            case "jdk.InitialEnvironmentVariable":
                if ("HOSTNAME".equals(event.getString("key")) && isEmpty(host)) {
                    host = event.getString("value");
                }
                break;
            case "jdk.CPUTimeSamplesLost":
                lostCpuTimeSamples += event.getInt("lostSamples");
                break;
            default:
                break;
        }
    }

    /** Adds the facts of a chunk that comes after every chunk merged so far. */
    void merge(RecordingFacts later) {
        later.settings.forEach((id, values) -> settings.computeIfAbsent(id, k -> new LinkedHashMap<>())
                .putAll(values));
        pids.addAll(later.pids);
        if (!facts.containsKey("JVM") && later.facts.containsKey("JVM")) {
            for (String key : JVM_FACTS) {
                String value = later.facts.get(key);
                if (value != null) {
                    facts.put(key, value);
                }
            }
            command = later.command;
        }
        later.facts.forEach((key, value) -> {
            if (!JVM_FACTS.contains(key)) {
                facts.putIfAbsent(key, value);
            }
        });
        if (isEmpty(host)) {
            host = later.host;
        }
        lostCpuTimeSamples += later.lostCpuTimeSamples;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    private static String join(String a, String b) {
        a = a == null ? "" : a.trim();
        b = b == null ? "" : b.trim();
        return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
    }

    /** The readable OS name from jdk.OSInformation: PRETTY_NAME and the uname line when present. */
    private static String osName(String text) {
        if (text == null) {
            return "";
        }
        String pretty = null;
        String uname = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("PRETTY_NAME=")) {
                pretty = line.substring("PRETTY_NAME=".length()).replace("\"", "");
            } else if (line.startsWith("uname:")) {
                uname = line.substring("uname:".length()).trim();
            }
        }
        if (pretty == null && uname == null) {
            return text.trim();
        }
        return pretty == null ? uname : uname == null ? pretty : pretty + "; " + uname;
    }
}
