package dev.perfdesk.importers.jfr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;

import dev.perfdesk.core.model.Frame;
import dev.perfdesk.core.model.FrameKind;

/**
 * Turns JFR frames into Perfdesk frames, interned across the whole recording. Names are built once per method:
 * the JFR parser hands out one {@link RecordedMethod} object per method of a chunk, so methods are cached by
 * identity and only (method, frame type, line) is looked up per frame. One instance serves one chunk: the next
 * chunk's objects are new.
 *
 * <p>Java frames are named {@code package.Class.method} with the package as module; native frames of
 * async-profiler recordings (types {@code Native}, {@code C++}, {@code Kernel}, whose "class" is a library such as
 * {@code libjvm.so}, or empty for the kernel) are named by their symbol with the library as module.
 */
final class JfrFrames {

    private static final Map<Character, String> PRIMITIVES = Map.of('B', "byte", 'C', "char", 'D', "double",
            'F', "float", 'I', "int", 'J', "long", 'S', "short", 'Z', "boolean");

    private final IdentityHashMap<RecordedMethod, MethodName> methods = new IdentityHashMap<>();
    private final IdentityHashMap<RecordedClass, Integer> classFrames = new IdentityHashMap<>();
    private final Map<String, FrameKind> kinds = new HashMap<>();
    private final Map<Frame, Integer> index = new HashMap<>();
    private final List<Frame> frames = new ArrayList<>();

    /** A method's name and module, and its frames by (kind, line). */
    private static final class MethodName {
        final String name;
        final String module;
        final boolean symbol;
        final Map<Long, Integer> frames = new HashMap<>(4);

        MethodName(String name, String module, boolean symbol) {
            this.name = name;
            this.module = module;
            this.symbol = symbol;
        }
    }

    /** The frame for index {@code id}. */
    Frame frame(int id) {
        return frames.get(id);
    }

    /** The id of a JFR frame. */
    int id(RecordedFrame recorded) {
        RecordedMethod method = recorded.getMethod();
        FrameKind kind = kind(recorded.getType());
        int line = recorded.getLineNumber();
        if (line <= 0) {
            line = -1;
        }
        MethodName name = method == null ? null : methods.get(method);
        if (name == null) {
            name = name(method, kind);
            if (method != null) {
                methods.put(method, name);
            }
        }
        long key = ((long) kind.ordinal() << 32) | (line & 0xFFFFFFFFL);
        Integer id = name.frames.get(key);
        if (id == null) {
            id = intern(new Frame(name.name, name.module, kind, "", line));
            name.frames.put(key, id);
        }
        return id;
    }

    /** The id of the leaf frame naming an allocated class. */
    int classFrame(RecordedClass type) {
        Integer id = classFrames.get(type);
        if (id == null) {
            String name = type == null ? "[unknown class]" : className(type);
            id = intern(new Frame(name, packageOf(name), FrameKind.ALLOCATION, "", -1));
            classFrames.put(type, id);
        }
        return id;
    }

    /** The id of a frame with only a name, such as {@code [no stack trace]}. */
    int named(String name) {
        return intern(new Frame(name, "", FrameKind.UNKNOWN, "", -1));
    }

    private int intern(Frame frame) {
        Integer id = index.get(frame);
        if (id == null) {
            id = frames.size();
            frames.add(frame);
            index.put(frame, id);
        }
        return id;
    }

    private FrameKind kind(String type) {
        if (type == null) {
            return FrameKind.UNKNOWN;
        }
        FrameKind kind = kinds.get(type);
        if (kind == null) {
            kind = frameKind(type);
            kinds.put(type, kind);
        }
        return kind;
    }

    /**
     * The kind for a JFR frame type: the JDK writes {@code Interpreted}, {@code JIT compiled}, {@code Inlined} and
     * {@code Native}; async-profiler adds {@code C1 compiled}, {@code C++} and {@code Kernel}.
     */
    static FrameKind frameKind(String type) {
        switch (type) {
            case "Interpreted":
                return FrameKind.INTERPRETED;
            case "JIT compiled":
            case "C1 compiled":
            case "C2 compiled":
                return FrameKind.JIT;
            case "Inlined":
                return FrameKind.INLINED;
            case "Native":
            case "C++":
                return FrameKind.NATIVE;
            case "Kernel":
                return FrameKind.KERNEL;
            default:
                String lower = type.toLowerCase(java.util.Locale.ROOT);
                if (lower.contains("compiled") || lower.contains("jit")) {
                    return FrameKind.JIT;
                }
                return FrameKind.UNKNOWN;
        }
    }

    private static MethodName name(RecordedMethod method, FrameKind kind) {
        if (method == null) {
            return new MethodName("[unknown method]", "", false);
        }
        String methodName = method.getName();
        RecordedClass type = method.getType();
        String className = type == null ? "" : className(type);
        if (isSymbol(kind, className, method.getDescriptor())) {
            return new MethodName(methodName, className, true);
        }
        return new MethodName(className + "." + methodName, packageOf(className), false);
    }

    /**
     * Whether a frame is a native symbol rather than a Java method: async-profiler writes C, C++ and kernel frames as
     * methods whose class is the library (or empty) and whose descriptor is the placeholder {@code ()L;} or
     * {@code (Lk;)L;}.
     */
    private static boolean isSymbol(FrameKind kind, String className, String descriptor) {
        if (kind == FrameKind.KERNEL || className.isEmpty()) {
            return true;
        }
        if (descriptor != null && (descriptor.equals("()L;") || descriptor.equals("(Lk;)L;"))) {
            return true;
        }
        return kind == FrameKind.NATIVE && (className.endsWith(".so") || className.contains(".so.")
                || className.endsWith(".dylib") || className.endsWith(".dll") || className.startsWith("/"));
    }

    private static String className(RecordedClass type) {
        String name = type.getName();
        return name == null ? "" : readableClassName(name);
    }

    /**
     * A class name as Java source writes it: the JFR parser gives arrays as descriptors ({@code [B},
     * {@code [[Ljava.lang.String;}), which become {@code byte[]} and {@code java.lang.String[][]}.
     */
    static String readableClassName(String name) {
        String dotted = name.replace('/', '.');
        int dims = 0;
        while (dims < dotted.length() && dotted.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0 || dims == dotted.length()) {
            return dotted;
        }
        char code = dotted.charAt(dims);
        String element;
        if (code == 'L') {
            element = dotted.substring(dims + 1, dotted.endsWith(";") ? dotted.length() - 1 : dotted.length());
        } else {
            element = dotted.length() == dims + 1 ? PRIMITIVES.get(code) : null;
        }
        if (element == null || element.isEmpty()) {
            return dotted;
        }
        StringBuilder sb = new StringBuilder(element.length() + 2 * dims).append(element);
        for (int i = 0; i < dims; i++) {
            sb.append("[]");
        }
        return sb.toString();
    }

    /**
     * The package of a class name, or "" for the default package. Hidden classes carry a suffix after the class name
     * ({@code Foo$$Lambda$14+0x0000000800c03000.123} from the JDK, {@code Foo$$Lambda$14.0x00007f88ec000c30} from
     * async-profiler) that must not be taken for a package.
     */
    static String packageOf(String className) {
        int end = className.length();
        int hidden = className.indexOf("+0x");
        if (hidden < 0) {
            hidden = className.indexOf(".0x");
        }
        if (hidden >= 0) {
            end = hidden;
        }
        int bracket = className.indexOf('[');
        if (bracket >= 0 && bracket < end) {
            end = bracket;
        }
        if (end <= 0) {
            return "";
        }
        int dot = className.lastIndexOf('.', end - 1);
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
