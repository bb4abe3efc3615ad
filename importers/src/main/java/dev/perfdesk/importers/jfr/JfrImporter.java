package dev.perfdesk.importers.jfr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import dev.perfdesk.core.model.Profile;
import dev.perfdesk.core.progress.CancelledException;
import dev.perfdesk.core.progress.ProgressMonitor;
import dev.perfdesk.core.spi.ImportSink;
import dev.perfdesk.core.model.TimelineWriter;
import dev.perfdesk.importers.spi.ImportException;
import dev.perfdesk.importers.spi.ImportSource;
import dev.perfdesk.importers.spi.Importer;

/**
 * Reads JDK Flight Recorder recordings ({@code .jfr}, also gzip-compressed) as written by JDK 11 and later and by
 * async-profiler, through {@code jdk.jfr.consumer.RecordingFile}, one event at a time; the chunks of a recording
 * with several are read on several threads at once. The sink is only called on the calling thread; the progress
 * monitor may be called on the others, one call at a time.
 *
 * <p>One recording gives one profile per event type it holds (see {@link JfrEventKind}): CPU samples
 * ({@code jdk.ExecutionSample}, {@code jdk.CPUTimeSample}), threads in native code ({@code jdk.NativeMethodSample}),
 * allocations in bytes with the allocated class as leaf frame, lock, wait and park time, and file and socket I/O
 * time. Profiles are named {@code <file> · CPU (jdk.ExecutionSample)}.
 *
 * <ul>
 *   <li>Frames are named {@code java.util.HashMap.get}, with the package as module, the frame type as
 *       {@link dev.perfdesk.core.model.FrameKind} and the line number, so one method at two lines is two frames.</li>
 *   <li>Threads keep their Java name; {@link dev.perfdesk.core.model.ThreadInfo#tid()} is the OS thread id, as perf
 *       and async-profiler show it, or the Java thread id for threads without one (virtual threads), and
 *       {@code pid} the JVM's process id from {@code jdk.JVMInformation}.</li>
 *   <li>Samples keep their start time, in epoch nanoseconds.</li>
 *   <li>Recording metadata goes to {@link dev.perfdesk.core.model.ProfileInfo}: start and duration from the chunk
 *       headers, JVM and Java arguments as the command, and as attributes the JVM version, OS, CPU, memory, GC and
 *       the event's settings from {@code jdk.ActiveSetting} ({@code threshold} -> {@code 20 ms}, {@code period}, ...;
 *       for async-profiler its own option values).</li>
 *   <li>A recording cut in the middle of a chunk is imported up to its last complete chunk, with a {@code warning}
 *       attribute saying what was left out; when not even the first chunk is complete the import fails.</li>
 * </ul>
 *
 * <pre>{@code
 * CollectingSink sink = new CollectingSink();
 * new JfrImporter().read(ImportSource.of(Path.of("app.jfr")), sink, ProgressMonitor.NONE);
 * }</pre>
 */
public final class JfrImporter implements Importer {
    public static final String FORMAT = "jfr";

    /** How many threads may read chunks at once, the calling thread included. */
    private final int threads;

    /** An importer that reads the chunks of a recording on as many threads as there are processors. */
    public JfrImporter() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** An importer that reads chunks on at most {@code threads} threads; 1 reads them in turn on the caller's. */
    JfrImporter(int threads) {
        this.threads = threads;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "JDK Flight Recorder recording (.jfr)";
    }

    @Override
    public int detect(byte[] head) {
        if (head.length >= JfrChunks.MAGIC.length) {
            for (int i = 0; i < JfrChunks.MAGIC.length; i++) {
                if (head[i] != JfrChunks.MAGIC[i]) {
                    return 0;
                }
            }
            return 100;
        }
        return 0;
    }

    @Override
    public void read(ImportSource source, ImportSink sink, ProgressMonitor monitor)
            throws IOException, ImportException {
        ProgressMonitor progress = monitor == null ? ProgressMonitor.NONE : monitor;
        List<Path> temporary = new ArrayList<>(2);
        try {
            Path file = source.path();
            if (source.isCompressed()) {
                file = decompress(source, temporary);
            }
            JfrChunks chunks = JfrChunks.scan(file, source.path());
            progress.checkCancelled();
            JfrRecordingReader reader = new JfrRecordingReader(sink, progress, chunks, threads);
            List<Profile> profiles;
            try {
                profiles = reader.read(file, source.fileName());
            } catch (CancelledException e) {
                throw e;
            } catch (JfrRecordingReader.DamagedChunk e) {
                throw new ImportException(source.path(), -1, e.offset(), e.problem(), e);
            } catch (IOException | RuntimeException | InternalError e) {
                throw new ImportException(source.path(), -1, -1, "the recording could not be read ("
                        + describe(e) + "); the file is corrupt or was written by a recorder this JDK's JFR reader "
                        + "does not support", e);
            }
            if (profiles.isEmpty()) {
                throw ImportException.whole(source.path(), "the recording holds no events Perfdesk makes profiles "
                        + "of (execution, allocation, lock, park, wait, or I/O events); record with "
                        + "-XX:StartFlightRecording:settings=profile");
            }
            List<TimelineWriter> timelines = reader.timelines();
            for (int i = 0; i < profiles.size(); i++) {
                sink.addProfile(profiles.get(i), timelines.get(i));
            }
        } finally {
            for (Path p : temporary) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }

    private static Path decompress(ImportSource source, List<Path> temporary) throws IOException, ImportException {
        Path copy = Files.createTempFile("perfdesk-", ".jfr");
        temporary.add(copy);
        try (InputStream in = source.open()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw source.damaged(e);
        }
        return copy;
    }
}
