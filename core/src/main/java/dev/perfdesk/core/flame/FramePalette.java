package dev.perfdesk.core.flame;

import java.util.Locale;

import dev.perfdesk.core.model.FrameKind;

/**
 * Frame colours as {@code 0xRRGGBB}. By kind, each {@link FrameCategory} has a hue family (green Java/JIT, aqua
 * inlined, orange kernel, yellow C++, red native C, as flamegraph.pl's java palette; sand for allocated types); by package, each package or
 * library gets a pastel hue of its own. Within a family the shade comes from a hash of the name, so the same name
 * has the same colour in every profile and every run. All colours are light enough for dark text.
 *
 * <pre>{@code
 * int rgb = FramePalette.color(ColorMode.KIND, "io/netty/Foo:::bar", FrameKind.JIT, "/tmp/perf-1.map");
 * }</pre>
 */
public final class FramePalette {

    private FramePalette() {
    }

    /** The colour of a frame name in {@code mode}. */
    public static int color(ColorMode mode, String name, FrameKind kind, String module) {
        if (mode == ColorMode.PACKAGE) {
            return kind == null ? categoryColor(FrameCategory.LABEL, name) : groupColor(groupOf(name, kind, module));
        }
        return categoryColor(FrameCategory.of(name, kind), name);
    }

    /** The representative colour of a category, for legends. */
    public static int categoryColor(FrameCategory category) {
        return categoryColor(category, 0.5, 0.5);
    }

    /** The shade of {@code category}'s family for {@code name}. */
    public static int categoryColor(FrameCategory category, String name) {
        int h = hash(name);
        return categoryColor(category, (h & 0xFFFF) / 65535.0, ((h >>> 16) & 0xFFFF) / 65535.0);
    }

    private static int categoryColor(FrameCategory category, double v1, double v2) {
        switch (category) {
            case JIT:
                return rgb(50 + 60 * v2, 195 + 55 * v1, 50 + 60 * v2);
            case INLINED:
                return rgb(50 + 60 * v2, 165 + 55 * v1, 165 + 55 * v1);
            case INTERPRETED:
                return rgb(120 + 40 * v2, 150 + 40 * v1, 225 + 30 * v1);
            case KERNEL:
                return rgb(200 + 55 * v1, 110 + 60 * v1, 20 * v2);
            case CPP:
                return rgb(185 + 50 * v1, 185 + 50 * v1, 50 + 25 * v2);
            case NATIVE:
                return rgb(205 + 50 * v1, 70 + 80 * v2, 70 + 80 * v2);
            case ALLOCATION:
                // sand: apart from every code family, and from the search's magenta and the diff's colours
                return rgb(205 + 30 * v1, 180 + 30 * v1, 130 + 30 * v2);
            case LABEL:
            default:
                return rgb(190 + 20 * v1, 190 + 20 * v1, 195 + 20 * v1);
        }
    }

    /** The colour of a package or library group. */
    public static int groupColor(String group) {
        int h = hash(group);
        double hue = (h & 0xFFFF) / 65536.0;
        double saturation = 0.35 + 0.2 * (((h >>> 16) & 0xFF) / 255.0);
        double brightness = 0.9 + 0.08 * (((h >>> 24) & 0xFF) / 255.0);
        return hsb(hue, saturation, brightness);
    }

    /**
     * The group a frame is coloured by in {@link ColorMode#PACKAGE}: a Java name's package (its first three
     * segments), a C++ or Rust name's outermost namespace, else the library the frame came from.
     */
    public static String groupOf(String name, FrameKind kind, String module) {
        if (kind == null) {
            return "(process)";
        }
        String bare = name.replaceFirst("_\\[[kij]]$", "");
        FrameCategory category = FrameCategory.of(name, kind);
        boolean java = category == FrameCategory.JIT || category == FrameCategory.INTERPRETED
                || (category == FrameCategory.INLINED && (bare.contains("/") || bare.contains(".")));
        if (java) {
            String pkg = javaPackage(bare);
            if (!pkg.isEmpty()) {
                return pkg;
            }
        }
        int colons = bare.indexOf("::");
        if (colons > 0 && !bare.contains(":::")) {
            String ns = bare.substring(0, colons);
            int space = ns.lastIndexOf(' ');
            ns = space >= 0 ? ns.substring(space + 1) : ns;
            int angle = ns.indexOf('<');
            ns = angle > 0 ? ns.substring(0, angle) : ns;
            if (!ns.isEmpty()) {
                return ns;
            }
        }
        return library(module);
    }

    /** {@code io/netty/channel/Foo:::bar} and {@code io.netty.channel.Foo.bar} both give {@code io.netty.channel}. */
    static String javaPackage(String name) {
        String cls = name;
        int methodSep = cls.indexOf(":::");
        if (methodSep >= 0) {
            cls = cls.substring(0, methodSep);
        } else if (cls.indexOf('/') < 0 && cls.lastIndexOf('.') > 0) {
            cls = cls.substring(0, cls.lastIndexOf('.'));
        }
        int paren = cls.indexOf('(');
        if (paren >= 0) {
            cls = cls.substring(0, paren);
        }
        String[] parts = cls.split("[/.]");
        StringBuilder pkg = new StringBuilder();
        int taken = 0;
        for (int i = 0; i < parts.length - 1 && taken < 3; i++) {
            String p = parts[i];
            if (p.isEmpty() || Character.isUpperCase(p.charAt(0))) {
                break;
            }
            if (taken > 0) {
                pkg.append('.');
            }
            pkg.append(p);
            taken++;
        }
        return pkg.toString();
    }

    /** The file name of a module: {@code /lib/x86_64-linux-gnu/libc-2.15.so} gives {@code libc-2.15.so}. */
    static String library(String module) {
        if (module == null || module.isEmpty() || module.equals("[unknown]")) {
            return "(unknown)";
        }
        if (module.startsWith("[kernel") || module.endsWith("vmlinux")) {
            return "kernel";
        }
        if (module.startsWith("/tmp/perf-") && module.endsWith(".map")) {
            return "JIT code";
        }
        return module.substring(module.lastIndexOf('/') + 1);
    }

    /** A stable 32-bit hash of a name: FNV-1a over its chars, then mixed so nearby names differ. */
    static int hash(String s) {
        int h = 0x811C9DC5;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    private static int rgb(double r, double g, double b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    static int hsb(double hue, double saturation, double brightness) {
        double h = (hue - Math.floor(hue)) * 6;
        double c = brightness * saturation;
        double x = c * (1 - Math.abs(h % 2 - 1));
        double m = brightness - c;
        double r;
        double g;
        double b;
        switch ((int) h) {
            case 0: r = c; g = x; b = 0; break;
            case 1: r = x; g = c; b = 0; break;
            case 2: r = 0; g = c; b = x; break;
            case 3: r = 0; g = x; b = c; break;
            case 4: r = x; g = 0; b = c; break;
            default: r = c; g = 0; b = x; break;
        }
        return rgb((r + m) * 255, (g + m) * 255, (b + m) * 255);
    }

    /** {@code #rrggbb}. */
    public static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }
}
