package dev.perfdesk.importers.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;
import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.ThreadInfo;
import dev.perfdesk.core.model.Timeline;
import dev.perfdesk.core.model.WeightUnit;

/** What the importer keeps besides stacks: recording facts, settings, frame kinds and lines, threads, times. */
class JfrMetadataTest {

    private static List<Profile> load(String recording) throws Exception {
        return JfrImporterTest.importAll(JfrReference.recording(recording));
    }

    private static Profile profile(List<Profile> profiles, String event) {
        Profile p = JfrImporterTest.profile(profiles, event);
        assertNotNull(p, "no profile for " + event);
        return p;
    }

    @Test
    void keepsRecordingFactsOfJdk17Recording() throws Exception {
        String recording = "cpu-jdk17.jfr";
        Profile cpu = profile(load(recording), "jdk.ExecutionSample");
        ProfileInfo info = cpu.info();
        String start = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC)
                .format(info.startTime());
        assertEquals(JfrReference.summaryStart(recording), start);
        assertTrue(info.durationNanos() > 2_900_000_000L && info.durationNanos() < 4_000_000_000L,
                "about the 3 s recorded: " + info.durationNanos());
        assertTrue(info.command().startsWith("-XX:StartFlightRecording=") && info.command().endsWith(
                "jfrsample.CpuWork 3"), info.command());
        Map<String, String> a = info.attributes();
        assertEquals("JDK Flight Recorder", a.get("recorder"));
        assertEquals("2.1", a.get("JFR version"));
        assertEquals("1", a.get("chunks"));
        assertTrue(a.get("JVM version").contains("(17.0."), a.get("JVM version"));
        assertEquals("G1New / G1Old", a.get("GC"));
        assertTrue(a.get("CPU").matches(".+ \\(\\d+ hardware threads, \\d+ cores, \\d+ sockets?\\)"), a.get("CPU"));
        assertTrue(a.get("memory").matches("[\\d.]+ [MG]iB"), a.get("memory"));
        assertTrue(!a.get("OS").isEmpty() && a.get("pid").matches("\\d+"), a.toString());
        assertEquals("5 ms", a.get("period"), "the jdk.ExecutionSample#period=5ms it was recorded with");
        assertEquals(WeightUnit.SAMPLES, info.unit());
    }

    @Test
    void readsJdk11Recording() throws Exception {
        String recording = "cpu-jdk11.jfr";
        List<Profile> profiles = load(recording);
        Profile cpu = profile(profiles, "jdk.ExecutionSample");
        Map<String, String> a = cpu.info().attributes();
        assertEquals("2.0", a.get("JFR version"), "JDK 11 writes JFR format 2.0");
        assertTrue(a.get("JVM version").contains("(11.0."), a.get("JVM version"));
        assertEquals("5 ms", a.get("period"), "the period of the .jfc it was recorded with");
        assertTrue(cpu.frames().stream().anyMatch(f -> f.name().equals("jfrsample.CpuWork.hashLoop")));
        assertTrue(cpu.threads().stream().anyMatch(t -> t.name().equals("hasher")), cpu.threads().toString());
        // JDK 11 has no jdk.ObjectAllocationSample; its TLAB events are the allocation profiles.
        Profile tlab = profile(profiles, "jdk.ObjectAllocationInNewTLAB");
        assertEquals(WeightUnit.BYTES, tlab.info().unit());
        assertNull(JfrImporterTest.profile(profiles, "jdk.ObjectAllocationSample"));
    }

    @Test
    void labelsNativeMethodSamplesAsNotCpuTime() throws Exception {
        Profile p = profile(load("cpu-jdk17.jfr"), "jdk.NativeMethodSample");
        assertTrue(p.info().name().endsWith(" · Threads in native code (jdk.NativeMethodSample)"));
        assertTrue(p.info().attributes().get("note").contains("not CPU time"));
        assertTrue(p.frames().contains(new Frame("sun.nio.ch.Net.accept", "sun.nio.ch", FrameKind.NATIVE, "", -1)),
                "the native accept the workload blocks in");
    }

    @Test
    void keepsFrameKindsModulesAndLines() throws Exception {
        Profile cpu = profile(load("cpu-jdk17.jfr"), "jdk.ExecutionSample");
        Set<FrameKind> kinds = cpu.frames().stream().map(Frame::kind).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(EnumSet.of(FrameKind.INTERPRETED, FrameKind.JIT, FrameKind.INLINED)),
                kinds.toString());
        Frame merge = cpu.frames().stream().filter(f -> f.name().equals("java.util.HashMap.merge")).findFirst()
                .orElseThrow();
        assertEquals("java.util", merge.module());
        assertTrue(merge.line() > 0);
        assertTrue(cpu.frames().stream().anyMatch(f -> f.name().equals("jfrsample.CpuWork.hashLoop")
                && f.module().equals("jfrsample")));
        Map<String, Set<Integer>> lines = new HashMap<>();
        for (Frame f : cpu.frames()) {
            lines.computeIfAbsent(f.name() + "/" + f.kind(), k -> new java.util.HashSet<>()).add(f.line());
        }
        assertTrue(lines.values().stream().anyMatch(s -> s.size() > 1), "one method at two lines is two frames");
    }

    @Test
    void keepsThreadsAndTimestamps() throws Exception {
        Profile cpu = profile(load("cpu-jdk17.jfr"), "jdk.ExecutionSample");
        long pid = Long.parseLong(cpu.info().attributes().get("pid"));
        Map<String, ThreadInfo> byName = cpu.threads().stream().collect(Collectors.toMap(ThreadInfo::name, t -> t,
                (x, y) -> x));
        for (String name : List.of("hasher", "sorter")) {
            ThreadInfo t = byName.get(name);
            assertNotNull(t, name + " in " + byName.keySet());
            assertEquals(pid, t.pid());
            assertTrue(t.tid() > 0);
        }
        Timeline timeline = cpu.timeline();
        long start = cpu.info().startTime().getEpochSecond() * 1_000_000_000L + cpu.info().startTime().getNano();
        long end = start + cpu.info().durationNanos();
        for (int i = 0; i < timeline.size(); i++) {
            assertTrue(timeline.time(i) >= start && timeline.time(i) <= end, "sample time inside the recording");
            assertTrue(timeline.thread(i) >= 0);
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(textBlock = """
            lock-io-jdk17.jfr, jdk.JavaMonitorEnter, 10 ms
            lock-io-jdk17.jfr, jdk.JavaMonitorWait,  10 ms
            lock-io-jdk17.jfr, jdk.ThreadPark,       10 ms
            lock-io-jdk17.jfr, jdk.FileRead,         0 ms
            lock-io-jdk17.jfr, jdk.FileWrite,        0 ms
            lock-io-jdk17.jfr, jdk.SocketRead,       0 ms
            lock-io-jdk17.jfr, jdk.SocketWrite,      0 ms
            """)
    void statesTheThresholdOfDurationEvents(String recording, String event, String threshold) throws Exception {
        Profile p = profile(load(recording), event);
        assertEquals(WeightUnit.NANOSECONDS, p.info().unit());
        assertEquals(threshold, p.info().attributes().get("threshold"));
        assertEquals(activeSetting(JfrReference.recording(recording), event, "threshold"), threshold);
    }

    /** The last jdk.ActiveSetting value of {@code setting} for {@code event}, read with the consumer API. */
    private static String activeSetting(Path file, String event, String setting) throws Exception {
        String value = null;
        try (RecordingFile recording = new RecordingFile(file)) {
            long id = -1;
            for (EventType type : recording.readEventTypes()) {
                if (type.getName().equals(event)) {
                    id = type.getId();
                }
            }
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                if (e.getEventType().getName().equals("jdk.ActiveSetting") && e.getLong("id") == id
                        && e.getString("name").equals(setting)) {
                    value = e.getString("value");
                }
            }
        }
        return value;
    }

    @Test
    void readsJdk25RecordingWithCpuTimeSamples() throws Exception {
        List<Profile> profiles = load("alloc-jdk25.jfr");
        Profile cpuTime = profile(profiles, "jdk.CPUTimeSample");
        assertEquals(WeightUnit.SAMPLES, cpuTime.info().unit());
        assertTrue(cpuTime.info().name().endsWith(" · CPU time (jdk.CPUTimeSample)"));
        assertTrue(cpuTime.info().attributes().get("JVM version").contains("25"));
        long lost = 0;
        try (RecordingFile recording = new RecordingFile(JfrReference.recording("alloc-jdk25.jfr"))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                if (e.getEventType().getName().equals("jdk.CPUTimeSamplesLost")) {
                    lost += e.getInt("lostSamples");
                }
            }
        }
        if (lost > 0) {
            assertEquals(Long.toString(lost), cpuTime.info().attributes().get("lost samples"));
        }
    }

    @Test
    void putsAllocatedClassAsLeafFrame() throws Exception {
        Profile outside = profile(load("alloc-jdk25.jfr"), "jdk.ObjectAllocationOutsideTLAB");
        assertEquals(WeightUnit.BYTES, outside.info().unit());
        Frame largest = null;
        long weight = -1;
        for (int row = 0; row < outside.samples().size(); row++) {
            if (outside.samples().weight(row) > weight) {
                weight = outside.samples().weight(row);
                int[] stack = outside.stacks().frames(outside.samples().stack(row));
                largest = outside.frame(stack[stack.length - 1]);
            }
        }
        assertEquals(new Frame("byte[]", "", FrameKind.ALLOCATION, "", -1), largest, "AllocWork.largeBuffer's 2 MiB");
    }

    @Test
    void readsAsyncProfilerRecording() throws Exception {
        List<Profile> profiles = load("asprof-cpu-alloc.jfr");
        Profile cpu = profile(profiles, "jdk.ExecutionSample");
        Map<String, String> a = cpu.info().attributes();
        assertTrue(a.get("recorder").startsWith("async-profiler 4."), a.get("recorder"));
        assertEquals("2.0", a.get("JFR version"));
        assertEquals("5000000 ns", a.get("interval"));
        Set<FrameKind> kinds = cpu.frames().stream().map(Frame::kind).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(EnumSet.of(FrameKind.NATIVE, FrameKind.JIT, FrameKind.INTERPRETED)),
                kinds.toString());
        Frame cpp = cpu.frames().stream().filter(f -> f.name().contains("::")).findFirst().orElseThrow();
        assertEquals("libjvm.so", cpp.module(), cpp.toString());
        assertEquals(FrameKind.NATIVE, cpp.kind());
        cpu.frames().stream().filter(f -> f.kind() == FrameKind.KERNEL).forEach(f ->
                assertTrue(f.module().isEmpty() && !f.name().startsWith("."), f.toString()));
        assertTrue(cpu.threads().stream().anyMatch(t -> t.name().startsWith("GC Thread") && t.tid() > 0),
                "JVM threads without a Java id keep their OS id");
        Profile tlab = profile(profiles, "jdk.ObjectAllocationInNewTLAB");
        assertEquals("262144 bytes", tlab.info().attributes().get("alloc"));
    }

    @Test
    void readsAsyncProfilerLockRecording() throws Exception {
        List<Profile> profiles = load("asprof-lock.jfr");
        for (String event : List.of("jdk.JavaMonitorEnter", "jdk.ThreadPark")) {
            Profile p = profile(profiles, event);
            assertEquals(WeightUnit.NANOSECONDS, p.info().unit());
            assertEquals("1000000 ns", p.info().attributes().get("lock"), event);
        }
    }
}
