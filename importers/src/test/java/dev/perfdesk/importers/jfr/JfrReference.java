package dev.perfdesk.importers.jfr;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * The second opinion the tests compare the importer with: plain {@code jdk.jfr.consumer} code that reads every event
 * with no caching, and the counts {@code jfr summary} printed for each committed recording.
 */
final class JfrReference {
    private static final Pattern SUMMARY_ROW = Pattern.compile("^\\s+(\\S+)\\s+(\\d+)\\s+(\\d+)\\s*$");

    private JfrReference() {
    }

    /** The committed recordings, by file name. */
    static List<String> recordings() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jfr")).sorted().toList();
        }
    }

    static Path dir() {
        try {
            return Path.of(JfrReference.class.getResource("/jfr/cpu-jdk17.jfr").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path recording(String name) {
        return dir().resolve(name);
    }

    /** Event counts by type from the {@code jfr summary} output committed beside {@code recording}. */
    static Map<String, Long> summaryCounts(String recording) throws IOException {
        Path summary = dir().resolve(recording.replaceFirst("\\.jfr$", ".summary.txt"));
        Map<String, Long> counts = new TreeMap<>();
        for (String line : Files.readAllLines(summary, StandardCharsets.UTF_8)) {
            Matcher m = SUMMARY_ROW.matcher(line);
            if (m.matches()) {
                counts.put(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        return counts;
    }

    /** The {@code Start:} line of the committed {@code jfr summary} output, such as {@code 2026-11-21 07:41:18}. */
    static String summaryStart(String recording) throws IOException {
        Path summary = dir().resolve(recording.replaceFirst("\\.jfr$", ".summary.txt"));
        for (String line : Files.readAllLines(summary, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("Start:")) {
                return trimmed.substring("Start:".length()).replace("(UTC)", "").trim();
            }
        }
        throw new IllegalStateException("no Start line in " + summary);
    }

    /** Event counts by type, counted with {@link RecordingFile}. */
    static Map<String, Long> consumerCounts(Path file) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                counts.merge(recording.readEvent().getEventType().getName(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /**
     * The folded stacks of one event type, computed directly: for each event, its frames from the root, named
     * {@code Class.method} (native symbols of async-profiler by symbol alone), the allocated class last for allocation
     * events, and the event's weight summed per distinct line. Lines sorted as {@code FoldedStackWriter} sorts them.
     */
    static String folded(Path file, String eventType) throws IOException {
        return folded(file, eventType, false);
    }

    /** As {@link #folded(Path, String)}, with each frame that has a line number named {@code name:line} if asked. */
    static String folded(Path file, String eventType, boolean withLines) throws IOException {
        Map<String, Long> lines = new TreeMap<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals(eventType)) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
                    names.add(JfrChunkReader.NO_STACK);
                } else {
                    for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                        int line = frame.getLineNumber();
                        names.add(withLines && line > 0 ? name(frame) + ":" + line : name(frame));
                    }
                    Collections.reverse(names);
                }
                if (event.hasField("objectClass")) {
                    RecordedClass type = event.getClass("objectClass");
                    names.add(arrayName(type.getName()));
                }
                lines.merge(String.join(";", names), weight(event), Long::sum);
            }
        }
        StringBuilder sb = new StringBuilder();
        List<byte[]> keys = new ArrayList<>();
        for (String key : lines.keySet()) {
            keys.add(key.getBytes(StandardCharsets.UTF_8));
        }
        keys.sort(java.util.Arrays::compareUnsigned);
        for (byte[] key : keys) {
            String text = new String(key, StandardCharsets.UTF_8);
            sb.append(text).append(' ').append(lines.get(text)).append('\n');
        }
        return sb.toString();
    }

    private static long weight(RecordedEvent event) {
        switch (event.getEventType().getName()) {
            case "jdk.ObjectAllocationSample":
                return event.getLong("weight");
            case "jdk.ObjectAllocationInNewTLAB":
                return event.getLong("tlabSize");
            case "jdk.ObjectAllocationOutsideTLAB":
                return event.getLong("allocationSize");
            case "jdk.ExecutionSample":
            case "jdk.CPUTimeSample":
            case "jdk.NativeMethodSample":
                return 1;
            default:
                return event.getDuration().toNanos();
        }
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        String type = method.getType().getName();
        boolean symbol = type.isEmpty() || frame.getType().equals("Kernel") || frame.getType().equals("C++")
                || method.getDescriptor().equals("()L;");
        return symbol ? method.getName() : type + "." + method.getName();
    }

    private static String arrayName(String name) {
        if (!name.startsWith("[")) {
            return name;
        }
        String element = arrayName(name.substring(1));
        switch (element) {
            case "B": return "byte[]";
            case "C": return "char[]";
            case "I": return "int[]";
            case "J": return "long[]";
            case "S": return "short[]";
            case "Z": return "boolean[]";
            case "F": return "float[]";
            case "D": return "double[]";
            default:
                return (element.startsWith("L") && element.endsWith(";")
                        ? element.substring(1, element.length() - 1) : element) + "[]";
        }
    }
}
