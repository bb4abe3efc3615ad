package dev.perfdesk.importers.jfr;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.model.ProfileInfo;
import dev.perfdesk.core.model.ThreadInfo;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.core.model.TimelineWriter;

/**
 * Reads a recording chunk by chunk with {@link RecordingFile} ({@link JfrChunkReader}): events stream into a
 * {@link dev.perfdesk.core.model.ProfileBuilder} per event kind, recording metadata is collected on the way, and the
 * finished profiles are returned only when the whole file has been read.
 *
 * <p>Each chunk is read with its own {@link RecordingFile} (from a temporary copy when the file has more than one):
 * given several chunks, {@code RecordingFile} keeps the first chunk's event parsers when the next chunk's metadata
 * has the same id, and so loses events of types the first chunk had disabled, as happens when recordings of two JVMs
 * are concatenated. Chunks are self-contained, so reading them apart loses nothing.
 *
 * <p>That also lets chunks be read at the same time: with {@code threads > 1} the calling thread reads the first
 * chunk straight into the recording's profiles while other threads read later chunks into parts of their own
 * ({@link JfrProfilePart#pending}); the parts are merged in file order, which gives exactly the profiles, sample
 * rows and timelines of reading the chunks one after the other. Everything the sink sees happens on the calling
 * thread.
 */
final class JfrRecordingReader {
    /** The order of the recording's facts in every profile's attributes. */
    private static final List<String> FACT_ORDER = List.of("JVM", "JVM version", "JVM start", "pid", "JVM flags file",
            "OS", "CPU", "memory", "GC");
    /** async-profiler's options that it records as settings, with their units. */
    private static final Map<String, String> ASYNC_PROFILER_UNITS = Map.of("interval", " ns", "wall", " ns",
            "lock", " ns", "alloc", " bytes");

    private final ImportSink sink;
    private final ProgressMonitor monitor;
    private final JfrChunks chunks;
    private final int threads;

    /** The recording's profiles by kind; made, and their timelines opened, in the order the kinds first occur. */
    private final EnumMap<JfrEventKind, JfrProfilePart> profiles = new EnumMap<>(JfrEventKind.class);
    private final RecordingFacts recording = new RecordingFacts();
    private final ChunkProgress progress;
    /** Set when the read ends or a chunk read into a part fails, so that parts being read stop. */
    private volatile boolean stopped;

    /**
     * @param threads how many threads may read chunks at once, the calling thread included; 1 reads them one after
     *                the other on the calling thread
     */
    JfrRecordingReader(ImportSink sink, ProgressMonitor monitor, JfrChunks chunks, int threads) {
        this.sink = sink;
        this.monitor = monitor;
        this.chunks = chunks;
        this.threads = Math.max(1, threads);
        this.progress = new ChunkProgress(chunks, monitor);
    }

    /** Stops the reading of a part because the read as a whole ends; never the reason the read fails. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("another chunk failed", null, false, false);
        }
    }

    /**
     * A chunk that JFR's reader failed on: which chunk, where it starts, and the reader's own exception as the
     * cause. Its message says in words what is wrong, never the JDK's text (positions, ids, indexes).
     */
    static final class DamagedChunk extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient JfrChunks.Chunk chunk;
        private final int index;
        private final int count;

        DamagedChunk(JfrChunks.Chunk chunk, int index, int count, Throwable cause) {
            super(words(cause), cause);
            this.chunk = chunk;
            this.index = index;
            this.count = count;
        }

        /** The byte offset at which the damaged chunk starts. */
        long offset() {
            return chunk.offset();
        }

        /** The problem, with which chunk of how many. */
        String problem() {
            return "the recording is damaged in " + (count == 1 ? "its chunk" : "chunk " + (index + 1) + " of "
                    + count) + " (which starts here, " + chunk.size() + " bytes): " + getMessage()
                    + "; the file is corrupt or was written by a recorder this JDK's JFR reader does not support";
        }

        private static String words(Throwable e) {
            String m = String.valueOf(e.getMessage());
            if (e instanceof java.io.EOFException || m.contains("Trying to read")) {
                return "a position in it points past its end";
            }
            if (e instanceof IndexOutOfBoundsException) {
                return "an index in it points outside the table it refers to";
            }
            if (m.contains("check point") || m.contains("checkpoint")) {
                return "its constant pool is not where its header says";
            }
            if (m.contains("metadata") || m.contains("Metadata")) {
                return "its metadata (the event types) cannot be decoded";
            }
            if (e instanceof OutOfMemoryError || m.contains("size")) {
                return "a size in it is larger than the chunk";
            }
            return "its events cannot be decoded";
        }
    }

    /** One chunk read into parts of its own, waiting to be merged. */
    private static final class ChunkPart {
        final Map<JfrEventKind, JfrProfilePart> parts = new LinkedHashMap<>();
        RecordingFacts facts;
    }

    /**
     * Progress in bytes: complete chunks count whole, a chunk being read by the time of its last checkpoint's event
     * within the chunk's time span ({@link RecordingFile} does not tell its file position, but events come roughly
     * in time order). Reported only when it grows, whichever thread reports.
     */
    private static final class ChunkProgress {
        private final JfrChunks chunks;
        private final ProgressMonitor monitor;
        private final long[] done;
        private long reported;

        ChunkProgress(JfrChunks chunks, ProgressMonitor monitor) {
            this.chunks = chunks;
            this.monitor = monitor;
            this.done = new long[chunks.chunks().size()];
        }

        void at(int index, RecordedEvent event) {
            JfrChunks.Chunk c = chunks.chunks().get(index);
            long t = JfrChunkReader.epochNanos(event);
            double fraction = c.durationNanos() <= 0 ? 0 : (t - c.startNanos()) / (double) c.durationNanos();
            update(index, (long) (c.size() * Math.max(0, Math.min(1, fraction))));
        }

        void finished(int index) {
            update(index, chunks.chunks().get(index).size());
        }

        private synchronized void update(int index, long bytes) {
            if (bytes <= done[index]) {
                return;
            }
            done[index] = bytes;
            long sum = 0;
            for (long d : done) {
                sum += d;
            }
            if (sum > reported) {
                reported = sum;
                monitor.progress(sum, chunks.fileSize());
            }
        }
    }

    /** Reads every complete chunk of {@code file}; the profiles are returned only when all were read. */
    List<Profile> read(Path file, String fileName) throws IOException {
        int n = chunks.chunks().size();
        int helpers = Math.min(threads - 1, n - 1);
        try {
            if (helpers <= 0) {
                for (int i = 0; i < n; i++) {
                    readIntoRecording(file, i);
                }
            } else {
                readInParallel(file, helpers);
            }
        } finally {
            stopped = true;
        }
        monitor.progress(chunks.fileSize(), chunks.fileSize());
        return finish(fileName);
    }

    /**
     * The calling thread reads the first chunk into the recording's profiles while {@code helpers} threads take the
     * next chunks in turn, each into a part; when done, the calling thread merges the parts that are ready, then
     * takes a chunk itself: straight into the recording when every chunk before it is merged, else into a part.
     */
    private void readInParallel(Path file, int helpers) throws IOException {
        int n = chunks.chunks().size();
        List<CompletableFuture<ChunkPart>> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(new CompletableFuture<>());
        }
        AtomicInteger next = new AtomicInteger(1);
        ExecutorService pool = Executors.newFixedThreadPool(helpers, r -> {
            Thread t = new Thread(r, "perfdesk-jfr-chunk");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int h = 0; h < helpers; h++) {
                pool.execute(() -> {
                    int k;
                    while (!stopped && (k = next.getAndIncrement()) < n) {
                        readPart(file, k, parts.get(k));
                    }
                });
            }
            readIntoRecording(file, 0);
            int merged = 1;
            while (merged < n) {
                while (merged < n && parts.get(merged).isDone()) {
                    merge(join(parts, merged));
                    merged++;
                }
                if (merged == n) {
                    break;
                }
                int k = next.getAndIncrement();
                if (k == merged) {
                    readIntoRecording(file, k);
                    merged++;
                } else if (k < n) {
                    readPart(file, k, parts.get(k));
                } else {
                    merge(join(parts, merged));
                    merged++;
                }
            }
        } finally {
            stopped = true;
            pool.shutdown();
            try {
                if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads chunk {@code index} into the recording's profiles; every chunk before it must be in them already. */
    private void readIntoRecording(Path file, int index) throws IOException {
        RecordingFacts facts = readChunk(file, index, false, kind -> profiles.computeIfAbsent(kind,
                k -> new JfrProfilePart(k, sink.openTimeline())));
        recording.merge(facts);
    }

    /** Reads chunk {@code index} into parts of its own and completes {@code result} with them, or with the error. */
    private void readPart(Path file, int index, CompletableFuture<ChunkPart> result) {
        try {
            ChunkPart part = new ChunkPart();
            part.facts = readChunk(file, index, true,
                    kind -> part.parts.computeIfAbsent(kind, JfrProfilePart::pending));
            result.complete(part);
        } catch (Throwable e) {
            // Completed before the others are stopped, so that join finds it when it meets a Stopped part.
            result.completeExceptionally(e);
            stopped = true;
        }
    }

    private void merge(ChunkPart part) {
        for (JfrProfilePart p : part.parts.values()) {
            p.mergeInto(profiles.computeIfAbsent(p.kind, k -> new JfrProfilePart(k, sink.openTimeline())));
        }
        recording.merge(part.facts);
    }

    /** Reads one chunk; {@code stoppable} when it goes into a part, which {@link #stopped} ends early. */
    private RecordingFacts readChunk(Path file, int index, boolean stoppable, JfrChunkReader.Parts parts)
            throws IOException {
        JfrChunks.Chunk chunk = chunks.chunks().get(index);
        boolean wholeFile = chunks.chunks().size() == 1 && !chunks.isTruncated();
        Path chunkFile = wholeFile ? file : chunks.copy(file, chunk);
        try {
            RecordingFacts facts = new JfrChunkReader(parts, event -> {
                if (stoppable && stopped) {
                    throw new Stopped();
                }
                monitor.checkCancelled();
                progress.at(index, event);
            }).read(chunkFile);
            progress.finished(index);
            return facts;
        } catch (Stopped | dev.perfdesk.core.progress.CancelledException e) {
            throw e;
        } catch (IOException | RuntimeException | InternalError e) {
            throw new DamagedChunk(chunk, index, chunks.chunks().size(), e);
        } finally {
            if (!wholeFile) {
                Files.deleteIfExists(chunkFile);
            }
        }
    }

    /**
     * Part {@code index} once read, or what it failed with, thrown as it was; a part stopped because another failed
     * throws that other's failure.
     */
    private static ChunkPart join(List<CompletableFuture<ChunkPart>> parts, int index) throws IOException {
        try {
            return parts.get(index).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a chunk to be read");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Stopped) {
                cause = failure(parts, cause);
            }
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IOException(cause);
        }
    }

    /** The failure that stopped the other parts; it completed its part before they were stopped. */
    private static Throwable failure(List<CompletableFuture<ChunkPart>> parts, Throwable otherwise) {
        for (CompletableFuture<ChunkPart> part : parts) {
            if (part.isCompletedExceptionally()) {
                try {
                    part.getNow(null);
                } catch (CompletionException e) {
                    if (!(e.getCause() instanceof Stopped)) {
                        return e.getCause();
                    }
                }
            }
        }
        return otherwise;
    }

    private List<Profile> finish(String fileName) {
        Map<String, String> shared = new LinkedHashMap<>();
        String recorder = recorder();
        boolean asyncProfiler = recorder.startsWith("async-profiler");
        shared.put("recorder", recorder);
        shared.put("JFR version", chunks.version());
        shared.put("chunks", Integer.toString(chunks.chunks().size()));
        for (String key : FACT_ORDER) {
            String value = recording.facts.get(key);
            if (value != null) {
                shared.put(key, value);
            }
        }
        if (chunks.isTruncated()) {
            shared.put("warning", chunks.truncationWarning());
        }
        long pid = recording.pids.size() == 1 ? recording.pids.iterator().next() : -1;
        Instant start = Instant.ofEpochSecond(0, chunks.startNanos());
        List<Profile> out = new ArrayList<>();
        for (JfrProfilePart p : profiles.values()) {
            if (p.events == 0) {
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>(shared);
            for (long id : p.typeIds) {
                Map<String, String> s = recording.settings.get(id);
                if (s != null) {
                    s.forEach((name, value) -> {
                        if (!name.equals("enabled") && !name.equals("stackTrace") && value != null) {
                            String unit = asyncProfiler ? ASYNC_PROFILER_UNITS.get(name) : null;
                            boolean number = !value.isEmpty() && value.chars().allMatch(Character::isDigit);
                            attributes.put(name, unit != null && number ? value + unit : value);
                        }
                    });
                }
            }
            if (asyncProfiler && p.kind == JfrEventKind.THREAD_PARK && !attributes.containsKey("lock")) {
                // async-profiler's lock option governs park events too but is recorded under monitor enter only.
                for (Map<String, String> s : recording.settings.values()) {
                    String lock = s.get("lock");
                    if (lock != null && lock.chars().allMatch(Character::isDigit)) {
                        attributes.put("lock", lock + " ns");
                    }
                }
            }
            if (p.kind.note != null) {
                attributes.put("note", p.kind.note);
            }
            if (p.kind == JfrEventKind.CPU_TIME_SAMPLE && recording.lostCpuTimeSamples > 0) {
                attributes.put("lost samples", Long.toString(recording.lostCpuTimeSamples));
            }
            if (p.truncatedStacks > 0) {
                attributes.put("truncated stacks", p.truncatedStacks + " of " + p.events
                        + " (deeper than the recording's stack depth; their root frames are missing)");
            }
            if (p.missingStacks > 0) {
                attributes.put("samples without stack", Long.toString(p.missingStacks));
            }
            String name = fileName + " · " + p.kind.label + " (" + p.kind.event + ")";
            ProfileInfo info = new ProfileInfo(name, JfrImporter.FORMAT, p.kind.event, p.kind.unit, "", "",
                    recording.host, recording.command, start, chunks.durationNanos(), 0, 0, attributes);
            Profile profile = p.builder.build(info);
            if (pid > 0) {
                profile = withPid(profile, pid);
            }
            out.add(profile);
        }
        return out;
    }

    /** What wrote the recording: async-profiler states its version and engine as settings, the JDK does not. */
    private String recorder() {
        for (Map<String, String> s : recording.settings.values()) {
            String version = s.get("version");
            if (version != null && s.containsKey("engine")) {
                return "async-profiler " + version;
            }
        }
        return "JDK Flight Recorder";
    }

    /** The profile with every thread's pid set, when the recording comes from one JVM. */
    private static Profile withPid(Profile profile, long pid) {
        List<ThreadInfo> withPid = new ArrayList<>(profile.threads().size());
        for (ThreadInfo t : profile.threads()) {
            withPid.add(new ThreadInfo(t.name(), pid, t.tid()));
        }
        return new Profile(profile.info(), profile.frames(), profile.stacks(), withPid, profile.samples(),
                profile.timeline());
    }

    /** The timeline writer each profile's samples went to, in the order of {@link #read}'s result. */
    List<TimelineWriter> timelines() {
        List<TimelineWriter> out = new ArrayList<>();
        for (JfrProfilePart p : profiles.values()) {
            if (p.events > 0) {
                out.add(p.builder.hasTimeline() ? p.timeline : null);
            }
        }
        return out;
    }
}
