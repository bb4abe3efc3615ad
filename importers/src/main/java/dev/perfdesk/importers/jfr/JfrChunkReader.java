package dev.perfdesk.importers.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;

import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import dev.perfdesk.core.model.LocalFrames;
import dev.perfdesk.core.model.StackTable;
import dev.perfdesk.core.model.ThreadInfo;

/**
 * Reads one chunk with {@link RecordingFile#readEvent()}: profile events go into the {@link JfrProfilePart} of
 * their kind, metadata events into {@link RecordingFacts}. Everything keyed by the parser's objects (stack traces,
 * threads, methods, classes, which it shares within a chunk) lives here and goes when the chunk is read, so chunks
 * can be read by different threads, each into parts of its own.
 *
 * <pre>{@code
 * RecordingFacts facts = new JfrChunkReader(kind -> partOf(kind), event -> monitor.checkCancelled()).read(chunkFile);
 * }</pre>
 */
final class JfrChunkReader {
    /** How often the {@link Checkpoint} is called, in events. */
    static final int CHECK_EVERY = 4096;
    static final String NO_STACK = "[no stack trace]";

    /** Where the chunk's samples go: the part of an event kind, made on the kind's first event. */
    interface Parts {
        JfrProfilePart part(JfrEventKind kind);
    }

    /** Called every {@link #CHECK_EVERY} events, to report progress and to stop by throwing. */
    interface Checkpoint {
        void reached(RecordedEvent event);
    }

    private final Parts parts;
    private final Checkpoint checkpoint;
    private final JfrFrames frames = new JfrFrames();
    private final RecordingFacts facts = new RecordingFacts();
    private final IdentityHashMap<EventType, Handler> handlers = new IdentityHashMap<>();
    private final EnumMap<JfrEventKind, ChunkProfile> profiles = new EnumMap<>(JfrEventKind.class);
    private final IdentityHashMap<RecordedThread, ThreadInfo> threads = new IdentityHashMap<>();
    private EventType lastType;
    private Handler lastHandler;

    JfrChunkReader(Parts parts, Checkpoint checkpoint) {
        this.parts = parts;
        this.checkpoint = checkpoint;
    }

    /**
     * What to do with the events of one JFR event type; types that matter for nothing have no handler. Field names
     * are the type's own {@link ValueDescriptor} strings: the consumer API finds a field by comparing names, and the
     * same string object compares at once.
     */
    private static final class Handler {
        /** The profile, or null for a metadata event. */
        final ChunkProfile profile;
        /** The thread field, or null when the event type has none. */
        final String threadField;
        /** The stack trace field, or null when the event type has none. */
        final String stackTraceField;
        /** The field holding the weight, for kinds weighed by a field. */
        final String weightField;
        /** The allocated class, for kinds with the class as leaf frame. */
        final String classField;

        Handler(ChunkProfile profile, EventType type) {
            this.profile = profile;
            if (profile == null) {
                threadField = null;
                stackTraceField = null;
                weightField = null;
                classField = null;
                return;
            }
            JfrEventKind kind = profile.part.kind;
            String sampled = field(type, "sampledThread");
            threadField = sampled != null ? sampled : field(type, "eventThread");
            stackTraceField = field(type, "stackTrace");
            String weight = kind.weightField();
            // A missing weight field fails in getLong, naming the field, as the consumer API words it.
            weightField = weight == null ? null : orElse(field(type, weight), weight);
            classField = kind.classLeaf ? field(type, "objectClass") : null;
        }

        private static String field(EventType type, String name) {
            for (ValueDescriptor v : type.getFields()) {
                if (v.getName().equals(name)) {
                    return v.getName();
                }
            }
            return null;
        }

        private static String orElse(String value, String otherwise) {
            return value != null ? value : otherwise;
        }
    }

    /** One kind's caches for this chunk, in front of the part its samples go to. */
    private final class ChunkProfile {
        final JfrProfilePart part;
        final LocalFrames localFrames;
        /** Stack nodes by trace; the bitwise complement marks traces JFR truncated. */
        final IdentityHashMap<RecordedStackTrace, Integer> stacks = new IdentityHashMap<>();
        final IdentityHashMap<RecordedThread, Integer> threadIndex = new IdentityHashMap<>();
        int[] path = new int[128];
        RecordedStackTrace lastTrace;
        boolean lastTraceTruncated;
        int lastNode;
        RecordedThread lastThread;
        int lastThreadIndex;

        ChunkProfile(JfrProfilePart part) {
            this.part = part;
            this.localFrames = new LocalFrames(part.builder, frames::frame);
        }

        int localFrame(int global) {
            return localFrames.local(global);
        }

        /** The stack node of {@code trace}; the parser shares one object per stack of a chunk, so this is cached. */
        int stack(RecordedStackTrace trace) {
            if (trace == null) {
                part.missingStacks++;
                return part.builder.child(StackTable.ROOT, localFrame(frames.named(NO_STACK)));
            }
            if (trace == lastTrace) {
                if (lastTraceTruncated) {
                    part.truncatedStacks++;
                }
                return lastNode;
            }
            Integer cached = stacks.get(trace);
            int entry;
            if (cached != null) {
                entry = cached;
            } else {
                int node = newStack(trace);
                entry = trace.isTruncated() ? ~node : node;
                stacks.put(trace, entry);
            }
            lastTrace = trace;
            lastTraceTruncated = entry < 0;
            lastNode = entry < 0 ? ~entry : entry;
            if (lastTraceTruncated) {
                part.truncatedStacks++;
            }
            return lastNode;
        }

        private int newStack(RecordedStackTrace trace) {
            List<RecordedFrame> list = trace.getFrames();
            int n = list.size();
            if (n == 0) {
                return part.builder.child(StackTable.ROOT, localFrame(frames.named(NO_STACK)));
            }
            if (path.length < n) {
                path = new int[n * 2];
            }
            // JFR lists the leaf first; the trie wants the root first.
            for (int i = 0; i < n; i++) {
                path[n - 1 - i] = localFrame(frames.id(list.get(i)));
            }
            return part.builder.stack(path, n);
        }

        int thread(RecordedThread thread) {
            if (thread == null) {
                return -1;
            }
            if (thread == lastThread) {
                return lastThreadIndex;
            }
            Integer index = threadIndex.get(thread);
            if (index == null) {
                index = part.builder.thread(threadInfo(thread));
                threadIndex.put(thread, index);
            }
            lastThread = thread;
            lastThreadIndex = index;
            return index;
        }
    }

    /** Reads every event of the one-chunk recording {@code file}; returns the chunk's facts. */
    RecordingFacts read(Path file) throws IOException {
        long count = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                EventType type = event.getEventType();
                Handler handler;
                if (type == lastType) {
                    handler = lastHandler;
                } else {
                    handler = handlers.get(type);
                    if (handler == null && !handlers.containsKey(type)) {
                        handler = handlerFor(type);
                        handlers.put(type, handler);
                    }
                    lastType = type;
                    lastHandler = handler;
                }
                if (handler != null) {
                    if (handler.profile != null) {
                        sample(handler, event);
                    } else {
                        facts.accept(event);
                    }
                }
                if (++count % CHECK_EVERY == 0) {
                    checkpoint.reached(event);
                }
            }
        }
        return facts;
    }

    private Handler handlerFor(EventType type) {
        String name = type.getName();
        JfrEventKind kind = JfrEventKind.forEvent(name);
        if (kind != null) {
            ChunkProfile profile = profiles.get(kind);
            if (profile == null) {
                profile = new ChunkProfile(parts.part(kind));
                profiles.put(kind, profile);
            }
            profile.part.typeIds.add(type.getId());
            return new Handler(profile, type);
        }
        return RecordingFacts.EVENTS.contains(name) ? new Handler(null, type) : null;
    }

    /** One event into its profile. */
    private void sample(Handler handler, RecordedEvent event) {
        ChunkProfile p = handler.profile;
        JfrProfilePart part = p.part;
        JfrEventKind kind = part.kind;
        RecordedStackTrace trace = handler.stackTraceField == null ? null : event.getValue(handler.stackTraceField);
        int stack = p.stack(trace);
        if (kind.classLeaf) {
            RecordedClass type = handler.classField == null ? null : event.getValue(handler.classField);
            stack = part.builder.child(stack, p.localFrame(frames.classFrame(type)));
        }
        long weight;
        switch (kind.weight) {
            case DURATION:
                weight = event.getDuration().toNanos();
                break;
            case FIELD:
                weight = event.getLong(handler.weightField);
                break;
            default:
                weight = 1;
                break;
        }
        RecordedThread recordedThread = handler.threadField == null ? null : event.getValue(handler.threadField);
        int thread = p.thread(recordedThread);
        part.builder.sample(stack, thread, weight, epochNanos(event));
        part.events++;
    }

    /** The event's start in epoch nanoseconds. */
    static long epochNanos(RecordedEvent event) {
        java.time.Instant time = event.getStartTime();
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }

    private ThreadInfo threadInfo(RecordedThread thread) {
        ThreadInfo info = threads.get(thread);
        if (info == null) {
            String name = thread.getJavaName();
            if (name == null || name.isEmpty()) {
                name = thread.getOSName();
            }
            long tid = thread.getOSThreadId();
            if (tid <= 0) {
                tid = thread.getJavaThreadId();
            }
            if (name == null || name.isEmpty()) {
                name = "[unnamed thread " + tid + "]";
            }
            info = new ThreadInfo(name, -1, tid <= 0 ? -1 : tid);
            threads.put(thread, info);
        }
        return info;
    }
}
